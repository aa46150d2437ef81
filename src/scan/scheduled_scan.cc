#include "scan/scheduled_scan.h"

#include <filesystem>

#include "config/crawl_config.h"
#include "engine/registry.h"
#include "scan/report_folders.h"
#include "store/scan_source.h"
#include "util/lock_file.h"

namespace granska::scan {

namespace {

namespace fs = std::filesystem;

std::string tr(Lang lang, std::string_view sv, std::string_view en) { return std::string(lang == Lang::En ? en : sv); }

ScheduledScanResult failed(Error e) {
  ScheduledScanResult r;
  r.ended = ScheduledScanResult::Ended::Failed;
  r.error = std::move(e);
  return r;
}

// The crawl into the database: a new scan, or the interrupted one continued with its own
// settings. Errors name why; the caller says that no report was written.
Result<StoredCrawlResult> crawl_step(const ScheduledScan& s, const ScanObserver& observer, ScanDatabase& db,
                                     bool resume) {
  CrawlSettings settings;
  settings.config = s.config_path;
  settings.seeds = s.seeds;
  settings.lang = s.lang == Lang::En ? "en" : "sv";
  settings.print_pages = false;  // the scan's pages go to the database only
  fetch::Options fetch;
  Result<config::CrawlConfig> file = config::load_crawl_config(s.config_path);
  if (!file) return file.error();
  apply_crawl_config(settings, fetch, *file, [](std::string_view) { return false; }, !s.seeds.empty());
  if (resume) {
    Result<CrawlSettings> stored = db.interrupted_settings();
    if (!stored) return stored.error();
    settings = std::move(*stored);
    settings.config = s.config_path;
  }
  StoredCrawl request;
  request.settings = std::move(settings);
  request.resume = resume;
  request.fetch = fetch;
  request.workers = s.workers;
  request.units = s.config->map ? &*s.config->map : nullptr;
  request.config_name = fs::path(s.config_path).filename().string();
  request.network = s.network;
  request.stop = s.stop;
  request.watchdog_ms = s.watchdog_ms;
  Result<StoredCrawlResult> crawled = db.crawl(std::move(request), observer.pages);
  if (!crawled) return crawled.error();
  if (crawled->browser_unavailable && observer.warn) observer.warn(browser_unavailable(*crawled->browser_unavailable));
  if (observer.crawled) observer.crawled(*crawled);
  if (crawled->stats.interrupted) {
    return Error{"the crawl was interrupted; it continues at the next run",
                 "genomsökningen avbröts; den fortsätter vid nästa körning"};
  }
  if (crawled->nothing_checked) {
    return Error{"no page could be checked; the scan is marked failed in " + s.db,
                 "ingen sida kunde granskas; genomsökningen är markerad som misslyckad i " + s.db};
  }
  return crawled;
}

}  // namespace

ScheduledScanResult run_scheduled_scan(const ScheduledScan& s, const ScanObserver& observer) {
  const Lang lang = s.lang;
  auto say = [&](const std::string& line) {
    if (observer.say) observer.say(line);
  };
  auto warn = [&](const Error& e) {
    if (observer.warn) observer.warn(e);
  };
  const config::OrgConfig& config = *s.config;
  const std::string lock_path =
      config.scan.lock.empty() ? s.db + ".lock" : config::resolve_config_path(s.config_path, config.scan.lock);

  std::error_code ec;
  if (const fs::path dir = fs::path(s.db).parent_path(); !dir.empty()) fs::create_directories(dir, ec);
  bool held = false;
  Result<LockFile> lock = LockFile::acquire(lock_path, &held);
  if (!lock) {
    ScheduledScanResult r = failed(lock.error());
    if (held) r.ended = ScheduledScanResult::Ended::Locked;
    return r;
  }

  // 0. A report that an earlier run did not write (killed between its crawl and its
  //    report, a full disk) is written first: every complete scan gets its report.
  ReportInputs report_inputs;
  report_inputs.map = config.map ? &*config.map : nullptr;
  report_inputs.profile = &config.profile;
  report_inputs.registry = &engine::Registry::builtin();
  report_inputs.options.lang = lang;
  report_inputs.options.history = s.chart_scans;
  report_inputs.options.thresholds = config.status;
  if (fs::exists(s.db)) {
    Result<std::vector<results::ScanInfo>> missing = unreported_scans(s.db);
    if (!missing) return failed(missing.error());
    for (const results::ScanInfo& scan : *missing) {
      auto late = write_report_folder(s.db, s.reports, scan.id, report_inputs);
      if (!late) return failed(late.error());
      for (const Error& e : late->warnings) warn(e);
      say(tr(lang, "skrev den saknade rapporten för genomsökning ", "wrote the missing report of scan ") +
          std::to_string(scan.id));
    }
  }

  // 1. Crawl. An interrupted scan (killed, machine restarted) is continued rather than
  //    abandoned: the night's work so far is not thrown away.
  {
    Result<std::unique_ptr<ScanDatabase>> db = ScanDatabase::open(s.db, false);
    if (!db) return failed(db.error());
    std::optional<store::CrawlStore::ScanRef> latest = (*db)->store().latest_scan();
    const bool resume = latest && latest->status == results::ScanStatus::Running && !latest->options.empty();
    if (resume) {
      say(tr(lang, "fortsätter den avbrutna genomsökningen ", "continuing the interrupted scan ") +
          std::to_string(latest->id));
    }
    say(tr(lang, "genomsöker enligt ", "crawling as configured in ") + s.config_path +
        tr(lang, " till databasen ", " into the database ") + s.db);
    Result<StoredCrawlResult> crawled = crawl_step(s, observer, **db, resume);
    if (!crawled) {
      warn(crawled.error());
      return failed(Error{"the crawl failed; no report was written", "genomsökningen misslyckades; ingen rapport skrevs"});
    }
  }

  // 1b. The site-level checks (accessibility statement, 3.2.3, 3.2.4, 2.4.5, broken links)
  //     over the new scan, stored with it for the report. A failure here is said and the
  //     report is written without them: the crawl's results do not depend on them.
  {
    std::unique_ptr<fetch::Fetcher> own;
    site::SiteStep step;
    step.db = s.db;
    step.config = &config;
    step.fetcher = s.fetcher;
    if (!step.fetcher && !s.network) step.fetcher = (own = fetch::make_curl_fetcher()).get();
    if (Result<config::CrawlConfig> file = config::load_crawl_config(s.config_path); file && !file->user_agent.empty()) {
      step.fetch.user_agent = file->user_agent;
    }
    Result<site::SiteStepResult> checked = site::run_site_step(step);
    if (!checked) {
      warn(checked.error());
    } else {
      say(tr(lang, "webbplatsnivå: ", "site level: ") + std::to_string(checked->results.sites.size()) +
          tr(lang, " webbplatser, ", " sites, ") + std::to_string(checked->results.findings.size()) +
          tr(lang, " fynd", " findings"));
      if (observer.site_checked) observer.site_checked(*checked);
    }
  }

  // 2. Report, into a folder of its own named after the scan, written atomically and
  //    recorded in the database.
  auto written = write_report_folder(s.db, s.reports, 0, report_inputs);
  if (!written) return failed(written.error());
  for (const Error& e : written->warnings) warn(e);
  ScheduledScanResult result;
  result.scan = written->scan;
  const fs::path out = fs::path(s.reports) / written->folder;
  result.report = out.string();
  if (observer.reported) observer.reported(written->result, out.string());

  // 3. Prune. A failure here loses nothing: the scan and its report are written.
  if (config.scan.keep > 0) {
    auto removed = store::prune_scans(s.db, static_cast<std::size_t>(config.scan.keep));
    if (!removed) return failed(removed.error());
    if (!removed->empty()) {
      say(tr(lang, "tog bort ", "removed ") + std::to_string(removed->size()) +
          tr(lang, " gamla genomsökningar (behåller ", " old scans (keeping ") + std::to_string(config.scan.keep) + ")");
    }
  }
  if (config.scan.keep_reports > 0) {
    const PrunedFolders pruned = prune_report_folders(s.reports, static_cast<std::size_t>(config.scan.keep_reports));
    for (const Error& e : pruned.errors) warn(e);
    if (!pruned.removed.empty()) {
      say(tr(lang, "tog bort ", "removed ") + std::to_string(pruned.removed.size()) +
          tr(lang, " gamla rapportmappar (behåller ", " old report folders (keeping ") +
          std::to_string(config.scan.keep_reports) + ")");
    }
  }
  say(tr(lang, "klar: ", "done: ") + (out / "index.html").string());
  result.ended = ScheduledScanResult::Ended::Done;
  return result;
}

}  // namespace granska::scan
