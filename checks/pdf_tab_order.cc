// pdf-tab-order: pages with annotations set the tab order to follow the structure
// (/Tabs /S), so keyboard focus moves through links and fields in reading order (WCAG
// 2.4.3, PDF/UA-1 7.18.3; Matterhorn 28-008, 28-009).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"tabs-structure", {"Tabbordningen på sidan följer dokumentets struktur.",
                                     "The tab order on the page follows the document structure."}};
const Message kMissing{"no-tabs", {"Sidan har länkar eller fält men ingen angiven tabbordning (/Tabs saknas).",
                                   "The page has links or fields but no tab order set (/Tabs is missing)."}};
const Message kOther{"tabs-not-structure", {"Tabbordningen på sidan är \"{0}\", inte dokumentets struktur (S).",
                                            "The tab order on the page is \"{0}\", not the document structure (S)."}};

const RuleInfo kInfo{
    .id = "pdf-tab-order",
    .title = {"Tabbordningen följer dokumentets struktur", "Tab order follows the document structure"},
    .description = {"Kontrollerar att sidor med länkar eller formulärfält låter tangentbordsfokus följa "
                    "dokumentets struktur.",
                    "Checks that pages with links or form fields let keyboard focus follow the document structure."},
    .help = {"I Acrobat Pro: Sidminiatyrer > markera alla sidor > Sidegenskaper > Tabbordning > Använd "
             "dokumentstruktur.",
             "In Acrobat Pro: Page Thumbnails > select all pages > Page Properties > Tab Order > Use Document "
             "Structure."},
    .criteria = {sc("2.4.3")},
    .impact = Impact::Moderate,
    .messages = {&kOk, &kMissing, &kOther},
    .subject = Subject::Pdf,
    .pdfua = "7.18.3",
    .matterhorn = {"28-008", "28-009"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  for (const documents::PageInfo& p : ctx.doc.pdf.pages) {
    if (p.annotations == 0) continue;
    const Place where = doc::page_place(p.number, p.object);
    if (!p.tabs) {
      out.failed(where, kMissing);
    } else if (*p.tabs != "S") {
      out.failed(where, kOther, {doc::excerpt(*p.tabs, 10)});
    } else {
      out.passed(where, kOk);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
