// The phrases the accessibility-statement check looks for (config/statement-sv.toml and
// config/statement-en.toml, compiled in as the defaults; the format and the source of each
// requirement are documented in those files). Several files (one per language) are merged:
// their phrases are all used, item by item.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace granska::config {

// One of the contents DIGG lists for a statement.
struct StatementItemPhrases {
  std::string id;      // "public-body", "service-name", "compliance", ...
  std::string kind;    // "phrase", "body", "service", "compliance", "dated", "contact", "link"
  std::string source;  // where the requirement comes from (shown in the report), per language
  std::vector<std::string> found, review, links, fully;  // lowercase (folded)
  bool missing_needs_review = false;           // missing = "review"
  bool not_needed_when_fully_compliant = false;
  int stale_after_days = 0;                    // 0: no staleness flag
};

struct StatementPhrases {
  // Link text and address phrases that lead to the statement, strongest first.
  std::vector<std::string> link_text, link_url;
  std::vector<std::pair<std::string, int>> months;  // month name (folded) -> 1..12
  std::vector<StatementItemPhrases> items;           // in the first file's order
  std::vector<std::string> sources_sv, sources_en;   // per item (same order), "" when a file gave none
};

// The item ids every phrase file must cover, in the order the report lists them.
inline constexpr const char* kStatementItemIds[] = {
    "public-body",     "service-name", "compliance", "non-accessible-content", "assessment-date", "last-updated",
    "method",          "feedback",     "digg-link",  "disproportionate-burden", "outside-scope"};

// Reads and merges phrase files (TOML text with a name for messages). Errors (bilingual):
// TOML syntax, a missing or unknown item id, an unknown kind, a key of the wrong type.
Result<StatementPhrases> parse_statement_phrases(const std::vector<std::pair<std::string, std::string>>& files);
// The files at `paths`; the built-in Swedish and English files when `paths` is empty.
Result<StatementPhrases> load_statement_phrases(const std::vector<std::string>& paths);

}  // namespace granska::config
