// Reading an accessibility statement: which of the eleven contents DIGG lists it has, each
// found / not found / needs review, with the sentence that matched. Pure functions over
// the statement's text (one block per line, results::PageFacts::text) and the phrases of
// config/statement-*.toml.
//
// What text matching can and cannot say: a phrase found is evidence the content is there
// (the sentence is shown, so a person can confirm it); a missing phrase in a statement
// written in other words is a false "not found", which is why the phrases are data the city
// adjusts. Whether the list of inaccessible content is complete, or the reasons valid,
// needs a person.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/statement_config.h"
#include "results/site_data.h"

namespace granska::site {

struct StatementText {
  std::string text;                // one block per line
  std::vector<std::string> links;  // the statement page's link targets
  bool has_form = false;           // a form a visitor can write in
};

struct StatementContext {
  std::vector<std::string> owner_names;  // the unit that answers for the site (both languages)
  std::vector<std::string> site_names;   // the site's name and hosts
  std::string scan_date;                 // "YYYY-MM-DD": the scan's start, for staleness
};

struct StatementReading {
  std::vector<results::StatementItem> items;  // in config::kStatementItemIds order
  std::string last_updated;                   // ISO date, "" when none found
  bool fully_compliant = false;
};

StatementReading read_statement(const StatementText& statement, const StatementContext& context,
                                const config::StatementPhrases& phrases);

// A date written in `text`: ISO 8601 (2024-03-01), "1 mars 2024", "1:a mars 2024",
// "March 1, 2024", or "mars 2024" (then the last day of the month). The latest one when
// there are several; nullopt when none. Month names from the phrases.
std::optional<std::string> find_date(std::string_view folded_text, const config::StatementPhrases& phrases);

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD" (nullopt when it is not one).
std::optional<long> days_of(std::string_view iso_date);

// The sentence of `line` around byte `pos`, at most 300 code points.
std::string sentence_at(std::string_view line, std::size_t pos);

}  // namespace granska::site
