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

struct PrunedFolders {
  std::vector<std::string> removed;  // folder names, oldest first
  std::vector<Error> errors;         // folders that could not be removed (the rest were)
};

// Removes report folders beyond the newest `keep` (by scan id); keep 0 removes nothing.
PrunedFolders prune_report_folders(const std::string& reports, std::size_t keep);

}  // namespace granska::scan
