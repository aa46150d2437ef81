#include "style/values.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <deque>

#include "util/text.h"

namespace granska::style {

namespace {

using T = TokenType;

// ---- token helpers ----

bool is_space(const Token& t) { return t.type == T::Whitespace; }

// Index of the token closing the block or function opened at tokens[i]; tokens.size()
// when it is never closed (the end closes it). Iterative: nesting depth costs no stack.
std::size_t block_end(std::span<const Token> tokens, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < tokens.size(); ++j) {
    switch (tokens[j].type) {
      case T::Function:
      case T::LeftParen:
      case T::LeftBracket:
      case T::LeftBrace: ++depth; break;
      case T::RightParen:
      case T::RightBracket:
      case T::RightBrace:
        if (--depth == 0) return j;
        break;
      default: break;
    }
  }
  return tokens.size();
}

// Top-level component values, whitespace dropped: a single token, or a function/block
// with its contents and closing token.
std::vector<std::span<const Token>> components(std::span<const Token> tokens) {
  std::vector<std::span<const Token>> out;
  for (std::size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (is_space(t)) {
      ++i;
      continue;
    }
    if (t.type == T::Function || t.type == T::LeftParen || t.type == T::LeftBracket || t.type == T::LeftBrace) {
      std::size_t end = block_end(tokens, i);
      std::size_t stop = std::min(end + 1, tokens.size());
      out.push_back(tokens.subspan(i, stop - i));
      i = stop;
      continue;
    }
    out.push_back(tokens.subspan(i, 1));
    ++i;
  }
  return out;
}

// The arguments of a function component (between its name and closing parenthesis).
std::span<const Token> arguments(std::span<const Token> fn) {
  if (fn.empty()) return fn;
  std::size_t n = fn.size() - 1;
  if (fn.size() > 1 && fn.back().type == T::RightParen) --n;
  return fn.subspan(1, n);
}

// Splits at top-level commas.
std::vector<std::span<const Token>> split_commas(std::span<const Token> tokens) {
  std::vector<std::span<const Token>> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < tokens.size();) {
    const Token& t = tokens[i];
    if (t.type == T::Function || t.type == T::LeftParen || t.type == T::LeftBracket || t.type == T::LeftBrace) {
      i = block_end(tokens, i) + 1;
      continue;
    }
    if (t.type == T::Comma) {
      out.push_back(tokens.subspan(start, i - start));
      start = i + 1;
    }
    ++i;
  }
  out.push_back(tokens.subspan(std::min(start, tokens.size())));
  return out;
}

std::span<const Token> trim(std::span<const Token> t) {
  while (!t.empty() && is_space(t.front())) t = t.subspan(1);
  while (!t.empty() && is_space(t.back())) t = t.first(t.size() - 1);
  return t;
}

bool contains_function(std::span<const Token> tokens, std::string_view name) {
  return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) { return t.is_function(name); });
}

// The source text of a token range.
std::string_view text_of(std::span<const Token> tokens, std::string_view source) {
  if (tokens.empty()) return {};
  std::uint32_t b = tokens.front().begin, e = tokens.back().end;
  if (b > source.size() || e > source.size() || e < b) return {};
  return source.substr(b, e - b);
}

Wide wide_keyword(std::span<const Token> tokens) {
  auto c = components(tokens);
  if (c.size() != 1 || c[0].size() != 1 || c[0][0].type != T::Ident) return Wide::None;
  std::string_view v = c[0][0].value;
  if (text::iequals(v, "initial")) return Wide::Initial;
  if (text::iequals(v, "inherit")) return Wide::Inherit;
  if (text::iequals(v, "unset")) return Wide::Unset;
  if (text::iequals(v, "revert")) return Wide::Revert;
  if (text::iequals(v, "revert-layer")) return Wide::RevertLayer;
  return Wide::None;
}

// ---- the property table ----

struct PropertyInfo {
  std::string_view name;
  bool inherited;
};
constexpr std::array<PropertyInfo, kPropertyCount> kProperties{{
    {"display", false},
    {"visibility", true},
    {"content-visibility", false},
    {"opacity", false},
    {"color", true},
    {"background-color", false},
    {"background-image", false},
    {"background-clip", false},
    {"font-size", true},
    {"font-weight", true},
    {"font-family", true},
    {"line-height", true},
    {"letter-spacing", true},
    {"word-spacing", true},
    {"position", false},
    {"top", false},
    {"right", false},
    {"bottom", false},
    {"left", false},
    {"width", false},
    {"height", false},
    {"max-width", false},
    {"max-height", false},
    {"overflow-x", false},
    {"overflow-y", false},
    {"clip", false},
    {"clip-path", false},
    {"text-indent", true},
    {"transform", false},
    {"rotate", false},
    {"text-shadow", true},
    {"filter", false},
    {"mix-blend-mode", false},
    {"-webkit-text-fill-color", true},
    {"-webkit-text-stroke-width", true},
    {"float", false},
}};

// ---- keyword tables ----

template <class E>
struct KeywordEntry {
  std::string_view name;
  E value;
};

constexpr KeywordEntry<Display> kDisplayNames[] = {
    {"inline", Display::Inline},
    {"block", Display::Block},
    {"inline-block", Display::InlineBlock},
    {"flex", Display::Flex},
    {"inline-flex", Display::InlineFlex},
    {"grid", Display::Grid},
    {"inline-grid", Display::InlineGrid},
    {"flow-root", Display::FlowRoot},
    {"list-item", Display::ListItem},
    {"inline list-item", Display::InlineListItem},
    {"table", Display::Table},
    {"inline-table", Display::InlineTable},
    {"table-row-group", Display::TableRowGroup},
    {"table-header-group", Display::TableHeaderGroup},
    {"table-footer-group", Display::TableFooterGroup},
    {"table-row", Display::TableRow},
    {"table-column-group", Display::TableColumnGroup},
    {"table-column", Display::TableColumn},
    {"table-cell", Display::TableCell},
    {"table-caption", Display::TableCaption},
    {"contents", Display::Contents},
    {"none", Display::None},
    {"ruby", Display::Ruby},
    {"ruby-text", Display::RubyText},
    {"-webkit-box", Display::WebkitBox},
    {"-webkit-inline-box", Display::WebkitInlineBox},
    {"math", Display::Math},
    {"block math", Display::BlockMath},
};

template <class E, std::size_t N>
std::optional<E> keyword(const KeywordEntry<E> (&table)[N], std::string_view name) {
  for (const auto& e : table) {
    if (text::iequals(e.name, name)) return e.value;
  }
  return std::nullopt;
}

// display: one keyword, or the multi-keyword forms of CSS Display 3.
std::optional<Display> parse_display(std::span<const Token> tokens) {
  std::vector<std::string> words;
  for (auto c : components(tokens)) {
    if (c.size() != 1 || c[0].type != T::Ident) return std::nullopt;
    words.push_back(text::ascii_lower(c[0].value));
  }
  if (words.size() == 1) {
    const std::string& w = words[0];
    if (w == "-webkit-flex") return Display::Flex;
    if (w == "-webkit-inline-flex") return Display::InlineFlex;
    if (w == "inline list-item") return std::nullopt;
    return keyword(kDisplayNames, w);
  }
  if (words.empty() || words.size() > 3) return std::nullopt;
  std::string outer, inner;
  bool list_item = false;
  for (const std::string& w : words) {
    if (w == "block" || w == "inline") {
      if (!outer.empty()) return std::nullopt;
      outer = w;
    } else if (w == "flow" || w == "flow-root" || w == "table" || w == "flex" || w == "grid" || w == "ruby" ||
               w == "math") {
      if (!inner.empty()) return std::nullopt;
      inner = w;
    } else if (w == "list-item") {
      if (list_item) return std::nullopt;
      list_item = true;
    } else {
      return std::nullopt;
    }
  }
  if (list_item) {
    if (!inner.empty() && inner != "flow" && inner != "flow-root") return std::nullopt;
    if (inner == "flow-root") return std::nullopt;  // valid but not modelled: rejected below
    return outer == "inline" ? Display::InlineListItem : Display::ListItem;
  }
  bool is_inline = outer == "inline";
  if (inner.empty() || inner == "flow") return is_inline ? Display::Inline : Display::Block;
  if (inner == "flow-root") return is_inline ? Display::InlineBlock : Display::FlowRoot;
  if (inner == "table") return is_inline ? Display::InlineTable : Display::Table;
  if (inner == "flex") return is_inline ? Display::InlineFlex : Display::Flex;
  if (inner == "grid") return is_inline ? Display::InlineGrid : Display::Grid;
  if (inner == "math") return is_inline ? Display::Math : Display::BlockMath;
  if (inner == "ruby" && (is_inline || outer.empty())) return Display::Ruby;
  return std::nullopt;
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

Rgba from_rgb24(std::uint32_t rgb) {
  return Rgba{double((rgb >> 16) & 0xff), double((rgb >> 8) & 0xff), double(rgb & 0xff), 1};
}

std::optional<Rgba> named_color(std::string_view name) {
  for (const NamedColor& c : kNamedColors) {
    if (text::iequals(name, c.name)) return from_rgb24(c.rgb);
  }
  return std::nullopt;
}

// System colours (CSS Color 4 §6.2) in a light colour scheme. `known` false: valid, but
// the value differs between browsers or platforms.
struct SystemColor {
  std::string_view name;
  std::uint32_t rgb;
  bool known;
};
constexpr SystemColor kSystemColors[] = {
    {"canvas", 0xffffff, true},        {"canvastext", 0x000000, true},   {"linktext", 0x0000ee, true},
    {"visitedtext", 0x551a8b, true},   {"activetext", 0xff0000, true},   {"field", 0xffffff, true},
    {"fieldtext", 0x000000, true},     {"buttonface", 0xefefef, true},   {"buttontext", 0x000000, true},
    {"mark", 0xffff00, true},          {"marktext", 0x000000, true},     {"graytext", 0x808080, true},
    {"-webkit-link", 0x0000ee, true},  {"-webkit-text", 0x000000, true}, {"buttonborder", 0, false},
    {"highlight", 0, false},           {"highlighttext", 0, false},      {"selecteditem", 0, false},
    {"selecteditemtext", 0, false},    {"accentcolor", 0, false},        {"accentcolortext", 0, false},
    {"activeborder", 0, false},        {"activecaption", 0, false},      {"appworkspace", 0, false},
    {"background", 0, false},          {"buttonhighlight", 0, false},    {"buttonshadow", 0, false},
    {"captiontext", 0, false},         {"inactiveborder", 0, false},     {"inactivecaption", 0, false},
    {"inactivecaptiontext", 0, false}, {"infobackground", 0, false},     {"infotext", 0, false},
    {"menu", 0, false},                {"menutext", 0, false},           {"scrollbar", 0, false},
    {"threeddarkshadow", 0, false},    {"threedface", 0, false},         {"threedhighlight", 0, false},
    {"threedlightshadow", 0, false},   {"threedshadow", 0, false},       {"window", 0, false},
    {"windowframe", 0, false},         {"windowtext", 0, false},         {"-webkit-focus-ring-color", 0, false},
    {"-webkit-activelink", 0xff0000, true},
};

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Rgba> hex_color(std::string_view h) {
  for (char c : h) {
    if (hex_digit(c) < 0) return std::nullopt;
  }
  auto pair = [&](std::size_t i) { return double(hex_digit(h[i]) * 16 + hex_digit(h[i + 1])); };
  auto single = [&](std::size_t i) { return double(hex_digit(h[i]) * 17); };
  if (h.size() == 3 || h.size() == 4) {
    return Rgba{single(0), single(1), single(2), h.size() == 4 ? single(3) / 255.0 : 1.0};
  }
  if (h.size() == 6 || h.size() == 8) {
    return Rgba{pair(0), pair(2), pair(4), h.size() == 8 ? pair(6) / 255.0 : 1.0};
  }
  return std::nullopt;
}

// One channel of a colour function: a number, a percentage, an angle (hue) or "none".
struct Channel {
  enum class Kind : std::uint8_t { Number, Percent, Angle, None, Unknown } kind;
  double value = 0;
};

std::optional<Channel> channel(std::span<const Token> c) {
  if (c.size() != 1) {
    // calc() and other math in a channel: valid, not computed here.
    if (!c.empty() && c[0].type == T::Function) return Channel{Channel::Kind::Unknown, 0};
    return std::nullopt;
  }
  const Token& t = c[0];
  switch (t.type) {
    case T::Number: return Channel{Channel::Kind::Number, t.number};
    case T::Percentage: return Channel{Channel::Kind::Percent, t.number};
    case T::Dimension:
      if (std::optional<double> deg = angle_degrees(t)) return Channel{Channel::Kind::Angle, *deg};
      return std::nullopt;
    case T::Ident:
      if (t.is_ident("none")) return Channel{Channel::Kind::None, 0};
      return std::nullopt;
    default: return std::nullopt;
  }
}

double clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

// sRGB gamma.
double srgb_encode(double v) {
  double a = std::fabs(v);
  double r = a <= 0.0031308 ? 12.92 * a : 1.055 * std::pow(a, 1 / 2.4) - 0.055;
  return std::copysign(r, v);
}
double srgb_decode(double v) {
  double a = std::fabs(v);
  double r = a <= 0.04045 ? a / 12.92 : std::pow((a + 0.055) / 1.055, 2.4);
  return std::copysign(r, v);
}

using Vec3 = std::array<double, 3>;
Vec3 mul(const double (&m)[3][3], const Vec3& v) {
  return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2], m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
          m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

// Matrices from CSS Color 4 §18 (sample code).
constexpr double kXyz65ToLinSrgb[3][3] = {{3.2409699419045226, -1.537383177570094, -0.4986107602930034},
                                          {-0.9692436362808796, 1.8759675015077202, 0.04155505740717559},
                                          {0.05563007969699366, -0.20397695888897652, 1.0569715142428786}};
constexpr double kLinSrgbToXyz65[3][3] = {{0.41239079926595934, 0.357584339383878, 0.1804807884018343},
                                          {0.21263900587151027, 0.715168678767756, 0.07219231536073371},
                                          {0.01933081871559182, 0.11919477979462598, 0.9505321522496607}};
constexpr double kD50ToD65[3][3] = {{0.955473421488075, -0.02309845494876471, 0.06325924320057072},
                                    {-0.0283697093338637, 1.0099953980813041, 0.021041441191917323},
                                    {0.012314014864481998, -0.020507649298898964, 1.330365926242124}};
constexpr double kD65ToD50[3][3] = {{1.0479297925449969, 0.022946870601609652, -0.05019226628920524},
                                    {0.02962780877005599, 0.9904344267538799, -0.017073799063418826},
                                    {-0.009243040646204504, 0.015055191490298152, 0.7518742814281371}};
constexpr double kLinP3ToXyz65[3][3] = {{0.4865709486482162, 0.26566769316909306, 0.1982172852343625},
                                        {0.2289745640697488, 0.6917385218365064, 0.079286914093745},
                                        {0.0, 0.04511338185890264, 1.043944368900976}};
constexpr double kOklabToLms[3][3] = {{1.0, 0.3963377773761749, 0.2158037573099136},
                                      {1.0, -0.1055613458156586, -0.0638541728258133},
                                      {1.0, -0.0894841775298119, -1.2914855480194092}};
constexpr double kLmsToXyz65[3][3] = {{1.2268798758459243, -0.5578149944602171, 0.2813910456659647},
                                      {-0.0405757452148008, 1.1122868032803170, -0.0717110580655164},
                                      {-0.0763729366746601, -0.4214933324022432, 1.5869240198367816}};
constexpr double kXyz65ToLms[3][3] = {{0.8190224379967030, 0.3619062600528904, -0.1288737815209879},
                                      {0.0329836539323885, 0.9292868615863434, 0.0361446663506424},
                                      {0.0481771893596242, 0.2642395317527308, 0.6335478284694309}};
constexpr double kLmsToOklab[3][3] = {{0.2104542683093140, 0.7936177747023054, -0.0040720430116193},
                                      {1.9779985324311684, -2.4285922420485799, 0.4505937096174110},
                                      {0.0259040424655478, 0.7827717124575296, -0.8086757548230774}};

constexpr Vec3 kD50White{0.3457 / 0.3585, 1.0, (1.0 - 0.3457 - 0.3585) / 0.3585};

Vec3 lab_to_xyz_d50(const Vec3& lab) {
  constexpr double k = 24389.0 / 27, e = 216.0 / 24389;
  double f1 = (lab[0] + 16) / 116;
  double f0 = lab[1] / 500 + f1;
  double f2 = f1 - lab[2] / 200;
  double x = std::pow(f0, 3) > e ? std::pow(f0, 3) : (116 * f0 - 16) / k;
  double y = lab[0] > k * e ? std::pow((lab[0] + 16) / 116, 3) : lab[0] / k;
  double z = std::pow(f2, 3) > e ? std::pow(f2, 3) : (116 * f2 - 16) / k;
  return {x * kD50White[0], y * kD50White[1], z * kD50White[2]};
}

Vec3 xyz_d50_to_lab(const Vec3& xyz) {
  constexpr double k = 24389.0 / 27, e = 216.0 / 24389;
  Vec3 xr{xyz[0] / kD50White[0], xyz[1] / kD50White[1], xyz[2] / kD50White[2]};
  auto f = [&](double v) { return v > e ? std::cbrt(v) : (k * v + 16) / 116; };
  double fx = f(xr[0]), fy = f(xr[1]), fz = f(xr[2]);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

Vec3 oklab_to_xyz65(const Vec3& lab) {
  Vec3 lms = mul(kOklabToLms, lab);
  for (double& v : lms) v = v * v * v;
  return mul(kLmsToXyz65, lms);
}

Vec3 xyz65_to_oklab(const Vec3& xyz) {
  Vec3 lms = mul(kXyz65ToLms, xyz);
  for (double& v : lms) v = std::cbrt(v);
  return mul(kLmsToOklab, lms);
}

// Linear-light sRGB (0..1) → Rgba; nullopt when far outside the sRGB gamut.
std::optional<Rgba> from_linear_srgb(const Vec3& lin, double alpha) {
  Rgba out;
  double* ch[3] = {&out.r, &out.g, &out.b};
  for (int i = 0; i < 3; ++i) {
    double v = srgb_encode(lin[i]);
    // A little outside (rounded values of a colour on the gamut's edge) is clipped; far
    // outside is a colour an sRGB screen cannot show, which browsers map differently.
    if (v < -0.02 || v > 1.02 || !std::isfinite(v)) return std::nullopt;
    *ch[i] = clamp01(v) * 255;
  }
  out.a = clamp01(alpha);
  return out;
}

Vec3 to_linear_srgb(const Rgba& c) {
  return {srgb_decode(c.r / 255), srgb_decode(c.g / 255), srgb_decode(c.b / 255)};
}

Rgba hsl_to_rgb(double h, double s, double l, double a) {
  h = std::fmod(h, 360);
  if (h < 0) h += 360;
  s = clamp01(s);
  l = clamp01(l);
  auto f = [&](double n) {
    double k = std::fmod(n + h / 30, 12);
    double amount = s * std::min(l, 1 - l);
    return 255 * (l - amount * std::max(-1.0, std::min({k - 3, 9 - k, 1.0})));
  };
  return Rgba{f(0), f(8), f(4), clamp01(a)};
}

Rgba hwb_to_rgb(double h, double w, double b, double a) {
  w = clamp01(w);
  b = clamp01(b);
  if (w + b >= 1) {
    double gray = w / (w + b) * 255;
    return Rgba{gray, gray, gray, clamp01(a)};
  }
  Rgba rgb = hsl_to_rgb(h, 1, 0.5, a);
  auto adj = [&](double v) { return (v / 255 * (1 - w - b) + w) * 255; };
  return Rgba{adj(rgb.r), adj(rgb.g), adj(rgb.b), clamp01(a)};
}

// The channels and alpha of a colour function's arguments, in the modern (space) or the
// legacy (comma) syntax.
struct ColorArgs {
  std::vector<Channel> ch;
  std::optional<Channel> alpha;
  bool legacy = false;
  bool unknown = false;  // a channel is calc() or similar
};

std::optional<ColorArgs> color_args(std::span<const Token> args, bool allow_legacy) {
  ColorArgs out;
  auto commas = split_commas(args);
  if (commas.size() > 1) {
    if (!allow_legacy || (commas.size() != 3 && commas.size() != 4)) return std::nullopt;
    out.legacy = true;
    for (std::size_t i = 0; i < commas.size(); ++i) {
      auto c = components(commas[i]);
      if (c.size() != 1) return std::nullopt;
      std::optional<Channel> ch = channel(c[0]);
      if (!ch || ch->kind == Channel::Kind::None) return std::nullopt;
      if (ch->kind == Channel::Kind::Unknown) out.unknown = true;
      (i < 3 ? out.ch.emplace_back(*ch) : out.alpha.emplace(*ch));
    }
    return out;
  }
  auto c = components(args);
  std::size_t slash = c.size();
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (c[i].size() != 1 || !c[i][0].is_delim('/')) continue;
    if (slash != c.size()) return std::nullopt;
    slash = i;
  }
  if (slash == c.size() ? c.size() != 3 : (slash != 3 || c.size() != 5)) return std::nullopt;
  for (std::size_t i = 0; i < 3; ++i) {
    std::optional<Channel> ch = channel(c[i]);
    if (!ch) return std::nullopt;
    if (ch->kind == Channel::Kind::Unknown) out.unknown = true;
    out.ch.push_back(*ch);
  }
  if (slash < c.size()) {
    std::optional<Channel> a = channel(c[slash + 1]);
    if (!a || a->kind == Channel::Kind::Angle) return std::nullopt;
    if (a->kind == Channel::Kind::Unknown) out.unknown = true;
    out.alpha = a;
  }
  return out;
}

double alpha_of(const ColorArgs& a) {
  if (!a.alpha) return 1;
  if (a.alpha->kind == Channel::Kind::Percent) return clamp01(a.alpha->value / 100);
  if (a.alpha->kind == Channel::Kind::None) return 0;
  return clamp01(a.alpha->value);
}

// A channel as a number, with percentages scaled so that 100% is `full`.
double num(const Channel& c, double full) {
  if (c.kind == Channel::Kind::Percent) return c.value / 100 * full;
  return c.value;
}

std::optional<Color> color_function(std::span<const Token> fn);

Color unknown_color() { return Color{Color::Kind::Unknown, {}}; }
Color known(const Rgba& c) { return Color{Color::Kind::Rgba, c}; }
Color known_or_unknown(std::optional<Rgba> c) { return c ? known(*c) : unknown_color(); }

std::optional<Color> color_from_component(std::span<const Token> c) {
  if (c.empty()) return std::nullopt;
  const Token& t = c[0];
  if (c.size() == 1 && t.type == T::Hash) {
    if (std::optional<Rgba> rgba = hex_color(t.value)) return known(*rgba);
    return std::nullopt;
  }
  if (c.size() == 1 && t.type == T::Ident) {
    if (t.is_ident("transparent")) return known(Rgba{0, 0, 0, 0});
    if (t.is_ident("currentcolor")) return Color{Color::Kind::CurrentColor, {}};
    if (std::optional<Rgba> named = named_color(t.value)) return known(*named);
    for (const SystemColor& s : kSystemColors) {
      if (text::iequals(t.value, s.name)) return s.known ? known(from_rgb24(s.rgb)) : unknown_color();
    }
    return std::nullopt;
  }
  if (t.type == T::Function) return color_function(c);
  return std::nullopt;
}

// color-mix(in <space>, c1 [p1], c2 [p2]).
std::optional<Color> color_mix(std::span<const Token> args) {
  auto parts = split_commas(args);
  if (parts.size() != 3) return std::nullopt;
  auto space_words = components(parts[0]);
  if (space_words.size() < 2 || space_words[0].size() != 1 || !space_words[0][0].is_ident("in")) {
    return std::nullopt;
  }
  std::string space = space_words[1].size() == 1 ? text::ascii_lower(space_words[1][0].value) : "";
  struct Item {
    Color color;
    std::optional<double> pct;
  };
  std::vector<Item> items;
  for (std::size_t i = 1; i < 3; ++i) {
    auto c = components(parts[i]);
    if (c.empty() || c.size() > 2) return std::nullopt;
    Item item;
    std::optional<double> pct;
    std::span<const Token> color_part;
    for (auto comp : c) {
      if (comp.size() == 1 && comp[0].type == T::Percentage) {
        if (pct) return std::nullopt;
        pct = comp[0].number;
        if (*pct < 0 || *pct > 100) return std::nullopt;
      } else {
        if (!color_part.empty()) return std::nullopt;
        color_part = comp;
      }
    }
    std::optional<Color> col = color_from_component(color_part);
    if (!col) return std::nullopt;
    item.color = *col;
    item.pct = pct;
    items.push_back(item);
  }
  if (items[0].color.kind != Color::Kind::Rgba || items[1].color.kind != Color::Kind::Rgba) return unknown_color();
  double p1 = items[0].pct.value_or(items[1].pct ? 100 - *items[1].pct : 50);
  double p2 = items[1].pct.value_or(items[0].pct ? 100 - *items[0].pct : 50);
  double sum = p1 + p2;
  if (sum <= 0) return std::nullopt;
  double alpha_mult = sum < 100 ? sum / 100 : 1;
  p1 /= sum;
  p2 /= sum;
  const Rgba& a = items[0].color.rgba;
  const Rgba& b = items[1].color.rgba;
  auto to_space = [&](const Rgba& c) -> std::optional<Vec3> {
    Vec3 lin = to_linear_srgb(c);
    if (space == "srgb") return Vec3{c.r / 255, c.g / 255, c.b / 255};
    if (space == "srgb-linear") return lin;
    Vec3 xyz = mul(kLinSrgbToXyz65, lin);
    if (space == "xyz" || space == "xyz-d65") return xyz;
    if (space == "xyz-d50") return mul(kD65ToD50, xyz);
    if (space == "oklab") return xyz65_to_oklab(xyz);
    if (space == "lab") return xyz_d50_to_lab(mul(kD65ToD50, xyz));
    return std::nullopt;
  };
  auto from_space = [&](const Vec3& v, double alpha) -> std::optional<Rgba> {
    if (space == "srgb") return Rgba{clamp01(v[0]) * 255, clamp01(v[1]) * 255, clamp01(v[2]) * 255, clamp01(alpha)};
    if (space == "srgb-linear") return from_linear_srgb(v, alpha);
    Vec3 xyz = v;
    if (space == "xyz-d50") xyz = mul(kD50ToD65, v);
    if (space == "oklab") xyz = oklab_to_xyz65(v);
    if (space == "lab") xyz = mul(kD50ToD65, lab_to_xyz_d50(v));
    return from_linear_srgb(mul(kXyz65ToLinSrgb, xyz), alpha);
  };
  std::optional<Vec3> va = to_space(a), vb = to_space(b);
  if (!va || !vb) return unknown_color();  // polar spaces (hsl, lch, oklch ...): not computed
  double alpha = a.a * p1 + b.a * p2;
  Vec3 mixed{};
  for (int i = 0; i < 3; ++i) {
    double premul = (*va)[i] * a.a * p1 + (*vb)[i] * b.a * p2;
    mixed[i] = alpha > 0 ? premul / alpha : 0;
  }
  return known_or_unknown(from_space(mixed, alpha * alpha_mult));
}

std::optional<Color> color_function(std::span<const Token> fn) {
  std::string name = text::ascii_lower(fn[0].value);
  std::span<const Token> args = arguments(fn);
  // Relative colours ("rgb(from var(--x) r g b)") are valid but not computed here.
  auto first = components(args);
  if (!first.empty() && first[0].size() == 1 && first[0][0].is_ident("from")) {
    return unknown_color();
  }
  if (name == "rgb" || name == "rgba") {
    std::optional<ColorArgs> a = color_args(args, true);
    if (!a || a->ch.size() != 3) return std::nullopt;
    if (a->legacy) {
      bool pct = a->ch[0].kind == Channel::Kind::Percent;
      for (const Channel& c : a->ch) {
        if (c.kind == Channel::Kind::Angle || (c.kind == Channel::Kind::Percent) != pct) return std::nullopt;
      }
    }
    for (const Channel& c : a->ch) {
      if (c.kind == Channel::Kind::Angle) return std::nullopt;
    }
    if (a->unknown) return unknown_color();
    auto v = [](const Channel& c) { return std::clamp(num(c, 255), 0.0, 255.0); };
    return known(Rgba{v(a->ch[0]), v(a->ch[1]), v(a->ch[2]), alpha_of(*a)});
  }
  if (name == "hsl" || name == "hsla" || name == "hwb") {
    std::optional<ColorArgs> a = color_args(args, name != "hwb");
    if (!a || a->ch.size() != 3) return std::nullopt;
    if (a->ch[1].kind == Channel::Kind::Angle || a->ch[2].kind == Channel::Kind::Angle) return std::nullopt;
    if (a->legacy && (a->ch[1].kind != Channel::Kind::Percent || a->ch[2].kind != Channel::Kind::Percent)) {
      return std::nullopt;
    }
    if (a->unknown) return unknown_color();
    double h = a->ch[0].value;
    double s = num(a->ch[1], 100) / 100, l = num(a->ch[2], 100) / 100;
    if (name == "hwb") return known(hwb_to_rgb(h, s, l, alpha_of(*a)));
    return known(hsl_to_rgb(h, s, l, alpha_of(*a)));
  }
  if (name == "lab" || name == "lch" || name == "oklab" || name == "oklch") {
    std::optional<ColorArgs> a = color_args(args, false);
    if (!a || a->ch.size() != 3) return std::nullopt;
    bool polar = name == "lch" || name == "oklch";
    for (int i = 0; i < 3; ++i) {
      bool hue = polar && i == 2;
      if ((a->ch[i].kind == Channel::Kind::Angle) != hue && a->ch[i].kind != Channel::Kind::Number &&
          a->ch[i].kind != Channel::Kind::Percent && a->ch[i].kind != Channel::Kind::None &&
          a->ch[i].kind != Channel::Kind::Unknown) {
        return std::nullopt;
      }
      if (!hue && a->ch[i].kind == Channel::Kind::Angle) return std::nullopt;
    }
    if (a->unknown) return unknown_color();
    bool ok = name.starts_with("ok");
    double l = num(a->ch[0], ok ? 1 : 100);
    double x = num(a->ch[1], ok ? 0.4 : (polar ? 150 : 125));
    double y = polar ? a->ch[2].value : num(a->ch[2], ok ? 0.4 : 125);
    if (polar) {
      double c = std::max(0.0, x), h = y * M_PI / 180;
      x = c * std::cos(h);
      y = c * std::sin(h);
    }
    Vec3 xyz = ok ? oklab_to_xyz65({std::clamp(l, 0.0, 1.0), x, y})
                  : mul(kD50ToD65, lab_to_xyz_d50({std::clamp(l, 0.0, 100.0), x, y}));
    return known_or_unknown(from_linear_srgb(mul(kXyz65ToLinSrgb, xyz), alpha_of(*a)));
  }
  if (name == "color") {
    auto c = components(args);
    if (c.size() < 4 || c[0].size() != 1 || c[0][0].type != T::Ident) return std::nullopt;
    std::string space = text::ascii_lower(c[0][0].value);
    std::optional<ColorArgs> a = color_args(args.subspan(static_cast<std::size_t>(c[1].data() - args.data())), false);
    if (!a || a->ch.size() != 3) return std::nullopt;
    for (const Channel& ch : a->ch) {
      if (ch.kind == Channel::Kind::Angle) return std::nullopt;
    }
    static constexpr std::string_view kSpaces[] = {"srgb", "srgb-linear", "display-p3", "a98-rgb",
                                                   "prophoto-rgb", "rec2020", "xyz", "xyz-d50", "xyz-d65"};
    if (std::find(std::begin(kSpaces), std::end(kSpaces), space) == std::end(kSpaces)) return std::nullopt;
    if (a->unknown) return unknown_color();
    Vec3 v{num(a->ch[0], 1), num(a->ch[1], 1), num(a->ch[2], 1)};
    double alpha = alpha_of(*a);
    if (space == "srgb") {
      Vec3 lin{srgb_decode(v[0]), srgb_decode(v[1]), srgb_decode(v[2])};
      return known_or_unknown(from_linear_srgb(lin, alpha));
    }
    if (space == "srgb-linear") return known_or_unknown(from_linear_srgb(v, alpha));
    if (space == "display-p3") {
      Vec3 lin{srgb_decode(v[0]), srgb_decode(v[1]), srgb_decode(v[2])};
      return known_or_unknown(from_linear_srgb(mul(kXyz65ToLinSrgb, mul(kLinP3ToXyz65, lin)), alpha));
    }
    if (space == "xyz" || space == "xyz-d65") return known_or_unknown(from_linear_srgb(mul(kXyz65ToLinSrgb, v), alpha));
    if (space == "xyz-d50") {
      return known_or_unknown(from_linear_srgb(mul(kXyz65ToLinSrgb, mul(kD50ToD65, v)), alpha));
    }
    return unknown_color();  // a98-rgb, prophoto-rgb, rec2020: valid, not computed
  }
  if (name == "color-mix") return color_mix(args);
  if (name == "light-dark" || name == "contrast-color" || name == "-webkit-gradient") {
    return name == "-webkit-gradient" ? std::nullopt : std::optional<Color>(unknown_color());
  }
  return std::nullopt;
}

// ---- lengths ----

struct UnitEntry {
  std::string_view name;
  Unit unit;
  double factor;  // to px for absolute units (unit Px), else 1
};
constexpr UnitEntry kUnits[] = {
    {"px", Unit::Px, 1},          {"em", Unit::Em, 1},         {"rem", Unit::Rem, 1},
    {"ex", Unit::Ex, 1},          {"ch", Unit::Ch, 1},         {"vw", Unit::Vw, 1},
    {"vh", Unit::Vh, 1},          {"vmin", Unit::Vmin, 1},     {"vmax", Unit::Vmax, 1},
    {"svw", Unit::Vw, 1},         {"lvw", Unit::Vw, 1},        {"dvw", Unit::Vw, 1},
    {"svh", Unit::Vh, 1},         {"lvh", Unit::Vh, 1},        {"dvh", Unit::Vh, 1},
    {"vi", Unit::Vw, 1},          {"vb", Unit::Vh, 1},         {"svmin", Unit::Vmin, 1},
    {"svmax", Unit::Vmax, 1},     {"lvmin", Unit::Vmin, 1},    {"lvmax", Unit::Vmax, 1},
    {"dvmin", Unit::Vmin, 1},     {"dvmax", Unit::Vmax, 1},    {"lh", Unit::Lh, 1},
    {"rlh", Unit::Rlh, 1},        {"in", Unit::Px, 96},        {"cm", Unit::Px, 96 / 2.54},
    {"mm", Unit::Px, 96 / 25.4},  {"q", Unit::Px, 96 / 101.6}, {"pt", Unit::Px, 96.0 / 72},
    {"pc", Unit::Px, 16},
};
// Valid length units granska does not compute.
constexpr std::string_view kOtherLengthUnits[] = {"cap", "ic", "rcap", "rch", "rex", "ric", "cqw",
                                                  "cqh", "cqi", "cqb", "cqmin", "cqmax", "x"};

bool is_math_function(const Token& t) {
  static constexpr std::string_view kMath[] = {"calc", "min", "max", "clamp", "round", "mod", "rem",
                                               "abs", "sign", "sin", "cos", "tan", "asin", "acos",
                                               "atan", "atan2", "pow", "sqrt", "hypot", "log", "exp",
                                               "-webkit-calc", "anchor", "anchor-size", "calc-size"};
  if (t.type != T::Function) return false;
  for (std::string_view m : kMath) {
    if (text::iequals(t.value, m)) return true;
  }
  return false;
}

// A single-token length (or percentage when allowed, or unitless 0). `unknown` is set for
// a valid unit granska does not compute.
std::optional<Value> length_token(const Token& t, bool allow_percent, bool allow_negative) {
  Value v;
  v.kind = Value::Kind::Length;
  if (t.type == T::Number) {
    if (t.number != 0) return std::nullopt;
    v.number = 0;
    return v;
  }
  if (t.type == T::Percentage) {
    if (!allow_percent || (!allow_negative && t.number < 0)) return std::nullopt;
    v.unit = Unit::Percent;
    v.number = t.number;
    return v;
  }
  if (t.type != T::Dimension) return std::nullopt;
  if (!allow_negative && t.number < 0) return std::nullopt;
  for (const UnitEntry& u : kUnits) {
    if (text::iequals(t.unit, u.name)) {
      v.unit = u.unit;
      v.number = t.number * u.factor;
      return v;
    }
  }
  for (std::string_view u : kOtherLengthUnits) {
    if (text::iequals(t.unit, u) && u != "x") {
      Value unknown;
      unknown.kind = Value::Kind::Unknown;
      return unknown;
    }
  }
  return std::nullopt;
}

Value keyword_value(std::uint8_t k) {
  Value v;
  v.kind = Value::Kind::Keyword;
  v.keyword = k;
  return v;
}

Value text_value(std::span<const Token> tokens, std::string_view source, bool nothing) {
  Value v;
  v.kind = Value::Kind::Text;
  v.keyword = nothing ? 1 : 0;
  v.text = std::string(text_of(tokens, source));
  return v;
}

// <length-percentage> with calc(), or one of `keywords` (each mapped to its code).
std::optional<Value> length_or_keyword(std::span<const Token> tokens, std::string_view source, bool allow_percent,
                                       bool allow_negative,
                                       std::initializer_list<std::pair<std::string_view, std::uint8_t>> keywords,
                                       bool other_idents_unknown = false) {
  auto c = components(tokens);
  if (c.size() != 1) return std::nullopt;
  const Token& t = c[0][0];
  if (c[0].size() == 1 && t.type == T::Ident) {
    for (const auto& [name, code] : keywords) {
      if (t.is_ident(name)) return keyword_value(code);
    }
    if (other_idents_unknown) return keyword_value(kw::kOther);
    return std::nullopt;
  }
  if (is_math_function(t)) {
    Value v;
    v.kind = Value::Kind::Calc;
    v.text = std::string(text_of(c[0], source));
    return v;
  }
  if (t.type == T::Function && other_idents_unknown) return keyword_value(kw::kOther);  // fit-content(...)
  if (c[0].size() != 1) return std::nullopt;
  return length_token(t, allow_percent, allow_negative);
}

bool is_image_function(const Token& t) {
  if (t.type == T::Url) return true;
  if (t.type != T::Function) return false;
  std::string n = text::ascii_lower(t.value);
  return n == "url" || n == "src" || n.ends_with("gradient") || n == "image-set" || n == "-webkit-image-set" ||
         n == "cross-fade" || n == "-webkit-cross-fade" || n == "image" || n == "paint" || n == "element" ||
         n == "-webkit-gradient";
}

// background-image: none or images, comma-separated.
std::optional<Value> background_image(std::span<const Token> tokens, std::string_view source) {
  bool any_image = false;
  for (auto layer : split_commas(tokens)) {
    auto c = components(layer);
    if (c.size() != 1) return std::nullopt;
    if (c[0].size() == 1 && c[0][0].is_ident("none")) continue;
    if (!is_image_function(c[0][0])) return std::nullopt;
    any_image = true;
  }
  if (!any_image) return keyword_value(kw::kNone);
  Value v;
  v.kind = Value::Kind::Image;
  v.text = std::string(text_of(tokens, source));
  return v;
}

std::optional<Value> color_value(std::span<const Token> tokens) {
  std::optional<Color> c = parse_color(tokens);
  if (!c) return std::nullopt;
  Value v;
  if (c->kind == Color::Kind::CurrentColor) {
    v.kind = Value::Kind::CurrentColor;
  } else if (c->kind == Color::Kind::Unknown) {
    v.kind = Value::Kind::Unknown;
  } else {
    v.kind = Value::Kind::Color;
    v.color = c->rgba;
  }
  return v;
}

std::optional<Value> font_size_value(std::span<const Token> tokens, std::string_view source) {
  static constexpr std::string_view kSizes[] = {"xx-small", "x-small", "small", "medium",
                                                "large", "x-large", "xx-large", "xxx-large"};
  auto c = components(tokens);
  if (c.size() == 1 && c[0].size() == 1 && c[0][0].type == T::Ident) {
    for (std::size_t i = 0; i < std::size(kSizes); ++i) {
      if (c[0][0].is_ident(kSizes[i])) return keyword_value(static_cast<std::uint8_t>(kw::kFontSizeKeyword + i));
    }
    if (c[0][0].is_ident("larger")) return keyword_value(kw::kLarger);
    if (c[0][0].is_ident("smaller")) return keyword_value(kw::kSmaller);
    if (c[0][0].is_ident("math")) return keyword_value(kw::kOther);
    return std::nullopt;
  }
  return length_or_keyword(tokens, source, true, false, {});
}

std::optional<Value> font_weight_value(std::span<const Token> tokens) {
  auto c = components(tokens);
  if (c.size() != 1) return std::nullopt;
  const Token& t = c[0][0];
  if (c[0].size() == 1 && t.type == T::Ident) {
    Value v;
    v.kind = Value::Kind::Number;
    if (t.is_ident("normal")) v.number = 400;
    else if (t.is_ident("bold")) v.number = 700;
    else if (t.is_ident("bolder")) return keyword_value(kw::kBolder);
    else if (t.is_ident("lighter")) return keyword_value(kw::kLighter);
    else return std::nullopt;
    return v;
  }
  if (c[0].size() == 1 && t.type == T::Number) {
    if (t.number < 1 || t.number > 1000) return std::nullopt;
    Value v;
    v.kind = Value::Kind::Number;
    v.number = t.number;
    return v;
  }
  if (is_math_function(t)) return keyword_value(kw::kOther);
  return std::nullopt;
}

std::optional<Value> font_family_value(std::span<const Token> tokens) {
  auto families = split_commas(tokens);
  for (auto f : families) {
    auto c = components(f);
    if (c.empty()) return std::nullopt;
    for (auto part : c) {
      if (part.size() != 1 || (part[0].type != T::Ident && part[0].type != T::String)) return std::nullopt;
      if (c.size() > 1 && part[0].type == T::String) return std::nullopt;
    }
  }
  bool mono = false;
  if (families.size() == 1) {
    auto c = components(families[0]);
    mono = c.size() == 1 && c[0][0].is_ident("monospace");
  }
  return keyword_value(mono ? kw::kMonospace : kw::kOtherFamily);
}

std::optional<Value> line_height_value(std::span<const Token> tokens, std::string_view source) {
  auto c = components(tokens);
  if (c.size() == 1 && c[0].size() == 1 && c[0][0].type == T::Number) {
    if (c[0][0].number < 0) return std::nullopt;
    Value v;
    v.kind = Value::Kind::Number;
    v.number = c[0][0].number;
    return v;
  }
  return length_or_keyword(tokens, source, true, false, {{"normal", kw::kNormal}});
}

std::optional<Value> opacity_value(std::span<const Token> tokens) {
  auto c = components(tokens);
  if (c.size() != 1) return std::nullopt;
  const Token& t = c[0][0];
  Value v;
  v.kind = Value::Kind::Number;
  if (c[0].size() == 1 && t.type == T::Number) {
    v.number = clamp01(t.number);
    return v;
  }
  if (c[0].size() == 1 && t.type == T::Percentage) {
    v.number = clamp01(t.number / 100);
    return v;
  }
  if (is_math_function(t)) {
    Value u;
    u.kind = Value::Kind::Unknown;
    return u;
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::optional<Value> enum_value(std::span<const Token> tokens, const KeywordEntry<E> (&table)[N]) {
  auto c = components(tokens);
  if (c.size() != 1 || c[0].size() != 1 || c[0][0].type != T::Ident) return std::nullopt;
  std::optional<E> e = keyword(table, c[0][0].value);
  if (!e) return std::nullopt;
  return keyword_value(static_cast<std::uint8_t>(*e));
}

constexpr KeywordEntry<Visibility> kVisibilityNames[] = {
    {"visible", Visibility::Visible}, {"hidden", Visibility::Hidden}, {"collapse", Visibility::Collapse}};
constexpr KeywordEntry<ContentVisibility> kContentVisibilityNames[] = {
    {"visible", ContentVisibility::Visible}, {"auto", ContentVisibility::Auto}, {"hidden", ContentVisibility::Hidden}};
constexpr KeywordEntry<Position> kPositionNames[] = {
    {"static", Position::Static},   {"relative", Position::Relative}, {"absolute", Position::Absolute},
    {"fixed", Position::Fixed},     {"sticky", Position::Sticky},     {"-webkit-sticky", Position::Sticky}};
constexpr KeywordEntry<Overflow> kOverflowNames[] = {
    {"visible", Overflow::Visible}, {"hidden", Overflow::Hidden}, {"clip", Overflow::Clip},
    {"scroll", Overflow::Scroll},   {"auto", Overflow::Auto},     {"overlay", Overflow::Auto}};
constexpr KeywordEntry<Float> kFloatNames[] = {{"none", Float::None},          {"left", Float::Left},
                                               {"right", Float::Right},        {"inline-start", Float::Left},
                                               {"inline-end", Float::Right}};

// clip: rect(top, right, bottom, left) that leaves nothing visible.
bool clip_rect_is_empty(std::span<const Token> fn) {
  std::vector<double> v;
  std::vector<bool> autos;
  for (auto c : components(arguments(fn))) {
    if (c.size() == 1 && c[0].type == T::Comma) continue;
    if (c.size() == 1 && c[0].is_ident("auto")) {
      v.push_back(0);
      autos.push_back(true);
      continue;
    }
    if (c.size() != 1) return false;
    std::optional<Value> len = length_token(c[0], false, true);
    if (!len || len->kind != Value::Kind::Length || len->unit != Unit::Px) return false;
    v.push_back(len->number);
    autos.push_back(false);
  }
  if (v.size() != 4) return false;
  bool no_width = !autos[1] && !autos[3] && v[1] <= v[3];
  bool no_height = !autos[0] && !autos[2] && v[2] <= v[0];
  return no_width || no_height;
}

// clip-path shapes that show nothing: inset() of 50% or more from opposite sides,
// circle(0), ellipse(0 0).
bool clip_path_is_empty(std::span<const Token> fn) {
  std::string name = text::ascii_lower(fn[0].value);
  auto c = components(arguments(fn));
  if (name == "inset") {
    std::vector<double> pct;
    for (auto part : c) {
      if (part.size() == 1 && part[0].is_ident("round")) break;
      if (part.size() != 1 || part[0].type != T::Percentage) return false;
      pct.push_back(part[0].number);
    }
    if (pct.empty() || pct.size() > 4) return false;
    double top = pct[0], right = pct.size() > 1 ? pct[1] : top, bottom = pct.size() > 2 ? pct[2] : top;
    double left = pct.size() > 3 ? pct[3] : right;
    return top + bottom >= 100 || left + right >= 100;
  }
  if (name == "circle" || name == "ellipse") {
    if (c.empty()) return false;
    auto zero = [](std::span<const Token> t) {
      return t.size() == 1 && (t[0].type == T::Number || t[0].type == T::Dimension || t[0].type == T::Percentage) &&
             t[0].number == 0;
    };
    if (name == "circle") return zero(c[0]);
    return c.size() >= 2 && (zero(c[0]) || zero(c[1]));
  }
  return false;
}

bool is_none(std::span<const Token> tokens) {
  auto c = components(tokens);
  return c.size() == 1 && c[0].size() == 1 && c[0][0].is_ident("none");
}

}  // namespace

// ---- public: colours ----

Rgba composite(const Rgba& top, const Rgba& bottom) {
  double a = top.a + bottom.a * (1 - top.a);
  if (a <= 0) return Rgba{0, 0, 0, 0};
  auto mix = [&](double t, double b) { return (t * top.a + b * bottom.a * (1 - top.a)) / a; };
  return Rgba{mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b), a};
}

namespace {

double channel_luminance_exact(double v) {
  v /= 255;
  return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

// Most channels are whole numbers (colours not mixed by opacity): a table of the same
// formula answers those without a pow() each, to the bit.
double channel_luminance(double v) {
  static const std::array<double, 256> table = [] {
    std::array<double, 256> t{};
    for (int i = 0; i < 256; ++i) t[static_cast<std::size_t>(i)] = channel_luminance_exact(i);
    return t;
  }();
  if (v >= 0 && v <= 255) {
    auto i = static_cast<std::size_t>(v);
    if (static_cast<double>(i) == v) return table[i];
  }
  return channel_luminance_exact(v);
}

}  // namespace

double relative_luminance(const Rgba& c) {
  return 0.2126 * channel_luminance(c.r) + 0.7152 * channel_luminance(c.g) + 0.0722 * channel_luminance(c.b);
}

double contrast_ratio(const Rgba& a, const Rgba& b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

std::string to_css(const Rgba& c) {
  auto ch = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0))); };
  char buf[96];
  if (c.a >= 1) {
    std::snprintf(buf, sizeof buf, "rgb(%d, %d, %d)", ch(c.r), ch(c.g), ch(c.b));
  } else {
    // Browsers keep alpha at 8-bit precision and print it with up to 3 decimals.
    double a = std::round(c.a * 255) / 255;
    char alpha[16];
    std::snprintf(alpha, sizeof alpha, "%.3g", std::round(a * 1000) / 1000);
    std::snprintf(buf, sizeof buf, "rgba(%d, %d, %d, %s)", ch(c.r), ch(c.g), ch(c.b), alpha);
  }
  return buf;
}

std::optional<Color> parse_color(std::span<const Token> tokens) {
  auto c = components(tokens);
  if (c.size() != 1) return std::nullopt;
  return color_from_component(c[0]);
}

std::optional<Color> parse_color(std::string_view text) {
  std::deque<std::string> arena;
  std::vector<Token> tokens = tokenize_all(text, arena);
  return parse_color(std::span<const Token>(tokens));
}

std::optional<Rgba> parse_legacy_color(std::string_view value) {
  std::string_view v = text::trim(value);
  if (v.empty() || text::iequals(v, "transparent")) return std::nullopt;
  if (std::optional<Rgba> named = named_color(v)) return named;
  if (v.size() == 4 && v[0] == '#' && hex_digit(v[1]) >= 0 && hex_digit(v[2]) >= 0 && hex_digit(v[3]) >= 0) {
    return Rgba{hex_digit(v[1]) * 17.0, hex_digit(v[2]) * 17.0, hex_digit(v[3]) * 17.0, 1};
  }
  // One character per code point; code points beyond the BMP become "00".
  std::string s;
  for (std::size_t i = 0; i < v.size() && s.size() < 128;) {
    char32_t cp = 0;
    std::size_t n = text::utf8_sequence(v, i, cp);
    i += std::max<std::size_t>(n, 1);
    if (cp > 0xFFFF) {
      s += "00";
    } else {
      s += cp < 0x80 && hex_digit(static_cast<char>(cp)) >= 0 ? static_cast<char>(cp) : '0';
    }
  }
  if (s.size() > 128) s.resize(128);
  if (!v.empty() && v[0] == '#' && !s.empty()) s.erase(0, 1);
  while (s.empty() || s.size() % 3 != 0) s += '0';
  std::size_t len = s.size() / 3;
  std::string parts[3] = {s.substr(0, len), s.substr(len, len), s.substr(2 * len, len)};
  if (len > 8) {
    for (auto& p : parts) p = p.substr(len - 8);
    len = 8;
  }
  while (len > 2 && parts[0][0] == '0' && parts[1][0] == '0' && parts[2][0] == '0') {
    for (auto& p : parts) p.erase(0, 1);
    --len;
  }
  if (len > 2) {
    for (auto& p : parts) p.resize(2);
  }
  auto value_of = [](const std::string& p) {
    int out = 0;
    for (char c : p) out = out * 16 + hex_digit(c);
    return double(out);
  };
  return Rgba{value_of(parts[0]), value_of(parts[1]), value_of(parts[2]), 1};
}

// ---- public: properties ----

std::string_view property_name(Property p) {
  auto i = static_cast<std::size_t>(p);
  return i < kPropertyCount ? kProperties[i].name : std::string_view("--*");
}

bool is_inherited(Property p) {
  auto i = static_cast<std::size_t>(p);
  return i < kPropertyCount ? kProperties[i].inherited : true;
}

std::optional<Property> longhand_by_name(std::string_view name) {
  for (std::size_t i = 0; i < kPropertyCount; ++i) {
    if (text::iequals(name, kProperties[i].name)) return static_cast<Property>(i);
  }
  if (text::iequals(name, "-webkit-background-clip")) return Property::BackgroundClip;
  if (text::iequals(name, "-webkit-transform")) return Property::Transform;
  if (text::iequals(name, "-webkit-filter")) return Property::Filter;
  if (text::iequals(name, "-webkit-clip-path")) return Property::ClipPath;
  if (text::iequals(name, "-webkit-opacity")) return Property::Opacity;
  return std::nullopt;
}

std::string_view display_name(Display d) {
  for (const auto& e : kDisplayNames) {
    if (e.value == d) return e.name;
  }
  return "inline";
}

std::string_view visibility_name(Visibility v) {
  for (const auto& e : kVisibilityNames) {
    if (e.value == v) return e.name;
  }
  return "visible";
}

Display blockified(Display d) {
  switch (d) {
    case Display::Inline:
    case Display::InlineBlock:
    case Display::Ruby:
    case Display::RubyText:
    case Display::TableRowGroup:
    case Display::TableHeaderGroup:
    case Display::TableFooterGroup:
    case Display::TableRow:
    case Display::TableColumnGroup:
    case Display::TableColumn:
    case Display::TableCell:
    case Display::TableCaption: return Display::Block;
    case Display::InlineFlex: return Display::Flex;
    case Display::InlineGrid: return Display::Grid;
    case Display::InlineTable: return Display::Table;
    case Display::InlineListItem: return Display::ListItem;
    case Display::WebkitInlineBox: return Display::WebkitBox;
    case Display::Math: return Display::BlockMath;
    default: return d;
  }
}

bool is_inline_level(Display d) {
  switch (d) {
    case Display::Inline:
    case Display::InlineBlock:
    case Display::InlineFlex:
    case Display::InlineGrid:
    case Display::InlineTable:
    case Display::InlineListItem:
    case Display::Ruby:
    case Display::RubyText:
    case Display::WebkitInlineBox:
    case Display::Math: return true;
    default: return false;
  }
}

std::optional<Value> parse_longhand(Property p, std::span<const Token> raw, std::string_view source) {
  std::span<const Token> tokens = trim(raw);
  if (tokens.empty()) return std::nullopt;
  if (Wide w = wide_keyword(tokens); w != Wide::None) {
    Value v;
    v.kind = Value::Kind::Wide;
    v.wide = w;
    return v;
  }
  if (contains_function(tokens, "var") || contains_function(tokens, "env") || contains_function(tokens, "attr")) {
    Value v;
    v.kind = Value::Kind::Pending;
    v.text = std::string(text_of(tokens, source));
    return v;
  }
  switch (p) {
    case Property::Display:
      if (std::optional<Display> d = parse_display(tokens)) return keyword_value(static_cast<std::uint8_t>(*d));
      return std::nullopt;
    case Property::Visibility: return enum_value(tokens, kVisibilityNames);
    case Property::ContentVisibility: return enum_value(tokens, kContentVisibilityNames);
    case Property::Position: return enum_value(tokens, kPositionNames);
    case Property::OverflowX:
    case Property::OverflowY: return enum_value(tokens, kOverflowNames);
    case Property::Float: return enum_value(tokens, kFloatNames);
    case Property::Opacity: return opacity_value(tokens);
    case Property::Color:
    case Property::BackgroundColor:
    case Property::TextFillColor: return color_value(tokens);
    case Property::BackgroundImage: return background_image(tokens, source);
    case Property::BackgroundClip: {
      bool text_clip = false;
      for (auto layer : split_commas(tokens)) {
        auto c = components(layer);
        if (c.size() != 1 || c[0].size() != 1 || c[0][0].type != T::Ident) return std::nullopt;
        const Token& t = c[0][0];
        if (t.is_ident("text")) {
          text_clip = true;
        } else if (!t.is_ident("border-box") && !t.is_ident("padding-box") && !t.is_ident("content-box") &&
                   !t.is_ident("border-area")) {
          return std::nullopt;
        }
      }
      return keyword_value(text_clip ? kw::kTextClip : kw::kOtherClip);
    }
    case Property::FontSize: return font_size_value(tokens, source);
    case Property::FontWeight: return font_weight_value(tokens);
    case Property::FontFamily: return font_family_value(tokens);
    case Property::LineHeight: return line_height_value(tokens, source);
    case Property::LetterSpacing:
    case Property::WordSpacing: return length_or_keyword(tokens, source, true, true, {{"normal", kw::kNormal}});
    case Property::Top:
    case Property::Right:
    case Property::Bottom:
    case Property::Left: return length_or_keyword(tokens, source, true, true, {{"auto", kw::kAuto}});
    case Property::Width:
    case Property::Height:
      return length_or_keyword(tokens, source, true, false, {{"auto", kw::kAuto}}, true);
    case Property::MaxWidth:
    case Property::MaxHeight:
      return length_or_keyword(tokens, source, true, false, {{"none", kw::kNone}}, true);
    case Property::TextIndent: {
      auto c = components(tokens);
      std::vector<Token> kept;
      for (auto part : c) {
        if (part.size() == 1 && (part[0].is_ident("hanging") || part[0].is_ident("each-line"))) continue;
        if (!kept.empty()) return std::nullopt;
        kept.assign(part.begin(), part.end());
      }
      if (kept.empty()) return std::nullopt;
      return length_or_keyword(kept, source, true, true, {});
    }
    case Property::TextStrokeWidth: {
      auto c = components(tokens);
      if (c.size() == 1 && c[0].size() == 1 && c[0][0].type == T::Ident) {
        Value v;
        v.kind = Value::Kind::Length;
        if (c[0][0].is_ident("thin")) v.number = 1;
        else if (c[0][0].is_ident("medium")) v.number = 3;
        else if (c[0][0].is_ident("thick")) v.number = 5;
        else return std::nullopt;
        return v;
      }
      return length_or_keyword(tokens, source, false, false, {});
    }
    case Property::Clip: {
      auto c = components(tokens);
      if (c.size() != 1) return std::nullopt;
      if (c[0].size() == 1 && c[0][0].is_ident("auto")) return text_value(tokens, source, true);
      if (!c[0][0].is_function("rect")) return std::nullopt;
      Value v = text_value(tokens, source, false);
      v.number = clip_rect_is_empty(c[0]) ? 1 : 0;
      return v;
    }
    case Property::ClipPath: {
      if (is_none(tokens)) return text_value(tokens, source, true);
      Value v = text_value(tokens, source, false);
      auto c = components(tokens);
      v.number = c.size() == 1 && c[0][0].type == T::Function && clip_path_is_empty(c[0]) ? 1 : 0;
      return v;
    }
    case Property::Transform:
    case Property::Rotate:
    case Property::TextShadow:
    case Property::Filter: return text_value(tokens, source, is_none(tokens));
    case Property::MixBlendMode: {
      auto c = components(tokens);
      if (c.size() != 1 || c[0].size() != 1 || c[0][0].type != T::Ident) return std::nullopt;
      return keyword_value(c[0][0].is_ident("normal") ? kw::kNormal : kw::kOther);
    }
    case Property::Count: break;
  }
  return std::nullopt;
}

// ---- shorthands ----

namespace {

constexpr Property kBackgroundLonghands[] = {Property::BackgroundColor, Property::BackgroundImage,
                                             Property::BackgroundClip};
constexpr Property kFontLonghands[] = {Property::FontSize, Property::FontWeight, Property::LineHeight,
                                       Property::FontFamily};
constexpr Property kOverflowLonghands[] = {Property::OverflowX, Property::OverflowY};
constexpr Property kInsetLonghands[] = {Property::Top, Property::Right, Property::Bottom, Property::Left};
constexpr Property kTextStrokeLonghands[] = {Property::TextStrokeWidth};
constexpr auto kAllLonghands = [] {
  std::array<Property, kPropertyCount> a{};
  for (std::size_t i = 0; i < kPropertyCount; ++i) a[i] = static_cast<Property>(i);
  return a;
}();

Value wide_value(Wide w) {
  Value v;
  v.kind = Value::Kind::Wide;
  v.wide = w;
  return v;
}

bool is_box(const Token& t) {
  return t.is_ident("border-box") || t.is_ident("padding-box") || t.is_ident("content-box") || t.is_ident("text") ||
         t.is_ident("border-area");
}

bool background(std::span<const Token> tokens, std::string_view source, std::vector<std::pair<Property, Value>>& out) {
  auto layers = split_commas(tokens);
  bool any_image = false;
  bool text_clip = false;
  Value color;
  color.kind = Value::Kind::Color;
  color.color = Rgba{0, 0, 0, 0};
  for (std::size_t li = 0; li < layers.size(); ++li) {
    bool last = li + 1 == layers.size();
    int boxes = 0;
    bool has_color = false, has_image = false;
    auto c = components(layers[li]);
    if (c.empty()) return false;
    for (auto part : c) {
      const Token& t = part[0];
      if (part.size() == 1) {
        if (t.is_delim('/')) continue;
        if (t.type == T::Ident) {
          if (t.is_ident("none")) {
            if (has_image) return false;
            has_image = true;
            continue;
          }
          static constexpr std::string_view kWords[] = {"left", "right", "top", "bottom", "center", "auto", "cover",
                                                        "contain", "repeat", "repeat-x", "repeat-y", "no-repeat",
                                                        "space", "round", "scroll", "fixed", "local"};
          if (std::any_of(std::begin(kWords), std::end(kWords), [&](std::string_view w) { return t.is_ident(w); })) {
            continue;
          }
          if (is_box(t)) {
            ++boxes;
            if (t.is_ident("text") || boxes == 2) text_clip = text_clip || t.is_ident("text");
            continue;
          }
        }
        if (t.type == T::Number || t.type == T::Percentage || t.type == T::Dimension) continue;
      }
      if (is_image_function(t)) {
        if (has_image) return false;
        has_image = any_image = true;
        continue;
      }
      if (is_math_function(t)) continue;  // a position or size
      std::optional<Value> col = color_value(part);
      if (!col || !last || has_color) return false;
      has_color = true;
      color = *col;
    }
  }
  out.emplace_back(Property::BackgroundColor, color);
  if (any_image) {
    Value img;
    img.kind = Value::Kind::Image;
    img.text = std::string(text_of(tokens, source));
    out.emplace_back(Property::BackgroundImage, img);
  } else {
    out.emplace_back(Property::BackgroundImage, keyword_value(kw::kNone));
  }
  out.emplace_back(Property::BackgroundClip, keyword_value(text_clip ? kw::kTextClip : kw::kOtherClip));
  return true;
}

bool font(std::span<const Token> tokens, std::string_view source, std::vector<std::pair<Property, Value>>& out) {
  auto c = components(tokens);
  if (c.empty()) return false;
  if (c.size() == 1 && c[0].size() == 1 && c[0][0].type == T::Ident) {
    static constexpr std::string_view kSystem[] = {"caption", "icon", "menu", "message-box", "small-caption",
                                                   "status-bar", "-webkit-small-control", "-webkit-control",
                                                   "-webkit-mini-control"};
    for (std::string_view s : kSystem) {
      if (c[0][0].is_ident(s)) {
        for (Property p : kFontLonghands) out.emplace_back(p, Value{});  // Kind::Unknown
        return true;
      }
    }
    return false;
  }
  std::optional<Value> weight;
  std::size_t i = 0;
  int prefix = 0;
  for (; i < c.size() && prefix < 4; ++i, ++prefix) {
    const Token& t = c[i][0];
    if (c[i].size() != 1) break;
    if (t.type == T::Ident) {
      static constexpr std::string_view kOther[] = {"normal", "italic", "oblique", "small-caps",
                                                    "ultra-condensed", "extra-condensed", "condensed",
                                                    "semi-condensed", "semi-expanded", "expanded",
                                                    "extra-expanded", "ultra-expanded"};
      if (t.is_ident("bold") || t.is_ident("bolder") || t.is_ident("lighter")) {
        if (weight) return false;
        weight = font_weight_value(c[i]);
        continue;
      }
      if (std::any_of(std::begin(kOther), std::end(kOther), [&](std::string_view w) { return t.is_ident(w); })) {
        continue;
      }
      break;  // a size keyword or the family
    }
    if (t.type == T::Number) {
      if (weight) return false;
      weight = font_weight_value(c[i]);
      if (!weight) return false;
      continue;
    }
    if (t.type == T::Dimension && prefix > 0 && c[i - 1].size() == 1 && c[i - 1][0].is_ident("oblique") &&
        angle_degrees(t)) {
      continue;
    }
    break;
  }
  if (i >= c.size()) return false;
  std::optional<Value> size = font_size_value(c[i], source);
  if (!size) return false;
  ++i;
  Value line_height = keyword_value(kw::kNormal);
  if (i < c.size() && c[i].size() == 1 && c[i][0].is_delim('/')) {
    if (i + 1 >= c.size()) return false;
    std::optional<Value> lh = line_height_value(c[i + 1], source);
    if (!lh) return false;
    line_height = *lh;
    i += 2;
  }
  if (i >= c.size()) return false;  // the family is required
  std::span<const Token> family(c[i].data(), static_cast<std::size_t>(tokens.data() + tokens.size() - c[i].data()));
  std::optional<Value> fam = font_family_value(family);
  if (!fam) return false;
  Value w;
  w.kind = Value::Kind::Number;
  w.number = 400;
  out.emplace_back(Property::FontSize, *size);
  out.emplace_back(Property::FontWeight, weight.value_or(w));
  out.emplace_back(Property::LineHeight, line_height);
  out.emplace_back(Property::FontFamily, *fam);
  return true;
}

}  // namespace

std::optional<Shorthand> shorthand_by_name(std::string_view name) {
  if (text::iequals(name, "background")) return Shorthand::Background;
  if (text::iequals(name, "font")) return Shorthand::Font;
  if (text::iequals(name, "overflow")) return Shorthand::Overflow;
  if (text::iequals(name, "inset")) return Shorthand::Inset;
  if (text::iequals(name, "-webkit-text-stroke")) return Shorthand::TextStroke;
  if (text::iequals(name, "all")) return Shorthand::All;
  return std::nullopt;
}

std::span<const Property> shorthand_longhands(Shorthand s) {
  switch (s) {
    case Shorthand::Background: return kBackgroundLonghands;
    case Shorthand::Font: return kFontLonghands;
    case Shorthand::Overflow: return kOverflowLonghands;
    case Shorthand::Inset: return kInsetLonghands;
    case Shorthand::TextStroke: return kTextStrokeLonghands;
    case Shorthand::All: return kAllLonghands;
  }
  return {};
}

bool expand_shorthand(Shorthand s, std::span<const Token> raw, std::string_view source,
                      std::vector<std::pair<Property, Value>>& out) {
  std::span<const Token> tokens = trim(raw);
  if (tokens.empty()) return false;
  if (Wide w = wide_keyword(tokens); w != Wide::None) {
    for (Property p : shorthand_longhands(s)) out.emplace_back(p, wide_value(w));
    return true;
  }
  if (s == Shorthand::All) return false;  // only the CSS-wide keywords
  if (contains_function(tokens, "var") || contains_function(tokens, "env") || contains_function(tokens, "attr")) {
    Value v;
    v.kind = Value::Kind::PendingShorthand;
    v.keyword = static_cast<std::uint8_t>(s);
    v.text = std::string(text_of(tokens, source));
    for (Property p : shorthand_longhands(s)) out.emplace_back(p, v);
    return true;
  }
  switch (s) {
    case Shorthand::Background: return background(tokens, source, out);
    case Shorthand::Font: return font(tokens, source, out);
    case Shorthand::Overflow: {
      auto c = components(tokens);
      if (c.empty() || c.size() > 2) return false;
      std::optional<Value> x = enum_value(c[0], kOverflowNames);
      std::optional<Value> y = c.size() == 2 ? enum_value(c[1], kOverflowNames) : x;
      if (!x || !y) return false;
      out.emplace_back(Property::OverflowX, *x);
      out.emplace_back(Property::OverflowY, *y);
      return true;
    }
    case Shorthand::Inset: {
      auto c = components(tokens);
      if (c.empty() || c.size() > 4) return false;
      std::vector<Value> v;
      for (auto part : c) {
        std::optional<Value> one = length_or_keyword(part, source, true, true, {{"auto", kw::kAuto}});
        if (!one) return false;
        v.push_back(*one);
      }
      Value top = v[0], right = v.size() > 1 ? v[1] : top, bottom = v.size() > 2 ? v[2] : top;
      Value left = v.size() > 3 ? v[3] : right;
      out.emplace_back(Property::Top, top);
      out.emplace_back(Property::Right, right);
      out.emplace_back(Property::Bottom, bottom);
      out.emplace_back(Property::Left, left);
      return true;
    }
    case Shorthand::TextStroke: {
      Value width;
      width.kind = Value::Kind::Length;
      width.number = 0;  // only a colour given: no stroke
      for (auto part : components(tokens)) {
        if (color_value(part)) continue;
        std::optional<Value> w = parse_longhand(Property::TextStrokeWidth, part, source);
        if (!w) return false;
        width = *w;
      }
      out.emplace_back(Property::TextStrokeWidth, width);
      return true;
    }
    case Shorthand::All: break;
  }
  return false;
}

// ---- lengths ----

std::optional<double> resolve_length(double number, Unit unit, const LengthContext& ctx) {
  switch (unit) {
    case Unit::Px: return number;
    case Unit::Em: return number * ctx.font_size;
    case Unit::Rem: return number * ctx.root_font_size;
    case Unit::Ex: return std::nullopt;  // depends on the font's x-height
    case Unit::Ch: return std::nullopt;
    case Unit::Vw: return number * ctx.viewport_width / 100;
    case Unit::Vh: return number * ctx.viewport_height / 100;
    case Unit::Vmin: return number * std::min(ctx.viewport_width, ctx.viewport_height) / 100;
    case Unit::Vmax: return number * std::max(ctx.viewport_width, ctx.viewport_height) / 100;
    case Unit::Percent:
      if (!ctx.percent_base) return std::nullopt;
      return number * *ctx.percent_base / 100;
    case Unit::Lh:
    case Unit::Rlh: return std::nullopt;
  }
  return std::nullopt;
}

namespace {

// calc() evaluation: recursive descent with a fixed depth limit (deeper nesting is
// "cannot compute", never a deep stack).
class CalcEvaluator {
 public:
  CalcEvaluator(std::span<const Token> t, const LengthContext& ctx) : t_(t), ctx_(ctx) {}

  struct Num {
    double v;
    bool length;  // false: a plain number
  };

  std::optional<Num> expression(int depth) {
    if (depth > 16) return std::nullopt;
    std::optional<Num> left = term(depth);
    while (left) {
      skip_ws();
      if (i_ >= t_.size() || t_[i_].type == T::Comma || t_[i_].type == T::RightParen) return left;
      bool plus = t_[i_].is_delim('+');
      if (!plus && !t_[i_].is_delim('-')) return std::nullopt;
      ++i_;
      std::optional<Num> right = term(depth);
      if (!right || right->length != left->length) return std::nullopt;
      left->v += plus ? right->v : -right->v;
    }
    return left;
  }

  bool at_end() {
    skip_ws();
    return i_ >= t_.size();
  }

 private:
  void skip_ws() {
    while (i_ < t_.size() && t_[i_].type == T::Whitespace) ++i_;
  }

  std::optional<Num> term(int depth) {
    std::optional<Num> left = factor(depth);
    while (left) {
      skip_ws();
      if (i_ >= t_.size()) return left;
      bool times = t_[i_].is_delim('*');
      if (!times && !t_[i_].is_delim('/')) return left;
      ++i_;
      std::optional<Num> right = factor(depth);
      if (!right) return std::nullopt;
      if (times) {
        if (left->length && right->length) return std::nullopt;
        left = Num{left->v * right->v, left->length || right->length};
      } else {
        if (right->length || right->v == 0) return std::nullopt;
        left->v /= right->v;
      }
    }
    return left;
  }

  // The arguments of a function ending at its closing parenthesis, comma-separated.
  std::optional<std::vector<Num>> args(int depth) {
    std::vector<Num> out;
    while (true) {
      std::optional<Num> n = expression(depth + 1);
      if (!n) return std::nullopt;
      out.push_back(*n);
      skip_ws();
      if (i_ < t_.size() && t_[i_].type == T::Comma) {
        ++i_;
        continue;
      }
      if (i_ < t_.size() && t_[i_].type == T::RightParen) ++i_;
      return out;
    }
  }

  std::optional<Num> factor(int depth) {
    skip_ws();
    if (i_ >= t_.size()) return std::nullopt;
    const Token& t = t_[i_++];
    switch (t.type) {
      case T::Number: return Num{t.number, false};
      case T::Percentage: {
        std::optional<double> px = resolve_length(t.number, Unit::Percent, ctx_);
        if (!px) return std::nullopt;
        return Num{*px, true};
      }
      case T::Dimension: {
        std::optional<Value> len = length_token(t, false, true);
        if (!len || len->kind != Value::Kind::Length) return std::nullopt;
        std::optional<double> px = resolve_length(len->number, len->unit, ctx_);
        if (!px) return std::nullopt;
        return Num{*px, true};
      }
      case T::LeftParen: {
        std::optional<Num> inner = expression(depth + 1);
        skip_ws();
        if (i_ < t_.size() && t_[i_].type == T::RightParen) ++i_;
        return inner;
      }
      case T::Function: {
        std::string name = text::ascii_lower(t.value);
        if (name == "calc" || name == "-webkit-calc") {
          std::optional<Num> inner = expression(depth + 1);
          skip_ws();
          if (i_ < t_.size() && t_[i_].type == T::RightParen) ++i_;
          return inner;
        }
        if (name == "min" || name == "max" || name == "clamp") {
          std::optional<std::vector<Num>> a = args(depth);
          if (!a || a->empty()) return std::nullopt;
          for (const Num& n : *a) {
            if (n.length != a->front().length) return std::nullopt;
          }
          if (name == "clamp") {
            if (a->size() != 3) return std::nullopt;
            return Num{std::max((*a)[0].v, std::min((*a)[1].v, (*a)[2].v)), a->front().length};
          }
          double v = a->front().v;
          for (const Num& n : *a) v = name == "min" ? std::min(v, n.v) : std::max(v, n.v);
          return Num{v, a->front().length};
        }
        return std::nullopt;
      }
      default: return std::nullopt;
    }
  }

  std::span<const Token> t_;
  const LengthContext& ctx_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<double> evaluate_calc(std::string_view css, const LengthContext& ctx) {
  std::deque<std::string> arena;
  std::vector<Token> tokens = tokenize_all(css, arena);
  CalcEvaluator e(tokens, ctx);
  std::optional<CalcEvaluator::Num> n = e.expression(0);
  if (!n || !e.at_end() || !std::isfinite(n->v)) return std::nullopt;
  if (!n->length && n->v != 0) return std::nullopt;
  return n->v;
}

std::optional<double> parse_length(std::string_view css, const LengthContext& ctx) {
  std::deque<std::string> arena;
  std::vector<Token> tokens = tokenize_all(css, arena);
  auto c = components(tokens);
  if (c.size() != 1) return std::nullopt;
  if (is_math_function(c[0][0])) return evaluate_calc(text_of(c[0], css), ctx);
  if (c[0].size() != 1) return std::nullopt;
  std::optional<Value> v = length_token(c[0][0], true, true);
  if (!v || v->kind != Value::Kind::Length) return std::nullopt;
  return resolve_length(v->number, v->unit, ctx);
}

std::optional<double> angle_degrees(const Token& t) {
  if (t.type == T::Number && t.number == 0) return 0.0;
  if (t.type != T::Dimension) return std::nullopt;
  if (text::iequals(t.unit, "deg")) return t.number;
  if (text::iequals(t.unit, "rad")) return t.number * 180 / M_PI;
  if (text::iequals(t.unit, "grad")) return t.number * 0.9;
  if (text::iequals(t.unit, "turn")) return t.number * 360;
  return std::nullopt;
}

std::optional<double> rotation_degrees(Property p, std::string_view css, bool& rotates) {
  std::deque<std::string> arena;
  std::vector<Token> tokens = tokenize_all(css, arena);
  auto c = components(tokens);
  if (c.empty() || (c.size() == 1 && c[0].size() == 1 &&
                    (c[0][0].is_ident("none") || c[0][0].is_ident("initial") || c[0][0].is_ident("unset")))) {
    return 0.0;
  }
  auto number = [](std::span<const Token> t) -> std::optional<double> {
    if (t.size() != 1 || t[0].type != T::Number) return std::nullopt;
    return t[0].number;
  };
  if (p == Property::Rotate) {
    rotates = true;
    if (c.size() == 1 && c[0].size() == 1) return angle_degrees(c[0][0]);
    if (c.size() == 2 && c[0].size() == 1 && c[1].size() == 1) {
      if (c[0][0].is_ident("z")) return angle_degrees(c[1][0]);
      if (c[0][0].is_ident("x") || c[0][0].is_ident("y")) return 0.0;
      if (c[1][0].is_ident("z")) return angle_degrees(c[0][0]);
      return std::nullopt;
    }
    if (c.size() == 4 && number(c[0]) == 0.0 && number(c[1]) == 0.0) {
      std::optional<double> z = number(c[2]);
      std::optional<double> a = c[3].size() == 1 ? angle_degrees(c[3][0]) : std::nullopt;
      if (!z || !a || *z == 0) return std::nullopt;
      return *z > 0 ? *a : -*a;
    }
    return std::nullopt;
  }
  double total = 0;
  for (auto fn : c) {
    if (fn[0].type != T::Function) return std::nullopt;
    std::string name = text::ascii_lower(fn[0].value);
    std::vector<std::span<const Token>> args;
    for (auto a : split_commas(arguments(fn))) args.push_back(trim(a));
    if (name == "rotate" || name == "rotatez") {
      rotates = true;
      if (args.size() != 1 || args[0].size() != 1) return std::nullopt;
      std::optional<double> a = angle_degrees(args[0][0]);
      if (!a) return std::nullopt;
      total += *a;
    } else if (name == "rotate3d") {
      rotates = true;
      if (args.size() != 4 || args[3].size() != 1) return std::nullopt;
      std::optional<double> x = number(args[0]), y = number(args[1]), z = number(args[2]);
      std::optional<double> a = angle_degrees(args[3][0]);
      if (!x || !y || !z || !a || *x != 0 || *y != 0 || *z == 0) return std::nullopt;
      total += *z > 0 ? *a : -*a;
    } else if (name == "matrix" || name == "matrix3d") {
      rotates = true;
      if ((name == "matrix" && args.size() != 6) || (name == "matrix3d" && args.size() != 16)) return std::nullopt;
      std::optional<double> a = number(args[0]), b = number(args[1]);
      if (!a || !b) return std::nullopt;
      total += std::atan2(*b, *a) * 180 / M_PI;
    } else if (name == "rotatex" || name == "rotatey" || name == "skew" || name == "skewx" || name == "skewy" ||
               name == "perspective" || name.starts_with("translate") || name.starts_with("scale")) {
      // Not a turn in the screen's plane.
    } else {
      return std::nullopt;
    }
  }
  return total;
}

}  // namespace granska::style
