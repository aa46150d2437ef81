// pdf-title: the document has a title and viewers show it in the title bar
// (/ViewerPreferences /DisplayDocTitle true), WCAG 2.4.2 via technique PDF18. The title may
// come from XMP dc:title or the Info dictionary; pdf-xmp-metadata asks for the XMP one.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasTitle{"has-title", {"Dokumentet har titeln \"{0}\" och den visas i namnlisten.",
                                       "The document has the title \"{0}\" and it is shown in the title bar."}};
const Message kNoTitle{"no-title", {"Dokumentet saknar titel i sina egenskaper.", "The document has no title in its properties."}};
const Message kNoDisplay{"display-doc-title-missing",
                         {"Titeln visas inte i namnlisten: /DisplayDocTitle saknas, så filnamnet visas i stället.",
                          "The title is not shown in the title bar: /DisplayDocTitle is missing, so the file name is "
                          "shown instead."}};
const Message kDisplayFalse{"display-doc-title-false",
                            {"Titeln visas inte i namnlisten: /DisplayDocTitle är false, så filnamnet visas i stället.",
                             "The title is not shown in the title bar: /DisplayDocTitle is false, so the file name "
                             "is shown instead."}};

const RuleInfo kInfo{
    .id = "pdf-title",
    .title = {"PDF-dokumentet har en titel som visas", "PDF document has a title that is shown"},
    .description = {"Kontrollerar att dokumentet har en titel i sina egenskaper och att PDF-läsare visar titeln, "
                    "inte filnamnet, i namnlisten.",
                    "Checks that the document has a title in its properties and that PDF readers show the title, "
                    "not the file name, in the title bar."},
    .help = {"Fyll i dokumentets titel innan du sparar som PDF (i Word: Arkiv > Info > Titel). I Acrobat: Arkiv > "
             "Egenskaper > Beskrivning > Titel, och under Inledande vy välj Visa: Dokumenttitel.",
             "Fill in the document title before saving as PDF (in Word: File > Info > Title). In Acrobat: File > "
             "Properties > Description > Title, and under Initial View choose Show: Document Title."},
    .criteria = {sc("2.4.2")},
    .impact = Impact::Serious,
    .messages = {&kHasTitle, &kNoTitle, &kNoDisplay, &kDisplayFalse},
    .subject = Subject::Pdf,
    .pdfua = "7.1",
    .matterhorn = {"07-001", "07-002"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Catalog& c = ctx.doc.pdf.catalog;
  std::optional<std::string> title = doc::non_empty(c.xmp_title) ? c.xmp_title : c.info_title;
  if (!doc::non_empty(title)) {
    out.failed(doc::document_place(), kNoTitle);
    return;
  }
  if (!c.display_doc_title) {
    out.failed(doc::document_place(), kNoDisplay);
  } else if (!*c.display_doc_title) {
    out.failed(doc::document_place(), kDisplayFalse);
  } else {
    out.passed(doc::document_place(), kHasTitle, {doc::excerpt(*title)});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
