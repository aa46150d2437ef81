// autocomplete-valid: the autocomplete attribute of a form field uses the HTML autofill
// grammar (ACT 73f2c2, WCAG 1.3.5), so browsers and assistive tools can tell what the
// field asks for and fill it in: [section-*] [shipping|billing] [home|work|mobile|fax|pager,
// only before a contact field] <field name> [webauthn], tokens ASCII case-insensitive.
//
// Applies to <input>, <select> and <textarea> whose autocomplete is not empty, not just
// "on" or "off", except: disabled elements (disabled or aria-disabled="true"); inputs of a
// type that takes no typed value (hidden, button, submit, reset, image, checkbox, radio,
// file); elements that are neither visible nor in the accessibility tree; and elements
// outside the Tab order whose role is not a widget role.
//
// The ACT rule checks the grammar only, not whether the field name suits the input type
// (HTML no longer restricts field names per type, e.g. bday-day on type=tel is fine), so
// neither does this rule.
#include <array>
#include <vector>

#include "aria/aria_data.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kValid{"valid", {"autocomplete=\"{0}\" är ett giltigt värde.", "autocomplete=\"{0}\" is a valid value."}};
const Message kUnknownToken{"unknown-token",
                            {"autocomplete=\"{0}\": \"{1}\" är inget känt värde för autocomplete.",
                             "autocomplete=\"{0}\": \"{1}\" is not a known autocomplete value."}};
const Message kNoField{"missing-field",
                       {"autocomplete=\"{0}\" saknar själva fältnamnet, till exempel \"email\" eller \"name\".",
                        "autocomplete=\"{0}\" lacks the field name itself, for example \"email\" or \"name\"."}};
const Message kHintOnNonContact{"hint-not-contact",
                                {"autocomplete=\"{0}\": \"{1}\" får bara stå före \"email\", \"tel\" eller \"impp\".",
                                 "autocomplete=\"{0}\": \"{1}\" may only come before \"email\", \"tel\" or \"impp\"."}};
const Message kMisplaced{"misplaced-token",
                         {"autocomplete=\"{0}\": \"{1}\" står på fel plats. Ordningen är [section-…] "
                          "[shipping/billing] [home/work/…] fältnamn [webauthn], med ett fältnamn.",
                          "autocomplete=\"{0}\": \"{1}\" is in the wrong place. The order is [section-…] "
                          "[shipping/billing] [home/work/…] field name [webauthn], with one field name."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"autocomplete=\"{0}\" är inte giltigt, men fältet kan vara dolt med CSS som granska "
                            "inte kunde utvärdera. Kontrollera om det syns.",
                            "autocomplete=\"{0}\" is not valid, but the field may be hidden by CSS that granska "
                            "could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "autocomplete-valid",
    .title = {"Formulärfält har giltigt autocomplete-värde", "Form fields have a valid autocomplete value"},
    .description = {"Kontrollerar att attributet autocomplete på formulärfält har ett värde som webbläsare "
                    "förstår, till exempel \"email\" eller \"postal-code\". Då kan webbläsaren fylla i fältet "
                    "åt besökaren och hjälpmedel visa vad fältet frågar efter.",
                    "Checks that the autocomplete attribute on form fields has a value browsers understand, for "
                    "example \"email\" or \"postal-code\". Then the browser can fill in the field for the "
                    "visitor, and assistive tools can show what the field asks for."},
    .help = {"Använd ett av HTML:s värden för autocomplete, till exempel autocomplete=\"given-name\" för "
             "förnamn, \"tel\" för telefon eller \"street-address\" för gatuadress. Ord som \"work\" eller "
             "\"home\" får bara stå före \"email\", \"tel\" eller \"impp\".",
             "Use one of HTML's autocomplete values, for example autocomplete=\"given-name\" for a first name, "
             "\"tel\" for a phone number or \"street-address\" for a street address. Words such as \"work\" "
             "or \"home\" may only come before \"email\", \"tel\" or \"impp\"."},
    .criteria = {sc("1.3.5")},
    .act_rules = {"73f2c2"},
    .axe_rules = {"autocomplete-valid"},
    .impact = Impact::Serious,
    .messages = {&kValid, &kUnknownToken, &kNoField, &kHintOnNonContact, &kMisplaced, &kMaybeHidden},
};

// HTML autofill field names (WHATWG "autofill field" table), apart from the contact ones.
constexpr std::array<std::string_view, 45> kFieldNames{
    "name", "honorific-prefix", "given-name", "additional-name", "family-name", "honorific-suffix",
    "nickname", "username", "new-password", "current-password", "one-time-code", "organization-title",
    "organization", "street-address", "address-line1", "address-line2", "address-line3", "address-level4",
    "address-level3", "address-level2", "address-level1", "country", "country-name", "postal-code",
    "cc-name", "cc-given-name", "cc-additional-name", "cc-family-name", "cc-number", "cc-exp",
    "cc-exp-month", "cc-exp-year", "cc-csc", "cc-type", "transaction-currency", "transaction-amount",
    "language", "bday", "bday-day", "bday-month", "bday-year", "sex", "url", "photo", "webauthn"};
// Field names a contact hint (home, work, ...) may precede.
constexpr std::array<std::string_view, 10> kContactFieldNames{
    "tel", "tel-country-code", "tel-national", "tel-area-code", "tel-local", "tel-local-prefix",
    "tel-local-suffix", "tel-extension", "email", "impp"};
constexpr std::array<std::string_view, 5> kContactHints{"home", "work", "mobile", "fax", "pager"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view token) {
  for (std::string_view t : list) {
    if (t == token) return true;
  }
  return false;
}

bool is_field(std::string_view t) { return t != "webauthn" && in(kFieldNames, t); }
bool is_contact_field(std::string_view t) { return in(kContactFieldNames, t); }
bool is_known_token(std::string_view t) {
  return t.starts_with("section-") || t == "shipping" || t == "billing" || in(kContactHints, t) ||
         in(kFieldNames, t) || is_contact_field(t);
}

struct Verdict {
  const Message* problem = nullptr;  // nullptr: valid
  std::string token;                 // the token at fault (lowercase)
};

// Checks the lowercase tokens against the autofill detail token grammar.
Verdict check_tokens(const std::vector<std::string>& t) {
  for (const std::string& token : t) {
    if (!is_known_token(token)) return {&kUnknownToken, token};
  }
  std::size_t i = 0;
  if (i < t.size() && t[i].starts_with("section-")) ++i;
  if (i < t.size() && (t[i] == "shipping" || t[i] == "billing")) ++i;
  bool hint = false;
  if (i < t.size() && in(kContactHints, t[i])) {
    hint = true;
    ++i;
  }
  if (i >= t.size()) return {&kNoField, ""};
  if (!(is_field(t[i]) || is_contact_field(t[i]))) return {&kMisplaced, t[i]};
  if (hint && !is_contact_field(t[i])) return {&kHintOnNonContact, t[i - 1]};
  ++i;
  if (i < t.size() && t[i] == "webauthn") ++i;
  if (i < t.size()) return {&kMisplaced, t[i]};
  return {};
}

std::vector<std::string> tokens(std::string_view value) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && text::is_html_space(value[i])) ++i;
    std::size_t start = i;
    while (i < value.size() && !text::is_html_space(value[i])) ++i;
    if (i > start) out.push_back(text::ascii_lower(value.substr(start, i - start)));
  }
  return out;
}

bool takes_no_typed_value(std::string_view type) {
  for (std::string_view t : {"hidden", "button", "submit", "reset", "image", "checkbox", "radio", "file"}) {
    if (type == t) return true;
  }
  return false;
}

bool applicable_control(Context& ctx, const html::Node& e) {
  if (!(e.is("input") || e.is("select") || e.is("textarea"))) return false;
  if (e.is("input") && takes_no_typed_value(aria::Semantics::input_type(e))) return false;
  if (ctx.aria.disabled(e)) return false;
  if (auto d = e.attr("aria-disabled"); d && text::iequals(text::trim(*d), "true")) return false;
  if (!ctx.aria.in_sequential_focus_order(e) && !aria::is_widget_role(ctx.aria.role(e))) return false;
  return true;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    auto value = e->attr("autocomplete");
    if (!value) continue;
    std::vector<std::string> t = tokens(*value);
    if (t.empty() || (t.size() == 1 && (t[0] == "on" || t[0] == "off"))) continue;
    if (!applicable_control(ctx, *e)) continue;
    aria::Tristate hidden = ctx.aria.hidden(*e);
    if (hidden == aria::Tristate::Yes) continue;  // neither visible nor in the accessibility tree
    std::string shown(text::trim(*value));
    Verdict v = check_tokens(t);
    if (!v.problem) {
      out.passed(e, kValid, {shown});
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {shown});
    } else {
      out.failed(e, *v.problem, {shown, v.token});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
