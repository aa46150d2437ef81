// meta-viewport: the page lets visitors zoom (ACT b4f0c3, WCAG 1.4.4). Applies to each
// <meta name="viewport"> whose content sets user-scalable or maximum-scale. Fails when
// user-scalable turns zooming off or maximum-scale stops zooming below 200 %. Values are
// read as browsers read them (css-device-adapt §9 meta translation): yes = 1, no = 0 for
// user-scalable and 0.1 for maximum-scale, device-width/-height = 10, a negative
// maximum-scale is ignored. A keyword browsers do not know is reported as cantTell.
#include <charconv>
#include <cmath>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kZoomAllowed{"zoom-allowed", {"Besökaren kan zooma sidan: content=\"{0}\".",
                                            "Visitors can zoom the page: content=\"{0}\"."}};
const Message kZoomDisabled{"zoom-disabled",
                            {"{0} hindrar besökaren från att zooma in sidan.",
                             "{0} stops visitors from zooming in on the page."}};
const Message kMaxScaleTooLow{"max-scale-too-low",
                              {"{0} låter besökaren zooma högst till {1} gånger, men det måste gå att zooma "
                               "minst 2 gånger (200 %).",
                               "{0} lets visitors zoom only up to {1} times, but zooming to at least 2 times "
                               "(200%) must be possible."}};
const Message kUnknownValue{"unknown-value",
                            {"{0} har ett värde som granska inte känner igen. Kontrollera att det går att zooma "
                             "sidan till 200 % på en mobil.",
                             "{0} has a value granska does not recognise. Check that the page can be zoomed to "
                             "200% on a phone."}};

const RuleInfo kInfo{
    .id = "meta-viewport",
    .title = {"Det går att zooma sidan", "The page can be zoomed"},
    .description = {"Kontrollerar att <meta name=\"viewport\"> inte hindrar besökare från att zooma in sidan, "
                    "till exempel med user-scalable=no eller maximum-scale=1. Många med nedsatt syn "
                    "förstorar texten för att kunna läsa den.",
                    "Checks that <meta name=\"viewport\"> does not stop visitors from zooming in on the page, "
                    "for example with user-scalable=no or maximum-scale=1. Many people with low vision "
                    "enlarge text to be able to read it."},
    .help = {"Ta bort user-scalable=no och maximum-scale från viewport-taggen. Oftast räcker "
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">.",
             "Remove user-scalable=no and maximum-scale from the viewport tag. Usually "
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"> is enough."},
    .criteria = {sc("1.4.4")},
    .act_rules = {"b4f0c3"},
    .impact = Impact::Serious,
    .messages = {&kZoomAllowed, &kZoomDisabled, &kMaxScaleTooLow, &kUnknownValue},
};

// A viewport value as a number: keywords per css-device-adapt, else a leading number.
// NaN for anything else.
double viewport_number(std::string_view v, double no_value) {
  if (text::iequals(v, "yes")) return 1;
  if (text::iequals(v, "no")) return no_value;
  if (text::iequals(v, "device-width") || text::iequals(v, "device-height")) return 10;
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end == v.data()) return std::nan("");
  return d;
}

std::string format_scale(double n) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

bool is_separator(char c) { return c == ',' || c == ';' || text::is_html_space(c); }

enum class Verdict { Inapplicable, Passed, Failed, CantTell };

struct Result {
  Verdict verdict = Verdict::Inapplicable;
  const Message* message = nullptr;
  std::string_view property;  // the declaration behind a failure
  std::string_view value;
  double scale = 0;  // maximum-scale as a number, for the message
};

Result judge(std::string_view content) {
  Result r;
  std::size_t i = 0;
  while (i < content.size()) {
    while (i < content.size() && is_separator(content[i])) ++i;
    std::size_t key_start = i;
    while (i < content.size() && !is_separator(content[i]) && content[i] != '=') ++i;
    std::string_view key = content.substr(key_start, i - key_start);
    while (i < content.size() && text::is_html_space(content[i])) ++i;
    std::string_view value;
    if (i < content.size() && content[i] == '=') {
      ++i;
      while (i < content.size() && text::is_html_space(content[i])) ++i;
      std::size_t value_start = i;
      while (i < content.size() && !is_separator(content[i])) ++i;
      value = content.substr(value_start, i - value_start);
    }
    if (key.empty()) {
      if (i < content.size()) ++i;
      continue;
    }
    bool scalable = text::iequals(key, "user-scalable");
    bool max_scale = text::iequals(key, "maximum-scale");
    if (!scalable && !max_scale) continue;
    if (r.verdict == Verdict::Inapplicable) r.verdict = Verdict::Passed;
    if (r.verdict == Verdict::Failed) continue;
    double n = viewport_number(value, scalable ? 0 : 0.1);
    const Message* fail = nullptr;
    if (std::isnan(n)) {
      r = {Verdict::CantTell, &kUnknownValue, key, value};
      continue;
    }
    if (scalable && std::fabs(n) < 1) fail = &kZoomDisabled;
    if (max_scale && n >= 0 && n < 2) fail = &kMaxScaleTooLow;
    if (fail) r = {Verdict::Failed, fail, key, value, n};
  }
  return r;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("meta")) continue;
    auto name = e->attr("name");
    if (!name || !text::iequals(text::trim(*name), "viewport")) continue;
    auto content = e->attr("content");
    if (!content) continue;
    Result r = judge(*content);
    std::string declaration = std::string(r.property) + "=" + std::string(r.value);
    switch (r.verdict) {
      case Verdict::Inapplicable: break;
      case Verdict::Passed: out.passed(e, kZoomAllowed, {std::string(*content)}); break;
      case Verdict::Failed: out.failed(e, *r.message, {declaration, format_scale(r.scale)}); break;
      case Verdict::CantTell: out.cant_tell(e, kUnknownValue, {declaration}); break;
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
