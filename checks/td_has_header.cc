// td-has-header: in a data table with header cells, every data cell with content has a
// header (axe-core "td-has-header"; WCAG 1.3.1, technique H63/H43).
//
// Applies to <table> elements with role table, grid or treegrid, in the accessibility tree,
// at least two rows and two columns, and at least one <th> of their own (a table without any
// header cell may be a layout table; whether a data table lacks headers altogether is not
// decidable from markup). Each <td> with text or content must get a header from the HTML
// table model (html/table.h): its headers attribute, or a row or column header found by
// scanning its row and column. Browsers are more lenient than HTML's algorithm (an auto
// scoped <th> in a first row that starts with an empty <td> corner is no column header to
// HTML, but is one to every browser), so any <th> above the cell in its column, or left of
// it in its row, also counts: a cell fails only when it has no header cell in either.
//
// Kind: Requirement. A cell whose row and column have no header is read without one: in a
// table that uses headers, the relation the layout shows is then missing for screen reader
// users (1.3.1). What the model does not cover — scope="colgroup"/"rowgroup" and <td>
// elements given a header role — makes a headerless cell cantTell, never failed.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "checks/common/table_models.h"
#include "engine/registry.h"
#include "html/table.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kAllHaveHeaders{"all-have-headers", {"Alla celler med innehåll i tabellen har en rubrik.",
                                                   "Every cell with content in the table has a header."}};
const Message kNoHeader{"no-header",
                        {"Cellen \"{0}\" har ingen rubrik: varken dess rad eller kolumn har en rubrikcell. "
                         "Skärmläsare läser upp värdet utan att säga vad det gäller.",
                         "The cell \"{0}\" has no header: neither its row nor its column has a header cell. "
                         "Screen readers read the value without saying what it is about."}};
const Message kUnsure{"unsure",
                      {"Cellen \"{0}\" verkar inte ha någon rubrik, men tabellen använder något som granska inte "
                       "kan tolka säkert (scope=\"colgroup\"/\"rowgroup\" eller celler med rubrikroll). "
                       "Kontrollera tabellen.",
                       "The cell \"{0}\" does not seem to have a header, but the table uses something granska "
                       "cannot read with certainty (scope=\"colgroup\"/\"rowgroup\" or cells with a header "
                       "role). Check the table."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Cellen \"{0}\" har ingen rubrik, men tabellen kan vara dold med CSS som granska inte "
                            "kunde utvärdera. Kontrollera om den syns.",
                            "The cell \"{0}\" has no header, but the table may be hidden by CSS that granska could "
                            "not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "td-has-header",
    .title = {"Tabellceller har rubriker", "Table cells have headers"},
    .description = {"Kontrollerar att varje cell med innehåll i en datatabell med rubriker hör till en "
                    "rubrikcell i sin rad eller kolumn, så att skärmläsare kan säga vad värdet gäller.",
                    "Checks that every cell with content in a data table with headers belongs to a header "
                    "cell in its row or column, so screen readers can say what the value is about."},
    .help = {"Ge varje kolumn en rubrik med <th scope=\"col\"> i första raden och, om raderna har namn, varje "
             "rad en rubrik med <th scope=\"row\">. Celler utanför rubrikerna (till exempel en extra kolumn "
             "längst till höger) behöver också en rubrik.",
             "Give every column a header with <th scope=\"col\"> in the first row and, if the rows have names, "
             "every row a header with <th scope=\"row\">. Cells outside the headers (such as an extra column "
             "on the right) need a header too."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"td-has-header"},
    .impact = Impact::Serious,
    .kind = RuleKind::Requirement,
    .messages = {&kAllHaveHeaders, &kNoHeader, &kUnsure, &kMaybeHidden},
};

bool has_content(const html::Node& cell) {
  if (!text::trim(cell.text_content()).empty()) return true;
  for (const html::Node* d : cell.descendant_elements()) {
    if (d->is("img") || d->is("input") || d->is("select") || d->is("textarea") || d->is("button") ||
        d->ns() == html::Namespace::Svg) {
      return true;
    }
  }
  return false;
}

// Where the first header cell of each column (from the top) and row (from the left) is, so
// "a header above or left of this cell" is one comparison per column/row it covers.
struct FirstHeaders {
  std::vector<std::uint32_t> row_of_column, column_of_row;  // UINT32_MAX: none
  explicit FirstHeaders(const html::TableModel& model)
      : row_of_column(model.width(), UINT32_MAX), column_of_row(model.height(), UINT32_MAX) {
    for (const html::TableCell& c : model.cells()) {
      if (!c.header) continue;
      for (std::uint32_t x = c.x; x < c.x + c.width && x < model.width(); ++x) {
        row_of_column[x] = std::min(row_of_column[x], c.y);
      }
      for (std::uint32_t y = c.y; y < c.y + c.height && y < model.height(); ++y) {
        column_of_row[y] = std::min(column_of_row[y], c.x);
      }
    }
  }
  // Any header cell above `c` in its columns or left of it in its rows.
  bool any(const html::TableCell& c) const {
    for (std::uint32_t x = c.x; x < c.x + c.width && x < row_of_column.size(); ++x) {
      if (row_of_column[x] < c.y) return true;
    }
    for (std::uint32_t y = c.y; y < c.y + c.height && y < column_of_row.size(); ++y) {
      if (column_of_row[y] < c.x) return true;
    }
    return false;
  }
};

std::string excerpt(const html::Node& cell) {
  return text::truncate_utf8(text::collapse_whitespace(cell.text_content()), 40);
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* table : ctx.doc.elements()) {
    if (!table->is("table")) continue;
    std::string_view role = ctx.aria.role(*table);
    if (role != "table" && role != "grid" && role != "treegrid") continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*table);
    if (hidden == aria::Tristate::Yes) continue;
    const html::TableModel& model = table_model(ctx, *table);
    if (model.width() < 2 || model.height() < 2) continue;
    bool any_th = false, header_roles = false;
    for (const html::TableCell& c : model.cells()) {
      any_th = any_th || c.header;
      std::string_view r = ctx.aria.role(*c.element);
      header_roles = header_roles || (!c.header && (r == "columnheader" || r == "rowheader"));
    }
    if (!any_th) continue;
    bool unsure = header_roles || model.uses_group_scope();
    bool all = true;
    FirstHeaders first(model);
    for (const html::TableCell& c : model.cells()) {
      if (c.header || ctx.aria.hidden_from_at(*c.element) == aria::Tristate::Yes || !has_content(*c.element)) continue;
      if (first.any(c) || !model.assigned_headers(c).empty()) continue;
      all = false;
      if (unsure) {
        out.cant_tell(c.element, kUnsure, {excerpt(*c.element)});
      } else if (hidden == aria::Tristate::Unknown) {
        out.cant_tell(c.element, kMaybeHidden, {excerpt(*c.element)});
      } else {
        out.failed(c.element, kNoHeader, {excerpt(*c.element)});
      }
    }
    if (all) out.passed(table, kAllHaveHeaders);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
