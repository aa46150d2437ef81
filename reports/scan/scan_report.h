// The scan report folder (`granska report`): what the city office hands on after a
// scheduled scan. Written from the stored scans through results::ScanSource:
//   index.html        all units, what to act on first (status, failures, pages that could
//                     not be checked, trend, what it takes to reach Delvis / Ja), status per
//                     scan, charts, the review's view (criterion marks), the profile
//   unit-<id>.html    one page per unit: failures, needs-review items and warnings by
//                     criterion, worst pages, media, documents, pages not checked and why,
//                     the same page under several URLs
//   findings.csv      every stored finding, one row per finding and criterion (Swedish Excel)
//   granskning.csv    the review's view: one row per unit and criterion (Ja / Delvis / Nej / Ej testat)
//   granskning.xlsx   the same and the status per scan, as a workbook
//   report.json       figures, history, trend and findings for machines
// Formats: docs/report-format.md. Same input gives the same output except the generation
// time. Pages are streamed: memory grows with the largest unit's listings (its page is
// assembled from a temporary file), not with the scan.
//
// The folder is written under a temporary name beside it and renamed into place when
// complete, so a reader (or a `senaste` link) never sees half a report, even after a kill.
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
  // Scans shown in the charts, the status per scan and the history tables (the reported
  // scan included), >= 1. Twelve: a year of monthly scans.
  std::size_t history = 12;
  figures::StatusThresholds thresholds;
  std::string generated_at;  // UTC ISO 8601; "" = now
  results::ScanId scan = 0;  // the complete scan to report; 0 = the latest
};

struct ScanReportResult {
  results::ScanId scan = 0;         // the complete scan the report is about
  std::size_t pages = 0;
  std::size_t findings = 0;        // stored findings listed in findings.csv
  std::size_t units = 0;
};

// Writes the folder `dir` for one complete scan, atomically: everything goes into a
// temporary folder beside `dir`, which then takes `dir`'s place (an existing report folder
// there is replaced as a whole, by an atomic exchange where the kernel offers one). `dir`
// must be missing, empty or a granska report folder: a folder holding anything else is
// refused rather than replaced. Temporary folders of an earlier, killed run are removed.
// `map` assigns pages to units (nullptr: the unit stored with each page).
// Errors (bilingual): no complete scan in `source`, no complete scan `options.scan`, a
// folder that is not a report, a file that cannot be written.
Result<ScanReportResult> write_scan_report(results::ScanSource& source, const org::OrgMap* map,
                                           const org::Profile& profile, const engine::Registry& registry,
                                           const ScanReportOptions& options, const std::filesystem::path& dir);

// report.json's "schema_version" (docs/report-format.md); bumped on incompatible change.
// 2: pages counted once under several URLs (aliases), so html_pages and the shares changed
// meaning.
inline constexpr int kScanReportJsonVersion = 2;

}  // namespace granska::reports
