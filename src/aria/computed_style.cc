#include "aria/computed_style.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_map>

#include "aria/css.h"
#include "aria/style.h"
#include "util/text.h"

namespace granska::aria {

namespace {

constexpr std::size_t kPropCount = static_cast<std::size_t>(Prop::Count);
constexpr double kMediumFontSize = 16;
// Stands for "a value granska cannot read" in expanded shorthands (font: ...).
constexpr std::string_view kUnknownValue = "\x01";

struct PropName {
  std::string_view name;
  Prop prop;
};
constexpr PropName kPropNames[] = {
    {"color", Prop::Color},
    {"background-color", Prop::BackgroundColor},
    {"background-image", Prop::BackgroundImage},
    {"opacity", Prop::Opacity},
    {"font-size", Prop::FontSize},
    {"font-weight", Prop::FontWeight},
    {"line-height", Prop::LineHeight},
    {"letter-spacing", Prop::LetterSpacing},
    {"word-spacing", Prop::WordSpacing},
    {"transform", Prop::Transform},
    {"rotate", Prop::Rotate},
    {"position", Prop::Position},
    {"top", Prop::Top},
    {"left", Prop::Left},
    {"right", Prop::Right},
    {"bottom", Prop::Bottom},
    {"width", Prop::Width},
    {"height", Prop::Height},
    {"max-width", Prop::MaxWidth},
    {"max-height", Prop::MaxHeight},
    {"text-indent", Prop::TextIndent},
    {"overflow", Prop::Overflow},
    {"clip", Prop::Clip},
    {"clip-path", Prop::ClipPath},
    {"text-shadow", Prop::TextShadow},
    {"filter", Prop::Filter},
    {"mix-blend-mode", Prop::MixBlendMode},
    {"background-clip", Prop::BackgroundClip},
    {"-webkit-background-clip", Prop::BackgroundClip},
    {"-webkit-text-fill-color", Prop::TextFillColor},
    {"-webkit-text-stroke", Prop::TextStroke},
    {"-webkit-text-stroke-width", Prop::TextStroke},
};

struct Decl {
  Prop prop;
  std::string_view value;
  bool important;
};

bool contains_ci(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (text::iequals(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// Splits a value at top-level whitespace (not inside parentheses).
std::vector<std::string_view> tokens(std::string_view v) {
  std::vector<std::string_view> out;
  int depth = 0;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= v.size(); ++i) {
    char c = i < v.size() ? v[i] : ' ';
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    bool space = depth == 0 && (text::is_html_space(c) || c == ',' || c == '/');
    if (space) {
      if (start != std::string_view::npos) out.push_back(v.substr(start, i - start));
      start = std::string_view::npos;
    } else if (start == std::string_view::npos) {
      start = i;
    }
  }
  return out;
}

// Declarations of interest in one list, shorthands expanded into the longhands read here.
void classify(const css::Declaration& d, std::vector<Decl>& out) {
  for (const PropName& p : kPropNames) {
    if (text::iequals(d.property, p.name)) {
      out.push_back(Decl{p.prop, d.value, d.important});
      return;
    }
  }
  if (text::iequals(d.property, "background")) {
    std::string_view color = "transparent";
    std::string_view image = "none";
    bool unknown = contains_ci(d.value, "var(") || contains_ci(d.value, "env(");
    for (std::string_view t : tokens(d.value)) {
      if (contains_ci(t, "url(") || contains_ci(t, "gradient(") || contains_ci(t, "image(") ||
          contains_ci(t, "image-set(") || contains_ci(t, "element(") || contains_ci(t, "paint(")) {
        image = t;
      } else if (parse_color(t) || text::iequals(t, "currentcolor")) {
        color = t;
      }
    }
    if (unknown) color = image = kUnknownValue;
    if (text::iequals(d.value, "inherit") || text::iequals(d.value, "initial") || text::iequals(d.value, "unset") ||
        text::iequals(d.value, "revert") || text::iequals(d.value, "revert-layer")) {
      color = image = d.value;
    }
    out.push_back(Decl{Prop::BackgroundColor, color, d.important});
    out.push_back(Decl{Prop::BackgroundImage, image, d.important});
    return;
  }
  if (text::iequals(d.property, "font")) {
    // Not parsed: the size, weight and line height it sets are unknown.
    for (Prop p : {Prop::FontSize, Prop::FontWeight, Prop::LineHeight}) {
      out.push_back(Decl{p, kUnknownValue, d.important});
    }
    return;
  }
  if (text::iequals(d.property, "overflow-x") || text::iequals(d.property, "overflow-y")) {
    out.push_back(Decl{Prop::Overflow, d.value, d.important});
  }
}

struct Priority {
  bool important = false;
  bool inline_style = false;
  html::Selector::Specificity specificity;
  std::uint32_t order = 0;
  auto operator<=>(const Priority&) const = default;
};

struct Entry {
  detail::PreparedSelector sel;
  std::uint32_t order;
  std::uint32_t decls_begin, decls_end;
};

bool is_inherited(Prop p) {
  switch (p) {
    case Prop::Color:
    case Prop::FontSize:
    case Prop::FontWeight:
    case Prop::LineHeight:
    case Prop::LetterSpacing:
    case Prop::WordSpacing:
    case Prop::TextShadow:
    case Prop::TextFillColor:
    case Prop::TextStroke:
      return true;
    default:
      return false;
  }
}

std::optional<double> number(std::string_view s, std::string_view* unit) {
  s = text::trim(s);
  const char* begin = s.data();
  const char* end = s.data() + s.size();
  if (begin != end && *begin == '+') ++begin;
  double v = 0;
  auto [p, ec] = std::from_chars(begin, end, v);
  if (ec != std::errc() || !std::isfinite(v)) return std::nullopt;
  *unit = std::string_view(p, static_cast<std::size_t>(end - p));
  return v;
}

std::optional<double> plain_number(std::string_view s) {
  std::string_view unit;
  std::optional<double> v = number(s, &unit);
  if (!v || !unit.empty()) return std::nullopt;
  return v;
}

bool unknowable(std::string_view v) {
  return v == kUnknownValue || contains_ci(v, "var(") || contains_ci(v, "calc(") || contains_ci(v, "env(") ||
         contains_ci(v, "attr(") || contains_ci(v, "min(") || contains_ci(v, "max(") || contains_ci(v, "clamp(");
}

// ---- colours ----

struct NamedColor {
  std::string_view name;
  std::uint32_t rgb;
};
// CSS Color 4 named colours.
constexpr NamedColor kNamedColors[] = {
    {"aliceblue", 0xf0f8ff}, {"antiquewhite", 0xfaebd7}, {"aqua", 0x00ffff}, {"aquamarine", 0x7fffd4},
    {"azure", 0xf0ffff}, {"beige", 0xf5f5dc}, {"bisque", 0xffe4c4}, {"black", 0x000000},
    {"blanchedalmond", 0xffebcd}, {"blue", 0x0000ff}, {"blueviolet", 0x8a2be2}, {"brown", 0xa52a2a},
    {"burlywood", 0xdeb887}, {"cadetblue", 0x5f9ea0}, {"chartreuse", 0x7fff00}, {"chocolate", 0xd2691e},
    {"coral", 0xff7f50}, {"cornflowerblue", 0x6495ed}, {"cornsilk", 0xfff8dc}, {"crimson", 0xdc143c},
    {"cyan", 0x00ffff}, {"darkblue", 0x00008b}, {"darkcyan", 0x008b8b}, {"darkgoldenrod", 0xb8860b},
    {"darkgray", 0xa9a9a9}, {"darkgreen", 0x006400}, {"darkgrey", 0xa9a9a9}, {"darkkhaki", 0xbdb76b},
    {"darkmagenta", 0x8b008b}, {"darkolivegreen", 0x556b2f}, {"darkorange", 0xff8c00}, {"darkorchid", 0x9932cc},
    {"darkred", 0x8b0000}, {"darksalmon", 0xe9967a}, {"darkseagreen", 0x8fbc8f}, {"darkslateblue", 0x483d8b},
    {"darkslategray", 0x2f4f4f}, {"darkslategrey", 0x2f4f4f}, {"darkturquoise", 0x00ced1},
    {"darkviolet", 0x9400d3}, {"deeppink", 0xff1493}, {"deepskyblue", 0x00bfff}, {"dimgray", 0x696969},
    {"dimgrey", 0x696969}, {"dodgerblue", 0x1e90ff}, {"firebrick", 0xb22222}, {"floralwhite", 0xfffaf0},
    {"forestgreen", 0x228b22}, {"fuchsia", 0xff00ff}, {"gainsboro", 0xdcdcdc}, {"ghostwhite", 0xf8f8ff},
    {"gold", 0xffd700}, {"goldenrod", 0xdaa520}, {"gray", 0x808080}, {"green", 0x008000},
    {"greenyellow", 0xadff2f}, {"grey", 0x808080}, {"honeydew", 0xf0fff0}, {"hotpink", 0xff69b4},
    {"indianred", 0xcd5c5c}, {"indigo", 0x4b0082}, {"ivory", 0xfffff0}, {"khaki", 0xf0e68c},
    {"lavender", 0xe6e6fa}, {"lavenderblush", 0xfff0f5}, {"lawngreen", 0x7cfc00}, {"lemonchiffon", 0xfffacd},
    {"lightblue", 0xadd8e6}, {"lightcoral", 0xf08080}, {"lightcyan", 0xe0ffff},
    {"lightgoldenrodyellow", 0xfafad2}, {"lightgray", 0xd3d3d3}, {"lightgreen", 0x90ee90},
    {"lightgrey", 0xd3d3d3}, {"lightpink", 0xffb6c1}, {"lightsalmon", 0xffa07a}, {"lightseagreen", 0x20b2aa},
    {"lightskyblue", 0x87cefa}, {"lightslategray", 0x778899}, {"lightslategrey", 0x778899},
    {"lightsteelblue", 0xb0c4de}, {"lightyellow", 0xffffe0}, {"lime", 0x00ff00}, {"limegreen", 0x32cd32},
    {"linen", 0xfaf0e6}, {"magenta", 0xff00ff}, {"maroon", 0x800000}, {"mediumaquamarine", 0x66cdaa},
    {"mediumblue", 0x0000cd}, {"mediumorchid", 0xba55d3}, {"mediumpurple", 0x9370db},
    {"mediumseagreen", 0x3cb371}, {"mediumslateblue", 0x7b68ee}, {"mediumspringgreen", 0x00fa9a},
    {"mediumturquoise", 0x48d1cc}, {"mediumvioletred", 0xc71585}, {"midnightblue", 0x191970},
    {"mintcream", 0xf5fffa}, {"mistyrose", 0xffe4e1}, {"moccasin", 0xffe4b5}, {"navajowhite", 0xffdead},
    {"navy", 0x000080}, {"oldlace", 0xfdf5e6}, {"olive", 0x808000}, {"olivedrab", 0x6b8e23},
    {"orange", 0xffa500}, {"orangered", 0xff4500}, {"orchid", 0xda70d6}, {"palegoldenrod", 0xeee8aa},
    {"palegreen", 0x98fb98}, {"paleturquoise", 0xafeeee}, {"palevioletred", 0xdb7093},
    {"papayawhip", 0xffefd5}, {"peachpuff", 0xffdab9}, {"peru", 0xcd853f}, {"pink", 0xffc0cb},
    {"plum", 0xdda0dd}, {"powderblue", 0xb0e0e6}, {"purple", 0x800080}, {"rebeccapurple", 0x663399},
    {"red", 0xff0000}, {"rosybrown", 0xbc8f8f}, {"royalblue", 0x4169e1}, {"saddlebrown", 0x8b4513},
    {"salmon", 0xfa8072}, {"sandybrown", 0xf4a460}, {"seagreen", 0x2e8b57}, {"seashell", 0xfff5ee},
    {"sienna", 0xa0522d}, {"silver", 0xc0c0c0}, {"skyblue", 0x87ceeb}, {"slateblue", 0x6a5acd},
    {"slategray", 0x708090}, {"slategrey", 0x708090}, {"snow", 0xfffafa}, {"springgreen", 0x00ff7f},
    {"steelblue", 0x4682b4}, {"tan", 0xd2b48c}, {"teal", 0x008080}, {"thistle", 0xd8bfd8},
    {"tomato", 0xff6347}, {"turquoise", 0x40e0d0}, {"violet", 0xee82ee}, {"wheat", 0xf5deb3},
    {"white", 0xffffff}, {"whitesmoke", 0xf5f5f5}, {"yellow", 0xffff00}, {"yellowgreen", 0x9acd32},
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A channel of rgb(): a number 0..255 or a percentage.
std::optional<double> rgb_channel(std::string_view s) {
  std::string_view unit;
  std::optional<double> v = number(s, &unit);
  if (!v) return std::nullopt;
  if (unit == "%") return std::clamp(*v * 2.55, 0.0, 255.0);
  if (!unit.empty()) return std::nullopt;
  return std::clamp(*v, 0.0, 255.0);
}

std::optional<double> alpha_value(std::string_view s) {
  std::string_view unit;
  std::optional<double> v = number(s, &unit);
  if (!v) return std::nullopt;
  if (unit == "%") return std::clamp(*v / 100, 0.0, 1.0);
  if (!unit.empty()) return std::nullopt;
  return std::clamp(*v, 0.0, 1.0);
}

std::optional<double> hue_degrees(std::string_view s) {
  std::string_view unit;
  std::optional<double> v = number(s, &unit);
  if (!v) return std::nullopt;
  if (unit.empty() || unit == "deg") return *v;
  if (unit == "rad") return *v * 180 / M_PI;
  if (unit == "grad") return *v * 0.9;
  if (unit == "turn") return *v * 360;
  return std::nullopt;
}

std::optional<double> percentage(std::string_view s) {
  std::string_view unit;
  std::optional<double> v = number(s, &unit);
  if (!v || (unit != "%" && !unit.empty())) return std::nullopt;
  return std::clamp(*v / 100, 0.0, 1.0);
}

Rgba hsl_to_rgb(double h, double s, double l, double a) {
  h = std::fmod(h, 360);
  if (h < 0) h += 360;
  auto f = [&](double n) {
    double k = std::fmod(n + h / 30, 12);
    double amount = s * std::min(l, 1 - l);
    return 255 * (l - amount * std::max(-1.0, std::min({k - 3, 9 - k, 1.0})));
  };
  return Rgba{f(0), f(8), f(4), a};
}

}  // namespace

std::optional<Rgba> parse_color(std::string_view value) {
  std::string_view v = text::trim(value);
  if (v.empty()) return std::nullopt;
  if (v[0] == '#') {
    std::string_view h = v.substr(1);
    for (char c : h) {
      if (hex_digit(c) < 0) return std::nullopt;
    }
    auto pair = [&](std::size_t i) { return hex_digit(h[i]) * 16 + hex_digit(h[i + 1]); };
    auto single = [&](std::size_t i) { return hex_digit(h[i]) * 17; };
    if (h.size() == 3 || h.size() == 4) {
      return Rgba{double(single(0)), double(single(1)), double(single(2)),
                  h.size() == 4 ? single(3) / 255.0 : 1.0};
    }
    if (h.size() == 6 || h.size() == 8) {
      return Rgba{double(pair(0)), double(pair(2)), double(pair(4)), h.size() == 8 ? pair(6) / 255.0 : 1.0};
    }
    return std::nullopt;
  }
  std::size_t open = v.find('(');
  if (open != std::string_view::npos) {
    if (v.back() != ')') return std::nullopt;
    std::string fn = text::ascii_lower(text::trim(v.substr(0, open)));
    std::string_view inner = v.substr(open + 1, v.size() - open - 2);
    if (contains_ci(inner, "(") || contains_ci(inner, "none")) return std::nullopt;  // var(), calc(), none
    std::vector<std::string_view> parts = tokens(inner);
    if (parts.size() != 3 && parts.size() != 4) return std::nullopt;
    double a = 1;
    if (parts.size() == 4) {
      std::optional<double> av = alpha_value(parts[3]);
      if (!av) return std::nullopt;
      a = *av;
    }
    if (fn == "rgb" || fn == "rgba") {
      std::optional<double> r = rgb_channel(parts[0]), g = rgb_channel(parts[1]), b = rgb_channel(parts[2]);
      if (!r || !g || !b) return std::nullopt;
      return Rgba{*r, *g, *b, a};
    }
    if (fn == "hsl" || fn == "hsla") {
      std::optional<double> h = hue_degrees(parts[0]), s = percentage(parts[1]), l = percentage(parts[2]);
      if (!h || !s || !l) return std::nullopt;
      return hsl_to_rgb(*h, *s, *l, a);
    }
    return std::nullopt;
  }
  if (text::iequals(v, "transparent")) return Rgba{0, 0, 0, 0};
  for (const NamedColor& c : kNamedColors) {
    if (text::iequals(v, c.name)) {
      return Rgba{double((c.rgb >> 16) & 0xff), double((c.rgb >> 8) & 0xff), double(c.rgb & 0xff), 1};
    }
  }
  return std::nullopt;
}

Rgba composite(const Rgba& top, const Rgba& bottom) {
  double a = top.a + bottom.a * (1 - top.a);
  if (a <= 0) return Rgba{0, 0, 0, 0};
  auto mix = [&](double t, double b) { return (t * top.a + b * bottom.a * (1 - top.a)) / a; };
  return Rgba{mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), a};
}

double relative_luminance(const Rgba& c) {
  auto channel = [](double v) {
    v /= 255;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(const Rgba& a, const Rgba& b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

std::optional<double> parse_length(std::string_view value, double font_size) {
  std::string_view unit;
  std::optional<double> v = number(value, &unit);
  if (!v) return std::nullopt;
  std::string u = text::ascii_lower(unit);
  if (u == "px" || (u.empty() && *v == 0)) return *v;
  if (u == "em") return *v * font_size;
  if (u == "rem") return *v * kMediumFontSize;
  if (u == "pt") return *v * 96 / 72;
  if (u == "pc") return *v * 16;
  if (u == "in") return *v * 96;
  if (u == "cm") return *v * 96 / 2.54;
  if (u == "mm") return *v * 96 / 25.4;
  if (u == "q") return *v * 96 / 101.6;
  if (u == "vw") return *v * css::kViewportWidth / 100;
  if (u == "vh") return *v * css::kViewportHeight / 100;
  if (u == "vmin") return *v * std::min(css::kViewportWidth, css::kViewportHeight) / 100;
  if (u == "vmax") return *v * std::max(css::kViewportWidth, css::kViewportHeight) / 100;
  return std::nullopt;
}

namespace {

// The author cascade: every <style> rule, bucketed by its rightmost id/class/type.
class Sheets {
 public:
  explicit Sheets(const html::Document& doc) {
    for (const html::Node* e : doc.elements()) {
      if (e->is("link")) {
        auto rel = e->attr("rel");
        if (rel && contains_ci(*rel, "stylesheet") && e->has_attr("href")) external = true;
      }
      if (e->tag() != "style" || !detail::style_element_applies(*e)) continue;
      std::string css_text = e->text_content();
      // @import is not fetched; @layer changes cascade order and @container/@scope rules
      // are skipped by css.h: either way the cascade below would be incomplete.
      for (std::string_view at : {"@import", "@layer", "@container", "@scope"}) {
        if (contains_ci(css_text, at)) external = true;
      }
      sheets_.push_back(css::StyleSheet::parse(css_text));
      add(sheets_.back());
    }
  }

  template <class F>
  void for_candidates(const html::Node& e, F&& f) const {
    for (std::uint32_t i : any_) f(entries_[i]);
    visit(tags_, e.tag(), f);
    if (auto id = e.attr("id"); id && !id->empty()) visit(ids_, *id, f);
    if (auto cls = e.attr("class")) {
      std::string_view s = *cls;
      std::size_t i = 0;
      std::vector<std::string_view> seen;
      while (i < s.size()) {
        while (i < s.size() && text::is_html_space(s[i])) ++i;
        std::size_t start = i;
        while (i < s.size() && !text::is_html_space(s[i])) ++i;
        std::string_view c = s.substr(start, i - start);
        if (c.empty() || std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
        seen.push_back(c);
        visit(classes_, c, f);
      }
    }
  }

  bool empty() const { return entries_.empty(); }
  const std::vector<Decl>& decls() const { return decls_; }
  bool external = false;

 private:
  using Bucket = std::unordered_map<std::string, std::vector<std::uint32_t>>;

  template <class F>
  void visit(const Bucket& bucket, std::string_view key, F& f) const {
    auto it = bucket.find(std::string(key));
    if (it == bucket.end()) return;
    for (std::uint32_t i : it->second) f(entries_[i]);
  }

  void add(const css::StyleSheet& sheet) {
    for (const css::Rule& rule : sheet.rules()) {
      auto begin = static_cast<std::uint32_t>(decls_.size());
      for (const css::Declaration& d : rule.declarations) classify(d, decls_);
      auto end = static_cast<std::uint32_t>(decls_.size());
      std::uint32_t order = next_order_++;
      if (begin == end) continue;
      for (detail::PreparedSelector& sel : detail::prepare_selectors(rule.selector, rule.nested)) {
        auto index = static_cast<std::uint32_t>(entries_.size());
        char kind = sel.bucket_kind;
        std::string name = sel.bucket_name;
        entries_.push_back(Entry{std::move(sel), order, begin, end});
        switch (kind) {
          case '#': ids_[name].push_back(index); break;
          case '.': classes_[name].push_back(index); break;
          case 't': tags_[name].push_back(index); break;
          default: any_.push_back(index); break;
        }
      }
    }
  }

  std::vector<css::StyleSheet> sheets_;  // the views in decls_ point into these
  std::vector<Entry> entries_;
  std::vector<Decl> decls_;
  std::vector<std::uint32_t> any_;
  Bucket ids_, classes_, tags_;
  std::uint32_t next_order_ = 1;
};

// What the cascade decided for one element.
struct Winners {
  std::array<std::optional<Priority>, kPropCount> best;
  std::array<Cascaded, kPropCount> value;
  std::vector<std::pair<Priority, Prop>> maybes;  // inexact selectors' candidates

  void offer(const Priority& p, const Decl& d, bool inline_style) {
    auto i = static_cast<std::size_t>(d.prop);
    if (!best[i] || !(p < *best[i])) {
      best[i] = p;
      value[i].value = d.value;
      value[i].declared = true;
      value[i].important = d.important;
      value[i].from_style_attribute = inline_style;
    }
  }

  void finish(bool external) {
    for (const auto& [p, prop] : maybes) {
      auto i = static_cast<std::size_t>(prop);
      const std::optional<Priority>& b = best[i];
      bool could_win = !b || (p.important != b->important ? p.important : !b->inline_style);
      if (could_win) value[i].uncertain = true;
    }
    if (external) {
      // An external sheet may declare anything for this element; only its own style
      // attribute is taken as final (an external !important rule is assumed away).
      for (Cascaded& c : value) {
        if (!(c.from_style_attribute)) c.uncertain = true;
      }
    }
  }
};

bool is_heading(std::string_view tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

bool is_form_control(const html::Node& e) {
  return e.is("button") || e.is("input") || e.is("select") || e.is("textarea") || e.is("option") ||
         e.is("optgroup");
}

int bolder(int w) { return w < 350 ? 400 : w < 550 ? 700 : 900; }
int lighter(int w) { return w < 550 ? 100 : w < 750 ? 400 : 700; }

// The user-agent font size of an element without an author value, relative to the parent.
std::optional<double> ua_font_size(const html::Node& e, std::optional<double> parent) {
  if (!parent) return std::nullopt;
  std::string_view t = e.tag();
  if (e.ns() != html::Namespace::Html) return parent;
  if (is_heading(t)) {
    // h1 inside sectioning content has a smaller size in some browsers: unknown.
    if (t == "h1") {
      for (const html::Node* p = e.parent_element(); p; p = p->parent_element()) {
        if (p->is("article") || p->is("aside") || p->is("nav") || p->is("section")) return std::nullopt;
      }
      return *parent * 2;
    }
    static constexpr double kScale[] = {2, 1.5, 1.17, 1, 0.83, 0.67};
    return *parent * kScale[t[1] - '1'];
  }
  if (t == "small" || t == "sub" || t == "sup") return *parent / 1.2;
  if (t == "big") return *parent * 1.2;
  if (t == "code" || t == "pre" || t == "kbd" || t == "samp" || t == "tt" || is_form_control(e)) {
    return std::nullopt;  // monospace and form-control defaults vary by platform
  }
  return parent;
}

std::optional<int> ua_font_weight(const html::Node& e, std::optional<int> parent) {
  if (!parent) return std::nullopt;
  if (e.ns() != html::Namespace::Html) return parent;
  std::string_view t = e.tag();
  if (is_heading(t) || t == "th") return 700;
  if (t == "b" || t == "strong") return bolder(*parent);
  if (is_form_control(e)) return std::nullopt;
  return parent;
}

std::optional<double> font_size_value(std::string_view v, std::optional<double> parent) {
  struct Kw {
    std::string_view name;
    double px;
  };
  static constexpr Kw kKeywords[] = {{"xx-small", 9}, {"x-small", 10}, {"small", 13},   {"medium", 16},
                                     {"large", 18},   {"x-large", 24}, {"xx-large", 32}, {"xxx-large", 48}};
  for (const Kw& k : kKeywords) {
    if (text::iequals(v, k.name)) return k.px;
  }
  if (!parent) return std::nullopt;
  if (text::iequals(v, "smaller")) return *parent / 1.2;
  if (text::iequals(v, "larger")) return *parent * 1.2;
  std::string_view unit;
  std::optional<double> n = number(v, &unit);
  if (n && unit == "%") return *n * *parent / 100;
  std::optional<double> px = parse_length(v, *parent);
  if (px && *px < 0) return std::nullopt;
  return px;
}

std::optional<int> font_weight_value(std::string_view v, std::optional<int> parent) {
  if (text::iequals(v, "normal")) return 400;
  if (text::iequals(v, "bold")) return 700;
  if (text::iequals(v, "bolder")) return parent ? std::optional<int>(bolder(*parent)) : std::nullopt;
  if (text::iequals(v, "lighter")) return parent ? std::optional<int>(lighter(*parent)) : std::nullopt;
  std::optional<double> n = plain_number(v);
  if (n && *n >= 1 && *n <= 1000) return static_cast<int>(*n);
  return std::nullopt;
}

std::optional<LineHeight> line_height_value(std::string_view v, std::optional<double> font_size) {
  if (text::iequals(v, "normal")) return LineHeight{};
  if (std::optional<double> n = plain_number(v)) {
    if (*n < 0) return std::nullopt;
    return LineHeight{LineHeight::Kind::Factor, *n};
  }
  if (!font_size) return std::nullopt;
  std::string_view unit;
  std::optional<double> n = number(v, &unit);
  if (n && unit == "%") return LineHeight{LineHeight::Kind::Px, *n * *font_size / 100};
  std::optional<double> px = parse_length(v, *font_size);
  if (!px || *px < 0) return std::nullopt;
  return LineHeight{LineHeight::Kind::Px, *px};
}

std::optional<double> spacing_value(std::string_view v, std::optional<double> font_size) {
  if (text::iequals(v, "normal")) return 0.0;
  if (!font_size) return std::nullopt;
  return parse_length(v, *font_size);
}

}  // namespace

namespace {

// What the element's own position properties say, ignoring its ancestors.
Placement own_placement(const ComputedStyles& styles, const html::Node& e) {
  const Cascaded& pos = styles.cascaded(e, Prop::Position);
  Placement result = pos.uncertain ? Placement::Unknown : Placement::InFlow;
  // text-indent: -9999px, the old image-replacement technique, pushes the text off-screen.
  if (std::optional<double> indent =
          parse_length(styles.cascaded(e, Prop::TextIndent).value, styles.of(e).font_size.value_or(kMediumFontSize));
      indent && *indent <= -kOffScreen) {
    return Placement::OffScreen;
  }
  std::string_view v = pos.value;
  bool out_of_flow = text::iequals(v, "absolute") || text::iequals(v, "fixed");
  if (!out_of_flow && !text::iequals(v, "relative") && !text::iequals(v, "sticky")) return result;
  double font_size = styles.of(e).font_size.value_or(kMediumFontSize);
  auto offset = [&](Prop p) { return parse_length(styles.cascaded(e, p).value, font_size); };
  // Far beyond the top or left edge: the usual "visually hidden" technique.
  std::optional<double> top = offset(Prop::Top), left = offset(Prop::Left);
  if ((top && *top <= -kOffScreen) || (left && *left <= -kOffScreen)) return Placement::OffScreen;
  if (out_of_flow) {
    // Clipped to nothing: clip: rect(0 0 0 0) / rect(1px, 1px, 1px, 1px), or a 1px box with
    // overflow hidden.
    std::string clip = text::ascii_lower(styles.cascaded(e, Prop::Clip).value);
    std::string clip_path = text::ascii_lower(styles.cascaded(e, Prop::ClipPath).value);
    std::erase_if(clip, [](char c) { return c == ' ' || c == ','; });
    if (clip == "rect(0000)" || clip == "rect(0px0px0px0px)" || clip == "rect(1px1px1px1px)" ||
        clip_path == "inset(50%)" || clip_path == "inset(100%)") {
      return Placement::OffScreen;
    }
    std::optional<double> w = offset(Prop::Width), h = offset(Prop::Height);
    if (w && h && *w <= 1 && *h <= 1 && text::iequals(styles.cascaded(e, Prop::Overflow).value, "hidden")) {
      return Placement::OffScreen;
    }
    return result == Placement::InFlow ? Placement::Positioned : result;
  }
  if ((top && *top != 0) || (left && *left != 0) || offset(Prop::Right) || offset(Prop::Bottom)) {
    std::optional<double> r = offset(Prop::Right), b = offset(Prop::Bottom);
    bool shifted = (top && *top != 0) || (left && *left != 0) || (r && *r != 0) || (b && *b != 0);
    if (shifted && result == Placement::InFlow) return Placement::Positioned;
  }
  return result;
}

// Off-screen anywhere in the chain wins, then unknown, then positioned.
int rank(Placement p) {
  switch (p) {
    case Placement::InFlow: return 0;
    case Placement::Positioned: return 1;
    case Placement::Unknown: return 2;
    case Placement::OffScreen: return 3;
  }
  return 0;
}

}  // namespace

struct ComputedStyles::Impl {
  // Cascaded::value views point into the style sheets' text: they live as long as this
  // (libFuzzer found them read after the constructor had destroyed the sheets).
  std::unique_ptr<Sheets> sheets;
  std::vector<ComputedStyle> computed;
  std::vector<std::array<Cascaded, kPropCount>> cascaded;
  bool external = false;
};

ComputedStyles::ComputedStyles(const html::Document& doc) : impl_(std::make_unique<Impl>()) {
  const auto& elements = doc.elements();
  impl_->sheets = std::make_unique<Sheets>(doc);
  Sheets& sheets = *impl_->sheets;
  impl_->external = sheets.external;
  impl_->computed.resize(elements.size());
  impl_->cascaded.resize(elements.size());
  std::vector<css::Declaration> inline_decls;
  std::vector<Decl> classified;
  std::string storage;

  for (const html::Node* e : elements) {
    Winners w;
    sheets.for_candidates(*e, [&](const Entry& entry) {
      if (!entry.sel.selector.matches(*e)) return;
      Priority p;
      p.specificity = entry.sel.selector.specificity_for(*e);
      p.order = entry.order;
      for (std::uint32_t i = entry.decls_begin; i < entry.decls_end; ++i) {
        const Decl& d = sheets.decls()[i];
        p.important = d.important;
        if (entry.sel.exact) {
          w.offer(p, d, false);
        } else {
          w.maybes.emplace_back(p, d.prop);
        }
      }
    });
    if (auto style_attr = e->attr("style")) {
      inline_decls.clear();
      classified.clear();
      // Views must outlive this loop: they point into the attribute value itself when it
      // has no comment (the usual case); with comments they would point into `storage`, so
      // the values are recorded as unknown (the properties still take part in the cascade).
      std::string_view clean = css::strip_comments(*style_attr, storage);
      bool has_comment = clean.data() != style_attr->data();
      css::parse_declarations(clean, inline_decls);
      for (const css::Declaration& raw : inline_decls) classify(raw, classified);
      for (Decl d : classified) {
        if (has_comment) {
          // Keep the CSS-wide keywords, which decide whether a value is set at all.
          bool wide = text::iequals(d.value, "inherit") || text::iequals(d.value, "unset");
          d.value = wide ? (text::iequals(d.value, "inherit") ? std::string_view("inherit") : "unset")
                         : kUnknownValue;
        }
        Priority p;
        p.important = d.important;
        p.inline_style = true;
        p.order = UINT32_MAX;
        w.offer(p, d, true);
      }
    }
    w.finish(sheets.external);
    impl_->cascaded[e->element_index()] = w.value;

    // ---- computed values ----
    const html::Node* parent = e->parent_element();
    const ComputedStyle* ps = parent ? &impl_->computed[parent->element_index()] : nullptr;
    ComputedStyle root;
    root.color = Rgba{0, 0, 0, 1};
    root.font_size = kMediumFontSize;
    root.font_weight = 400;
    root.line_height = LineHeight{};
    root.letter_spacing = 0.0;
    root.word_spacing = 0.0;
    root.has_text_shadow = false;
    const ComputedStyle& inherit = ps ? *ps : root;
    ComputedStyle& cs = impl_->computed[e->element_index()];
    const auto& c = w.value;
    auto at = [&](Prop p) -> const Cascaded& { return c[static_cast<std::size_t>(p)]; };

    // Resolves the CSS-wide keywords: returns true when the inherited value applies
    // (`initial` handled by the caller through `initial_out`).
    enum class Wide { None, Inherit, Initial };
    auto wide = [&](Prop p) {
      std::string_view v = at(p).value;
      if (text::iequals(v, "inherit")) return Wide::Inherit;
      if (text::iequals(v, "initial")) return Wide::Initial;
      if (text::iequals(v, "unset") || text::iequals(v, "revert") || text::iequals(v, "revert-layer")) {
        return is_inherited(p) ? Wide::Inherit : Wide::Initial;
      }
      return Wide::None;
    };

    // font-size first: other lengths depend on it.
    {
      const Cascaded& d = at(Prop::FontSize);
      if (!d.declared) {
        cs.font_size = ua_font_size(*e, inherit.font_size);
      } else if (Wide k = wide(Prop::FontSize); k != Wide::None) {
        cs.font_size = k == Wide::Inherit ? inherit.font_size : std::optional<double>(kMediumFontSize);
      } else {
        cs.font_size = unknowable(d.value) ? std::nullopt : font_size_value(d.value, inherit.font_size);
      }
      if (d.uncertain) cs.font_size.reset();
    }
    {
      const Cascaded& d = at(Prop::FontWeight);
      if (!d.declared) {
        cs.font_weight = ua_font_weight(*e, inherit.font_weight);
      } else if (Wide k = wide(Prop::FontWeight); k != Wide::None) {
        cs.font_weight = k == Wide::Inherit ? inherit.font_weight : std::optional<int>(400);
      } else {
        cs.font_weight = unknowable(d.value) ? std::nullopt : font_weight_value(d.value, inherit.font_weight);
      }
      if (d.uncertain) cs.font_weight.reset();
    }
    {
      const Cascaded& d = at(Prop::Color);
      if (!d.declared) {
        cs.color = inherit.color;
        if (e->ns() == html::Namespace::Html) {
          if (is_form_control(*e)) cs.color.reset();  // field/button text colours vary
          // Presentational attributes (<font color>, <body text>): not modelled, so unknown.
          if ((e->is("font") && e->has_attr("color")) || (e->is("body") && e->has_attr("text"))) {
            cs.color.reset();
          }
          if ((e->is("a") || e->is("area")) && e->has_attr("href")) cs.color.reset();  // link/visited
          if (e->is("mark")) cs.color = Rgba{0, 0, 0, 1};
        }
      } else if (Wide k = wide(Prop::Color); k != Wide::None) {
        cs.color = k == Wide::Inherit ? inherit.color : std::optional<Rgba>(Rgba{0, 0, 0, 1});
      } else if (text::iequals(d.value, "currentcolor")) {
        cs.color = inherit.color;
      } else {
        cs.color = parse_color(d.value);
      }
      if (d.uncertain) cs.color.reset();
    }
    {
      const Cascaded& d = at(Prop::BackgroundColor);
      if (!d.declared) {
        cs.background_color = Rgba{0, 0, 0, 0};
        if (e->ns() == html::Namespace::Html) {
          if (is_form_control(*e)) cs.background_color.reset();
          // bgcolor=/background= (body, table, tr, td, th): not modelled, so unknown.
          if (e->has_attr("bgcolor") || (e->has_attr("background") && !e->is("img"))) {
            cs.background_color.reset();
          }
          if (e->is("mark")) cs.background_color = Rgba{255, 255, 0, 1};
        }
      } else if (Wide k = wide(Prop::BackgroundColor); k != Wide::None) {
        cs.background_color = k == Wide::Inherit && ps ? ps->background_color : Rgba{0, 0, 0, 0};
      } else if (text::iequals(d.value, "currentcolor")) {
        cs.background_color = cs.color;
      } else {
        cs.background_color = parse_color(d.value);
      }
      if (d.uncertain) cs.background_color.reset();
    }
    {
      const Cascaded& d = at(Prop::BackgroundImage);
      if (!d.declared || wide(Prop::BackgroundImage) == Wide::Initial) {
        cs.background_image = false;
      } else if (wide(Prop::BackgroundImage) == Wide::Inherit) {
        cs.background_image = ps ? ps->background_image : std::optional<bool>(false);
      } else if (d.value == kUnknownValue || contains_ci(d.value, "var(")) {
        cs.background_image.reset();
      } else {
        cs.background_image = !text::iequals(d.value, "none");
      }
      if (d.uncertain) cs.background_image.reset();
    }
    {
      const Cascaded& d = at(Prop::Opacity);
      if (!d.declared || wide(Prop::Opacity) == Wide::Initial) {
        cs.opacity = 1.0;
      } else if (wide(Prop::Opacity) == Wide::Inherit) {
        cs.opacity = ps ? ps->opacity : std::optional<double>(1.0);
      } else {
        cs.opacity = alpha_value(d.value);
      }
      if (d.uncertain) cs.opacity.reset();
    }
    {
      const Cascaded& d = at(Prop::LineHeight);
      if (!d.declared) {
        cs.line_height = inherit.line_height;
      } else if (Wide k = wide(Prop::LineHeight); k != Wide::None) {
        cs.line_height = k == Wide::Inherit ? inherit.line_height : std::optional<LineHeight>(LineHeight{});
      } else {
        cs.line_height = unknowable(d.value) ? std::nullopt : line_height_value(d.value, cs.font_size);
      }
      if (d.uncertain) cs.line_height.reset();
    }
    auto spacing = [&](Prop p, std::optional<double> ComputedStyle::*field) {
      const Cascaded& d = at(p);
      if (!d.declared) {
        cs.*field = inherit.*field;
      } else if (Wide k = wide(p); k != Wide::None) {
        cs.*field = k == Wide::Inherit ? inherit.*field : std::optional<double>(0.0);
      } else {
        cs.*field = unknowable(d.value) ? std::nullopt : spacing_value(d.value, cs.font_size);
      }
      if (d.uncertain) (cs.*field).reset();
    };
    spacing(Prop::LetterSpacing, &ComputedStyle::letter_spacing);
    spacing(Prop::WordSpacing, &ComputedStyle::word_spacing);
    {
      const Cascaded& d = at(Prop::TextShadow);
      if (!d.declared) {
        cs.has_text_shadow = inherit.has_text_shadow;
      } else if (Wide k = wide(Prop::TextShadow); k != Wide::None) {
        cs.has_text_shadow = k == Wide::Inherit ? inherit.has_text_shadow : std::optional<bool>(false);
      } else {
        cs.has_text_shadow = !text::iequals(d.value, "none");
      }
      if (d.uncertain) cs.has_text_shadow.reset();
    }
    Placement own = own_placement(*this, *e);
    cs.placement = ps && rank(ps->placement) > rank(own) ? ps->placement : own;
  }
}

ComputedStyles::~ComputedStyles() = default;

const ComputedStyle& ComputedStyles::of(const html::Node& element) const {
  return impl_->computed[element.element_index()];
}

const Cascaded& ComputedStyles::cascaded(const html::Node& element, Prop p) const {
  return impl_->cascaded[element.element_index()][static_cast<std::size_t>(p)];
}

bool ComputedStyles::has_external_style_sheets() const { return impl_->external; }

Placement placement(const ComputedStyles& styles, const html::Node& element) {
  return styles.of(element).placement;
}

}  // namespace granska::aria
