// The figures of a scan report, per unit: what the city office reads first. Pure logic
// over results::ScanSource rows; no presentation (reports/scan_report*.cc turn these into
// HTML, CSV and JSON).
//
// What counts as a failure (one definition, used by every figure, the trend and the diff):
//   a stored finding with outcome Failed of a *requirement* rule (engine::RuleKind) that
//   tests at least one criterion of the report's profile. Best-practice failures are
//   counted apart as warnings (they fail no criterion). CantTell findings of counted
//   rules are counted apart too (they need a person). Findings of rules that this
//   program no longer knows (the scan ran with another version) count nowhere, but the
//   CSV and JSON still list them.
// "Pages without failures" are HTML pages (PageRow::kind "html") on which no counted
// rule failed; other page records (documents, media, redirects, errors) are scanned pages
// but have no outcome of their own. An HTML record that is an alias of another (the same
// page under another URL, figures/aliases.h) is counted once, as its primary record.
// Documents have figures of their own (DocumentFigures), with the same definition of a
// failure; they count for the unit of every page that links to them (document_units())
// and do not move a unit's status, which is about its web pages.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/registry.h"
#include "org/org_map.h"
#include "org/profile.h"
#include "results/scan_data.h"

namespace granska::figures {

// What the report needs to know about each rule, looked up by the id stored with a finding.
struct RuleFacts {
  const engine::Rule* rule = nullptr;  // nullptr: unknown to this program
  std::size_t index = 0;                // position in Registry::rules()
  bool requirement = false;
  bool in_profile = false;  // at least one of its criteria is in the profile
  // Its criteria that are in the profile, as indices into Profile::criteria (WCAG order).
  std::vector<std::size_t> criteria;
  bool counts() const { return requirement && in_profile; }
};

// Rule id -> RuleFacts for one registry and profile. Immutable after construction.
class RuleIndex {
 public:
  // `profile` nullptr = every criterion counts (granska diff, which has no configuration).
  RuleIndex(const engine::Registry& registry, const org::Profile* profile);
  const RuleFacts& facts(std::string_view rule_id) const;  // an "unknown" entry when absent
  const engine::Registry& registry() const { return *registry_; }
  // The criteria counted per unit: the profile's, or every criterion any rule tests.
  const std::vector<std::string>& criteria() const { return criteria_; }

 private:
  const engine::Registry* registry_;
  std::vector<std::string> criteria_;
  std::map<std::string, RuleFacts, std::less<>> rules_;
  RuleFacts unknown_;
};

// Which unit a page belongs to. With an organisation map, every URL is assigned afresh by
// the map (so a corrected map applies to old scans too and trends compare like with like);
// without one, the unit id stored with the page is used and units appear as they are met.
// Not thread-safe (it learns units as it goes when there is no map).
class UnitResolver {
 public:
  explicit UnitResolver(const org::OrgMap* map);
  std::size_t unit_of(std::string_view url, std::string_view stored_unit);
  const std::vector<org::Unit>& units() const { return units_; }

 private:
  const org::OrgMap* map_;
  std::vector<org::Unit> units_;
  std::map<std::string, std::size_t, std::less<>> by_id_;
};

struct PageScore {
  std::string url;
  std::string title;  // untrusted
  std::size_t failures = 0;
};

// A unit's documents (or, in ScanFigures::total, every document once).
struct DocumentFigures {
  std::size_t documents = 0;    // documents that count for the unit, whatever became of them
  std::size_t checked = 0;      // opened and checked (DocumentRow::checked())
  std::size_t failing = 0;      // checked, and a counted rule failed
  std::size_t failures = 0;     // failed findings of counted rules
  std::size_t cant_tell = 0;    // cantTell findings of counted rules
  std::size_t warnings = 0;     // failed findings of best-practice rules
  std::size_t not_checked = 0;  // fetched or found but not checked: unreadable, too large, over the cap, …
  std::size_t over_cap = 0;     // of those: left out by the scan's cap on documents
  std::size_t shared = 0;       // also counting for another unit
};

struct UnitFigures {
  std::size_t pages = 0;                   // page records of every kind
  std::size_t html_pages = 0;              // kind "html" and not an alias: checked pages
  std::size_t pages_without_failures = 0;  // HTML pages no counted rule failed on
  std::size_t failures = 0;                // failed elements of counted rules
  std::size_t cant_tell = 0;               // cantTell findings of counted rules
  std::size_t warnings = 0;                // failed findings of best-practice rules
  std::size_t error_pages = 0;             // kind "failed": could not be fetched (404, 500, too large, …)
  std::size_t blocked = 0;                 // kind "blocked": robots.txt forbids fetching them
  std::size_t skipped = 0;                 // kind "skipped": not a page (image, CSS), or redirected out of scope
  std::size_t redirected = 0;              // kind "redirected": to a page recorded on its own
  std::size_t aliases = 0;                 // HTML records counted as another URL (aliases.h)
  std::size_t rendered = 0;                // of html_pages: checked as the browser rendered them
  std::size_t media = 0;                   // media items found
  std::size_t media_needing_work = 0;      // a media rule failed or could not tell
  std::size_t documents = 0;               // documents that count for the unit (= docs.documents)
  DocumentFigures docs;
  std::vector<std::size_t> failures_by_criterion;  // per RuleIndex::criteria(): failed elements
  std::vector<std::size_t> pages_by_criterion;     // per criterion: pages where it failed
  std::vector<std::size_t> pages_tested_by_criterion;  // per criterion: pages where a counted rule of it applied
  std::vector<std::size_t> cant_tell_by_criterion;     // per criterion: cantTell findings of counted rules
  std::vector<PageScore> worst_pages;               // most failures first (ties: URL), at most kWorstPages

  std::size_t pages_with_failures() const { return html_pages - pages_without_failures; }
  std::size_t criteria_with_failures() const;
  // Pages the unit has that could not be checked: fetch errors and robots.txt refusals.
  std::size_t not_checkable() const { return error_pages + blocked; }
};

inline constexpr std::size_t kWorstPages = 10;

// Zeros, with the per-criterion vectors sized for `criteria` criteria.
UnitFigures empty_figures(std::size_t criteria);

struct ScanFigures {
  results::ScanInfo scan;
  std::vector<UnitFigures> units;  // per UnitResolver::units() (may be shorter: pad with zeros)
  UnitFigures total;
};

// A media item needs work when any of its rules failed or could not tell.
bool media_needs_work(const results::MediaRow& m);

// A document's counts as the figures take them.
struct DocumentScore {
  std::size_t failures = 0, cant_tell = 0, warnings = 0;
  bool failed = false;  // a counted rule failed (by a finding or its document-level outcome)
};
DocumentScore score_document(const results::DocumentRow& doc, const RuleIndex& rules);

// Accumulates one scan. Feed it every page, media item and document, then take().
class Alias;  // figures/aliases.h

class Aggregator {
 public:
  explicit Aggregator(const RuleIndex& rules);
  // `alias`: the page is another URL of a page counted on its own (aliases.h): it counts
  // as a record and an alias only.
  void add_page(const results::PageRow& page, std::size_t unit, const Alias* alias = nullptr);
  void add_media(const results::MediaRow& media, std::size_t unit);
  // A document counts for each of `units` (document_units()) and once in the total.
  void add_document(const results::DocumentRow& doc, const std::vector<std::size_t>& units);
  // Figures for `unit_count` units (units never met get zeros) and the total.
  ScanFigures take(const results::ScanInfo& scan, std::size_t unit_count);

 private:
  UnitFigures& unit(std::size_t i);
  const RuleIndex& rules_;
  std::vector<UnitFigures> units_;
  std::vector<std::size_t> page_criteria_;    // scratch: criteria failed on the current page
  std::vector<std::size_t> tested_criteria_;  // scratch: criteria a counted rule applied to on it
  DocumentFigures documents_total_;           // every document once
};

// The units a document counts for: those of the pages found linking to it (each resolved
// as its pages are), or, when no checked page links to it (a sitemap entry, a start
// address, a scan of an earlier release), the unit of its own URL. Sorted, distinct.
std::vector<std::size_t> document_units(const results::DocumentRow& doc, UnitResolver& units);

class KeyCollector;  // figures/trend.h

// Two passes over a scan: its page identities (aliases.h), then its pages, media and
// documents. `keys`, when set, collects the scan's failure keys for the trend.
ScanFigures aggregate_scan(results::ScanSource& source, const results::ScanInfo& scan, const RuleIndex& rules, UnitResolver& units,
                           KeyCollector* keys);

// ---- Status on the city's three-level scale -------------------------------------------

enum class Status : unsigned char { Satisfactory, Partial, Unsatisfactory, NotAssessed };
// "satisfactory", "partial", "unsatisfactory", "not-assessed" (JSON, CSV)
std::string_view to_string(Status s);
// "Ja, tillfredsställande" / "Yes, satisfactory", "Delvis, förbättringsområde" / "Partly,
// area for improvement", "Nej, behöver ses över omgående" / "No, needs attention
// immediately", "Ej bedömd (inga granskade sidor)" / "Not assessed (no checked pages)".
Text label(Status s);

// The [status] table of the configuration file (docs/config.md). A unit is
//   Ja     when its share of HTML pages without failures >= satisfactory_min_share and
//          (satisfactory_max_failed_criteria < 0 or criteria with failures <= it);
//   Delvis when the same holds with partial_min_share / partial_max_failed_criteria;
//   Nej    otherwise; not assessed when it has no HTML page.
struct StatusThresholds {
  double satisfactory_min_share = 0.90;
  double partial_min_share = 0.60;
  int satisfactory_max_failed_criteria = -1;  // -1: no limit
  int partial_max_failed_criteria = -1;
};
Status status_of(const UnitFigures& f, const StatusThresholds& t);

// What it takes to reach `target` (Satisfactory or Partial) from the figures as they are:
// how many more of the checked pages must be without failures, and how many fewer
// criteria may have failures. Both 0 when the unit is there already; `assessed` false
// when it has no checked page (nothing to reach).
struct StatusGap {
  bool assessed = false;
  std::size_t pages = 0;     // pages to fix (each one from "with failures" to "without")
  std::size_t criteria = 0;  // criteria to clear of failures (0 without a criteria limit)
  bool reached() const { return assessed && pages == 0 && criteria == 0; }
};
StatusGap gap_to(const UnitFigures& f, Status target, const StatusThresholds& t);

// The order of the overview: what a committee must act on first. Nej before Delvis before
// Ja before not assessed; within a status, most failures first; then the given order.
std::vector<std::size_t> overview_order(const std::vector<Status>& status, const std::vector<UnitFigures>& units);

// ---- The review's own view: one mark per criterion --------------------------------

// The city's review marks each criterion of each service on the same three-level scale
// (Ja / Delvis / Nej) or leaves it untested. granska's proposal for deriving the mark from
// a scan (docs/decisions/0013-scan-report.md): a criterion granska tests automatically
// gets the status the [status] share thresholds give to the share of the pages it was
// tested on where it did not fail; a criterion that no requirement rule tests, or that
// no rule applied to on any page, is "not tested" (a person must review it).
enum class ReviewMark : unsigned char { Yes, Partly, No, NotTested };
std::string_view to_string(ReviewMark m);  // "yes", "partly", "no", "not-tested"
ReviewMark review_mark(const UnitFigures& f, std::size_t criterion, org::Coverage coverage, const StatusThresholds& t);

}  // namespace granska::figures
