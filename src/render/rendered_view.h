// The rendered page as granska's own document model: an html::Document built from the
// browser's DOM after scripts (so every rule runs on it unchanged), plus the way back from
// each element to what the browser computed for it (style values, layout box).
//
// What the Document leaves out: shadow trees (user-agent and author; RenderedPage counts
// the author ones), pseudo-elements, iframes' documents and <template> contents (the
// browser keeps them outside the DOM tree). Nothing has a source position (line 0);
// snippets are serialised from the element's tag and attributes.
//
// A RenderedView owns its page and document; it is immutable and thread-safe to read.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "render/page.h"
#include "util/result.h"

namespace granska::render {

class RenderedView {
 public:
  // Builds the Document from `page.nodes` (main document, light DOM). Error only when the
  // node list is not a tree in tree order, which a browser never sends. Cost: one pass
  // over the nodes plus copying their tags, attributes and text (about as much as Gumbo's
  // tree conversion; see docs/performance.md).
  static Result<RenderedView> build(RenderedPage page);

  const html::Document& document() const { return *doc_; }
  // Hands the Document to an owner that keeps it at least as long as this view (a checked
  // page holds both); document() still answers.
  std::unique_ptr<html::Document> take_document() { return std::move(document_); }
  const RenderedPage& page() const { return page_; }

  // RenderedPage::nodes index of an element of document().
  std::uint32_t node_index(const html::Node& element) const { return node_of_element_[element.element_index()]; }
  const RenderedNode& node(const html::Node& element) const { return page_.nodes[node_index(element)]; }
  // The browser's computed value of `p` for the element; "" when the browser gave none
  // (the element is not rendered: display:none or inside it, or in <head>).
  std::string_view style(const html::Node& element, Prop p) const { return page_.style(node_index(element), p); }
  bool has_style(const html::Node& element) const { return node(element).style != kNoIndex; }
  // The element's layout box; nullopt when it has none (not rendered, or display:contents).
  const std::optional<Rect>& box(const html::Node& element) const { return node(element).box; }
  // The element of document() for a RenderedPage::nodes index; nullptr for nodes left out
  // (shadow trees, pseudo-elements, text, the doctype).
  const html::Node* element(std::uint32_t node_index) const {
    if (node_index >= element_of_node_.size()) return nullptr;
    std::uint32_t e = element_of_node_[node_index];
    return e == kNoIndex ? nullptr : doc_->elements()[e];
  }

 private:
  RenderedView() = default;
  RenderedPage page_;
  std::unique_ptr<html::Document> document_;
  const html::Document* doc_ = nullptr;
  std::vector<std::uint32_t> node_of_element_;  // element_index → nodes index
  std::vector<std::uint32_t> element_of_node_;  // nodes index → element_index or kNoIndex
};

}  // namespace granska::render
