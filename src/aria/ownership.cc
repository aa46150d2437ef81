#include "aria/ownership.h"

#include "aria/aria_data.h"
#include "util/text.h"

namespace granska::aria {

namespace {

template <typename F>
void for_each_id(std::string_view list, F&& f) {
  while (!list.empty()) {
    std::size_t start = list.find_first_not_of(" \t\n\f\r");
    if (start == std::string_view::npos) return;
    list.remove_prefix(start);
    std::size_t end = list.find_first_of(" \t\n\f\r");
    if (end == std::string_view::npos) end = list.size();
    f(list.substr(0, end));
    list.remove_prefix(end);
  }
}

constexpr int kMaxDepth = 64;  // nesting bound against aria-owns cycles

}  // namespace

Ownership::Ownership(Semantics& semantics) : sem_(semantics) {
  const html::Document& doc = sem_.document();
  for (const html::Node* e : doc.elements()) {
    auto owns = e->attr("aria-owns");
    if (!owns) continue;
    for_each_id(*owns, [&](std::string_view id) {
      const html::Node* target = doc.element_by_id(id);
      // An element has one owner (the first); an element cannot own itself or an ancestor.
      if (!target || target == e || target->contains(*e) || owner_.count(target)) return;
      owner_.emplace(target, e);
    });
  }
}

std::string_view Ownership::role(const html::Node& element) {
  std::string_view r = sem_.role(element);
  if (!r.empty()) return r;
  return sem_.is_generic(element) ? "generic" : "";
}

bool Ownership::transparent(const html::Node& element) {
  std::string_view r = sem_.role(element);
  if (r == "none") return true;
  if (!r.empty()) return false;
  return !has_global_aria_attribute(element) && !sem_.focusable(element);
}

const html::Node* Ownership::parent(const html::Node& element) {
  const html::Node* at = &element;
  for (int depth = 0; depth < 4096; ++depth) {
    auto owned = owner_.find(at);
    const html::Node* p = owned != owner_.end() ? owned->second : at->parent_element();
    if (!p) return nullptr;
    if (!transparent(*p)) return p;
    at = p;
  }
  return nullptr;
}

void Ownership::add_owned(const html::Node& child, std::vector<const html::Node*>& out, int depth) {
  if (sem_.hidden_from_at(child) == Tristate::Yes) return;
  if (transparent(child)) {
    collect(child, out, depth + 1);
    return;
  }
  out.push_back(&child);
}

void Ownership::collect(const html::Node& parent, std::vector<const html::Node*>& out, int depth) {
  if (depth > kMaxDepth) return;
  for (const html::Node* child : parent.children()) {
    if (!child->is_element()) continue;
    auto owned = owner_.find(child);
    if (owned != owner_.end() && owned->second != &parent) continue;  // moved elsewhere by aria-owns
    add_owned(*child, out, depth);
  }
  auto owns = parent.attr("aria-owns");
  if (!owns) return;
  for_each_id(*owns, [&](std::string_view id) {
    const html::Node* target = sem_.document().element_by_id(id);
    if (!target) return;
    auto owned = owner_.find(target);
    if (owned == owner_.end() || owned->second != &parent) return;
    if (parent.contains(*target)) {
      // Already a descendant: aria-owns only reorders it, and it may sit deeper than a
      // direct child (ACT ff89c9 passed example 5).
      for (const html::Node* o : out) {
        if (o == target) return;
      }
    }
    add_owned(*target, out, depth);
  });
}

std::vector<const html::Node*> Ownership::owned(const html::Node& element) {
  std::vector<const html::Node*> out;
  collect(element, out, 0);
  return out;
}

std::vector<std::string> Ownership::missing_owned_ids(const html::Node& element) const {
  std::vector<std::string> missing;
  auto owns = element.attr("aria-owns");
  if (!owns) return missing;
  for_each_id(*owns, [&](std::string_view id) {
    if (!sem_.document().element_by_id(id)) missing.emplace_back(id);
  });
  return missing;
}

}  // namespace granska::aria
