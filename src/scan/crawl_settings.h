// The settings that define a crawl into the scan database. They are stored with the scan
// (as JSON, the same keys since the first release), so an interrupted crawl continues
// exactly as it began and a later crawl knows whether an earlier one's results can stand
// in for unchanged pages. Never secrets: headers and cookies are given again on resume.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "config/crawl_config.h"
#include "crawl/crawler.h"
#include "render/pool.h"
#include "engine/rule.h"
#include "util/result.h"

namespace granska::scan {

struct CrawlSettings {
  std::vector<std::string> seeds;
  std::vector<std::string> sitemaps;
  std::size_t max_pages = 1000;
  int max_depth = 50;
  int concurrency = 2;  // per host
  int delay_ms = 250;   // between request starts on one host
  std::vector<std::string> include, exclude, allowed_hosts;
  std::string format = "text";  // how `granska crawl` renders the page reports it stores
  std::string lang = "sv";
  // JSON: the page reports list passed elements too (--show-passed); and the schema version
  // they were written in (1 in databases of older versions, which always listed them).
  bool show_passed = false;
  int json_schema = 0;  // 0: this version's (reports::kJsonSchemaVersion)
  std::string fail_on = "minor";  // engine::Impact name: the exit code's threshold
  bool ignore_robots = false;
  std::string since_db;         // a completed earlier crawl's database: conditional requests
  long long previous_scan = 0;  // the earlier scan in the same database used that way (0: none)
  std::string config;           // the configuration file, absolute: the units of a resumed scan
  // false for `granska scan`: pages go to the database only, without the rendered page
  // report (a large share of the CPU per page).
  bool print_pages = true;
  // Documents linked on allowed hosts (crawl::DocumentOptions): checked or only listed,
  // one document's size limit, and the scan's cap on their number and total size.
  bool check_documents = true;
  std::size_t max_document_mb = 50;
  std::size_t max_documents = 2000;
  std::size_t max_documents_total_mb = 2048;
  // Rendering in headless Chromium (crawl::BrowserOptions): "never", "auto" (application
  // shells) or "always", for every page unless its host has a mode of its own.
  std::string render = "never";
  std::vector<std::pair<std::string, std::string>> render_hosts;  // lowercase host, mode
};

// Whether a crawl with these settings renders any page, and so needs a browser.
bool renders(const CrawlSettings& s);
// The browser for such a crawl: one pool, `workers` tabs (0: the number of cores), a page's
// time the fetch's total timeout (at least 5 s);
// nullptr when nothing is rendered; an Error (bilingual) when Chromium cannot start. A
// crawl whose start URLs are all on 127.0.0.1 / localhost lets the browser resolve nothing
// else (render::LaunchOptions::loopback_only).
Result<std::unique_ptr<render::Pool>> start_browser(const CrawlSettings& s, const fetch::Options& fetch, int workers);
// What a crawl says when rendering was asked for and the browser could not start (`why`):
// it goes on, checking every page as served.
Error browser_unavailable(const Error& why);

// Whether page reports stored under `earlier` can stand in a crawl with settings `now`:
// the same format, language and, for JSON, layout.
bool same_output(const CrawlSettings& earlier, const CrawlSettings& now);

std::string to_json(const CrawlSettings& s);
// Errors: not JSON, or a required key missing or of the wrong type.
Result<CrawlSettings> crawl_settings_from_json(std::string_view json);

// Fills what was not given on the command line from the configuration file's crawl
// settings. `given(option)` tells whether an option ("url", "--sitemap", "--max-pages",
// ...) was given explicitly; `keep_seeds` keeps the seeds even when "url" was not given.
// Header values and the user agent are not settings: they go to `fetch`.
void apply_crawl_config(CrawlSettings& s, fetch::Options& fetch, const config::CrawlConfig& c,
                        const std::function<bool(std::string_view option)>& given, bool keep_seeds = false);

// The crawler's options for these settings; `fetch` holds the limits and secrets.
crawl::CrawlOptions crawl_options(const CrawlSettings& s, const fetch::Options& fetch, int workers);

}  // namespace granska::scan
