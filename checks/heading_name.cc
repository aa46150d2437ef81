// heading-name: every heading has an accessible name (ACT ffd0e9). Applies to every element
// with role heading (<h1>–<h6>, role="heading") in the accessibility tree. The ACT rule maps
// to no WCAG criterion of its own (an empty heading is a likely 1.3.1 / 2.4.6 problem, not
// by itself a failure), so this is a best practice.
#include "checks/common/name_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Rubriken har namnet \"{0}\" (från {1}).",
                                    "The heading has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name", {"Rubriken är tom. En skärmläsare läser upp en rubrik utan text.",
                                  "The heading is empty. A screen reader announces a heading without text."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Rubriken är tom, men kan vara dold med CSS som granska inte kunde utvärdera. "
                            "Kontrollera om den syns.",
                            "The heading is empty, but may be hidden by CSS that granska could not evaluate. "
                            "Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "heading-name",
    .title = {"Rubriker har text", "Headings have text"},
    .description = {"Kontrollerar att varje rubrik (<h1>–<h6> eller role=\"heading\") har en text som "
                    "skärmläsare kan läsa upp. Den som navigerar mellan rubriker hittar annars tomma rubriker "
                    "som inte säger något.",
                    "Checks that every heading (<h1>–<h6> or role=\"heading\") has a text that screen readers "
                    "can read out. People who move between headings otherwise find empty headings that say "
                    "nothing."},
    .help = {"Skriv en text i rubriken, eller ta bort den tomma rubriken. Används rubriken för att få "
             "luft på sidan: använd marginaler i CSS i stället.",
             "Write a text in the heading, or remove the empty heading. If the heading only adds space on "
             "the page, use CSS margins instead."},
    .criteria = {sc("1.3.1"), sc("2.4.6")},
    .act_rules = {"ffd0e9"},
    .axe_rules = {"empty-heading"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (ctx.aria.role(*e) != "heading") continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
