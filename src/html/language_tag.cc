#include "html/language_tag.h"

#include <algorithm>
#include <array>
#include <string>

#include "util/text.h"

namespace granska::html {

namespace {
constexpr std::string_view kSubtags[] = {
#include "html/language_subtags.inc"
};
}  // namespace

std::string_view primary_language_subtag(std::string_view tag) {
  tag = text::trim(tag);
  return tag.substr(0, tag.find('-'));
}

bool has_valid_primary_language(std::string_view tag) {
  std::string_view primary = primary_language_subtag(tag);
  if (primary.size() < 2 || primary.size() > 3) return false;
  std::string lower = text::ascii_lower(primary);
  return std::binary_search(std::begin(kSubtags), std::end(kSubtags), std::string_view(lower));
}

}  // namespace granska::html
