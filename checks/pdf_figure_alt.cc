// pdf-figure-alt: Figure and Formula elements have alternate text (/Alt) or replacement
// text (/ActualText) (WCAG 1.1.1, PDF/UA-1 7.3 and 7.7; Matterhorn 13-004, 17-002). An
// empty /ActualText is a deliberate "nothing to read"; an empty /Alt is not alternate text.
// Whether the text describes the picture well is for a person to judge.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kAlt{"has-alt", {"Bilden har alternativtexten \"{0}\". Kontrollera att den beskriver bilden.",
                               "The figure has the alternate text \"{0}\". Check that it describes the figure."}};
const Message kActual{"has-actual-text", {"Bilden har ersättningstext (ActualText).", "The figure has replacement text (ActualText)."}};
const Message kMissing{"no-alt", {"Bilden ({0}) saknar alternativtext: en skärmläsare kan inte berätta vad den visar.",
                                  "The figure ({0}) has no alternate text: a screen reader cannot tell what it shows."}};
const Message kEmpty{"empty-alt", {"Bilden ({0}) har en tom alternativtext.", "The figure ({0}) has an empty alternate text."}};

const RuleInfo kInfo{
    .id = "pdf-figure-alt",
    .title = {"Bilder i PDF har alternativtext", "Figures in PDF have alternate text"},
    .description = {"Kontrollerar att taggade bilder (Figure) och formler (Formula) har en alternativtext.",
                    "Checks that tagged figures (Figure) and formulas (Formula) have alternate text."},
    .help = {"Skriv alternativtext på bilden i källfilen (i Word: högerklicka > Redigera alternativtext) och "
             "exportera igen. Är bilden bara dekoration: markera den som dekorativ så blir den en artefakt. I Acrobat "
             "Pro: Tillgänglighet > Ange alternativ text.",
             "Write alternate text for the picture in the source file (in Word: right-click > Edit Alt Text) and "
             "export again. If it is only decoration, mark it as decorative so it becomes an artifact. In Acrobat "
             "Pro: Accessibility > Set Alternate Text."},
    .criteria = {sc("1.1.1")},
    .impact = Impact::Critical,
    .messages = {&kAlt, &kActual, &kMissing, &kEmpty},
    .subject = Subject::Pdf,
    .pdfua = "7.3",
    .matterhorn = {"13-004", "17-002"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  for (const documents::Element& e : ctx.doc.pdf.elements) {
    if (e.role != "Figure" && e.role != "Formula") continue;
    if (doc::non_empty(e.alt)) {
      out.passed(doc::place(e, doc::excerpt(*e.alt)), kAlt, {doc::excerpt(*e.alt)});
    } else if (e.actual_text) {
      out.passed(doc::place(e), kActual);
    } else if (e.alt) {
      out.failed(doc::place(e), kEmpty, {e.type});
    } else {
      out.failed(doc::place(e), kMissing, {e.type});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
