#pragma once
// A hash for std::string keys that also takes a std::string_view, so that maps keyed by
// std::string can be searched without building a string per lookup. Use with
// std::equal_to<> as the key-equality.

#include <cstddef>
#include <functional>
#include <string_view>

namespace granska {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace granska
