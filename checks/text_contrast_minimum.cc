// text-contrast-minimum: text has a contrast of at least 4.5:1 with its background, 3:1 for
// large text (ACT afw4f7, WCAG 1.4.3). The colours come from the page's own CSS
// (aria/text_contrast.h): text over an image, a gradient, positioned boxes, a text shadow
// or anything granska cannot compute is cantTell, never passed or failed on a guess.
#include "checks/common/contrast_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

constexpr double kNormal = 4.5;
constexpr double kLarge = 3.0;

const RuleInfo kInfo{
    .id = "text-contrast-minimum",
    .title = {"Texten har tillräcklig kontrast", "Text has sufficient contrast"},
    .description = {"Kontrollerar att text har en kontrast mot bakgrunden på minst 4,5:1, eller 3:1 för stor "
                    "text (minst 18 punkter, eller 14 punkter och fet). Låg kontrast gör texten svår att läsa "
                    "för många, särskilt personer med nedsatt syn.",
                    "Checks that text has a contrast with its background of at least 4.5:1, or 3:1 for large "
                    "text (at least 18 points, or 14 points and bold). Low contrast makes text hard to read for "
                    "many people, especially those with low vision."},
    .help = {"Gör textfärgen mörkare eller bakgrunden ljusare (eller tvärtom) tills kontrasten är minst 4,5:1. "
             "Använd stadens färgpalett, där kontrasterna redan är kontrollerade.",
             "Make the text colour darker or the background lighter (or the other way round) until the contrast "
             "is at least 4.5:1. Use the city's colour palette, whose contrasts are already checked."},
    .criteria = {sc("1.4.3")},
    .act_rules = {"afw4f7"},
    .axe_rules = {"color-contrast"},
    .impact = Impact::Serious,
    .messages = contrast_messages(),
};

void evaluate(Context& ctx, Reporter& out) {
  report_contrast(ctx, out, ContrastThresholds{kNormal, kLarge});
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
