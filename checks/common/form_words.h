// Words a web editor uses to tell visitors that a form field must be filled in, in Swedish
// and English, shared by the form rules. A small table rather than a dictionary: matching
// is a plain substring search on lowercased text, so "Obligatoriskt", "obligatoriska" and
// "(obligatorisk)" all match "obligatorisk". Generous on purpose: every extra word can only
// turn a warning into a pass, never the other way round.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "util/text.h"

namespace granska::checks::words {

inline constexpr std::array<std::string_view, 12> kRequiredMarkers = {
    "*",          "obligatorisk", "måste",   "krävs",    "kräver", "ska fyllas i",
    "nödvändig", "tvingande",     "required", "mandatory", "must",  "obligatory",
};

// ASCII lowercase plus the Swedish capitals Å, Ä, Ö (and É) in UTF-8, which is all the
// case folding the word table needs.
inline std::string fold_case(std::string_view s) {
  std::string out = text::ascii_lower(s);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (static_cast<unsigned char>(out[i]) != 0xC3) continue;
    unsigned char next = static_cast<unsigned char>(out[i + 1]);
    if (next == 0x85 || next == 0x84 || next == 0x96 || next == 0x89) out[i + 1] = static_cast<char>(next + 0x20);
  }
  return out;
}

// True when `text` says, in words or with an asterisk, that something must be filled in.
inline bool mentions_required(std::string_view text) {
  std::string folded = fold_case(text);
  for (std::string_view w : kRequiredMarkers) {
    if (folded.find(w) != std::string::npos) return true;
  }
  return false;
}

// Form-wide instructions such as "Alla fält måste fyllas i" / "All fields are required".
inline bool mentions_all_fields_required(std::string_view text) {
  std::string folded = fold_case(text);
  bool all = folded.find("alla fält") != std::string::npos || folded.find("all fields") != std::string::npos ||
             folded.find("samtliga fält") != std::string::npos;
  return all && mentions_required(folded);
}

}  // namespace granska::checks::words
