// Paths the tests need: the source tree (for fixtures/) and the built granska binary.
#pragma once
#include <string>

namespace granska::testing {
std::string source_dir();
std::string fixture_path(const std::string& relative);  // fixtures/<relative>
std::string read_fixture(const std::string& relative);  // whole file, binary-safe
std::string granska_binary();
}  // namespace granska::testing
