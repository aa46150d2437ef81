// The one cascade: computed CSS values per element, from the browser's default style sheet,
// the page's presentational attributes, its style sheets (<style>, <link rel=stylesheet>,
// @import, as style/loader.h collects them) and style attributes, for one Environment.
//
// Cascade (CSS Cascade 5): origin and importance (user-agent, author, !important reversing
// them), style attributes over rules, @layer order (reversed for !important), specificity,
// order of appearance; inheritance, initial, inherit, unset, revert and revert-layer;
// custom properties with var() and fallbacks (cycles and runaway substitutions are
// invalid or unknown, never a crash); currentColor; display blockified as browsers do.
//
// Every value granska cannot know is std::nullopt, never a guess: a rule whose selector
// or condition granska cannot evaluate (:has() over budget, :valid, @container) that may
// win, a value it does not compute (ex/ch units, colours outside sRGB, relative colours,
// light-dark(), env() beyond the safe-area insets), and everything when the page's sheets
// could not all be loaded (PageSheets::incomplete). display and visibility keep what they
// may be instead, so that "hidden?" can still be answered where every possibility agrees.
//
// Lengths are CSS px in the Environment's viewport with a 16px default font size.
// One ComputedStyles belongs to one Document and PageSheets, which must outlive it. It is
// computed eagerly in tree order without recursion, and immutable afterwards:
// thread-safe to read.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "style/media.h"
#include "style/sheet.h"
#include "style/values.h"
#include "util/result.h"

namespace granska::style {

enum class Origin : std::uint8_t { UserAgent, Author };

// One style sheet as a page uses it.
struct SheetUse {
  std::shared_ptr<const Sheet> sheet;
  // Media query lists that must all match (the <link>'s media=, each enclosing @import's).
  std::vector<std::string> media;
  bool supported = true;     // every enclosing @import's supports() held
  std::string layer;         // the layer an @import ... layer() put the whole sheet in, full name
  bool layered = false;
  std::string url;           // absolute URL; "" for a <style> element
  std::uint32_t first_line = 1;  // <style>: the page line its text starts on
  const html::Node* owner = nullptr;  // the <style> or <link> element (for provenance)
};

// The author style sheets of one page in cascade order, and what happened loading them.
struct PageSheets {
  std::vector<SheetUse> sheets;
  // Sheets skipped (not found, wrong type, too large, loops ...): for the page's notes.
  std::vector<Error> notes;
  // A sheet a browser would have applied could not be loaded (network error, timeout,
  // granska's limits, or nothing to load it with): styles are then unknown.
  bool incomplete = false;
};

enum class Placement : std::uint8_t {
  InFlow,      // no positioning that moves it
  Positioned,  // absolute/fixed (or relative shifted by more than 1em) in the chain: it may
               // overlap other content or sit on a background that is not its ancestors'
  OffScreen,   // moved far off the page or clipped to nothing ("visually hidden")
  Unknown,     // a position granska could not evaluate may apply
};
inline constexpr double kOffScreen = 500;  // px beyond the top/left edge counts as off-screen

struct LineHeight {
  enum class Kind : std::uint8_t { Normal, Factor, Px } kind = Kind::Normal;
  double value = 0;
};

// "auto" (width, top ...) and "none" (max-width): no constraint.
inline constexpr double kNoLength = 1e300;

struct ComputedStyle {
  // display after blockification. The maybe_* flags: a rule granska could not evaluate
  // may make it none / not none instead.
  Display display = Display::Inline;
  bool maybe_none = false;
  bool maybe_shown = false;
  // visibility (inherited), with the same kind of flags.
  Visibility visibility = Visibility::Visible;
  bool maybe_hidden = false;
  bool maybe_visible = false;
  // content-visibility: hidden (the element's contents are not rendered).
  std::optional<bool> content_hidden = false;

  std::optional<double> opacity = 1.0;           // this element's own, 0..1
  std::optional<Rgba> color;                      // inherited
  std::optional<Rgba> visited_color;              // color once the enclosing link is visited
  std::optional<Rgba> background_color;           // this element's own layer
  std::optional<bool> background_image = false;   // an image or gradient is painted
  std::optional<double> font_size;                // px
  std::optional<int> font_weight;                 // 1..1000
  std::optional<LineHeight> line_height = LineHeight{};
  std::optional<double> letter_spacing = 0.0;     // px
  std::optional<double> word_spacing = 0.0;       // px
  std::optional<double> text_indent = 0.0;        // px
  std::optional<Position> position = Position::Static;
  std::optional<Float> float_value = Float::None;
  // px; kNoLength for auto/none; nullopt when unknown (percentages included)
  std::optional<double> top = kNoLength, right = kNoLength, bottom = kNoLength, left = kNoLength;
  std::optional<double> width = kNoLength, height = kNoLength, max_width = kNoLength, max_height = kNoLength;
  std::optional<Overflow> overflow_x = Overflow::Visible, overflow_y = Overflow::Visible;
  std::optional<bool> clipped_away = false;  // clip: rect() or clip-path showing nothing
  // Paint effects that change what text looks like over its background.
  std::optional<bool> text_shadow = false;   // inherited
  std::optional<bool> filter = false;        // filter or backdrop effect
  std::optional<bool> blend = false;         // mix-blend-mode other than normal
  std::optional<bool> text_clip = false;     // background-clip: text
  std::optional<bool> text_fill = false;     // -webkit-text-fill-color other than currentcolor (inherited)
  std::optional<bool> text_stroke = false;   // -webkit-text-stroke-width > 0 (inherited)
  std::optional<bool> transform = false;     // transform other than none, or rotate
  // Rotation in the screen's plane from transform and rotate, degrees; rotates: declared.
  std::optional<double> rotation = 0.0;
  bool rotates = false;
  Placement placement = Placement::InFlow;  // this element and its ancestors together
  // A rendered page only (render/browser_styles.h): a modal <dialog> is open and this
  // element is not inside it, so HTML makes it inert. Not inherited by the dialog itself.
  bool blocked_by_modal = false;
};

// Where an element's value of a property came from.
struct Provenance {
  const Declaration* declaration = nullptr;  // nullptr: inherited or initial
  Origin origin = Origin::Author;
  bool style_attribute = false;
  bool presentational = false;  // an HTML attribute (bgcolor=, <font color> ...)
  std::string_view url;         // the sheet's URL; "" for <style> and style attributes
  std::uint32_t line = 0;       // line in that sheet, or in the page for <style>/style=""
  bool uncertain = false;       // a rule granska could not evaluate may win instead
};

class ComputedStyles {
 public:
  ComputedStyles(const html::Document& doc, const PageSheets& sheets, const Environment& env = {});
  // A rendered page (render/browser_styles.h): the same cascade, then `adjust` is called for
  // every element in tree order with its parent's final style (nullptr for the root), and
  // may replace what the cascade computed with what a browser computed. Provenance stays
  // the cascade's.
  using Adjust = std::function<void(const html::Node& element, const ComputedStyle* parent, ComputedStyle& style)>;
  ComputedStyles(const html::Document& doc, const PageSheets& sheets, const Environment& env, const Adjust& adjust);
  ~ComputedStyles();
  ComputedStyles(const ComputedStyles&) = delete;
  ComputedStyles& operator=(const ComputedStyles&) = delete;

  const ComputedStyle& of(const html::Node& element) const;
  // The declaration that set `p` on `element`, if one did.
  Provenance provenance(const html::Node& element, Property p) const;
  const Environment& environment() const;
  const PageSheets& sheets() const;
  // The page's sheets have @media rules on (orientation: ...).
  bool has_orientation_queries() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace granska::style
