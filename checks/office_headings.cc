// office-headings: a Word document of more than a few paragraphs uses heading styles, so
// screen reader users can move by headings and a PDF export gets heading tags (WCAG 1.3.1,
// 2.4.6). Without heading styles it may still have no visual headings: cantTell.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"has-headings", {"Dokumentet använder {0} rubriker med rubrikformat.", "The document uses {0} headings with heading styles."}};
const Message kNone{"no-headings", {"Dokumentet ({0} stycken) använder inga rubrikformat. Har det synliga rubriker ska de "
                                    "ha formatmallarna Rubrik 1, Rubrik 2 …",
                                    "The document ({0} paragraphs) uses no heading styles. If it has visible headings "
                                    "they should use the Heading 1, Heading 2 … styles."}};
const Message kSkipped{"skipped-level", {"Rubriknivå {0} följer direkt på nivå {1}: en nivå hoppas över.",
                                         "Heading level {0} directly follows level {1}: a level is skipped."}};

const RuleInfo kInfo{
    .id = "office-headings",
    .title = {"Word-dokumentet använder rubrikformat", "Word document uses heading styles"},
    .description = {"Kontrollerar att Word-dokument använder formatmallar för rubriker och att nivåerna inte hoppar.",
                    "Checks that Word documents use styles for headings and that the levels do not skip."},
    .help = {"Markera varje rubrik och välj formatmallen Rubrik 1, Rubrik 2 … under Start > Format, i stället för att "
             "bara göra texten stor och fet.",
             "Select each heading and choose the Heading 1, Heading 2 … style under Home > Styles, instead of just "
             "making the text large and bold."},
    .criteria = {sc("1.3.1"), sc("2.4.6")},
    .impact = Impact::Moderate,
    .messages = {&kOk, &kNone, &kSkipped},
    .subject = Subject::Office,
};

constexpr std::size_t kShortDocument = 5;  // paragraphs: a letter-sized note needs no headings

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (ctx.doc.format != documents::Format::Docx) return;
  const documents::Office& o = ctx.doc.office;
  if (o.headings.empty()) {
    if (o.paragraphs > kShortDocument) out.cant_tell(doc::document_place(), kNone, {std::to_string(o.paragraphs)});
    return;
  }
  bool bad = false;
  for (std::size_t i = 1; i < o.headings.size(); ++i) {
    if (o.headings[i] > o.headings[i - 1] + 1) {
      out.failed(Place{0, "word/document.xml", 0, {}}, kSkipped,
                 {std::to_string(o.headings[i]), std::to_string(o.headings[i - 1])});
      bad = true;
    }
  }
  if (!bad) out.passed(doc::document_place(), kOk, {std::to_string(o.headings.size())});
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
