// td-headers-attr: the headers attribute of a table cell names only other cells of the
// same table (ACT a25f45, WCAG 1.3.1). Applies to every td/th with a non-empty headers
// attribute that is a cell of a <table> whose role is table, grid or treegrid and which is
// not hidden. Each id must belong to a cell of that table (html/table.h) other than the cell
// itself; an id of an element elsewhere, of a non-cell, or of nothing fails.
//
// HTML allows only <th> ids in headers. An id of a <td> without a header role (columnheader,
// rowheader) is another cell of the table, so ACT a25f45 passes it, and browsers do read
// its text as the header; but it is usually a mistake (a header marked up as a data cell,
// or an id pointing at the wrong cell), so it gives cantTell: a person checks the cell.
#include <string>

#include "checks/common/table_models.h"
#include "engine/registry.h"
#include "html/table.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kValid{"valid", {"headers=\"{0}\" pekar bara på andra celler i samma tabell.",
                               "headers=\"{0}\" refers only to other cells in the same table."}};
const Message kBadId{"not-a-cell-in-table",
                     {"headers pekar på \"{0}\", som inte är en annan cell i samma tabell. Skärmläsare kan "
                      "inte läsa upp rätt rubrik för cellen.",
                      "headers refers to \"{0}\", which is not another cell in the same table. Screen "
                      "readers cannot read out the right header for the cell."}};
const Message kDataCell{"refers-to-data-cell",
                        {"headers pekar på \"{0}\", som är en vanlig datacell (<td>) och inte en rubrikcell. "
                         "Kontrollera att den verkligen är en rubrik; gör den i så fall till <th>.",
                         "headers refers to \"{0}\", which is an ordinary data cell (<td>), not a header cell. "
                         "Check that it really is a header; if so, make it a <th>."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"headers pekar på \"{0}\", som inte är en annan cell i tabellen, men tabellen kan "
                            "vara dold med CSS som granska inte kunde utvärdera. Kontrollera om den syns.",
                            "headers refers to \"{0}\", which is not another cell in the table, but the table "
                            "may be hidden by CSS that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "td-headers-attr",
    .title = {"Attributet headers pekar på celler i samma tabell",
              "The headers attribute refers to cells in the same table"},
    .description = {"Kontrollerar att attributet headers på en tabellcell bara innehåller id:n för andra celler "
                    "i samma tabell. Annars kopplar skärmläsare cellen till fel rubrik, eller till ingen alls.",
                    "Checks that the headers attribute on a table cell holds only ids of other cells in the "
                    "same table. Otherwise screen readers connect the cell to the wrong header, or to none."},
    .help = {"Rätta id:na i headers så att de pekar på rubrikcellerna (<th id=\"…\">) i samma tabell, "
             "eller ta bort headers och använd <th scope=\"col\"> eller <th scope=\"row\"> i stället.",
             "Correct the ids in headers so that they point to the header cells (<th id=\"…\">) of the same "
             "table, or remove headers and use <th scope=\"col\"> or <th scope=\"row\"> instead."},
    .criteria = {sc("1.3.1")},
    .act_rules = {"a25f45"},
    .axe_rules = {"td-headers-attr"},
    .impact = Impact::Serious,
    .messages = {&kValid, &kBadId, &kDataCell, &kMaybeHidden},
};

const html::Node* enclosing_table(const html::Node& cell) {
  for (const html::Node* p = cell.parent_element(); p; p = p->parent_element()) {
    if (p->is("table")) return p;
  }
  return nullptr;
}

// Calls f(id) for each whitespace-separated id in `ids`.
template <class F>
void for_each_id(std::string_view ids, F&& f) {
  std::size_t i = 0;
  while (i < ids.size()) {
    while (i < ids.size() && text::is_html_space(ids[i])) ++i;
    std::size_t start = i;
    while (i < ids.size() && !text::is_html_space(ids[i])) ++i;
    if (i > start) f(ids.substr(start, i - start));
  }
}

// The first id in `headers` that is a <td> of `table` without a header role; empty when none is.
std::string first_data_cell_id(Context& ctx, const html::TableModel& table, std::string_view headers) {
  std::string found;
  for_each_id(headers, [&](std::string_view id) {
    if (!found.empty()) return;
    const html::Node* target = ctx.doc.element_by_id(id);
    const html::TableCell* c = target ? table.cell_of(*target) : nullptr;
    if (!c || c->header) return;
    std::string_view role = ctx.aria.role(*target);
    if (role != "columnheader" && role != "rowheader") found = std::string(id);
  });
  return found;
}

// The first id in `headers` that is not another cell of `table`; empty when all are.
std::string first_bad_id(const html::TableModel& table, const html::Node& cell, std::string_view headers) {
  std::size_t i = 0;
  while (i < headers.size()) {
    while (i < headers.size() && text::is_html_space(headers[i])) ++i;
    std::size_t start = i;
    while (i < headers.size() && !text::is_html_space(headers[i])) ++i;
    if (i == start) continue;
    std::string_view id = headers.substr(start, i - start);
    const html::Node* target = cell.document().element_by_id(id);
    if (!target || target == &cell || !table.cell_of(*target)) return std::string(id);
  }
  return "";
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("td") && !e->is("th")) continue;
    auto headers = e->attr("headers");
    if (!headers || text::trim(*headers).empty()) continue;
    const html::Node* table = enclosing_table(*e);
    if (!table) continue;
    std::string_view role = ctx.aria.role(*table);
    if (role != "table" && role != "grid" && role != "treegrid") continue;
    aria::Tristate hidden = ctx.aria.hidden(*table);
    if (hidden == aria::Tristate::Yes) continue;
    const html::TableModel& model = table_model(ctx, *table);
    if (!model.cell_of(*e)) continue;  // not a cell of the table (misplaced markup)
    std::string bad = first_bad_id(model, *e, *headers);
    if (bad.empty()) {
      std::string data_cell = first_data_cell_id(ctx, model, *headers);
      if (!data_cell.empty()) {
        out.cant_tell(e, kDataCell, {data_cell});
      } else {
        out.passed(e, kValid, {std::string(text::trim(*headers))});
      }
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {bad});
    } else {
      out.failed(e, kBadId, {bad});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
