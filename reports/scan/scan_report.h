// The scan report folder (`granska report`): what the city office hands on after a
// scheduled scan. Written from the stored scans through results::ScanSource:
//   index.html        all units side by side, status, trend, charts, the profile's criteria
//   unit-<id>.html    one page per unit: failures by criterion, worst pages, every failing
//                     element, media inventory, documents
//   findings.csv      every stored finding of the latest scan (Swedish Excel: BOM, ';', CRLF)
//   report.json       figures, history, trend and findings for machines
// Formats: docs/report-format.md. Same input gives the same output except the generation
// time. Pages are streamed: memory grows with the largest unit's failure list (its page is
// assembled from a temporary file), not with the scan.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "engine/registry.h"
#include "org/org_map.h"
#include "org/profile.h"
#include "figures/figures.h"
#include "results/scan_data.h"
#include "util/lang.h"
#include "util/result.h"

namespace granska::reports {

struct ScanReportOptions {
  Lang lang = Lang::Sv;
  std::size_t history = 6;  // scans shown in the charts and history tables (latest included), >= 1
  figures::StatusThresholds thresholds;
  std::string generated_at;  // UTC ISO 8601; "" = now
};

struct ScanReportResult {
  results::ScanId scan = 0;         // the latest complete scan, which the report is about
  std::size_t pages = 0;
  std::size_t findings = 0;        // rows in findings.csv
  std::size_t units = 0;
};

// Writes the folder `dir` (created if missing; files in it with the same names are
// replaced). `map` assigns pages to units (nullptr: the unit stored with each page).
// Errors: no complete scan in `source` (a message for the CLI's exit 2), a file that
// cannot be written.
Result<ScanReportResult> write_scan_report(results::ScanSource& source, const org::OrgMap* map,
                                           const org::Profile& profile, const engine::Registry& registry,
                                           const ScanReportOptions& options, const std::filesystem::path& dir);

// report.json's "schema_version" (docs/report-format.md); bumped on incompatible change.
inline constexpr int kScanReportJsonVersion = 1;

}  // namespace granska::reports
