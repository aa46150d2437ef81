#include "reports/common/glossary.h"

namespace granska::reports::glossary {

Text rule_kind(engine::RuleKind k) {
  return k == engine::RuleKind::Requirement ? Text{"krav", "requirement"} : Text{"god praxis", "best practice"};
}

Text status_short(figures::Status s) {
  switch (s) {
    case figures::Status::Satisfactory: return {"Ja", "Yes"};
    case figures::Status::Partial: return {"Delvis", "Partly"};
    case figures::Status::Unsatisfactory: return {"Nej", "No"};
    case figures::Status::NotAssessed: return {"Ej bedömd", "Not assessed"};
  }
  return {};
}

std::string_view status_symbol(figures::Status s) {
  switch (s) {
    case figures::Status::Satisfactory: return "\u2714";    // ✔
    case figures::Status::Partial: return "\u25D0";         // ◐
    case figures::Status::Unsatisfactory: return "\u2716";  // ✖
    case figures::Status::NotAssessed: return "\u2013";     // –
  }
  return "";
}

Text review_mark(figures::ReviewMark m) {
  switch (m) {
    case figures::ReviewMark::Yes: return {"Ja", "Yes"};
    case figures::ReviewMark::Partly: return {"Delvis", "Partly"};
    case figures::ReviewMark::No: return {"Nej", "No"};
    case figures::ReviewMark::NotTested: return {"Ej testat", "Not tested"};
  }
  return {};
}

std::string_view review_symbol(figures::ReviewMark m) {
  switch (m) {
    case figures::ReviewMark::Yes: return status_symbol(figures::Status::Satisfactory);
    case figures::ReviewMark::Partly: return status_symbol(figures::Status::Partial);
    case figures::ReviewMark::No: return status_symbol(figures::Status::Unsatisfactory);
    case figures::ReviewMark::NotTested: return status_symbol(figures::Status::NotAssessed);
  }
  return "";
}

Text coverage(org::Coverage c) { return org::label(c); }

Text page_kind(std::string_view kind) {
  if (kind == "html") return {"webbsida", "web page"};
  if (kind == "document") return {"dokument", "document"};
  if (kind == "media") return {"ljud eller video", "audio or video"};
  if (kind == "captions") return {"textspår", "caption file"};
  if (kind == "skipped") return {"inte granskad", "not checked"};
  if (kind == "redirected") return {"omdirigerad", "redirected"};
  if (kind == "blocked") return {"stoppad av robots.txt", "blocked by robots.txt"};
  if (kind == "failed") return {"kunde inte hämtas", "could not be fetched"};
  return {"okänd", "unknown"};
}

Text document_check(std::string_view state) {
  if (state == "checked") return {"granskat", "checked"};
  if (state == "unreadable") return {"kunde inte öppnas", "could not be opened"};
  if (state == "not-fetched") return {"kunde inte hämtas", "could not be fetched"};
  if (state == "too-large") return {"för stort", "too large"};
  if (state == "over-cap") return {"över genomsökningens gräns för dokument", "over the scan's limit for documents"};
  if (state == "unsupported") return {"format som inte granskas automatiskt", "format not checked automatically"};
  if (state == "listed") return {"listat, inte granskat", "listed, not checked"};
  return {"okänt", "unknown"};
}

Text document_format(std::string_view format) {
  if (format == "pdf") return {"PDF", "PDF"};
  if (format == "docx") return {"Word (docx)", "Word (docx)"};
  if (format == "xlsx") return {"Excel (xlsx)", "Excel (xlsx)"};
  if (format == "pptx") return {"PowerPoint (pptx)", "PowerPoint (pptx)"};
  if (format == "legacy-office") return {"äldre Office-format", "older Office format"};
  return {"", ""};
}

std::string document_place(Lang lang, std::uint32_t page, std::string_view path, std::uint32_t object) {
  std::string out;
  if (page > 0) out += (lang == Lang::En ? "page " : "sida ") + std::to_string(page);
  if (!path.empty()) out += (out.empty() ? "" : ", ") + std::string(path);
  if (object > 0) out += (out.empty() ? "" : ", ") + std::string(lang == Lang::En ? "object " : "objekt ") + std::to_string(object);
  if (out.empty()) out = lang == Lang::En ? "the whole document" : "hela dokumentet";
  return out;
}

const Noun& element_noun(std::string_view tag) {
  static constexpr Noun kLinks{{"länk", "link"}, {"länkar", "links"}};
  static constexpr Noun kImages{{"bild", "image"}, {"bilder", "images"}};
  static constexpr Noun kButtons{{"knapp", "button"}, {"knappar", "buttons"}};
  static constexpr Noun kFields{{"formulärfält", "form field"}, {"formulärfält", "form fields"}};
  static constexpr Noun kHeadings{{"rubrik", "heading"}, {"rubriker", "headings"}};
  static constexpr Noun kTables{{"tabell", "table"}, {"tabeller", "tables"}};
  static constexpr Noun kMedia{{"ljud- eller videoklipp", "audio or video clip"}, {"ljud- och videoklipp", "audio and video clips"}};
  static constexpr Noun kFrames{{"ram", "frame"}, {"ramar", "frames"}};
  static constexpr Noun kElements{{"element", "element"}, {"element", "elements"}};
  if (tag == "a" || tag == "area") return kLinks;
  if (tag == "img" || tag == "svg") return kImages;
  if (tag == "button") return kButtons;
  if (tag == "input" || tag == "select" || tag == "textarea") return kFields;
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') return kHeadings;
  if (tag == "table") return kTables;
  if (tag == "video" || tag == "audio") return kMedia;
  if (tag == "iframe" || tag == "frame") return kFrames;
  return kElements;
}

std::string number(std::size_t n, Lang lang) {
  std::string digits = std::to_string(n);
  // Swedish groups numbers of five digits and more (Språkrådet); English from four.
  if (digits.size() <= (lang == Lang::En ? 3u : 4u)) return digits;
  const std::string_view sep = lang == Lang::En ? "," : "\u00a0";
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

std::string count(std::size_t n, const Noun& noun, Lang lang) {
  return number(n, lang) + (lang == Lang::En ? " " : "\u00a0") + std::string((n == 1 ? noun.one : noun.many).in(lang));
}

}  // namespace granska::reports::glossary
