// meta-viewport: the page lets visitors zoom (ACT b4f0c3, WCAG 1.4.4). Applies to each
// <meta name="viewport"> whose content sets user-scalable or maximum-scale. Fails when
// user-scalable turns zooming off or maximum-scale stops zooming below 200 %. Values are
// read as browsers read them (css-device-adapt §9 meta translation): yes = 1, no = 0 for
// user-scalable and 0.1 for maximum-scale, device-width/-height = 10, a negative
// maximum-scale is ignored. A keyword browsers do not know is reported as cantTell.
//
// Twin rule meta-viewport-large (axe-core "meta-viewport-large"; best practice): the same
// declarations must allow zooming to at least 5 times. 1.4.4 asks for 200 %, but people
// with low vision often need far more on a phone, where pinch zoom is the only zoom there
// is; iOS ignores the limits altogether, Android does not. A warning, since 2x meets WCAG.
#include <charconv>
#include <cmath>

#include "checks/common/scripted_document.h"
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
    .axe_rules = {"meta-viewport"},
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

// `min_scale`: the maximum-scale below which zooming counts as limited (2 for WCAG 1.4.4).
Result judge(std::string_view content, double min_scale, const Message& too_low) {
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
    if (max_scale && n >= 0 && n < min_scale) fail = &too_low;
    if (fail) r = {Verdict::Failed, fail, key, value, n};
  }
  return r;
}

// One evaluation for both rules: the WCAG threshold or the larger best-practice one.
void evaluate_with(Context& ctx, Reporter& out, double min_scale, const Message& allowed, const Message& too_low,
                   const Message& unknown) {
  const OutsideDocument outside(ctx.doc);  // a <meta> in <noscript> does not act with scripts on
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("meta") || outside.contains(*e)) continue;
    auto name = e->attr("name");
    if (!name || !text::iequals(text::trim(*name), "viewport")) continue;
    auto content = e->attr("content");
    if (!content) continue;
    Result r = judge(*content, min_scale, too_low);
    std::string declaration = std::string(r.property) + "=" + std::string(r.value);
    switch (r.verdict) {
      case Verdict::Inapplicable: break;
      case Verdict::Passed: out.passed(e, allowed, {std::string(*content)}); break;
      case Verdict::Failed: out.failed(e, *r.message, {declaration, format_scale(r.scale)}); break;
      case Verdict::CantTell: out.cant_tell(e, unknown, {declaration}); break;
    }
  }
}

void evaluate(Context& ctx, Reporter& out) {
  evaluate_with(ctx, out, 2, kZoomAllowed, kMaxScaleTooLow, kUnknownValue);
}

const RuleRegistration kRegistration(kInfo, evaluate);

// ---- meta-viewport-large ----

const Message kLargeAllowed{"zoom-5x-allowed", {"Besökaren kan zooma sidan minst 5 gånger: content=\"{0}\".",
                                                "Visitors can zoom the page at least 5 times: content=\"{0}\"."}};
const Message kLargeTooLow{"max-scale-below-5",
                           {"{0} låter besökaren zooma högst till {1} gånger. Det räcker för WCAG (2 gånger), men "
                            "många med nedsatt syn behöver zooma mer på en mobil. Tillåt minst 5 gånger eller ta "
                            "bort maximum-scale.",
                            "{0} lets visitors zoom only up to {1} times. That is enough for WCAG (2 times), but "
                            "many people with low vision need to zoom more on a phone. Allow at least 5 times or "
                            "remove maximum-scale."}};

const RuleInfo kLargeInfo{
    .id = "meta-viewport-large",
    .title = {"Det går att zooma sidan mycket", "The page can be zoomed a lot"},
    .description = {"Varnar när <meta name=\"viewport\"> hindrar besökare från att zooma in sidan minst 5 gånger "
                    "på en mobil, till exempel med maximum-scale=3.",
                    "Warns when <meta name=\"viewport\"> stops visitors from zooming in on the page at least 5 "
                    "times on a phone, for example with maximum-scale=3."},
    .help = {"Ta bort maximum-scale och user-scalable från viewport-taggen, eller sätt maximum-scale till minst 5.",
             "Remove maximum-scale and user-scalable from the viewport tag, or set maximum-scale to at least 5."},
    .criteria = {sc("1.4.4")},
    .axe_rules = {"meta-viewport-large"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kLargeAllowed, &kZoomDisabled, &kLargeTooLow, &kUnknownValue},
};

void evaluate_large(Context& ctx, Reporter& out) {
  evaluate_with(ctx, out, 5, kLargeAllowed, kLargeTooLow, kUnknownValue);
}

const RuleRegistration kLargeRegistration(kLargeInfo, evaluate_large);

}  // namespace
}  // namespace granska::checks
