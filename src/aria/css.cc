#include "aria/css.h"

#include <charconv>
#include <optional>
#include <span>

#include "util/text.h"

namespace granska::aria::css {

namespace {

constexpr int kMaxNesting = 32;  // deeper blocks are skipped, not parsed

bool is_space(char c) { return text::is_html_space(c); }

// Index just past the string that starts at s[i] (a quote). CSS strings end at the
// matching quote or, unterminated, at a newline.
std::size_t skip_string(std::string_view s, std::size_t i) {
  char quote = s[i++];
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == quote) return i + 1;
    if (c == '\n') return i;
    ++i;
  }
  return s.size();
}

// Index of the '}' matching the '{' at s[open], or s.size() when unbalanced.
std::size_t block_end(std::string_view s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size();) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      i = skip_string(s, i);
      continue;
    }
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '{') ++depth;
    if (c == '}' && --depth == 0) return i;
    ++i;
  }
  return s.size();
}

// First index at or after `i` holding one of `stops` outside strings, () and [];
// s.size() if none.
std::size_t find_top_level(std::string_view s, std::size_t i, std::string_view stops) {
  int depth = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"' || c == '\'') {
      i = skip_string(s, i);
      continue;
    }
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (depth == 0 && stops.find(c) != std::string_view::npos) return i;
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    ++i;
  }
  return s.size();
}

bool is_ident_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

void add_declaration(std::string_view segment, std::vector<Declaration>& out) {
  std::size_t colon = segment.find(':');
  if (colon == std::string_view::npos) return;
  std::string_view property = text::trim(segment.substr(0, colon));
  if (property.empty()) return;
  for (char c : property) {
    if (!is_ident_char(c)) return;
  }
  std::string_view value = text::trim(segment.substr(colon + 1));
  bool important = false;
  std::size_t bang = value.rfind('!');
  if (bang != std::string_view::npos && text::iequals(text::trim(value.substr(bang + 1)), "important")) {
    important = true;
    value = text::trim(value.substr(0, bang));
  }
  out.push_back(Declaration{property, value, important});
}

// ---- Media queries (Media Queries 4, for one fixed environment) ----

std::optional<double> parse_number(std::string_view s, std::string_view* unit) {
  s = text::trim(s);
  double v = 0;
  const char* begin = s.data();
  if (!s.empty() && s.front() == '+') ++begin;
  auto [end, ec] = std::from_chars(begin, s.data() + s.size(), v);
  if (ec != std::errc()) return std::nullopt;
  *unit = s.substr(static_cast<std::size_t>(end - s.data()));
  return v;
}

std::optional<double> parse_length_px(std::string_view s) {
  std::string_view unit;
  std::optional<double> v = parse_number(s, &unit);
  if (!v) return std::nullopt;
  if (unit == "px" || (unit.empty() && *v == 0)) return *v;
  if (unit == "em" || unit == "rem") return *v * 16;
  if (unit == "pt") return *v * 96 / 72;
  if (unit == "in") return *v * 96;
  if (unit == "cm") return *v * 96 / 2.54;
  if (unit == "mm") return *v * 96 / 25.4;
  return std::nullopt;
}

std::optional<double> parse_resolution_dppx(std::string_view s) {
  std::string_view unit;
  std::optional<double> v = parse_number(s, &unit);
  if (!v) return std::nullopt;
  if (unit == "dppx" || unit == "x" || unit.empty()) return *v;
  if (unit == "dpi") return *v / 96;
  if (unit == "dpcm") return *v * 2.54 / 96;
  return std::nullopt;
}

// The environment's value of a numeric feature, and how to read a value for it.
struct NumericFeature {
  double actual;
  std::optional<double> (*parse)(std::string_view);
};

std::optional<double> parse_plain(std::string_view s) {
  std::string_view unit;
  std::optional<double> v = parse_number(s, &unit);
  return v && unit.empty() ? v : std::nullopt;
}

std::optional<NumericFeature> numeric_feature(std::string_view name) {
  if (name == "width" || name == "device-width") return NumericFeature{kViewportWidth, parse_length_px};
  if (name == "height" || name == "device-height") {
    return NumericFeature{kViewportHeight, parse_length_px};
  }
  if (name == "resolution") return NumericFeature{1, parse_resolution_dppx};
  if (name == "-webkit-device-pixel-ratio" || name == "device-pixel-ratio") {
    return NumericFeature{1, parse_plain};
  }
  if (name == "color") return NumericFeature{8, parse_plain};
  if (name == "color-index" || name == "monochrome" || name == "grid") {
    return NumericFeature{0, parse_plain};
  }
  return std::nullopt;
}

// The environment's value of a discrete feature ("" when unknown).
std::string_view discrete_feature(std::string_view name) {
  struct Entry {
    std::string_view name, value;
  };
  static constexpr Entry kValues[] = {
      {"any-hover", "hover"},
      {"any-pointer", "fine"},
      {"color-gamut", "srgb"},
      {"display-mode", "browser"},
      {"dynamic-range", "standard"},
      {"forced-colors", "none"},
      {"hover", "hover"},
      {"inverted-colors", "none"},
      {"orientation", "landscape"},
      {"overflow-block", "scroll"},
      {"overflow-inline", "scroll"},
      {"pointer", "fine"},
      {"prefers-color-scheme", "light"},
      {"prefers-contrast", "no-preference"},
      {"prefers-reduced-data", "no-preference"},
      {"prefers-reduced-motion", "no-preference"},
      {"prefers-reduced-transparency", "no-preference"},
      {"scripting", "enabled"},
      {"update", "fast"},
  };
  for (const Entry& e : kValues) {
    if (e.name == name) return e.value;
  }
  return {};
}

bool compare(double a, std::string_view op, double b) {
  if (op == "<") return a < b;
  if (op == "<=") return a <= b;
  if (op == ">") return a > b;
  if (op == ">=") return a >= b;
  if (op == "=") return a == b;
  return false;
}

std::string_view flip(std::string_view op) {
  if (op == "<") return ">";
  if (op == "<=") return ">=";
  if (op == ">") return "<";
  if (op == ">=") return "<=";
  return op;
}

// "(width >= 600px)", "(600px <= width)", "(400px < width < 800px)"; `f` is lowercase.
std::optional<bool> eval_range(std::string_view f) {
  std::vector<std::string_view> parts;  // operand, op, operand[, op, operand]
  std::size_t i = 0;
  std::size_t start = 0;
  while (i < f.size()) {
    char c = f[i];
    if (c == '<' || c == '>' || c == '=') {
      parts.push_back(text::trim(f.substr(start, i - start)));
      std::size_t op_len = (i + 1 < f.size() && f[i + 1] == '=') ? 2 : 1;
      parts.push_back(f.substr(i, op_len));
      i += op_len;
      start = i;
      continue;
    }
    ++i;
  }
  parts.push_back(text::trim(f.substr(start)));
  auto check = [](std::string_view name, std::string_view op, std::string_view value) -> std::optional<bool> {
    std::optional<NumericFeature> nf = numeric_feature(name);
    if (!nf) return std::nullopt;
    std::optional<double> v = nf->parse(value);
    if (!v) return std::nullopt;
    return compare(nf->actual, op, *v);
  };
  if (parts.size() == 3) {
    if (numeric_feature(parts[0])) return check(parts[0], parts[1], parts[2]);
    return check(parts[2], flip(parts[1]), parts[0]);
  }
  if (parts.size() == 5) {
    std::optional<bool> left = check(parts[2], flip(parts[1]), parts[0]);
    std::optional<bool> right = check(parts[2], parts[3], parts[4]);
    if (!left || !right) return std::nullopt;
    return *left && *right;
  }
  return std::nullopt;
}

std::optional<bool> eval_feature(std::string_view f) {
  f = text::trim(f);
  std::size_t colon = f.find(':');
  if (colon == std::string_view::npos) {
    if (f.find_first_of("<>=") != std::string_view::npos) return eval_range(f);
    // Boolean context: true unless the value is zero / none / no-preference.
    if (std::optional<NumericFeature> nf = numeric_feature(f)) return nf->actual != 0;
    std::string_view v = discrete_feature(f);
    if (v.empty()) return std::nullopt;
    return v != "none" && v != "no-preference";
  }
  std::string_view name = text::trim(f.substr(0, colon));
  std::string_view value = text::trim(f.substr(colon + 1));
  std::string_view op = "=";
  if (name.starts_with("min-")) {
    op = ">=";
    name.remove_prefix(4);
  } else if (name.starts_with("max-")) {
    op = "<=";
    name.remove_prefix(4);
  } else if (name.starts_with("-webkit-min-")) {
    op = ">=";
    name.remove_prefix(12);
    if (name == "device-pixel-ratio") name = "-webkit-device-pixel-ratio";
  } else if (name.starts_with("-webkit-max-")) {
    op = "<=";
    name.remove_prefix(12);
    if (name == "device-pixel-ratio") name = "-webkit-device-pixel-ratio";
  }
  if (std::optional<NumericFeature> nf = numeric_feature(name)) {
    std::optional<double> v = nf->parse(value);
    if (!v) return std::nullopt;
    return compare(nf->actual, op, *v);
  }
  if (op != "=") return std::nullopt;
  std::string_view actual = discrete_feature(name);
  if (actual.empty()) return std::nullopt;
  return actual == value;
}

// A media query split into identifiers and parenthesised groups (inner text kept).
struct Token {
  bool group;
  std::string_view text;
};

std::optional<std::vector<Token>> tokenize(std::string_view q) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    if (q[i] == '(') {
      int depth = 0;
      std::size_t j = i;
      for (; j < q.size(); ++j) {
        if (q[j] == '(') ++depth;
        if (q[j] == ')' && --depth == 0) break;
      }
      if (j >= q.size()) return std::nullopt;
      out.push_back({true, q.substr(i + 1, j - i - 1)});
      i = j + 1;
      continue;
    }
    std::size_t j = i;
    while (j < q.size() && !is_space(q[j]) && q[j] != '(') ++j;
    out.push_back({false, q.substr(i, j - i)});
    i = j;
  }
  return out;
}

std::optional<bool> eval_condition(std::span<const Token> t, int depth);

std::optional<bool> eval_group(std::string_view inner, int depth) {
  std::string_view trimmed = text::trim(inner);
  if (trimmed.starts_with("(") || trimmed.starts_with("not ") || trimmed.starts_with("not(")) {
    std::optional<std::vector<Token>> t = tokenize(trimmed);
    if (!t) return std::nullopt;
    return eval_condition(*t, depth + 1);
  }
  return eval_feature(trimmed);
}

// <media-condition>: "not (a)", or "(a) and (b) ...", or "(a) or (b) ...".
std::optional<bool> eval_condition(std::span<const Token> t, int depth) {
  if (t.empty() || depth > 8) return std::nullopt;
  if (!t[0].group && t[0].text == "not") {
    if (t.size() != 2 || !t[1].group) return std::nullopt;
    std::optional<bool> v = eval_group(t[1].text, depth);
    if (!v) return std::nullopt;
    return !*v;
  }
  if (!t[0].group) return std::nullopt;
  std::optional<bool> result = eval_group(t[0].text, depth);
  for (std::size_t i = 1; i + 1 < t.size(); i += 2) {
    if (t[i].group || !t[i + 1].group) return std::nullopt;
    std::optional<bool> next = eval_group(t[i + 1].text, depth);
    // An unknown feature makes its query not match, whatever it is combined with.
    if (!result || !next) return std::nullopt;
    if (t[i].text == "and") {
      result = *result && *next;
    } else if (t[i].text == "or") {
      result = *result || *next;
    } else {
      return std::nullopt;
    }
  }
  if (t.size() % 2 == 0) return std::nullopt;
  return result;
}

bool query_matches(std::string_view query) {
  std::string lower = text::ascii_lower(text::trim(query));
  std::optional<std::vector<Token>> tokens = tokenize(lower);
  if (!tokens || tokens->empty()) return false;
  std::span<const Token> t = *tokens;
  bool negate = false;
  if (!t[0].group && (t[0].text == "not" || t[0].text == "only") && t.size() > 1 && !t[1].group) {
    negate = t[0].text == "not";
    t = t.subspan(1);
  }
  if (t[0].group || t[0].text == "not") {
    std::optional<bool> v = eval_condition(t, 0);
    return v.value_or(false);
  }
  std::string_view type = t[0].text;
  bool result = type == "all" || type == "screen";
  for (std::size_t i = 1; i < t.size(); i += 2) {
    if (t[i].group || t[i].text != "and" || i + 1 >= t.size()) return false;
    std::optional<bool> v;
    if (!t[i + 1].group && t[i + 1].text == "not" && i + 2 < t.size()) {
      v = eval_condition(t.subspan(i + 1, 2), 0);
      ++i;
    } else if (t[i + 1].group) {
      v = eval_group(t[i + 1].text, 0);
    }
    if (!v) return false;  // malformed or unknown: the query is "not all"
    result = result && *v;
  }
  return negate ? !result : result;
}

void parse_rule(std::string_view selector, std::string_view body, bool nested, int depth,
                std::vector<Rule>& rules);

void parse_rule_list(std::string_view s, int depth, std::vector<Rule>& rules) {
  if (depth > kMaxNesting) return;
  std::size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i]) || s[i] == ';' || s[i] == '}') {
      ++i;
      continue;
    }
    if (s.substr(i).starts_with("<!--")) {
      i += 4;
      continue;
    }
    if (s.substr(i).starts_with("-->")) {
      i += 3;
      continue;
    }
    if (s[i] == '@') {
      std::size_t name_end = i + 1;
      while (name_end < s.size() && is_ident_char(s[name_end])) ++name_end;
      std::string name = text::ascii_lower(s.substr(i + 1, name_end - i - 1));
      std::size_t stop = find_top_level(s, name_end, "{;");
      if (stop >= s.size()) return;
      if (s[stop] == ';') {
        i = stop + 1;  // @import, @charset, @namespace, @layer a, b;
        continue;
      }
      std::string_view prelude = text::trim(s.substr(name_end, stop - name_end));
      std::size_t close = block_end(s, stop);
      std::string_view body = s.substr(stop + 1, close - stop - 1);
      if ((name == "media" && media_matches(prelude)) || name == "supports" || name == "layer") {
        parse_rule_list(body, depth + 1, rules);
      }
      i = close + 1;
      continue;
    }
    std::size_t open = find_top_level(s, i, "{");
    if (open >= s.size()) return;
    std::size_t close = block_end(s, open);
    parse_rule(text::trim(s.substr(i, open - i)), s.substr(open + 1, close - open - 1), false, depth + 1,
               rules);
    i = close + 1;
  }
}

void parse_rule(std::string_view selector, std::string_view body, bool nested, int depth,
                std::vector<Rule>& rules) {
  if (depth > kMaxNesting) return;
  std::size_t index = rules.size();
  rules.push_back(Rule{selector, {}, nested});
  std::vector<Declaration> declarations;
  std::size_t start = 0;
  while (start < body.size()) {
    std::size_t stop = find_top_level(body, start, ";{");
    if (stop < body.size() && body[stop] == '{') {
      // A nested block: CSS Nesting's nested rule, or an at-rule such as @media inside
      // a style rule (whose declarations then apply to this rule's selector).
      std::string_view prelude = text::trim(body.substr(start, stop - start));
      std::size_t close = block_end(body, stop);
      std::string_view inner = body.substr(stop + 1, close - stop - 1);
      if (prelude.starts_with("@")) {
        std::size_t name_end = 1;
        while (name_end < prelude.size() && is_ident_char(prelude[name_end])) ++name_end;
        std::string name = text::ascii_lower(prelude.substr(1, name_end - 1));
        if ((name == "media" && media_matches(prelude.substr(name_end))) || name == "supports") {
          parse_rule(selector, inner, nested, depth + 1, rules);
        }
      } else {
        parse_rule(prelude, inner, true, depth + 1, rules);
      }
      start = close + 1;
      continue;
    }
    add_declaration(body.substr(start, stop - start), declarations);
    start = stop + 1;
  }
  if (declarations.empty()) {
    rules.erase(rules.begin() + static_cast<std::ptrdiff_t>(index));
  } else {
    rules[index].declarations = std::move(declarations);
  }
}

}  // namespace

std::string_view strip_comments(std::string_view text, std::string& storage) {
  if (text.find("/*") == std::string_view::npos) return text;
  storage.clear();
  storage.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' || c == '\'') {
      std::size_t end = skip_string(text, i);
      storage.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      std::size_t end = text.find("*/", i + 2);
      i = end == std::string_view::npos ? text.size() : end + 2;
      storage += ' ';  // a comment separates tokens
      continue;
    }
    storage += c;
    ++i;
  }
  return storage;
}

void parse_declarations(std::string_view text, std::vector<Declaration>& out) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t stop = find_top_level(text, start, ";{");
    if (stop < text.size() && text[stop] == '{') {
      stop = block_end(text, stop);  // a nested block is not a declaration
      start = stop + 1;
      continue;
    }
    add_declaration(text.substr(start, stop - start), out);
    start = stop + 1;
  }
}

const Declaration* winning_declaration(const std::vector<Declaration>& list,
                                       std::string_view property) {
  const Declaration* best = nullptr;
  for (const Declaration& d : list) {
    if (!text::iequals(d.property, property)) continue;
    if (!best || d.important || !best->important) best = &d;
  }
  return best;
}

StyleSheet StyleSheet::parse(std::string_view css) {
  StyleSheet sheet;
  std::string storage;
  std::string_view clean = strip_comments(css, storage);
  sheet.text_ = std::make_unique<std::string>(storage.empty() ? std::string(clean) : std::move(storage));
  parse_rule_list(*sheet.text_, 0, sheet.rules_);
  return sheet;
}

bool media_matches(std::string_view query_list) {
  query_list = text::trim(query_list);
  if (query_list.empty()) return true;
  std::size_t start = 0;
  while (start <= query_list.size()) {
    std::size_t comma = find_top_level(query_list, start, ",");
    if (query_matches(query_list.substr(start, comma - start))) return true;
    if (comma >= query_list.size()) break;
    start = comma + 1;
  }
  return false;
}

}  // namespace granska::aria::css
