// orientation-transform: the page does not lock itself to portrait or landscape by
// rotating content with CSS in an orientation media query (ACT b33eff, WCAG 1.3.4).
// Computes the page's styles twice with the one cascade, once for a portrait and once for
// a landscape screen (only the orientation differs), and compares the rotation (transform
// and rotate) each gives <html>, <body> and elements with text. Applies to elements whose
// rotation differs between the two; fails when it differs by a quarter turn (90° or 270°).
// A rotation granska cannot compute, or a rule it cannot evaluate that may rotate, is
// cantTell.
#include <cmath>
#include <cstdio>
#include <string>

#include "engine/registry.h"
#include "style/cascade.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNotLocked{"not-locked",
                         {"Innehållet vrids {0}° när skärmen byter riktning, vilket inte låser sidan i ett läge.",
                          "The content turns {0}° when the screen changes orientation, which does not lock the "
                          "page in one orientation."}};
const Message kLocked{"locked",
                      {"CSS vrider innehållet {0}° i ett av lägena (stående eller liggande), så sidan visas alltid "
                       "åt samma håll. Besökare som har skärmen fastmonterad kan inte läsa den.",
                       "CSS turns the content {0}° in one orientation (portrait or landscape), so the page always "
                       "shows the same way round. Visitors whose screen is mounted in place cannot read it."}};
const Message kUnknown{"unknown",
                       {"CSS ändrar vridningen av innehållet efter skärmens riktning, men granska kan inte räkna ut "
                        "hur mycket. Kontrollera att sidan går att använda både stående och liggande.",
                        "CSS changes the rotation of the content with the screen's orientation, but granska cannot "
                        "compute by how much. Check that the page works in both portrait and landscape."}};

const RuleInfo kInfo{
    .id = "orientation-transform",
    .title = {"Sidan är inte låst till stående eller liggande läge",
              "The page is not locked to portrait or landscape"},
    .description = {"Kontrollerar att sidans CSS inte vrider innehållet en kvarts varv när skärmen byter mellan "
                    "stående och liggande läge. Det låser sidan i ett läge, och den som har surfplattan "
                    "fastsatt på en rullstol kan inte vända den.",
                    "Checks that the page's CSS does not turn the content a quarter turn when the screen "
                    "switches between portrait and landscape. That locks the page in one orientation, and "
                    "someone with a tablet mounted on a wheelchair cannot turn it."},
    .help = {"Ta bort transform: rotate(90deg) (eller rotate: 90deg) ur @media (orientation: ...) och låt "
             "sidan anpassa sig efter skärmens riktning i stället.",
             "Remove transform: rotate(90deg) (or rotate: 90deg) from @media (orientation: ...) and let the "
             "page adapt to the screen's orientation instead."},
    .criteria = {sc("1.3.4")},
    .act_rules = {"b33eff"},
    .axe_rules = {"css-orientation-lock"},
    .impact = Impact::Serious,
    .messages = {&kNotLocked, &kLocked, &kUnknown},
};

bool has_text(const html::Node& e) {
  for (const html::Node* c : e.children()) {
    if (!c->is_text()) continue;
    for (char ch : c->data()) {
      if (!text::is_html_space(ch)) return true;
    }
  }
  return false;
}

std::string degrees_text(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", d);
  return buf;
}

void evaluate(Context& ctx, Reporter& out) {
  const style::ComputedStyles& styles = ctx.aria.computed_styles();
  if (!styles.has_orientation_queries()) return;
  style::Environment portrait_env = styles.environment();
  portrait_env.portrait_override = true;
  style::Environment landscape_env = styles.environment();
  landscape_env.portrait_override = false;
  style::ComputedStyles portrait(ctx.doc, styles.sheets(), portrait_env);
  style::ComputedStyles landscape(ctx.doc, styles.sheets(), landscape_env);
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("html") && !e->is("body") && !has_text(*e)) continue;
    const style::ComputedStyle& p = portrait.of(*e);
    const style::ComputedStyle& l = landscape.of(*e);
    if (!p.rotates && !l.rotates) continue;
    if (p.rotation && l.rotation && *p.rotation == *l.rotation) continue;  // not conditional
    if (ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    if (!p.rotation || !l.rotation) {
      out.cant_tell(e, kUnknown);
      continue;
    }
    double diff = std::fmod(std::fabs(*p.rotation - *l.rotation), 180.0);
    if (std::fabs(diff - 90) < 1) {
      out.failed(e, kLocked, {degrees_text(std::fabs(*p.rotation - *l.rotation))});
    } else {
      out.passed(e, kNotLocked, {degrees_text(std::fabs(*p.rotation - *l.rotation))});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
