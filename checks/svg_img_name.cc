// svg-img-name: SVG graphics with an explicit image role have an accessible name
// (ACT 7d6734, WCAG 1.1.1). Applies to elements in the SVG namespace with an explicit
// role of img, graphics-document or graphics-symbol that are in the accessibility tree.
// Passes when the accessible name (aria-labelledby, aria-label, <title>) is not empty.
// Text drawn with <text> is not a name: these roles take no name from content.
#include "checks/common/name_rule.h"
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Grafiken har textalternativet \"{0}\" (från {1}).",
                                    "The graphic has the text alternative \"{0}\" (from {1})."}};
const Message kNoName{"no-name",
                      {"SVG-grafiken är markerad som bild men saknar textalternativ.",
                       "The SVG graphic is marked as an image but has no text alternative."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"SVG-grafiken saknar textalternativ, men kan vara dold med CSS som granska inte "
                            "kunde utvärdera. Kontrollera om den syns.",
                            "The SVG graphic has no text alternative, but may be hidden by CSS that granska "
                            "could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "svg-img-name",
    .title = {"SVG-bilder har textalternativ", "SVG images have a text alternative"},
    .description = {"Kontrollerar att SVG-grafik som är markerad som bild (role=\"img\" och liknande) har ett "
                    "textalternativ, så att den som inte ser grafiken får samma information.",
                    "Checks that SVG graphics marked as an image (role=\"img\" and similar) have a text "
                    "alternative, so people who cannot see the graphic get the same information."},
    .help = {"Lägg ett <title>-element först i <svg> som säger vad grafiken visar, till exempel "
             "<title>Antal besökare på Moderna Museet Malmö 2024</title>, eller ge <svg> aria-label. Är "
             "grafiken bara utsmyckning: ta bort role=\"img\" och ge den aria-hidden=\"true\".",
             "Put a <title> element first inside <svg> that says what the graphic shows, for example "
             "<title>Visitors to Moderna Museet Malmö in 2024</title>, or give the <svg> aria-label. If the "
             "graphic is only decoration, remove role=\"img\" and give it aria-hidden=\"true\"."},
    .criteria = {sc("1.1.1")},
    .act_rules = {"7d6734"},
    .axe_rules = {"svg-img-alt"},
    .impact = Impact::Serious,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->ns() != html::Namespace::Svg || !ctx.aria.has_explicit_role(*e)) continue;
    std::string_view role = ctx.aria.role(*e);
    if (role != "img" && role != "graphics-document" && role != "graphics-symbol") continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
