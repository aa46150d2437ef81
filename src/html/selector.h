// CSS selectors over granska's DOM: the matcher the style cascade and `inspect` use, and
// the generator of the unique selector path that reports show for every finding.
//
// Syntax (Selectors Level 4 as browsers ship it): type, *, #id, .class, attribute
// selectors with every operator and the i/s flags, the combinators (descendant, >, +, ~),
// selector lists, :is()/:where()/:matches()/:-webkit-any(), :not(list), :has(relative
// list), :nth-child(An+B [of S]) and the other structural pseudo-classes, :root, :empty,
// :scope, :lang(), :dir(), the link, form and element-state pseudo-classes, and
// pseudo-elements (a selector ending in one matches no element: it styles another box).
// An unknown pseudo-class or pseudo-element, or broken syntax, is a parse error, as in a
// browser (which then drops the whole rule).
//
// Matching answers Yes, No or Maybe. The page is judged as loaded, without interaction:
// :hover, :focus, :active, :target, :visited (unless MatchContext::visited_links) never
// match. Maybe stands for state granska cannot know (:valid, :invalid, :in-range,
// :defined on a custom element, :dir(auto), :has() beyond its work budget).
//
// Cost: a MatchContext caches sibling positions and the answers of descendant and
// sibling combinator searches per selector, so matching one selector against every
// element is linear in the size of the tree (no recursion grows with the tree's depth; a
// search that would exceed the context's memory budget answers Maybe instead of
// going quadratic).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "util/result.h"

namespace granska::html {

enum class Match : std::uint8_t { No, Yes, Maybe };

// Bits of the ids, classes and types of an element's ancestors (a Bloom filter), or those
// some ancestor must have for a selector to match: a quick necessary condition.
struct AncestorBits {
  std::uint64_t lo = 0, hi = 0;
  bool covers(const AncestorBits& need) const { return (lo & need.lo) == need.lo && (hi & need.hi) == need.hi; }
};

// Per-document caches for matching. One context per document and thread (not
// thread-safe); the document must outlive it.
class MatchContext {
 public:
  explicit MatchContext(const Document& doc);
  ~MatchContext();
  MatchContext(const MatchContext&) = delete;
  MatchContext& operator=(const MatchContext&) = delete;

  const Document& document() const;
  // :visited matches links (and :link does not) when true; a second cascade uses it to
  // know a link's colour once visited.
  void set_visited_links(bool visited);
  bool visited_links() const;
  // The bits of `element`'s ancestors; nullptr in quirks mode, where ids and classes match
  // without regard to case and the filter does not apply.
  const AncestorBits* ancestor_bits(const Node& element);

  struct Impl;

 private:
  friend class Selector;
  std::unique_ptr<Impl> impl_;
};

class Selector {
 public:
  static Result<Selector> parse(std::string_view text);

  // Yes (not Maybe) for `element` / every such element in tree order.
  bool matches(const Node& element) const;
  std::vector<const Node*> select_all(const Document& doc) const;

  struct Specificity {
    int a = 0, b = 0, c = 0;
    auto operator<=>(const Specificity&) const = default;
  };
  // Specificity of the most specific complex selector in the list that matches `element`;
  // {0,0,0} when none does.
  Specificity specificity_for(const Node& element) const;

  // ---- the complex selectors of the list, one by one (the cascade files each alone) ----
  std::size_t size() const;
  Specificity specificity(std::size_t i) const;
  Match match(std::size_t i, const Node& element, MatchContext& ctx) const;
  // The whole list: Yes if any complex selector says Yes, else Maybe if any says Maybe.
  Match match(const Node& element, MatchContext& ctx) const;
  // The complex selector ends in a pseudo-element (::before ...): it matches no element.
  bool has_pseudo_element(std::size_t i) const;
  // :link, :visited or :any-link appear: the answer changes with set_visited_links().
  bool depends_on_link_state(std::size_t i) const;
  // What an element must have to match, from the rightmost compound: an id, else a class,
  // else a type, else an attribute (:link and friends need href); kind Any when anything
  // may match. For filing selectors in buckets.
  struct Key {
    enum class Kind : std::uint8_t { Any, Id, Class, Tag, Attr } kind = Kind::Any;
    std::string_view name;  // lowercase for Tag and Attr
  };
  Key key(std::size_t i) const;
  // What some ancestor must have (all zero when nothing): if an element's
  // MatchContext::ancestor_bits() do not cover these, match() is certainly No.
  AncestorBits ancestor_bits(std::size_t i) const;

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
