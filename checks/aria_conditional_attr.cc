// aria-conditional-attr: ARIA attributes that a role supports only in some places are used
// there (axe-core "aria-conditional-attr"; ARIA in HTML; WAI-ARIA 1.2 row). Applies to
//   - aria-checked on a native checkbox or radio button (<input type=checkbox|radio>): the
//     element's own checked state is what browsers expose, so aria-checked is at best
//     redundant and at worst says the opposite of what is shown. aria-checked="mixed" on a
//     checkbox is allowed: HTML has no markup for the mixed state.
//   - aria-expanded, aria-level, aria-posinset and aria-setsize on a row that is not in a
//     treegrid: WAI-ARIA 1.2 defines them on rows only for tree grids.
// in the accessibility tree.
//
// Kind: BestPractice. Browsers resolve both in a predictable way (the native state wins;
// row attributes outside a treegrid are mostly ignored), so what users get is usually
// right; the markup claims something it cannot do.
#include <string>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kFits{"fits", {"{0} används där rollen stöder det.", "{0} is used where the role supports it."}};
const Message kNativeChecked{"native-checked",
                             {"aria-checked används på en vanlig kryssruta eller radioknapp. Webbläsaren visar "
                              "elementets eget läge (checked), så aria-checked behövs inte och kan säga fel. Ta "
                              "bort det.",
                              "aria-checked is used on a native checkbox or radio button. The browser exposes "
                              "the element's own state (checked), so aria-checked is not needed and may say the "
                              "wrong thing. Remove it."}};
const Message kRowOutsideTreegrid{"row-outside-treegrid",
                                  {"{0} på en tabellrad gäller bara i ett träd (role=\"treegrid\"). Ta bort det, "
                                   "eller gör tabellen till en treegrid om raderna går att fälla ut.",
                                   "{0} on a table row applies only in a tree grid (role=\"treegrid\"). Remove it, "
                                   "or make the table a treegrid if its rows can be expanded."}};

const RuleInfo kInfo{
    .id = "aria-conditional-attr",
    .title = {"ARIA-attribut används där rollen stöder dem", "ARIA attributes are used where the role supports "
                                                             "them"},
    .description = {"Varnar för aria-checked på vanliga kryssrutor och radioknappar, och för aria-expanded, "
                    "aria-level, aria-posinset och aria-setsize på tabellrader utanför ett träd (treegrid).",
                    "Warns about aria-checked on native checkboxes and radio buttons, and about aria-expanded, "
                    "aria-level, aria-posinset and aria-setsize on table rows outside a tree grid."},
    .help = {"Ta bort aria-checked från <input type=\"checkbox\"> och <input type=\"radio\"> och använd "
             "attributet checked. Ta bort radattributen, eller använd role=\"treegrid\" för tabeller med rader "
             "som fälls ut.",
             "Remove aria-checked from <input type=\"checkbox\"> and <input type=\"radio\"> and use the checked "
             "attribute. Remove the row attributes, or use role=\"treegrid\" for tables with expandable rows."},
    .criteria = {sc("4.1.2")},
    .axe_rules = {"aria-conditional-attr"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kFits, &kNativeChecked, &kRowOutsideTreegrid},
};

// The nearest ancestor whose role is a table-like container (table, grid, treegrid).
std::string_view container_role(Context& ctx, const html::Node& row) {
  for (const html::Node* p = row.parent_element(); p; p = p->parent_element()) {
    std::string_view r = ctx.aria.role(*p);
    if (r == "table" || r == "grid" || r == "treegrid") return r;
  }
  return "";
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->is("input") && e->has_attr("aria-checked")) {
      std::string_view type = aria::Semantics::input_type(*e);
      if ((type != "checkbox" && type != "radio") || ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
      std::string_view v = text::trim(*e->attr("aria-checked"));
      if (type == "checkbox" && text::iequals(v, "mixed")) {
        out.passed(e, kFits, {"aria-checked=\"mixed\""});
      } else {
        out.failed(e, kNativeChecked);
      }
      continue;
    }
    if (ctx.aria.role(*e) != "row") continue;
    bool any = false;
    for (std::string_view a : {"aria-expanded", "aria-level", "aria-posinset", "aria-setsize"}) {
      if (!e->has_attr(a)) continue;
      if (!any && ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) break;
      any = true;
      if (container_role(ctx, *e) == "treegrid") {
        out.passed(e, kFits, {std::string(a)});
      } else {
        out.failed(e, kRowOutsideTreegrid, {std::string(a)});
      }
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
