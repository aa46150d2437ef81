// The crawler end to end against the loopback fixture server (fixtures/crawl/site): what is
// fetched, what is recorded, and what must never be fetched. Politeness delays and backoffs
// are set to a few milliseconds; no assertion depends on timing.
#include "crawl/crawler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "html/dom.h"
#include "support/fixture_server.h"
#include "support/test_paths.h"
#include "url/url.h"

namespace granska::crawl {
namespace {

using testing::FixtureServer;

class Crawler : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<FixtureServer>(testing::fixture_path("crawl/site"));
    ASSERT_TRUE(server_->start());
  }

  CrawlOptions fast(std::vector<std::string> seeds) {
    CrawlOptions o;
    o.seeds = std::move(seeds);
    o.delay_ms = 0;
    o.backoff_base_ms = 5;
    o.backoff_max_ms = 20;
    o.max_retry_after_ms = 20;
    o.max_retries = 2;
    o.workers = 2;
    o.limits.max_query_variants = 5;
    o.fetch.total_timeout_ms = 10000;
    return o;
  }

  // Runs a crawl and indexes the records by URL (asserting each URL comes once).
  std::map<std::string, PageRecord> run(const CrawlOptions& o) {
    std::map<std::string, PageRecord> out;
    PageRenderer render = [this](const pipeline::CheckedPage& checked, PageRecord& rec) {
      std::lock_guard lock(mu_);
      encodings_[rec.url] = checked.page.decoded.encoding;
    };
    Result<CrawlStats> stats = crawl(o, render, [&](PageRecord&& r) {
      const std::string u = r.url;
      EXPECT_TRUE(out.emplace(u, std::move(r)).second) << "recorded twice: " << u;
    });
    EXPECT_TRUE(stats.ok());
    if (stats) {
      EXPECT_EQ(stats->done, out.size());
      EXPECT_FALSE(stats->interrupted);
    }
    return out;
  }

  std::string u(std::string_view path) { return server_->url(path); }
  bool requested(std::string_view prefix) {
    for (const std::string& t : server_->requests()) {
      if (t.starts_with(prefix)) return true;
    }
    return false;
  }

  std::unique_ptr<FixtureServer> server_;
  std::mutex mu_;
  std::map<std::string, std::string> encodings_;
};

TEST_F(Crawler, CrawlsTheWholeSiteAndRecordsEveryUrlOnce) {
  auto pages = run(fast({u("/")}));
  auto kind = [&](std::string_view path) {
    auto it = pages.find(u(path));
    return it == pages.end() ? std::string("(missing)") : std::string(to_string(it->second.kind));
  };
  EXPECT_EQ(kind("/"), "html");
  EXPECT_EQ(kind("/om.html"), "html") << "utm_source dropped when normalising";
  EXPECT_EQ(kind("/nyheter/"), "html");
  EXPECT_EQ(kind("/nyheter/arkiv/2025.html"), "html") << "resolved against <base href>";
  EXPECT_EQ(kind("/kontakt.html"), "html") << "area href";
  EXPECT_EQ(kind("/karta-inbaddad.html"), "html") << "iframe src";
  EXPECT_EQ(kind("/bara-i-sitemap.html"), "html") << "robots.txt Sitemap: → index → gzipped urlset";
  EXPECT_EQ(kind("/latin1.html"), "html");
  EXPECT_EQ(kind("/privat/hemligt.html"), "blocked");
  EXPECT_EQ(kind("/saknas.html"), "failed");
  EXPECT_EQ(kind("/_test/redirect-loop"), "failed");
  EXPECT_EQ(kind("/_test/429-once?id=forskola"), "html");
  EXPECT_EQ(kind("/dokument/budget-2026.pdf"), "document");
  EXPECT_EQ(kind("/_test/binary"), "skipped");
  EXPECT_EQ(kind("/_test/redirect-chain?to=/kontakt.html"), "redirected");

  EXPECT_EQ(pages[u("/saknas.html")].status, 404);
  EXPECT_TRUE(pages[u("/saknas.html")].has_error);
  EXPECT_NE(pages[u("/saknas.html")].error.message.find("404"), std::string::npos);
  EXPECT_NE(pages[u("/_test/redirect-loop")].error.message.find("loop"), std::string::npos);
  EXPECT_EQ(pages[u("/_test/429-once?id=forskola")].attempts, 2) << "retried after Retry-After";
  EXPECT_EQ(pages[u("/dokument/budget-2026.pdf")].content_type, "application/pdf");
  EXPECT_GT(pages[u("/dokument/budget-2026.pdf")].size, 0);
  // A catalog without pages: fetched and opened, whatever its rules then say.
  EXPECT_NE(pages[u("/dokument/budget-2026.pdf")].document, DocumentCheck::Listed);
  EXPECT_NE(pages[u("/dokument/budget-2026.pdf")].document, DocumentCheck::NotFetched);
  EXPECT_EQ(pages[u("/_test/redirect-chain?to=/kontakt.html")].redirects.size(), 3u);
  EXPECT_EQ(pages[u("/")].canonical, u("/"));
  EXPECT_EQ(encodings_[u("/latin1.html")], "windows-1252");

  // Disallowed by robots.txt: never fetched. Out of scope: never fetched.
  EXPECT_FALSE(requested("/privat/"));
  EXPECT_EQ(pages.count("https://example.com/extern"), 0u);
  EXPECT_TRUE(requested("/robots.txt"));
  EXPECT_TRUE(requested("/sitemap-pages.xml.gz")) << "the index names a gzipped sitemap";

  // The calendar trap stays bounded by the cap on query variants per path.
  std::size_t calendar = 0;
  for (const auto& [url, rec] : pages) calendar += url.find("/_test/calendar") != std::string::npos;
  EXPECT_GE(calendar, 1u);
  EXPECT_LE(calendar, 5u);

  // Nothing fetched twice, apart from the one 429 retry and the document (its headers,
  // then its body).
  std::map<std::string, int> counts;
  for (const std::string& t : server_->requests()) ++counts[t];
  for (const auto& [t, n] : counts) {
    EXPECT_EQ(n, t == "/_test/429-once?id=forskola" || t == "/dokument/budget-2026.pdf" ? 2 : 1) << t;
  }
}

TEST_F(Crawler, MaxPagesBoundsTheCrawl) {
  CrawlOptions o = fast({u("/")});
  o.limits.max_pages = 3;
  EXPECT_EQ(run(o).size(), 3u);
}

TEST_F(Crawler, MaxDepthZeroChecksOnlyTheSeed) {
  CrawlOptions o = fast({u("/")});
  o.limits.max_depth = 0;
  o.robots_sitemaps = false;
  auto pages = run(o);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages.begin()->second.kind, PageKind::Html);
}

TEST_F(Crawler, ServerErrorsAreRetriedThenRecorded) {
  CrawlOptions o = fast({u("/_test/status/500")});
  o.robots_sitemaps = false;
  auto pages = run(o);
  ASSERT_EQ(pages.size(), 1u);
  const PageRecord& r = pages.begin()->second;
  EXPECT_EQ(r.kind, PageKind::Failed);
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.attempts, 3);
  EXPECT_TRUE(r.has_error);
}

TEST_F(Crawler, OversizedPageFailsWithItsReason) {
  CrawlOptions o = fast({u("/_test/big?bytes=300000")});
  o.fetch.max_body_bytes = 100000;
  o.robots_sitemaps = false;
  auto pages = run(o);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages.begin()->second.kind, PageKind::Failed);
  EXPECT_NE(pages.begin()->second.error.message.find("larger than the limit"), std::string::npos)
      << pages.begin()->second.error.message;
}

TEST_F(Crawler, SlowPageTimesOutIsRetriedThenRecorded) {
  CrawlOptions o = fast({u("/_test/slow?ms=5000")});
  o.robots_sitemaps = false;
  o.max_retries = 1;
  o.fetch.total_timeout_ms = 150;
  auto pages = run(o);
  ASSERT_EQ(pages.size(), 1u);
  const PageRecord& r = pages.begin()->second;
  EXPECT_EQ(r.kind, PageKind::Failed);
  EXPECT_EQ(r.attempts, 2);
  EXPECT_NE(r.error.message.find("time limit"), std::string::npos) << r.error.message;
}

TEST_F(Crawler, RedirectOutOfScopeIsNotFollowed) {
  CrawlOptions o = fast({u("/_test/redirect?to=https://example.com/")});
  o.robots_sitemaps = false;
  auto pages = run(o);
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages.begin()->second.kind, PageKind::Skipped);
  EXPECT_EQ(pages.begin()->second.redirects.size(), 1u);
}

TEST_F(Crawler, ExcludePatternKeepsUrlsOut) {
  CrawlOptions o = fast({u("/")});
  o.exclude = {"/_test/", "\\.pdf$"};
  auto pages = run(o);
  for (const auto& [url, rec] : pages) {
    EXPECT_EQ(url.find("/_test/"), std::string::npos) << url;
    EXPECT_EQ(url.find(".pdf"), std::string::npos) << url;
  }
  EXPECT_FALSE(requested("/_test/"));
}

TEST_F(Crawler, InvalidPatternIsAnError) {
  CrawlOptions o = fast({u("/")});
  o.include = {"("};
  Result<CrawlStats> r = crawl(o, {}, [](PageRecord&&) {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("regular expression"), std::string::npos);
}

TEST_F(Crawler, StopsPromptlyWhenAsked) {
  std::atomic<bool> stop{true};
  std::size_t n = 0;
  Result<CrawlStats> r = crawl(fast({u("/")}), {}, [&](PageRecord&&) { ++n; }, {}, &stop);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->interrupted);
  EXPECT_EQ(n, 0u);
}

TEST(CrawlLinks, BaseAreaIframeCanonicalAndOnlyHttp) {
  auto doc = html::Document::parse(
      "<!doctype html><html><head><base href=\"/a/\"><link rel=\"Canonical alternate\" href=\"/kanon\"></head>"
      "<body><a href=\"b.html#x\">b</a><a href=\"b.html#x\">again</a><area href=\"/c\">"
      "<iframe src=\"d\"></iframe><a href=\"mailto:x@malmo.se\">m</a><a href=\"javascript:void(0)\">j</a>"
      "<a>no href</a></body></html>");
  ExtractedLinks ex = extract_links(*doc, "https://malmo.se/start/sida.html");
  EXPECT_EQ(ex.canonical, "https://malmo.se/kanon");
  ASSERT_EQ(ex.links.size(), 3u);
  EXPECT_EQ(ex.links[0], "https://malmo.se/a/b.html#x");
  EXPECT_EQ(ex.links[1], "https://malmo.se/c");
  EXPECT_EQ(ex.links[2], "https://malmo.se/a/d");
}

// Path-absolute links are resolved once per worker for each base scheme and authority:
// the same link text on pages of other sites, ports or schemes must still resolve against
// each page's own, and text that only looks path-absolute must not be taken for it.
TEST(CrawlLinks, PathAbsoluteLinksResolveAgainstEachPagesOwnSite) {
  const std::vector<std::string> refs = {"/om-oss/../kontakt?x=1#k", "/\t/annan.se/x", "//cdn.malmo.se/y", "/ä",
                                         "/\n", "/"};
  std::string html = "<!doctype html>";
  for (const std::string& r : refs) html += "<a href=\"" + r + "\">l</a>";
  auto doc = html::Document::parse(html);
  const std::vector<std::string> pages = {"https://malmo.se/start/sida.html", "http://user@malmo.se:8080/a/b",
                                          "https://stadsarkiv.malmo.se/", "http://[::1]:8080/x/"};
  for (int round = 0; round < 2; ++round) {  // the second round answers from the memo
    for (const std::string& page : pages) {
      Result<url::Url> base = url::Url::parse(page);
      ASSERT_TRUE(base.ok()) << page;
      std::vector<std::string> expected;
      for (const std::string& r : refs) {
        Result<url::Url> u = base->resolve(r);
        if (u && std::find(expected.begin(), expected.end(), u->str()) == expected.end()) expected.push_back(u->str());
      }
      EXPECT_EQ(extract_links(*doc, page).links, expected) << page << " round " << round;
    }
  }
  EXPECT_EQ(extract_links(*doc, pages[0]).links[0], "https://malmo.se/kontakt?x=1#k");
  EXPECT_EQ(extract_links(*doc, pages[1]).links[0], "http://user@malmo.se:8080/kontakt?x=1#k");
  EXPECT_EQ(extract_links(*doc, pages[2]).links[0], "https://stadsarkiv.malmo.se/kontakt?x=1#k");
  EXPECT_EQ(extract_links(*doc, pages[0]).links[1], "https://annan.se/x");  // the tab goes: "//annan.se/x"
}

TEST(CrawlContentTypes, Classified) {
  EXPECT_EQ(kind_for_content_type("text/html; charset=utf-8"), PageKind::Html);
  EXPECT_EQ(kind_for_content_type(""), PageKind::Html);
  EXPECT_EQ(kind_for_content_type("Application/PDF"), PageKind::Document);
  EXPECT_EQ(kind_for_content_type("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            PageKind::Document);
  EXPECT_EQ(kind_for_content_type("video/mp4"), PageKind::Media);
  EXPECT_EQ(kind_for_content_type("text/vtt"), PageKind::Captions);
  EXPECT_EQ(kind_for_content_type("image/png"), PageKind::Skipped);
}

TEST(CrawlFrontier, ScopeDedupTrapsVariantsDepthAndLimit) {
  Result<Scope> scope = Scope::make({"malmo.se"}, {}, {"/logga-in"});
  ASSERT_TRUE(scope.ok());
  FrontierLimits limits;
  limits.max_pages = 6;
  limits.max_depth = 2;
  limits.max_query_variants = 2;
  Frontier f(std::move(*scope), limits);
  EXPECT_EQ(f.admit("https://malmo.se/a", 0), Admit::Added);
  EXPECT_EQ(f.admit("https://MALMO.se:443/./a#top", 1), Admit::Duplicate);
  EXPECT_EQ(f.admit("https://komin.malmo.se/", 1), Admit::Added);
  EXPECT_EQ(f.admit("https://notmalmo.se/", 1), Admit::OutOfScope);
  EXPECT_EQ(f.admit("https://malmo.se/logga-in?next=/", 1), Admit::OutOfScope);
  EXPECT_EQ(f.admit("https://malmo.se/x/x/x/x/", 1), Admit::Trap);
  EXPECT_EQ(f.admit("https://malmo.se/kal?m=1", 1), Admit::Added);
  EXPECT_EQ(f.admit("https://malmo.se/kal?m=2", 1), Admit::Added);
  EXPECT_EQ(f.admit("https://malmo.se/kal?m=3", 1), Admit::TooManyVariants);
  EXPECT_EQ(f.admit("https://malmo.se/djup", 3), Admit::TooDeep);
  EXPECT_EQ(f.admit("mailto:a@malmo.se", 1), Admit::Invalid);
  EXPECT_EQ(f.admit("https://malmo.se/b", 1), Admit::Added);
  EXPECT_EQ(f.admit("https://malmo.se/c", 1), Admit::Added);
  EXPECT_EQ(f.admit("https://malmo.se/d", 1), Admit::PageLimit);
  EXPECT_EQ(f.admitted(), 6u);
  EXPECT_EQ(f.queued(), 6u);
}

// Links come again and again (menus): a repeat is answered from what the frontier learnt
// the first time, which must give the same answer, and refusals that depend on the crawl's
// state (depth, page limit) must be decided afresh.
TEST(CrawlFrontier, RepeatedLinksGetTheSameAnswers) {
  Result<Scope> scope = Scope::make({"malmo.se"}, {}, {"/logga-in"});
  ASSERT_TRUE(scope.ok());
  FrontierLimits limits;
  limits.max_pages = 3;
  limits.max_depth = 1;
  Frontier f(std::move(*scope), limits);
  for (int round = 0; round < 3; ++round) {
    std::string n;
    EXPECT_EQ(f.admit("https://notmalmo.se/", 1, results::Reached::Link, &n), Admit::OutOfScope);
    EXPECT_EQ(n, "https://notmalmo.se/");
    EXPECT_EQ(f.admit("https://malmo.se/logga-in", 1), Admit::OutOfScope);
    EXPECT_EQ(f.admit("https://malmo.se/x/x/x/x/", 1), Admit::Trap);
    n.clear();
    EXPECT_EQ(f.admit("mailto:a@malmo.se", 1, results::Reached::Link, &n), Admit::Invalid);
    EXPECT_EQ(n, "");
    EXPECT_EQ(f.admit("https://malmo.se/djup", 2), Admit::TooDeep);
  }
  EXPECT_EQ(f.admit("https://malmo.se/djup", 1), Admit::Added);  // found again, higher up
  std::string n;
  EXPECT_EQ(f.admit("https://MALMO.se/djup#x", 1, results::Reached::Link, &n), Admit::Duplicate);
  EXPECT_EQ(n, "https://malmo.se/djup");
  EXPECT_EQ(f.admit("https://MALMO.se/djup#x", 1, results::Reached::Link, &n), Admit::Duplicate);
  EXPECT_EQ(f.admit("https://malmo.se/a", 1), Admit::Added);
  EXPECT_EQ(f.admit("https://malmo.se/b", 1), Admit::Added);
  EXPECT_EQ(f.admit("https://malmo.se/c", 1), Admit::PageLimit);
  EXPECT_EQ(f.admit("https://malmo.se/c", 1), Admit::PageLimit);
  EXPECT_EQ(f.admitted(), 3u);
}

}  // namespace
}  // namespace granska::crawl
