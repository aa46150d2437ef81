// Internal to the scan report writers (reports/scan_report*.cc): the figures they share.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "org/profile.h"
#include "reports/scan/scan_report.h"
#include "figures/figures.h"
#include "figures/trend.h"

namespace granska::reports::scan_report {

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
  std::vector<std::vector<results::MediaRow>> media;         // per unit, latest scan
  std::vector<std::vector<results::DocumentRow>> documents;  // per unit, latest scan

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
};

// Text of a stored finding's message in the model's language ("" for unknown rules).
std::string message_text(const figures::RuleFacts& facts, const results::FindingRow& f, Lang lang);
// "2026-11-23T02:00:05Z" -> "2026-11-23 02:00 UTC" (anything else unchanged).
std::string display_time(std::string_view iso);

// HTML (scan_report_html.cc)
void write_index_html(std::ostream& out, const Model& m);
// One <tr> for a failing element, on one line, for a unit page's table of its rule.
std::string unit_failure_row(const Model& m, const results::PageRow& page, const results::FindingRow& f);
// rows_by_rule[Registry rule index] = the rows unit_failure_row gave, in page order.
void write_unit_html(std::ostream& out, const Model& m, std::size_t unit,
                     const std::vector<std::vector<std::string>>& rows_by_rule);

// CSV (scan_report_csv.cc)
void write_csv_header(std::ostream& out, Lang lang);
// One row per stored finding of `page`; returns how many.
std::size_t write_csv_rows(std::ostream& out, const Model& m, const results::PageRow& page, std::size_t unit);
// A cell as written: quoted when needed, formula-like starts neutralised.
std::string csv_cell(std::string_view value);

// JSON (scan_report_json.cc): everything up to the findings array, the findings of one
// page, and the rest.
class JsonReport {
 public:
  JsonReport(std::ostream& out, const Model& m) : out_(out), m_(m) {}
  void begin();
  void page(const results::PageRow& page, std::size_t unit);
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
