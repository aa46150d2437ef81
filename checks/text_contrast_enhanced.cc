// text-contrast-enhanced: text has a contrast of at least 7:1 with its background, 4.5:1 for
// large text (ACT 09o5cg, WCAG 1.4.6, level AAA: beyond what the DOS law requires). The colours come from the page's own CSS
// (aria/text_contrast.h): text over an image, a gradient, positioned boxes, a text shadow
// or anything granska cannot compute is cantTell, never passed or failed on a guess.
#include "engine/contrast_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

constexpr double kNormal = 7.0;
constexpr double kLarge = 4.5;

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

const RuleInfo kInfo{
    .id = "text-contrast-enhanced",
    .title = {"Texten har förbättrad kontrast", "Text has enhanced contrast"},
    .description = {"Kontrollerar att text har en kontrast mot bakgrunden på minst 7:1, eller 4,5:1 för stor "
                    "text (minst 18 punkter, eller 14 punkter och fet). Det är nivå AAA i WCAG, mer än lagen "
                    "kräver, men gör texten läsbar för fler personer med nedsatt syn.",
                    "Checks that text has a contrast with its background of at least 7:1, or 4.5:1 for large "
                    "text (at least 18 points, or 14 points and bold). This is WCAG level AAA, more than the "
                    "law requires, but makes the text readable for more people with low vision."},
    .help = {"Gör textfärgen mörkare eller bakgrunden ljusare (eller tvärtom) tills kontrasten är minst 7:1.",
             "Make the text colour darker or the background lighter (or the other way round) until the contrast "
             "is at least 7:1."},
    .criteria = {sc("1.4.6")},
    .act_rules = {"09o5cg"},
    .impact = Impact::Minor,
    .messages = {&kEnough, &kTooLow, &kBackgroundUnknown, &kTextShadow, &kColorUnknown, &kSizeUnknown,
                 &kVisitedUnknown, &kNoWords},
};

void evaluate(Context& ctx, Reporter& out) {
  report_contrast(ctx, out,
                  ContrastRule{kNormal, kLarge, kEnough, kTooLow, kBackgroundUnknown, kTextShadow, kColorUnknown,
                               kSizeUnknown, kVisitedUnknown, kNoWords});
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
