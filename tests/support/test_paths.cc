#include "support/test_paths.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace granska::testing {

std::string source_dir() { return GRANSKA_SOURCE_DIR; }

std::string fixture_path(const std::string& relative) {
  return source_dir() + "/fixtures/" + relative;
}

std::string read_fixture(const std::string& relative) {
  std::ifstream in(fixture_path(relative), std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture: " + relative);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string granska_binary() { return GRANSKA_BINARY; }

}  // namespace granska::testing
