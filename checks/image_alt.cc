// image-alt: every image has a text alternative or is marked as decorative (WCAG 1.1.1,
// ACT 23a2a8). Applies to <img> and role="img" elements that are in the accessibility
// tree. alt="" and role="none"/"presentation" mark an image as decorative, unless the
// image is focusable, when browsers ignore that and it needs a name again.
#include "checks/common/name_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Bilden har textalternativet \"{0}\" (från {1}).",
                                    "The image has the text alternative \"{0}\" (from {1})."}};
const Message kDecorative{"decorative", {"Bilden är markerad som dekorativ och döljs för skärmläsare.",
                                         "The image is marked as decorative and hidden from screen readers."}};
const Message kNoName{"no-name", {"Bilden saknar textalternativ (alt).", "The image has no text alternative (alt)."}};
const Message kBlankAlt{"blank-alt", {"Bildens alt-text består bara av mellanslag.",
                                      "The image's alt text is only spaces."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Bilden saknar textalternativ, men kan vara dold med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om den syns.",
                            "The image has no text alternative, but may be hidden by CSS that granska could "
                            "not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "image-alt",
    .title = {"Bilder har textalternativ", "Images have a text alternative"},
    .description = {"Kontrollerar att varje bild har en alt-text eller är markerad som dekorativ, så att den "
                    "som inte ser bilden får samma information.",
                    "Checks that every image has alt text or is marked as decorative, so people who cannot "
                    "see the image get the same information."},
    .help = {"Skriv en kort alt-text som säger vad bilden visar eller vad den är till för, till exempel "
             "alt=\"Karta över Västra hamnen\". Är bilden bara utsmyckning: ge den ett tomt alt-attribut "
             "(alt=\"\").",
             "Write a short alt text that says what the image shows or what it is for, for example "
             "alt=\"Map of the Western Harbour\". If the image is only decoration, give it an empty alt "
             "attribute (alt=\"\")."},
    .criteria = {sc("1.1.1")},
    .act_rules = {"23a2a8"},
    .axe_rules = {"image-alt", "role-img-alt"},
    .impact = Impact::Critical,
    .messages = {&kHasName, &kDecorative, &kNoName, &kBlankAlt, &kMaybeHidden},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    std::string_view role = ctx.aria.role(*e);
    if (!e->is("img") && role != "img") continue;
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    if (role == "none" || role == "presentation") {
      out.passed(e, kDecorative);
      continue;
    }
    auto alt = e->attr("alt");
    report_accessible_name(ctx, out, *e, {kHasName, alt && !alt->empty() ? kBlankAlt : kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
