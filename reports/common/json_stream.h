// JSON written straight into a string, without building a tree: the page report and the
// crawl stream are the largest outputs granska writes per page, and building an
// nlohmann::json tree only to dump it cost several times the page's parse.
//
// The bytes are exactly those of nlohmann::json::dump(indent, ' ', false,
// error_handler_t::replace), which the JSON contract (docs/json-format.md) was first written
// with: the same indentation, "[]"/"{}" for empty containers, no escaping beyond '"', '\\'
// and control characters (lower-case \u00xx), and each maximal invalid UTF-8 subpart
// replaced by one U+FFFD. nlohmann::json sorts keys; callers write keys in byte order.
#pragma once

#include <charconv>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace granska::reports {

// Appends s to out as a JSON string (quotes included), escaped as described above.
void append_json_string(std::string& out, std::string_view s);

class JsonStream {
 public:
  // indent < 0: compact (dump(-1)); otherwise pretty with this many spaces per level.
  explicit JsonStream(std::string& out, int indent = 2) : out_(out), indent_(indent) {}

  JsonStream& begin_object() { return open('{'); }
  JsonStream& end_object() { return close('}'); }
  JsonStream& begin_array() { return open('['); }
  JsonStream& end_array() { return close(']'); }

  // The next value's key (inside an object).
  JsonStream& key(std::string_view k);

  JsonStream& value(std::string_view s) {
    element();
    append_json_string(out_, s);
    return *this;
  }
  JsonStream& value(const char* s) { return value(std::string_view(s)); }
  JsonStream& value(const std::string& s) { return value(std::string_view(s)); }
  JsonStream& value(bool b) {
    element();
    out_ += b ? "true" : "false";
    return *this;
  }
  template <std::integral T>
    requires(!std::same_as<T, bool> && !std::same_as<T, char>)
  JsonStream& value(T n) {
    element();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, r.ptr);
    return *this;
  }
  JsonStream& null() {
    element();
    out_ += "null";
    return *this;
  }
  // A string, or null when absent: optional<string>, nullable pointers.
  JsonStream& value_or_null(const std::string* s) { return s ? value(*s) : null(); }

  // key(k).value(v) in one call.
  template <typename T>
  JsonStream& member(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  JsonStream& member_null(std::string_view k) {
    key(k);
    return null();
  }

 private:
  JsonStream& open(char c);
  JsonStream& close(char c);
  // Before a value: the separator and indentation, unless a key was just written.
  void element();
  void newline_indent(std::size_t depth);

  std::string& out_;
  int indent_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace granska::reports
