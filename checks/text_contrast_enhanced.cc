// text-contrast-enhanced: text has a contrast of at least 7:1 with its background, 4.5:1 for
// large text (ACT 09o5cg, WCAG 1.4.6, level AAA: beyond what the DOS law requires). The colours come from the page's own CSS
// (aria/text_contrast.h): text over an image, a gradient, positioned boxes, a text shadow
// or anything granska cannot compute is cantTell, never passed or failed on a guess.
#include "checks/common/contrast_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

constexpr double kNormal = 7.0;
constexpr double kLarge = 4.5;

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
    .axe_rules = {"color-contrast-enhanced"},
    .impact = Impact::Minor,
    .messages = contrast_messages(),
};

void evaluate(Context& ctx, Reporter& out) {
  report_contrast(ctx, out, ContrastThresholds{kNormal, kLarge});
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
