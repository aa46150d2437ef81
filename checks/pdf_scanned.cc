// pdf-scanned: the document is not a picture of text: pages that show images but have no
// text at all are scanned pages without a text layer (WCAG 1.1.1, 1.4.5). A whole
// document of such pages fails; a single image-only page among text pages may be a photo
// or a scan, so a person decides (cantTell).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kText{"has-text", {"Dokumentet har text som går att läsa upp.", "The document has text that can be read aloud."}};
const Message kScanned{"picture-of-text", {"Dokumentet är en bild av text: ingen sida har någon text, bara bilder. "
                                           "Skärmläsare kan inte läsa det och texten går inte att söka i.",
                                           "The document is a picture of text: no page has any text, only images. "
                                           "Screen readers cannot read it and its text cannot be searched."}};
const Message kImageOnly{"image-only-page", {"Sidan har bara bilder och ingen text: är det en inskannad sida behöver "
                                             "den textigenkänning (OCR) och taggning.",
                                             "The page has only images and no text: if it is a scanned page it needs "
                                             "text recognition (OCR) and tagging."}};

const RuleInfo kInfo{
    .id = "pdf-scanned",
    .title = {"Dokumentet är inte en inskannad bild", "Document is not a scanned image"},
    .description = {"Kontrollerar att dokumentet har riktig text och inte bara är inskannade bilder av sidor.",
                    "Checks that the document has real text and is not just scanned images of pages."},
    .help = {"Publicera originalfilen som PDF i stället för en inskanning. Finns bara papperet: kör textigenkänning "
             "(OCR) i Acrobat Pro (Skanna och OCR) och tagga sedan dokumentet.",
             "Publish the original file as PDF instead of a scan. If only paper exists: run text recognition (OCR) "
             "in Acrobat Pro (Scan & OCR) and then tag the document."},
    .criteria = {sc("1.1.1"), sc("1.4.5")},
    .impact = Impact::Critical,
    .messages = {&kText, &kScanned, &kImageOnly},
    .subject = Subject::Pdf,
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const auto& pages = ctx.doc.pdf.pages;
  std::size_t with_text = 0, image_only = 0;
  for (const documents::PageInfo& p : pages) {
    if (p.text_operators > 0) ++with_text;
    else if (p.images > 0 && p.content_read) ++image_only;
  }
  if (with_text == 0 && image_only > 0 && image_only == pages.size()) {
    out.failed(doc::document_place(), kScanned);
    return;
  }
  for (const documents::PageInfo& p : pages) {
    if (p.text_operators == 0 && p.images > 0 && p.content_read) out.cant_tell(doc::page_place(p.number, p.object), kImageOnly);
  }
  if (with_text > 0) out.passed(doc::document_place(), kText);
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
