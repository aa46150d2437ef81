// menuitem-name: every menu item has an accessible name (ACT m6b1q3, WCAG 4.1.2).
// Applies to HTML elements whose role is menuitem and that are in the accessibility
// tree. Passes when the accessible name is not empty.
#include "checks/common/name_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Menyvalet har namnet \"{0}\" (från {1}).",
                                    "The menu item has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name", {"Menyvalet saknar text. En skärmläsare kan inte säga vad det gör.",
                                  "The menu item has no text. A screen reader cannot tell what it does."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Menyvalet saknar text, men kan vara dolt med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om det syns.",
                            "The menu item has no text, but may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "menuitem-name",
    .title = {"Menyval har en text", "Menu items have a text"},
    .description = {"Kontrollerar att varje menyval (role=\"menuitem\") har en text som skärmläsare kan läsa "
                    "upp, så att man vet vad valet gör.",
                    "Checks that every menu item (role=\"menuitem\") has a text that screen readers can read "
                    "out, so people know what the item does."},
    .help = {"Skriv en text på menyvalet som säger vad det gör, till exempel \"Ladda ner som PDF\". Är "
             "menyvalet bara en ikon: ge det aria-label, till exempel aria-label=\"Dela sidan\".",
             "Write a text on the menu item that says what it does, for example \"Download as PDF\". If the "
             "menu item is only an icon, give it aria-label, for example aria-label=\"Share the page\"."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"m6b1q3"},
    .axe_rules = {"aria-command-name"},
    .impact = Impact::Serious,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->ns() != html::Namespace::Html || ctx.aria.role(*e) != "menuitem") continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
