// server-side-image-map: no server-side image maps (axe-core "server-side-image-map";
// WCAG 2.1.1 Keyboard, failure F54-like; technique H24 is the alternative). Applies to
// rendered <img ismap> inside a link: the browser sends the click's coordinates to the
// server, so the link's targets can only be chosen with a pointer.
//
// Kind: Requirement (2.1.1): there is no way to pick a region with the keyboard, and none
// for a screen reader to name the regions.
#include "engine/registry.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kServerMap{"server-side-map",
                         {"Bilden är en bildkarta på servern (ismap): man väljer genom att klicka på en punkt i "
                          "bilden, vilket inte går med tangentbord eller skärmläsare. Gör en vanlig länk per "
                          "område, eller använd <map> med <area>-länkar.",
                          "The image is a server-side image map (ismap): you choose by clicking a point in the "
                          "image, which is impossible with a keyboard or screen reader. Make an ordinary link per "
                          "region, or use <map> with <area> links."}};

const RuleInfo kInfo{
    .id = "server-side-image-map",
    .title = {"Inga bildkartor på servern", "No server-side image maps"},
    .description = {"Kontrollerar att sidan inte har bildkartor där servern tolkar var man klickar (<img ismap>). "
                    "De går bara att använda med mus.",
                    "Checks that the page has no image maps where the server interprets where you click (<img "
                    "ismap>). They can only be used with a mouse."},
    .help = {"Ersätt bildkartan med vanliga länkar, en per område, eller med en bildkarta i sidan (<map> med "
             "<area href alt>).",
             "Replace the image map with ordinary links, one per region, or with a client-side image map (<map> "
             "with <area href alt>)."},
    .criteria = {sc("2.1.1")},
    .axe_rules = {"server-side-image-map"},
    .impact = Impact::Serious,
    .messages = {&kServerMap},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("img") || !e->has_attr("ismap")) continue;
    if (ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    for (const html::Node* p = e->parent_element(); p; p = p->parent_element()) {
      if (p->is("a") && p->has_attr("href")) {
        out.failed(e, kServerMap);
        break;
      }
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
