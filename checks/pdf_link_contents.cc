// pdf-link-contents: link annotations carry a description in /Contents (PDF/UA-1 7.18.5;
// Matterhorn 28-012). Best practice: for WCAG 2.4.4 the link text tagged in the Link
// element is what names the link; /Contents is PDF/UA's alternate description of it.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"has-contents", {"Länken har beskrivningen \"{0}\".", "The link has the description \"{0}\"."}};
const Message kMissing{"no-contents", {"Länken saknar beskrivning (Contents).", "The link has no description (Contents)."}};

const RuleInfo kInfo{
    .id = "pdf-link-contents",
    .title = {"Länkar i PDF har en beskrivning", "Links in PDF have a description"},
    .description = {"Kontrollerar att länkannoteringar har en textbeskrivning (Contents) som PDF/UA kräver.",
                    "Checks that link annotations have a text description (Contents), as PDF/UA requires."},
    .help = {"Skriv länkar med beskrivande text i källfilen; Word och InDesign fyller då i beskrivningen. I Acrobat "
             "Pro: Tillgänglighet > Ange alternativ text.",
             "Write links with descriptive text in the source file; Word and InDesign then fill in the "
             "description. In Acrobat Pro: Accessibility > Set Alternate Text."},
    .criteria = {sc("2.4.4")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kOk, &kMissing},
    .subject = Subject::Pdf,
    .pdfua = "7.18.5",
    .matterhorn = {"28-012"},
    .best_practice_reason = {"För WCAG 2.4.4 räcker länktexten i Link-taggen; beskrivningen i Contents krävs av PDF/UA.",
                             "For WCAG 2.4.4 the link text in the Link tag is enough; the Contents description is "
                             "required by PDF/UA."},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Pdf& p = ctx.doc.pdf;
  for (const documents::Annotation& a : p.annotations) {
    if (a.subtype != "Link" || !doc::presented(a)) continue;
    if (doc::non_empty(a.contents)) {
      out.passed(doc::annotation_place(p, a, doc::excerpt(*a.contents)), kOk, {doc::excerpt(*a.contents)});
    } else {
      out.failed(doc::annotation_place(p, a), kMissing);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
