// form-field-name: every form field has an accessible name (ACT e086e5, WCAG 4.1.2).
// Applies to elements in the accessibility tree whose role is one of checkbox, combobox,
// listbox, menuitemcheckbox, menuitemradio, radio, searchbox, slider, spinbutton, switch or
// textbox, and to the <input> types HTML-AAM gives no ARIA role (password, date, time,
// month, week, datetime-local, color, file), which are form fields all the same (the
// newer examples of the ACT rule use them). Passes when the accessible name is not empty.
#include "checks/common/name_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Fältet har namnet \"{0}\" (från {1}).",
                                    "The field has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name",
                      {"Fältet saknar etikett. En skärmläsare kan inte säga vad man ska fylla i.",
                       "The field has no label. A screen reader cannot tell what to fill in."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Fältet saknar etikett, men kan vara dolt med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om det syns.",
                            "The field has no label, but may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "form-field-name",
    .title = {"Formulärfält har en etikett", "Form fields have a label"},
    .description = {"Kontrollerar att varje formulärfält (textfält, kryssruta, radioknapp, lista, reglage "
                    "och liknande) har en etikett som skärmläsare kan läsa upp, så att man vet vad man ska "
                    "fylla i eller välja.",
                    "Checks that every form field (text field, checkbox, radio button, list, slider and the "
                    "like) has a label that screen readers can read out, so people know what to fill in or "
                    "choose."},
    .help = {"Ge fältet en synlig etikett som är kopplad till fältet: <label for=\"personnummer\">Personnummer"
             "</label> och id=\"personnummer\" på fältet. Går det inte att visa en etikett: ge fältet "
             "aria-label, till exempel aria-label=\"Sök på malmo.se\".",
             "Give the field a visible label that is tied to it: <label for=\"email\">Email</label> and "
             "id=\"email\" on the field. If a visible label is not possible, give the field aria-label, for "
             "example aria-label=\"Search malmo.se\"."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"e086e5"},
    .axe_rules = {"label", "select-name", "aria-input-field-name", "aria-toggle-field-name"},
    .impact = Impact::Critical,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

bool is_field_role(std::string_view role) {
  static constexpr std::string_view kFieldRoles[] = {"checkbox",      "combobox", "listbox",   "menuitemcheckbox",
                                                     "menuitemradio", "radio",    "searchbox", "slider",
                                                     "spinbutton",    "switch",   "textbox"};
  for (std::string_view r : kFieldRoles) {
    if (role == r) return true;
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    std::string_view role = ctx.aria.role(*e);
    // An <input> without a role is one HTML-AAM maps to no ARIA role (password, date,
    // color, file, ...); type=hidden is never in the accessibility tree.
    bool roleless_input = e->is("input") && role.empty();
    if (!roleless_input && !is_field_role(role)) continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
