// granska scan --config FILE: the one command a scheduler runs (docs/scheduling.md).
// Takes the lock, crawls into the scan database (continuing an interrupted scan first),
// writes the report folder for the new scan and prunes old scans and report folders.
// Findings never make it fail: exit 0 when the scan ran, 2 when it failed, 3 when another
// run holds the lock.
#include <filesystem>
#include <iostream>

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "cli/commands.h"
#include "cli/crawl_log.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "reports/common/terminal_escape.h"
#include "reports/crawl/crawl_stream.h"
#include "scan/scheduled_scan.h"
#include "store/crawl_store.h"

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
  bool no_supervise = false;
};

// The scan runs in a child process that the parent continues when it stops abnormally (a
// crash, the watchdog, the OOM killer): the check journal beside the database tells which
// pages were being checked, and a page that stops granska twice is left out, so one poison
// page cannot stop the city's nightly scan. Signals to the parent reach the child.
constexpr int kMaxRestarts = 10;
constexpr int kWatchdogMs = 120000;  // a page checked for two minutes is hung, not slow
volatile pid_t g_child = 0;
extern "C" void forward_signal(int sig) {
  if (g_child > 0) ::kill(g_child, sig);
}

int run_scan_once(const ScanOptions& o, const config::OrgConfig& config, Lang lang);

// Whether the newest scan in `db` is still running (a child stopped during the crawl).
bool crawl_unfinished(const std::string& db) {
  auto store = store::CrawlStore::open(db);
  if (!store) return false;
  std::optional<store::CrawlStore::ScanRef> latest = (*store)->latest_scan();
  return latest && latest->status == results::ScanStatus::Running;
}

int run_scan(const ScanOptions& given) {
  ScanOptions o = given;
  Lang lang = o.lang == "en" ? Lang::En : Lang::Sv;
  const std::optional<config::OrgConfig> loaded = load_valid_org_config(o.config, lang);
  if (!loaded) return kExitFailed;
  const config::OrgConfig& config = *loaded;
  if (o.lang.empty()) lang = config.scan.lang == "en" ? Lang::En : Lang::Sv;
  if (o.no_supervise) return run_scan_once(o, config, lang);
  const std::string db = !o.db.empty() ? o.db : config::resolve_config_path(o.config, config.scan.database);
  for (int restarts = 0;; ++restarts) {
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = ::fork();
    if (pid < 0) return run_scan_once(o, config, lang);  // no supervision rather than no scan
    if (pid == 0) {
      const int code = run_scan_once(o, config, lang);
      std::cout.flush();
      std::cerr.flush();
      std::_Exit(code);
    }
    g_child = pid;
    std::signal(SIGINT, forward_signal);
    std::signal(SIGTERM, forward_signal);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    g_child = 0;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (WIFEXITED(status) && WEXITSTATUS(status) != crawl::kWatchdogExit) return WEXITSTATUS(status);
    const std::string how = WIFSIGNALED(status) ? tr(lang, "signal ", "signal ") + std::to_string(WTERMSIG(status))
                                                : tr(lang, "vakthunden", "the watchdog");
    if (restarts >= kMaxRestarts || !crawl_unfinished(db)) {
      print_error(tr(lang, "granskningsprocessen stannade (", "the scanning process stopped (") + how +
                  tr(lang, "); genomsökningen fortsätter vid nästa körning", "); the scan continues at the next run"));
      return kExitFailed;
    }
    print_error(tr(lang, "granskningsprocessen stannade (", "the scanning process stopped (") + how +
                tr(lang, "); genomsökningen fortsätter utan sidan som granskades",
                   "); the scan continues without the page being checked"));
  }
}

int run_scan_once(const ScanOptions& o, const config::OrgConfig& config, Lang lang) {
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
      std::cout << reports::crawl_summary(c.totals.pages, c.totals.html, c.totals.errors, c.stats.interrupted, lang) << "\n";
      if (std::string r = reports::render_summary(c.stats, lang); !r.empty()) std::cout << r << "\n";
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
  if (!o.no_supervise) plan.watchdog_ms = kWatchdogMs;
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
  cmd->add_flag("--no-supervise", o->no_supervise,
                tr(lang, "Kör i en process, utan att fortsätta efter en krasch", "Run in one process, without continuing after a crash"));
  return [o] { return run_scan(*o); };
}

}  // namespace granska::cli
