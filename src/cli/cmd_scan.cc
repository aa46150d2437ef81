// granska scan --config FILE: the one command a scheduler runs (docs/scheduling.md).
// Takes the lock, crawls into the scan database (continuing an interrupted scan first),
// writes the report folder for the new scan and prunes old scans and report folders.
// Findings never make it fail: exit 0 when the scan ran, 2 when it failed, 3 when another
// run holds the lock.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/load_config.h"
#include "config/org_config.h"
#include "cli/scan_steps.h"
#include "reports/common/terminal_escape.h"
#include "scan/report_folders.h"
#include "store/crawl_store.h"
#include "store/scan_source.h"
#include "util/lock_file.h"

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

void say(const ScanOptions& o, const std::string& line) {
  if (!o.quiet && !o.log_json) std::cout << "granska scan: " << line << std::endl;
}

int run_scan(const ScanOptions& given) {
  ScanOptions o = given;
  Lang lang = o.lang == "en" ? Lang::En : Lang::Sv;
  const std::optional<config::OrgConfig> loaded = load_valid_org_config(o.config, lang);
  if (!loaded) return kExitFailed;
  const config::OrgConfig& config = *loaded;
  if (o.lang.empty()) lang = config.scan.lang == "en" ? Lang::En : Lang::Sv;
  const std::string lang_name = lang == Lang::En ? "en" : "sv";
  const std::string db = !o.db.empty() ? o.db : config::resolve_config_path(o.config, config.scan.database);
  const std::string reports_dir = !o.reports.empty() ? o.reports : config::resolve_config_path(o.config, config.scan.reports);
  if (db.empty() || reports_dir.empty()) {
    print_error(tr(lang, "ange database och reports i [scan] i inställningsfilen (eller --db och --reports)",
                   "set database and reports in the configuration's [scan] table (or --db and --reports)"));
    return kExitFailed;
  }
  const std::string lock_path = config.scan.lock.empty() ? db + ".lock" : config::resolve_config_path(o.config, config.scan.lock);

  std::error_code ec;
  if (const fs::path dir = fs::path(db).parent_path(); !dir.empty()) fs::create_directories(dir, ec);
  bool held = false;
  Result<LockFile> lock = LockFile::acquire(lock_path, &held);
  if (!lock) {
    print_error(lock.error().text(lang));
    return held ? kExitLocked : kExitFailed;
  }

  // 1. Crawl. An interrupted scan (killed, machine restarted) is continued rather than
  //    abandoned: the night's work so far is not thrown away.
  bool resume = false;
  {
    auto store = store::CrawlStore::open(db);
    if (!store) {
      print_error(store.error().text(lang));
      return kExitFailed;
    }
    std::optional<store::CrawlStore::ScanRef> latest = (*store)->latest_scan();
    resume = latest && latest->status == results::ScanStatus::Running && !latest->options.empty();
    if (resume) {
      say(o, tr(lang, "fortsätter den avbrutna genomsökningen ", "continuing the interrupted scan ") +
                 std::to_string(latest->id));
    }
  }
  say(o, tr(lang, "genomsöker enligt ", "crawling as configured in ") + reports::escape_for_terminal(o.config) +
             tr(lang, " till databasen ", " into the database ") + reports::escape_for_terminal(db));
  const int crawled = run_crawl_step({o.config, db, o.seeds, lang_name, resume, o.quiet, o.log_json});
  if (crawled == kExitFailed) {
    print_error(tr(lang, "genomsökningen misslyckades; ingen rapport skrevs", "the crawl failed; no report was written"));
    return kExitFailed;
  }

  // 2. Report, into a folder of its own named after the scan.
  auto source = store::open_scan_source(db);
  if (!source) {
    print_error(source.error().text(lang));
    return kExitFailed;
  }
  const std::vector<results::ScanInfo> scans = (*source)->complete_scans();
  if (scans.empty()) {
    print_error(tr(lang, "databasen har ingen avslutad genomsökning", "the database holds no complete scan"));
    return kExitFailed;
  }
  const std::string folder = scan::report_folder_name(scans.back().started, scans.back().id);
  source->reset();
  fs::create_directories(reports_dir, ec);
  const fs::path out = fs::path(reports_dir) / folder;
  if (run_report_step({db, o.config, out.string(), lang_name, 6, o.quiet || o.log_json}) != kExitOk) return kExitFailed;
  if (granska::Status linked = scan::point_latest_report(reports_dir, folder); !linked) print_error(linked.error().text(lang));

  // 3. Prune. A failure here loses nothing: the scan and its report are written.
  if (config.scan.keep > 0) {
    auto removed = store::prune_scans(db, config.scan.keep);
    if (!removed) {
      print_error(removed.error().text(lang));
      return kExitFailed;
    }
    if (!removed->empty()) {
      say(o, tr(lang, "tog bort ", "removed ") + std::to_string(removed->size()) +
                 tr(lang, " gamla genomsökningar (behåller ", " old scans (keeping ") +
                 std::to_string(config.scan.keep) + ")");
    }
  }
  if (config.scan.keep_reports > 0) {
    const scan::PrunedFolders pruned = scan::prune_report_folders(reports_dir, config.scan.keep_reports);
    for (const Error& e : pruned.errors) print_error(e.text(lang));
    if (!pruned.removed.empty()) {
      say(o, tr(lang, "tog bort ", "removed ") + std::to_string(pruned.removed.size()) +
                 tr(lang, " gamla rapportmappar (behåller ", " old report folders (keeping ") +
                 std::to_string(config.scan.keep_reports) + ")");
    }
  }
  say(o, tr(lang, "klar: ", "done: ") + reports::escape_for_terminal((out / "index.html").string()));
  return kExitOk;
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
