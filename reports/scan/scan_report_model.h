// Internal to the scan report writers (reports/scan/scan_report*.cc): the figures they share.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "figures/aliases.h"
#include "figures/figures.h"
#include "figures/trend.h"
#include "org/profile.h"
#include "reports/scan/scan_report.h"

namespace granska::reports::scan_report {

// A page record of the reported scan that was not checked, with why (unit pages list them).
struct NotChecked {
  std::string url;
  std::string kind;    // results::PageRow::kind: failed, blocked, skipped, redirected
  long status = 0;     // HTTP status, 0 when none
  std::string reason;  // in the report's language (untrusted: may quote the server)
};

// An HTML record counted as another URL (figures/aliases.h).
struct AliasRow {
  std::string url;
  figures::Alias alias;
  std::size_t own_failures = 0;  // what it would have counted on its own
};

struct Model {
  Lang lang = Lang::Sv;
  std::string generated_at;
  const org::Profile* profile = nullptr;
  const figures::RuleIndex* rules = nullptr;
  std::vector<org::Unit> units;
  std::vector<org::CriterionCoverage> coverage;  // per profile criterion
  std::vector<figures::ScanFigures> history;      // oldest first; back() is the reported scan
  std::optional<results::ScanInfo> previous;      // the scan before it, when there is one
  std::vector<figures::Trend> trend;              // per unit + total (back); empty without previous
  std::vector<figures::Status> status;            // per unit, latest scan
  figures::Status total_status = figures::Status::NotAssessed;
  figures::StatusThresholds thresholds;
  std::vector<std::size_t> order;                            // units as the overview lists them
  std::vector<std::vector<results::MediaRow>> media;         // per unit, latest scan
  // The latest scan's documents, each once, worst first (document_order), with the units
  // each counts for (figures::document_units) and its score; per unit, indices into them.
  std::vector<results::DocumentRow> document_rows;
  std::vector<std::vector<std::size_t>> document_units;
  std::vector<figures::DocumentScore> document_scores;
  std::vector<std::vector<std::size_t>> documents;  // per unit
  std::map<std::string, std::size_t, std::less<>> document_index;  // URL -> index
  // Filled by the second pass over the reported scan, before the unit pages are written.
  std::vector<std::vector<NotChecked>> not_checked;  // per unit
  std::vector<std::vector<AliasRow>> aliases;        // per unit
  // The site step's results for the reported scan (site/site_step.h); empty when it has not
  // run on the scan. unit_sites[u]: the sites (indices into `sites`) unit u has pages on or
  // answers for.
  std::vector<results::SiteSummary> sites;
  std::vector<results::SiteFinding> site_findings;
  std::vector<std::vector<std::size_t>> unit_sites;

  const figures::ScanFigures& latest() const { return history.back(); }
  std::string_view unit_name(std::size_t u) const {
    return lang == Lang::En ? units[u].name_en : units[u].name_sv;
  }
  // The unit page's file name. Configured ids are [a-z0-9-_] already; ids read from the
  // database without a map are not trusted to be, so anything else becomes '_' (no path
  // separators, no dot segments).
  std::string unit_file(std::size_t u) const { return "unit-" + file_id(u) + ".html"; }
  std::string file_id(std::size_t u) const {
    std::string id = units[u].id;
    for (char& c : id) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) c = '_';
    }
    return id + (units[u].id.empty() || id != units[u].id ? "-" + std::to_string(u) : std::string());
  }
  // The units a document counts for, by name, other than `unit` ("" when none).
  std::string other_units(std::size_t document, std::size_t unit) const {
    std::string out;
    for (std::size_t v : document_units[document]) {
      if (v == unit) continue;
      out += (out.empty() ? "" : ", ") + std::string(unit_name(v));
    }
    return out;
  }
  figures::ReviewMark mark(std::size_t unit, std::size_t criterion) const {
    return figures::review_mark(latest().units[unit], criterion, coverage[criterion].coverage, thresholds);
  }
};

// Text of a stored finding's message in the model's language ("" for unknown rules).
std::string message_text(const figures::RuleFacts& facts, const results::FindingRow& f, Lang lang);
// "2026-11-23T02:00:05Z" -> "2026-11-23 03:00" in Swedish local time (util/local_time.h);
// anything else unchanged.
std::string display_time(std::string_view iso);
// "nr 12, 2026-11-23 03:00"
std::string scan_label(Lang lang, const results::ScanInfo& s);
// The criterion's number and title: "1.1.1 Icke-textuellt innehåll".
std::string criterion_title(Lang lang, const engine::Criterion& c);

// What a unit page lists, by section: the spooled rows of the second pass.
enum class Listing : unsigned char { Failure, NeedsReview, Warning };
inline constexpr std::size_t kListings = 3;
// Which listing a stored finding belongs in, if any: failures of counted rules, cantTell of
// counted rules, failures of best-practice rules (as the figures count them).
std::optional<Listing> listing_of(const figures::RuleFacts& facts, const results::FindingRow& f);

// HTML (scan_report_html.cc)
void write_index_html(std::ostream& out, const Model& m);
// One <tr> for a listed element, on one line, for a unit page's table of its rule.
std::string unit_finding_row(const Model& m, const results::PageRow& page, const results::FindingRow& f);
// rows[listing][Registry rule index] = the rows unit_finding_row gave, in page order.
using UnitRows = std::array<std::vector<std::vector<std::string>>, kListings>;
void write_unit_html(std::ostream& out, const Model& m, std::size_t unit, const UnitRows& rows);

// Documents worst first: most failures, then most needing review, then by URL; documents
// that were not checked after all those that were.
bool document_before(const results::DocumentRow& a, const figures::DocumentScore& sa, const results::DocumentRow& b,
                     const figures::DocumentScore& sb);
// "sida 3, /Document/Figure[2], objekt 17": where in a document a finding is (untrusted path).
std::string document_place(Lang lang, const results::FindingRow& f);

// CSV (scan_report_csv.cc): findings.csv, one row per finding and criterion (and, for a
// document, per unit it counts for).
void write_csv_header(std::ostream& out, Lang lang);
// The rows of every stored finding of `page`; returns how many findings (not rows).
std::size_t write_csv_rows(std::ostream& out, const Model& m, const results::PageRow& page, std::size_t unit,
                           std::size_t& finding_number);
// granskning.csv: the review's view, one row per unit and criterion of the profile.
void write_review_csv(std::ostream& out, const Model& m);
// A cell as written: quoted when needed, formula-like starts neutralised.
std::string csv_cell(std::string_view value);
// A share as Swedish Excel reads a number ("87,5"), or with a point in English.
std::string csv_share(Lang lang, std::size_t part, std::size_t whole);

// The site-level results (scan_report_site.cc): the overview's "Webbplatser" section and a
// unit page's "Webbplatsen" section.
void write_sites_overview(std::ostream& out, const Model& m);
void write_unit_sites(std::ostream& out, const Model& m, std::size_t unit);
// A unit's name by id ("" when the report has no such unit).
std::string unit_name_of(const Model& m, const std::string& id);
// findings.csv rows for the site results: each statement item and each site finding.
void write_csv_site_rows(std::ostream& out, const Model& m, std::size_t& finding_number);

// XLSX (scan_report_xlsx.cc): granskning.xlsx, the review's view and the status per scan
// with typed cells (text stays text, dates are dates).
Status write_review_xlsx(const std::filesystem::path& path, const Model& m);

// JSON (scan_report_json.cc): everything up to the findings array, the findings of one
// page, and the rest.
class JsonReport {
 public:
  JsonReport(std::ostream& out, const Model& m) : out_(out), m_(m) {}
  void begin();
  void page(const results::PageRow& page, std::size_t unit, const figures::Alias* alias);
  void end();

 private:
  std::ostream& out_;
  const Model& m_;
  bool first_ = true;
};
// Valid UTF-8: invalid bytes and control characters other than tab, CR and LF become U+FFFD.
std::string clean_utf8(std::string_view s);
// A JSON string literal (quotes included); invalid UTF-8 becomes U+FFFD.
std::string json_string(std::string_view s);

}  // namespace granska::reports::scan_report
