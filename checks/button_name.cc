// button-name: every button has an accessible name (ACT 97a4e1, WCAG 4.1.2). Applies to
// every element (HTML or SVG) whose role is button and that is in the accessibility tree
// (<button>, <input type=submit|reset|button>, role="button"), except <input type=image>,
// which image-button-name checks. role="none" on a focusable button is ignored by
// browsers, so such a button still applies. Passes when the accessible name
// is not empty; the browser's default name of submit and reset buttons counts.
#include "checks/common/name_rule.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Knappen har namnet \"{0}\" (från {1}).",
                                    "The button has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name", {"Knappen saknar text. En skärmläsare kan inte säga vad den gör.",
                                  "The button has no text. A screen reader cannot tell what it does."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Knappen saknar text, men kan vara dold med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om den syns.",
                            "The button has no text, but may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "button-name",
    .title = {"Knappar har en text", "Buttons have a text"},
    .description = {"Kontrollerar att varje knapp har en text som skärmläsare kan läsa upp: synlig text på "
                    "knappen, alt-text på en ikon i knappen eller aria-label. En knapp utan text läses bara "
                    "upp som \"knapp\".",
                    "Checks that every button has a text that screen readers can read out: visible text on "
                    "the button, alt text on an icon inside it, or aria-label. A button without text is read "
                    "out only as \"button\"."},
    .help = {"Skriv en text på knappen som säger vad den gör, till exempel \"Sök\" eller \"Skicka "
             "ansökan\". Är knappen bara en ikon: ge den aria-label, till exempel aria-label=\"Stäng "
             "menyn\".",
             "Write a text on the button that says what it does, for example \"Search\" or \"Send "
             "application\". If the button is only an icon, give it aria-label, for example "
             "aria-label=\"Close the menu\"."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"97a4e1"},
    .axe_rules = {"button-name", "input-button-name", "aria-command-name"},
    .impact = Impact::Critical,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

bool is_image_button(const html::Node& e) {
  if (!e.is("input")) return false;
  auto type = e.attr("type");
  return type && text::iequals(text::trim(*type), "image");
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (ctx.aria.role(*e) != "button" || is_image_button(*e)) continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
