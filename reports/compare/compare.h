// granska check --render --compare: what differs between the static check of a page (its
// HTML as served, granska's own cascade) and the rendered one (the DOM after scripts in
// headless Chromium, the browser's styles and layout). Failures and needs-review findings
// are matched by rule, outcome, message and element selector; passed findings are left
// out. Selectors of the two DOMs can differ where scripts inserted elements before an
// element without an id, so the same barrier may then appear on both sides.
#pragma once

#include <ostream>
#include <string_view>

#include "engine/evaluate.h"
#include "util/lang.h"

namespace granska::reports {

struct ModeComparison {
  std::string_view url;
  const engine::PageEvaluation& static_check;
  const engine::PageEvaluation& rendered_check;
};

// For people: the rules whose outcome differs, then the findings only one mode has.
void write_compare_text(std::ostream& out, const ModeComparison& c, Lang lang);
// For machines: {"url", "rules": [{"id", "static", "rendered"}], "findings": [{…, "mode":
// "static" | "rendered" | "both"}]} (docs/json-format.md).
void write_compare_json(std::ostream& out, const ModeComparison& c, Lang lang);

}  // namespace granska::reports
