// reflow: at 320 CSS px wide the page needs no horizontal scrolling and cuts nothing off
// (WCAG 1.4.10 Reflow). Needs a browser: applies only to pages checked with --render, where
// headless Chromium lays the page out a second time at 320 × 256 CSS px (render/layout_facts.h).
// A static check reports nothing here; 1.4.10 then stays for manual review.
//
// Applies to the rendered page. Fails when the document is wider than the viewport and
// scrolls sideways (each outermost element reaching past the right edge is named), or
// when it is wider but <html>/<body> hide the overflow, so content is cut off. Elements
// inside a scroll container of their own are already left out (the criterion allows
// content that scrolls in two dimensions); elements that may be such content (data tables,
// images, maps, video, canvas, preformatted text) are cantTell: whether they need
// two-dimensional layout is a judgement.
//
// Kind: Requirement (1.4.10, level AA).
#include "engine/registry.h"
#include "render/rendered_view.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kFits{"fits", {"Sidan får plats i 320 CSS-pixlars bredd utan att behöva rullas i sidled.",
                             "The page fits 320 CSS pixels of width without scrolling sideways."}};
const Message kOverflows{
    "overflows",
    {"Elementet sträcker sig utanför skärmen när sidan är 320 CSS-pixlar bred (som en mobil eller 400 % "
     "förstoring), så sidan måste rullas i sidled för att läsas. Låt innehållet radbrytas, till exempel med "
     "max-width: 100 % och utan fasta bredder.",
     "The element reaches beyond the screen when the page is 320 CSS pixels wide (as on a phone or at 400 % "
     "zoom), so the page must be scrolled sideways to be read. Let the content wrap, for example with "
     "max-width: 100 % and without fixed widths."}};
const Message kMaybeTwoDimensional{
    "maybe-two-dimensional",
    {"Elementet sträcker sig utanför skärmen vid 320 CSS-pixlars bredd. Tabeller, kartor, bilder och video får "
     "kräva rullning i två led om innehållet behöver det. Kontrollera om det gäller här, annars ska det "
     "anpassas till bredden.",
     "The element reaches beyond the screen at 320 CSS pixels of width. Tables, maps, images and video may "
     "need scrolling in two directions if their content requires it. Check whether that is so here; "
     "otherwise it must adapt to the width."}};
const Message kClipped{
    "clipped",
    {"Vid 320 CSS-pixlars bredd är sidan bredare än skärmen men går inte att rulla i sidled ({0} px innehåll): "
     "det som hamnar utanför kan inte läsas alls.",
     "At 320 CSS pixels of width the page is wider than the screen but cannot be scrolled sideways ({0} px "
     "of content): what falls outside cannot be read at all."}};
const Message kWholePage{
    "page-overflows",
    {"Sidan är {0} CSS-pixlar bred när skärmen är 320 och måste rullas i sidled för att läsas.",
     "The page is {0} CSS pixels wide when the screen is 320 and must be scrolled sideways to be read."}};
const Message kMore{"more-overflowing",
                    {"Ytterligare {0} element sträcker sig utanför skärmen vid 320 CSS-pixlars bredd.",
                     "{0} more elements reach beyond the screen at 320 CSS pixels of width."}};

const RuleInfo kInfo{
    .id = "reflow",
    .title = {"Sidan fungerar i 320 pixlars bredd", "The page reflows at 320 pixels"},
    .description = {"Kontrollerar i en riktig webbläsare (granska check --render) att sidan inte behöver rullas i "
                    "sidled och inte klipper bort innehåll när den är 320 CSS-pixlar bred.",
                    "Checks in a real browser (granska check --render) that the page needs no sideways "
                    "scrolling and cuts nothing off when it is 320 CSS pixels wide."},
    .help = {"Använd flexibla bredder (procent, max-width: 100 %) och låt menyer, tabeller och text radbrytas på "
             "smala skärmar.",
             "Use flexible widths (percentages, max-width: 100 %) and let menus, tables and text wrap on narrow "
             "screens."},
    .criteria = {sc("1.4.10")},
    .impact = Impact::Serious,
    .messages = {&kFits, &kOverflows, &kMaybeTwoDimensional, &kClipped, &kWholePage, &kMore},
};

bool may_need_two_dimensions(const html::Node& e) {
  for (const char* tag : {"table", "img", "picture", "svg", "canvas", "video", "iframe", "object", "embed", "pre", "map"})
    if (e.is(tag)) return true;
  return false;
}

std::string px(double v) { return std::to_string(static_cast<long>(v + 0.5)); }

void evaluate(Context& ctx, Reporter& out) {
  if (!ctx.rendered) return;
  const render::ReflowFacts& f = ctx.rendered->page().reflow;
  if (!f.measured) return;
  if (f.clipped) {
    out.failed(nullptr, kClipped, {px(f.content_width)});
    return;
  }
  if (!f.horizontal_scroll) {
    out.passed(nullptr, kFits);
    return;
  }
  bool named = false;
  for (const render::ReflowFacts::Overflow& o : f.overflowing) {
    const html::Node* e = ctx.rendered->element(o.node);
    if (!e) continue;
    named = true;
    if (may_need_two_dimensions(*e)) out.cant_tell(e, kMaybeTwoDimensional);
    else out.failed(e, kOverflows);
  }
  if (!named) out.failed(nullptr, kWholePage, {px(f.content_width)});
  if (f.overflowing_total > f.overflowing.size())
    out.failed(nullptr, kMore, {std::to_string(f.overflowing_total - f.overflowing.size())});
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
