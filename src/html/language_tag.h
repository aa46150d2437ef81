// BCP 47 language tags as used in lang and xml:lang attributes.
#pragma once

#include <string_view>

namespace granska::html {

// The primary language subtag: the part before the first '-' ("sv" of "sv-SE").
std::string_view primary_language_subtag(std::string_view tag);

// True when the tag's primary subtag is a language in the IANA Language Subtag Registry
// (case-insensitive; "sv", "sma", "FR" are; "eng", "em", "i", "#1" are not). Only the
// primary subtag is checked, as the ACT rules do.
bool has_valid_primary_language(std::string_view tag);

}  // namespace granska::html
