// The decision shared by the two text-contrast rules (minimum, WCAG 1.4.3; enhanced,
// WCAG 1.4.6): one place, so they differ only in their thresholds and texts.
#pragma once

#include "engine/rule.h"

namespace granska::engine {

struct ContrastRule {
  double normal;  // minimum ratio for normal text
  double large;   // minimum ratio for large-scale text
  const Message& enough;              // passed; {0} = ratio, {1} = required ratio
  const Message& too_low;             // failed; same arguments
  const Message& background_unknown;  // cantTell: image, gradient, positioned content, filter
  const Message& text_shadow;         // cantTell
  const Message& color_unknown;       // cantTell: a colour, opacity or visibility unknown
  const Message& size_unknown;        // cantTell: {0} = ratio, enough only if the text is large
  const Message& visited_unknown;     // cantTell: {0}, {1} = unvisited and visited link ratios
  const Message& no_words;            // cantTell: symbols only
};

// One outcome per applicable text-holding element (aria/text_contrast.h). Passes or fails
// only when the computed ratio decides under every possibility left open.
void report_contrast(Context& ctx, Reporter& out, const ContrastRule& rule);

}  // namespace granska::engine
