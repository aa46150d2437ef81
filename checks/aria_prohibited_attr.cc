// aria-prohibited-attr: global ARIA properties are not used on roles that prohibit them
// (ACT kb1m8s), e.g. aria-label on a plain <div> (generic) or a <p> (paragraph). Applies
// to each global aria-* attribute on an element in the accessibility tree.
// An element whose role= asks for none/presentation is judged as that role even when the
// global attribute makes browsers keep its own role (WAI-ARIA 1.2 §9.3): the author asked
// for no semantics, and naming or describing the role of "nothing" is what the ARIA 1.2
// none and generic roles prohibit (aria-roledescription needs a role to describe).
#include <string>

#include "aria/aria_data.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kAllowed{"not-prohibited",
                       {"{0} får användas på rollen {1}.", "{0} may be used on the role {1}."}};
const Message kProhibited{"prohibited",
                          {"{0} får inte användas på ett element med rollen {1}. Skärmläsare läser inte upp det "
                           "på ett pålitligt sätt.",
                           "{0} must not be used on an element with the role {1}. Screen readers do not announce "
                           "it reliably."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"{0} får inte användas på rollen {1}, men elementet kan vara dolt med CSS som granska "
                            "inte kunde utvärdera. Kontrollera om det syns.",
                            "{0} must not be used on the role {1}, but the element may be hidden by CSS that "
                            "granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "aria-prohibited-attr",
    .title = {"Etiketter bara där rollen tillåter dem", "Labels only where the role allows them"},
    .description = {"Kontrollerar att aria-label, aria-labelledby och aria-roledescription inte används på "
                    "element vars roll förbjuder dem, som en vanlig <div>, <span> eller <p>. Där läser "
                    "skärmläsare inte upp texten, eller läser upp den olika i olika program.",
                    "Checks that aria-label, aria-labelledby and aria-roledescription are not used on elements "
                    "whose role prohibits them, such as a plain <div>, <span> or <p>. There screen readers do "
                    "not read the text, or read it differently from program to program."},
    .help = {"Skriv texten synligt på sidan i stället, eller flytta attributet till ett element som kan ha "
             "ett namn, till exempel en länk, knapp, bild eller ett landmärke. Behövs texten bara för "
             "skärmläsare kan du lägga den i ett element med en klass som döljer det visuellt.",
             "Write the text visibly on the page instead, or move the attribute to an element that can have a "
             "name, such as a link, button, image or landmark. If only screen readers need the text, put it in "
             "an element with a class that hides it visually."},
    .criteria = {sc("1.3.1")},
    .act_rules = {"kb1m8s"},
    .axe_rules = {"aria-prohibited-attr", "aria-roledescription"},
    .impact = Impact::Moderate,
    .messages = {&kAllowed, &kProhibited, &kMaybeHidden},
};

// The role whose prohibitions apply to `e`, "" for an element without any role.
std::string_view judged_role(Context& ctx, const html::Node& e) {
  if (auto attr = e.attr("role")) {
    const aria::RoleInfo* r = aria::first_concrete_role(*attr);
    if (r && (r->name == "none" || r->name == "presentation") && !ctx.aria.focusable(e)) return "none";
  }
  std::string_view role = ctx.aria.role(e);
  if (!role.empty()) return role;
  return ctx.aria.is_generic(e) ? "generic" : "";
}

bool prohibited(std::string_view role, std::string_view attribute) {
  if (aria::role_prohibits_attribute(role, attribute)) return true;
  // none: no semantics at all, so what generic prohibits applies too.
  return role == "none" && aria::role_prohibits_attribute("generic", attribute);
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    bool checked_hidden = false;
    aria::Tristate hidden = aria::Tristate::No;
    for (const html::Attribute& a : e->attributes()) {
      if (!a.name.starts_with("aria-")) continue;
      const aria::AttributeInfo* info = aria::find_attribute(a.name);
      if (!info || !info->global) continue;
      if (!checked_hidden) {
        hidden = ctx.aria.hidden_from_at(*e);
        checked_hidden = true;
      }
      if (hidden == aria::Tristate::Yes) break;
      std::string_view role = judged_role(ctx, *e);
      if (role.empty()) continue;  // no role: ARIA in HTML allows the global attributes
      if (!prohibited(role, a.name)) {
        out.passed(e, kAllowed, {a.name, std::string(role)});
      } else if (hidden == aria::Tristate::Unknown) {
        out.cant_tell(e, kMaybeHidden, {a.name, std::string(role)});
      } else {
        out.failed(e, kProhibited, {a.name, std::string(role)});
      }
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
