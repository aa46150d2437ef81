#include "crawl/traps.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace granska::crawl {

int max_segment_repeats(std::string_view path) {
  path = path.substr(0, path.find_first_of("?#"));
  // Few segments in practice; a quadratic scan over a small stack array avoids allocating.
  constexpr std::size_t kMax = 64;
  std::string_view segs[kMax];
  std::size_t n = 0;
  while (!path.empty() && n < kMax) {
    const std::size_t slash = path.find('/');
    const std::string_view seg = path.substr(0, slash);
    if (!seg.empty()) segs[n++] = seg;
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  int best = 0;
  for (std::size_t i = 0; i < n; ++i) {
    int count = 0;
    for (std::size_t j = i; j < n; ++j) count += segs[j] == segs[i] ? 1 : 0;
    best = std::max(best, count);
  }
  return best;
}

Trap detect_trap(std::string_view normalized, const TrapLimits& limits) {
  if (normalized.size() > limits.max_url_length) return Trap::TooLong;
  const std::size_t auth = normalized.find("://");
  if (auth != std::string_view::npos) {
    const std::size_t path = normalized.find('/', auth + 3);
    if (path != std::string_view::npos &&
        max_segment_repeats(normalized.substr(path)) > limits.max_segment_repeats) {
      return Trap::RepeatedSegment;
    }
  }
  return Trap::None;
}

std::string_view query_variant_key(std::string_view normalized) {
  return normalized.substr(0, normalized.find_first_of("?#"));
}

}  // namespace granska::crawl
