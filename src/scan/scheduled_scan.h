// The city office's scheduled scan (`granska scan --config FILE`, docs/scheduling.md), as a
// library function: take the lock, crawl into the scan database (continuing an interrupted
// scan first), run the site-level checks on it (site/site_step.h), write the report folder
// for the new scan and point `senaste` at it, then prune old scans and report folders.
// Findings never make it fail.
//
// Its collaborators are parameters (the network, a stop flag, what to tell the operator),
// so it is tested against an in-memory web and a temporary database.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "config/org_config.h"
#include "fetch/multi.h"
#include "reports/scan/scan_report.h"
#include "scan/stored_crawl.h"
#include "site/site_step.h"
#include "util/lang.h"
#include "util/result.h"

namespace granska::scan {

struct ScheduledScan {
  std::string config_path;               // the configuration file (crawl settings, units, [scan])
  const config::OrgConfig* config = nullptr;  // the same file read (its problems reported by the caller)
  std::vector<std::string> seeds;        // instead of the configuration's, when not empty
  std::string db;                        // the scan database
  std::string reports;                   // the directory that holds the report folders
  Lang lang = Lang::Sv;
  std::size_t chart_scans = 12;          // scans shown in the report's charts and status history
  int workers = 0;                       // 0: one per core
  fetch::Transfers* network = nullptr;   // null: libcurl
  // Fetches a statement the crawl kept no text of (the site step); null: libcurl when
  // `network` is null too, else none (a test's in-memory web is never left for the net).
  fetch::Fetcher* fetcher = nullptr;
  const std::atomic<bool>* stop = nullptr;
  int watchdog_ms = 0;                   // see StoredCrawl::watchdog_ms
};

// What the operator is told; every member may be empty.
struct ScanObserver {
  std::function<void(const std::string& line)> say;  // progress lines, in the scan's language
  std::function<void(const Error& problem)> warn;    // problems that do not stop the scan
  StoredCrawlHooks pages;                            // per page of the crawl (log, progress)
  std::function<void(const StoredCrawlResult&)> crawled;
  std::function<void(const site::SiteStepResult&)> site_checked;  // after the site-level checks
  std::function<void(const reports::ScanReportResult&, const std::string& folder)> reported;
};

struct ScheduledScanResult {
  enum class Ended { Done, Failed, Locked };
  Ended ended = Ended::Failed;
  Error error;               // why, unless Done
  results::ScanId scan = 0;  // the scan reported
  std::string report;        // the report folder written
};

ScheduledScanResult run_scheduled_scan(const ScheduledScan& scan, const ScanObserver& observer);

}  // namespace granska::scan
