// Text checks done before toml++ parses a configuration file.
//
// toml++ 3.3.0 (Debian 12's libtomlplusplus) reaches __builtin_unreachable, undefined
// behaviour, in its generated whitespace tables for some non-ASCII characters met where
// TOML allows only ASCII (outside strings and comments; found by Fuzz.fuzz_config). Such
// a file is not valid TOML anyway, so it is refused here first, with the line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace granska::config {

// The 1-based line of the first non-ASCII byte outside strings and comments; 0 when none.
std::size_t stray_non_ascii_line(std::string_view toml_text);

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_text_file(const std::string& path);

}  // namespace granska::config
