// The result page: one checked page as a self-contained, accessible HTML document (no
// script, no external file, styles inline) that a web editor reads. `granska check
// --format html` writes it; `granska serve` shows the same page with its own additions
// (a permanent link, "check again", what changed since the last check).
//
// Layout: the summary first — counts, a table per criterion, what applies to the whole
// page — so that it fits one screen; then per criterion the kinds of problem, each with why
// the criterion matters, how to fix it, and where (line, selector, snippet; the first few
// at once, the rest behind a disclosure). Everything from the page is escaped.
#pragma once

#include <ostream>
#include <string>

#include "reports/page/page_summary.h"
#include "reports/page/report.h"
#include "results/scan_data.h"

namespace granska::reports {

// What the web app adds to the page. All URLs are the app's own (trusted); times are
// plain text.
struct ResultPageApp {
  std::string home_href;         // the form ("/?lang=en"); also the nav's first link
  std::string lang_switch_href;  // this page in the other language
  std::string permalink;         // absolute URL of /r/<id>
  std::string kept_until;        // "2027-01-06": when the stored result is removed
  std::string recheck_action;    // POST target of "check again"; "" when the page has no address to fetch
  std::string recheck_hidden_html;  // trusted hidden inputs for that form
  // What changed since the previous check of the same address; null when none.
  const CheckChanges* changes = nullptr;
  std::string previous_href;     // the previous result (/r/<id>)
  std::string previous_checked;  // when it was checked, as shown
};

// Writes the whole document for `page`, summarised as `summary` (built from `page` with
// options.profile). `checked` is when the page was checked, as shown ("2026-12-07 14:03 UTC").
void write_result_page(std::ostream& out, const results::PageRow& page, const PageSummary& summary,
                       const std::string& checked, const Options& options, const ResultPageApp* app = nullptr);

// `granska check --format html`: the result page of each checked page (one for check).
void write_html(std::ostream& out, std::span<const PageReport> pages, const Options& options);

// "2026-12-07T14:03:05Z" -> "2026-12-07 14:03 UTC"; anything else unchanged.
std::string display_time(std::string_view utc_iso);

}  // namespace granska::reports
