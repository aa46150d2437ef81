// letter-spacing-important and word-spacing-important, the twin text-spacing rules of
// WCAG 1.4.12 (ACT 24afc2 and 9e45ec): a style attribute that sets letter-spacing
// (word-spacing) with !important leaves it at least 0.12 (0.16) times the font size.
// !important in a style attribute beats the visitor's own style sheet, so a narrower value
// stops people who need wider spacing from getting it. Each applies to every such element
// whose value wins the cascade and reaches visible text (its own or inherited by
// descendants); each text's own font size counts. A font size or spacing granska cannot
// compute is cantTell. line-height-important, whose threshold has more cases, has its own file.
#include <cstdio>

#include "aria/text_spacing.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kLetterWideEnough{"wide-enough",
                          {"Bokstavsavståndet är minst 0,12 gånger textstorleken ({0}).",
                           "The letter spacing is at least 0.12 times the font size ({0})."}};
const Message kLetterTooNarrow{"too-narrow",
                         {"style-attributet låser bokstavsavståndet med !important till {0} gånger textstorleken, "
                          "mindre än 0,12.",
                          "The style attribute locks the letter spacing with !important at {0} times the font size, "
                          "less than 0.12."}};
const Message kLetterUnknown{"unknown",
                       {"granska kan inte räkna ut bokstavsavståndet eller textstorleken. Kontrollera att "
                        "bokstavsavståndet går att öka till 0,12 gånger textstorleken.",
                        "granska cannot compute the letter spacing or the font size. Check that the letter "
                        "spacing can be increased to 0.12 times the font size."}};

const RuleInfo kLetterInfo{
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
    .axe_rules = {"avoid-inline-spacing"},
    .impact = Impact::Moderate,
    .messages = {&kLetterWideEnough, &kLetterTooNarrow, &kLetterUnknown},
};

const Message kWordWideEnough{"wide-enough",
                          {"Ordavståndet är minst 0,16 gånger textstorleken ({0}).",
                           "The word spacing is at least 0.16 times the font size ({0})."}};
const Message kWordTooNarrow{"too-narrow",
                         {"style-attributet låser ordavståndet med !important till {0} gånger textstorleken, "
                          "mindre än 0,16.",
                          "The style attribute locks the word spacing with !important at {0} times the font size, "
                          "less than 0.16."}};
const Message kWordUnknown{"unknown",
                       {"granska kan inte räkna ut ordavståndet eller textstorleken. Kontrollera att "
                        "ordavståndet går att öka till 0,16 gånger textstorleken.",
                        "granska cannot compute the word spacing or the font size. Check that the word "
                        "spacing can be increased to 0.16 times the font size."}};

const RuleInfo kWordInfo{
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
    .axe_rules = {"avoid-inline-spacing"},
    .impact = Impact::Moderate,
    .messages = {&kWordWideEnough, &kWordTooNarrow, &kWordUnknown},
};

std::string ratio_text(double r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", r);
  return buf;
}

struct SpacingRule {
  style::Property prop;
  double minimum;
  const Message& wide_enough;
  const Message& too_narrow;
  const Message& unknown;
};

void evaluate_spacing(Context& ctx, Reporter& out, const SpacingRule& rule) {
  const style::ComputedStyles& styles = ctx.aria.computed_styles();
  for (const aria::SpacingTarget& t : aria::important_spacing_targets(ctx.aria, rule.prop)) {
    aria::SpacingRatio r = aria::smallest_spacing_ratio(styles, t, rule.prop);
    if (r.worst < rule.minimum - 1e-9) {
      out.failed(t.element, rule.too_narrow, {ratio_text(r.worst)});
    } else if (r.unknown) {
      out.cant_tell(t.element, rule.unknown);
    } else {
      out.passed(t.element, rule.wide_enough, {ratio_text(r.worst)});
    }
  }
}

void evaluate_letter(Context& ctx, Reporter& out) {
  evaluate_spacing(ctx, out, {style::Property::LetterSpacing, 0.12, kLetterWideEnough, kLetterTooNarrow, kLetterUnknown});
}

void evaluate_word(Context& ctx, Reporter& out) {
  evaluate_spacing(ctx, out, {style::Property::WordSpacing, 0.16, kWordWideEnough, kWordTooNarrow, kWordUnknown});
}

const RuleRegistration kLetterRegistration(kLetterInfo, evaluate_letter);
const RuleRegistration kWordRegistration(kWordInfo, evaluate_word);

}  // namespace
}  // namespace granska::checks
