// CSS Syntax Level 3 §5 (parsing), as one loop over tokens with an explicit stack of open
// blocks, building the compact Sheet directly.
#include <algorithm>
#include <deque>

#include "style/media.h"
#include "style/sheet.h"
#include "util/text.h"

namespace granska::style {

namespace {

using T = TokenType;

constexpr std::size_t kMaxOpenBlocks = 256;      // deeper rule blocks are skipped whole
constexpr std::size_t kMaxSelectorText = 16384;  // a nested selector expanded beyond this is dropped

bool opens(TokenType t) {
  return t == T::Function || t == T::LeftParen || t == T::LeftBracket || t == T::LeftBrace;
}
TokenType closer_of(TokenType t) {
  switch (t) {
    case T::LeftBracket: return T::RightBracket;
    case T::LeftBrace: return T::RightBrace;
    default: return T::RightParen;
  }
}

// Properties Chromium supports, for @supports (property: value). Properties granska
// computes are also checked for a valid value.
bool known_property(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "accent-color", "align-content", "align-items", "align-self", "alignment-baseline", "all", "anchor-name",
      "animation", "animation-composition", "animation-delay", "animation-direction", "animation-duration",
      "animation-fill-mode", "animation-iteration-count", "animation-name", "animation-play-state",
      "animation-range", "animation-timeline", "animation-timing-function", "appearance", "aspect-ratio",
      "backdrop-filter", "backface-visibility", "background", "background-attachment", "background-blend-mode",
      "background-clip", "background-color", "background-image", "background-origin", "background-position",
      "background-position-x", "background-position-y", "background-repeat", "background-size", "block-size",
      "border", "border-block", "border-block-color", "border-block-end", "border-block-start",
      "border-block-style", "border-block-width", "border-bottom", "border-bottom-color",
      "border-bottom-left-radius", "border-bottom-right-radius", "border-bottom-style", "border-bottom-width",
      "border-collapse", "border-color", "border-end-end-radius", "border-end-start-radius", "border-image",
      "border-image-outset", "border-image-repeat", "border-image-slice", "border-image-source",
      "border-image-width", "border-inline", "border-inline-color", "border-inline-end", "border-inline-start",
      "border-inline-style", "border-inline-width", "border-left", "border-left-color", "border-left-style",
      "border-left-width", "border-radius", "border-right", "border-right-color", "border-right-style",
      "border-right-width", "border-spacing", "border-start-end-radius", "border-start-start-radius",
      "border-style", "border-top", "border-top-color", "border-top-left-radius", "border-top-right-radius",
      "border-top-style", "border-top-width", "border-width", "bottom", "box-decoration-break", "box-shadow",
      "box-sizing", "break-after", "break-before", "break-inside", "caption-side", "caret-color", "clear",
      "clip", "clip-path", "color", "color-scheme", "column-count", "column-fill", "column-gap", "column-rule",
      "column-rule-color", "column-rule-style", "column-rule-width", "column-span", "column-width", "columns",
      "contain", "contain-intrinsic-size", "container", "container-name", "container-type", "content",
      "content-visibility", "counter-increment", "counter-reset", "counter-set", "cursor", "direction",
      "display", "empty-cells", "field-sizing", "fill", "fill-opacity", "filter", "flex", "flex-basis",
      "flex-direction", "flex-flow", "flex-grow", "flex-shrink", "flex-wrap", "float", "font", "font-family",
      "font-feature-settings", "font-kerning", "font-optical-sizing", "font-palette", "font-size",
      "font-size-adjust", "font-stretch", "font-style", "font-synthesis", "font-variant",
      "font-variant-alternates", "font-variant-caps", "font-variant-east-asian", "font-variant-ligatures",
      "font-variant-numeric", "font-variant-position", "font-variation-settings", "font-weight", "font-width",
      "forced-color-adjust", "gap", "grid", "grid-area", "grid-auto-columns", "grid-auto-flow", "grid-auto-rows",
      "grid-column", "grid-column-end", "grid-column-gap", "grid-column-start", "grid-gap", "grid-row",
      "grid-row-end", "grid-row-gap", "grid-row-start", "grid-template", "grid-template-areas",
      "grid-template-columns", "grid-template-rows", "hanging-punctuation", "height", "hyphenate-character",
      "hyphens", "image-orientation", "image-rendering", "inline-size", "inset", "inset-block",
      "inset-block-end", "inset-block-start", "inset-inline", "inset-inline-end", "inset-inline-start",
      "interpolate-size", "isolation", "justify-content", "justify-items", "justify-self", "left",
      "letter-spacing", "line-break", "line-clamp", "line-height", "list-style", "list-style-image",
      "list-style-position", "list-style-type", "margin", "margin-block", "margin-block-end",
      "margin-block-start", "margin-bottom", "margin-inline", "margin-inline-end", "margin-inline-start",
      "margin-left", "margin-right", "margin-top", "marker", "mask", "mask-clip", "mask-composite",
      "mask-image", "mask-mode", "mask-origin", "mask-position", "mask-repeat", "mask-size", "mask-type",
      "math-depth", "math-style", "max-block-size", "max-height", "max-inline-size", "max-width",
      "min-block-size", "min-height", "min-inline-size", "min-width", "mix-blend-mode", "object-fit",
      "object-position", "offset", "offset-anchor", "offset-distance", "offset-path", "offset-position",
      "offset-rotate", "opacity", "order", "orphans", "outline", "outline-color", "outline-offset",
      "outline-style", "outline-width", "overflow", "overflow-anchor", "overflow-block", "overflow-clip-margin",
      "overflow-inline", "overflow-wrap", "overflow-x", "overflow-y", "overscroll-behavior",
      "overscroll-behavior-block", "overscroll-behavior-inline", "overscroll-behavior-x",
      "overscroll-behavior-y", "padding", "padding-block", "padding-block-end", "padding-block-start",
      "padding-bottom", "padding-inline", "padding-inline-end", "padding-inline-start", "padding-left",
      "padding-right", "padding-top", "page", "page-break-after", "page-break-before", "page-break-inside",
      "paint-order", "perspective", "perspective-origin", "place-content", "place-items", "place-self",
      "pointer-events", "position", "position-anchor", "position-area", "position-try", "position-try-fallbacks",
      "position-visibility", "print-color-adjust", "quotes", "resize", "right", "rotate", "row-gap",
      "ruby-align", "ruby-position", "scale", "scroll-behavior", "scroll-margin", "scroll-margin-block",
      "scroll-margin-bottom", "scroll-margin-inline", "scroll-margin-left", "scroll-margin-right",
      "scroll-margin-top", "scroll-padding", "scroll-padding-block", "scroll-padding-bottom",
      "scroll-padding-inline", "scroll-padding-left", "scroll-padding-right", "scroll-padding-top",
      "scroll-snap-align", "scroll-snap-stop", "scroll-snap-type", "scroll-timeline", "scrollbar-color",
      "scrollbar-gutter", "scrollbar-width", "shape-image-threshold", "shape-margin", "shape-outside",
      "speak", "stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
      "stroke-miterlimit", "stroke-opacity", "stroke-width", "tab-size", "table-layout", "text-align",
      "text-align-last", "text-anchor", "text-box", "text-box-edge", "text-box-trim", "text-combine-upright",
      "text-decoration", "text-decoration-color", "text-decoration-line", "text-decoration-skip-ink",
      "text-decoration-style", "text-decoration-thickness", "text-emphasis", "text-emphasis-color",
      "text-emphasis-position", "text-emphasis-style", "text-indent", "text-orientation", "text-overflow",
      "text-rendering", "text-shadow", "text-size-adjust", "text-spacing-trim", "text-transform",
      "text-underline-offset", "text-underline-position", "text-wrap", "text-wrap-mode", "text-wrap-style",
      "top", "touch-action", "transform", "transform-box", "transform-origin", "transform-style",
      "transition", "transition-behavior", "transition-delay", "transition-duration", "transition-property",
      "transition-timing-function", "translate", "unicode-bidi", "user-select", "vector-effect",
      "vertical-align", "view-timeline", "view-transition-class", "view-transition-name", "visibility",
      "white-space", "white-space-collapse", "widows", "width", "will-change", "word-break", "word-spacing",
      "word-wrap", "writing-mode", "z-index", "zoom",
      // Prefixed properties Chromium still supports.
      "-webkit-appearance", "-webkit-background-clip", "-webkit-box-align", "-webkit-box-decoration-break",
      "-webkit-box-direction", "-webkit-box-flex", "-webkit-box-orient", "-webkit-box-pack",
      "-webkit-box-reflect", "-webkit-box-shadow", "-webkit-box-sizing", "-webkit-clip-path",
      "-webkit-column-count", "-webkit-column-gap", "-webkit-columns", "-webkit-filter",
      "-webkit-font-feature-settings", "-webkit-font-smoothing", "-webkit-hyphens", "-webkit-line-break",
      "-webkit-line-clamp", "-webkit-locale", "-webkit-mask", "-webkit-mask-box-image", "-webkit-mask-image",
      "-webkit-mask-position", "-webkit-mask-repeat", "-webkit-mask-size", "-webkit-perspective",
      "-webkit-print-color-adjust", "-webkit-rtl-ordering", "-webkit-ruby-position", "-webkit-tap-highlight-color",
      "-webkit-text-combine", "-webkit-text-decorations-in-effect", "-webkit-text-emphasis",
      "-webkit-text-fill-color", "-webkit-text-orientation", "-webkit-text-security", "-webkit-text-size-adjust",
      "-webkit-text-stroke", "-webkit-text-stroke-color", "-webkit-text-stroke-width", "-webkit-transform",
      "-webkit-transform-origin", "-webkit-transform-style", "-webkit-transition", "-webkit-user-drag",
      "-webkit-user-modify", "-webkit-user-select", "-webkit-writing-mode", "-webkit-animation",
      "-webkit-border-radius", "-webkit-backface-visibility", "-webkit-flex", "-webkit-align-items",
      "-webkit-justify-content", "-webkit-order", "-webkit-opacity"};
  std::string lower = text::ascii_lower(name);
  return std::find(std::begin(kNames), std::end(kNames), lower) != std::end(kNames);
}

bool ws(const Token& t) { return t.type == T::Whitespace; }

std::span<const Token> trim(std::span<const Token> t) {
  while (!t.empty() && ws(t.front())) t = t.subspan(1);
  while (!t.empty() && ws(t.back())) t = t.first(t.size() - 1);
  return t;
}

// Removes a trailing "!important" (CSS Syntax §5.5.4 step 6); returns whether it was there.
bool strip_important(std::span<const Token>& value) {
  std::span<const Token> v = trim(value);
  if (v.size() < 2 || !v.back().is_ident("important")) return false;
  std::size_t i = v.size() - 1;
  while (i > 0 && ws(v[i - 1])) --i;
  if (i == 0 || !v[i - 1].is_delim('!')) return false;
  value = trim(v.first(i - 1));
  return true;
}

std::string_view source_of(std::span<const Token> t, std::string_view src) {
  if (t.empty()) return {};
  std::uint32_t b = t.front().begin, e = t.back().end;
  if (e > src.size() || b > e) return {};
  return src.substr(b, e - b);
}

class SupportsEvaluator {
 public:
  bool condition(std::span<const Token> t, int depth) {
    std::vector<std::span<const Token>> c = comps(t);
    if (c.empty() || depth > 16) return false;
    if (c[0].size() == 1 && c[0][0].is_ident("not")) {
      if (c.size() != 2) return false;
      return !in_parens(c[1], depth);
    }
    bool result = in_parens(c[0], depth);
    std::string op;
    for (std::size_t i = 1; i < c.size(); i += 2) {
      if (i + 1 >= c.size() || c[i].size() != 1 || c[i][0].type != T::Ident) return false;
      std::string this_op = text::ascii_lower(c[i][0].value);
      if ((this_op != "and" && this_op != "or") || (!op.empty() && op != this_op)) return false;
      op = this_op;
      bool next = in_parens(c[i + 1], depth);
      result = op == "and" ? (result && next) : (result || next);
    }
    return result;
  }

  std::string_view src;

 private:
  static std::vector<std::span<const Token>> comps(std::span<const Token> t) {
    std::vector<std::span<const Token>> out;
    for (std::size_t i = 0; i < t.size();) {
      if (ws(t[i])) {
        ++i;
        continue;
      }
      if (opens(t[i].type)) {
        int depth = 0;
        std::size_t j = i;
        for (; j < t.size(); ++j) {
          if (opens(t[j].type)) ++depth;
          if ((t[j].type == T::RightParen || t[j].type == T::RightBracket || t[j].type == T::RightBrace) &&
              --depth == 0) {
            break;
          }
        }
        std::size_t end = std::min(j + 1, t.size());
        out.push_back(t.subspan(i, end - i));
        i = end;
        continue;
      }
      out.push_back(t.subspan(i, 1));
      ++i;
    }
    return out;
  }

  static std::span<const Token> inner(std::span<const Token> c) {
    std::size_t n = c.size() >= 2 && c.back().type == T::RightParen ? c.size() - 2 : c.size() - 1;
    return c.subspan(1, n);
  }

  bool in_parens(std::span<const Token> c, int depth) {
    if (c.empty()) return false;
    if (c[0].type == T::Function) {
      if (c[0].is_function("selector")) {
        auto sel = html::Selector::parse(source_of(trim(inner(c)), src));
        return sel.ok();
      }
      return false;  // font-tech(), font-format() and the unknown: not claimed
    }
    if (c[0].type != T::LeftParen) return false;
    std::span<const Token> in = trim(inner(c));
    if (in.empty()) return false;
    if (in[0].type == T::LeftParen || in[0].is_ident("not") || in[0].type == T::Function) {
      return condition(in, depth + 1);
    }
    // A declaration: name ":" value.
    if (in[0].type != T::Ident) return false;
    std::size_t i = 1;
    while (i < in.size() && ws(in[i])) ++i;
    if (i >= in.size() || in[i].type != T::Colon) {
      return condition(in, depth + 1);
    }
    std::string_view name = in[0].value;
    std::span<const Token> value = trim(in.subspan(i + 1));
    strip_important(value);
    if (value.empty()) return false;
    if (name.starts_with("--")) return true;
    if (std::optional<Property> p = longhand_by_name(name)) return parse_longhand(*p, value, src).has_value();
    if (std::optional<Shorthand> s = shorthand_by_name(name)) {
      std::vector<std::pair<Property, Value>> out;
      return expand_shorthand(*s, value, src, out);
    }
    return known_property(name);
  }
};

class SheetParser {
 public:
  SheetParser(std::string_view css, Sheet& sheet) : src_(css), tok_(css, arena_), sheet_(sheet) {}

  // Parses a style sheet, or with `declarations_only` a declaration list (a style
  // attribute), whose declarations end up in the rules listed by bottom_groups().
  void run(bool declarations_only = false);
  const std::vector<std::uint32_t>& bottom_groups() const { return bottom_groups_; }

 private:
  enum class Kind : std::uint8_t {
    TopLevel,    // the sheet: rules
    GroupRules,  // an at-rule's block among rules (@media {...}): rules
    StyleBlock,  // a style rule's block: declarations and nested rules
    NestedGroup  // an at-rule's block inside a style rule: declarations for the parent's selector
  };
  struct Frame {
    Kind kind;
    std::int32_t condition;
    std::int32_t layer;
    std::string selector;     // StyleBlock/NestedGroup: the selector declarations apply to
    std::int32_t group = -1;  // the rule collecting this block's declarations, if open
    std::optional<html::Selector> parsed = std::nullopt;  // `selector`, parsed, until a group takes it
  };

  Token next() {
    if (has_peeked_) {
      has_peeked_ = false;
      return peeked_;
    }
    return tok_.next();
  }
  void reconsume(const Token& t) {
    peeked_ = t;
    has_peeked_ = true;
  }
  // Restores the tokenizer to the start of `t` (and forgets any reconsumed token).
  void restore(const Token& t) {
    has_peeked_ = false;
    tok_.seek(t.begin);
  }

  std::uint32_t line_at(std::uint32_t offset) {
    if (offset < line_offset_) {
      line_offset_ = 0;
      line_ = 1;
    }
    for (std::uint32_t i = line_offset_; i < offset && i < src_.size(); ++i) {
      char c = src_[i];
      if (c == '\n' || c == '\f' || (c == '\r' && (i + 1 >= src_.size() || src_[i + 1] != '\n'))) ++line_;
    }
    line_offset_ = offset;
    return line_;
  }

  // Consumes component values into `out` until a token in `stops` at nesting level 0
  // (that token is returned, not consumed into out) or the end.
  Token collect(std::vector<Token>& out, std::initializer_list<TokenType> stops) {
    out.clear();
    std::vector<TokenType>& closers = closers_;
    closers.clear();
    while (true) {
      Token t = next();
      if (t.type == T::Eof) return t;
      if (closers.empty() && std::find(stops.begin(), stops.end(), t.type) != stops.end()) return t;
      if (opens(t.type)) {
        closers.push_back(closer_of(t.type));
      } else if (!closers.empty() && t.type == closers.back()) {
        closers.pop_back();
      }
      out.push_back(t);
    }
  }

  // Consumes the rest of a {} block whose '{' was just read.
  void skip_block() {
    std::vector<TokenType>& closers = closers_;
    closers.clear();
    closers.push_back(T::RightBrace);
    while (!closers.empty()) {
      Token t = next();
      if (t.type == T::Eof) return;
      if (opens(t.type)) {
        closers.push_back(closer_of(t.type));
      } else if (t.type == closers.back()) {
        closers.pop_back();
      }
    }
  }

  std::int32_t add_condition(Condition c) {
    sheet_.conditions.push_back(std::move(c));
    return static_cast<std::int32_t>(sheet_.conditions.size() - 1);
  }

  std::int32_t layer_index(const std::string& full) {
    for (std::size_t i = 0; i < sheet_.layers.size(); ++i) {
      if (sheet_.layers[i] == full) return static_cast<std::int32_t>(i);
    }
    // Register the parents first ("a.b" after "a"): their order is that of first mention.
    std::size_t dot = full.rfind('.');
    if (dot != std::string::npos && full[0] != '\x01') layer_index(full.substr(0, dot));
    sheet_.layers.push_back(full);
    return static_cast<std::int32_t>(sheet_.layers.size() - 1);
  }

  std::string layer_prefix(std::int32_t layer) const {
    return layer < 0 ? std::string() : sheet_.layers[static_cast<std::size_t>(layer)] + ".";
  }

  // Layer names in a prelude ("a.b, c"): each a dotted identifier sequence.
  bool layer_names(std::span<const Token> prelude, std::vector<std::string>& names) {
    std::string current;
    bool expect_name = true;
    for (const Token& t : trim(prelude)) {
      if (ws(t)) continue;
      if (t.type == T::Ident && expect_name) {
        current += std::string(t.value);
        expect_name = false;
      } else if (t.is_delim('.') && !expect_name) {
        current += '.';
        expect_name = true;
      } else if (t.type == T::Comma && !expect_name) {
        names.push_back(current);
        current.clear();
        expect_name = true;
      } else if (t.type == T::Dimension || t.type == T::Number) {
        return false;
      } else {
        return false;
      }
    }
    if (!current.empty() && !expect_name) names.push_back(current);
    return expect_name == false || names.empty();
  }

  // The selector a nested rule's prelude stands for: "&" replaced by :is(parent), or
  // ":is(parent) " put in front when there is no "&" (CSS Nesting §3).
  std::string nest(const std::string& parent, std::span<const Token> prelude) {
    std::string out;
    std::string is_parent = ":is(" + parent + ")";
    std::size_t start = 0;
    auto part = [&](std::span<const Token> p) {
      p = trim(p);
      if (p.empty()) return;
      if (!out.empty()) out += ", ";
      bool has_amp = std::any_of(p.begin(), p.end(), [](const Token& t) { return t.is_delim('&'); });
      if (!has_amp) {
        out += is_parent;
        out += ' ';
        out += source_of(p, src_);
        return;
      }
      std::uint32_t pos = p.front().begin;
      for (const Token& t : p) {
        if (!t.is_delim('&')) continue;
        out += src_.substr(pos, t.begin - pos);
        out += is_parent;
        pos = t.end;
      }
      out += src_.substr(pos, p.back().end - pos);
    };
    int depth = 0;
    for (std::size_t i = 0; i < prelude.size(); ++i) {
      if (opens(prelude[i].type)) ++depth;
      if (prelude[i].type == T::RightParen || prelude[i].type == T::RightBracket) --depth;
      if (depth == 0 && prelude[i].type == T::Comma) {
        part(prelude.subspan(start, i - start));
        start = i + 1;
      }
    }
    part(prelude.subspan(start));
    return out;
  }

  void qualified_rule(bool nested);
  void at_rule(const Token& at, bool nested);
  void declaration_or_rule(const Token& first);
  void add_declaration(std::string_view name, std::span<const Token> value, std::uint32_t line);
  void open_group();

  std::string_view src_;
  std::deque<std::string> arena_;
  Tokenizer tok_;
  Sheet& sheet_;
  Token peeked_;
  bool has_peeked_ = false;
  std::vector<Frame> stack_;
  std::vector<Token> buffer_;
  std::vector<TokenType> closers_;
  std::uint32_t line_offset_ = 0, line_ = 1;
  bool rules_seen_ = false;  // @import is valid only before any other rule
  int anonymous_layers_ = 0;
  SupportsEvaluator supports_;
  std::vector<std::uint32_t> bottom_groups_;
};

void SheetParser::run(bool declarations_only) {
  supports_.src = src_;
  if (declarations_only) {
    stack_.push_back(Frame{Kind::StyleBlock, -1, -1, "*", -1});
  } else {
    stack_.push_back(Frame{Kind::TopLevel, -1, -1, {}, -1});
  }
  while (true) {
    Token t = next();
    if (t.type == T::Eof) break;
    Frame& f = stack_.back();
    bool rule_list = f.kind == Kind::TopLevel || f.kind == Kind::GroupRules;
    if (rule_list) {
      if (ws(t)) continue;
      if ((t.type == T::Cdo || t.type == T::Cdc) && f.kind == Kind::TopLevel) continue;
      if (t.type == T::RightBrace && f.kind == Kind::GroupRules) {
        stack_.pop_back();
        continue;
      }
      if (t.type == T::AtKeyword) {
        at_rule(t, false);
        continue;
      }
      reconsume(t);
      qualified_rule(false);
      continue;
    }
    if (ws(t) || t.type == T::Semicolon) continue;
    if (t.type == T::RightBrace) {
      if (stack_.size() > 1) stack_.pop_back();  // a stray '}' in a declaration list: skipped
      continue;
    }
    if (t.type == T::AtKeyword) {
      at_rule(t, true);
      continue;
    }
    declaration_or_rule(t);
    if (arena_.size() > 4096) arena_.clear();  // escapes of finished declarations
  }
}

void SheetParser::qualified_rule(bool nested) {
  Token first = next();
  reconsume(first);
  std::vector<Token>& prelude = buffer_;
  Token stop = nested ? collect(prelude, {T::LeftBrace, T::Semicolon, T::RightBrace}) : collect(prelude, {T::LeftBrace});
  if (stop.type == T::Eof) return;  // a rule without a block: dropped
  if (stop.type == T::Semicolon) return;  // consumed: the outer loop goes on
  if (stop.type == T::RightBrace) {       // nested: ends the enclosing block
    reconsume(stop);
    return;
  }
  if (!nested) rules_seen_ = true;
  std::span<const Token> p = trim(std::span<const Token>(prelude));
  // "--foo: {...}" is a custom property gone wrong, not a rule.
  if (!p.empty() && p[0].type == T::Ident && p[0].value.starts_with("--")) {
    std::size_t i = 1;
    while (i < p.size() && ws(p[i])) ++i;
    if (i < p.size() && p[i].type == T::Colon) {
      skip_block();
      return;
    }
  }
  const Frame& parent = stack_.back();
  std::string selector;
  if (parent.kind == Kind::StyleBlock || parent.kind == Kind::NestedGroup) {
    selector = nest(parent.selector, p);
  } else {
    bool has_amp = std::any_of(p.begin(), p.end(), [](const Token& t) { return t.is_delim('&'); });
    selector = has_amp ? nest(":root", p) : std::string(source_of(p, src_));
  }
  std::optional<Result<html::Selector>> parsed;
  if (!selector.empty() && selector.size() <= kMaxSelectorText && stack_.size() < kMaxOpenBlocks) {
    parsed.emplace(html::Selector::parse(selector));
  }
  if (!parsed || !parsed->ok()) {
    ++sheet_.dropped_rules;
    skip_block();
    return;
  }
  line_at(p.empty() ? stop.begin : p.front().begin);
  stack_.push_back(Frame{Kind::StyleBlock, parent.condition, parent.layer, std::move(selector), -1,
                         std::move(parsed->value())});
  // The enclosing block's declarations that follow this rule go into a new group.
  if (stack_.size() >= 2) stack_[stack_.size() - 2].group = -1;
}

void SheetParser::open_group() {
  Frame& f = stack_.back();
  if (f.group >= 0 && static_cast<std::size_t>(f.group) + 1 == sheet_.rules.size()) return;
  // The selector parsed when the block opened, or parsed again for a later group.
  Result<html::Selector> sel = f.parsed ? Result<html::Selector>(std::move(*f.parsed)) : html::Selector::parse(f.selector);
  f.parsed.reset();
  if (!sel.ok()) return;  // checked when the block was opened
  Rule r{std::move(sel.value()), static_cast<std::uint32_t>(sheet_.declarations.size()),
         static_cast<std::uint32_t>(sheet_.declarations.size()), f.condition, f.layer, line_};
  sheet_.rules.push_back(std::move(r));
  f.group = static_cast<std::int32_t>(sheet_.rules.size() - 1);
  if (stack_.size() == 1) bottom_groups_.push_back(static_cast<std::uint32_t>(f.group));
}

void SheetParser::add_declaration(std::string_view name, std::span<const Token> value, std::uint32_t line) {
  bool important = strip_important(value);
  value = trim(value);
  auto push = [&](Declaration d) {
    open_group();
    Frame& f = stack_.back();
    if (f.group < 0) return;
    sheet_.declarations.push_back(std::move(d));
    sheet_.rules[static_cast<std::size_t>(f.group)].end = static_cast<std::uint32_t>(sheet_.declarations.size());
  };
  if (name.starts_with("--")) {
    Declaration d;
    d.property = Property::Custom;
    d.important = important;
    d.line = line;
    d.name = std::string(name);
    d.value.kind = Value::Kind::Text;
    d.value.text = std::string(source_of(value, src_));
    push(std::move(d));
    return;
  }
  if (std::optional<Property> p = longhand_by_name(name)) {
    std::optional<Value> v = parse_longhand(*p, value, src_);
    if (!v) return;  // invalid: dropped
    push(Declaration{*p, important, line, {}, std::move(*v)});
    return;
  }
  if (std::optional<Shorthand> s = shorthand_by_name(name)) {
    std::vector<std::pair<Property, Value>> longhands;
    if (!expand_shorthand(*s, value, src_, longhands)) return;
    for (auto& [p, v] : longhands) push(Declaration{p, important, line, {}, std::move(v)});
  }
}

// CSS Syntax "consume a block's contents": a declaration, or else a nested rule.
void SheetParser::declaration_or_rule(const Token& first) {
  if (first.type == T::Ident) {
    std::vector<Token>& value = buffer_;
    Token stop = collect(value, {T::Semicolon, T::RightBrace});
    // value = [whitespace] ":" ... after the name
    std::size_t i = 0;
    while (i < value.size() && ws(value[i])) ++i;
    bool is_decl = i < value.size() && value[i].type == T::Colon;
    if (is_decl && !first.value.starts_with("--")) {
      // A non-custom declaration holding a {} block is really a nested rule (a:hover{...}).
      int depth = 0;
      for (std::size_t k = i + 1; k < value.size(); ++k) {
        if (depth == 0 && value[k].type == T::LeftBrace) is_decl = false;
        if (opens(value[k].type)) ++depth;
        if (value[k].type == T::RightParen || value[k].type == T::RightBracket || value[k].type == T::RightBrace) {
          --depth;
        }
      }
    }
    if (is_decl) {
      if (stop.type == T::RightBrace) reconsume(stop);
      std::string name(first.value);
      std::vector<Token> tokens(value.begin() + static_cast<std::ptrdiff_t>(i) + 1, value.end());
      add_declaration(name, tokens, line_at(first.begin));
      return;
    }
  }
  restore(first);
  qualified_rule(true);
}

void SheetParser::at_rule(const Token& at, bool nested) {
  std::string name = text::ascii_lower(at.value);
  std::vector<Token> prelude;
  Token stop = nested ? collect(prelude, {T::Semicolon, T::LeftBrace, T::RightBrace})
                      : collect(prelude, {T::Semicolon, T::LeftBrace});
  if (stop.type == T::RightBrace) reconsume(stop);
  bool block = stop.type == T::LeftBrace;
  std::span<const Token> p = trim(std::span<const Token>(prelude));
  struct {
    Kind kind;
    std::int32_t condition, layer;
    std::string selector;
  } parent{stack_.back().kind, stack_.back().condition, stack_.back().layer, stack_.back().selector};
  bool in_style = parent.kind == Kind::StyleBlock || parent.kind == Kind::NestedGroup;
  auto push_group = [&](std::int32_t condition, std::int32_t layer) {
    if (stack_.size() >= kMaxOpenBlocks) {
      skip_block();
      return;
    }
    stack_.back().group = -1;
    stack_.push_back(Frame{in_style ? Kind::NestedGroup : Kind::GroupRules, condition, layer, parent.selector, -1});
  };

  if (name == "import" && !nested && !block) {
    if (rules_seen_) return;  // too late: ignored, as in browsers
    Import imp;
    imp.line = line_at(at.begin);
    std::size_t i = 0;
    while (i < p.size() && ws(p[i])) ++i;
    if (i >= p.size()) return;
    if (p[i].type == T::String || p[i].type == T::Url) {
      imp.url = std::string(p[i].value);
    } else if (p[i].is_function("url")) {
      std::size_t j = i + 1;
      while (j < p.size() && ws(p[j])) ++j;
      if (j >= p.size() || p[j].type != T::String) return;
      imp.url = std::string(p[j].value);
      while (j < p.size() && p[j].type != T::RightParen) ++j;
      i = j;
    } else {
      return;
    }
    ++i;
    while (i < p.size() && ws(p[i])) ++i;
    if (i < p.size() && p[i].is_ident("layer")) {
      imp.layer = layer_index("\x01" + std::to_string(anonymous_layers_++));
      ++i;
    } else if (i < p.size() && p[i].is_function("layer")) {
      std::size_t j = i + 1;
      std::vector<Token> inner;
      while (j < p.size() && p[j].type != T::RightParen) inner.push_back(p[j++]);
      std::vector<std::string> names;
      if (!layer_names(inner, names) || names.size() != 1) return;
      imp.layer = layer_index(names[0]);
      i = j + 1;
    }
    while (i < p.size() && ws(p[i])) ++i;
    if (i < p.size() && p[i].is_function("supports")) {
      std::size_t j = i + 1;
      int depth = 1;
      std::size_t start = j;
      for (; j < p.size(); ++j) {
        if (opens(p[j].type)) ++depth;
        if (p[j].type == T::RightParen && --depth == 0) break;
      }
      std::span<const Token> cond = p.subspan(start, j - start);
      // supports(display: grid) is a declaration without the parentheses.
      std::vector<Token> wrapped;
      Token open;
      open.type = T::LeftParen;
      Token close;
      close.type = T::RightParen;
      wrapped.push_back(open);
      wrapped.insert(wrapped.end(), cond.begin(), cond.end());
      wrapped.push_back(close);
      imp.supported = supports_.condition(cond, 0) || supports_.condition(wrapped, 0);
      i = std::min(j + 1, p.size());
    }
    imp.media = std::string(text::trim(source_of(trim(p.subspan(std::min(i, p.size()))), src_)));
    if (mentions_orientation(imp.media)) sheet_.orientation_queries = true;
    sheet_.imports.push_back(std::move(imp));
    return;
  }
  if (!block) {
    if (name == "layer") {
      std::vector<std::string> names;
      if (layer_names(p, names)) {
        for (const std::string& n : names) layer_index(layer_prefix(parent.layer) + n);
      }
    }
    if (name != "charset" && name != "import" && name != "namespace" && name != "layer" && !nested) rules_seen_ = true;
    return;
  }
  if (!nested) rules_seen_ = true;
  if (name == "media") {
    std::string query(source_of(p, src_));
    if (mentions_orientation(query)) sheet_.orientation_queries = true;
    push_group(add_condition(Condition{Condition::Kind::Media, true, parent.condition, std::move(query)}),
               parent.layer);
    return;
  }
  if (name == "supports") {
    bool ok = supports_.condition(p, 0);
    push_group(add_condition(Condition{Condition::Kind::Supports, ok, parent.condition, {}}), parent.layer);
    return;
  }
  if (name == "layer") {
    std::vector<std::string> names;
    if (!layer_names(p, names) || names.size() > 1) {
      skip_block();
      return;
    }
    std::string full = names.empty() ? "\x01" + std::to_string(anonymous_layers_++)
                                     : layer_prefix(parent.layer) + names[0];
    push_group(parent.condition, layer_index(full));
    return;
  }
  if (name == "container" || name == "scope") {
    push_group(add_condition(Condition{Condition::Kind::Unknown, true, parent.condition, "@" + name}), parent.layer);
    return;
  }
  if (name == "starting-style" || name == "document" || name == "-moz-document") {
    push_group(add_condition(Condition{Condition::Kind::Never, true, parent.condition, "@" + name}), parent.layer);
    return;
  }
  // @font-face, @keyframes, @page, @property, @counter-style, unknown at-rules: nothing
  // granska computes.
  skip_block();
}

}  // namespace

Sheet parse_stylesheet(std::string_view css) {
  Sheet sheet;
  SheetParser parser(css, sheet);
  parser.run();
  // File every complex selector by the id, class or type its subject needs.
  for (std::uint32_t r = 0; r < sheet.rules.size(); ++r) {
    const html::Selector& sel = sheet.rules[r].selector;
    for (std::uint32_t i = 0; i < sel.size(); ++i) {
      if (sel.has_pseudo_element(i)) continue;
      html::Selector::Key k = sel.key(i);
      RuleRef ref{r, i, sel.depends_on_link_state(i) ? 1u : 0u, sel.ancestor_bits(i)};
      switch (k.kind) {
        case html::Selector::Key::Kind::Id: sheet.by_id[std::string(k.name)].push_back(ref); break;
        case html::Selector::Key::Kind::Class: sheet.by_class[std::string(k.name)].push_back(ref); break;
        case html::Selector::Key::Kind::Tag: sheet.by_tag[std::string(k.name)].push_back(ref); break;
        case html::Selector::Key::Kind::Attr: sheet.by_attr[std::string(k.name)].push_back(ref); break;
        case html::Selector::Key::Kind::Any: sheet.any.push_back(ref); break;
      }
    }
  }
  // A rough account of the memory the sheet holds, for the cache's bound.
  std::size_t bytes = sizeof(Sheet) + sheet.rules.size() * (sizeof(Rule) + 160) +
                      sheet.declarations.size() * sizeof(Declaration);
  for (const Declaration& d : sheet.declarations) bytes += d.value.text.capacity() + d.name.capacity();
  for (const Condition& c : sheet.conditions) bytes += sizeof(Condition) + c.text.capacity();
  bytes += (sheet.by_id.size() + sheet.by_class.size() + sheet.by_tag.size()) * 64;
  sheet.bytes = bytes;
  return sheet;
}

void parse_declaration_list(std::string_view css, std::vector<Declaration>& out) {
  Sheet sheet;
  SheetParser parser(css, sheet);
  parser.run(true);
  for (std::uint32_t g : parser.bottom_groups()) {
    const Rule& r = sheet.rules[g];
    if (r.condition >= 0) continue;
    for (std::uint32_t i = r.first; i < r.end; ++i) out.push_back(std::move(sheet.declarations[i]));
  }
}

}  // namespace granska::style
