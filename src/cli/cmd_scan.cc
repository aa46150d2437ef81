// granska scan --config FILE: the one command a scheduler runs (docs/scheduling.md).
// Takes the lock, crawls into the scan database (continuing an interrupted scan first),
// writes the report folder for the new scan and prunes old scans and report folders.
// Findings never make it fail: exit 0 when the scan ran, 2 when it failed, 3 when another
// run holds the lock.
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include "cli/commands.h"
#include "cli/crawl_log.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "reports/common/terminal_escape.h"
#include "scan/scheduled_scan.h"

namespace granska::cli {

namespace {

namespace fs = std::filesystem;

struct ScanOptions {
  std::string config;
  std::vector<std::string> seeds;  // override the configuration's
  std::string db;                  // override [scan] database
  std::string reports;             // override [scan] reports
  std::string lang;                // override [scan] lang
  bool quiet = false;
  bool log_json = false;
};

int run_scan(const ScanOptions& given) {
  ScanOptions o = given;
  Lang lang = o.lang == "en" ? Lang::En : Lang::Sv;
  const std::optional<config::OrgConfig> loaded = load_valid_org_config(o.config, lang);
  if (!loaded) return kExitFailed;
  const config::OrgConfig& config = *loaded;
  if (o.lang.empty()) lang = config.scan.lang == "en" ? Lang::En : Lang::Sv;
  scan::ScheduledScan plan;
  plan.config_path = o.config;
  plan.config = &config;
  plan.seeds = o.seeds;
  plan.db = !o.db.empty() ? o.db : config::resolve_config_path(o.config, config.scan.database);
  plan.reports = !o.reports.empty() ? o.reports : config::resolve_config_path(o.config, config.scan.reports);
  plan.lang = lang;
  if (plan.db.empty() || plan.reports.empty()) {
    print_error(tr(lang, "ange database och reports i [scan] i inställningsfilen (eller --db och --reports)",
                   "set database and reports in the configuration's [scan] table (or --db and --reports)"));
    return kExitFailed;
  }

  const CrawlLog log{o.quiet, o.log_json, isatty(STDERR_FILENO) != 0, lang};
  const bool talk = !o.quiet && !o.log_json;
  scan::ScanObserver observer;
  observer.say = [&](const std::string& line) {
    if (talk) std::cout << "granska scan: " << reports::escape_for_terminal(line) << std::endl;
  };
  observer.warn = [&](const Error& e) { print_error(e.text(lang)); };
  observer.pages.stored = [&](const crawl::PageRecord& r) { log.page(r); };
  observer.pages.progress = [&](const crawl::CrawlStats& s) { log.progress(s); };
  // SIGINT/SIGTERM stop the crawl (it continues at the next run); afterwards they act as usual.
  std::optional<StopSignals> signals;
  observer.pages.started = [&] { signals.emplace(); };
  observer.crawled = [&](const scan::StoredCrawlResult& c) {
    signals.reset();
    log.end();
    if (!o.quiet) {
      std::cout << crawl_summary(c.totals.pages, c.totals.html, c.totals.errors, c.stats.interrupted, lang) << "\n";
      std::cout.flush();
    }
  };
  observer.reported = [&](const reports::ScanReportResult& r, const std::string& folder) {
    if (!talk) return;
    std::cout << tr(lang, "Rapporten för genomsökning ", "The report for scan ") << r.scan
              << tr(lang, " är skriven till ", " is written to ") << reports::escape_for_terminal(folder) << " ("
              << r.pages << tr(lang, " sidor, ", " pages, ") << r.units << tr(lang, " enheter, ", " units, ")
              << r.findings << tr(lang, " fynd).\n", " findings).\n") << "  "
              << reports::escape_for_terminal((std::filesystem::path(folder) / "index.html").string()) << "\n";
  };
  plan.stop = stop_requested();
  const scan::ScheduledScanResult result = scan::run_scheduled_scan(plan, observer);
  signals.reset();
  switch (result.ended) {
    case scan::ScheduledScanResult::Ended::Done: return kExitOk;
    case scan::ScheduledScanResult::Ended::Locked:
      print_error(result.error.text(lang));
      return kExitLocked;
    case scan::ScheduledScanResult::Ended::Failed: break;
  }
  print_error(result.error.text(lang));
  return kExitFailed;
}

}  // namespace

RunFn register_scan(CLI::App& app, Lang lang) {
  auto o = std::make_shared<ScanOptions>();
  CLI::App* cmd = app.add_subcommand(
      "scan", tr(lang, "Schemalagd genomsökning: genomsök, skriv rapport, rensa gamla (docs/scheduling.md)",
                 "Scheduled scan: crawl, write the report, prune old scans (docs/scheduling.md)"));
  cmd->add_option("--config", o->config,
                  tr(lang, "Inställningsfilen (webbplatser, enheter, profil, [scan])",
                     "The configuration file (sites, units, profile, [scan])"))
      ->required();
  cmd->add_option("url", o->seeds,
                  tr(lang, "Startadresser i stället för inställningsfilens", "Start URLs instead of the configuration's"));
  cmd->add_option("--db", o->db, tr(lang, "Databasen i stället för [scan] database", "The database instead of [scan] database"));
  cmd->add_option("--reports", o->reports,
                  tr(lang, "Rapportmappen i stället för [scan] reports", "The report folder instead of [scan] reports"));
  cmd->add_option("--lang", o->lang, tr(lang, "Språk: sv eller en (standard: [scan] lang)", "Language: sv or en (default: [scan] lang)"))
      ->check(CLI::IsMember({"sv", "en"}));
  cmd->add_flag("-q,--quiet", o->quiet, tr(lang, "Bara fel", "Errors only"));
  cmd->add_flag("--log-json", o->log_json,
                tr(lang, "En JSON-rad per sida på stderr (för loggsystem)", "One JSON line per page on stderr (for log collectors)"));
  return [o] { return run_scan(*o); };
}

}  // namespace granska::cli
