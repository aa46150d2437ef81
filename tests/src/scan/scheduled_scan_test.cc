// The scheduled scan as a library function, against an in-memory web and a temporary
// database: no process is spawned and no socket opened.
#include "scan/scheduled_scan.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/scan_source.h"
#include "support/fake_web.h"
#include "util/lock_file.h"

namespace granska::scan {
namespace {

namespace fs = std::filesystem;
using granska::testing::FakeWeb;

constexpr const char* kSite = "http://kommun.test";

std::string page(const std::string& title, const std::string& body) {
  return "<!doctype html><html lang=\"sv\"><head><title>" + title + "</title></head><body><main>" + body +
         "</main></body></html>";
}

class ScheduledScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("granska-scan-flow-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    config_path_ = (dir_ / "stad.toml").string();
    std::ofstream(config_path_) << "delay_ms = 0\nfallback = \"ks\"\n"
                                   "[[site]]\nseeds = [\"" << kSite << "/\"]\n"
                                   "[[unit]]\nid = \"ks\"\nname_sv = \"Kommunstyrelsen\"\nname_en = \"Board\"\n"
                                   "type = \"namnd\"\nhosts = [\"kommun.test\"]\n"
                                   "[[unit]]\nid = \"sbn\"\nname_sv = \"Stadsbyggnadsnämnden\"\nname_en = \"Planning\"\n"
                                   "type = \"namnd\"\nprefixes = [\"kommun.test/bygglov\"]\n"
                                   "[scan]\ndatabase = \"scan.db\"\nreports = \"rapporter\"\nkeep = 3\n";
    std::vector<config::ConfigProblem> problems;
    config_ = config::load_org_config(config_path_, problems);
    ASSERT_TRUE(problems.empty()) << problems.front().en;

    web_.serve(std::string(kSite) + "/robots.txt", {200, "text/plain", "User-agent: *\nAllow: /\n"});
    web_.serve(std::string(kSite) + "/", {200, "text/html", page("Start", "<a href=\"/bygglov\">Bygglov</a> "
                                                                            "<a href=\"/kontakt\">Kontakt</a>"),
                                          "\"start-1\""});
    web_.serve(std::string(kSite) + "/bygglov",
               {200, "text/html", page("Bygglov", "<img src=\"ritning.png\"><a href=\"/\">Start</a>"), "\"bygglov-1\""});
    web_.serve(std::string(kSite) + "/kontakt", {200, "text/html", page("Kontakt", "<p>Ring oss</p>"), "\"kontakt-1\""});
  }
  void TearDown() override { fs::remove_all(dir_); }

  ScheduledScan plan() {
    ScheduledScan s;
    s.config_path = config_path_;
    s.config = &config_;
    s.db = (dir_ / "scan.db").string();
    s.reports = (dir_ / "rapporter").string();
    s.workers = 1;
    s.network = network_.get();
    return s;
  }

  // The stored pages of a scan: url -> (unit, failures).
  std::map<std::string, std::pair<std::string, std::size_t>> stored(results::ScanId scan) {
    std::map<std::string, std::pair<std::string, std::size_t>> out;
    auto source = store::open_scan_source((dir_ / "scan.db").string());
    EXPECT_TRUE(source.ok());
    if (!source) return out;
    (*source)->for_each_page(scan, [&](const results::PageRow& r) {
      std::size_t failed = 0;
      for (const results::FindingRow& f : r.findings) failed += f.outcome == engine::Outcome::Failed;
      out[r.url] = {r.unit, failed};
    });
    return out;
  }

  fs::path dir_;
  std::string config_path_;
  config::OrgConfig config_;
  FakeWeb web_;
  std::unique_ptr<fetch::Transfers> network_ = web_.transfers();
};

TEST_F(ScheduledScanTest, CrawlsStoresEachPageWithItsUnitAndWritesTheReportFolder) {
  std::vector<std::string> said;
  ScanObserver observer;
  observer.say = [&](const std::string& line) { said.push_back(line); };
  const ScheduledScanResult r = run_scheduled_scan(plan(), observer);
  ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
  EXPECT_TRUE(fs::exists(fs::path(r.report) / "index.html"));
  EXPECT_TRUE(fs::exists(dir_ / "rapporter" / "senaste" / "index.html"));
  const auto pages = stored(r.scan);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages.at(std::string(kSite) + "/bygglov").first, "sbn");
  EXPECT_EQ(pages.at(std::string(kSite) + "/kontakt").first, "ks");
  EXPECT_GE(pages.at(std::string(kSite) + "/bygglov").second, 1u);  // the image without alt
  ASSERT_FALSE(said.empty());
  EXPECT_TRUE(said.back().starts_with("klar: ")) << said.back();
}

TEST_F(ScheduledScanTest, ASecondScanAsksConditionallyAndKeepsUnchangedResults) {
  const ScheduledScanResult first = run_scheduled_scan(plan(), {});
  ASSERT_EQ(first.ended, ScheduledScanResult::Ended::Done) << first.error.message;
  const std::size_t before = web_.not_modified();
  const ScheduledScanResult second = run_scheduled_scan(plan(), {});
  ASSERT_EQ(second.ended, ScheduledScanResult::Ended::Done) << second.error.message;
  EXPECT_NE(second.scan, first.scan);
  EXPECT_EQ(web_.not_modified() - before, 3u);  // every page answered 304
  EXPECT_EQ(stored(second.scan), stored(first.scan));  // carried over, failures included
}

TEST_F(ScheduledScanTest, AnInterruptedScanIsContinuedAndEndsAsAnUninterruptedOne) {
  // The uninterrupted reference, in a database of its own.
  ScheduledScan whole = plan();
  whole.db = (dir_ / "whole.db").string();
  whole.reports = (dir_ / "whole").string();
  const ScheduledScanResult reference = run_scheduled_scan(whole, {});
  ASSERT_EQ(reference.ended, ScheduledScanResult::Ended::Done);
  const auto expected = [&] {
    std::map<std::string, std::pair<std::string, std::size_t>> out;
    auto source = store::open_scan_source(whole.db);
    (*source)->for_each_page(reference.scan, [&](const results::PageRow& r) {
      std::size_t failed = 0;
      for (const results::FindingRow& f : r.findings) failed += f.outcome == engine::Outcome::Failed;
      out[r.url] = {r.unit, failed};
    });
    return out;
  }();

  // Stopped after the first stored page, as a SIGTERM would stop it.
  std::atomic<bool> stop{false};
  ScheduledScan interrupted = plan();
  interrupted.stop = &stop;
  ScanObserver observer;
  observer.pages.stored = [&](const crawl::PageRecord&) { stop = true; };
  std::vector<std::string> problems;
  observer.warn = [&](const Error& e) { problems.push_back(e.message); };
  const ScheduledScanResult cut = run_scheduled_scan(interrupted, observer);
  EXPECT_EQ(cut.ended, ScheduledScanResult::Ended::Failed);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems.front().find("interrupted"), std::string::npos) << problems.front();
  EXPECT_FALSE(fs::exists(dir_ / "rapporter" / "senaste"));  // no report of a half scan

  std::vector<std::string> said;
  ScanObserver again;
  again.say = [&](const std::string& line) { said.push_back(line); };
  const ScheduledScanResult resumed = run_scheduled_scan(plan(), again);
  ASSERT_EQ(resumed.ended, ScheduledScanResult::Ended::Done) << resumed.error.message;
  ASSERT_FALSE(said.empty());
  EXPECT_TRUE(said.front().starts_with("fortsätter den avbrutna genomsökningen")) << said.front();
  EXPECT_EQ(stored(resumed.scan), expected);
}

TEST_F(ScheduledScanTest, APageThatStoppedGranskaTwiceIsLeftOutAndTheScanCompletes) {
  // A first run stops (a crash) while checking /bygglov: the journal beside the database
  // shows it begun and not ended. The stop flag stands in for the crash.
  std::atomic<bool> stop{true};
  ScheduledScan s = plan();
  s.stop = &stop;
  const std::string journal = (dir_ / "scan.db").string() + ".checking";
  const std::string poison = std::string(kSite) + "/bygglov";
  EXPECT_EQ(run_scheduled_scan(s, {}).ended, ScheduledScanResult::Ended::Failed);
  std::ofstream(journal, std::ios::app) << "B " << poison << "\n";
  EXPECT_EQ(run_scheduled_scan(s, {}).ended, ScheduledScanResult::Ended::Failed);  // once: retried
  std::ofstream(journal, std::ios::app) << "B " << poison << "\n";                // twice: poison
  const ScheduledScanResult r = run_scheduled_scan(plan(), {});
  ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
  EXPECT_FALSE(fs::exists(journal)) << "a complete scan leaves no journal";
  auto source = store::open_scan_source((dir_ / "scan.db").string());
  ASSERT_TRUE(source.ok());
  bool seen = false;
  (*source)->for_each_page(r.scan, [&](const results::PageRow& row) {
    if (row.url != poison) return;
    seen = true;
    EXPECT_EQ(row.kind, "failed");
    EXPECT_NE(row.error.find("avbröts två gånger"), std::string::npos) << row.error;
  });
  EXPECT_TRUE(seen);
  const auto pages = stored(r.scan);
  EXPECT_EQ(pages.size(), 3u) << "the other pages are checked as usual";
}

TEST_F(ScheduledScanTest, AReportAnEarlierRunDidNotWriteIsWrittenFirst) {
  // A run killed between its crawl and its report: the scan is complete, no folder exists.
  {
    Result<std::unique_ptr<ScanDatabase>> db = ScanDatabase::open((dir_ / "scan.db").string(), true);
    ASSERT_TRUE(db.ok());
    StoredCrawl c;
    c.settings.seeds = {std::string(kSite) + "/"};
    c.settings.delay_ms = 0;
    c.settings.print_pages = false;
    c.workers = 1;
    c.network = network_.get();
    ASSERT_TRUE((*db)->crawl(c, {}).ok());
  }
  std::vector<std::string> said;
  ScanObserver observer;
  observer.say = [&](const std::string& line) { said.push_back(line); };
  const ScheduledScanResult r = run_scheduled_scan(plan(), observer);
  ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
  std::size_t folders = 0;
  for (const auto& e : fs::directory_iterator(dir_ / "rapporter")) {
    if (e.is_directory() && !e.is_symlink() && fs::exists(e.path() / "index.html")) ++folders;
  }
  EXPECT_EQ(folders, 2u) << "the missing report and tonight's";
  EXPECT_TRUE(std::any_of(said.begin(), said.end(), [](const std::string& l) { return l.starts_with("skrev den saknade"); }));
  EXPECT_EQ(fs::canonical(dir_ / "rapporter" / "senaste"), fs::canonical(r.report)) << "senaste is the newest";
}

TEST_F(ScheduledScanTest, ALockHeldByAnotherRunDoesNothing) {
  bool held = false;
  Result<LockFile> other = LockFile::acquire((dir_ / "scan.db").string() + ".lock", &held);
  ASSERT_TRUE(other.ok());
  const ScheduledScanResult r = run_scheduled_scan(plan(), {});
  EXPECT_EQ(r.ended, ScheduledScanResult::Ended::Locked);
  EXPECT_TRUE(web_.requests().empty());
  EXPECT_FALSE(fs::exists(dir_ / "rapporter"));
}

TEST_F(ScheduledScanTest, ASiteThatIsDownFailsTheScanAndWritesNoReport) {
  web_.remove(std::string(kSite) + "/");  // the start page answers 404
  std::vector<std::string> problems;
  ScanObserver observer;
  observer.warn = [&](const Error& e) { problems.push_back(e.message); };
  ScheduledScan s = plan();
  const ScheduledScanResult r = run_scheduled_scan(s, observer);
  EXPECT_EQ(r.ended, ScheduledScanResult::Ended::Failed);
  EXPECT_FALSE(fs::exists(dir_ / "rapporter" / "senaste"));
}

}  // namespace
}  // namespace granska::scan
