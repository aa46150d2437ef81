// What header cells hold. Twin rules over the header cells of data tables:
//
//   empty-table-header   (best practice; axe-core "empty-table-header") — every header cell
//                        (<th>, or role columnheader/rowheader) has text. An empty header is
//                        announced as nothing before every cell it heads. The empty top-left
//                        corner of a table with both row and column headers is the common
//                        case: it should be a <td>.
//   table-in-header-cell (best practice; what WAVE and SiteImprove flag) — no header cell
//                        contains a table. A header's whole content is read before each of
//                        its cells, and screen readers lose their place in the outer table.
//
// Applies to header cells of <table> elements whose role is table, grid or treegrid (not
// layout tables) that are in the accessibility tree. Both are best practices: the table's
// information is still there, only harder to use (WCAG 1.3.1 asks that relationships be
// programmatically determined, which they are, if badly).
#include "checks/common/table_models.h"
#include "engine/registry.h"
#include "html/table.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasText{"has-text", {"Rubrikcellen har texten \"{0}\".", "The header cell has the text \"{0}\"."}};
const Message kEmpty{"empty",
                     {"Rubrikcellen är tom. Skärmläsare läser upp en tom rubrik för cellerna den hör till. Skriv "
                      "en rubrik, eller gör cellen till <td> om den inte är någon rubrik.",
                      "The header cell is empty. Screen readers announce an empty header for the cells it "
                      "belongs to. Write a header, or make the cell a <td> if it is no header."}};
const Message kEmptyCorner{"empty-corner",
                           {"Hörncellen överst till vänster är en tom rubrikcell. Gör den till <td>, så läses "
                            "ingen tom rubrik upp.",
                            "The top-left corner cell is an empty header cell. Make it a <td>, so no empty "
                            "header is announced."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Rubrikcellen är tom, men tabellen kan vara dold med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om den syns.",
                            "The header cell is empty, but the table may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kEmptyInfo{
    .id = "empty-table-header",
    .title = {"Rubrikceller i tabeller har text", "Table header cells have text"},
    .description = {"Kontrollerar att rubrikcellerna (<th>) i datatabeller har en text. En tom rubrikcell läses "
                    "upp som ingenting före varje cell den hör till.",
                    "Checks that the header cells (<th>) of data tables have a text. An empty header cell is "
                    "announced as nothing before each cell it belongs to."},
    .help = {"Skriv en kort rubrik i cellen, till exempel \"Datum\". Är cellen ingen rubrik, som det tomma "
             "hörnet överst till vänster: gör den till <td>.",
             "Write a short header in the cell, for example \"Date\". If the cell is no header, like the "
             "empty top-left corner: make it a <td>."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"empty-table-header"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kHasText, &kEmpty, &kEmptyCorner, &kMaybeHidden},
};

const Message kNoNestedTable{"no-nested-table", {"Ingen rubrikcell i tabellen innehåller en tabell.",
                                                  "No header cell of the table contains a table."}};
const Message kNestedTable{"nested-table",
                           {"Rubrikcellen innehåller en hel tabell. Skärmläsare läser upp allt i rubriken före "
                            "varje cell den hör till och tappar bort sig i den yttre tabellen. Flytta tabellen "
                            "till en vanlig cell (<td>) eller ut ur tabellen.",
                            "The header cell contains a whole table. Screen readers read everything in the "
                            "header before each cell it belongs to and lose their place in the outer table. Move "
                            "the table to an ordinary cell (<td>) or out of the table."}};

const RuleInfo kNestedInfo{
    .id = "table-in-header-cell",
    .title = {"Rubrikceller innehåller inga tabeller", "Header cells contain no tables"},
    .description = {"Varnar för tabeller inuti rubrikceller (<th>). Allt i en rubrikcell läses upp som rubrik "
                    "för varje cell den hör till, så en tabell där blir obegriplig.",
                    "Warns about tables inside header cells (<th>). Everything in a header cell is read as "
                    "the header of each cell it belongs to, so a table there becomes incomprehensible."},
    .help = {"Lägg den inre tabellen i en vanlig cell (<td>), eller dela upp innehållet i två tabeller bredvid "
             "varandra.",
             "Put the inner table in an ordinary cell (<td>), or split the content into two tables side by "
             "side."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kNoNestedTable, &kNestedTable},
};

bool is_data_table(Context& ctx, const html::Node& table) {
  std::string_view role = ctx.aria.role(table);
  return (role == "table" || role == "grid" || role == "treegrid") &&
         ctx.aria.hidden_from_at(table) != aria::Tristate::Yes;
}

bool is_header_role(std::string_view role) { return role == "columnheader" || role == "rowheader"; }

// The header cells of a table's own model (cells of nested tables excluded), plus td cells
// given a header role.
template <class F>
void for_each_header(Context& ctx, const html::TableModel& model, F&& f) {
  for (const html::TableCell& c : model.cells()) {
    if (c.header || is_header_role(ctx.aria.role(*c.element))) f(c);
  }
}

void evaluate_empty(Context& ctx, Reporter& out) {
  for (const html::Node* table : ctx.doc.elements()) {
    if (!table->is("table") || !is_data_table(ctx, *table)) continue;
    const html::TableModel& model = table_model(ctx, *table);
    bool has_row_headers = false, has_column_headers = false;
    for (const html::TableCell& c : model.cells()) {
      has_row_headers = has_row_headers || model.is_row_header(c);
      has_column_headers = has_column_headers || model.is_column_header(c);
    }
    for_each_header(ctx, model, [&](const html::TableCell& c) {
      const html::Node* cell = c.element;
      aria::Tristate hidden = ctx.aria.hidden_from_at(*cell);
      if (hidden == aria::Tristate::Yes) return;
      std::string name = ctx.aria.name(*cell).text;
      if (!name.empty()) return out.passed(cell, kHasText, {name});
      if (hidden == aria::Tristate::Unknown) return out.cant_tell(cell, kMaybeHidden);
      bool corner = c.x == 0 && c.y == 0 && c.header && has_row_headers && has_column_headers;
      out.failed(cell, corner ? kEmptyCorner : kEmpty);
    });
  }
}

void evaluate_nested(Context& ctx, Reporter& out) {
  for (const html::Node* table : ctx.doc.elements()) {
    if (!table->is("table") || !is_data_table(ctx, *table)) continue;
    const html::TableModel& model = table_model(ctx, *table);
    bool any_header = false, failed = false;
    for_each_header(ctx, model, [&](const html::TableCell& c) {
      any_header = true;
      if (ctx.aria.hidden_from_at(*c.element) == aria::Tristate::Yes) return;
      for (const html::Node* d : c.element->descendant_elements()) {
        if (d->is("table") && ctx.aria.hidden(*d) != aria::Tristate::Yes) {
          out.failed(c.element, kNestedTable);
          failed = true;
          return;
        }
      }
    });
    if (any_header && !failed) out.passed(table, kNoNestedTable);
  }
}

const RuleRegistration kEmptyRegistration(kEmptyInfo, evaluate_empty);
const RuleRegistration kNestedRegistration(kNestedInfo, evaluate_nested);

}  // namespace
}  // namespace granska::checks
