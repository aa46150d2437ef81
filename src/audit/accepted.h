// Accepted issues (a baseline): known failures that the city has decided to accept for a
// while, each with a written justification and an expiry date. Until the date has passed
// a matching failure is reported as accepted, not as a failure, and does not fail the
// run; from the day after, it is a failure again and the report says the acceptance
// expired. Entries that match nothing are reported as stale so the file is kept tidy.
//
// File format (TOML), one [[accepted]] table per entry:
//   [[accepted]]
//   rule = "color-contrast"                  # required: a granska rule id
//   url = "https://e.malmo.se/ansok/steg-2"  # exact page URL (after redirects), or
//   url_prefix = "https://e.malmo.se/ansok/" # every page whose URL starts with this
//   selector = "#main > p:nth-child(2)"      # optional: only this element
//   justification = "Leverantörens nya tema rättar kontrasten i release 4.2"  # required
//   expires = 2027-03-31                     # required: a TOML date or "YYYY-MM-DD"
//   who = "Anna Andersson, stadskontoret"    # optional
//   ticket = "MALMO-1234"                    # optional
// Decision 0012 explains the semantics.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace granska::audit {

// A calendar date (no time zone: expiry is a whole day).
struct Date {
  int year = 0, month = 0, day = 0;
  friend auto operator<=>(const Date&, const Date&) = default;
  std::string iso() const;  // "2027-03-31"
};
// "YYYY-MM-DD" with a real month and day (leap years included); nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
// Today's date in UTC (the clock is read here only; tests pass their own date instead).
Date today_utc();

struct AcceptedIssue {
  std::string rule;
  std::string url;         // exact page URL; empty when url_prefix is used
  std::string url_prefix;  // empty when url is used
  std::string selector;    // empty: any element (and page-level findings) of the rule
  std::string justification;
  Date expires;  // accepted up to and including this day
  std::string who, ticket;
  int line = 0;  // line of the [[accepted]] header in the file

  bool matches(std::string_view rule_id, std::string_view page_url, std::string_view element_selector) const;
  bool expired(const Date& today) const { return today > expires; }
};

struct AcceptedList {
  std::vector<AcceptedIssue> entries;

  // The entry that covers this finding: an unexpired match wins over an expired one; the
  // first in file order among equals. Index into entries, or -1 when none matches.
  int match(std::string_view rule_id, std::string_view page_url, std::string_view selector,
            const Date& today) const;
};

// Parses the file's text. Errors name the file and line: TOML syntax, an unknown key, a
// missing rule / justification / expires, neither or both of url and url_prefix, a
// malformed date. `known_rule` (may be empty) refuses unknown rule ids.
Result<AcceptedList> parse_accepted(std::string_view toml_text, std::string_view file_name,
                                    bool (*known_rule)(std::string_view) = nullptr);
// Reads and parses a file.
Result<AcceptedList> load_accepted(const std::string& path, bool (*known_rule)(std::string_view) = nullptr);

}  // namespace granska::audit
