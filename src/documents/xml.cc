#include "documents/xml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>

namespace granska::documents::detail {

namespace {

constexpr int kMaxDepth = 256;

std::string str(const xmlChar* s) { return s ? std::string(reinterpret_cast<const char*>(s)) : std::string(); }

std::unique_ptr<XmlNode> convert(const xmlNode* n, int depth) {
  auto out = std::make_unique<XmlNode>();
  out->name = str(n->name);
  if (n->ns) {
    out->ns = str(n->ns->href);
    out->prefix = str(n->ns->prefix);
  }
  for (const xmlAttr* a = n->properties; a; a = a->next) {
    XmlNode::Attr attr;
    attr.name = str(a->name);
    if (a->ns) {
      attr.ns = str(a->ns->href);
      attr.prefix = str(a->ns->prefix);
    }
    for (const xmlNode* t = a->children; t; t = t->next) {
      if (t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) attr.value += str(t->content);
    }
    out->attrs.push_back(std::move(attr));
  }
  for (const xmlNode* c = n->children; c; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) {
      if (depth < kMaxDepth) out->children.push_back(convert(c, depth + 1));
    } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      out->text += str(c->content);
    }
  }
  return out;
}

}  // namespace

const std::string* XmlNode::attr(std::string_view attr_ns, std::string_view attr_name) const {
  for (const Attr& a : attrs) {
    if (a.ns == attr_ns && a.name == attr_name) return &a.value;
  }
  return nullptr;
}

std::string XmlNode::all_text() const {
  std::string out;
  walk([&](const XmlNode& n) {
    out += n.text;
    return true;
  });
  return out;
}

void XmlNode::walk(const std::function<bool(const XmlNode&)>& visit) const {
  if (!visit(*this)) return;
  for (const auto& c : children) c->walk(visit);
}

std::optional<std::unique_ptr<XmlNode>> parse_xml(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return std::nullopt;
  // No XML_PARSE_NOENT (no entity substitution), no DTD loading, no network.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS;
  xmlDocPtr doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), "part.xml", nullptr, options);
  if (!doc) return std::nullopt;
  const xmlNode* root = xmlDocGetRootElement(doc);
  std::optional<std::unique_ptr<XmlNode>> out;
  if (root) out = convert(root, 0);
  xmlFreeDoc(doc);
  return out;
}

}  // namespace granska::documents::detail
