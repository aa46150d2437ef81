// Reading and pruning the scans of a scan database (see crawl_store.h for writing).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "results/scan_data.h"
#include "util/result.h"

namespace granska::store {

// Opens `path` read-only as a results::ScanSource. Works while a crawl writes to the same
// file (WAL): each call reads one consistent snapshot, and only complete scans with
// structured results are listed (a running scan never shows). A file at an older schema
// version is upgraded once first (that needs write access). Errors (bilingual): no such
// file, not a granska database, written by a newer granska. The source reads on the
// calling thread; use it from one thread at a time.
Result<std::unique_ptr<results::ScanSource>> open_scan_source(const std::string& path);

// Records that the report folder of complete scan `scan` was written at `when` (UTC ISO
// 8601), in its own short write transaction (a crawl may be writing meanwhile: WAL and the
// busy timeout take care of it). Read back as ScanInfo::report_written. Errors: no such
// database, no complete scan with that id, a write that failed.
Status mark_report_written(const std::string& path, results::ScanId scan, const std::string& when);

// What prune_scans removed, one entry per scan.
struct PrunedScan {
  results::ScanId id = 0;
  results::ScanStatus status = results::ScanStatus::Running;
  std::string started;
  std::size_t pages = 0;
};

// Keeps the `keep` (>= 1) newest complete scans and removes every older complete scan and
// every running or failed scan older than the newest complete one, with all their rows,
// in one transaction (all or nothing). A running scan newer than the newest complete
// scan (perhaps a crawl in progress) is never touched. Returns the removed scans, oldest
// first. The file does not shrink; SQLite reuses the freed pages for later scans.
Result<std::vector<PrunedScan>> prune_scans(const std::string& path, int keep);

}  // namespace granska::store
