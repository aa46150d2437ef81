// image-button-name: every image button has an accessible name (ACT 59796f, WCAG 1.1.1
// and 4.1.2). Applies to <input type=image> elements in the accessibility tree. Passes
// when the accessible name is not empty; the browser's default name ("Submit Query") is
// not credited, so granska's names give none. An empty alt does not make an image button
// decorative: it is still a button and needs a name.
#include "checks/common/name_rule.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Bildknappen har namnet \"{0}\" (från {1}).",
                                    "The image button has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name",
                      {"Bildknappen saknar textalternativ (alt). En skärmläsare kan inte säga vad den gör.",
                       "The image button has no text alternative (alt). A screen reader cannot tell what it "
                       "does."}};
const Message kEmptyAlt{"empty-alt",
                        {"Bildknappens alt-text är tom. En bildknapp kan inte vara dekorativ: alt-texten ska "
                         "säga vad knappen gör.",
                         "The image button's alt text is empty. An image button cannot be decorative: the alt "
                         "text must say what the button does."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Bildknappen saknar textalternativ, men kan vara dold med CSS som granska inte "
                            "kunde utvärdera. Kontrollera om den syns.",
                            "The image button has no text alternative, but may be hidden by CSS that granska "
                            "could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "image-button-name",
    .title = {"Bildknappar har textalternativ", "Image buttons have a text alternative"},
    .description = {"Kontrollerar att varje bildknapp (<input type=\"image\">) har en alt-text som säger vad "
                    "knappen gör, så att den som inte ser bilden kan använda knappen.",
                    "Checks that every image button (<input type=\"image\">) has alt text that says what the "
                    "button does, so people who cannot see the image can use the button."},
    .help = {"Ge bildknappen en alt-text som säger vad som händer när man trycker på den, till exempel "
             "alt=\"Sök\" eller alt=\"Skicka anmälan\" – inte vad bilden föreställer.",
             "Give the image button alt text that says what happens when it is pressed, for example "
             "alt=\"Search\" or alt=\"Send registration\", not what the picture shows."},
    .criteria = {sc("1.1.1"), sc("4.1.2")},
    .act_rules = {"59796f"},
    .axe_rules = {"input-image-alt"},
    .impact = Impact::Critical,
    .messages = {&kHasName, &kNoName, &kEmptyAlt, &kMaybeHidden},
};

bool is_image_button(const html::Node& e) {
  if (!e.is("input")) return false;
  auto type = e.attr("type");
  return type && text::iequals(text::trim(*type), "image");
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!is_image_button(*e)) continue;
    report_accessible_name(ctx, out, *e, {kHasName, e->has_attr("alt") ? kEmptyAlt : kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
