// link-name: every link has an accessible name (ACT c487ae, WCAG 4.1.2 and 2.4.4).
// Applies to every element whose role is link or inherits from it (doc-biblioref,
// doc-noteref, ...) and that is in the accessibility tree: <a href>, <area href>,
// role="link". role="none" on a focusable link is ignored by browsers, so such a link
// still applies. Passes when the link's accessible name is not empty.
#include "checks/common/links.h"
#include "checks/common/name_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Länken har namnet \"{0}\" (från {1}).",
                                    "The link has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name", {"Länken saknar text. En skärmläsare kan inte säga vart den leder.",
                                  "The link has no text. A screen reader cannot tell where it leads."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Länken saknar text, men kan vara dold med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om den syns.",
                            "The link has no text, but may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "link-name",
    .title = {"Länkar har en text", "Links have a text"},
    .description = {"Kontrollerar att varje länk har en text som skärmläsare kan läsa upp: synlig länktext, "
                    "alt-text på en bild i länken eller aria-label. En länk utan text läses bara upp som "
                    "\"länk\".",
                    "Checks that every link has a text that screen readers can read out: visible link text, "
                    "alt text on an image inside the link, or aria-label. A link without text is read out "
                    "only as \"link\"."},
    .help = {"Skriv en länktext som säger vart länken leder, till exempel \"Ansök om bygglov\". Är länken "
             "bara en bild eller ikon: ge bilden en alt-text som säger vart länken leder, till exempel "
             "alt=\"Malmö stad, startsida\".",
             "Write a link text that says where the link leads, for example \"Apply for a building "
             "permit\". If the link is only an image or icon, give the image an alt text that says where "
             "the link leads, for example alt=\"City of Malmö, home page\"."},
    .criteria = {sc("2.4.4"), sc("4.1.2")},
    .act_rules = {"c487ae"},
    .axe_rules = {"link-name", "area-alt", "aria-command-name"},
    .impact = Impact::Serious,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : page_links(ctx)) {
    if (e->ns() != html::Namespace::Html) continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
