// office-slide-title: every PowerPoint slide has a title, which screen reader users use to
// find slides and which becomes the slide's heading in exports (WCAG 2.4.6 and 1.3.1,
// EN 301 549 10.2.4.6).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"has-title", {"Bilden har rubriken \"{0}\".", "The slide has the title \"{0}\"."}};
const Message kMissing{"no-title", {"Bild {0} saknar rubrik.", "Slide {0} has no title."}};
const Message kEmpty{"empty-title", {"Bild {0} har en tom rubrik.", "Slide {0} has an empty title."}};

const RuleInfo kInfo{
    .id = "office-slide-title",
    .title = {"Varje bild i presentationen har en rubrik", "Every slide has a title"},
    .description = {"Kontrollerar att varje bild i en PowerPoint-presentation har en rubrik i rubrikplatshållaren.",
                    "Checks that every slide of a PowerPoint presentation has a title in its title placeholder."},
    .help = {"Skriv en rubrik i bildens rubrikplatshållare. Ska rubriken inte synas: lägg den utanför bilden eller "
             "dölj den med Ordna > Markeringsfönstret.",
             "Write a title in the slide's title placeholder. If it should not show, place it off the slide or hide "
             "it with Arrange > Selection Pane."},
    .criteria = {sc("2.4.6"), sc("1.3.1")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kMissing, &kEmpty},
    .subject = Subject::Office,
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (ctx.doc.format != documents::Format::Pptx) return;
  for (const documents::Slide& s : ctx.doc.office.slides) {
    const Place where{s.number, s.part, 0, {}};
    if (!s.title) {
      out.failed(where, kMissing, {std::to_string(s.number)});
    } else if (s.title->empty()) {
      out.failed(where, kEmpty, {std::to_string(s.number)});
    } else {
      out.passed(where, kOk, {doc::excerpt(*s.title)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
