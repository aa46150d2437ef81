#include "render/snapshot.h"

#include <unordered_map>

#include "util/text.h"

namespace granska::render {

using nlohmann::json;

const std::array<std::string_view, kPropCount>& prop_names() {
  static const std::array<std::string_view, kPropCount> names = {
      "display",        "visibility",     "content-visibility", "opacity",
      "color",          "background-color", "background-image", "background-clip",
      "font-size",      "font-weight",    "line-height",        "letter-spacing",
      "word-spacing",   "text-indent",    "text-shadow",        "-webkit-text-fill-color",
      "position",       "clip",           "clip-path",          "transform",
      "rotate",         "filter",         "mix-blend-mode",     "overflow-x",
      "overflow-y",     "outline-style",  "outline-width",      "outline-color",
      "outline-offset", "box-shadow",     "pointer-events"};
  return names;
}

json snapshot_params(bool rects) {
  json styles = json::array();
  for (std::string_view n : prop_names()) styles.push_back(n);
  return {{"computedStyles", styles},
          {"includeDOMRects", rects},
          {"includePaintOrder", false},
          {"includeBlendedBackgroundColors", true}};
}

namespace {

struct Shape {
  std::string problem;
  void fail(std::string p) {
    if (problem.empty()) problem = std::move(p);
  }
};

// The snapshot's string table, read lazily: only strings that are used are copied.
class Strings {
 public:
  explicit Strings(const json& table) : table_(table) {}
  std::size_t size() const { return table_.size(); }
  // The string at `index`; "" for -1 or an index out of range (noted in `shape`).
  std::string get(const json& index, Shape& shape) const {
    if (!index.is_number_integer()) {
      shape.fail("a string index is not an integer");
      return {};
    }
    std::int64_t i = index.get<std::int64_t>();
    if (i < 0) return {};
    if (static_cast<std::size_t>(i) >= table_.size() || !table_[static_cast<std::size_t>(i)].is_string()) {
      shape.fail("a string index is out of range");
      return {};
    }
    return table_[static_cast<std::size_t>(i)].get<std::string>();
  }

 private:
  const json& table_;
};

// A RareStringData / RareIntegerData / RareBooleanData field: {index: [...], value: [...]}.
template <class F>
void each_rare(const json& nodes, const char* name, std::size_t count, Shape& shape, F&& f) {
  auto it = nodes.find(name);
  if (it == nodes.end() || !it->is_object()) return;
  const json* index = it->contains("index") ? &(*it)["index"] : nullptr;
  const json* value = it->contains("value") ? &(*it)["value"] : nullptr;
  if (!index || !index->is_array()) return;
  for (std::size_t k = 0; k < index->size(); ++k) {
    const json& i = (*index)[k];
    if (!i.is_number_integer() || i.get<std::int64_t>() < 0 || static_cast<std::size_t>(i.get<std::int64_t>()) >= count) {
      shape.fail(std::string(name) + " names a node out of range");
      return;
    }
    const json* v = value && value->is_array() && k < value->size() ? &(*value)[k] : nullptr;
    f(static_cast<std::size_t>(i.get<std::int64_t>()), v);
  }
}

bool has_ascii_lower(std::string_view s) {
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return true;
  }
  return false;
}

}  // namespace

Status read_snapshot(const json& result, RenderedPage& page) {
  Shape shape;
  if (!result.is_object() || !result.contains("documents") || !result["documents"].is_array() ||
      result["documents"].empty() || !result.contains("strings") || !result["strings"].is_array()) {
    return Error{"the DOM snapshot has no documents or strings"};
  }
  Strings strings(result["strings"]);
  const json& doc = result["documents"][0];
  if (!doc.is_object() || !doc.contains("nodes") || !doc["nodes"].is_object()) {
    return Error{"the DOM snapshot's document has no nodes"};
  }
  const json& nodes = doc["nodes"];
  const json* parents = nodes.contains("parentIndex") ? &nodes["parentIndex"] : nullptr;
  if (!parents || !parents->is_array()) return Error{"the DOM snapshot has no parentIndex"};
  const std::size_t count = parents->size();
  auto array_of = [&](const char* name) -> const json* {
    auto it = nodes.find(name);
    if (it == nodes.end()) return nullptr;
    if (!it->is_array() || it->size() != count) {
      shape.fail(std::string(name) + " does not have one entry per node");
      return nullptr;
    }
    return &*it;
  };
  const json* types = array_of("nodeType");
  const json* names = array_of("nodeName");
  const json* values = array_of("nodeValue");
  const json* backend = array_of("backendNodeId");
  const json* attrs = array_of("attributes");
  if (!types || !names) shape.fail("nodeType or nodeName is missing");
  if (!shape.problem.empty()) return Error{"malformed DOM snapshot: " + shape.problem};

  std::vector<RenderedNode> out(count);
  bool xml_document = false;
  for (std::size_t i = 0; i < count; ++i) {
    RenderedNode& n = out[i];
    const json& p = (*parents)[i];
    if (!p.is_number_integer()) {
      shape.fail("a parent index is not an integer");
      break;
    }
    std::int64_t parent = p.get<std::int64_t>();
    if (parent < -1 || parent >= static_cast<std::int64_t>(i) || (parent == -1 && i != 0)) {
      shape.fail("a node comes before its parent");
      break;
    }
    n.parent = parent < 0 ? kNoIndex : static_cast<std::uint32_t>(parent);
    int type = (*types)[i].is_number_integer() ? (*types)[i].get<int>() : 0;
    switch (type) {
      case 1: n.kind = NodeKind::Element; break;
      case 3:
      case 4: n.kind = NodeKind::Text; break;
      case 8: n.kind = NodeKind::Comment; break;
      case 9: n.kind = NodeKind::Document; break;
      case 10: n.kind = NodeKind::Doctype; break;
      default: n.kind = NodeKind::Other; break;
    }
    if (backend && (*backend)[i].is_number_integer()) n.backend_id = (*backend)[i].get<std::uint64_t>();
    if (n.kind == NodeKind::Text || n.kind == NodeKind::Comment) {
      if (values) n.text = strings.get((*values)[i], shape);
    }
    if (n.kind != NodeKind::Element) continue;

    std::string name = strings.get((*names)[i], shape);
    const RenderedNode* parent_node = n.parent == kNoIndex ? nullptr : &out[n.parent];
    if (parent_node && parent_node->kind == NodeKind::Document && name == "html") xml_document = true;
    std::string lower = name;
    text::ascii_lower_in_place(lower);
    // Namespaces are not in the snapshot. In an HTML document nodeName is the uppercased
    // local name for HTML elements and the local name as is (never all uppercase) for SVG
    // and MathML ones; <svg> and <math> start those trees and <foreignObject> ends one.
    bool parent_foreign = parent_node && parent_node->kind == NodeKind::Element &&
                          parent_node->ns != html::Namespace::Html && parent_node->tag != "foreignobject";
    bool foreign = xml_document ? parent_foreign || lower == "svg" || lower == "math" : has_ascii_lower(name);
    if (foreign) {
      if (lower == "svg") n.ns = html::Namespace::Svg;
      else if (lower == "math") n.ns = html::Namespace::MathMl;
      else if (parent_foreign) n.ns = parent_node->ns;
      else n.ns = html::Namespace::Svg;
    }
    n.tag = std::move(lower);
    if (parent_node && (parent_node->in_shadow_tree || !parent_node->pseudo.empty())) n.in_shadow_tree = true;
    if (attrs) {
      const json& list = (*attrs)[i];
      if (list.is_array()) {
        for (std::size_t k = 0; k + 1 < list.size(); k += 2) {
          html::Attribute a{strings.get(list[k], shape), strings.get(list[k + 1], shape)};
          text::ascii_lower_in_place(a.name);
          n.attributes.push_back(std::move(a));
        }
      }
    }
  }
  if (!shape.problem.empty()) return Error{"malformed DOM snapshot: " + shape.problem};

  // Nodes inside a shadow tree carry the type of their shadow root. Each light-DOM host
  // with author (open or closed) shadow content counts as one shadow root left out.
  std::size_t shadow_roots = 0;
  std::vector<bool> host_counted(count, false);
  each_rare(nodes, "shadowRootType", count, shape, [&](std::size_t i, const json* v) {
    out[i].in_shadow_tree = true;
    std::string type = v ? strings.get(*v, shape) : std::string();
    std::uint32_t host = out[i].parent;
    if (type != "user-agent" && host != kNoIndex && !out[host].in_shadow_tree && !host_counted[host]) {
      host_counted[host] = true;
      ++shadow_roots;
    }
  });
  each_rare(nodes, "pseudoType", count, shape, [&](std::size_t i, const json* v) {
    out[i].pseudo = v ? strings.get(*v, shape) : "pseudo";
    if (out[i].pseudo.empty()) out[i].pseudo = "pseudo";
  });
  each_rare(nodes, "inputValue", count, shape, [&](std::size_t i, const json* v) {
    if (v) out[i].input_value = strings.get(*v, shape);
  });
  each_rare(nodes, "textValue", count, shape, [&](std::size_t i, const json* v) {
    if (v) out[i].input_value = strings.get(*v, shape);
  });
  each_rare(nodes, "inputChecked", count, shape, [&](std::size_t i, const json*) { out[i].checked = true; });
  each_rare(nodes, "optionSelected", count, shape, [&](std::size_t i, const json*) { out[i].selected = true; });
  each_rare(nodes, "isClickable", count, shape, [&](std::size_t i, const json*) { out[i].clickable = true; });
  // Descendants of shadow-tree nodes and pseudo-elements are left out with them.
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t p = out[i].parent;
    if (p != kNoIndex && (out[p].in_shadow_tree || !out[p].pseudo.empty())) out[i].in_shadow_tree = true;
  }

  // Layout: one entry per layout object, pointing at its node.
  std::vector<StyleRow> styles;
  std::vector<std::string> style_strings;
  std::unordered_map<std::int64_t, std::uint32_t> remap;  // snapshot string index → ours
  if (auto lit = doc.find("layout"); lit != doc.end() && lit->is_object()) {
    const json& layout = *lit;
    const json* node_index = layout.contains("nodeIndex") ? &layout["nodeIndex"] : nullptr;
    const json* lstyles = layout.contains("styles") ? &layout["styles"] : nullptr;
    const json* bounds = layout.contains("bounds") ? &layout["bounds"] : nullptr;
    const json* blended = layout.contains("blendedBackgroundColors") ? &layout["blendedBackgroundColors"] : nullptr;
    if (!node_index || !node_index->is_array()) return Error{"malformed DOM snapshot: the layout has no nodeIndex"};
    const std::size_t lcount = node_index->size();
    auto same_length = [&](const json* a) { return !a || (a->is_array() && a->size() == lcount); };
    if (!same_length(lstyles) || !same_length(bounds) || !same_length(blended)) {
      return Error{"malformed DOM snapshot: layout arrays differ in length"};
    }
    for (std::size_t k = 0; k < lcount; ++k) {
      const json& ni = (*node_index)[k];
      if (!ni.is_number_integer() || ni.get<std::int64_t>() < 0 || static_cast<std::size_t>(ni.get<std::int64_t>()) >= count) {
        return Error{"malformed DOM snapshot: a layout object names a node out of range"};
      }
      RenderedNode& n = out[static_cast<std::size_t>(ni.get<std::int64_t>())];
      if (n.box) continue;  // a second layout object of the same node (a ::marker's text)
      if (bounds) {
        const json& b = (*bounds)[k];
        if (b.is_array() && b.size() == 4 && b[0].is_number() && b[1].is_number() && b[2].is_number() && b[3].is_number()) {
          n.box = Rect{b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()};
        } else {
          n.box = Rect{};
        }
      } else {
        n.box = Rect{};
      }
      if (lstyles && (*lstyles)[k].is_array() && (*lstyles)[k].size() == kPropCount) {
        StyleRow row;
        for (std::size_t p = 0; p < kPropCount; ++p) {
          const json& si = (*lstyles)[k][p];
          std::int64_t s = si.is_number_integer() ? si.get<std::int64_t>() : -1;
          auto [it, fresh] = remap.try_emplace(s, static_cast<std::uint32_t>(style_strings.size()));
          if (fresh) style_strings.push_back(strings.get(si, shape));
          row[p] = it->second;
        }
        n.style = static_cast<std::uint32_t>(styles.size());
        styles.push_back(row);
      }
      if (blended && (*blended)[k].is_number_integer()) n.blended_background = strings.get((*blended)[k], shape);
    }
  }
  if (!shape.problem.empty()) return Error{"malformed DOM snapshot: " + shape.problem};
  // A display:contents element has no layout object, but its text children carry its own
  // computed style (their display reads "contents"): take it from the first of them.
  const auto display = static_cast<std::size_t>(Prop::Display);
  for (std::size_t i = 0; i < count; ++i) {
    RenderedNode& n = out[i];
    if (n.kind != NodeKind::Text || n.style == kNoIndex || n.parent == kNoIndex) continue;
    RenderedNode& parent = out[n.parent];
    if (parent.kind != NodeKind::Element || parent.style != kNoIndex) continue;
    if (style_strings[styles[n.style][display]] == "contents") parent.style = n.style;
  }

  page.nodes = std::move(out);
  page.styles = std::move(styles);
  page.strings = std::move(style_strings);
  page.shadow_roots = shadow_roots;
  page.frames = result["documents"].size() - 1;
  if (doc.contains("documentURL")) page.final_url = strings.get(doc["documentURL"], shape);
  if (doc.contains("title")) page.title = strings.get(doc["title"], shape);
  if (doc.contains("contentWidth") && doc["contentWidth"].is_number()) page.content_width = doc["contentWidth"].get<double>();
  if (doc.contains("contentHeight") && doc["contentHeight"].is_number()) page.content_height = doc["contentHeight"].get<double>();
  return ok_status();
}

}  // namespace granska::render
