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
// but have no outcome of their own.
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

struct UnitFigures {
  std::size_t pages = 0;                   // page records of every kind
  std::size_t html_pages = 0;              // kind "html": checked
  std::size_t pages_without_failures = 0;  // HTML pages no counted rule failed on
  std::size_t failures = 0;                // failed elements of counted rules
  std::size_t cant_tell = 0;               // cantTell findings of counted rules
  std::size_t warnings = 0;                // failed findings of best-practice rules
  std::size_t error_pages = 0;             // kind "failed": could not be fetched
  std::size_t media = 0;                   // media items found
  std::size_t media_needing_work = 0;      // a media rule failed or could not tell
  std::size_t documents = 0;               // documents: all need a manual (or document) check
  std::vector<std::size_t> failures_by_criterion;  // per RuleIndex::criteria(): failed elements
  std::vector<std::size_t> pages_by_criterion;     // per criterion: pages where it failed
  std::vector<PageScore> worst_pages;               // most failures first (ties: URL), at most kWorstPages

  std::size_t pages_with_failures() const { return html_pages - pages_without_failures; }
  std::size_t criteria_with_failures() const;
};

inline constexpr std::size_t kWorstPages = 10;

struct ScanFigures {
  results::ScanInfo scan;
  std::vector<UnitFigures> units;  // per UnitResolver::units() (may be shorter: pad with zeros)
  UnitFigures total;
};

// A media item needs work when any of its rules failed or could not tell.
bool media_needs_work(const results::MediaRow& m);

// Accumulates one scan. Feed it every page, media item and document, then take().
class Aggregator {
 public:
  explicit Aggregator(const RuleIndex& rules);
  void add_page(const results::PageRow& page, std::size_t unit);
  void add_media(const results::MediaRow& media, std::size_t unit);
  void add_document(const results::DocumentRow& doc, std::size_t unit);
  // Figures for `unit_count` units (units never met get zeros) and the total.
  ScanFigures take(const results::ScanInfo& scan, std::size_t unit_count);

 private:
  UnitFigures& unit(std::size_t i);
  const RuleIndex& rules_;
  std::vector<UnitFigures> units_;
  std::vector<std::size_t> page_criteria_;  // scratch: criteria failed on the current page
};

class KeyCollector;  // figures/trend.h

// One pass over a scan's pages, media and documents. `keys`, when set, collects the
// scan's failure keys for the trend.
ScanFigures aggregate_scan(results::ScanSource& source, const results::ScanInfo& scan, const RuleIndex& rules, UnitResolver& units,
                           KeyCollector* keys);

// ---- Status on the city's three-level scale -------------------------------------------

enum class Status : unsigned char { Satisfactory, Partial, Unsatisfactory, NotAssessed };
// "satisfactory", "partial", "unsatisfactory", "not-assessed" (JSON, CSV)
std::string_view to_string(Status s);
// "Ja, tillfredsställande" / "Yes, satisfactory", "Delvis, förbättringsområde" / "Partly,
// area for improvement", "Nej, behöver ses över omgående" / "No, needs attention
// immediately", "Ingen bedömning (inga HTML-sidor)" / "Not assessed (no HTML pages)".
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

}  // namespace granska::figures
