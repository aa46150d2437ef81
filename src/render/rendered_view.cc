#include "render/rendered_view.h"

namespace granska::render {

Result<RenderedView> RenderedView::build(RenderedPage page) {
  RenderedView view;
  const std::size_t count = page.nodes.size();
  std::vector<html::TreeNode> tree;
  tree.reserve(count);
  std::vector<std::int32_t> tree_index(count, -1);  // nodes index → tree index
  view.element_of_node_.assign(count, kNoIndex);
  bool has_doctype = false;
  std::uint32_t elements = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const RenderedNode& n = page.nodes[i];
    if (n.kind == NodeKind::Doctype) {
      has_doctype = true;
      continue;
    }
    if (n.in_shadow_tree || !n.pseudo.empty()) continue;
    if (n.kind != NodeKind::Element && n.kind != NodeKind::Text && n.kind != NodeKind::Comment) continue;
    // Top level: children of the document node. Anything else needs a parent in the tree.
    std::int32_t parent = -1;
    if (n.parent != kNoIndex && page.nodes[n.parent].kind != NodeKind::Document) {
      parent = tree_index[n.parent];
      if (parent < 0 || tree[static_cast<std::size_t>(parent)].type != html::NodeType::Element) continue;
    }
    html::TreeNode t;
    t.parent = parent;
    if (n.kind == NodeKind::Element) {
      t.type = html::NodeType::Element;
      t.ns = n.ns;
      t.tag = n.tag;
      t.attributes = n.attributes;
      view.element_of_node_[i] = elements++;
      view.node_of_element_.push_back(static_cast<std::uint32_t>(i));
    } else {
      t.type = n.kind == NodeKind::Text ? html::NodeType::Text : html::NodeType::Comment;
      t.data = n.text;
    }
    tree_index[i] = static_cast<std::int32_t>(tree.size());
    tree.push_back(std::move(t));
  }
  auto doc = html::Document::from_tree(std::move(tree), has_doctype);
  if (!doc.ok()) return Error{"the rendered DOM is not a tree: " + doc.error().message};
  view.document_ = std::move(doc).value();
  view.doc_ = view.document_.get();
  view.page_ = std::move(page);
  return view;
}

}  // namespace granska::render
