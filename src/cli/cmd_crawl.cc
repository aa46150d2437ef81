// granska crawl URL...: crawl sites politely and check every page on the way; prints every
// page (status, final URL, errors, findings in the shape of `granska check`) as text or as
// JSON, streamed as pages finish, so memory stays flat. Exit code as for check, and 3 when
// another run holds the --db database's lock (<db>.lock).
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/crawl_log.h"
#include "cli/input_options.h"
#include "cli/load_config.h"
#include "config/crawl_config.h"
#include "crawl/crawler.h"
#include "reports/crawl/crawl_stream.h"
#include "scan/stored_crawl.h"

namespace granska::cli {

namespace {

namespace fs = std::filesystem;

struct CrawlCliOptions {
  scan::CrawlSettings settings;  // what is stored with a --db scan
  int workers = 0;
  bool quiet = false;
  std::string db;
  bool resume = false;
  bool log_json = false;
  InputFlags input;
  CLI::App* cmd = nullptr;  // to tell flags given on the command line from defaults
};

// Fills what the command line did not give from the configuration file.
Status apply_config(CrawlCliOptions& o, fetch::Options& fetch) {
  Result<config::CrawlConfig> c = config::load_crawl_config(o.settings.config);
  if (!c) return c.error();
  auto given = [&](std::string_view name) {
    return o.cmd && o.cmd->get_option(std::string(name))->count() > 0;
  };
  scan::apply_crawl_config(o.settings, fetch, *c, given);
  return ok_status();
}


int run_crawl(const CrawlCliOptions& given) {
  CrawlCliOptions o = given;
  Lang lang = *parse_lang(o.settings.lang);
  fetch::Options fetch = o.input.to_options().fetch;
  if (!o.settings.config.empty()) {
    if (Status st = apply_config(o, fetch); !st) {
      print_error(st.error().text(lang));
      return kExitFailed;
    }
  }
  if (o.resume && o.db.empty()) {
    print_error(tr(lang, "--resume kräver --db FIL", "--resume needs --db FILE"));
    return kExitFailed;
  }
  const CrawlLog log{o.quiet, o.log_json, isatty(STDERR_FILENO) != 0, lang};
  pipeline::RunContext run;

  if (o.db.empty()) {  // pages printed as they finish
    // --since-db without --db: conditional requests, and the earlier output for what did
    // not change.
    scan::EarlierScan earlier;
    if (!o.settings.since_db.empty()) {
      Result<scan::EarlierScan> opened = scan::open_since_db(o.settings);
      if (!opened) {
        print_error(opened.error().text(lang));
        return kExitFailed;
      }
      earlier = std::move(*opened);
    }
    if (o.settings.seeds.empty() && o.settings.sitemaps.empty()) {
      print_error(tr(lang, "ange minst en startadress", "give at least one start URL"));
      return kExitFailed;
    }
    reports::CrawlStream printer(o.settings.format == "json", lang, fail_on_impact(o.settings.fail_on), std::cout,
                               o.settings.show_passed);
    crawl::CrawlOptions co = scan::crawl_options(o.settings, fetch, o.workers);
    co.run = run;
    Result<std::unique_ptr<render::Pool>> browser = scan::start_browser(o.settings, fetch, o.workers);
    if (browser) {
      co.browser.pool = browser->get();
    } else {
      co.browser.unavailable = browser.error();
      print_error(scan::browser_unavailable(browser.error()).text(lang));
    }
    co.previous = earlier.lookup();
    bool any_at_threshold = false;
    crawl::PageRenderer render = [&](const pipeline::CheckedPage& c, crawl::PageRecord& rec) { printer.render(c, rec); };
    co.documents.render = [&](const pipeline::CheckedDocument& c, crawl::PageRecord& rec) { printer.render(c, rec); };
    crawl::PageSink sink = [&](crawl::PageRecord&& r) {
      std::optional<store::CrawlStore::Stored> old;
      // The crawler asked conditionally only for pages with a stored, error-free result.
      if (r.unchanged) old = earlier.result(r.url);
      if (old) r.findings_at_threshold = old->at_threshold;
      printer.print(printer.block(r, old ? &*old : nullptr));
      if (r.findings_at_threshold) any_at_threshold = true;
      log.page(r);
    };
    printer.head();
    Result<crawl::CrawlStats> stats = [&] {
      const StopSignals signals;
      return crawl::crawl(co, render, sink, [&](const crawl::CrawlStats& s) { log.progress(s); }, stop_requested());
    }();
    log.end();
    if (!stats) {
      printer.abort();
      print_error(stats.error().text(lang));
      return kExitFailed;
    }
    printer.summary(stats->done, stats->html, stats->errors, *stats, true);
    if (stats->interrupted) return kExitFailed;
    if (stats->html == 0 && stats->errors > 0) return kExitFailed;
    return any_at_threshold ? kExitFindings : kExitOk;
  }

  // Into the scan database: the stored crawl (src/scan) does the work, this prints.
  bool held = false;
  Result<std::unique_ptr<scan::ScanDatabase>> opened = scan::ScanDatabase::open(o.db, true, &held);
  if (!opened) {
    print_error(opened.error().text(lang));
    return held ? kExitLocked : kExitFailed;
  }
  scan::ScanDatabase& db = **opened;
  if (o.resume) {
    // The interrupted scan continues with its own settings; a configuration given now
    // still names the units.
    Result<scan::CrawlSettings> stored = db.interrupted_settings();
    if (!stored) {
      print_error(stored.error().text(lang));
      return kExitFailed;
    }
    const std::string config = o.settings.config;
    o.settings = std::move(*stored);
    if (!config.empty()) o.settings.config = config;
    lang = *parse_lang(o.settings.lang);
  }
  // Organisation map: every stored page's unit (committee or company), when the
  // configuration has one.
  std::optional<org::OrgMap> units;
  std::string config_name;
  if (!o.settings.config.empty()) {
    std::optional<config::OrgConfig> oc = load_valid_org_config(o.settings.config, lang);
    if (!oc) return kExitFailed;
    units = std::move(oc->map);
    config_name = std::filesystem::path(o.settings.config).filename().string();
  }

  reports::CrawlStream printer(o.settings.format == "json", lang, fail_on_impact(o.settings.fail_on), std::cout,
                               o.settings.show_passed);
  scan::StoredCrawlHooks hooks;
  if (o.settings.print_pages) {
    hooks.render = [&](const pipeline::CheckedPage& c, crawl::PageRecord& rec) { printer.render(c, rec); };
    hooks.render_document = [&](const pipeline::CheckedDocument& c, crawl::PageRecord& rec) { printer.render(c, rec); };
    hooks.print = [&](std::string_view block) { printer.print(block); };
  }
  hooks.output = [&](crawl::PageRecord& r, const store::CrawlStore::Stored* earlier) { return printer.block(r, earlier); };
  hooks.stored = [&](const crawl::PageRecord& r) { log.page(r); };
  hooks.progress = [&](const crawl::CrawlStats& s) { log.progress(s); };
  hooks.started = [&] { printer.head(); };
  bool started = false;
  const auto started_hook = hooks.started;
  hooks.started = [&] {
    started = true;
    started_hook();
  };

  scan::StoredCrawl request;
  request.settings = o.settings;
  request.resume = o.resume;
  request.fetch = fetch;
  request.workers = o.workers;
  request.run = run;
  request.units = units ? &*units : nullptr;
  request.config_name = config_name;
  request.stop = stop_requested();
  Result<scan::StoredCrawlResult> crawled = [&] {
    const StopSignals signals;
    return db.crawl(request, hooks);
  }();
  log.end();
  if (!crawled) {
    if (started) printer.abort();
    print_error(crawled.error().text(lang));
    return kExitFailed;
  }
  if (crawled->browser_unavailable) print_error(scan::browser_unavailable(*crawled->browser_unavailable).text(lang));
  const store::CrawlStore::Totals& t = crawled->totals;
  printer.summary(t.pages, t.html, t.errors, crawled->stats, o.settings.print_pages || !o.quiet);
  if (crawled->stats.interrupted) return kExitFailed;
  if (crawled->nothing_checked) {
    print_error(tr(lang, "ingen sida kunde granskas; genomsökningen är markerad som misslyckad i ",
                   "no page could be checked; the scan is marked failed in ") + o.db);
    return kExitFailed;
  }
  if (t.html == 0 && t.errors > 0) return kExitFailed;
  return t.any_at_threshold ? kExitFindings : kExitOk;
}

}  // namespace

RunFn register_crawl(CLI::App& app, Lang lang) {
  auto o = std::make_shared<CrawlCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "crawl", tr(lang, "Gå igenom webbplatser och granska varje sida", "Crawl sites and check every page"));
  cmd->add_option("url", o->settings.seeds, tr(lang, "Startadresser (http/https)", "Start URLs (http/https)"));
  cmd->add_option("--sitemap", o->settings.sitemaps, tr(lang, "Adress till en webbplatskarta (sitemap.xml)", "Sitemap URL"));
  cmd->add_option("--max-pages", o->settings.max_pages, tr(lang, "Högst så många adresser", "At most this many URLs"))
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-depth", o->settings.max_depth, tr(lang, "Högst så många länksteg från start", "At most this many links from a start URL"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--concurrency-per-host", o->settings.concurrency,
                  tr(lang, "Samtidiga anrop per värd (standard 2)", "Concurrent requests per host (default 2)"))
      ->check(CLI::Range(1, 64));
  cmd->add_option("--delay", o->settings.delay_ms,
                  tr(lang, "Minsta tid mellan anrop till en värd, ms (standard 250)",
                     "Minimum time between requests to one host, ms (default 250)"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--workers", o->workers, tr(lang, "Trådar för granskning (0 = antal kärnor)", "Checking threads (0 = cores)"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--render{always}", o->settings.render,
                tr(lang, "Visa sidor i headless Chromium och granska dem som webbläsaren visar dem: --render (alla "
                         "sidor) eller --render=auto (bara sidor som skript bygger); standard: inställningsfilens "
                         "render eller never",
                   "Render pages in headless Chromium and check them as the browser shows them: --render (every "
                   "page) or --render=auto (only pages built by scripts); default: the configuration's render, or "
                   "never"))
      ->check(CLI::IsMember({"never", "auto", "always"}));
  cmd->add_flag("--no-documents", [o](std::int64_t) { o->settings.check_documents = false; },
                tr(lang, "Lista länkade dokument (PDF, Office) utan att granska dem",
                   "List linked documents (PDF, Office) without checking them"));
  cmd->add_option("--max-document-size", o->settings.max_document_mb,
                  tr(lang, "Största dokument som hämtas och granskas, MB (standard 50)",
                     "Largest document fetched and checked, MB (default 50)"))
      ->check(CLI::Range(1, 1024 * 1024));
  cmd->add_option("--max-documents", o->settings.max_documents,
                  tr(lang, "Högst så många dokument granskas per genomsökning (standard 2000)",
                     "At most this many documents are checked per crawl (default 2000)"))
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-documents-total", o->settings.max_documents_total_mb,
                  tr(lang, "Högst så många MB dokument hämtas per genomsökning (standard 2048)",
                     "At most this many MB of documents are fetched per crawl (default 2048)"))
      ->check(CLI::Range(1, 1024 * 1024));
  cmd->add_option("--include", o->settings.include, tr(lang, "Bara adresser som matchar detta reguljära uttryck", "Only URLs matching this regular expression"));
  cmd->add_option("--exclude", o->settings.exclude, tr(lang, "Hoppa över adresser som matchar", "Skip URLs matching this regular expression"));
  cmd->add_option("--allow-host", o->settings.allowed_hosts,
                  tr(lang, "Värdar (och underdomäner) som får granskas; standard: startadressernas",
                     "Hosts (and subdomains) in scope; default: the start URLs' hosts"));
  cmd->add_option("--format", o->settings.format, tr(lang, "Utdataformat: text eller json", "Output format: text or json"))
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--lang", o->settings.lang, tr(lang, "Språk i rapporten: sv eller en", "Report language: sv or en"))
      ->check(CLI::IsMember({"sv", "en"}));
  cmd->add_flag("--show-passed", o->settings.show_passed,
                tr(lang, "JSON: lista även godkända element (annars bara räknade per regel)",
                   "JSON: also list passed elements (otherwise only counted per rule)"));
  add_fail_on_option(*cmd, o->settings.fail_on, lang);
  cmd->add_flag("-q,--quiet", o->quiet, tr(lang, "Ingen förloppsrad eller logg", "No progress line or log"));
  cmd->add_flag("--ignore-robots", o->settings.ignore_robots,
                tr(lang, "Följ inte robots.txt (bara för egna webbplatser)", "Do not obey robots.txt (own sites only)"));
  cmd->add_option("--db", o->db,
                  tr(lang, "Spara köer och resultat i denna SQLite-fil medan granskningen pågår",
                     "Keep the frontier and results in this SQLite file as the crawl goes"));
  cmd->add_flag("--resume", o->resume,
                tr(lang, "Fortsätt en avbruten granskning i --db (samma inställningar; -H anges igen)",
                   "Continue an interrupted crawl in --db (same settings; give -H again)"));
  cmd->add_option("--since-db", o->settings.since_db,
                  tr(lang, "Databas (--db) från en avslutad tidigare granskning: sidor som inte ändrats "
                           "(ETag/Last-Modified, svar 304) behåller sitt resultat därifrån",
                     "Database (--db) of a completed earlier crawl: pages that did not change "
                     "(ETag/Last-Modified, answer 304) keep their result from it"));
  cmd->add_flag("--log-json", o->log_json,
                tr(lang, "En JSON-rad per sida på stderr (för loggsystem) i stället för förloppsraden",
                   "One JSON line per page on stderr (for log collectors) instead of the progress line"));
  cmd->add_option("--config", o->settings.config,
                  tr(lang, "Inställningsfil (TOML); flaggor på kommandoraden går före",
                     "Configuration file (TOML); command-line flags override it"));
  add_input_options(*cmd, o->input, lang);
  o->cmd = cmd;
  return [o] { return run_crawl(*o); };
}

}  // namespace granska::cli
