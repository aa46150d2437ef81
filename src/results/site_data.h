// What the site step (src/site) decides about each site of a scan, as plain data: stored by
// src/store, read by the report through results::ScanSource (scan_data.h). Messages are
// not stored as text: a finding keeps its message id and arguments, and site/messages.h
// gives the text in either language (as page findings do).
//
// Everything that came from a page (URLs, names, sentences of a statement) is untrusted:
// writers escape it for their format.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace granska::results {

// The site-level checks. Each has a stable id (report.json, the CSV, the store).
enum class SiteCheck : unsigned char {
  Statement,                 // the accessibility statement (lag 2018:1937 16 §, DIGG's guidance)
  ConsistentNavigation,      // WCAG 2.1 3.2.3 (AA)
  ConsistentIdentification,  // WCAG 2.1 3.2.4 (AA)
  MultipleWays,              // WCAG 2.1 2.4.5 (AA)
  BrokenLinks,               // links to pages that answered 4xx/5xx (best practice)
  BrokenAnchors,             // links to a fragment no element has (best practice)
};
inline constexpr SiteCheck kSiteChecks[] = {SiteCheck::Statement,    SiteCheck::ConsistentNavigation,
                                            SiteCheck::ConsistentIdentification, SiteCheck::MultipleWays,
                                            SiteCheck::BrokenLinks,  SiteCheck::BrokenAnchors};
// "statement", "consistent-navigation", "consistent-identification", "multiple-ways",
// "broken-links", "broken-anchors"
std::string_view to_string(SiteCheck c);
bool parse_site_check(std::string_view s, SiteCheck& out);
// The WCAG criterion a check tests ("3.2.3"), "" for the statement and best practice.
std::string_view criterion_of(SiteCheck c);
// Best practice: a finding is a warning that fails nothing (broken links and anchors).
bool best_practice(SiteCheck c);

// One of the contents DIGG lists for a statement, as found in it.
struct StatementItem {
  std::string id;  // "public-body", "service-name", "compliance", ... (site/statement.h)
  // Passed: found; Failed: not found; CantTell: needs review; Inapplicable: not needed
  // (e.g. a list of inaccessible content in a statement that says "helt förenlig").
  engine::Outcome outcome = engine::Outcome::Failed;
  std::string evidence;    // the sentence that matched (untrusted), "" when none
  std::string note;        // a message id of site/messages.h that qualifies the outcome, "" when none
  std::vector<std::string> note_args;
};

struct StatementResult {
  std::string url;          // the statement's address, "" when no link to one was found
  std::string link_text;    // the link's text on the page that links to it most (untrusted)
  std::size_t pages = 0;            // checked pages of the site
  std::size_t pages_linking = 0;    // of which link to the statement
  bool linked_from_start = false;   // the start page links to it
  std::string format;       // "html", "pdf", "other", "" when not read
  // How the text was read: "crawl" (stored by the crawl), "fetched" (by the site step),
  // "" (not read: no statement, a PDF, an error; see read_error).
  std::string source;
  std::string read_error_sv, read_error_en;  // why it could not be read, "" when it was
  std::string last_updated;  // the date of the last update as found (ISO 8601), "" when none
  std::vector<StatementItem> items;  // in the order of site/statement.h's kStatementItems
};

// A check's outcome over a whole site: Failed when a finding fails it, CantTell when some
// need review, Passed when it was tested and nothing was found, Inapplicable when nothing
// to test was found (e.g. no navigation block repeats).
struct SiteCheckSummary {
  SiteCheck check = SiteCheck::Statement;
  engine::Outcome outcome = engine::Outcome::Inapplicable;
  std::size_t findings = 0;
  std::size_t tested = 0;  // what it looked at: pages, repeated blocks, functions (check-specific)
};

struct SiteSummary {
  std::string id;     // stable within a configuration: the [[site]]'s name, or its host
  std::string name;   // as shown
  std::vector<std::string> hosts;
  std::string owner;  // the unit (org::Unit::id) that answers for the site: its start page's unit
  std::string start_url;
  std::vector<std::string> units;  // the units with checked pages on the site (owner included)
  std::size_t pages = 0, html_pages = 0;
  StatementResult statement;
  std::vector<SiteCheckSummary> checks;  // one per kSiteChecks, in that order
};

// One thing a site-level check found, on one page.
struct SiteFinding {
  std::string site;       // SiteSummary::id
  SiteCheck check = SiteCheck::Statement;
  engine::Outcome outcome = engine::Outcome::Failed;  // Failed or CantTell
  std::string page_url;   // the page it is about, "" for the site as a whole
  std::string unit;       // the page's unit, as stored with the page
  std::string message_id;             // site/messages.h
  std::vector<std::string> args;      // untrusted
};

}  // namespace granska::results
