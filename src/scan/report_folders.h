// The report folders `granska scan` writes under its [scan] reports directory: one per scan,
// named so that they sort by time, a `senaste` link to the newest, and pruning of old ones.
//
// Pruning only ever touches folders this module named (date_time-scanid or scan-scanid)
// that hold an index.html, never the folder `senaste` points at and never anything else an
// operator put beside them, so a mistyped reports path cannot delete someone's files.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "org/org_map.h"
#include "org/profile.h"
#include "reports/scan/scan_report.h"
#include "results/scan_data.h"
#include "util/result.h"

namespace granska::scan {

// "2026-11-24T01:30:05Z", 7 -> "2026-11-24_0130-7"; "scan-7" when the time is unusable.
std::string report_folder_name(const std::string& started, results::ScanId id);

// The scan id a report folder was named for, or 0 when the name is not one of ours.
results::ScanId scan_id_of_report_folder(const std::string& name);

// Points `<reports>/senaste` at `folder` (a name inside `reports`): a relative symlink
// replaced atomically, so a web server publishing the directory never sees it missing.
granska::Status point_latest_report(const std::string& reports, const std::string& folder);

// What a report needs besides the database: the configuration's map, profile and status
// scale, the rules, and the report options (options.scan is set by write_report_folder).
struct ReportInputs {
  const org::OrgMap* map = nullptr;  // nullptr: the unit stored with each page
  const org::Profile* profile = nullptr;
  const engine::Registry* registry = nullptr;
  reports::ScanReportOptions options;
};

struct WrittenReport {
  results::ScanId scan = 0;
  std::string folder;  // its name inside the reports directory
  bool latest = false; // `senaste` points at it now
  reports::ScanReportResult result;
  // What went wrong after the folder was in place (it stays): recording it in the
  // database, or pointing `senaste` at it. The caller reports them; a folder whose record
  // failed is written again by the next run (unreported_scans lists it).
  std::vector<Error> warnings;
};

// The step of the scheduled scan after the crawl: writes the report folder of complete
// scan `scan` (0 = the newest) of the database `db` as <reports>/<report_folder_name(…)>,
// atomically (the folder appears complete or not at all, also after a kill -9), then
// records in the database that it was written (store::mark_report_written, read back as
// ScanInfo::report_written), then points `senaste` at it when it is the newest complete
// scan (a missing report of an older scan, written late, leaves `senaste` alone).
// `reports` is created if missing. Errors: the database cannot be read, no such complete
// scan, the folder cannot be written (nothing is recorded then).
Result<WrittenReport> write_report_folder(const std::string& db, const std::string& reports, results::ScanId scan,
                                          const ReportInputs& inputs);

// The complete scans of `db` whose report folder was never written (a run killed between
// the end of the crawl and the report, a full disk), oldest first: the scheduled scan
// writes them first. Scans completed before granska recorded reports count as written.
Result<std::vector<results::ScanInfo>> unreported_scans(const std::string& db);

struct PrunedFolders {
  std::vector<std::string> removed;  // folder names, oldest first
  std::vector<Error> errors;         // folders that could not be removed (the rest were)
};

// Removes report folders beyond the newest `keep` (by scan id); keep 0 removes nothing.
PrunedFolders prune_report_folders(const std::string& reports, std::size_t keep);

}  // namespace granska::scan
