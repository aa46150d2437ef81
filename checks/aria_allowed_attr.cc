// aria-allowed-attr: every aria-* state or property on an element is one its role allows
// (ACT 5c01ea). Applies to each WAI-ARIA attribute on an element in the accessibility
// tree. Allowed are the global ones (whether a role prohibits them is aria-prohibited-attr's
// question) and those the computed role or a superclass requires or supports. Elements
// without a role follow ARIA in HTML: the global attributes only, except the text-like
// inputs without a role (password, date, time, ...), which take the textbox attributes,
// and <summary>, which takes the button ones. SVG and custom elements without a role, and
// ARIA 1.3 attributes, are left to a person.
//
// An attribute ARIA 1.2 deprecated on a role but still supports there (aria-expanded on
// alert, banner, heading, dialog, ...: aria/aria_data.h role_deprecates_attribute) passes:
// browsers expose it and nothing is lost. aria-deprecated warns about it.
#include <string>

#include "aria/aria_data.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kAllowed{"allowed", {"{0} är tillåtet på det här elementet.", "{0} is allowed on this element."}};
const Message kDeprecatedOnRole{"deprecated-on-role",
                                {"{0} är tillåtet på rollen {1}, men föråldrat sedan WAI-ARIA 1.2.",
                                 "{0} is allowed on the role {1}, but deprecated since WAI-ARIA 1.2."}};
const Message kNotAllowed{"not-allowed",
                          {"{0} är inte tillåtet på ett element med rollen {1}. Skärmläsare bortser från det.",
                           "{0} is not allowed on an element with the role {1}. Screen readers ignore it."}};
const Message kNotAllowedNoRole{"not-allowed-no-role",
                                {"{0} är inte tillåtet på <{1}>, som inte har någon roll som attributet passar "
                                 "till. Skärmläsare bortser från det.",
                                 "{0} is not allowed on <{1}>, which has no role the attribute fits. Screen "
                                 "readers ignore it."}};
const Message kUnsure{"unsure",
                      {"granska kan inte avgöra om {0} är tillåtet på <{1}>. Kontrollera det mot WAI-ARIA.",
                       "granska cannot tell whether {0} is allowed on <{1}>. Check it against WAI-ARIA."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"{0} är inte tillåtet här, men elementet kan vara dolt med CSS som granska inte "
                            "kunde utvärdera. Kontrollera om det syns.",
                            "{0} is not allowed here, but the element may be hidden by CSS that granska could "
                            "not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "aria-allowed-attr",
    .title = {"ARIA-attribut passar elementets roll", "ARIA attributes fit the element's role"},
    .description = {"Kontrollerar att varje aria-attribut används på ett element vars roll stöder det, till "
                    "exempel aria-checked på en kryssruta men inte på en vanlig knapp. Attribut som inte passar "
                    "rollen läses inte upp, så informationen når aldrig skärmläsaranvändaren.",
                    "Checks that each aria attribute is used on an element whose role supports it, for example "
                    "aria-checked on a checkbox but not on a plain button. Attributes that do not fit the role "
                    "are not announced, so the information never reaches screen reader users."},
    .help = {"Ta bort attributet, eller ge elementet en roll som stöder det. Vill du visa att en knapp är "
             "nedtryckt använder du aria-pressed i stället för aria-checked.",
             "Remove the attribute, or give the element a role that supports it. To show that a button is "
             "pressed, use aria-pressed instead of aria-checked."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"5c01ea"},
    .axe_rules = {"aria-allowed-attr"},
    .impact = Impact::Serious,
    .messages = {&kAllowed, &kDeprecatedOnRole, &kNotAllowed, &kNotAllowedNoRole, &kUnsure, &kMaybeHidden},
};

// ARIA in HTML: input types without an ARIA role that still behave as text fields.
bool textlike_input_without_role(const html::Node& e) {
  if (!e.is("input")) return false;
  auto type = e.attr("type");
  if (!type) return false;
  std::string_view t = text::trim(*type);
  for (std::string_view k : {"password", "date", "datetime-local", "month", "week", "time", "color", "file"}) {
    if (text::iequals(t, k)) return true;
  }
  return false;
}

enum class Verdict { Allowed, Deprecated, NotAllowed, NotAllowedNoRole, Unsure };

Verdict judge(Context& ctx, const html::Node& e, const aria::AttributeInfo& attr) {
  if (attr.global) return Verdict::Allowed;
  std::string_view role = ctx.aria.role(e);
  if (!role.empty()) {
    if (aria::role_lists_attribute(role, attr.name)) return Verdict::Allowed;
    if (aria::role_deprecates_attribute(role, attr.name)) return Verdict::Deprecated;
    return attr.aria13 ? Verdict::Unsure : Verdict::NotAllowed;
  }
  if (ctx.aria.is_generic(e)) {
    if (aria::role_lists_attribute("generic", attr.name)) return Verdict::Allowed;
    return attr.aria13 ? Verdict::Unsure : Verdict::NotAllowed;
  }
  if (textlike_input_without_role(e)) {
    return aria::role_lists_attribute("textbox", attr.name) ? Verdict::Allowed : Verdict::Unsure;
  }
  // <summary> works as its <details>' disclosure button in browsers (HTML-AAM leaves it
  // without an ARIA role); custom elements may get a role from script (ElementInternals).
  if (e.is("summary")) return aria::role_lists_attribute("button", attr.name) ? Verdict::Allowed : Verdict::Unsure;
  if (e.ns() != html::Namespace::Html || attr.aria13 || e.tag().find('-') != std::string_view::npos) {
    return Verdict::Unsure;
  }
  return Verdict::NotAllowedNoRole;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    aria::Tristate hidden = aria::Tristate::No;
    bool hidden_known = false;
    for (const html::Attribute& a : e->attributes()) {
      if (!a.name.starts_with("aria-")) continue;
      const aria::AttributeInfo* info = aria::find_attribute(a.name);
      if (!info) continue;  // unknown names are aria-attr-defined's concern
      if (!hidden_known) {
        hidden = ctx.aria.hidden_from_at(*e);
        hidden_known = true;
      }
      if (hidden == aria::Tristate::Yes) break;
      Verdict v = judge(ctx, *e, *info);
      std::string role(ctx.aria.role(*e));
      if (role.empty()) role = "generic";
      switch (v) {
        case Verdict::Allowed:
          out.passed(e, kAllowed, {a.name});
          break;
        case Verdict::Deprecated:
          out.passed(e, kDeprecatedOnRole, {a.name, role});
          break;
        case Verdict::Unsure:
          out.cant_tell(e, kUnsure, {a.name, std::string(e->tag())});
          break;
        case Verdict::NotAllowed:
        case Verdict::NotAllowedNoRole:
          if (hidden == aria::Tristate::Unknown) {
            out.cant_tell(e, kMaybeHidden, {a.name});
          } else if (v == Verdict::NotAllowed) {
            out.failed(e, kNotAllowed, {a.name, role});
          } else {
            out.failed(e, kNotAllowedNoRole, {a.name, std::string(e->tag())});
          }
          break;
      }
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
