#include "reports/common/xml_escape.h"

#include "util/text.h"

namespace granska::reports {

std::string escape_xml(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const std::size_t len = text::utf8_sequence(s, i, cp);
    if (len == 0) {  // an invalid byte: replace it alone and resynchronise on the next
      out += text::kReplacementUtf8;
      ++i;
      continue;
    }
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;  // a raw CR would be normalised away in content too
      default:
        if (cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF) {
          out += text::kReplacementUtf8;
        } else {
          out.append(s.substr(i, len));
        }
    }
    i += len;
  }
  return out;
}

}  // namespace granska::reports
