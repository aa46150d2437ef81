// aria-attr-valid-value: every ARIA state or property has a value its type allows
// (ACT 6a7281). Applies to every WAI-ARIA attribute with a non-empty value on an HTML or
// SVG element; one outcome per element. ID references need not point to an existing
// element (an error message inserted later is a common, valid pattern).
#include "aria/aria_data.h"
#include "checks/common/scripted_document.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kValid{"valid-values", {"Alla ARIA-attribut på elementet har giltiga värden.",
                                      "All ARIA attributes on the element have valid values."}};
const Message kInvalid{"invalid-value",
                       {"{0}=\"{1}\" är inget giltigt värde (tillåtet: {2}).",
                        "{0}=\"{1}\" is not a valid value (allowed: {2})."}};

const RuleInfo kInfo{
    .id = "aria-attr-valid-value",
    .title = {"ARIA-attribut har giltiga värden", "ARIA attributes have valid values"},
    .description = {"Kontrollerar att varje ARIA-attribut har ett värde som attributet tillåter, till exempel "
                    "true eller false för aria-expanded. Ett ogiltigt värde ignoreras eller tolkas fel av "
                    "skärmläsare.",
                    "Checks that every ARIA attribute has a value the attribute allows, for example true or "
                    "false for aria-expanded. An invalid value is ignored or misread by screen readers."},
    .help = {"Byt till ett av de tillåtna värdena som står i meddelandet, till exempel aria-expanded=\"false\" "
             "i stället för aria-expanded=\"collapsed\".",
             "Change to one of the allowed values listed in the message, for example "
             "aria-expanded=\"false\" instead of aria-expanded=\"collapsed\"."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"6a7281"},
    .axe_rules = {"aria-valid-attr-value"},
    .impact = Impact::Serious,
    .messages = {&kValid, &kInvalid},
};

std::string allowed_values(const aria::AttributeInfo& a) {
  switch (a.type) {
    case aria::ValueType::TrueFalse: return "true, false";
    case aria::ValueType::Tristate: return "true, false, mixed, undefined";
    case aria::ValueType::TrueFalseUndefined: return "true, false, undefined";
    case aria::ValueType::IdRef: return "id";
    case aria::ValueType::IdRefs: return "id id …";
    case aria::ValueType::Integer: return "0, 1, 2 …";
    case aria::ValueType::Number: return "0, 1.5 …";
    case aria::ValueType::String: return "text";
    case aria::ValueType::Token:
    case aria::ValueType::TokenList: {
      std::string s;
      for (std::string_view t : a.tokens) {
        if (!s.empty()) s += ", ";
        s += t;
      }
      return s;
    }
  }
  return std::string(aria::to_string(a.type));
}

void evaluate(Context& ctx, Reporter& out) {
  const OutsideDocument outside(ctx.doc);  // <template>/<noscript> content is no part of the page
  for (const html::Node* e : ctx.doc.elements()) {
    if (outside.contains(*e)) continue;
    if (e->ns() != html::Namespace::Html && e->ns() != html::Namespace::Svg) continue;
    bool applicable = false;
    const html::Attribute* bad = nullptr;
    const aria::AttributeInfo* bad_info = nullptr;
    for (const html::Attribute& a : e->attributes()) {
      if (a.value.empty() || a.name.size() <= 5 || a.name.compare(0, 5, "aria-") != 0) continue;
      const aria::AttributeInfo* info = aria::find_attribute(a.name);
      if (!info) continue;  // undefined attributes are aria-attr-defined's business
      applicable = true;
      if (!aria::is_valid_attribute_value(*info, a.value)) {
        bad = &a;
        bad_info = info;
        break;
      }
    }
    if (!applicable) continue;
    if (bad) {
      out.failed(e, kInvalid, {bad->name, bad->value, allowed_values(*bad_info)});
    } else {
      out.passed(e, kValid);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
