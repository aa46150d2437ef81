// CSS values of the properties granska computes: the property table, colours (every CSS
// Color 4/5 syntax granska can compute, and which ones it cannot), lengths, calc(), and
// the parsed form a declaration keeps in a cached style sheet.
//
// Parsing answers three ways, as a browser needs: a value granska understands, a value
// that is valid CSS but that granska does not compute (Value::Kind::Unknown), or invalid
// CSS (nullopt: the declaration is dropped, so an earlier one wins, as in every browser).
// All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "style/tokenizer.h"

namespace granska::style {

// sRGB colour: channels 0..255, alpha 0..1.
struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;
  bool operator==(const Rgba&) const = default;
};

// `top` painted over `bottom` (source-over).
Rgba composite(const Rgba& top, const Rgba& bottom);
// WCAG 2 relative luminance and contrast ratio of two opaque colours.
double relative_luminance(const Rgba& c);
double contrast_ratio(const Rgba& a, const Rgba& b);
// "rgb(0, 0, 238)" / "rgba(0, 0, 0, 0.5)", as getComputedStyle serialises sRGB colours.
std::string to_css(const Rgba& c);

// The longhands granska computes. Shorthands (background, font, overflow, inset,
// -webkit-text-stroke, all) expand into these; other properties are not kept.
enum class Property : std::uint8_t {
  Display,
  Visibility,
  ContentVisibility,
  Opacity,
  Color,
  BackgroundColor,
  BackgroundImage,
  BackgroundClip,
  FontSize,
  FontWeight,
  FontFamily,  // only "is it exactly the generic monospace" matters (its 13px default)
  LineHeight,
  LetterSpacing,
  WordSpacing,
  Position,
  Top,
  Right,
  Bottom,
  Left,
  Width,
  Height,
  MaxWidth,
  MaxHeight,
  OverflowX,
  OverflowY,
  Clip,
  ClipPath,
  TextIndent,
  Transform,
  Rotate,
  TextShadow,
  Filter,
  MixBlendMode,
  TextFillColor,    // -webkit-text-fill-color
  TextStrokeWidth,  // -webkit-text-stroke-width
  Float,
  Count,
  Custom = Count,  // a custom property (--name)
};
inline constexpr std::size_t kPropertyCount = static_cast<std::size_t>(Property::Count);

std::string_view property_name(Property p);  // "background-color"
bool is_inherited(Property p);
// A longhand by (ASCII case-insensitive) name, accepting the aliases browsers accept
// (-webkit-background-clip, ...); nullopt for shorthands, custom and unknown properties.
std::optional<Property> longhand_by_name(std::string_view name);

// CSS-wide keywords.
enum class Wide : std::uint8_t { None, Initial, Inherit, Unset, Revert, RevertLayer };

// Display values, as getComputedStyle names them (display_name()).
enum class Display : std::uint8_t {
  Inline, Block, InlineBlock, Flex, InlineFlex, Grid, InlineGrid, FlowRoot, ListItem,
  InlineListItem, Table, InlineTable, TableRowGroup, TableHeaderGroup, TableFooterGroup,
  TableRow, TableColumnGroup, TableColumn, TableCell, TableCaption, Contents, None, Ruby,
  RubyText, WebkitBox, WebkitInlineBox, Math, BlockMath,
};
std::string_view display_name(Display d);
// The block-level equivalent of a display value (CSS Display §2.7 "blockification").
Display blockified(Display d);
// Outer display type inline (inline, inline-block, inline-flex, ...).
bool is_inline_level(Display d);

enum class Visibility : std::uint8_t { Visible, Hidden, Collapse };
enum class ContentVisibility : std::uint8_t { Visible, Auto, Hidden };
enum class Position : std::uint8_t { Static, Relative, Absolute, Fixed, Sticky };
enum class Overflow : std::uint8_t { Visible, Hidden, Clip, Scroll, Auto };
enum class Float : std::uint8_t { None, Left, Right };
std::string_view visibility_name(Visibility v);

// Length units granska keeps relative until computing; absolute units become px.
enum class Unit : std::uint8_t { Px, Em, Rem, Ex, Ch, Vw, Vh, Vmin, Vmax, Percent, Lh, Rlh };

// The parsed value of one declaration, as a cached style sheet keeps it.
struct Value {
  enum class Kind : std::uint8_t {
    Wide,      // wide
    Keyword,   // keyword: the property's enum value (or a property-specific code, below)
    Number,    // number (opacity 0.5, font-weight 600, line-height 1.5)
    Length,    // number + unit (Percent for percentages)
    Color,     // color
    CurrentColor,
    Calc,      // calc()/min()/max()/clamp() over lengths: text, evaluated when computing
    Image,     // background-image: a url() or a gradient (text keeps which)
    Text,      // a value granska only needs to know is set (transform, filter, clip ...):
               // text; keyword = 1 when it is the property's "nothing" (none, auto ...)
    Pending,   // contains var(): text, parsed after substitution per element
    PendingShorthand,  // a shorthand with var(): text; keyword = the Shorthand
    Unknown,   // valid CSS granska does not compute (a colour in display-p3, fit-content...)
  };
  Kind kind = Kind::Unknown;
  std::uint8_t keyword = 0;
  Unit unit = Unit::Px;
  Wide wide = Wide::None;
  double number = 0;
  Rgba color;
  std::string text;  // see Kind; always the declared text for Pending/Calc/Text/Image

  bool is_wide(Wide w) const { return kind == Kind::Wide && wide == w; }
};

// Keyword codes for properties whose keywords are not one of the enums above.
namespace kw {
inline constexpr std::uint8_t kAuto = 200;     // width, top, ...
inline constexpr std::uint8_t kNone = 201;     // max-width, background-image
inline constexpr std::uint8_t kNormal = 202;   // line-height, letter/word-spacing, mix-blend-mode
inline constexpr std::uint8_t kBolder = 203;   // font-weight
inline constexpr std::uint8_t kLighter = 204;
inline constexpr std::uint8_t kLarger = 205;   // font-size
inline constexpr std::uint8_t kSmaller = 206;
inline constexpr std::uint8_t kFontSizeKeyword = 100;  // + 0..7: xx-small .. xxx-large
inline constexpr std::uint8_t kMonospace = 1;  // font-family: exactly "monospace"
inline constexpr std::uint8_t kOtherFamily = 0;
inline constexpr std::uint8_t kTextClip = 1;   // background-clip includes "text"
inline constexpr std::uint8_t kOtherClip = 0;
inline constexpr std::uint8_t kOther = 250;    // a valid keyword granska does not compute
}  // namespace kw

// Parses the value of a longhand from its tokens (whitespace and comments included, no
// !important). nullopt: invalid. A value with var() becomes Kind::Pending.
std::optional<Value> parse_longhand(Property p, std::span<const Token> tokens, std::string_view source);

// Shorthands granska expands.
enum class Shorthand : std::uint8_t { Background, Font, Overflow, Inset, TextStroke, All };
std::optional<Shorthand> shorthand_by_name(std::string_view name);
// The longhands a shorthand sets, each with its value; false when invalid. A shorthand
// with var() sets each of its longhands to Kind::PendingShorthand.
bool expand_shorthand(Shorthand s, std::span<const Token> tokens, std::string_view source,
                      std::vector<std::pair<Property, Value>>& out);
// The longhands a shorthand covers (for PendingShorthand and `all`).
std::span<const Property> shorthand_longhands(Shorthand s);

// ---- colours ----

// A colour value: sRGB, currentcolor, or valid but not computed by granska.
struct Color {
  enum class Kind : std::uint8_t { Rgba, CurrentColor, Unknown } kind = Kind::Unknown;
  Rgba rgba;
};
// Parses a <color> from tokens (leading/trailing whitespace allowed). nullopt: invalid.
// Computed: hex, rgb()/rgba(), hsl()/hsla(), hwb(), lab(), lch(), oklab(), oklch(),
// color(srgb|srgb-linear|display-p3|xyz ...), color-mix() in rectangular spaces, named
// colours, transparent, and the system colours whose light-scheme value browsers share
// (Canvas, CanvasText, LinkText, VisitedText, ActiveText, Field, FieldText, ButtonFace,
// ButtonText, Mark, MarkText, GrayText). Unknown: relative colours (from ...), light-dark(),
// contrast-color(), other system colours, none components in mixes.
std::optional<Color> parse_color(std::span<const Token> tokens);
// The same from text ("#fff", "rgb(0 0 0 / 50%)").
std::optional<Color> parse_color(std::string_view text);
// HTML's "rules for parsing a legacy colour value" (bgcolor=, <font color=>): nullopt for
// an empty value or "transparent".
std::optional<Rgba> parse_legacy_color(std::string_view value);

// ---- lengths ----

// What relative lengths are resolved against.
struct LengthContext {
  double font_size = 16;       // em
  double root_font_size = 16;  // rem
  double viewport_width = 1280;
  double viewport_height = 800;
  std::optional<double> percent_base;  // nullopt: a percentage is not computed
  double line_height = 0;      // lh (0: unknown)
};
// A length value in px; nullopt when it cannot be computed (a percentage without base).
std::optional<double> resolve_length(double number, Unit unit, const LengthContext& ctx);
// Evaluates calc()/min()/max()/clamp() (and nested parentheses) over numbers, lengths and
// percentages; nullopt for what granska cannot compute (trigonometry, mixed types...).
std::optional<double> evaluate_calc(std::string_view text, const LengthContext& ctx);
// A length from text ("12px", "1.5em", "calc(...)"), for callers outside the cascade.
std::optional<double> parse_length(std::string_view text, const LengthContext& ctx);

// An angle in degrees from one token (deg, rad, grad, turn; unitless 0).
std::optional<double> angle_degrees(const Token& t);
// The rotation about the screen's axis a transform or rotate value gives, in degrees:
// 0 for none or a transform without rotation; nullopt when it cannot be computed.
// `rotates` tells whether a rotation is declared at all.
std::optional<double> rotation_degrees(Property p, std::string_view text, bool& rotates);

}  // namespace granska::style
