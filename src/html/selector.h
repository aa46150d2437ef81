// CSS selectors over granska's DOM: a matcher for the common syntax, and the generator of
// the unique selector path that reports show for every finding.
//
// Supported: type and *, #id, .class, [attr], [attr=v], [attr~=v], [attr|=v], [attr^=v],
// [attr$=v], [attr*=v] (with the " i" flag), :first-child, :last-child, :only-child,
// :first-of-type, :last-of-type, :nth-child(An+B), :nth-of-type(An+B), :root,
// :not(compound), the descendant, child (>), next-sibling (+) and subsequent-sibling (~)
// combinators, and selector lists. Anything else is a parse error, never silently ignored.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "util/result.h"

namespace granska::html {

class Selector {
 public:
  static Result<Selector> parse(std::string_view text);

  bool matches(const Node& element) const;
  // Every matching element in tree order.
  std::vector<const Node*> select_all(const Document& doc) const;
  // Specificity (ids, classes/attributes/pseudo-classes, types) of the most specific
  // complex selector in the list that matches `element`; {0,0,0} when none does.
  struct Specificity {
    int a = 0, b = 0, c = 0;
    auto operator<=>(const Specificity&) const = default;
  };
  Specificity specificity_for(const Node& element) const;

  struct Complex;  // one complex selector of the list (opaque)
  Selector(Selector&&) noexcept;
  Selector& operator=(Selector&&) noexcept;
  ~Selector();

 private:
  Selector();
  std::vector<Complex> list_;
};

// A selector that, run through Selector::matches over the element's document, matches this
// element and no other: a unique #id where there is one, else a child path of
// tag:nth-of-type(k) steps. The path has at most kMaxSelectorSteps steps: deeper than that
// it starts at the ancestor that many levels up and may match more than this element (the
// finding's line and column still say which), so that a finding on a 200,000-deep page
// does not carry a megabyte-long path.
inline constexpr std::size_t kMaxSelectorSteps = 256;
std::string unique_selector(const Node& element);

// Escapes a string for use as a CSS identifier (as CSS.escape() does).
std::string css_escape_identifier(std::string_view ident);

}  // namespace granska::html
