// aria-role-valid: a role attribute names at least one real WAI-ARIA role (ACT 674b10).
// Applies to elements in the accessibility tree whose role attribute is not blank. Passes
// when at least one token is a non-abstract role of WAI-ARIA 1.2, Graphics or DPUB-ARIA
// (browsers use the first valid token, so "searchfield searchbox" still works).
#include "aria/aria_data.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kValidRole{"valid-role", {"role=\"{0}\" innehåller en giltig roll.", "role=\"{0}\" contains a valid role."}};
const Message kInvalidRole{"invalid-role",
                           {"role=\"{0}\" är ingen giltig ARIA-roll, så hjälpmedel vet inte vad elementet är.",
                            "role=\"{0}\" is not a valid ARIA role, so assistive technology cannot tell what the "
                            "element is."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"role=\"{0}\" är ingen giltig ARIA-roll, men elementet kan vara dolt med CSS som granska "
                            "inte kunde utvärdera. Kontrollera om det syns.",
                            "role=\"{0}\" is not a valid ARIA role, but the element may be hidden by CSS that "
                            "granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "aria-role-valid",
    .title = {"Rollattribut har en giltig roll", "Role attributes have a valid role"},
    .description = {"Kontrollerar att role-attributet innehåller en roll som finns i WAI-ARIA, så att "
                    "skärmläsare kan berätta vad elementet är, till exempel en knapp eller en länk.",
                    "Checks that the role attribute contains a role that exists in WAI-ARIA, so screen readers "
                    "can tell what the element is, for example a button or a link."},
    .help = {"Rätta stavningen av rollen, till exempel role=\"link\" i stället för role=\"lnik\". Ännu bättre: "
             "använd rätt HTML-element, som <a href> för länkar och <button> för knappar, och ta bort role.",
             "Fix the spelling of the role, for example role=\"link\" instead of role=\"lnik\". Better still: use "
             "the right HTML element, such as <a href> for links and <button> for buttons, and remove role."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"674b10"},
    .axe_rules = {"aria-roles"},
    .impact = Impact::Serious,
    .messages = {&kValidRole, &kInvalidRole, &kMaybeHidden},
};

// True when some whitespace-separated token of `value` is a non-abstract ARIA role.
bool has_valid_token(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && text::is_html_space(value[i])) ++i;
    std::size_t start = i;
    while (i < value.size() && !text::is_html_space(value[i])) ++i;
    if (i > start) {
      const aria::RoleInfo* role = aria::find_role_token(value.substr(start, i - start));
      if (role && !role->abstract) return true;
    }
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto role = e->attr("role");
    if (!role || text::trim(*role).empty()) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    std::string value(text::trim(*role));
    if (has_valid_token(value)) {
      out.passed(e, kValidRole, {std::move(value)});
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {std::move(value)});
    } else {
      out.failed(e, kInvalidRole, {std::move(value)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
