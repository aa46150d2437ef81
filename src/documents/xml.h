// A small, bounded XML reader for the documents module (XMP metadata, Office parts), on
// libxml2: no network, no DTD loading, no entity expansion. Internal to src/documents.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace granska::documents::detail {

// One parsed element: namespace URI, local name, prefix as written, attributes, children.
struct XmlNode {
  std::string ns, name, prefix;
  struct Attr {
    std::string ns, name, prefix, value;
  };
  std::vector<Attr> attrs;
  std::vector<std::unique_ptr<XmlNode>> children;
  std::string text;  // the element's own text nodes, concatenated (not descendants')

  // The attribute in namespace `ns` (empty: no namespace) with local name `name`.
  const std::string* attr(std::string_view attr_ns, std::string_view attr_name) const;
  // Text of this element and all descendants, in document order.
  std::string all_text() const;
  // Depth-first walk over this element and its descendants; `visit` returns false to skip
  // an element's children.
  void walk(const std::function<bool(const XmlNode&)>& visit) const;
};

// Parses `bytes`; nullopt when it is not well-formed XML (libxml2's recovery is off).
// Elements nested deeper than 256 are not kept.
std::optional<std::unique_ptr<XmlNode>> parse_xml(std::string_view bytes);

}  // namespace granska::documents::detail
