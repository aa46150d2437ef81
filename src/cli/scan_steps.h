// The steps `granska scan` runs in order, each also a command of its own: the crawl into
// the scan database (cmd_crawl.cc) and the report folder (cmd_report.cc). Prune is
// store::prune_scans. Kept apart from commands.h so that only cmd_scan.cc sees them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace granska::cli {

// `granska crawl --config CONFIG --db DB [--resume] [SEEDS…]` without the per-page output:
// a scheduled scan's pages go to the database, its log gets the progress and a summary.
struct CrawlStep {
  std::string config;
  std::string db;
  std::vector<std::string> seeds;  // empty: the configuration's
  std::string lang = "sv";
  bool resume = false;             // continue the newest interrupted scan in `db`
  bool quiet = false;
  bool log_json = false;
};
// Exit code as `granska crawl`'s (kExitOk, kExitFindings, kExitFailed).
int run_crawl_step(const CrawlStep& step);

struct ReportStep {
  std::string db;
  std::string config;
  std::string out;
  std::string lang = "sv";
  std::size_t scans = 12;  // scans shown in the charts and the status per scan
  bool quiet = false;      // no "written to" lines (granska scan --quiet)
  std::int64_t scan = 0;   // the complete scan to report; 0 = the latest
};
// kExitOk when the folder is written, kExitFailed otherwise (message printed).
int run_report_step(const ReportStep& step);

}  // namespace granska::cli
