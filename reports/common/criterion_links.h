// Where the text of each success criterion is: the one table of links the reports use, so
// that every mention of a criterion points at the same sources.
//   - WCAG 2.1 in Swedish: the W3C's authorised translation
//     (https://www.w3.org/Translations/WCAG21-sv/), which keeps the English document's
//     anchors; in English the W3C Recommendation (https://www.w3.org/TR/WCAG21/).
//   - EN 301 549 V3.2.1 (2021-03), the harmonised standard the DOS law points to: ETSI
//     publishes it as one PDF without anchors per clause, so the link names the clause.
#pragma once

#include <string>
#include <string_view>

#include "engine/criteria.h"
#include "util/lang.h"

namespace granska::reports {

// The criterion's anchor in WCAG 2.1: its English title in lower case, words joined by
// '-', punctuation dropped ("Contrast (Minimum)" -> "contrast-minimum").
std::string wcag_anchor(const engine::Criterion& c);
// The criterion's text in WCAG 2.1: the Swedish translation (sv) or the Recommendation (en).
std::string wcag_url(const engine::Criterion& c, Lang lang);
// EN 301 549 V3.2.1 as published by ETSI.
std::string_view en_301_549_url();

}  // namespace granska::reports
