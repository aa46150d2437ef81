// focus-visible: an element that gets keyboard focus shows that it has it (WCAG 2.4.7 Focus
// Visible). Needs a browser: applies only to pages checked with --render, where headless
// Chromium focuses each keyboard-focusable element (up to 150) as the Tab key would and
// compares the element's, its parent's and its children's indicator styles (outline, box
// shadow, border, colours, text decoration, ::before/::after) and box before and after
// (render/layout_facts.h). A static check reports nothing here; 2.4.7 then stays for manual
// review.
//
// Passed: something visible changes (the browser's own focus ring counts; an outline's
// colour, width or offset only while its style is not none). Failed: the
// element is visible when focused and nothing about it changes. cantTell: the browser did
// not accept focus, or the focused element is not visible on the page (it may be inside
// a closed menu that opens some other way); these need a person with a keyboard.
//
// Kind: Requirement (2.4.7, level AA).
#include <algorithm>

#include "engine/registry.h"
#include "render/rendered_view.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kVisible{"indicator-visible", {"Fokus syns: {0} ändras när elementet får fokus.",
                                             "Focus is visible: {0} changes when the element gets focus."}};
const Message kInvisible{
    "no-indicator",
    {"Inget syns ändras när elementet får fokus med tangentbordet. Den som använder tangentbord ser inte var "
     "hen är. Ta inte bort webbläsarens fokusram (outline: none) utan att ge en egen, tydlig markering med "
     ":focus-visible.",
     "Nothing visible changes when the element gets keyboard focus. Keyboard users cannot see where they "
     "are. Do not remove the browser's focus ring (outline: none) without giving a clear indicator of your "
     "own with :focus-visible."}};
const Message kNotFocused{"not-focused",
                          {"Webbläsaren kunde inte ge elementet fokus. Kontrollera med tangentbordet att fokus syns.",
                           "The browser could not focus the element. Check with the keyboard that focus is visible."}};
const Message kNotShown{"not-shown",
                        {"Elementet syns inte på sidan när det har fokus. Kontrollera med tangentbordet om det "
                         "visas på annat sätt, till exempel när en meny öppnas.",
                         "The element is not visible on the page when it has focus. Check with the keyboard "
                         "whether it is shown some other way, for example when a menu opens."}};
const Message kTruncated{"more-not-tested",
                         {"Bara de första {0} av {1} fokuserbara elementen provades. Kontrollera resten med "
                          "tangentbordet.",
                          "Only the first {0} of {1} focusable elements were tried. Check the rest with the "
                          "keyboard."}};

const RuleInfo kInfo{
    .id = "focus-visible",
    .title = {"Fokus syns", "Focus is visible"},
    .description = {"Ger varje element som kan nås med tabbtangenten fokus i en riktig webbläsare (granska "
                    "check --render) och kontrollerar att något syns ändras.",
                    "Focuses every element reached with the Tab key in a real browser (granska check --render) "
                    "and checks that something visible changes."},
    .help = {"Behåll webbläsarens fokusram eller ge en egen, tydlig markering i :focus-visible, till exempel "
             "outline: 2px solid.",
             "Keep the browser's focus ring, or give a clear indicator of your own in :focus-visible, for "
             "example outline: 2px solid."},
    .criteria = {sc("2.4.7")},
    .impact = Impact::Serious,
    .messages = {&kVisible, &kInvisible, &kNotFocused, &kNotShown, &kTruncated},
};

void evaluate(Context& ctx, Reporter& out) {
  if (!ctx.rendered) return;
  const render::FocusFacts& f = ctx.rendered->page().focus;
  if (!f.measured) return;
  for (const render::FocusFacts::Element& fe : f.elements) {
    const html::Node* e = ctx.rendered->element(fe.node);
    if (!e) continue;
    if (!fe.focused) {
      out.cant_tell(e, kNotFocused);
    } else if (!fe.visible_when_focused) {
      out.cant_tell(e, kNotShown);
    } else {
      // An outline's colour, width or offset shows nothing while its style stays none
      // (Chromium's own sheet moves a link's outline-offset on focus even under outline: none).
      const bool outline_drawn = ctx.rendered->page().style(fe.node, render::Prop::OutlineStyle) != "none";
      std::string what;
      for (const std::string& c : fe.changed) {
        const bool outline_part = c == "outline-color" || c == "outline-width" || c == "outline-offset";
        if (outline_part && !outline_drawn &&
            std::find(fe.changed.begin(), fe.changed.end(), "outline-style") == fe.changed.end())
          continue;
        what += (what.empty() ? "" : ", ") + c;
      }
      if (what.empty()) out.failed(e, kInvisible);
      else out.passed(e, kVisible, {what});
    }
  }
  if (f.truncated) out.cant_tell(nullptr, kTruncated, {std::to_string(f.elements.size()), std::to_string(f.candidates)});
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
