// letter-spacing-important: a style attribute that sets letter-spacing with !important
// leaves it at least 0.12 times the font size (ACT 24afc2, WCAG 1.4.12). !important in a
// style attribute beats the visitor's own style sheet, so a narrower value stops people
// who need wider letter spacing from getting it. Applies to each such element whose value
// wins the cascade and reaches visible text (its own or inherited by descendants); each
// text's own font size counts. A font size or spacing granska cannot compute is cantTell.
#include <cstdio>

#include "aria/text_spacing.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

constexpr double kMinimum = 0.12;

const Message kWideEnough{"wide-enough",
                          {"Bokstavsavståndet är minst 0,12 gånger textstorleken ({0}).",
                           "The letter spacing is at least 0.12 times the font size ({0})."}};
const Message kTooNarrow{"too-narrow",
                         {"style-attributet låser bokstavsavståndet med !important till {0} gånger textstorleken, "
                          "mindre än 0,12.",
                          "The style attribute locks the letter spacing with !important at {0} times the font size, "
                          "less than 0.12."}};
const Message kUnknown{"unknown",
                       {"granska kan inte räkna ut bokstavsavståndet eller textstorleken. Kontrollera att "
                        "bokstavsavståndet går att öka till 0,12 gånger textstorleken.",
                        "granska cannot compute the letter spacing or the font size. Check that the letter "
                        "spacing can be increased to 0.12 times the font size."}};

const RuleInfo kInfo{
    .id = "letter-spacing-important",
    .title = {"Låst bokstavsavstånd är tillräckligt stort", "Locked letter spacing is wide enough"},
    .description = {"Kontrollerar att style-attribut som sätter letter-spacing med !important ger minst 0,12 "
                    "gånger textstorleken. !important hindrar besökare som behöver större avstånd mellan "
                    "bokstäverna från att ändra det med egna inställningar.",
                    "Checks that style attributes that set letter-spacing with !important give at least 0.12 "
                    "times the font size. !important stops visitors who need wider spacing between letters "
                    "from changing it with their own settings."},
    .help = {"Ta bort !important från letter-spacing i style-attributet, eller sätt värdet till minst 0.12em.",
             "Remove !important from letter-spacing in the style attribute, or set the value to at least "
             "0.12em."},
    .criteria = {sc("1.4.12")},
    .act_rules = {"24afc2"},
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
  for (const aria::SpacingTarget& t : aria::important_spacing_targets(ctx.aria, aria::Prop::LetterSpacing)) {
    aria::SpacingRatio r = aria::smallest_spacing_ratio(styles, t, aria::Prop::LetterSpacing);
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
