#include "checks/common/page_regions.h"

#include <algorithm>
#include <utility>

#include "util/text.h"

namespace granska::checks {

bool is_repeated_landmark(std::string_view role) {
  return role == "banner" || role == "navigation" || role == "search" || role == "complementary" ||
         role == "contentinfo";
}

namespace {

bool has_visible_text(std::string_view s) { return !text::trim(s).empty(); }

// Text that is only punctuation and spaces: the separators of a menu ("|", "·", "/").
bool only_separators(std::string_view s) {
  for (unsigned char c : s) {
    if (text::is_html_space(static_cast<char>(c))) continue;
    if (c >= 0x80) return false;  // letters outside ASCII; symbols there are rare in menus
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

// Elements that are perceivable content by themselves (when rendered).
bool is_content_element(engine::Context& ctx, const html::Node& e) {
  if (e.ns() == html::Namespace::Svg) {
    if (e.tag() != "svg") return false;
    const html::Node* p = e.parent_element();
    if (p && p->ns() == html::Namespace::Svg) return false;  // only the outermost svg
    return ctx.aria.role(e) != "none" && !ctx.aria.name(e).text.empty();
  }
  if (e.ns() != html::Namespace::Html) return false;
  std::string_view t = e.tag();
  if (t == "img") {
    auto alt = e.attr("alt");
    return !(alt && alt->empty()) && ctx.aria.role(e) != "none";
  }
  if (t == "input") return aria::Semantics::input_type(e) != "hidden";
  return t == "select" || t == "textarea" || t == "button" || t == "iframe" || t == "video" || t == "audio" ||
         t == "object" || t == "embed" || t == "canvas";
}

}  // namespace

PageRegions::PageRegions(engine::Context& ctx) {
  const auto& elements = ctx.doc.elements();
  const std::size_t n = elements.size();
  repeated_.assign(n, 0);
  order_.assign(n, 0);
  end_.assign(n, 0);

  // Pass 1 (parents first): in a link, in the main landmark.
  std::vector<std::uint8_t> in_link(n, 0), in_main(n, 0);
  for (const html::Node* e : elements) {
    std::uint32_t i = e->element_index();
    const html::Node* p = e->parent_element();
    bool pl = p && in_link[p->element_index()];
    bool pm = p && in_main[p->element_index()];
    in_link[i] = pl || (e->is("a") || (e->ns() == html::Namespace::Svg && e->tag() == "a"));
    in_main[i] = pm || ctx.aria.role(*e) == "main";
  }

  // A list whose perceivable text is all inside its links, with at least two links.
  auto is_link_list = [&](const html::Node& list) {
    int anchors = 0;
    bool href = false;
    for (const html::Node* d : list.descendant_elements()) {
      if (d->is("a")) {
        ++anchors;
        href = href || d->has_attr("href");
      }
    }
    if (anchors < 2 || !href) return false;
    auto text_outside_links = [&](const html::Node& parent) {
      if (in_link[parent.element_index()]) return false;
      for (const html::Node* c : parent.children()) {
        if (c->is_text() && !only_separators(c->data())) return true;
      }
      return false;
    };
    if (text_outside_links(list)) return false;
    for (const html::Node* d : list.descendant_elements()) {
      if (ctx.aria.hidden(*d) == aria::Tristate::Yes) continue;
      if (text_outside_links(*d)) return false;
    }
    return true;
  };

  // Pass 2 (parents first): repeated blocks.
  for (const html::Node* e : elements) {
    std::uint32_t i = e->element_index();
    const html::Node* p = e->parent_element();
    if (p && repeated_[p->element_index()]) {
      repeated_[i] = ctx.aria.role(*e) == "main" ? 0 : 1;
      continue;
    }
    if (ctx.aria.role(*e) == "main") continue;
    std::string_view role = ctx.aria.role(*e);
    if (is_repeated_landmark(role) && ctx.aria.hidden_from_at(*e) != aria::Tristate::Yes) {
      repeated_[i] = 1;
    } else if ((e->is("ul") || e->is("ol") || e->is("menu")) && !in_main[i] && is_link_list(*e)) {
      repeated_[i] = 1;
    }
  }

  // Pass 3: tree order over all nodes (iterative), collecting perceivable content.
  std::uint32_t counter = 0;
  std::vector<std::pair<const html::Node*, std::size_t>> stack;
  stack.emplace_back(&ctx.doc.root(), 0);
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next == 0) {
      std::uint32_t here = counter++;
      if (node->is_element()) {
        order_[node->element_index()] = here;
      } else if (node->is_text() && has_visible_text(node->data())) {
        const html::Node* parent = node->parent_element();
        if (parent && ctx.aria.hidden(*parent) != aria::Tristate::Yes) {
          items_.push_back({node, parent, here, repeated_[parent->element_index()] != 0});
        }
      }
      if (node->is_element() && ctx.aria.hidden(*node) != aria::Tristate::Yes && is_content_element(ctx, *node)) {
        items_.push_back({node, node, here, repeated_[node->element_index()] != 0});
      }
    }
    if (next < node->children().size()) {
      const html::Node* child = node->children()[next++];
      stack.emplace_back(child, 0);
      continue;
    }
    if (node->is_element()) end_[node->element_index()] = counter;
    stack.pop_back();
  }

  for (std::size_t i = 0; i < items_.size(); ++i) {
    if (items_[i].repeated) {
      if (first_repeated_ < 0) first_repeated_ = static_cast<int>(i);
    } else if (first_repeated_ >= 0) {
      first_main_ = static_cast<int>(i);
      break;
    }
  }
}

const PageRegions& page_regions(engine::Context& ctx) {
  return ctx.aria.page_fact<PageRegions>([&] { return PageRegions(ctx); });
}

std::size_t PageRegions::first_item_from(std::uint32_t order) const {
  auto it = std::lower_bound(items_.begin(), items_.end(), order,
                             [](const ContentItem& item, std::uint32_t o) { return item.order < o; });
  return static_cast<std::size_t>(it - items_.begin());
}

}  // namespace granska::checks
