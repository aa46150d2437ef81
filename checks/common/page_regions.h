// Repeated and non-repeated content of a page, for the 2.4.1 "bypass blocks" rules (ACT
// cf77f2 and its parts 047fe0, b40fd1, ye5d6e) and the landmark rules.
//
// Repeated content can only be told for sure by comparing pages; from one page granska
// takes what pages repeat in practice and ARIA names as such:
//   - banner, navigation, search, complementary and contentinfo landmarks (header, nav,
//     search, aside and footer scoped to the page, or their roles);
//   - lists of links outside the main landmark (<ul>/<ol>/<menu> whose perceivable text is
//     all in its links: menus, chapter lists);
// and never the main landmark's content, which is the page's own by definition.
// "Non-repeated content after repeated content" (ACT glossary) is then perceivable content
// that is in none of those blocks and comes after the first perceivable content that is.
//
// Perceivable content: text that is rendered, and images, media, frames and form controls
// that are rendered (images marked decorative are left out). Rendered means not hidden for
// sure (aria::Semantics::hidden() != Yes); text that only unevaluated CSS might hide counts.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/rule.h"

namespace granska::checks {

struct ContentItem {
  const html::Node* node;     // a text node or an element
  const html::Node* element;  // the element itself, or the text node's parent
  std::uint32_t order;        // position in tree order among all nodes
  bool repeated;
};

class PageRegions {
 public:
  // Walks the page once (iteratively: any depth).
  explicit PageRegions(engine::Context& ctx);

  const std::vector<ContentItem>& items() const { return items_; }
  // Index into items() of the first repeated item; -1 when the page has none.
  int first_repeated() const { return first_repeated_; }
  // Index of the first non-repeated item after repeated content; -1 when there is none
  // (no repeated content, or nothing of the page's own after it: nothing to bypass).
  int first_main() const { return first_main_; }
  bool needs_bypass() const { return first_main_ >= 0; }

  // Whether the element is inside (or is) a repeated block.
  bool repeated(const html::Node& element) const { return repeated_[element.element_index()] != 0; }
  // The element's position in tree order among all nodes (its start).
  std::uint32_t order(const html::Node& element) const { return order_[element.element_index()]; }
  // One past the order of the element's last descendant node.
  std::uint32_t end_order(const html::Node& element) const { return end_[element.element_index()]; }
  // Index of the first item at or after tree position `order`; items().size() when none.
  std::size_t first_item_from(std::uint32_t order) const;
  // True when item `i` is non-repeated content after repeated content.
  bool is_main_item(std::size_t i) const {
    return first_repeated_ >= 0 && static_cast<int>(i) > first_repeated_ && !items_[i].repeated;
  }

 private:
  std::vector<ContentItem> items_;
  std::vector<std::uint8_t> repeated_;
  std::vector<std::uint32_t> order_, end_;
  int first_repeated_ = -1;
  int first_main_ = -1;
};

// The page's regions, walked once per page (aria::Semantics::page_fact) and shared by the
// rules that ask.
const PageRegions& page_regions(engine::Context& ctx);

// Landmark roles whose content pages repeat (banner, navigation, search, complementary,
// contentinfo).
bool is_repeated_landmark(std::string_view role);

}  // namespace granska::checks
