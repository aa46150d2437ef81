#include "reports/common/glossary.h"

namespace granska::reports::glossary {

Text rule_kind(engine::RuleKind k) {
  return k == engine::RuleKind::Requirement ? Text{"krav", "requirement"} : Text{"god praxis", "best practice"};
}

Text coverage(org::Coverage c) { return org::label(c); }

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
  return number(n, lang) + (lang == Lang::En ? " " : "\u00a0") + std::string(form(n, noun, lang));
}

}  // namespace granska::reports::glossary
