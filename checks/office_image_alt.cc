// office-image-alt: pictures in Word, Excel and PowerPoint files have alternative text
// (descr) or are marked decorative (WCAG 1.1.1, EN 301 549 10.1.1.1). Whether the text
// describes the picture is for a person to judge.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"has-alt", {"Bilden har alternativtexten \"{0}\".", "The picture has the alternative text \"{0}\"."}};
const Message kDecorative{"decorative", {"Bilden är markerad som dekorativ.", "The picture is marked as decorative."}};
const Message kMissing{"no-alt", {"Bilden \"{0}\" saknar alternativtext.", "The picture \"{0}\" has no alternative text."}};

const RuleInfo kInfo{
    .id = "office-image-alt",
    .title = {"Bilder i Office-dokument har alternativtext", "Pictures in Office documents have alt text"},
    .description = {"Kontrollerar att bilder i Word-, Excel- och PowerPoint-filer har alternativtext eller är "
                    "markerade som dekorativa.",
                    "Checks that pictures in Word, Excel and PowerPoint files have alternative text or are marked "
                    "decorative."},
    .help = {"Högerklicka på bilden och välj Visa alternativtext (eller Redigera alternativtext). Skriv vad bilden "
             "visar, eller kryssa i Markera som dekorativ.",
             "Right-click the picture and choose View Alt Text (or Edit Alt Text). Write what the picture shows, "
             "or tick Mark as decorative."},
    .criteria = {sc("1.1.1")},
    .impact = Impact::Critical,
    .messages = {&kOk, &kDecorative, &kMissing},
    .subject = Subject::Office,
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  for (const documents::OfficeImage& img : ctx.doc.office.images) {
    const Place where{img.slide, img.part, 0, doc::excerpt(img.name, 60)};
    if (img.decorative) {
      out.passed(where, kDecorative);
    } else if (doc::non_empty(img.descr)) {
      out.passed(where, kOk, {doc::excerpt(*img.descr)});
    } else {
      out.failed(where, kMissing, {doc::excerpt(img.name, 60)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
