// th-has-data-cells: every table header cell is the header of at least one cell (ACT d0f69e,
// WCAG 1.3.1). Applies to elements with role columnheader or rowheader (<th>, role=...)
// in a table, grid or treegrid that are in the accessibility tree.
//
// HTML tables use the HTML table model (html/table.h): the header passes when some other
// cell is assigned to it, by its headers attribute or by the row/column scan. ARIA tables
// (role="table" with role="row" children) are read as a plain grid: a columnheader heads
// the cells in its column in the other rows, a rowheader the other cells of its row.
// Whatever the model does not cover (scope="colgroup"/"rowgroup", a td with a header role,
// aria-colspan, aria-colindex, aria-owns, ...) gives cantTell, never failed.
#include <map>
#include <vector>

#include "checks/common/table_models.h"
#include "engine/registry.h"
#include "html/table.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasCells{"has-cells", {"Rubrikcellen är rubrik för minst en cell i tabellen.",
                                      "The header cell is the header of at least one cell in the table."}};
const Message kNoCells{"no-cells",
                       {"Rubrikcellen är inte rubrik för någon cell: det finns inga celler under eller bredvid "
                        "den som hör till den. Skärmläsare kan inte koppla rubriken till något innehåll.",
                        "The header cell is not the header of any cell: no cells below or beside it belong to "
                        "it. Screen readers cannot connect the header to any content."}};
const Message kUnsure{"unsure",
                      {"Rubrikcellen verkar inte vara rubrik för någon cell, men tabellen använder något som "
                       "granska inte kan tolka säkert (till exempel scope=\"colgroup\", aria-colspan eller CSS). "
                       "Kontrollera tabellen.",
                       "The header cell does not seem to be the header of any cell, but the table uses "
                       "something granska cannot read with certainty (such as scope=\"colgroup\", aria-colspan "
                       "or CSS). Check the table."}};

const RuleInfo kInfo{
    .id = "th-has-data-cells",
    .title = {"Rubrikceller hör till celler i tabellen", "Table header cells belong to cells in the table"},
    .description = {"Kontrollerar att varje rubrikcell i en tabell (<th>) verkligen är rubrik för några celler. "
                    "En rubrik utan celler under eller bredvid sig är oftast en tabell med fel struktur, och "
                    "skärmläsare läser upp fel rubriker för cellerna.",
                    "Checks that every header cell in a table (<th>) really is the header of some cells. A "
                    "header with no cells below or beside it usually means a table with the wrong structure, "
                    "and screen readers read out the wrong headers for the cells."},
    .help = {"Se till att varje kolumn och rad med en rubrik också har celler, eller ta bort rubriken. Är "
             "cellen ingen rubrik: gör den till <td>.",
             "Make sure every column and row with a header also has cells, or remove the header. If the cell "
             "is not a header, make it a <td>."},
    .criteria = {sc("1.3.1")},
    .act_rules = {"d0f69e"},
    .axe_rules = {"th-has-data-cells"},
    .impact = Impact::Moderate,
    .messages = {&kHasCells, &kNoCells, &kUnsure},
};

bool is_table_role(std::string_view r) { return r == "table" || r == "grid" || r == "treegrid"; }
bool is_cell_role(std::string_view r) {
  return r == "cell" || r == "gridcell" || r == "columnheader" || r == "rowheader";
}

const html::Node* nearest_with(Context& ctx, const html::Node& e, bool (*pred)(std::string_view)) {
  for (const html::Node* p = e.parent_element(); p; p = p->parent_element()) {
    if (pred(ctx.aria.role(*p))) return p;
  }
  return nullptr;
}

enum class Verdict { Assigned, Unassigned, Unsure };

// An HTML table with, per cell, whether some other cell is assigned to it: computed once
// per table, so large tables stay linear in their cells times the scan length.
struct HtmlTable {
  const html::TableModel& model;
  std::vector<bool> assigned;  // parallel to model.cells()

  HtmlTable(Context& ctx, const html::Node& table) : model(table_model(ctx, table)) {
    const auto& cells = model.cells();
    assigned.assign(cells.size(), false);
    for (const html::TableCell& c : cells) {
      for (const html::TableCell* h : model.assigned_headers(c)) {
        if (h != &c) assigned[static_cast<std::size_t>(h - cells.data())] = true;
      }
    }
  }
};

Verdict html_table(const HtmlTable& t, const html::Node& header) {
  const html::TableCell* cell = t.model.cell_of(header);
  if (!cell) return Verdict::Unsure;
  if (t.assigned[static_cast<std::size_t>(cell - t.model.cells().data())]) return Verdict::Assigned;
  // HTML assigns only th; a td with a header role, or group scopes, are beyond the model.
  return cell->header && !t.model.uses_group_scope() ? Verdict::Unassigned : Verdict::Unsure;
}

Verdict aria_table(Context& ctx, const html::Node& table, const html::Node& header, bool column) {
  // Rows of this table and their cells, in tree order; nested tables excluded.
  std::vector<std::vector<const html::Node*>> rows;
  long hr = -1;
  long hc = -1;
  bool complicated = false;
  for (const html::Node* e : table.descendant_elements()) {
    for (std::string_view a : {"aria-colspan", "aria-rowspan", "aria-colindex", "aria-rowindex", "aria-owns"}) {
      complicated = complicated || e->has_attr(a);
    }
    std::string_view role = ctx.aria.role(*e);
    if (role == "row" && nearest_with(ctx, *e, is_table_role) == &table) {
      rows.emplace_back();
    } else if (is_cell_role(role) && !rows.empty()) {
      const html::Node* row = nearest_with(ctx, *e, [](std::string_view r) { return r == "row"; });
      const html::Node* owner = row ? nearest_with(ctx, *row, is_table_role) : nullptr;
      if (!owner || owner != &table) continue;
      if (e == &header) {
        hr = static_cast<long>(rows.size()) - 1;
        hc = static_cast<long>(rows.back().size());
      }
      rows.back().push_back(e);
    }
  }
  if (hr < 0) return Verdict::Unsure;
  for (long r = 0; r < static_cast<long>(rows.size()); ++r) {
    if (column && r != hr && hc < static_cast<long>(rows[r].size())) return Verdict::Assigned;
    if (!column && r == hr && rows[r].size() > 1) return Verdict::Assigned;
  }
  return complicated ? Verdict::Unsure : Verdict::Unassigned;
}

void evaluate(Context& ctx, Reporter& out) {
  std::map<const html::Node*, HtmlTable> models;
  for (const html::Node* e : ctx.doc.elements()) {
    std::string_view role = ctx.aria.role(*e);
    if (role != "columnheader" && role != "rowheader") continue;
    const html::Node* table = nearest_with(ctx, *e, is_table_role);
    if (!table) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    Verdict v;
    if (table->is("table")) {
      auto it = models.find(table);
      if (it == models.end()) it = models.try_emplace(table, ctx, *table).first;
      v = html_table(it->second, *e);
    } else {
      v = aria_table(ctx, *table, *e, role == "columnheader");
    }
    if (v == Verdict::Unassigned && hidden == aria::Tristate::Unknown) v = Verdict::Unsure;
    switch (v) {
      case Verdict::Assigned: out.passed(e, kHasCells); break;
      case Verdict::Unassigned: out.failed(e, kNoCells); break;
      case Verdict::Unsure: out.cant_tell(e, kUnsure); break;
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
