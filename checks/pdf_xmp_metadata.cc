// pdf-xmp-metadata: the catalog has an XMP metadata stream with dc:title (PDF/UA-1 7.1).
// Best practice: WCAG 2.4.2 is met by a title in the Info dictionary too (pdf-title), but
// PDF/UA and newer readers take the title from XMP.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"xmp-title", {"XMP-metadata med titel finns.", "XMP metadata with a title is present."}};
const Message kNoMetadata{"no-metadata", {"Dokumentet saknar XMP-metadata (/Metadata i katalogen).",
                                          "The document has no XMP metadata (/Metadata in the catalog)."}};
const Message kUnreadable{"metadata-unreadable", {"Dokumentets XMP-metadata går inte att läsa som XML.",
                                                  "The document's XMP metadata cannot be read as XML."}};
const Message kNoTitle{"xmp-no-title", {"XMP-metadata saknar titel (dc:title).", "The XMP metadata has no title (dc:title)."}};

const RuleInfo kInfo{
    .id = "pdf-xmp-metadata",
    .title = {"PDF-dokumentets titel finns i XMP-metadata", "PDF title is in the XMP metadata"},
    .description = {"Kontrollerar att dokumentet har XMP-metadata med en titel (dc:title), som PDF/UA kräver.",
                    "Checks that the document has XMP metadata with a title (dc:title), as PDF/UA requires."},
    .help = {"Ange titeln i källdokumentet innan export; verktyg som Word och InDesign skriver då XMP-metadata. I "
             "Acrobat: Arkiv > Egenskaper > Beskrivning > Titel.",
             "Set the title in the source document before exporting; Word and InDesign then write XMP metadata. "
             "In Acrobat: File > Properties > Description > Title."},
    .criteria = {sc("2.4.2")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kOk, &kNoMetadata, &kUnreadable, &kNoTitle},
    .subject = Subject::Pdf,
    .pdfua = "7.1",
    .matterhorn = {"06-001", "06-003"},
    .best_practice_reason = {"WCAG 2.4.2 uppfylls även av en titel i dokumentinformationen (se pdf-title); XMP-titeln "
                             "krävs av PDF/UA.",
                             "WCAG 2.4.2 is also met by a title in the document information (see pdf-title); the XMP "
                             "title is required by PDF/UA."},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Catalog& c = ctx.doc.pdf.catalog;
  if (!c.has_metadata) {
    out.failed(doc::document_place(), kNoMetadata);
  } else if (!c.metadata_readable) {
    out.failed(doc::document_place(), kUnreadable);
  } else if (!doc::non_empty(c.xmp_title)) {
    out.failed(doc::document_place(), kNoTitle);
  } else {
    out.passed(doc::document_place(), kOk);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
