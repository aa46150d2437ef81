// Contrast between visible text and what is painted behind it, from the one cascade
// (style/cascade.h: the browser's defaults, the page's linked and inline style sheets; ACT
// afw4f7 and 09o5cg, WCAG 1.4.3 and 1.4.6). Shared by the two contrast rules, which
// differ only in their thresholds.
//
// One entry per HTML element with a non-blank text node child that the rules apply to:
// not hidden, not moved off-screen or clipped away, not fully transparent, not part of a
// disabled widget, its label or a group that is disabled. The background is composited up
// the ancestor chain onto the white canvas, with each ancestor's opacity applied as a
// group. Whenever something granska cannot paint decides the colours — a background image
// or gradient, positioned content that may lie under or over the text, a text shadow,
// filters and blend modes, an unknown value, style sheets that could not be loaded
// ("stylesheet") — the entry says why it is unknown instead. Linear in the page's size.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "aria/semantics.h"
#include "html/dom.h"

namespace granska::aria {

struct TextContrast {
  const html::Node* element;  // the text's parent element
  // Why granska cannot compute the contrast ("" when it can): "script" for an element a
  // script fills through a shadow root, else the property or effect that is unknown.
  std::string_view unknown_reason;
  // The text has no letters or digits (symbols only): granska does not judge it.
  bool no_words = false;
  // Lowest and highest possible ratio (they differ for a link whose visited state is
  // unknown). Valid when unknown_reason is empty.
  double min_ratio = 0, max_ratio = 0;
  // Large-scale text (at least 18pt, or 14pt bold); nullopt when the font size or weight
  // is unknown.
  std::optional<bool> large;
};

// Every applicable text-holding element in tree order.
std::vector<TextContrast> text_contrasts(Semantics& aria);

}  // namespace granska::aria
