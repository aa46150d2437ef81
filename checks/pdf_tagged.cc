// pdf-tagged: the PDF is tagged: /MarkInfo /Marked true and a structure tree (PDF/UA-1
// 7.1). Without tags a screen reader guesses the order and meaning of everything.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kTagged{"tagged", {"Dokumentet är taggat.", "The document is tagged."}};
const Message kNoStructTree{"no-struct-tree",
                            {"Dokumentet saknar taggar (inget strukturträd): en skärmläsare kan inte veta vad som är "
                             "rubriker, listor, tabeller eller bilder.",
                             "The document has no tags (no structure tree): a screen reader cannot tell headings, "
                             "lists, tables or images apart."}};
const Message kNotMarked{"not-marked",
                         {"Dokumentet har ett strukturträd men är inte markerat som taggat (/MarkInfo /Marked saknas "
                          "eller är false).",
                          "The document has a structure tree but is not marked as tagged (/MarkInfo /Marked is "
                          "missing or false)."}};
const Message kSuspects{"suspects",
                        {"Dokumentet anger att taggarna kan vara felaktiga (/Suspects true): kontrollera taggningen.",
                         "The document says its tags may be wrong (/Suspects true): review the tagging."}};

const RuleInfo kInfo{
    .id = "pdf-tagged",
    .title = {"PDF-dokumentet är taggat", "PDF document is tagged"},
    .description = {"Kontrollerar att PDF-dokumentet har taggar (ett strukturträd) och är markerat som taggat, så att "
                    "hjälpmedel kan läsa upp rubriker, listor, tabeller och bilder i rätt ordning.",
                    "Checks that the PDF has tags (a structure tree) and is marked as tagged, so assistive "
                    "technology can read headings, lists, tables and images in order."},
    .help = {"Skapa PDF:en med taggar: i Word välj Spara som PDF och kryssa i \"Dokumentstrukturtaggar för "
             "hjälpmedel\"; i InDesign välj \"Skapa taggad PDF\". Att tagga i efterhand kräver Acrobat Pro.",
             "Create the PDF with tags: in Word choose Save as PDF and tick \"Document structure tags for "
             "accessibility\"; in InDesign choose \"Create Tagged PDF\". Tagging afterwards needs Acrobat Pro."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Critical,
    .messages = {&kTagged, &kNoStructTree, &kNotMarked, &kSuspects},
    .subject = Subject::Pdf,
    .pdfua = "7.1",
    .matterhorn = {"01-007"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Catalog& c = ctx.doc.pdf.catalog;
  if (!c.has_struct_tree) {
    out.failed(doc::document_place(), kNoStructTree);
  } else if (!c.marked) {
    out.failed(doc::document_place(), kNotMarked);
  } else if (c.suspects) {
    out.cant_tell(doc::document_place(), kSuspects);
  } else {
    out.passed(doc::document_place(), kTagged);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
