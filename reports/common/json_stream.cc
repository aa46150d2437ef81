#include "reports/common/json_stream.h"

#include <array>

namespace granska::reports {

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (Unicode table 3-7), or 0 when there is
// none; `prefix` is then how many bytes form a valid start of one (at least 1), which
// nlohmann's decoder replaces by one U+FFFD before reading on from the byte that broke it.
std::size_t utf8_length(std::string_view s, std::size_t i, std::size_t& prefix) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // past U+10FFFF
  } else {
    prefix = 1;
    return 0;
  }
  std::size_t k = 1;
  for (; k < len && i + k < s.size(); ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
  }
  if (k == len) return len;
  prefix = k;
  return 0;
}

// Bytes copied as they are: printable ASCII except '"' and '\\' (0x7F included, as nlohmann
// writes it). A table lookup per byte: most of a report is such runs.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.reserve(out.size() + s.size() + 2);
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    // Runs of printable ASCII (nearly all text) are copied at once.
    std::size_t j = i;
    while (j < s.size() && kPlain[static_cast<unsigned char>(s[j])]) ++j;
    out.append(s.data() + i, j - i);
    i = j;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xF];
      }
      ++i;
      continue;
    }
    std::size_t prefix = 0;
    const std::size_t len = utf8_length(s, i, prefix);
    if (len > 0) {
      out.append(s.data() + i, len);  // U+0080 and up, U+2028 included, are written as is
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      i += prefix;
    }
  }
  out += '"';
}

void JsonStream::newline_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonStream::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the top-level value
  if (empty_.back()) {
    empty_.back() = false;
  } else {
    out_ += ',';
  }
  if (indent_ >= 0) newline_indent(empty_.size());
}

JsonStream& JsonStream::key(std::string_view k) {
  element();
  append_json_string(out_, k);
  out_ += indent_ >= 0 ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonStream& JsonStream::open(char c) {
  element();
  out_ += c;
  empty_.push_back(true);
  return *this;
}

JsonStream& JsonStream::close(char c) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty && indent_ >= 0) newline_indent(empty_.size());
  out_ += c;
  return *this;
}

}  // namespace granska::reports
