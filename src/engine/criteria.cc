#include "engine/criteria.h"

#include <algorithm>

namespace granska::engine {

std::string_view to_string(Level level) {
  switch (level) {
    case Level::A: return "A";
    case Level::AA: return "AA";
    case Level::AAA: return "AAA";
  }
  return "";
}

std::span<const Criterion> all_criteria() { return detail::kCriteria; }

const Criterion* find_criterion(std::string_view number) {
  auto it = std::find_if(detail::kCriteria.begin(), detail::kCriteria.end(),
                         [&](const Criterion& c) { return c.number == number; });
  return it == detail::kCriteria.end() ? nullptr : &*it;
}

}  // namespace granska::engine
