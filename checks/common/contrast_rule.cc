#include "checks/common/contrast_rule.h"

#include <cstdio>
#include <string>

#include "aria/text_contrast.h"

namespace granska::checks {

namespace {

const Message kEnough{"enough-contrast",
                      {"Kontrasten mellan texten och bakgrunden är {0}:1 (minst {1}:1 krävs).",
                       "The contrast between the text and its background is {0}:1 (at least {1}:1 is required)."}};
const Message kTooLow{"too-low",
                      {"Kontrasten mellan texten och bakgrunden är bara {0}:1. Den måste vara minst {1}:1.",
                       "The contrast between the text and its background is only {0}:1. It must be at least "
                       "{1}:1."}};
const Message kBackgroundUnknown{
    "background-unknown",
    {"granska kan inte avgöra vad som ligger bakom texten (bakgrundsbild, gradient, positionerat innehåll, "
     "filter eller transform). Kontrollera kontrasten med ett verktyg som mäter färgerna.",
     "granska cannot tell what lies behind the text (background image, gradient, positioned content, filter "
     "or transform). Check the contrast with a tool that measures the colours."}};
const Message kTextShadow{"text-shadow",
                          {"Texten har en skugga (text-shadow) som påverkar kontrasten. Kontrollera kontrasten "
                           "med ett verktyg som mäter färgerna.",
                           "The text has a shadow (text-shadow) that changes the contrast. Check the contrast "
                           "with a tool that measures the colours."}};
const Message kColorUnknown{
    "color-unknown",
    {"granska kan inte räkna ut textens färg, bakgrundsfärg eller synlighet från sidans egen CSS. Kontrollera "
     "kontrasten med ett verktyg som mäter färgerna.",
     "granska cannot compute the text colour, background colour or visibility from the page's own CSS. Check "
     "the contrast with a tool that measures the colours."}};
const Message kSizeUnknown{
    "size-unknown",
    {"Kontrasten är {0}:1, vilket räcker bara för stor text, och granska kan inte räkna ut textens storlek. "
     "Kontrollera att texten är minst 18 punkter, eller 14 punkter och fet.",
     "The contrast is {0}:1, which is enough only for large text, and granska cannot compute the text size. "
     "Check that the text is at least 18 points, or 14 points and bold."}};
const Message kVisitedUnknown{
    "visited-unknown",
    {"Länkens kontrast är {0}:1 eller {1}:1 beroende på om den är besökt. Ge länken en egen färg med "
     "tillräcklig kontrast.",
     "The link's contrast is {0}:1 or {1}:1 depending on whether it has been visited. Give the link its own "
     "colour with enough contrast."}};
const Message kNoWords{"no-words",
                       {"Texten består bara av tecken som inte är bokstäver eller siffror. Kontrollera om den "
                        "förmedlar något; gör den det måste kontrasten vara tillräcklig.",
                        "The text consists only of characters that are not letters or digits. Check whether it "
                        "conveys anything; if it does, its contrast must be sufficient."}};

std::string ratio_text(double r) {
  char buf[32];
  // Truncated, not rounded: 4.499 must not read as 4.5.
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(static_cast<long long>(r * 100)) / 100);
  return buf;
}

}  // namespace

std::vector<const Message*> contrast_messages() {
  return {&kEnough, &kTooLow, &kBackgroundUnknown, &kTextShadow, &kColorUnknown, &kSizeUnknown, &kVisitedUnknown,
          &kNoWords};
}

void report_contrast(Context& ctx, Reporter& out, ContrastThresholds thresholds) {
  const double normal = thresholds.normal, large = thresholds.large;
  for (const aria::TextContrast& t : ctx.aria.text_contrasts()) {
    if (!t.unknown_reason.empty()) {
      std::string_view why = t.unknown_reason;
      if (why == "text-shadow") {
        out.cant_tell(t.element, kTextShadow);
      } else if (why == "background-image" || why == "positioned" || why == "effect" || why == "transform") {
        out.cant_tell(t.element, kBackgroundUnknown);
      } else {
        out.cant_tell(t.element, kColorUnknown);
      }
      continue;
    }
    if (t.no_words) {
      out.cant_tell(t.element, kNoWords);
      continue;
    }
    // The threshold that applies, or both when the size is unknown.
    double lo = t.large ? (*t.large ? large : normal) : large;
    double hi = t.large ? lo : normal;
    if (t.min_ratio >= hi) {
      out.passed(t.element, kEnough, {ratio_text(t.min_ratio), ratio_text(hi)});
    } else if (t.max_ratio < lo) {
      out.failed(t.element, kTooLow, {ratio_text(t.max_ratio), ratio_text(lo)});
    } else if (t.min_ratio != t.max_ratio) {
      out.cant_tell(t.element, kVisitedUnknown, {ratio_text(t.min_ratio), ratio_text(t.max_ratio)});
    } else {
      out.cant_tell(t.element, kSizeUnknown, {ratio_text(t.min_ratio)});
    }
  }
}

}  // namespace granska::checks
