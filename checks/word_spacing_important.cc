// word-spacing-important: a style attribute that sets word-spacing with !important
// leaves it at least 0.16 times the font size (ACT 9e45ec, WCAG 1.4.12). !important in a
// style attribute beats the visitor's own style sheet, so a narrower value stops people
// who need wider word spacing from getting it. Applies to each such element whose value
// wins the cascade and reaches visible text (its own or inherited by descendants); each
// text's own font size counts. A font size or spacing granska cannot compute is cantTell.
#include <cstdio>

#include "aria/text_spacing.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

constexpr double kMinimum = 0.16;

const Message kWideEnough{"wide-enough",
                          {"Ordavståndet är minst 0,16 gånger textstorleken ({0}).",
                           "The word spacing is at least 0.16 times the font size ({0})."}};
const Message kTooNarrow{"too-narrow",
                         {"style-attributet låser ordavståndet med !important till {0} gånger textstorleken, "
                          "mindre än 0,16.",
                          "The style attribute locks the word spacing with !important at {0} times the font size, "
                          "less than 0.16."}};
const Message kUnknown{"unknown",
                       {"granska kan inte räkna ut ordavståndet eller textstorleken. Kontrollera att "
                        "ordavståndet går att öka till 0,16 gånger textstorleken.",
                        "granska cannot compute the word spacing or the font size. Check that the word "
                        "spacing can be increased to 0.16 times the font size."}};

const RuleInfo kInfo{
    .id = "word-spacing-important",
    .title = {"Låst ordavstånd är tillräckligt stort", "Locked word spacing is wide enough"},
    .description = {"Kontrollerar att style-attribut som sätter word-spacing med !important ger minst 0,16 "
                    "gånger textstorleken. !important hindrar besökare som behöver större avstånd mellan "
                    "orden från att ändra det med egna inställningar.",
                    "Checks that style attributes that set word-spacing with !important give at least 0.16 "
                    "times the font size. !important stops visitors who need wider spacing between words "
                    "from changing it with their own settings."},
    .help = {"Ta bort !important från word-spacing i style-attributet, eller sätt värdet till minst 0.16em.",
             "Remove !important from word-spacing in the style attribute, or set the value to at least "
             "0.16em."},
    .criteria = {sc("1.4.12")},
    .act_rules = {"9e45ec"},
    .impact = Impact::Moderate,
    .messages = {&kWideEnough, &kTooNarrow, &kUnknown},
};

std::string ratio_text(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", r);
  return buf;
}

void evaluate(Context& ctx, Reporter& out) {
  const aria::ComputedStyles& styles = ctx.aria.computed_styles();
  for (const aria::SpacingTarget& t : aria::important_spacing_targets(ctx.aria, aria::Prop::WordSpacing)) {
    aria::SpacingRatio r = aria::smallest_spacing_ratio(styles, t, aria::Prop::WordSpacing);
    if (r.worst < kMinimum - 1e-9) {
      out.failed(t.element, kTooNarrow, {ratio_text(r.worst)});
    } else if (r.unknown) {
      out.cant_tell(t.element, kUnknown);
    } else {
      out.passed(t.element, kWideEnough, {ratio_text(r.worst)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
