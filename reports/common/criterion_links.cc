#include "reports/common/criterion_links.h"

namespace granska::reports {

std::string wcag_anchor(const engine::Criterion& c) {
  std::string out;
  for (char ch : c.title.en) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      out += ch;
    } else if (ch >= 'A' && ch <= 'Z') {
      out += static_cast<char>(ch - 'A' + 'a');
    } else if ((ch == ' ' || ch == '-') && !out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string wcag_url(const engine::Criterion& c, Lang lang) {
  return std::string(lang == Lang::En ? "https://www.w3.org/TR/WCAG21/#" : "https://www.w3.org/Translations/WCAG21-sv/#") +
         wcag_anchor(c);
}

std::string_view en_301_549_url() {
  return "https://www.etsi.org/deliver/etsi_en/301500_301599/301549/03.02.01_60/en_301549v030201p.pdf";
}

}  // namespace granska::reports
