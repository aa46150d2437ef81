// Small string helpers shared by every module (ASCII case, whitespace, UTF-8 truncation).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace granska::text {

void ascii_lower_in_place(std::string& s);
std::string ascii_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive
bool istarts_with(std::string_view s, std::string_view prefix);

// HTML's ASCII whitespace: space, tab, LF, FF, CR.
constexpr bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
std::string_view trim(std::string_view s);  // strips HTML whitespace at both ends
// Trims, and folds every run of HTML whitespace into one space.
std::string collapse_whitespace(std::string_view s);

// Appends code point `cp` (at most U+10FFFF) to `out` as UTF-8. No validation: callers
// decide what to do with surrogates and NUL.
void append_utf8(std::string& out, std::uint32_t cp);

// U+FFFD as UTF-8: what writers put where a byte was not valid UTF-8.
inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

// Length of the valid UTF-8 sequence starting at s[i] (1..4), or 0 if it is not one
// (truncated, overlong, surrogate, above U+10FFFF); `cp` receives the code point.
// For escapers that must resynchronise byte by byte on invalid input.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp);

// At most max_chars code points; adds "…" when it cut.
std::string truncate_utf8(std::string_view s, std::size_t max_chars);

}  // namespace granska::text
