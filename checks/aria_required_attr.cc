// aria-required-attr: an element given a role with role= also has the states and
// properties that role requires (ACT 4e8ab6), e.g. aria-checked on role="checkbox" and
// aria-level on role="heading". Applies to elements in the accessibility tree with an
// explicit role that differs from the element's own (implicit) role: a native
// <input type="checkbox" role="checkbox"> carries its state itself. A separator needs
// aria-valuenow only when it is focusable (WAI-ARIA 1.2 §5.4 separator).
#include <memory>
#include <string>

#include "aria/aria_data.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasRequired{"has-required", {"role=\"{0}\" har alla attribut som rollen kräver.",
                                            "role=\"{0}\" has every attribute the role requires."}};
const Message kMissing{"missing-required",
                       {"role=\"{0}\" kräver attributet {1}, men det saknas.",
                        "role=\"{0}\" requires the attribute {1}, but it is missing."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"role=\"{0}\" saknar attributet {1}, men elementet kan vara dolt med CSS som granska "
                            "inte kunde utvärdera. Kontrollera om det syns.",
                            "role=\"{0}\" lacks the attribute {1}, but the element may be hidden by CSS that "
                            "granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "aria-required-attr",
    .title = {"Roller har de attribut de kräver", "Roles have their required attributes"},
    .description = {"Kontrollerar att ett element som fått en roll med role-attributet också har de "
                    "ARIA-attribut som rollen kräver, till exempel aria-checked för en kryssruta, så att "
                    "skärmläsare kan berätta om den är ikryssad.",
                    "Checks that an element given a role with the role attribute also has the ARIA attributes "
                    "the role requires, for example aria-checked for a checkbox, so screen readers can tell "
                    "whether it is checked."},
    .help = {"Lägg till attributet som står i meddelandet med rätt värde, till exempel aria-checked=\"false\" "
             "på role=\"checkbox\" eller aria-level=\"2\" på role=\"heading\". Enklast är ofta att använda "
             "HTML-elementet i stället, som <input type=\"checkbox\"> eller <h2>.",
             "Add the attribute named in the message with the right value, for example "
             "aria-checked=\"false\" on role=\"checkbox\" or aria-level=\"2\" on role=\"heading\". Often it is "
             "simpler to use the HTML element instead, such as <input type=\"checkbox\"> or <h2>."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"4e8ab6"},
    .axe_rules = {"aria-required-attr"},
    .impact = Impact::Serious,
    .messages = {&kHasRequired, &kMissing, &kMaybeHidden},
};

bool has_value(const html::Node& e, std::string_view attribute) {
  auto v = e.attr(attribute);
  return v && !text::trim(*v).empty();
}

// HTML-AAM: a checkbox or radio input exposes its checkedness as aria-checked whatever
// its role, e.g. the common <input type="checkbox" role="switch">.
bool native_state(const html::Node& e, std::string_view attribute) {
  if (attribute != "aria-checked" || !e.is("input")) return false;
  auto type = e.attr("type");
  return type && (text::iequals(text::trim(*type), "checkbox") || text::iequals(text::trim(*type), "radio"));
}

// The first attribute required by `role` or one of its superclasses that `e` lacks, or "".
std::string_view first_missing(const html::Node& e, const aria::RoleInfo& role, int depth = 0) {
  for (std::string_view a : role.required_attributes) {
    if (!has_value(e, a)) return a;
  }
  if (depth > 16) return {};
  for (std::string_view super : role.superclasses) {
    if (const aria::RoleInfo* s = aria::find_role(super)) {
      if (std::string_view m = first_missing(e, *s, depth + 1); !m.empty()) return m;
    }
  }
  return {};
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->has_attr("role") || !ctx.aria.has_explicit_role(*e)) continue;
    std::string_view role = ctx.aria.role(*e);
    const aria::RoleInfo* info = aria::find_role(role);
    if (!info) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    std::string_view missing = first_missing(*e, *info);
    if (missing.empty() && aria::role_is_a(role, "separator") && ctx.aria.focusable(*e) &&
        !has_value(*e, "aria-valuenow")) {
      missing = "aria-valuenow";
    }
    if (missing.empty()) {
      out.passed(e, kHasRequired, {std::string(role)});
      continue;
    }
    if (ctx.aria.implicit_role(*e) == role) continue;  // the element's own role: native semantics apply
    if (native_state(*e, missing)) {
      out.passed(e, kHasRequired, {std::string(role)});
      continue;
    }
    if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {std::string(role), std::string(missing)});
    } else {
      out.failed(e, kMissing, {std::string(role), std::string(missing)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
