// office-table-header: tables in Word, Excel and PowerPoint files mark a header row, so
// screen readers announce column headers with each cell (WCAG 1.3.1, EN 301 549 10.1.3.1).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"header-row", {"Tabellen har en rubrikrad.", "The table has a header row."}};
const Message kMissing{"no-header-row", {"Tabellen saknar markerad rubrikrad.", "The table has no marked header row."}};

const RuleInfo kInfo{
    .id = "office-table-header",
    .title = {"Tabeller i Office-dokument har rubrikrad", "Tables in Office documents have a header row"},
    .description = {"Kontrollerar att tabeller i Word-, Excel- och PowerPoint-filer har en rubrikrad markerad som rubrik.",
                    "Checks that tables in Word, Excel and PowerPoint files have a header row marked as such."},
    .help = {"Word: markera första raden, Tabellegenskaper > Rad > Upprepa som rubrikrad högst upp på varje sida. "
             "PowerPoint: Tabelldesign > Rubrikrad. Excel: Tabelldesign > Rubrikrad.",
             "Word: select the first row, Table Properties > Row > Repeat as header row at the top of each page. "
             "PowerPoint: Table Design > Header Row. Excel: Table Design > Header Row."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kMissing},
    .subject = Subject::Office,
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  for (const documents::OfficeTable& t : ctx.doc.office.tables) {
    const Place where{t.slide, t.part, 0, doc::excerpt(t.name, 60)};
    if (t.header_row) {
      out.passed(where, kOk);
    } else {
      out.failed(where, kMissing);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
