// The language of user-facing text. Swedish is the default everywhere.
#pragma once

#include <optional>
#include <string_view>

namespace granska {

enum class Lang { Sv, En };

// Bilingual text owned by static data (rule texts, messages).
struct Text {
  std::string_view sv;
  std::string_view en;
  std::string_view in(Lang lang) const { return lang == Lang::En ? en : sv; }
};

// "sv" / "en" (case-insensitive); nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view s);

}  // namespace granska
