// pdf-table-headers: data cells can be tied to their header cells: either through
// Headers/ID attributes, or because every header cell that shares a row or column with a
// data cell has a Scope (WCAG 1.3.1, PDF/UA-1 7.5; Matterhorn 15-003). A table with no
// header cells at all may be a layout table: cantTell.
#include <set>

#include "checks/common/document_rules.h"
#include "checks/common/table_grid.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"headers-determinable", {"Tabellens rubrikceller går att koppla till datacellerna.",
                                           "The table's header cells can be tied to its data cells."}};
const Message kNoScope{"th-without-scope", {"Rubrikcellen saknar Scope (rad eller kolumn) och datacellerna har inga "
                                            "Headers: skärmläsaren vet inte vilka celler den gäller.",
                                            "The header cell has no Scope (row or column) and the data cells have no "
                                            "Headers: a screen reader cannot tell which cells it applies to."}};
const Message kNoHeaders{"no-header-cells", {"Tabellen har inga rubrikceller (TH). Är den en datatabell ska rubrikerna "
                                             "taggas som TH; är den bara layout ska den inte taggas som tabell.",
                                             "The table has no header cells (TH). If it is a data table its headers must "
                                             "be tagged TH; if it is only layout it should not be tagged as a table."}};

const RuleInfo kInfo{
    .id = "pdf-table-headers",
    .title = {"Tabeller i PDF har kopplade rubrikceller", "Tables in PDF have linked header cells"},
    .description = {"Kontrollerar att tabeller har rubrikceller (TH) och att skärmläsare kan avgöra vilka "
                    "datarader och -kolumner varje rubrik gäller.",
                    "Checks that tables have header cells (TH) and that screen readers can tell which data rows "
                    "and columns each header applies to."},
    .help = {"Markera rubrikraden som rubrik i källfilen (i Word: Tabellegenskaper > Rad > Upprepa som rubrikrad). I "
             "Acrobat Pro: Tabellredigeraren > Tabellcellsegenskaper > Rubrikcell och Omfång (rad/kolumn).",
             "Mark the header row as a header in the source file (in Word: Table Properties > Row > Repeat as header "
             "row). In Acrobat Pro: Table Editor > Table Cell Properties > Header Cell and Scope (row/column)."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kNoScope, &kNoHeaders},
    .subject = Subject::Pdf,
    .pdfua = "7.5",
    .matterhorn = {"15-003"},
};

void check(const documents::Pdf& p, const documents::Element& table, Reporter& out) {
  std::vector<doc::GridCell> cells = doc::table_grid(p, table);
  const bool any_th = std::any_of(cells.begin(), cells.end(), [](const doc::GridCell& c) { return c.header(); });
  const bool any_td = std::any_of(cells.begin(), cells.end(), [](const doc::GridCell& c) { return !c.header(); });
  if (!any_td) return;
  if (!any_th) {
    out.cant_tell(doc::place(table), kNoHeaders);
    return;
  }
  std::set<const documents::Element*> reported;
  for (const doc::GridCell& td : cells) {
    if (td.header() || td.element->headers) continue;  // Headers given: determinable through IDs
    for (const doc::GridCell& th : cells) {
      if (!th.header() || th.element->scope) continue;
      if ((th.overlaps_row(td) || th.overlaps_col(td)) && reported.insert(th.element).second) {
        out.failed(doc::place(*th.element), kNoScope);
      }
    }
  }
  if (reported.empty()) out.passed(doc::place(table), kOk);
}

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  for (const documents::Element& e : ctx.doc.pdf.elements) {
    if (e.role == "Table") check(ctx.doc.pdf, e, out);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
