// pdf-fonts-embedded: every font used for text is embedded (PDF/UA-1 7.21.4.1; Matterhorn
// 31-009). Best practice: text in a font that is not embedded can still be read by a
// screen reader; the risk is wrong glyphs and unreliable text extraction on other systems.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"embedded", {"Typsnittet {0} är inbäddat.", "The font {0} is embedded."}};
const Message kMissing{"not-embedded", {"Typsnittet {0} är inte inbäddat.", "The font {0} is not embedded."}};

const RuleInfo kInfo{
    .id = "pdf-fonts-embedded",
    .title = {"Typsnitten är inbäddade", "Fonts are embedded"},
    .description = {"Kontrollerar att alla typsnitt som används för text är inbäddade i PDF:en.",
                    "Checks that every font used for text is embedded in the PDF."},
    .help = {"Välj att bädda in typsnitt när du sparar som PDF (i Word: Alternativ > \"ISO 19005-1-kompatibel\" eller "
             "Arkiv > Alternativ > Spara > Bädda in teckensnitt).",
             "Choose to embed fonts when saving as PDF (in Word: Options > \"ISO 19005-1 compliant\" or File > "
             "Options > Save > Embed fonts)."},
    .criteria = {sc("1.3.1")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kOk, &kMissing},
    .subject = Subject::Pdf,
    .pdfua = "7.21.4.1",
    .matterhorn = {"31-009"},
    .best_practice_reason = {"Text i ett typsnitt som inte är inbäddat kan oftast ändå läsas upp; PDF/UA kräver "
                             "inbäddning för att texten ska visas och tolkas likadant överallt.",
                             "Text in a font that is not embedded can usually still be read aloud; PDF/UA requires "
                             "embedding so the text shows and is interpreted the same everywhere."},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  for (const documents::Font& f : ctx.doc.pdf.fonts) {
    const Place where{f.first_page, {}, f.object, doc::excerpt(f.name, 60)};
    const std::string name = f.name.empty() ? f.subtype : f.name;
    if (f.embedded) {
      out.passed(where, kOk, {doc::excerpt(name, 60)});
    } else {
      out.failed(where, kMissing, {doc::excerpt(name, 60)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
