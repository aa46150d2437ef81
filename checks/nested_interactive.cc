// nested-interactive: an element whose role makes its content presentational (button,
// checkbox, tab, img, option, slider, ...) has no focusable content (ACT 307n5z). Screen
// readers flatten such an element to its name, so a link or button inside it is
// announced as plain text, or not at all, while the keyboard still stops on it.
// Applies to elements in the accessibility tree with a role whose "Children
// Presentational" is true (WAI-ARIA 1.2 §5.2.9, aria_data's children_presentational).
#include <string>

#include "aria/aria_data.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNoFocusable{"no-focusable-content",
                           {"Rollen {0} innehåller inget som går att fokusera.",
                            "The role {0} contains nothing that can take focus."}};
const Message kFocusable{"focusable-content",
                         {"Rollen {0} innehåller <{1}>, som går att fokusera men som skärmläsare inte läser upp "
                          "som en egen kontroll.",
                          "The role {0} contains <{1}>, which can take focus but which screen readers do not "
                          "announce as a control of its own."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Rollen {0} innehåller <{1}>, som går att fokusera om det syns, men det kan vara "
                            "dolt med CSS som granska inte kunde utvärdera. Kontrollera om det syns.",
                            "The role {0} contains <{1}>, which can take focus if it is shown, but it may be "
                            "hidden by CSS that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "nested-interactive",
    .title = {"Inga kontroller inuti kontroller", "No controls inside controls"},
    .description = {"Kontrollerar att knappar, kryssrutor, flikar, bilder och andra element vars innehåll "
                    "skärmläsare bara läser som text inte innehåller länkar, knappar eller fält. En länk i en "
                    "knapp går att tabba till men skärmläsaren berättar inte vad den är.",
                    "Checks that buttons, checkboxes, tabs, images and other elements whose content screen "
                    "readers read only as text contain no links, buttons or fields. A link inside a button can "
                    "be tabbed to, but the screen reader does not say what it is."},
    .help = {"Flytta länken eller kontrollen så att den ligger bredvid, inte inuti, knappen eller fliken. Ska "
             "det inre elementet inte gå att använda tar du bort href eller tabindex från det.",
             "Move the link or control so that it sits next to, not inside, the button or tab. If the inner "
             "element should not be usable, remove its href or tabindex."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"307n5z"},
    .axe_rules = {"nested-interactive"},
    .impact = Impact::Serious,
    .messages = {&kNoFocusable, &kFocusable, &kMaybeHidden},
};

// Inside another element with presentational children an element has no role of its
// own in the accessibility tree; the outer element is the one that is reported.
bool inside_presentational_children(Context& ctx, const html::Node& e) {
  for (const html::Node* p = e.parent_element(); p; p = p->parent_element()) {
    const aria::RoleInfo* info = aria::find_role(ctx.aria.role(*p));
    if (info && info->children_presentational) return true;
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    std::string_view role = ctx.aria.role(*e);
    if (role.empty()) continue;
    const aria::RoleInfo* info = aria::find_role(role);
    if (!info || !info->children_presentational) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes || inside_presentational_children(ctx, *e)) continue;
    const html::Node* found = nullptr;
    bool unsure = hidden == aria::Tristate::Unknown;
    for (const html::Node* d : e->descendant_elements()) {
      if (d == e || !ctx.aria.focusable(*d)) continue;
      found = d;
      if (ctx.aria.hidden(*d) == aria::Tristate::Unknown) unsure = true;
      break;
    }
    if (!found) {
      out.passed(e, kNoFocusable, {std::string(role)});
    } else if (unsure) {
      out.cant_tell(e, kMaybeHidden, {std::string(role), std::string(found->tag())});
    } else {
      out.failed(e, kFocusable, {std::string(role), std::string(found->tag())});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
