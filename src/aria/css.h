// A small, forgiving CSS reader: declaration lists (style attributes, rule bodies),
// style sheets (the text of <style> elements) and media queries. Enough to answer "is this
// element display:none / visibility:hidden?" and for rules that inspect inline styles; it
// is not a CSS engine (no values are computed beyond the keywords callers compare).
//
// Robust on garbage: comments, strings, escapes, unbalanced braces and unknown at-rules
// never make it fail; whatever cannot be read is skipped, as browsers do.
// Media queries are evaluated for one fixed environment (kViewport*): a 1280×800 desktop
// screen, landscape, light scheme, fine pointer with hover, no reduced motion.
// Thread-safe (no shared state).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace granska::aria::css {

inline constexpr double kViewportWidth = 1280;
inline constexpr double kViewportHeight = 800;

struct Declaration {
  std::string_view property;  // as written; compare with text::iequals
  std::string_view value;     // trimmed, without "!important"
  bool important = false;
};

// `text` without /* comments */ (strings are respected). Returns a view of `text` itself
// when it has no comment, else a view of `storage`, which it fills.
std::string_view strip_comments(std::string_view text, std::string& storage);

// Appends the declarations of a declaration list (a style attribute's value or the body of
// a rule) to `out`, in order. Views point into `text`; strip comments first. Nested blocks
// ("{...}") are skipped.
void parse_declarations(std::string_view text, std::vector<Declaration>& out);

// The last declaration of `property` that wins within one list (a later declaration beats
// an earlier one unless only the earlier one is !important), or nullptr.
const Declaration* winning_declaration(const std::vector<Declaration>& list,
                                       std::string_view property);

struct Rule {
  std::string_view selector;  // the selector list as written, trimmed
  std::vector<Declaration> declarations;
  // A rule nested inside another style rule (CSS Nesting). Its selector is relative to
  // the parent's and is not evaluated by granska; callers treat it as unknown.
  bool nested = false;
};

class StyleSheet {
 public:
  // Parses a style sheet. Rules inside @media blocks that do not match the fixed
  // environment are dropped; @supports and @layer contents are kept (assumed to apply);
  // @font-face, @keyframes, @page, @container and other at-rules are skipped.
  static StyleSheet parse(std::string_view css);

  StyleSheet(StyleSheet&&) noexcept = default;
  StyleSheet& operator=(StyleSheet&&) noexcept = default;

  // Style rules in source order. Views point into this object: do not use them after it
  // is destroyed (moving keeps them valid).
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  StyleSheet() = default;
  // The comment-free text the rules point into; on the heap so moves keep views valid.
  std::unique_ptr<std::string> text_;
  std::vector<Rule> rules_;
};

// Whether a media query list (the prelude of @media, or a media= attribute) matches the
// fixed environment. Empty matches; queries with features granska does not know do not.
bool media_matches(std::string_view query_list);

}  // namespace granska::aria::css
