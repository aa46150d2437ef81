#include "scan/crawl_settings.h"

#include <nlohmann/json.hpp>

#include "reports/page/report.h"
#include "url/url.h"
#include "util/text.h"

namespace granska::scan {

namespace {

int json_schema_of(const CrawlSettings& s) { return s.json_schema ? s.json_schema : reports::kJsonSchemaVersion; }

}  // namespace

bool same_output(const CrawlSettings& earlier, const CrawlSettings& now) {
  if (earlier.format != now.format || earlier.lang != now.lang) return false;
  if (now.format != "json") return true;
  return json_schema_of(earlier) == json_schema_of(now) && earlier.show_passed == now.show_passed;
}

std::string to_json(const CrawlSettings& s) {
  const nlohmann::json j{{"seeds", s.seeds},
                         {"sitemaps", s.sitemaps},
                         {"max_pages", s.max_pages},
                         {"max_depth", s.max_depth},
                         {"concurrency", s.concurrency},
                         {"delay_ms", s.delay_ms},
                         {"include", s.include},
                         {"exclude", s.exclude},
                         {"allowed_hosts", s.allowed_hosts},
                         {"format", s.format},
                         {"lang", s.lang},
                         {"show_passed", s.show_passed},
                         {"json_schema", json_schema_of(s)},
                         {"fail_on", s.fail_on},
                         {"ignore_robots", s.ignore_robots},
                         {"since_db", s.since_db},
                         {"previous_scan", s.previous_scan},
                         {"config", s.config},
                         {"print_pages", s.print_pages},
                         {"check_documents", s.check_documents},
                         {"max_document_mb", s.max_document_mb},
                         {"max_documents", s.max_documents},
                         {"max_documents_total_mb", s.max_documents_total_mb},
                         {"render", s.render},
                         {"render_hosts", s.render_hosts}};
  return j.dump();
}

Result<CrawlSettings> crawl_settings_from_json(std::string_view text) {
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    CrawlSettings s;
    s.seeds = j.at("seeds").get<std::vector<std::string>>();
    s.sitemaps = j.at("sitemaps").get<std::vector<std::string>>();
    s.max_pages = j.at("max_pages").get<std::size_t>();
    s.max_depth = j.at("max_depth").get<int>();
    s.concurrency = j.at("concurrency").get<int>();
    s.delay_ms = j.at("delay_ms").get<int>();
    s.include = j.at("include").get<std::vector<std::string>>();
    s.exclude = j.at("exclude").get<std::vector<std::string>>();
    s.allowed_hosts = j.at("allowed_hosts").get<std::vector<std::string>>();
    s.format = j.at("format").get<std::string>();
    s.lang = j.at("lang").get<std::string>();
    s.fail_on = j.at("fail_on").get<std::string>();
    s.ignore_robots = j.at("ignore_robots").get<bool>();
    // Absent in databases of older versions.
    s.since_db = j.value("since_db", std::string());
    s.print_pages = j.value("print_pages", true);
    s.show_passed = j.value("show_passed", true);  // schema 1 listed them always
    s.json_schema = j.value("json_schema", 1);
    s.previous_scan = j.value("previous_scan", 0LL);
    s.config = j.value("config", std::string());
    // A scan begun by a release that only listed documents goes on listing them.
    s.check_documents = j.value("check_documents", false);
    s.max_document_mb = j.value("max_document_mb", s.max_document_mb);
    s.max_documents = j.value("max_documents", s.max_documents);
    s.max_documents_total_mb = j.value("max_documents_total_mb", s.max_documents_total_mb);
    s.render = j.value("render", std::string("never"));
    if (j.contains("render_hosts")) s.render_hosts = j.at("render_hosts").get<std::vector<std::pair<std::string, std::string>>>();
    return s;
  } catch (const std::exception& e) {
    return Error{std::string("the stored crawl settings cannot be read: ") + e.what(),
                 std::string("de sparade inställningarna för genomsökningen kan inte läsas: ") + e.what()};
  }
}

void apply_crawl_config(CrawlSettings& s, fetch::Options& fetch, const config::CrawlConfig& c,
                        const std::function<bool(std::string_view option)>& given, bool keep_seeds) {
  if (!given("url") && !keep_seeds) s.seeds = c.seeds;
  if (!given("--sitemap")) s.sitemaps = c.sitemaps;
  if (!given("--allow-host")) s.allowed_hosts = c.allowed_hosts;
  if (!given("--include")) s.include = c.include;
  if (!given("--exclude")) s.exclude = c.exclude;
  if (!given("--max-pages") && c.max_pages) s.max_pages = static_cast<std::size_t>(*c.max_pages);
  if (!given("--max-depth") && c.max_depth) s.max_depth = static_cast<int>(*c.max_depth);
  if (!given("--concurrency-per-host") && c.concurrency_per_host) s.concurrency = static_cast<int>(*c.concurrency_per_host);
  if (!given("--delay") && c.delay_ms) s.delay_ms = static_cast<int>(*c.delay_ms);
  if (!given("--user-agent") && !c.user_agent.empty()) fetch.user_agent = c.user_agent;
  if (!given("--header")) fetch.headers = c.headers;
  if (!given("--no-documents") && c.check_documents) s.check_documents = *c.check_documents;
  if (!given("--max-document-size") && c.max_document_mb) s.max_document_mb = static_cast<std::size_t>(*c.max_document_mb);
  if (!given("--max-documents") && c.max_documents) s.max_documents = static_cast<std::size_t>(*c.max_documents);
  if (!given("--render") && c.render) s.render = *c.render;
  if (!given("--render")) s.render_hosts = c.render_hosts;
  if (!given("--max-documents-total") && c.max_documents_total_mb) {
    s.max_documents_total_mb = static_cast<std::size_t>(*c.max_documents_total_mb);
  }
}

crawl::CrawlOptions crawl_options(const CrawlSettings& s, const fetch::Options& fetch, int workers) {
  crawl::CrawlOptions co;
  co.seeds = s.seeds;
  co.sitemaps = s.sitemaps;
  co.allowed_hosts = s.allowed_hosts;
  co.include = s.include;
  co.exclude = s.exclude;
  co.limits.max_pages = s.max_pages;
  co.limits.max_depth = s.max_depth;
  co.concurrency_per_host = std::max(1, s.concurrency);
  co.delay_ms = s.delay_ms;
  co.workers = workers;
  co.obey_robots = !s.ignore_robots;
  co.fetch = fetch;
  co.documents.check = s.check_documents;
  co.documents.max_bytes = std::max<std::size_t>(1, s.max_document_mb) * 1024 * 1024;
  co.documents.max_count = s.max_documents;
  co.documents.max_total_bytes = std::max<std::size_t>(1, s.max_documents_total_mb) * 1024 * 1024;
  const render::RenderMode fallback = render::parse_render_mode(s.render).value_or(render::RenderMode::Never);
  std::vector<std::pair<std::string, render::RenderMode>> hosts;
  for (const auto& [host, mode] : s.render_hosts)
    hosts.emplace_back(host, render::parse_render_mode(mode).value_or(fallback));
  co.browser.mode = [fallback, hosts = std::move(hosts)](std::string_view page) {
    Result<url::Url> u = url::Url::parse(page);
    if (!u) return fallback;
    const std::string host = text::ascii_lower(u->host());
    for (const auto& [h, mode] : hosts)
      if (h == host) return mode;
    return fallback;
  };
  return co;
}

bool renders(const CrawlSettings& s) {
  if (render::parse_render_mode(s.render).value_or(render::RenderMode::Never) != render::RenderMode::Never) return true;
  for (const auto& [host, mode] : s.render_hosts)
    if (mode != "never") return true;
  return false;
}

Result<std::unique_ptr<render::Pool>> start_browser(const CrawlSettings& s, const fetch::Options& fetch, int workers) {
  if (!renders(s)) return std::unique_ptr<render::Pool>();
  render::PoolOptions po;
  // A crawl of local sites only (tests, the demo) lets the browser reach nothing else: a
  // page that embeds an outside player loads nothing from outside.
  bool local = !s.seeds.empty() || !s.sitemaps.empty();
  for (const auto* list : {&s.seeds, &s.sitemaps}) {
    for (const std::string& u : *list) {
      Result<url::Url> parsed = url::Url::parse(u);
      const std::string host = parsed ? text::ascii_lower(parsed->host()) : std::string();
      local = local && (host == "127.0.0.1" || host == "localhost" || host == "[::1]");
    }
  }
  po.launch.loopback_only = local;
  po.tabs = workers;
  render::limit_page_time(po, fetch.total_timeout_ms);
  return render::Pool::start(po);
}

Error browser_unavailable(const Error& why) {
  return Error{"rendering was asked for but the browser could not start; pages were checked as served: " + why.message,
               "visning i webbläsaren begärdes men webbläsaren kunde inte startas; sidorna granskades som de "
               "levererades: " + why.text(Lang::Sv)};
}

}  // namespace granska::scan
