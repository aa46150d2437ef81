// Stalls and silent losses of a crawl (issue #16): a host that answers 429 to everything,
// a robots.txt larger than RFC 9309's 500 KiB, a sitemap that cannot be used. Each must
// end with the crawl going on and the scan's notes saying what happened.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "crawl/crawler.h"
#include "crawl/robots.h"
#include "support/fixture_server.h"
#include "support/test_paths.h"

namespace granska::crawl {
namespace {

namespace fs = std::filesystem;

CrawlOptions fast(std::vector<std::string> seeds) {
  CrawlOptions o;
  o.seeds = std::move(seeds);
  o.delay_ms = 0;
  o.backoff_base_ms = 5;
  o.backoff_max_ms = 20;
  o.max_retry_after_ms = 20;
  o.max_retries = 3;
  o.workers = 1;
  o.fetch.total_timeout_ms = 10000;
  return o;
}

struct CrawlRun {
  CrawlStats stats;
  std::map<std::string, PageRecord> pages;
};

CrawlRun run(const CrawlOptions& o) {
  CrawlRun out;
  PageRenderer render = [](const pipeline::CheckedPage&, PageRecord&) {};
  Result<CrawlStats> stats = crawl(o, render, [&](PageRecord&& r) { out.pages.emplace(r.url, std::move(r)); });
  EXPECT_TRUE(stats.ok());
  if (stats) out.stats = *stats;
  return out;
}

bool has_note(const CrawlStats& s, std::string_view part) {
  for (const Error& n : s.notes) {
    if (n.message.find(part) != std::string::npos) return true;
  }
  return false;
}

class TempSite {
 public:
  TempSite() : dir_(fs::temp_directory_path() / ("granska-site-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++))) {
    fs::create_directories(dir_);
  }
  ~TempSite() { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  std::string path() const { return dir_.string(); }

 private:
  static inline int counter_ = 0;
  fs::path dir_;
};

TEST(CrawlStalls, RateLimitedHostIsCappedAndTheRestNotChecked) {
  testing::FixtureServer server{testing::fixture_path("crawl/site")};
  ASSERT_TRUE(server.start());
  std::vector<std::string> seeds;
  for (int i = 0; i < 6; ++i) seeds.push_back(server.url("/_test/status/429?p=" + std::to_string(i)));
  CrawlOptions o = fast(seeds);
  o.max_backoff_per_host_ms = 30;
  o.robots_sitemaps = false;  // only the six pages  // a few waits, then the host counts as rate limiting
  CrawlRun r = run(o);
  EXPECT_EQ(r.pages.size(), 6u);
  EXPECT_TRUE(has_note(r.stats, "Rate limited")) << r.stats.notes.size();
  int not_checked = 0;
  for (const auto& [url, rec] : r.pages) {
    EXPECT_TRUE(rec.has_error) << url;
    not_checked += rec.error.message.find("Not checked: rate limited") != std::string::npos;
  }
  EXPECT_GT(not_checked, 0);
  // Far fewer requests than 6 pages × 4 tries.
  std::size_t tries = 0;
  for (const std::string& t : server.requests()) tries += t.starts_with("/_test/status/429");
  EXPECT_LT(tries, 6u * 4u);
}

TEST(CrawlStalls, HugeRobotsTxtIsReadInPartAndUsed) {
  TempSite site;
  std::string robots = "User-agent: *\nDisallow: /privat\n";
  while (robots.size() < 3 * kRobotsMaxBytes) robots += "# a very long robots.txt full of comments\n";
  robots += "Disallow: /efter-gransen\n";
  site.write("robots.txt", robots);
  site.write("index.html", "<!DOCTYPE html><html lang=sv><title>Start</title><a href=/oppen.html>Öppen</a> "
                           "<a href=/privat.html>Privat</a> <a href=/efter-gransen.html>Efter</a>");
  site.write("oppen.html", "<!DOCTYPE html><html lang=sv><title>Öppen</title><p>Hej");
  site.write("privat.html", "<!DOCTYPE html><html lang=sv><title>Privat</title><p>Hej");
  site.write("efter-gransen.html", "<!DOCTYPE html><html lang=sv><title>Efter</title><p>Hej");
  testing::FixtureServer server{site.path()};
  ASSERT_TRUE(server.start());
  CrawlRun r = run(fast({server.url("/")}));
  ASSERT_TRUE(r.pages.count(server.url("/oppen.html")));
  EXPECT_EQ(r.pages[server.url("/oppen.html")].kind, PageKind::Html);
  EXPECT_EQ(r.pages[server.url("/")].kind, PageKind::Html);
  EXPECT_EQ(r.pages[server.url("/privat.html")].kind, PageKind::Blocked);
  // Past the first 500 KiB: not read, so not obeyed.
  EXPECT_EQ(r.pages[server.url("/efter-gransen.html")].kind, PageKind::Html);
  EXPECT_TRUE(has_note(r.stats, "only its first 500 KiB were read"));
}

TEST(CrawlStalls, UnusableSitemapIsNoted) {
  TempSite site;
  site.write("index.html", "<!DOCTYPE html><html lang=sv><title>Start</title><p>Hej");
  site.write("xxe.xml",
             "<?xml version=\"1.0\"?><!DOCTYPE u [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
             "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>&x;</loc></url></urlset>");
  testing::FixtureServer server{site.path()};
  ASSERT_TRUE(server.start());
  CrawlOptions o = fast({server.url("/")});
  o.sitemaps = {server.url("/xxe.xml"), server.url("/saknas.xml")};
  CrawlRun r = run(o);
  EXPECT_EQ(r.pages[server.url("/")].kind, PageKind::Html);
  EXPECT_TRUE(has_note(r.stats, "/xxe.xml")) << (r.stats.notes.empty() ? "" : r.stats.notes[0].message);
  EXPECT_TRUE(has_note(r.stats, "/saknas.xml: ") || has_note(r.stats, "saknas.xml answered HTTP 404"));
}

}  // namespace
}  // namespace granska::crawl
