// The targets of the "important text spacing in style attributes" rules (ACT 24afc2,
// 9e45ec, 78fd32, WCAG 1.4.12): elements whose style attribute sets letter-spacing,
// word-spacing or line-height with !important and wins the cascade, and the elements whose
// visible text takes that value (the target itself and descendants that inherit it).
#pragma once

#include <vector>

#include "aria/semantics.h"
#include "html/dom.h"
#include "style/cascade.h"

namespace granska::aria {

struct SpacingTarget {
  const html::Node* element;
  // Elements with a visible, non-blank text node child whose value of the property is
  // inherited from `element` (`element` included).
  std::vector<const html::Node*> text_parents;
  // Some text's visibility could not be decided (CSS granska could not evaluate).
  bool visibility_unknown = false;
};

// Targets for `p` (LetterSpacing, WordSpacing or LineHeight) in tree order; targets with
// no visible text are left out (inapplicable). A value of inherit/unset/revert is not
// a target: it does not set a spacing of its own.
std::vector<SpacingTarget> important_spacing_targets(Semantics& aria, style::Property p);

// The smallest spacing / font-size ratio over a target's text, for LetterSpacing or
// WordSpacing. `unknown` when some text's spacing, size or visibility could not be
// computed; `worst` then covers only the text that could.
struct SpacingRatio {
  double worst = 1e9;
  bool unknown = false;
};
SpacingRatio smallest_spacing_ratio(const style::ComputedStyles& styles, const SpacingTarget& t, style::Property p);

}  // namespace granska::aria
