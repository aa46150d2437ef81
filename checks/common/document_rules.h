// Helpers shared by the document rules (checks/pdf_*.cc, checks/office_*.cc): where a
// finding is, and the questions several rules ask of the model.
#pragma once

#include <string>

#include "documents/document.h"
#include "engine/registry.h"

namespace granska::checks::doc {

using documents::Element;
using documents::Pdf;

inline const Pdf& pdf(const engine::DocumentContext& ctx) { return ctx.doc.pdf; }

// False when the PDF could not be opened without a password: the model is empty and only
// pdf-security has something to say.
inline bool readable(const engine::DocumentContext& ctx) { return !ctx.doc.pdf.security.password_required; }

// A tagged PDF: structure rules only apply to one (pdf-tagged reports the others).
inline bool has_structure(const engine::DocumentContext& ctx) {
  return readable(ctx) && ctx.doc.pdf.catalog.has_struct_tree;
}

// At most `n` characters of untrusted text for a snippet (whole UTF-8 characters).
inline std::string excerpt(std::string_view s, std::size_t n = 80) {
  if (s.size() <= n) return std::string(s);
  std::size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

inline engine::Place place(const Element& e, std::string snippet = {}) {
  return engine::Place{e.page, e.path, e.object, std::move(snippet)};
}

inline engine::Place page_place(std::uint32_t page, std::uint32_t object = 0) {
  return engine::Place{page, {}, object, {}};
}

inline engine::Place document_place() { return engine::Place{}; }

inline const Element* parent(const Pdf& p, const Element& e) {
  return e.parent >= 0 ? &p.elements[static_cast<std::size_t>(e.parent)] : nullptr;
}

// The language in force for an element: its own /Lang, an ancestor's, or the catalog's.
inline std::optional<std::string> language_of(const Pdf& p, const Element* e) {
  for (; e; e = parent(p, *e)) {
    if (e->lang && !e->lang->empty()) return e->lang;
  }
  if (p.catalog.lang && !p.catalog.lang->empty()) return p.catalog.lang;
  return std::nullopt;
}

inline bool non_empty(const std::optional<std::string>& s) {
  return s && s->find_first_not_of(" \t\r\n") != std::string::npos;
}

}  // namespace granska::checks::doc

namespace granska::checks::doc {

// Annotation subtypes of ISO 32000-1 (Table 169) that show content to the reader: the
// ones PDF/UA asks a description of. Popup, PrinterMark and TrapNet are not content;
// Widget and Link have rules of their own; unknown subtypes are not judged here.
inline bool content_annotation(const std::string& subtype) {
  static constexpr std::string_view kTypes[] = {"Text", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine",
                                                "Highlight", "Underline", "Squiggly", "StrikeOut", "Stamp", "Caret",
                                                "Ink", "FileAttachment", "Sound", "Movie", "Screen", "3D", "Watermark",
                                                "Redact", "RichMedia"};
  for (std::string_view t : kTypes) {
    if (subtype == t) return true;
  }
  return false;
}

// Hidden annotations and those wholly outside the page are never presented.
inline bool presented(const documents::Annotation& a) { return !a.hidden && !a.outside_page; }

inline engine::Place annotation_place(const documents::Pdf& p, const documents::Annotation& a, std::string snippet = {}) {
  engine::Place where{a.page, "", a.object, std::move(snippet)};
  if (a.element >= 0) where.path = p.elements[static_cast<std::size_t>(a.element)].path;
  return where;
}

}  // namespace granska::checks::doc
