#include "html/dom.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdlib>
#include <utility>

#include "util/text.h"

namespace granska::html {

std::optional<std::string_view> Node::find_attr(std::string_view name) const {
  // Compare lengths before characters.
  for (const Attribute& a : attrs_) {
    if (a.name.size() == name.size() && std::string_view(a.name) == name) return std::string_view(a.value);
  }
  return std::nullopt;
}

const Node* Node::parent_element() const {
  return parent_ && parent_->is_element() ? parent_ : nullptr;
}

std::span<const Node* const> Node::descendant_elements() const {
  if (!is_element() && type_ != NodeType::Document) return {};
  const auto& all = doc_->elements();
  std::uint32_t begin = type_ == NodeType::Document ? 0 : element_index_ + 1;
  std::uint32_t end = type_ == NodeType::Document ? static_cast<std::uint32_t>(all.size()) : element_end_;
  return std::span<const Node* const>(all.data() + begin, end - begin);
}

bool Node::contains(const Node& other) const {
  for (const Node* n = &other; n; n = n->parent_) {
    if (n == this) return true;
  }
  return false;
}

std::uint32_t Node::sibling_position(bool same_tag, bool from_end) const {
  std::uint32_t pos = same_tag ? same_tag_position_ : element_position_;
  std::uint32_t count = same_tag ? same_tag_count_ : element_count_;
  return from_end && pos > 0 ? count - pos + 1 : pos;
}

namespace {
// Text of `node`'s descendants, stopping once `limit` bytes are collected (snippets of
// <body> must not cost a walk over the whole page).
std::string text_of(const Node& node, std::size_t limit) {
  std::string out;
  std::vector<const Node*> stack(node.children().rbegin(), node.children().rend());
  while (!stack.empty() && out.size() < limit) {
    const Node* n = stack.back();
    stack.pop_back();
    if (n->is_text()) {
      out += n->data();
    } else if (n->is_element()) {
      stack.insert(stack.end(), n->children().rbegin(), n->children().rend());
    }
  }
  return out;
}
}  // namespace

std::string Node::text_content() const {
  if (type_ == NodeType::Text) return data_;
  return text_of(*this, std::string::npos);
}

Position Node::position() const {
  if (type_ == NodeType::Element && src_length_ == 0) return Position{};
  if (type_ == NodeType::Document || !doc_->from_source()) return Position{};
  return doc_->position_at(src_offset_);
}

std::string_view Node::source_start_tag() const {
  if (src_length_ == 0) return {};
  return std::string_view(doc_->source()).substr(src_offset_, src_length_);
}

std::string Node::snippet(std::size_t max_chars) const {
  std::string out;
  if (type_ == NodeType::Text) {
    out = data_;
  } else if (src_length_ > 0) {
    out = std::string(source_start_tag());
  } else {
    // Parser-implied element or a tree not from the source: serialise a start tag as the
    // HTML standard's fragment serialisation does (& and " escaped in attribute values).
    out = "<" + tag_;
    for (const Attribute& a : attrs_) {
      out += " " + a.name + "=\"";
      for (char c : a.value) {
        if (c == '&') out += "&amp;";
        else if (c == '"') out += "&quot;";
        else out += c;
      }
      out += "\"";
    }
    out += ">";
  }
  // The text of the page's top-level containers would only be noise in a snippet.
  bool container = ns_ == Namespace::Html && (tag_ == "html" || tag_ == "head" || tag_ == "body");
  if (type_ == NodeType::Element && !container) {
    std::string text = text::collapse_whitespace(text_of(*this, max_chars * 4 + 64));
    if (!text.empty()) out += text;
    bool void_element = children_.empty();
    if (!void_element) out += "</" + tag_ + ">";
  }
  return text::truncate_utf8(text::collapse_whitespace(out), max_chars);
}

std::span<const Node* const> Document::elements_with_id(std::string_view id) const {
  auto it = ids_.find(id);
  if (it == ids_.end()) return {};
  return it->second;
}

const Node* Document::element_by_id(std::string_view id) const {
  auto found = elements_with_id(id);
  return found.empty() ? nullptr : found.front();
}

namespace {
// A code point starts at every byte that is not a UTF-8 continuation byte.
bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }
}  // namespace

std::uint32_t Document::leads_before(std::uint32_t offset) const {
  std::call_once(lead_marks_once_, [this] {
    lead_marks_.reserve(source_.size() / kLeadStride + 1);
    std::uint32_t leads = 0;
    for (std::size_t i = 0; i < source_.size(); ++i) {
      if (i % kLeadStride == 0) lead_marks_.push_back(leads);
      leads += starts_code_point(source_[i]);
    }
  });
  if (lead_marks_.empty()) return 0;
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(source_.size()));
  std::size_t block = std::min<std::size_t>(offset / kLeadStride, lead_marks_.size() - 1);
  std::uint32_t n = lead_marks_[block];
  for (std::size_t i = block * kLeadStride; i < offset; ++i) {
    n += starts_code_point(source_[i]);
  }
  return n;
}

Position Document::position_at(std::uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::uint32_t line = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t start = line_starts_[line - 1];
  // Columns count code points (bytes that are not UTF-8 continuation bytes) from the line's
  // start; on a long line through marks made on first need: minified pages put 1 MB on one
  // line, and counting from the line's start for every finding made reports quadratic in
  // the page (issue #22).
  std::uint32_t column = 1;
  if (offset - std::min(offset, start) <= 4 * kLeadStride) {
    for (std::uint32_t i = start; i < offset && i < source_.size(); ++i) {
      column += starts_code_point(source_[i]);
    }
  } else {
    column += leads_before(offset) - leads_before(start);
  }
  return Position{line, column, offset};
}

namespace {

// Every block Gumbo allocates for one parse, freed together when the parse is done:
// gumbo_destroy_output recurses once per nesting level and overflowed the stack on a
// 200,000-deep page (issue #16). Small blocks (nodes, attributes, short strings: most of
// Gumbo's allocations) are cut from 64 KB slabs and never freed one by one, which saved
// the malloc and free of each (about 5 % of a crawl's instructions, issue #22). Larger
// blocks are Gumbo's growing buffers and vectors: they are malloc'ed and kept in a list,
// so a buffer Gumbo outgrows is freed at once and a huge page does not keep them all.
class GumboArena {
 public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    while (large_) {
      Header* next = large_->next;
      std::free(large_);
      large_ = next;
    }
    while (slabs_) {
      Slab* next = slabs_->next;
      std::free(slabs_);
      slabs_ = next;
    }
  }

  static void* allocate(void* arena, std::size_t size) {
    auto* self = static_cast<GumboArena*>(arena);
    if (size <= kSmall) {
      const std::size_t need = sizeof(Header) + round_up(size);
      if (self->left_ < need) self->new_slab();
      auto* h = reinterpret_cast<Header*>(self->next_);
      self->next_ += need;
      self->left_ -= need;
      h->next = h;  // marks a block cut from a slab
      return h + 1;
    }
    auto* h = static_cast<Header*>(std::malloc(sizeof(Header) + size));
    if (!h) std::abort();  // Gumbo does not check for null; no exception may cross its C frames
    h->prev = nullptr;
    h->next = self->large_;
    if (self->large_) self->large_->prev = h;
    self->large_ = h;
    return h + 1;
  }

  static void deallocate(void* arena, void* p) {
    if (!p) return;
    Header* h = static_cast<Header*>(p) - 1;
    if (h->next == h) return;  // cut from a slab: the slab goes with the arena
    auto* self = static_cast<GumboArena*>(arena);
    if (h->prev) h->prev->next = h->next; else self->large_ = h->next;
    if (h->next) h->next->prev = h->prev;
    std::free(h);
  }

 private:
  struct alignas(std::max_align_t) Header {
    Header* prev;
    Header* next;  // itself for a block cut from a slab
  };
  struct alignas(std::max_align_t) Slab {
    Slab* next;
  };
  static constexpr std::size_t kSmall = 256;
  static constexpr std::size_t kSlabBytes = 64 * 1024;

  static constexpr std::size_t round_up(std::size_t n) {
    return (n + alignof(Header) - 1) / alignof(Header) * alignof(Header);
  }

  void new_slab() {
    auto* slab = static_cast<Slab*>(std::malloc(kSlabBytes));
    if (!slab) std::abort();
    slab->next = slabs_;
    slabs_ = slab;
    next_ = reinterpret_cast<unsigned char*>(slab) + sizeof(Slab);
    left_ = kSlabBytes - sizeof(Slab);
  }

  Header* large_ = nullptr;
  Slab* slabs_ = nullptr;
  unsigned char* next_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace

// Copies Gumbo's tree into granska's own nodes, so Gumbo stays private to this file and
// every node gets its document, parent, tree-order index and subtree range.
class DocumentBuilder {
 public:
  static std::unique_ptr<Document> build(std::string source) {
    std::unique_ptr<Document> doc(new Document());
    doc->source_ = std::move(source);
    const std::string& src = doc->source_;

    doc->line_starts_.push_back(0);
    for (std::size_t i = src.find('\n'); i != std::string::npos; i = src.find('\n', i + 1)) {
      doc->line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }

    GumboArena arena;  // frees Gumbo's tree when it goes out of scope
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // granska does not report parse errors; skip collecting them
    options.allocator = &GumboArena::allocate;
    options.deallocator = &GumboArena::deallocate;
    options.userdata = &arena;
    GumboOutput* output = gumbo_parse_with_options(&options, src.data(), src.size());
    doc->has_doctype_ = output->document->v.document.has_doctype;

    doc->nodes_.reserve(count_nodes(output->document));
    DocumentBuilder b(*doc);
    b.convert(output->document);
    return doc;
  }

 private:
  explicit DocumentBuilder(Document& doc) : doc_(doc) {}

  static std::size_t count_nodes(const GumboNode* root) {
    std::size_t count = 0;
    std::vector<const GumboNode*> stack{root};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      ++count;
      const GumboVector* kids = children_of(n);
      if (!kids) continue;
      for (unsigned i = 0; i < kids->length; ++i) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
    return count;
  }

  static const GumboVector* children_of(const GumboNode* n) {
    switch (n->type) {
      case GUMBO_NODE_DOCUMENT: return &n->v.document.children;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: return &n->v.element.children;
      default: return nullptr;
    }
  }

  std::uint32_t offset_of(const char* p) const {
    return static_cast<std::uint32_t>(p - doc_.source_.data());
  }

  Node& add(NodeType type, const Node* parent) {
    doc_.nodes_.emplace_back();
    Node& node = doc_.nodes_.back();
    node.type_ = type;
    node.parent_ = parent;
    node.doc_ = &doc_;
    if (parent) const_cast<Node*>(parent)->children_.push_back(&node);
    return node;
  }

  void fill_element(Node& node, const GumboElement& el) {
    switch (el.tag_namespace) {
      case GUMBO_NAMESPACE_SVG: node.ns_ = Namespace::Svg; break;
      case GUMBO_NAMESPACE_MATHML: node.ns_ = Namespace::MathMl; break;
      default: node.ns_ = Namespace::Html; break;
    }
    if (el.tag != GUMBO_TAG_UNKNOWN) {
      node.tag_ = gumbo_normalized_tagname(el.tag);
    } else {
      GumboStringPiece name = el.original_tag;
      gumbo_tag_from_original_text(&name);
      node.tag_.assign(name.data, name.length);
    }
    text::ascii_lower_in_place(node.tag_);
    if (el.original_tag.length > 0 && el.original_tag.data >= doc_.source_.data() &&
        el.original_tag.data < doc_.source_.data() + doc_.source_.size()) {
      node.src_offset_ = offset_of(el.original_tag.data);
      node.src_length_ = static_cast<std::uint32_t>(el.original_tag.length);
    }
    node.attrs_.reserve(el.attributes.length);
    for (unsigned i = 0; i < el.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
      Attribute attr{a->name, a->value};
      text::ascii_lower_in_place(attr.name);
      node.attrs_.push_back(std::move(attr));
    }
    node.index_attributes();
  }

  void convert(const GumboNode* gumbo_root) {
    struct Frame {
      const GumboNode* gumbo;
      const Node* parent;
    };
    // Pre-order walk with an explicit stack; element_end_ is closed when a subtree ends.
    Node& root = add(NodeType::Document, nullptr);
    std::vector<Frame> stack;
    // Elements whose subtree is still being walked, with the stack size when they were
    // reached: once the stack drops below it, every descendant has been seen.
    std::vector<std::pair<Node*, std::size_t>> open;
    const GumboVector* kids = children_of(gumbo_root);
    for (unsigned i = kids->length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(kids->data[i]), &root});
    }
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      while (!open.empty() && open.back().second > stack.size()) {
        open.back().first->element_end_ = static_cast<std::uint32_t>(doc_.elements_.size());
        open.pop_back();
      }
      const GumboNode* g = f.gumbo;
      switch (g->type) {
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          Node& node = add(NodeType::Element, f.parent);
          fill_element(node, g->v.element);
          node.element_index_ = static_cast<std::uint32_t>(doc_.elements_.size());
          doc_.elements_.push_back(&node);
          const GumboVector& ch = g->v.element.children;
          open.emplace_back(&node, stack.size());
          node.element_end_ = node.element_index_ + 1;
          for (unsigned i = ch.length; i-- > 0;) {
            stack.push_back({static_cast<const GumboNode*>(ch.data[i]), &node});
          }
          if (ch.length == 0) {
            open.pop_back();
          }
          break;
        }
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_COMMENT: {
          Node& node = add(g->type == GUMBO_NODE_COMMENT ? NodeType::Comment : NodeType::Text, f.parent);
          node.data_ = g->v.text.text;
          const GumboStringPiece& orig = g->v.text.original_text;
          if (orig.length > 0 && orig.data >= doc_.source_.data() &&
              orig.data < doc_.source_.data() + doc_.source_.size()) {
            node.src_offset_ = offset_of(orig.data);
            node.src_length_ = static_cast<std::uint32_t>(orig.length);
          }
          break;
        }
        case GUMBO_NODE_DOCUMENT: break;
      }
    }
    while (!open.empty()) {
      open.back().first->element_end_ = static_cast<std::uint32_t>(doc_.elements_.size());
      open.pop_back();
    }
    finish();
  }

  // Builds a Document from a pre-order node list (see Document::from_tree).
 public:
  static Result<std::unique_ptr<Document>> build_tree(std::vector<TreeNode> nodes, bool has_doctype) {
    std::unique_ptr<Document> doc(new Document());
    doc->synthetic_ = true;
    doc->has_doctype_ = has_doctype;
    doc->line_starts_.push_back(0);
    doc->nodes_.reserve(nodes.size() + 1);
    DocumentBuilder b(*doc);
    Node& root = b.add(NodeType::Document, nullptr);
    // The open elements from the top level down to the last one added.
    std::vector<std::pair<std::int32_t, Node*>> open;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      TreeNode& t = nodes[i];
      while (!open.empty() && open.back().first != t.parent) {
        open.back().second->element_end_ = static_cast<std::uint32_t>(doc->elements_.size());
        open.pop_back();
      }
      if (t.parent != -1 && open.empty()) {
        return Error{"node " + std::to_string(i) + " does not continue the tree at its parent " +
                     std::to_string(t.parent)};
      }
      if (t.type == NodeType::Document) return Error{"node " + std::to_string(i) + " is a document node"};
      const Node* parent = open.empty() ? &root : open.back().second;
      Node& node = b.add(t.type, parent);
      if (t.type != NodeType::Element) {
        node.data_ = std::move(t.data);
        continue;
      }
      node.ns_ = t.ns;
      node.tag_ = std::move(t.tag);
      node.attrs_ = std::move(t.attributes);
      node.index_attributes();
      node.element_index_ = static_cast<std::uint32_t>(doc->elements_.size());
      node.element_end_ = node.element_index_ + 1;
      doc->elements_.push_back(&node);
      open.emplace_back(static_cast<std::int32_t>(i), &node);
    }
    while (!open.empty()) {
      open.back().second->element_end_ = static_cast<std::uint32_t>(doc->elements_.size());
      open.pop_back();
    }
    b.finish();
    return doc;
  }

 private:
  // Indexes ids and finds <html>, <head> and <body> once every node is in place.
  void finish() {
    number_siblings(doc_.nodes_.front());
    for (const Node* e : doc_.elements_) number_siblings(*e);
    for (const Node* e : doc_.elements_) {
      if (auto id = e->attr("id"); id && !id->empty()) doc_.ids_[*id].push_back(e);
      if (e->ns_ != Namespace::Html) continue;
      const Node* p = e->parent_;
      if (e->tag_ == "html" && p && p->type_ == NodeType::Document) doc_.html_ = e;
      if (p && p == doc_.html_) {
        if (e->tag_ == "head" && !doc_.head_) doc_.head_ = e;
        if ((e->tag_ == "body" || e->tag_ == "frameset") && !doc_.body_) doc_.body_ = e;
      }
    }
  }

  // Element counts per tag among one parent's children: a parent has few distinct tags, so
  // a short list on the stack, and a hash map only past it (a map per parent was 1 % of a
  // crawl).
  class TagCounts {
   public:
    std::uint32_t& operator[](std::string_view tag) {
      for (std::size_t i = 0; i < n_; ++i) {
        if (few_[i].first == tag) return few_[i].second;
      }
      if (n_ < few_.size()) {
        few_[n_] = {tag, 0};
        return few_[n_++].second;
      }
      return many_[tag];
    }

   private:
    std::array<std::pair<std::string_view, std::uint32_t>, 16> few_;
    std::size_t n_ = 0;
    std::unordered_map<std::string_view, std::uint32_t> many_;
  };

  // Positions among element siblings, so that selectors and selector paths never count
  // siblings per query (a parent with 160,000 children made that quadratic, issue #16).
  static void number_siblings(const Node& parent) {
    TagCounts per_tag;
    std::uint32_t position = 0;
    const Node* prev = nullptr;
    for (const Node* k : parent.children_) {
      if (!k->is_element()) continue;
      Node& c = const_cast<Node&>(*k);
      c.prev_element_ = prev;
      c.element_position_ = ++position;
      c.same_tag_position_ = ++per_tag[c.tag_];
      prev = k;
    }
    for (const Node* k : parent.children_) {
      if (!k->is_element()) continue;
      Node& c = const_cast<Node&>(*k);
      c.element_count_ = position;
      c.same_tag_count_ = per_tag[c.tag_];
    }
  }

  Document& doc_;
};

std::unique_ptr<Document> Document::parse(std::string utf8_source) {
  cap_attributes(utf8_source);
  return DocumentBuilder::build(std::move(utf8_source));
}

std::unique_ptr<Document> Document::parse_capped(std::string utf8_source) {
  return DocumentBuilder::build(std::move(utf8_source));
}

namespace {

bool tag_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements whose content the tokenizer reads as text up to their end tag.
bool raw_text_element(std::string_view lower_name) {
  return lower_name == "script" || lower_name == "style" || lower_name == "textarea" || lower_name == "title" ||
         lower_name == "xmp" || lower_name == "iframe" || lower_name == "noembed" || lower_name == "noframes";
}

// Where "</name" starts (ASCII case-insensitive) at or after `from`, or s.size().
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view lower_name) {
  for (std::size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2)) {
    if (i + 2 + lower_name.size() > s.size()) break;
    if (text::iequals(s.substr(i + 2, lower_name.size()), lower_name)) return i;
  }
  return s.size();
}

}  // namespace

std::size_t cap_attributes(std::string& s) {
  // A small approximation of the HTML tokenizer's tag states: enough to count attributes
  // the way Gumbo will see them, skipping comments and raw-text element content.
  std::size_t dropped = 0;
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    std::size_t lt = s.find('<', i);
    if (lt == std::string::npos) break;
    i = lt + 1;
    if (s.compare(lt, 4, "<!--") == 0) {
      std::size_t end = s.find("-->", lt + 4);
      i = end == std::string::npos ? n : end + 3;
      continue;
    }
    bool end_tag = i < n && s[i] == '/';
    if (end_tag) ++i;
    if (i >= n || !ascii_alpha(s[i])) continue;
    std::size_t name_start = i;
    while (i < n && !tag_space(s[i]) && s[i] != '/' && s[i] != '>') ++i;
    // Lowercased into a small buffer: only the raw-text elements' names matter, and they are
    // short (this runs for every tag of every page; a string each was 2 % of a crawl).
    char lower[8];
    std::size_t name_length = i - name_start;
    std::string_view name;
    if (name_length <= sizeof lower) {
      for (std::size_t k = 0; k < name_length; ++k) {
        char c = s[name_start + k];
        lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      }
      name = std::string_view(lower, name_length);
    }
    std::size_t count = 0;
    while (i < n) {
      while (i < n && (tag_space(s[i]) || s[i] == '/')) ++i;
      if (i >= n) break;
      if (s[i] == '>') {
        ++i;
        break;
      }
      std::size_t attr_start = i++;  // a first '=' belongs to the name
      while (i < n && !tag_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') ++i;
      std::size_t after_name = i;
      while (i < n && tag_space(s[i])) ++i;
      if (i < n && s[i] == '=') {
        ++i;
        while (i < n && tag_space(s[i])) ++i;
        if (i < n && (s[i] == '"' || s[i] == '\'')) {
          std::size_t close = s.find(s[i], i + 1);
          i = close == std::string::npos ? n : close + 1;
        } else {
          while (i < n && !tag_space(s[i]) && s[i] != '>') ++i;
        }
      } else {
        i = after_name;  // the spaces may separate the next attribute
      }
      if (++count > kMaxAttributesPerElement) {
        ++dropped;
        for (std::size_t k = attr_start; k < i; ++k) {
          if (s[k] != '\n' && s[k] != '\r') s[k] = ' ';
        }
      }
    }
    if (!end_tag && raw_text_element(name)) i = find_end_tag(s, i, name);
  }
  return dropped;
}

Result<std::unique_ptr<Document>> Document::from_tree(std::vector<TreeNode> nodes, bool has_doctype) {
  return DocumentBuilder::build_tree(std::move(nodes), has_doctype);
}

}  // namespace granska::html
