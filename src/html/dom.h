// The HTML document model every other module works on: a parsed page (Gumbo underneath,
// never visible outside src/html) with parent links, attributes, text and source positions.
//
// A Document comes from the HTML parser (parse()) or from a node tree built elsewhere
// (from_tree(): the rendering module's snapshot of a page after its scripts ran).
//
// Ownership: a Document owns all of its Nodes; Node pointers stay valid for the Document's
// lifetime. A Document is immutable once built and safe to read from several threads.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/result.h"

namespace granska::html {

class Document;

enum class NodeType : std::uint8_t { Document, Element, Text, Comment };
enum class Namespace : std::uint8_t { Html, Svg, MathMl };

struct Attribute {
  std::string name;  // lowercase
  std::string value;
};

// A place in Document::source(). line and column are 1-based, column counts Unicode code
// points; line 0 means "not in the source" (an element the parser implied, like <tbody>).
struct Position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::uint32_t offset = 0;  // byte offset into the UTF-8 source
};

class Node {
 public:
  NodeType type() const { return type_; }
  bool is_element() const { return type_ == NodeType::Element; }
  bool is_text() const { return type_ == NodeType::Text; }

  // Elements: lowercase local name ("img", "svg", "foreignobject") and namespace.
  std::string_view tag() const { return tag_; }
  Namespace ns() const { return ns_; }
  // True for an HTML-namespace element named `html_tag` (lowercase).
  bool is(std::string_view html_tag) const {
    return type_ == NodeType::Element && ns_ == Namespace::Html && tag_ == html_tag;
  }

  const std::vector<Attribute>& attributes() const { return attrs_; }
  // Attribute lookup by lowercase name; nullopt when absent (an empty value is present).
  // Rules mostly ask for attributes an element does not have: a 64-bit mask of the names
  // it has answers most of those without touching the attribute list.
  std::optional<std::string_view> attr(std::string_view name) const {
    if (!(attr_mask_ & attr_name_bit(name))) return std::nullopt;
    return find_attr(name);
  }
  bool has_attr(std::string_view name) const { return attr(name).has_value(); }

  // Text and comment nodes: their character data (entities decoded).
  const std::string& data() const { return data_; }

  const Node* parent() const { return parent_; }
  // The nearest ancestor that is an element (nullptr at <html> or for the document).
  const Node* parent_element() const;
  const std::vector<const Node*>& children() const { return children_; }
  // Element descendants in tree order (a slice of Document::elements()).
  std::span<const Node* const> descendant_elements() const;
  bool contains(const Node& other) const;  // other is this node or a descendant of it
  // Siblings, for selectors (:nth-child, :nth-of-type, +, ~) and selector paths, all O(1):
  // the element's 1-based position among its parent's element children (counted from the
  // start or the end; among all of them or only those with the same tag), and the number
  // of element siblings with its tag, itself included. 0 for non-elements.
  std::uint32_t sibling_position(bool same_tag, bool from_end) const;
  std::uint32_t same_tag_siblings() const { return same_tag_count_; }
  const Node* previous_element_sibling() const { return prev_element_; }

  // Concatenated text of all descendant text nodes (DOM textContent).
  std::string text_content() const;

  // Where the node starts in the source (the '<' of its start tag for elements).
  Position position() const;
  // The element's start tag exactly as written in the source; empty if parser-implied.
  std::string_view source_start_tag() const;
  // A short, single-line excerpt of the element's HTML for reports (start tag, a little
  // of its text, truncated with "…"). Untrusted page content: escape it before output.
  std::string snippet(std::size_t max_chars = 160) const;

  // Position in tree order among elements (Document::elements()[element_index()] == this).
  std::uint32_t element_index() const { return element_index_; }
  const Document& document() const { return *doc_; }

 private:
  friend class Document;
  friend class DocumentBuilder;
  // One of 64 bits per name, from its length and three of its bytes: cheap, and spread
  // enough that the attributes rules ask for rarely share a bit with those present.
  static std::uint64_t attr_name_bit(std::string_view name) {
    std::size_t n = name.size();
    if (n == 0) return 1;
    auto b = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(name[i])); };
    return std::uint64_t{1} << ((n * 7 + b(0) + b(n - 1) * 3 + b(n / 2) * 5) & 63);
  }
  std::optional<std::string_view> find_attr(std::string_view name) const;
  void index_attributes() {
    attr_mask_ = 0;
    for (const Attribute& a : attrs_) attr_mask_ |= attr_name_bit(a.name);
  }
  NodeType type_ = NodeType::Element;
  Namespace ns_ = Namespace::Html;
  std::string tag_;
  std::vector<Attribute> attrs_;
  std::uint64_t attr_mask_ = 0;  // attr_name_bit of every name in attrs_
  std::string data_;
  const Node* parent_ = nullptr;
  std::vector<const Node*> children_;
  const Document* doc_ = nullptr;
  std::uint32_t element_index_ = 0;
  std::uint32_t element_end_ = 0;  // one past the last descendant element's index
  std::uint32_t src_offset_ = 0;
  std::uint32_t src_length_ = 0;  // length of the start tag in the source; 0 if implied
  const Node* prev_element_ = nullptr;
  std::uint32_t element_position_ = 0;  // among element siblings, 1-based
  std::uint32_t element_count_ = 0;     // element siblings, itself included
  std::uint32_t same_tag_position_ = 0;
  std::uint32_t same_tag_count_ = 0;
};

// One node of a tree that did not come from granska's parser, for Document::from_tree().
struct TreeNode {
  NodeType type = NodeType::Element;  // Element, Text or Comment (not Document)
  Namespace ns = Namespace::Html;     // elements only
  std::string tag;                    // elements: local name; HTML names are lowercased
  std::vector<Attribute> attributes;  // names are lowercased
  std::string data;                   // text and comments: character data
  std::int32_t parent = -1;           // index of an earlier Element in the list; -1 = top level
};

class Document {
 public:
  // Parses UTF-8 HTML. HTML parsing never fails: broken markup is repaired as browsers do.
  static std::unique_ptr<Document> parse(std::string utf8_source);
  // The same for a source that has been through cap_attributes already.
  static std::unique_ptr<Document> parse_capped(std::string utf8_source);

  // Builds a Document from a tree given in tree order (pre-order: every node follows its
  // parent and the parent's earlier children's subtrees). The nodes are not in any source:
  // source() is empty, every position() has line 0 and snippets are rebuilt from the tag,
  // attributes and text. html(), head() and body() are found as parse() finds them.
  // Error when the parent indices do not describe such a tree (a parent that is not an
  // earlier element, or a node outside the subtree it should continue).
  static Result<std::unique_ptr<Document>> from_tree(std::vector<TreeNode> nodes, bool has_doctype);

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& source() const { return source_; }
  const Node& root() const { return nodes_.front(); }
  const Node* html() const { return html_; }
  const Node* head() const { return head_; }
  const Node* body() const { return body_; }
  // True when the source starts with a <!DOCTYPE> (no doctype means quirks mode).
  bool has_doctype() const { return has_doctype_; }
  // True for a Document built by from_tree(): nothing in it has a source position.
  bool from_source() const { return !synthetic_; }

  // Every element in tree order.
  const std::vector<const Node*>& elements() const { return elements_; }
  // Elements whose id attribute equals `id`, in tree order (empty if none).
  std::span<const Node* const> elements_with_id(std::string_view id) const;
  // The first element with this id, as getElementById does.
  const Node* element_by_id(std::string_view id) const;

  Position position_at(std::uint32_t offset) const;

 private:
  friend class DocumentBuilder;
  Document() = default;
  static constexpr std::size_t kLeadStride = 256;
  // Code points (UTF-8 lead and ASCII bytes) in source_ before `offset`.
  std::uint32_t leads_before(std::uint32_t offset) const;
  std::string source_;
  std::vector<Node> nodes_;  // reserved once: pointers into it are stable
  std::vector<const Node*> elements_;
  std::unordered_map<std::string_view, std::vector<const Node*>> ids_;
  std::vector<std::uint32_t> line_starts_;
  // leads_before(k * kLeadStride) for every k, made when a long line first needs them.
  mutable std::once_flag lead_marks_once_;
  mutable std::vector<std::uint32_t> lead_marks_;
  const Node* html_ = nullptr;
  const Node* head_ = nullptr;
  const Node* body_ = nullptr;
  bool has_doctype_ = false;
  bool synthetic_ = false;
};

// Gumbo compares every attribute with all earlier ones of its tag, so one element with
// 1,000,000 attributes parsed for minutes (issue #16). Before parsing, attributes after
// the first kMaxAttributesPerElement of a tag are overwritten with spaces (line breaks
// kept), so offsets, lines and columns stay true. Returns how many attributes were
// dropped; 0 leaves the source untouched. Document::parse applies it too; callers that
// report notes (input::load) call it first to say so.
inline constexpr std::size_t kMaxAttributesPerElement = 256;
std::size_t cap_attributes(std::string& utf8_source);

}  // namespace granska::html
