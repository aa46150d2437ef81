#include "config/toml_text.h"

#include <fstream>
#include <iterator>
#include <sstream>

namespace granska::config {

std::size_t stray_non_ascii_line(std::string_view t) {
  std::size_t line = 1;
  std::size_t i = t.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a UTF-8 byte order mark is allowed
  while (i < t.size()) {
    const char c = t[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '#') {  // a comment runs to the end of the line
      while (i < t.size() && t[i] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      const bool multi = t.substr(i, 3) == std::string(3, c);
      i += multi ? 3 : 1;
      while (i < t.size()) {
        if (t[i] == '\n') {
          if (!multi) break;  // an unterminated string: toml++ reports it
          ++line;
        } else if (c == '"' && t[i] == '\\') {  // an escape: skip the escaped byte
          if (i + 1 < t.size() && t[i + 1] == '\n') ++line;
          i += 2;
          continue;
        } else if (multi ? t.substr(i, 3) == std::string(3, c) : t[i] == c) {
          i += multi ? 3 : 1;
          // Up to two more quotes right before the delimiter belong to the string.
          for (int extra = 0; multi && extra < 2 && i < t.size() && t[i] == c; ++extra) ++i;
          break;
        }
        ++i;
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return line;
    } else {
      ++i;
    }
  }
  return 0;
}

std::optional<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return s.str();
}

}  // namespace granska::config
