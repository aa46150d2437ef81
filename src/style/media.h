// The environment a page is styled for, and media queries (Media Queries 4) evaluated
// against it. granska judges a page as a desktop browser shows it by default: a
// 1280×800 screen, landscape, light colour scheme, fine pointer with hover, scripting on,
// no reduced motion or contrast preference. Rules that need another view (the orientation
// rule's portrait screen) compute styles again with another Environment.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace granska::style {

struct Environment {
  double viewport_width = 1280;
  double viewport_height = 800;
  bool print = false;             // media type print instead of screen
  bool scripting = true;          // (scripting: enabled); <noscript> style sheets are skipped
  bool dark = false;              // prefers-color-scheme: dark
  bool reduced_motion = false;    // prefers-reduced-motion: reduce
  bool more_contrast = false;     // prefers-contrast: more
  bool forced_colors = false;     // forced-colors: active
  bool coarse_pointer = false;    // pointer/any-pointer: coarse, hover/any-hover: none
  double resolution = 1;          // device pixels per CSS px
  // The (orientation) feature alone, without changing the viewport's size: the
  // orientation rule asks how the page looks when only the orientation differs.
  std::optional<bool> portrait_override;

  bool portrait() const { return portrait_override.value_or(viewport_height > viewport_width); }
  bool operator==(const Environment&) const = default;
  // A short label for notes and `inspect`: "screen 1280×800".
  std::string describe() const;
};

// Whether a media query list (the prelude of @media, or a media= attribute) matches.
// Empty matches. A query granska cannot parse, or one with an unknown feature, is
// "not all" (as in a browser); such queries make `unknown_feature` true when given.
bool media_matches(std::string_view query_list, const Environment& env, bool* unknown_feature = nullptr);

// Whether the query list mentions the orientation (or aspect-ratio) feature: the
// orientation rule computes styles twice only for pages that have one.
bool mentions_orientation(std::string_view query_list);

}  // namespace granska::style
