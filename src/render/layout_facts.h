// Layout facts computed from rendered pages: pure functions over RenderedPage values, so
// they are tested without a browser. The pool runs them (and the browser work they need:
// a second layout at 320 px, focusing elements) after each snapshot.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "render/page.h"

namespace granska::render {

// Elements a keyboard user can tab to, as far as the snapshot tells (rendered, not
// visibility:hidden, not in a shadow tree, and a link with href, a form control that is
// not disabled or hidden, <iframe>, the first <summary> of a <details>, media with
// controls, contenteditable, or tabindex >= 0; tabindex < 0 removes any of them). The
// browser has the last word: focusing each one says whether it really takes focus.
// In tree order; at most `cap` (total = how many there were).
std::vector<std::uint32_t> focus_candidates(const RenderedPage& page, std::size_t cap, std::size_t* total);

// 2.5.8: the pointer targets of `page` (focus candidates and elements the browser marks
// clickable, without <html>/<body> and without clickable containers of other targets),
// their sizes, the spacing exception (a 24 CSS px circle centred on an undersized target
// meets no other target and no other undersized target's circle) and the inline
// exception (an inline target beside text in the same block).
TargetFacts measure_targets(const RenderedPage& page, std::size_t cap);

// 1.4.10: what overflows the viewport in `at_320` (the page laid out `width` px wide).
// Elements are reported as indexes into `main` (matched by the browser's node id); an
// element only in the narrow layout is left out of `overflowing` but still counted.
ReflowFacts analyse_reflow(const RenderedPage& main, const RenderedPage& at_320, int width, int height,
                           std::size_t cap);

// What one focusable element looked like before and after focus, as the focus probe
// reports it: computed values of the indicator properties of the element, its parent,
// its first children and its ::before/::after, and its box.
struct FocusSample {
  std::vector<std::string> self, parent, before, after;
  std::vector<std::vector<std::string>> children;
  Rect box;
};
// The property names FocusSample's lists follow (outline-*, box-shadow, border-*,
// background-*, color, text-decoration-*, opacity, transform, filter, visibility, …).
const std::vector<std::string>& focus_probe_properties();
// "outline-style", "parent:background-color", "child:color", "::after:border-bottom-color",
// "box": what differs between the two samples. Empty: focus changes nothing visible.
std::vector<std::string> focus_changes(const FocusSample& unfocused, const FocusSample& focused);

}  // namespace granska::render
