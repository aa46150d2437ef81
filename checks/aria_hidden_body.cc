// aria-hidden-body: the page's <body> is not hidden from assistive technology (axe-core
// "aria-hidden-body"; WCAG 4.1.2 and 1.3.1). aria-hidden="true" on <body> removes the whole
// page from the accessibility tree while it stays visible and usable with a mouse: a
// screen reader finds nothing. Usually a dialog script that forgot to clean up, or a
// template that sets it "until the page has loaded".
//
// Kind: Requirement: everything on the page is hidden from screen readers.
// Always applicable: every parsed page has a <body>.
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNotHidden{"not-hidden", {"<body> är inte dold för skärmläsare.", "<body> is not hidden from screen "
                                                                             "readers."}};
const Message kHidden{"hidden",
                      {"<body> har aria-hidden=\"true\", så hela sidan är dold för skärmläsare fast den syns. Ta "
                       "bort attributet.",
                       "<body> has aria-hidden=\"true\", so the whole page is hidden from screen readers although "
                       "it is visible. Remove the attribute."}};

const RuleInfo kInfo{
    .id = "aria-hidden-body",
    .title = {"Sidan är inte dold för skärmläsare", "The page is not hidden from screen readers"},
    .description = {"Kontrollerar att <body> inte har aria-hidden=\"true\". Då döljs hela sidan för "
                    "skärmläsare, fast den syns och går att använda med mus.",
                    "Checks that <body> does not have aria-hidden=\"true\". That hides the whole page from "
                    "screen readers, although it is visible and usable with a mouse."},
    .help = {"Ta bort aria-hidden från <body>. Ska innehåll döljas när en dialogruta är öppen: dölj syskonen till "
             "dialogrutan, eller använd <dialog> med showModal().",
             "Remove aria-hidden from <body>. If content should be hidden while a dialog is open, hide the "
             "dialog's siblings, or use <dialog> with showModal()."},
    .criteria = {sc("4.1.2"), sc("1.3.1")},
    .axe_rules = {"aria-hidden-body"},
    .impact = Impact::Critical,
    .messages = {&kNotHidden, &kHidden},
};

void evaluate(Context& ctx, Reporter& out) {
  const html::Node* body = ctx.doc.body();
  if (!body) return;
  auto v = body->attr("aria-hidden");
  if (v && text::iequals(text::trim(*v), "true")) {
    out.failed(body, kHidden);
  } else {
    out.passed(body, kNotHidden);
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
