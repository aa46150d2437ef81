#include <exception>

#include "documents/document.h"
#include "documents/pdf_reader.h"
#include "util/sha256.h"

namespace granska::documents {

std::string_view to_string(Format f) {
  switch (f) {
    case Format::Pdf: return "pdf";
    case Format::Docx: return "docx";
    case Format::Xlsx: return "xlsx";
    case Format::Pptx: return "pptx";
    case Format::LegacyOffice: return "legacy-office";
  }
  return "";
}

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char a = s[i], b = suffix[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != b) return false;
  }
  return true;
}

// The name without query or fragment, so "…/a.docx?v=2" still ends in ".docx".
std::string_view path_part(std::string_view name) { return name.substr(0, name.find_first_of("?#")); }

}  // namespace

std::optional<Format> sniff(std::string_view bytes, std::string_view name, std::string_view content_type) {
  // ISO 32000-1 7.5.2 lets readers find the header within the first 1024 bytes.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return Format::Pdf;
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Format::LegacyOffice;
  if (!bytes.starts_with("PK\x03\x04")) return std::nullopt;
  const std::string_view path = path_part(name);
  if (ends_with_ci(path, ".docx") || content_type.find("wordprocessingml") != std::string_view::npos) return Format::Docx;
  if (ends_with_ci(path, ".xlsx") || content_type.find("spreadsheetml") != std::string_view::npos) return Format::Xlsx;
  if (ends_with_ci(path, ".pptx") || content_type.find("presentationml") != std::string_view::npos) return Format::Pptx;
  // Part names are stored in the clear in the local headers and the central directory.
  if (bytes.find("[Content_Types].xml") == std::string_view::npos) return std::nullopt;
  if (bytes.find("word/document.xml") != std::string_view::npos) return Format::Docx;
  if (bytes.find("xl/workbook.xml") != std::string_view::npos) return Format::Xlsx;
  if (bytes.find("ppt/presentation.xml") != std::string_view::npos) return Format::Pptx;
  return std::nullopt;
}

Result<Document> open(std::string_view bytes, std::string_view url, const Limits& limits) {
  const std::string name(url.empty() ? std::string_view("the document") : url);
  try {
    if (bytes.size() > limits.max_bytes) {
      const std::string l = detail::Budget::mb(limits.max_bytes);
      return Error{name + " is larger than the limit of " + l, name + " är större än gränsen på " + l};
    }
    const std::optional<Format> format = sniff(bytes, url);
    if (!format) {
      return Error{name + " is not a PDF or Office document", name + " är inte ett PDF- eller Office-dokument"};
    }
    Document doc;
    doc.format = *format;
    doc.url = std::string(url);
    doc.bytes = bytes.size();
    doc.sha256 = sha256_hex(bytes);
    detail::Budget budget(limits);
    if (*format == Format::Pdf) {
      Result<Pdf> pdf = detail::read_pdf(bytes, name, doc.notes, budget);
      if (!pdf) return pdf.error();
      doc.pdf = std::move(pdf).value();
    } else if (*format != Format::LegacyOffice) {
      Result<Office> office = detail::read_office(bytes, *format, name, doc.notes, budget);
      if (!office) return office.error();
      doc.office = std::move(office).value();
    }
    return doc;
  } catch (const std::exception& e) {  // bad_alloc and anything a library threw
    return Error{name + " could not be read (" + std::string(e.what()) + ")",
                 name + " kunde inte läsas (" + std::string(e.what()) + ")"};
  }
}

}  // namespace granska::documents
