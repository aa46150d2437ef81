// pdf-annotation-tagged: annotations are part of the structure tree where a reader meets
// them: links in a Link element, form widgets in a Form element, other annotations tagged,
// printer's marks and trap networks not content at all (WCAG 1.3.1 and 4.1.2, PDF/UA-1
// 7.18.1, 7.18.2, 7.18.4, 7.18.5, 7.18.8; Matterhorn 28-002, 28-007, 28-010, 28-011).
#include "checks/common/document_rules.h"

namespace granska::checks {
namespace {

using namespace engine;
using documents::Annotation;

const Message kOk{"annotation-tagged", {"{0}-annoteringen är taggad i {1}.", "The {0} annotation is tagged in {1}."}};
const Message kNotTagged{"not-tagged", {"{0}-annoteringen finns inte i dokumentets taggar: skärmläsare hittar den inte.",
                                        "The {0} annotation is not in the document's tags: screen readers do not find it."}};
const Message kLink{"link-not-in-link", {"Länken är taggad i {0}, inte i en Link-tagg.",
                                         "The link is tagged in {0}, not in a Link tag."}};
const Message kWidget{"widget-not-in-form", {"Formulärfältet är taggat i {0}, inte i en Form-tagg.",
                                             "The form field is tagged in {0}, not in a Form tag."}};
const Message kPrinterMark{"printermark-tagged", {"Ett tryckmärke (PrinterMark) är taggat som innehåll.",
                                                  "A printer's mark (PrinterMark) is tagged as content."}};
const Message kTrapNet{"trapnet", {"Dokumentet har en TrapNet-annotering, som PDF/UA inte tillåter.",
                                   "The document has a TrapNet annotation, which PDF/UA does not allow."}};

const RuleInfo kInfo{
    .id = "pdf-annotation-tagged",
    .title = {"Länkar, fält och kommentarer är taggade", "Links, fields and comments are tagged"},
    .description = {"Kontrollerar att länkar, formulärfält och andra annoteringar finns i dokumentets taggar, i rätt "
                    "sorts tagg, så att skärmläsare hittar dem där de står i texten.",
                    "Checks that links, form fields and other annotations are in the document's tags, in the right "
                    "kind of tag, so screen readers find them where they are in the text."},
    .help = {"Exportera från källfilen med taggar påslagna så att länkar och fält taggas. I Acrobat Pro: "
             "Tillgänglighet > Läsordning, eller i taggpanelen Sök efter otaggade annoteringar.",
             "Export from the source file with tags on so links and fields are tagged. In Acrobat Pro: "
             "Accessibility > Reading Order, or Find unmarked annotations in the Tags panel."},
    .criteria = {sc("1.3.1"), sc("4.1.2")},
    .impact = Impact::Serious,
    .messages = {&kOk, &kNotTagged, &kLink, &kWidget, &kPrinterMark, &kTrapNet},
    .subject = Subject::Pdf,
    .pdfua = "7.18",
    .matterhorn = {"28-002", "28-007", "28-010", "28-011"},
};

void evaluate(const DocumentContext& ctx, Reporter& out) {
  if (!doc::has_structure(ctx)) return;
  const documents::Pdf& p = ctx.doc.pdf;
  for (const Annotation& a : p.annotations) {
    const Place where = doc::annotation_place(p, a);
    const documents::Element* e = a.element >= 0 ? &p.elements[static_cast<std::size_t>(a.element)] : nullptr;
    if (a.subtype == "TrapNet") {
      out.failed(where, kTrapNet);
      continue;
    }
    if (a.subtype == "PrinterMark") {
      if (e) out.failed(where, kPrinterMark);
      continue;
    }
    if (a.subtype == "Popup" || !doc::presented(a)) continue;
    if (a.subtype != "Link" && a.subtype != "Widget" && !doc::content_annotation(a.subtype)) continue;
    if (!e) {
      out.failed(where, kNotTagged, {a.subtype});
    } else if (a.subtype == "Link" && e->role != "Link") {
      out.failed(where, kLink, {e->type});
    } else if (a.subtype == "Widget" && e->role != "Form") {
      out.failed(where, kWidget, {e->type});
    } else {
      out.passed(where, kOk, {a.subtype, e->type});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
