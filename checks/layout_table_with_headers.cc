// layout-table-with-headers: a table marked as layout (role=none/presentation) has no
// data-table markup (granska's own rule, no ACT rule; WCAG 1.3.1, failure F92 as reference).
//
// Applies to <table> elements in the accessibility tree whose computed role is none — an
// explicit role=none/presentation that survives WAI-ARIA's conflict resolution (a focusable
// table or one with global ARIA attributes keeps its table role and is not layout). Fails
// when the table still carries markup that only makes sense for data: <th>, <caption>, a
// summary attribute, or scope/headers on its cells (cells of nested tables are not counted).
//
// Kind: BestPractice. The markup contradicts itself: either the table holds data and
// role=presentation hides its headers from screen readers (F92, a 1.3.1 failure), or it is
// layout and the header markup is left over. Which one is a human judgement, so granska
// warns. The reverse — a data table that lacks headers — is not decidable from markup
// alone (layout tables without role look the same) and is not checked.
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kClean{"layout-only", {"Layouttabellen har ingen märkning för datatabeller.",
                                     "The layout table has no data table markup."}};
const Message kConflict{
    "data-markup",
    {"Tabellen är markerad som layout (role=\"{0}\") men har {1}, som bara används i datatabeller. Är det "
     "en datatabell döljs rubrikerna för skärmläsare. Visar tabellen data: ta bort role=\"{0}\", annars "
     "ta bort {1}.",
     "The table is marked as layout (role=\"{0}\") but has {1}, which is only used in data tables. If it is a "
     "data table, its headers are hidden from screen readers. If the table shows data, remove "
     "role=\"{0}\"; otherwise remove {1}."}};

const RuleInfo kInfo{
    .id = "layout-table-with-headers",
    .title = {"Layouttabeller har ingen rubrikmärkning", "Layout tables have no header markup"},
    .description = {"Varnar för tabeller med role=\"presentation\" eller role=\"none\" som ändå har "
                    "rubrikceller (<th>), tabellrubrik (<caption>), summary, scope eller headers. Antingen är "
                    "tabellen en datatabell vars rubriker döljs för skärmläsare, eller så finns märkning kvar "
                    "som inte behövs.",
                    "Warns about tables with role=\"presentation\" or role=\"none\" that still have header cells "
                    "(<th>), a caption (<caption>), summary, scope or headers. Either the table holds data whose "
                    "headers are hidden from screen readers, or leftover markup is not needed."},
    .help = {"Visar tabellen data, till exempel avgifter eller öppettider: ta bort role=\"presentation\". Är "
             "den bara till för layout: byt <th> mot <td> och ta bort <caption>, scope och headers – eller "
             "ersätt tabellen med CSS.",
             "If the table shows data, such as fees or opening hours, remove role=\"presentation\". If it is "
             "only for layout, change <th> to <td> and remove <caption>, scope and headers – or replace the "
             "table with CSS."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .kind = RuleKind::BestPractice,
    .messages = {&kClean, &kConflict},
};

const html::Node* nearest_table(const html::Node& e) {
  for (const html::Node* a = e.parent_element(); a; a = a->parent_element()) {
    if (a->is("table")) return a;
  }
  return nullptr;
}

// The first piece of data-table markup that belongs to `table`, described for the message.
std::string data_markup(const html::Node& table) {
  if (auto s = table.attr("summary"); s && !text::trim(*s).empty()) return "summary";
  for (const html::Node* d : table.descendant_elements()) {
    if (nearest_table(*d) != &table) continue;
    if (d->is("caption") && !text::trim(d->text_content()).empty()) return "<caption>";
    if (d->is("th")) return "<th>";
    if ((d->is("td")) && (d->has_attr("scope") || d->has_attr("headers"))) {
      return d->has_attr("scope") ? "scope" : "headers";
    }
  }
  return "";
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("table") || ctx.aria.role(*e) != "none") continue;
    // Hidden tables, and those CSS granska did not evaluate may hide, are not judged.
    if (ctx.aria.hidden_from_at(*e) != aria::Tristate::No) continue;
    std::string markup = data_markup(*e);
    std::string role = text::ascii_lower(text::trim(e->attr("role").value_or("none")));
    if (role.find("presentation") != std::string::npos) role = "presentation";
    else role = "none";
    if (markup.empty()) {
      out.passed(e, kClean);
    } else {
      out.failed(e, kConflict, {role, markup});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
