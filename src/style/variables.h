// Custom properties and var() substitution (CSS Variables 1), bounded: a reference chain
// deeper than kMaxVarDepth or a substituted value longer than kMaxSubstitution makes the
// value unknown; a cycle makes it invalid, as the spec says. No recursion grows with the
// input. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace granska::style {

inline constexpr int kMaxVarDepth = 32;
inline constexpr std::size_t kMaxSubstitution = 64 * 1024;

// The computed value of one custom property.
struct CustomValue {
  enum class State : std::uint8_t {
    Ok,       // text holds the value, var() already substituted
    Invalid,  // the guaranteed-invalid value (undefined, initial, a cycle)
    Unknown,  // granska cannot tell (a rule it could not evaluate, a limit reached)
  };
  State state = State::Invalid;
  std::string text;
};

// Resolves a custom property by name (with its leading "--"); nullptr when undefined.
using CustomLookup = std::function<const CustomValue*(std::string_view name)>;

// Replaces every var() (and env()) in `text`. nullopt with `unknown` false: invalid at
// computed-value time (an undefined variable without fallback); nullopt with `unknown`
// true: granska cannot compute it. `depth` counts nested fallbacks.
std::optional<std::string> substitute(std::string_view text, const CustomLookup& lookup, bool& unknown,
                                      int depth = 0);

// Whether `text` contains var(), env() or attr() (case-insensitive).
bool has_references(std::string_view text);

}  // namespace granska::style
