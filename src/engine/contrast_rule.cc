#include "engine/contrast_rule.h"

#include <cstdio>
#include <string>

#include "aria/text_contrast.h"

namespace granska::engine {

namespace {

std::string ratio_text(double r) {
  char buf[32];
  // Truncated, not rounded: 4.499 must not read as 4.5.
  std::snprintf(buf, sizeof buf, "%.2f", static_cast<double>(static_cast<long long>(r * 100)) / 100);
  return buf;
}

}  // namespace

void report_contrast(Context& ctx, Reporter& out, const ContrastRule& m) {
  const double normal = m.normal, large = m.large;
  for (const aria::TextContrast& t : aria::text_contrasts(ctx.aria)) {
    if (!t.unknown_reason.empty()) {
      std::string_view why = t.unknown_reason;
      if (why == "text-shadow") {
        out.cant_tell(t.element, m.text_shadow);
      } else if (why == "background-image" || why == "positioned" || why == "effect" || why == "transform") {
        out.cant_tell(t.element, m.background_unknown);
      } else {
        out.cant_tell(t.element, m.color_unknown);
      }
      continue;
    }
    if (t.no_words) {
      out.cant_tell(t.element, m.no_words);
      continue;
    }
    // The threshold that applies, or both when the size is unknown.
    double lo = t.large ? (*t.large ? large : normal) : large;
    double hi = t.large ? lo : normal;
    if (t.min_ratio >= hi) {
      out.passed(t.element, m.enough, {ratio_text(t.min_ratio), ratio_text(hi)});
    } else if (t.max_ratio < lo) {
      out.failed(t.element, m.too_low, {ratio_text(t.max_ratio), ratio_text(lo)});
    } else if (t.min_ratio != t.max_ratio) {
      out.cant_tell(t.element, m.visited_unknown, {ratio_text(t.min_ratio), ratio_text(t.max_ratio)});
    } else {
      out.cant_tell(t.element, m.size_unknown, {ratio_text(t.min_ratio)});
    }
  }
}

}  // namespace granska::engine
