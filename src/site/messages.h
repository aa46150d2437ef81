// The texts of the site-level checks: message ids of results::SiteFinding and of the
// statement items' notes, titles of the statement's contents and of the checks, in Swedish
// and English. A finding stores its message id and arguments only; the text is made here
// in the report's language. Some arguments are codes made by granska (a block as
// "nav:Huvudmeny", ways as "nav|search") and are put into words here; the others came
// from a page and are inserted as they are (the writer escapes them).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "results/site_data.h"
#include "util/lang.h"

namespace granska::site {

// The finding's or note's text; "" for an unknown id.
std::string message_text(std::string_view message_id, std::span<const std::string> args, Lang lang);

// "Tillgänglighetsredogörelse", "Konsekvent navigering (3.2.3)", ...
Text check_title(results::SiteCheck check);
// The statement's contents: "Namnet på den offentliga aktören", ...; {"", ""} when unknown.
Text statement_item_title(std::string_view item_id);
// "Hittades", "Saknas", "Kräver manuell granskning", "Behövs inte" for an item's outcome.
Text statement_item_outcome(engine::Outcome outcome);

// A block code ("nav:Huvudmeny", "header", "footer") as words: "navigeringen ”Huvudmeny”",
// "sidhuvudet", ...
std::string block_words(std::string_view code, Lang lang);
// A block code for a navigation block (kind and label) and its position among blocks of
// the same kind and label on its page (1 = the first, which is left out).
std::string block_code(std::string_view kind, std::string_view label, int ordinal);

}  // namespace granska::site
