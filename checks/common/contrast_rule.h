// The decision shared by the two text-contrast rules (minimum, WCAG 1.4.3; enhanced,
// WCAG 1.4.6): one place, so they differ only in their thresholds and texts.
#pragma once

#include <vector>

#include "engine/rule.h"

namespace granska::checks {

using engine::Context;
using engine::Message;
using engine::Reporter;

struct ContrastThresholds {
  double normal;  // minimum ratio for normal text
  double large;   // minimum ratio for large-scale text
};

// The messages both rules report; the thresholds reach the texts as arguments.
std::vector<const Message*> contrast_messages();

// One outcome per applicable text-holding element (aria/text_contrast.h). Passes or fails
// only when the computed ratio decides under every possibility left open.
void report_contrast(Context& ctx, Reporter& out, ContrastThresholds thresholds);

}  // namespace granska::checks
