#include "checks/common/wording.h"

#include <algorithm>
#include <array>
#include <vector>

#include "util/text.h"

namespace granska::checks::wording {

namespace {

// Decodes one UTF-8 sequence at s[i]; advances i. Invalid bytes decode as U+FFFD.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  std::uint32_t cp = b & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

// Letters and digits are kept; everything a reader sees as punctuation, a symbol, an
// arrow, an icon (private use area: icon fonts) or an emoji becomes a separator.
bool is_word_char(std::uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0) return false;                   // Latin-1 punctuation, NBSP, », «, ©
  if (cp == 0xD7 || cp == 0xF7) return false;    // × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // general punctuation … arrows, shapes
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;  // private use (icon fonts)
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;  // variation selectors
  if (cp >= 0x1F000) return false;               // emoji, pictographs
  return cp != 0xFFFD;
}

std::uint32_t lower(std::uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;  // À…Þ (Å, Ä, Ö, É, Ü)
  return cp;
}

bool in(std::string_view needle, std::initializer_list<std::string_view> list) {
  for (std::string_view s : list) {
    if (s == needle) return true;
  }
  return false;
}

std::vector<std::string_view> words(std::string_view normalised) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < normalised.size()) {
    std::size_t j = normalised.find(' ', i);
    if (j == std::string_view::npos) j = normalised.size();
    out.push_back(normalised.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The extension of the last path segment of a URL, lowercased; "" when it has none.
std::string url_extension(std::string_view href) {
  href = text::trim(href);
  href = href.substr(0, href.find_first_of("?#"));
  std::size_t slash = href.rfind('/');
  std::string_view segment = slash == std::string_view::npos ? href : href.substr(slash + 1);
  std::size_t dot = segment.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == segment.size()) return "";
  return text::ascii_lower(segment.substr(dot + 1));
}

}  // namespace

namespace {

// normalise_phrase into `out`, giving up (false) once the result would be longer than
// `limit` bytes: it only grows, so a phrase list need not see the rest of a long text.
bool normalise_into(std::string& out, std::string_view s, std::size_t limit) {
  out.reserve(std::min(s.size(), limit + 1));
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    if (out.size() > limit) return false;
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII, most of any text: decoded, tested and lowered in place
      ++i;
      if (!is_word_char(b)) {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      continue;
    }
    std::uint32_t cp = next_code_point(s, i);
    if (!is_word_char(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    text::append_utf8(out, lower(cp));
  }
  return out.size() <= limit;
}

// Whether the normalised phrase of `s` is one of `list`.
bool phrase_in(std::string_view s, std::initializer_list<std::string_view> list) {
  std::size_t longest = 0;
  for (std::string_view p : list) longest = std::max(longest, p.size());
  std::string n;
  return normalise_into(n, s, longest) && in(n, list);
}

}  // namespace

std::string normalise_phrase(std::string_view s) {
  std::string out;
  normalise_into(out, s, s.size());  // never longer than the text: no limit
  return out;
}

bool is_generic_link_text(std::string_view name) {
  return phrase_in(name, {
                             // Swedish
                             "läs mer", "läs mer här", "läs vidare", "läs hela", "klicka här",
                             "klicka här för mer information", "klicka", "här", "mer", "mer info",
                             "mer information", "mer info här", "länk", "länken", "gå hit", "se mer",
                             "visa mer info",
                             // English
                             "read more", "read more here", "continue reading", "click here", "click", "here",
                             "more", "more info", "more information", "learn more", "find out more", "link",
                         });
}

bool is_placeholder_alt(std::string_view alt) {
  return phrase_in(alt, {
                   "bild", "bilden", "en bild", "foto", "fotot", "fotografi", "grafik", "ikon", "ikonen",
                   "alt", "alt text", "alttext", "bildtext", "namnlös", "platshållare", "image", "img", "photo",
                   "picture", "pic", "graphic", "icon", "spacer", "placeholder", "untitled", "blank",
               });
}

bool is_bare_logo_word(std::string_view alt) {
  return phrase_in(alt, {"logo", "logotyp", "logotypen", "logga", "loggan", "logotype"});
}

FileNameLikeness file_name_likeness(std::string_view alt) {
  std::string_view t = text::trim(alt);
  if (t.empty()) return FileNameLikeness::No;
  // Ends in ".jpg" and friends: a file name, a path or a URL.
  std::size_t dot = t.rfind('.');
  if (dot != std::string_view::npos && dot > 0) {
    std::string ext = text::ascii_lower(t.substr(dot + 1));
    if (in(ext, {"jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "heic", "avif", "jfif"})) {
      return FileNameLikeness::Certain;
    }
  }
  if (t.find_first_of(" \t\n\r\f") != std::string_view::npos) return FileNameLikeness::No;
  // Camera and phone file names: a known prefix, an optional _ or -, then three or more digits.
  std::string lower = text::ascii_lower(t);
  for (std::string_view prefix : {"img", "dsc", "dscn", "dscf", "dcim", "pict", "pxl", "gopr", "mvimg", "imag"}) {
    if (lower.size() <= prefix.size() || lower.compare(0, prefix.size(), prefix) != 0) continue;
    std::size_t i = prefix.size();
    if (lower[i] == '_' || lower[i] == '-') ++i;
    std::size_t digits = 0;
    while (i + digits < lower.size() && lower[i + digits] >= '0' && lower[i + digits] <= '9') ++digits;
    if (digits >= 3) return FileNameLikeness::Certain;
  }
  bool underscore = false, digit = false;
  for (char c : t) {
    underscore = underscore || c == '_';
    digit = digit || (c >= '0' && c <= '9');
  }
  return underscore && digit ? FileNameLikeness::Likely : FileNameLikeness::No;
}

bool mentions_new_window(std::string_view text) {
  std::string n = " " + normalise_phrase(text) + " ";
  for (std::string_view phrase : {" nytt fönster ", " nya fönster ", " nytt webbläsarfönster ", " ny flik ",
                                  " ny webbläsarflik ", " nytt webbläsarfönster ", " new window ", " new tab ",
                                  " new browser window ", " new browser tab "}) {
    if (n.find(phrase) != std::string::npos) return true;
  }
  return false;
}

std::optional<std::string_view> document_format_of_url(std::string_view href) {
  std::string ext = url_extension(href);
  if (ext == "pdf") return "PDF";
  if (in(ext, {"doc", "docx", "docm", "dot", "dotx"})) return "Word";
  if (in(ext, {"xls", "xlsx", "xlsm", "xlsb"})) return "Excel";
  if (in(ext, {"ppt", "pptx", "pps", "ppsx"})) return "PowerPoint";
  if (in(ext, {"odt", "ods", "odp", "odg"})) return "OpenDocument";
  if (ext == "rtf") return "RTF";
  return std::nullopt;
}

std::optional<std::string_view> document_format_of_mime(std::string_view type) {
  std::string t = text::ascii_lower(text::trim(type.substr(0, type.find(';'))));
  if (t == "application/pdf") return "PDF";
  if (t == "application/msword" || text::istarts_with(t, "application/vnd.openxmlformats-officedocument.wordprocessingml")) {
    return "Word";
  }
  if (t == "application/vnd.ms-excel" || text::istarts_with(t, "application/vnd.openxmlformats-officedocument.spreadsheetml")) {
    return "Excel";
  }
  if (t == "application/vnd.ms-powerpoint" ||
      text::istarts_with(t, "application/vnd.openxmlformats-officedocument.presentationml")) {
    return "PowerPoint";
  }
  if (text::istarts_with(t, "application/vnd.oasis.opendocument.")) return "OpenDocument";
  if (t == "application/rtf" || t == "text/rtf") return "RTF";
  return std::nullopt;
}

bool mentions_document_format(std::string_view text) {
  std::vector<std::string_view> ws;
  std::string n = normalise_phrase(text);
  ws = words(n);
  for (std::size_t i = 0; i < ws.size(); ++i) {
    std::string_view w = ws[i];
    // Swedish compounds count: "pdf-fil" (two words after normalising), "pdffil", "worddokument".
    for (std::string_view stem : {"pdf", "word", "excel", "powerpoint", "opendocument"}) {
      if (w.starts_with(stem)) return true;
    }
    if (in(w, {"doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "kalkylark"})) return true;
    // File sizes: "2 MB", "2,5 MB", "350kB".
    for (std::string_view unit : {"kb", "mb", "gb"}) {
      if (w == unit && i > 0 && is_digits(ws[i - 1])) return true;
      if (w.size() > unit.size() && w.ends_with(unit) && is_digits(w.substr(0, w.size() - unit.size()))) return true;
    }
  }
  return false;
}

}  // namespace granska::checks::wording
