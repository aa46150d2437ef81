#include "util/lang.h"

#include "util/text.h"

namespace granska {

std::optional<Lang> parse_lang(std::string_view s) {
  if (text::iequals(s, "sv")) return Lang::Sv;
  if (text::iequals(s, "en")) return Lang::En;
  return std::nullopt;
}

}  // namespace granska
