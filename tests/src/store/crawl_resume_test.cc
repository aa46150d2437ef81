// Persistence of a crawl: interrupted, then resumed from the SQLite database, it records
// exactly the URLs of an uninterrupted crawl, each once.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <set>

#include "crawl/crawler.h"
#include "store/crawl_store.h"
#include "support/fixture_server.h"
#include "support/test_paths.h"

namespace granska {
namespace {

class Journal final : public crawl::Journal {
 public:
  explicit Journal(store::CrawlStore& s) : s_(s) {}
  void admitted(std::string_view url, int depth) override { s_.admitted(url, depth); }
  void redirect_seen(std::string_view url) override { s_.redirect_seen(url); }

 private:
  store::CrawlStore& s_;
};

crawl::CrawlOptions options(const testing::FixtureServer& server) {
  crawl::CrawlOptions o;
  o.seeds = {server.url("/")};
  o.delay_ms = 0;
  o.backoff_base_ms = 5;
  o.max_retry_after_ms = 20;
  o.workers = 2;
  o.exclude = {"calendar"};  // which calendar months fit under the cap depends on timing
  return o;
}

TEST(CrawlResume, InterruptedThenResumedEqualsUninterrupted) {
  testing::FixtureServer server(testing::fixture_path("crawl/site"));
  ASSERT_TRUE(server.start());

  std::set<std::string> expected;
  ASSERT_TRUE(crawl::crawl(options(server), {}, [&](crawl::PageRecord&& r) { expected.insert(r.url); }).ok());
  ASSERT_GT(expected.size(), 10u);

  const std::string path = (std::filesystem::temp_directory_path() /
                            ("granska-resume-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(path);
  std::size_t emitted = 0;
  {
    auto db = store::CrawlStore::open(path);
    ASSERT_TRUE(db.ok()) << db.error().message;
    ASSERT_TRUE((*db)->begin_scan({"test", "", "", "{}"}).ok());
    Journal journal(**db);
    crawl::CrawlOptions o = options(server);
    o.journal = &journal;
    std::atomic<bool> stop{false};
    auto stats = crawl::crawl(o, {}, [&](crawl::PageRecord&& r) {
      (*db)->finished(r.url, r.url, false, r.has_error, r.kind == crawl::PageKind::Html);
      if (++emitted == 4) stop = true;
    }, {}, &stop);
    ASSERT_TRUE(stats.ok());
    EXPECT_TRUE(stats->interrupted);
  }
  ASSERT_GE(emitted, 4u);  // the stop is seen between batches of completions
  ASSERT_LT(emitted, expected.size());
  {
    auto db = store::CrawlStore::open(path);
    ASSERT_TRUE(db.ok());
    auto running = (*db)->latest_scan(results::ScanStatus::Running);
    ASSERT_TRUE(running.has_value());
    (*db)->use_scan(running->id);
    auto state = (*db)->load();
    ASSERT_TRUE(state.ok());
    crawl::ResumeState resume{state->queued, state->seen, state->admitted};
    EXPECT_FALSE(resume.queued.empty());
    Journal journal(**db);
    crawl::CrawlOptions o = options(server);
    o.journal = &journal;
    o.resume = &resume;
    auto stats = crawl::crawl(o, {}, [&](crawl::PageRecord&& r) {
      ++emitted;
      (*db)->finished(r.url, r.url, false, r.has_error, r.kind == crawl::PageKind::Html);
    });
    ASSERT_TRUE(stats.ok());
    EXPECT_FALSE(stats->interrupted);
    std::set<std::string> got;
    auto totals = (*db)->for_each_result([&](std::string_view out) { got.insert(std::string(out)); });
    ASSERT_TRUE(totals.ok());
    EXPECT_EQ(got, expected);
    EXPECT_EQ(totals->pages, expected.size());
  }
  EXPECT_EQ(emitted, expected.size()) << "no page recorded twice over both runs";
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
}

}  // namespace
}  // namespace granska
