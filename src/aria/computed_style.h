// Computed CSS values per element from the page's own styles: style attributes and
// <style> elements (the same sources, selector handling and media environment as the
// display/visibility cascade in style.h). For rules about colour contrast, text spacing and
// orientation.
//
// Every value is std::optional: nullopt means "granska cannot tell" — a var()/calc()/env()
// value, an unknown keyword or colour, a selector granska could not evaluate that might win,
// a user-agent default that depends on the platform (form controls), or, when the page
// links external style sheets, anything not declared in the element's own style attribute.
// Rules turn nullopt into cantTell, never into a guess.
//
// Lengths are CSS px at the fixed environment of css.h (1280×800, 16px medium font size).
// One ComputedStyles belongs to one Document, which must outlive it. Computing is eager
// (all elements, in tree order) and the object is immutable afterwards: thread-safe to read.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "html/dom.h"

namespace granska::aria {

// sRGB colour: channels 0..255, alpha 0..1.
struct Rgba {
  double r = 0, g = 0, b = 0, a = 1;
  bool operator==(const Rgba&) const = default;
};

// Parses a CSS colour (hex, rgb()/rgba(), hsl()/hsla(), the named colours, transparent).
// nullopt for currentcolor, system colours, var() and anything else.
std::optional<Rgba> parse_color(std::string_view value);

// `top` painted over `bottom` (source-over).
Rgba composite(const Rgba& top, const Rgba& bottom);

// WCAG 2 relative luminance and contrast ratio of two opaque colours.
double relative_luminance(const Rgba& c);
double contrast_ratio(const Rgba& a, const Rgba& b);

// line-height: "normal", a unitless factor (inherited as a factor), or a length in px.
struct LineHeight {
  enum class Kind : std::uint8_t { Normal, Factor, Px } kind = Kind::Normal;
  double value = 0;
};

// Properties whose cascaded (declared, winning) value callers can ask for.
enum class Prop : std::uint8_t {
  Color,
  BackgroundColor,
  BackgroundImage,
  Opacity,
  FontSize,
  FontWeight,
  LineHeight,
  LetterSpacing,
  WordSpacing,
  Transform,
  Rotate,
  Position,
  Top,
  Left,
  Right,
  Bottom,
  Width,
  Height,
  MaxWidth,
  MaxHeight,
  TextIndent,
  Overflow,
  Clip,
  ClipPath,
  TextShadow,
  Filter,
  MixBlendMode,
  BackgroundClip,
  TextFillColor,  // -webkit-text-fill-color
  TextStroke,     // -webkit-text-stroke
  Count
};

// The declaration that won the cascade for one property on one element.
struct Cascaded {
  std::string_view value;  // trimmed, without !important; "" when nothing was declared
  bool declared = false;
  bool important = false;
  bool from_style_attribute = false;
  // A rule granska could not evaluate, or an external style sheet, may win instead.
  bool uncertain = false;
};

// Where an element's box is, as far as its and its ancestors' position properties say.
enum class Placement : std::uint8_t {
  InFlow,      // no positioning that moves it
  Positioned,  // absolute/fixed (or shifted relative/sticky) in the chain: it may overlap
               // other content or sit on a background that is not its ancestors'
  OffScreen,   // moved far off the page or clipped to nothing ("visually hidden")
  Unknown,     // a position granska could not evaluate may apply
};
inline constexpr double kOffScreen = 500;  // px beyond the top/left edge counts as off-screen
struct ComputedStyle {
  std::optional<Rgba> color;             // inherited
  std::optional<Rgba> background_color;  // this element's own layer (often transparent)
  // background-image is set (url(), gradient): the background is not one colour. nullopt
  // when that is uncertain.
  std::optional<bool> background_image;
  std::optional<double> opacity;  // this element's own, 0..1
  std::optional<double> font_size;  // px
  std::optional<int> font_weight;   // 1..1000
  std::optional<LineHeight> line_height;
  std::optional<double> letter_spacing;  // px, normal = 0
  std::optional<double> word_spacing;    // px, normal = 0
  std::optional<bool> has_text_shadow;   // inherited
  Placement placement = Placement::InFlow;  // this element and its ancestors together
};

class ComputedStyles {
 public:
  explicit ComputedStyles(const html::Document& doc);
  ~ComputedStyles();
  ComputedStyles(const ComputedStyles&) = delete;
  ComputedStyles& operator=(const ComputedStyles&) = delete;

  // Computed values of an element of the document given to the constructor.
  const ComputedStyle& of(const html::Node& element) const;
  // The winning declaration for `p` on `element` (not inherited). Views stay valid while
  // this object and the document live.
  const Cascaded& cascaded(const html::Node& element, Prop p) const;
  // The page has CSS granska does not read: linked style sheets (<link rel=stylesheet>,
  // @import) or cascade features it does not model (@layer, @container, @scope).
  bool has_external_style_sheets() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The element's Placement (same as of(element).placement).
Placement placement(const ComputedStyles& styles, const html::Node& element);

// A length in px for an element whose font size is `font_size` (em, rem = 16px, ex/ch
// unknown, vw/vh at the fixed viewport, pt/pc/in/cm/mm/q). Percentages are nullopt: their
// base differs per property.
std::optional<double> parse_length(std::string_view value, double font_size);

}  // namespace granska::aria
