#include "style/media.h"

#include <cmath>
#include <cstdio>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "style/tokenizer.h"
#include "util/string_hash.h"
#include "util/text.h"

namespace granska::style {

namespace {

using T = TokenType;

enum class Tri : std::uint8_t { False, True, Unknown };
Tri tri(bool b) { return b ? Tri::True : Tri::False; }
Tri tri_not(Tri t) { return t == Tri::Unknown ? t : (t == Tri::True ? Tri::False : Tri::True); }

constexpr int kMaxDepth = 16;

// A component: one token, or a (...) block / function with its contents.
struct Comp {
  const Token* first;
  std::size_t size;
  bool block() const { return first->type == T::LeftParen; }
  bool function() const { return first->type == T::Function; }
  std::span<const Token> inner() const {
    std::size_t n = size >= 2 && first[size - 1].type == T::RightParen ? size - 2 : size - 1;
    return std::span<const Token>(first + 1, n);
  }
  bool ident(std::string_view name) const { return size == 1 && first->is_ident(name); }
};

std::vector<Comp> comps(std::span<const Token> t) {
  std::vector<Comp> out;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i].type == T::Whitespace) {
      ++i;
      continue;
    }
    if (t[i].type == T::LeftParen || t[i].type == T::Function || t[i].type == T::LeftBracket ||
        t[i].type == T::LeftBrace) {
      int depth = 0;
      std::size_t j = i;
      for (; j < t.size(); ++j) {
        TokenType k = t[j].type;
        if (k == T::LeftParen || k == T::Function || k == T::LeftBracket || k == T::LeftBrace) ++depth;
        if ((k == T::RightParen || k == T::RightBracket || k == T::RightBrace) && --depth == 0) break;
      }
      std::size_t end = std::min(j + 1, t.size());
      out.push_back(Comp{&t[i], end - i});
      i = end;
      continue;
    }
    out.push_back(Comp{&t[i], 1});
    ++i;
  }
  return out;
}

// A feature's value: a number with its unit (px for lengths, dppx for resolutions), a
// ratio, or an identifier.
struct FeatureValue {
  enum class Kind { Number, Ident } kind = Kind::Number;
  double number = 0;
  std::string_view unit;
  std::string_view ident;
};

class Evaluator {
 public:
  explicit Evaluator(const Environment& env) : env_(env) {}
  bool unknown_feature = false;

  Tri query(std::span<const Token> tokens) {
    std::vector<Comp> c = comps(tokens);
    if (c.empty()) return Tri::False;
    std::size_t i = 0;
    if (c[0].block() || (c[0].ident("not") && c.size() > 1 && c[1].block())) return condition(c, 0, 0, true);
    bool negate = false;
    if (c[0].ident("not") || c[0].ident("only")) {
      negate = c[0].ident("not");
      ++i;
    }
    if (i >= c.size() || c[i].size != 1 || c[i].first->type != T::Ident) return Tri::False;
    std::string_view type = c[i].first->value;
    if (text::iequals(type, "and") || text::iequals(type, "or") || text::iequals(type, "not") ||
        text::iequals(type, "only") || text::iequals(type, "layer")) {
      return Tri::False;
    }
    Tri result = tri(text::iequals(type, "all") || (text::iequals(type, "screen") && !env_.print) ||
                     (text::iequals(type, "print") && env_.print));
    ++i;
    if (i < c.size()) {
      if (!c[i].ident("and") || i + 1 >= c.size()) return Tri::False;
      Tri cond = condition(c, i + 1, 0, false);
      result = result == Tri::False ? Tri::False : (cond == Tri::True ? result : cond);
    }
    if (result == Tri::Unknown) return Tri::False;
    return negate ? tri_not(result) : result;
  }

 private:
  // <media-condition> from c[i]; `allow_or` false after a media type.
  Tri condition(const std::vector<Comp>& c, std::size_t i, int depth, bool allow_or) {
    if (depth > kMaxDepth || i >= c.size()) return Tri::Unknown;
    if (c[i].ident("not")) {
      if (i + 2 != c.size()) return Tri::Unknown;
      return tri_not(in_parens(c[i + 1], depth));
    }
    Tri result = in_parens(c[i], depth);
    std::string_view op;
    for (std::size_t j = i + 1; j < c.size(); j += 2) {
      if (j + 1 >= c.size() || c[j].size != 1 || c[j].first->type != T::Ident) return Tri::Unknown;
      std::string_view this_op = c[j].first->value;
      bool is_and = text::iequals(this_op, "and"), is_or = text::iequals(this_op, "or");
      if ((!is_and && !is_or) || (is_or && !allow_or)) return Tri::Unknown;
      if (!op.empty() && !text::iequals(op, this_op)) return Tri::Unknown;  // and/or mixed: invalid
      op = this_op;
      Tri next = in_parens(c[j + 1], depth);
      if (is_and) {
        if (result == Tri::False || next == Tri::False) result = Tri::False;
        else if (result == Tri::Unknown || next == Tri::Unknown) result = Tri::Unknown;
        else result = Tri::True;
      } else {
        if (result == Tri::True || next == Tri::True) result = Tri::True;
        else if (result == Tri::Unknown || next == Tri::Unknown) result = Tri::Unknown;
        else result = Tri::False;
      }
    }
    return result;
  }

  Tri in_parens(const Comp& c, int depth) {
    if (!c.block()) return Tri::Unknown;  // <general-enclosed>
    std::vector<Comp> inner = comps(c.inner());
    if (inner.empty()) return Tri::Unknown;
    if (inner[0].block() || inner[0].ident("not")) return condition(inner, 0, depth + 1, true);
    return feature(c.inner());
  }

  std::optional<FeatureValue> value(std::span<const Token> t) {
    std::vector<const Token*> v;
    for (const Token& tok : t) {
      if (tok.type != T::Whitespace) v.push_back(&tok);
    }
    FeatureValue out;
    if (v.size() == 3 && v[0]->type == T::Number && v[1]->is_delim('/') && v[2]->type == T::Number) {
      if (v[2]->number == 0) return std::nullopt;
      out.number = v[0]->number / v[2]->number;
      out.unit = "ratio";
      return out;
    }
    if (v.size() != 1) return std::nullopt;
    const Token& tok = *v[0];
    if (tok.type == T::Ident) {
      out.kind = FeatureValue::Kind::Ident;
      out.ident = tok.value;
      return out;
    }
    if (tok.type == T::Number) {
      out.number = tok.number;
      return out;
    }
    if (tok.type != T::Dimension) return std::nullopt;
    std::string u = text::ascii_lower(tok.unit);
    out.number = tok.number;
    if (u == "px") out.unit = "px";
    else if (u == "em" || u == "rem") out = {FeatureValue::Kind::Number, tok.number * 16, "px", {}};
    else if (u == "pt") out = {FeatureValue::Kind::Number, tok.number * 96 / 72, "px", {}};
    else if (u == "pc") out = {FeatureValue::Kind::Number, tok.number * 16, "px", {}};
    else if (u == "in") out = {FeatureValue::Kind::Number, tok.number * 96, "px", {}};
    else if (u == "cm") out = {FeatureValue::Kind::Number, tok.number * 96 / 2.54, "px", {}};
    else if (u == "mm") out = {FeatureValue::Kind::Number, tok.number * 96 / 25.4, "px", {}};
    else if (u == "q") out = {FeatureValue::Kind::Number, tok.number * 96 / 101.6, "px", {}};
    else if (u == "vw") out = {FeatureValue::Kind::Number, tok.number * env_.viewport_width / 100, "px", {}};
    else if (u == "vh") out = {FeatureValue::Kind::Number, tok.number * env_.viewport_height / 100, "px", {}};
    else if (u == "dppx" || u == "x") out.unit = "dppx";
    else if (u == "dpi") out = {FeatureValue::Kind::Number, tok.number / 96, "dppx", {}};
    else if (u == "dpcm") out = {FeatureValue::Kind::Number, tok.number * 2.54 / 96, "dppx", {}};
    else return std::nullopt;
    return out;
  }

  // The environment's value of a numeric feature and the unit values must have ("" for
  // integers, "px", "dppx", "ratio").
  bool numeric(std::string_view name, double& actual, std::string_view& unit) {
    std::string n = text::ascii_lower(name);
    if (n == "width" || n == "device-width") {
      actual = env_.viewport_width;
      unit = "px";
    } else if (n == "height" || n == "device-height") {
      actual = env_.viewport_height;
      unit = "px";
    } else if (n == "aspect-ratio" || n == "device-aspect-ratio") {
      actual = env_.viewport_width / env_.viewport_height;
      unit = "ratio";
    } else if (n == "resolution") {
      actual = env_.resolution;
      unit = "dppx";
    } else if (n == "-webkit-device-pixel-ratio") {
      actual = env_.resolution;
      unit = "";
    } else if (n == "color") {
      actual = 8;
      unit = "";
    } else if (n == "color-index" || n == "monochrome" || n == "grid") {
      actual = 0;
      unit = "";
    } else if (n == "-webkit-transform-3d") {
      actual = 1;
      unit = "";
    } else {
      return false;
    }
    return true;
  }

  // The environment's value of a discrete feature; "" when granska (like Chromium) does
  // not know the feature.
  std::string_view discrete(std::string_view name) {
    std::string n = text::ascii_lower(name);
    if (n == "orientation") return env_.portrait() ? "portrait" : "landscape";
    if (n == "hover" || n == "any-hover") return env_.coarse_pointer ? "none" : "hover";
    if (n == "pointer" || n == "any-pointer") return env_.coarse_pointer ? "coarse" : "fine";
    if (n == "prefers-color-scheme") return env_.dark ? "dark" : "light";
    if (n == "prefers-reduced-motion") return env_.reduced_motion ? "reduce" : "no-preference";
    if (n == "prefers-contrast") return env_.more_contrast ? "more" : "no-preference";
    if (n == "prefers-reduced-transparency") return "no-preference";
    if (n == "forced-colors") return env_.forced_colors ? "active" : "none";
    if (n == "scripting") return env_.scripting ? "enabled" : "none";
    if (n == "color-gamut") return "srgb";
    if (n == "dynamic-range" || n == "video-dynamic-range") return "standard";
    if (n == "update") return env_.print ? "none" : "fast";
    if (n == "overflow-block") return env_.print ? "paged" : "scroll";
    if (n == "overflow-inline") return "scroll";
    if (n == "display-mode") return "browser";
    if (n == "inverted-colors") return "none";
    return {};
  }

  static bool compare(double a, std::string_view op, double b) {
    constexpr double eps = 1e-9;
    if (op == "<") return a < b - eps;
    if (op == "<=") return a <= b + eps;
    if (op == ">") return a > b + eps;
    if (op == ">=") return a >= b - eps;
    if (op == "=") return std::fabs(a - b) <= eps;
    return false;
  }
  static std::string_view flip(std::string_view op) {
    if (op == "<") return ">";
    if (op == "<=") return ">=";
    if (op == ">") return "<";
    if (op == ">=") return "<=";
    return op;
  }

  Tri numeric_compare(std::string_view name, std::string_view op, const FeatureValue& v) {
    double actual = 0;
    std::string_view unit;
    if (!numeric(name, actual, unit)) {
      unknown_feature = true;
      return Tri::Unknown;
    }
    if (v.kind != FeatureValue::Kind::Number) return Tri::Unknown;
    bool unit_ok = v.unit == unit || (unit == "px" && v.unit.empty() && v.number == 0) ||
                   (unit == "ratio" && v.unit.empty()) || (unit.empty() && v.unit.empty());
    if (!unit_ok) return Tri::Unknown;
    return tri(compare(actual, op, v.number));
  }

  Tri feature(std::span<const Token> t) {
    std::vector<const Token*> v;
    for (const Token& tok : t) {
      if (tok.type != T::Whitespace) v.push_back(&tok);
    }
    if (v.empty()) return Tri::Unknown;
    // <mf-boolean>
    if (v.size() == 1 && v[0]->type == T::Ident) {
      double actual = 0;
      std::string_view unit;
      if (numeric(v[0]->value, actual, unit)) return tri(actual != 0);
      std::string_view d = discrete(v[0]->value);
      if (d.empty()) {
        unknown_feature = true;
        return Tri::Unknown;
      }
      return tri(d != "none" && d != "no-preference");
    }
    // <mf-plain>
    if (v.size() >= 3 && v[0]->type == T::Ident && v[1]->type == T::Colon) {
      std::string name = text::ascii_lower(v[0]->value);
      std::optional<FeatureValue> value_of = value(t.subspan(static_cast<std::size_t>(v[2] - t.data())));
      if (!value_of) return Tri::Unknown;
      std::string_view op = "=";
      std::string_view base = name;
      if (base.starts_with("min-")) {
        op = ">=";
        base.remove_prefix(4);
      } else if (base.starts_with("max-")) {
        op = "<=";
        base.remove_prefix(4);
      } else if (base.starts_with("-webkit-min-")) {
        op = ">=";
        base.remove_prefix(12);
      } else if (base.starts_with("-webkit-max-")) {
        op = "<=";
        base.remove_prefix(12);
      }
      std::string feature_name(base);
      if (name.starts_with("-webkit-") && base == "device-pixel-ratio") feature_name = "-webkit-device-pixel-ratio";
      double actual = 0;
      std::string_view unit;
      if (numeric(feature_name, actual, unit)) return numeric_compare(feature_name, op, *value_of);
      if (op != "=") {
        unknown_feature = true;
        return Tri::Unknown;
      }
      std::string_view d = discrete(feature_name);
      if (d.empty()) {
        unknown_feature = true;
        return Tri::Unknown;
      }
      if (value_of->kind != FeatureValue::Kind::Ident) return Tri::Unknown;
      return tri(text::iequals(d, value_of->ident));
    }
    // <mf-range>: split at the comparison operators.
    std::vector<std::span<const Token>> parts;
    std::vector<std::string> ops;
    std::size_t start = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (t[i].is_delim('<') || t[i].is_delim('>') || t[i].is_delim('=')) {
        std::string op(t[i].value);
        parts.push_back(t.subspan(start, i - start));
        if (op != "=" && i + 1 < t.size() && t[i + 1].is_delim('=')) {
          op += "=";
          ++i;
        }
        ops.push_back(op);
        start = i + 1;
      }
    }
    parts.push_back(t.subspan(start));
    auto name_of = [](std::span<const Token> p) -> std::string_view {
      std::string_view name;
      int count = 0;
      for (const Token& tok : p) {
        if (tok.type == T::Whitespace) continue;
        ++count;
        if (tok.type == T::Ident) name = tok.value;
      }
      return count == 1 ? name : std::string_view();
    };
    if (parts.size() == 2) {
      std::string_view left = name_of(parts[0]);
      double actual = 0;
      std::string_view unit;
      if (!left.empty() && numeric(left, actual, unit)) {
        std::optional<FeatureValue> val = value(parts[1]);
        return val ? numeric_compare(left, ops[0], *val) : Tri::Unknown;
      }
      std::string_view right = name_of(parts[1]);
      std::optional<FeatureValue> val = value(parts[0]);
      if (right.empty() || !val) return Tri::Unknown;
      return numeric_compare(right, flip(ops[0]), *val);
    }
    if (parts.size() == 3) {
      std::string_view middle = name_of(parts[1]);
      std::optional<FeatureValue> lo = value(parts[0]), hi = value(parts[2]);
      if (middle.empty() || !lo || !hi || ops[0][0] != ops[1][0] || ops[0] == "=") return Tri::Unknown;
      Tri a = numeric_compare(middle, flip(ops[0]), *lo);
      Tri b = numeric_compare(middle, ops[1], *hi);
      if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
      return tri(a == Tri::True && b == Tri::True);
    }
    return Tri::Unknown;
  }

  const Environment& env_;
};

}  // namespace

std::string Environment::describe() const {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %.0f\xC3\x97%.0f", print ? "print" : "screen", viewport_width, viewport_height);
  return buf;
}

namespace {

bool evaluate_query_list(std::string_view query_list, const Environment& env, bool* unknown_feature);

// The results per thread, for the environment they were computed in: the same few queries
// (a theme's @media blocks) come back on every page of a site, and evaluating them again
// was 1 % of a crawl.
struct QueryMemo {
  static constexpr std::size_t kMaxEntries = 4096;
  Environment env;
  std::unordered_map<std::string, std::pair<bool, bool>, StringHash, std::equal_to<>> results;  // matches, unknown
};

}  // namespace

bool media_matches(std::string_view query_list, const Environment& env, bool* unknown_feature) {
  if (text::trim(query_list).empty()) return true;
  thread_local QueryMemo memo;
  if (!(memo.env == env)) {
    memo.env = env;
    memo.results.clear();
  }
  if (auto it = memo.results.find(query_list); it != memo.results.end()) {
    if (unknown_feature) *unknown_feature = it->second.second;
    return it->second.first;
  }
  bool unknown = false;
  const bool matches = evaluate_query_list(query_list, env, &unknown);
  if (memo.results.size() >= QueryMemo::kMaxEntries) memo.results.clear();
  memo.results.emplace(std::string(query_list), std::make_pair(matches, unknown));
  if (unknown_feature) *unknown_feature = unknown;
  return matches;
}

namespace {

// query_list is not blank (media_matches answers that).
bool evaluate_query_list(std::string_view query_list, const Environment& env, bool* unknown_feature) {
  std::deque<std::string> arena;
  std::vector<Token> tokens = tokenize_all(query_list, arena);
  Evaluator e(env);
  bool any = false;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i <= tokens.size(); ++i) {
    if (i < tokens.size()) {
      TokenType k = tokens[i].type;
      if (k == T::LeftParen || k == T::Function || k == T::LeftBracket || k == T::LeftBrace) ++depth;
      if ((k == T::RightParen || k == T::RightBracket || k == T::RightBrace) && depth > 0) --depth;
      if (!(k == T::Comma && depth == 0)) continue;
    }
    std::span<const Token> q(tokens.data() + start, i - start);
    if (e.query(q) == Tri::True) any = true;
    start = i + 1;
  }
  if (unknown_feature) *unknown_feature = e.unknown_feature;
  return any;
}

}  // namespace

bool mentions_orientation(std::string_view query_list) {
  std::deque<std::string> arena;
  for (const Token& t : tokenize_all(query_list, arena)) {
    if (t.is_ident("orientation")) return true;
  }
  return false;
}

}  // namespace granska::style
