#include "config/toml_text.h"

#include <fstream>
#include <iterator>
#include <sstream>

namespace granska::config {

std::size_t stray_non_ascii_line(std::string_view t) {
  std::size_t line = 1;
  std::size_t i = t.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a UTF-8 byte order mark is allowed
  // The last byte outside strings, comments and blanks: a quote starts a string only where
  // TOML allows one (after =, [, {, a comma, a dot or at the start of a line); elsewhere
  // toml++ reads it as part of a bare value, and what follows is checked as such.
  char prev = '\n';
  auto blank = [](char b) { return b == ' ' || b == '\t' || b == '\r'; };
  while (i < t.size()) {
    const char c = t[i];
    if (c == '\n') {
      ++line;
      ++i;
      prev = '\n';
    } else if (blank(c)) {
      ++i;
    } else if (c == '#') {  // a comment runs to the end of the line
      while (i < t.size() && t[i] != '\n') ++i;
    } else if ((c == '"' || c == '\'') && (prev == '\n' || prev == '=' || prev == '[' || prev == '{' ||
                                            prev == ',' || prev == '.')) {
      const bool multi = t.substr(i, 3) == std::string(3, c);
      i += multi ? 3 : 1;
      while (i < t.size()) {
        if (t[i] == '\n') {
          if (!multi) break;  // an unterminated string: toml++ reports it
          ++line;
        } else if (c == '"' && t[i] == '\\') {
          // An escape. In a multi-line string a backslash at the end of a line trims the
          // whitespace that follows, which toml++ classifies: nothing but ASCII there.
          std::size_t j = i + 1;
          while (multi && j < t.size() && blank(t[j])) ++j;
          if (multi && j < t.size() && t[j] == '\n') {
            while (j < t.size() && (blank(t[j]) || t[j] == '\n')) line += t[j++] == '\n';
            if (j < t.size() && static_cast<unsigned char>(t[j]) >= 0x80) return line;
            i = j;
            continue;
          }
          i += 2;  // the escaped byte
          continue;
        } else if (multi ? t.substr(i, 3) == std::string(3, c) : t[i] == c) {
          i += multi ? 3 : 1;
          // Up to two more quotes right before the delimiter belong to the string.
          for (int extra = 0; multi && extra < 2 && i < t.size() && t[i] == c; ++extra) ++i;
          break;
        }
        ++i;
      }
      prev = c;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return line;
    } else {
      prev = c;
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
