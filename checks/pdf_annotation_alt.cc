// pdf-annotation-alt: annotations that show content (comments, highlights, stamps, …) have
// a description: /Contents on the annotation or /Alt on its structure element (WCAG 1.1.1,
// PDF/UA-1 7.18.1; Matterhorn 28-004). Hidden ones and those off the page are exempt.
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOk{"has-description", {"{0}-annoteringen har en beskrivning.", "The {0} annotation has a description."}};
const Message kMissing{"no-description", {"{0}-annoteringen saknar beskrivning (Contents eller Alt).",
                                          "The {0} annotation has no description (Contents or Alt)."}};

const RuleInfo kInfo{
    .id = "pdf-annotation-alt",
    .title = {"Kommentarer och markeringar har en beskrivning", "Comments and markups have a description"},
    .description = {"Kontrollerar att annoteringar som visar något (kommentarer, överstrykningar, stämplar) har en "
                    "textbeskrivning som skärmläsare kan läsa.",
                    "Checks that annotations that show something (comments, highlights, stamps) have a text "
                    "description screen readers can read."},
    .help = {"Skriv en kommentarstext för annoteringen, eller ta bort annoteringar som inte ska vara kvar i det "
             "publicerade dokumentet.",
             "Write a comment text for the annotation, or remove annotations that should not remain in the "
             "published document."},
    .criteria = {sc("1.1.1")},
    .impact = Impact::Moderate,
    .messages = {&kOk, &kMissing},
    .subject = Subject::Pdf,
    .pdfua = "7.18.1",
    .matterhorn = {"28-004"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::readable(ctx)) return;
  const documents::Pdf& p = ctx.doc.pdf;
  for (const documents::Annotation& a : p.annotations) {
    if (!doc::content_annotation(a.subtype) || !doc::presented(a)) continue;
    const documents::Element* e = a.element >= 0 ? &p.elements[static_cast<std::size_t>(a.element)] : nullptr;
    if (doc::non_empty(a.contents) || (e && doc::non_empty(e->alt))) {
      out.passed(doc::annotation_place(p, a), kOk, {a.subtype});
    } else {
      out.failed(doc::annotation_place(p, a), kMissing, {a.subtype});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
