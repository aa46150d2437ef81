// The scan store: schema versions and migrations, scan visibility, crash safety, readers
// beside a writer, pruning, and structured rows read back as written.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "store/crawl_store.h"
#include "store/scan_source.h"

namespace granska {
namespace {

namespace fs = std::filesystem;
using results::ScanStatus;
using store::CrawlStore;

// The schema version this program writes (store/sqlite_db.h, internal to src/store).
constexpr long long kCurrentVersion = 7;

// What version 7 added, taken away again: a file as version 6 left it.
constexpr const char* kUndoVersion7 = "ALTER TABLE pages DROP COLUMN rendered;";
// What versions 5 to 7 added, taken away again: a file as version 4 left it.
constexpr const char* kUndoVersion5 =
    "ALTER TABLE pages DROP COLUMN rendered; "
    "DROP TABLE page_facts; DROP TABLE nav_blocks; DROP TABLE site_results; DROP TABLE site_findings; "
    "ALTER TABLE findings DROP COLUMN doc_page; ALTER TABLE findings DROP COLUMN doc_object; "
    "ALTER TABLE documents DROP COLUMN state; ALTER TABLE documents DROP COLUMN format; "
    "DROP TABLE document_links;";

class ScanStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("granska-scanstore-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "scans.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs SQL on the file with a plain connection (to build old files, and to look inside).
  void sql(const std::string& text) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, &err);
    const std::string why = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << why;
  }
  long long number(const std::string& query) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    long long v = -1;
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
      v = sqlite3_column_int64(s, 0);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
  }

  std::unique_ptr<CrawlStore> open() {
    auto db = CrawlStore::open(path_);
    EXPECT_TRUE(db.ok()) << (db.ok() ? "" : db.error().message);
    return db.ok() ? std::move(*db) : nullptr;
  }

  static CrawlStore::PageData page(const std::string& url, int failures, const std::string& unit = "sbn") {
    CrawlStore::PageData d;
    d.row.url = url;
    d.row.final_url = url;
    d.row.unit = unit;
    d.row.kind = "html";
    d.row.status = 200;
    d.row.title = "Bygglov – <Malmö stad> & \"mer\"";
    d.row.content_type = "text/html; charset=utf-8";
    d.row.content_sha256 = std::string(64, 'a');
    d.row.fetched_at = "2026-11-23T02:00:05Z";
    d.row.rule_outcomes = {{"image-alt", failures ? engine::Outcome::Failed : engine::Outcome::Passed},
                           {"page-title", engine::Outcome::Passed},
                           {"link-name", engine::Outcome::CantTell}};
    for (int i = 0; i < failures; ++i) {
      results::FindingRow f;
      f.rule = "image-alt";
      f.outcome = engine::Outcome::Failed;
      f.message_id = "no-alt";
      f.args = {"bild-" + std::to_string(i) + ".jpg", "<script>alert(1)</script>"};
      f.selector = "main > img:nth-child(" + std::to_string(i + 1) + ")";
      f.line = static_cast<std::uint32_t>(10 + i);
      f.column = 5;
      f.snippet = "<img src=\"bild.jpg\">";
      d.row.findings.push_back(std::move(f));
    }
    results::FindingRow c;
    c.rule = "link-name";
    c.outcome = engine::Outcome::CantTell;
    c.message_id = "check-name";
    c.line = 3;
    d.row.findings.push_back(std::move(c));
    return d;
  }

  // One complete scan of `pages` pages.
  results::ScanId write_scan(CrawlStore& db, int pages, bool complete = true) {
    auto id = db.begin_scan({"1.0", "abc", "malmo.toml", "{}"});
    EXPECT_TRUE(id.ok());
    for (int i = 0; i < pages; ++i) {
      const std::string url = "https://malmo.se/sida-" + std::to_string(i);
      db.admitted(url, 0);
      CrawlStore::PageData d = page(url, i % 3);
      db.finished(url, "out " + url, false, false, true, &d);
    }
    if (complete) {
      EXPECT_TRUE(db.complete_scan().ok());
    }
    EXPECT_TRUE(db.flush().ok());
    return id.ok() ? *id : 0;
  }

  fs::path dir_;
  std::string path_;
};

std::vector<results::PageRow> pages_of(results::ScanSource& src, results::ScanId scan) {
  std::vector<results::PageRow> out;
  src.for_each_page(scan, [&](const results::PageRow& p) { out.push_back(p); });
  return out;
}

// The layout of the first crawling release (user_version 0), exactly.
constexpr const char* kVersion1 = R"sql(
PRAGMA journal_mode=WAL;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE frontier(url TEXT PRIMARY KEY, depth INTEGER NOT NULL, state INTEGER NOT NULL);
CREATE TABLE results(seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT UNIQUE NOT NULL,
  output TEXT NOT NULL, at_threshold INTEGER NOT NULL, error INTEGER NOT NULL, html INTEGER NOT NULL);
CREATE TABLE page_cache(url TEXT PRIMARY KEY, etag TEXT NOT NULL, last_modified TEXT NOT NULL,
  links TEXT NOT NULL);
)sql";

TEST_F(ScanStore, FreshDatabaseIsAtTheCurrentVersion) {
  ASSERT_NE(open(), nullptr);
  EXPECT_EQ(number("PRAGMA user_version"), kCurrentVersion);
  EXPECT_EQ(number("PRAGMA application_id"), 0x4752534b);
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  EXPECT_TRUE((*src)->complete_scans().empty());
}

TEST_F(ScanStore, Version1FileIsMigratedKeepsItsDataAndResumes) {
  sql(kVersion1);
  sql(R"sql(
    INSERT INTO meta VALUES('options', '{"format":"json"}');
    INSERT INTO frontier VALUES('https://malmo.se/', 0, 1);
    INSERT INTO frontier VALUES('https://malmo.se/a', 1, 1);
    INSERT INTO frontier VALUES('https://malmo.se/b', 1, 0);
    INSERT INTO frontier VALUES('https://malmo.se/r', 0, 2);
    INSERT INTO results(url, output, at_threshold, error, html) VALUES('https://malmo.se/', 'start', 1, 0, 1);
    INSERT INTO results(url, output, at_threshold, error, html) VALUES('https://malmo.se/a', 'sida a', 0, 0, 1);
    INSERT INTO page_cache VALUES('https://malmo.se/', '"e1"', '', 'https://malmo.se/a\n');
  )sql");
  auto db = open();
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(number("PRAGMA user_version"), kCurrentVersion);
  auto running = db->latest_scan(ScanStatus::Running);
  ASSERT_TRUE(running.has_value()) << "an interrupted v1 crawl is a running scan";
  EXPECT_EQ(running->id, 1);
  EXPECT_EQ(running->options, "{\"format\":\"json\"}");
  EXPECT_FALSE(running->structured);
  EXPECT_FALSE(db->meta("options").has_value()) << "moved into the scan";
  db->use_scan(running->id);
  auto state = db->load();
  ASSERT_TRUE(state.ok());
  ASSERT_EQ(state->queued.size(), 1u);
  EXPECT_EQ(state->queued[0].first, "https://malmo.se/b");
  EXPECT_EQ(state->queued[0].second, 1);
  EXPECT_EQ(state->seen.size(), 3u);
  EXPECT_EQ(state->admitted, 3u);
  auto stored = db->result(1, "https://malmo.se/");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->output, "start");
  EXPECT_TRUE(stored->at_threshold);

  // Resume: the queued page finishes, the scan completes; output stays in finishing order.
  db->finished("https://malmo.se/b", "sida b", false, false, true);
  ASSERT_TRUE(db->complete_scan().ok());
  std::vector<std::string> outputs;
  auto totals = db->for_each_result([&](std::string_view o) { outputs.emplace_back(o); });
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(outputs, (std::vector<std::string>{"start", "sida a", "sida b"}));
  EXPECT_TRUE(totals->any_at_threshold);
  EXPECT_EQ(db->latest_scan(ScanStatus::Complete)->id, 1);
  db.reset();

  // A legacy scan holds no structured results: reports do not list it.
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  EXPECT_TRUE((*src)->complete_scans().empty());
  // A new scan in the same file continues the numbering.
  db = open();
  EXPECT_EQ(write_scan(*db, 2), 2);
}

TEST_F(ScanStore, Version1FileIsUpgradedByAReaderToo) {
  sql(kVersion1);
  sql("INSERT INTO meta VALUES('options', '{}'); INSERT INTO meta VALUES('completed', '1');");
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok()) << src.error().message;
  EXPECT_EQ(number("PRAGMA user_version"), kCurrentVersion);
  EXPECT_EQ(number("SELECT status FROM scans WHERE id = 1"), 1);
}

TEST_F(ScanStore, NewerVersionIsRefused) {
  ASSERT_NE(open(), nullptr);
  sql("PRAGMA user_version = " + std::to_string(kCurrentVersion + 1) + ";");
  auto db = CrawlStore::open(path_);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().message.find("newer granska"), std::string::npos) << db.error().message;
  EXPECT_NE(db.error().text(Lang::Sv).find("nyare granska"), std::string::npos) << db.error().message_sv;
  auto src = store::open_scan_source(path_);
  ASSERT_FALSE(src.ok());
  EXPECT_NE(src.error().message.find("newer granska"), std::string::npos);
  EXPECT_EQ(number("PRAGMA user_version"), kCurrentVersion + 1) << "left as it was";
}

TEST_F(ScanStore, OtherFilesAreRefused) {
  {
    std::ofstream f(path_);
    f << "inte en databas\n";
  }
  auto text = CrawlStore::open(path_);
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("not a granska database"), std::string::npos) << text.error().message;
  EXPECT_NE(text.error().text(Lang::Sv).find("inte en granska-databas"), std::string::npos);
  fs::remove(path_);
  sql("CREATE TABLE kunder(namn TEXT);");
  auto other = CrawlStore::open(path_);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("not a granska database"), std::string::npos);
  EXPECT_FALSE(store::open_scan_source(path_).ok());
  EXPECT_FALSE(store::open_scan_source((dir_ / "saknas.db").string()).ok());
  EXPECT_FALSE(fs::exists(dir_ / "saknas.db")) << "a reader never creates a file";
}

TEST_F(ScanStore, PagesReadBackAsWritten) {
  auto db = open();
  auto scan = db->begin_scan({"1.2.3", "f00d", "malmo.toml", "{}"});
  ASSERT_TRUE(scan.ok());
  CrawlStore::PageData b = page("https://malmo.se/b", 2);
  b.media.push_back(results::MediaRow{"", "", "video", "https://malmo.se/film.mp4", "Film om \"bygglov\"", "",
                                     engine::Outcome::Failed, std::nullopt, engine::Outcome::CantTell,
                                     engine::Outcome::Passed});
  b.media.push_back(results::MediaRow{"", "", "player", "https://www.youtube.com/embed/x", "", "YouTube",
                                     std::nullopt, std::nullopt, std::nullopt, std::nullopt});
  db->finished(b.row.url, "b", true, false, true, &b);
  CrawlStore::PageData a = page("https://malmo.se/a", 0, "ks");
  db->finished(a.row.url, "a", false, false, true, &a);
  CrawlStore::PageData pdf;
  pdf.row.url = pdf.row.final_url = "https://malmo.se/taxa.pdf";
  pdf.row.unit = "sbn";
  pdf.row.kind = "document";
  pdf.row.status = 200;
  pdf.row.content_type = "application/pdf";
  pdf.document = true;
  pdf.document_size = 12345;
  db->finished(pdf.row.url, "pdf", false, false, false, &pdf);
  CrawlStore::PageData broken;
  broken.row.url = broken.row.final_url = "https://malmo.se/saknas";
  broken.row.kind = "failed";
  broken.row.status = 404;
  broken.row.error = "Servern svarade HTTP 404 Not Found";
  broken.row.error_en = "The server answered HTTP 404 Not Found";
  db->finished(broken.row.url, "404", false, true, false, &broken);
  // The same URL finished twice in a scan keeps its first record.
  CrawlStore::PageData again = page("https://malmo.se/a", 5);
  db->finished(again.row.url, "a", false, false, true, &again);
  ASSERT_TRUE(db->complete_scan().ok());
  db.reset();

  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0].id, *scan);
  EXPECT_EQ(scans[0].status, ScanStatus::Complete);
  EXPECT_EQ(scans[0].granska_version, "1.2.3");
  EXPECT_EQ(scans[0].ruleset_hash, "f00d");
  EXPECT_EQ(scans[0].config_name, "malmo.toml");
  EXPECT_EQ(scans[0].pages, 4u);
  EXPECT_EQ(scans[0].started.size(), 20u) << scans[0].started;
  EXPECT_EQ(scans[0].finished.size(), 20u);

  auto pages = pages_of(**src, *scan);
  ASSERT_EQ(pages.size(), 4u);
  EXPECT_EQ(pages[0].url, "https://malmo.se/a") << "URL order";
  EXPECT_EQ(pages[1].url, "https://malmo.se/b");
  EXPECT_EQ(pages[2].url, "https://malmo.se/saknas");
  EXPECT_EQ(pages[3].url, "https://malmo.se/taxa.pdf");
  const results::PageRow& p = pages[1];
  EXPECT_EQ(p.unit, "sbn");
  EXPECT_EQ(p.kind, "html");
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.title, b.row.title);
  EXPECT_EQ(p.content_type, b.row.content_type);
  EXPECT_EQ(p.content_sha256, b.row.content_sha256);
  EXPECT_EQ(p.fetched_at, b.row.fetched_at);
  EXPECT_FALSE(p.unchanged);
  ASSERT_EQ(p.rule_outcomes.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(p.rule_outcomes[i].rule, b.row.rule_outcomes[i].rule);
    EXPECT_EQ(p.rule_outcomes[i].outcome, b.row.rule_outcomes[i].outcome);
  }
  ASSERT_EQ(p.findings.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    const results::FindingRow &got = p.findings[i], &want = b.row.findings[i];
    EXPECT_EQ(got.rule, want.rule);
    EXPECT_EQ(got.outcome, want.outcome);
    EXPECT_EQ(got.message_id, want.message_id);
    EXPECT_EQ(got.args, want.args);
    EXPECT_EQ(got.selector, want.selector);
    EXPECT_EQ(got.line, want.line);
    EXPECT_EQ(got.column, want.column);
    EXPECT_EQ(got.snippet, want.snippet);
  }
  EXPECT_EQ(pages[0].unit, "ks");
  EXPECT_EQ(pages[0].findings.size(), 1u) << "the first record of /a stands";
  EXPECT_EQ(pages[2].error, broken.row.error);
  EXPECT_EQ(pages[2].error_en, broken.row.error_en);
  EXPECT_EQ(pages[2].kind, "failed");
  EXPECT_TRUE(pages[2].findings.empty());

  std::vector<results::MediaRow> media;
  (*src)->for_each_media(*scan, [&](const results::MediaRow& m) { media.push_back(m); });
  ASSERT_EQ(media.size(), 2u);
  EXPECT_EQ(media[0].page_url, "https://malmo.se/b");
  EXPECT_EQ(media[0].unit, "sbn");
  EXPECT_EQ(media[0].kind, "video");
  EXPECT_EQ(media[0].name, "Film om \"bygglov\"");
  EXPECT_EQ(media[0].captions, engine::Outcome::Failed);
  EXPECT_FALSE(media[0].description.has_value());
  EXPECT_EQ(media[0].transcript, engine::Outcome::CantTell);
  EXPECT_EQ(media[0].autoplay, engine::Outcome::Passed);
  EXPECT_EQ(media[1].player, "YouTube");
  EXPECT_FALSE(media[1].captions.has_value());

  std::vector<results::DocumentRow> docs;
  (*src)->for_each_document(*scan, [&](const results::DocumentRow& d) { docs.push_back(d); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].url, "https://malmo.se/taxa.pdf");
  EXPECT_EQ(docs[0].unit, "sbn");
  EXPECT_EQ(docs[0].content_type, "application/pdf");
  EXPECT_EQ(docs[0].status, 200);
  EXPECT_EQ(docs[0].size, 12345);

  // The writer reads a page back the same way (what an unchanged page carries over).
  db = open();
  auto stored = db->stored_page(*scan, "https://malmo.se/b");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->row.findings.size(), 3u);
  EXPECT_EQ(stored->media.size(), 2u);
  EXPECT_FALSE(db->stored_page(*scan, "https://malmo.se/none").has_value());
}

TEST_F(ScanStore, AScanIsInvisibleUntilComplete) {
  auto db = open();
  const results::ScanId first = write_scan(*db, 5);
  const results::ScanId second = write_scan(*db, 7, false);
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0].id, first);
  ASSERT_TRUE(db->complete_scan().ok());
  scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 2u) << "the same reader sees it once it is complete";
  EXPECT_EQ(scans[1].id, second);
  EXPECT_EQ(scans[1].pages, 7u);
  EXPECT_EQ(pages_of(**src, second).size(), 7u);
}

TEST_F(ScanStore, NewScanAbandonsAnInterruptedOne) {
  auto db = open();
  write_scan(*db, 1);
  const results::ScanId interrupted = write_scan(*db, 1, false);
  write_scan(*db, 1, false);
  EXPECT_EQ(number("SELECT status FROM scans WHERE id = " + std::to_string(interrupted)), 2);
  EXPECT_EQ(db->latest_scan(ScanStatus::Running)->id, interrupted + 1);
}

// Each scan has its own frontier: resuming the interrupted second scan sees only its URLs.
TEST_F(ScanStore, ResumeReadsTheRunningScansOwnFrontier) {
  auto db = open();
  write_scan(*db, 4);
  ASSERT_TRUE(db->begin_scan({"1.0", "abc", "", "{\"seeds\":[]}"}).ok());
  db->admitted("https://malmo.se/sida-0", 0);
  db->admitted("https://malmo.se/ny", 1);
  db->finished("https://malmo.se/sida-0", "igen", false, false, true);
  ASSERT_TRUE(db->flush().ok());
  db.reset();
  db = open();
  auto running = db->latest_scan(ScanStatus::Running);
  ASSERT_TRUE(running.has_value());
  EXPECT_EQ(running->options, "{\"seeds\":[]}");
  db->use_scan(running->id);
  auto state = db->load();
  ASSERT_TRUE(state.ok());
  ASSERT_EQ(state->queued.size(), 1u);
  EXPECT_EQ(state->queued[0].first, "https://malmo.se/ny");
  EXPECT_EQ(state->seen, std::vector<std::string>{"https://malmo.se/sida-0"});
  EXPECT_EQ(state->admitted, 2u);
  std::vector<std::string> outputs;
  ASSERT_TRUE(db->for_each_result([&](std::string_view o) { outputs.emplace_back(o); }).ok());
  EXPECT_EQ(outputs, std::vector<std::string>{"igen"});
}

// A crawl killed (SIGKILL) in the middle of writing a scan: the previous scan is intact and
// readable, the killed one is not complete and none of its open batch is visible.
TEST_F(ScanStore, KilledMidWriteLeavesThePreviousScanIntact) {
  results::ScanId first = 0;
  {
    auto db = open();
    first = write_scan(*db, 30);
  }
  auto before = store::open_scan_source(path_);
  ASSERT_TRUE(before.ok());
  const std::vector<results::PageRow> pages_before = pages_of(**before, first);
  before->reset();

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto db = CrawlStore::open(path_);
    if (!db.ok()) ::_exit(3);
    if (!(*db)->begin_scan({"1.0", "abc", "", "{}"}).ok()) ::_exit(4);
    for (int i = 0; i < 50; ++i) {  // below a batch: all in one open transaction
      const std::string url = "https://malmo.se/ny-" + std::to_string(i);
      (*db)->admitted(url, 0);
      CrawlStore::PageData d = page(url, 2);
      (*db)->finished(url, "out", false, false, true, &d);
    }
    ::kill(::getpid(), SIGKILL);
    ::_exit(5);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGKILL);

  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok()) << src.error().message;
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0].id, first);
  EXPECT_EQ(scans[0].pages, 30u);
  const std::vector<results::PageRow> pages_after = pages_of(**src, first);
  ASSERT_EQ(pages_after.size(), pages_before.size());
  for (std::size_t i = 0; i < pages_after.size(); ++i) {
    EXPECT_EQ(pages_after[i].url, pages_before[i].url);
    EXPECT_EQ(pages_after[i].findings.size(), pages_before[i].findings.size());
    EXPECT_EQ(pages_after[i].rule_outcomes.size(), pages_before[i].rule_outcomes.size());
  }
  auto db = open();
  auto running = db->latest_scan(ScanStatus::Running);
  ASSERT_TRUE(running.has_value()) << "the killed scan stays running (it can be resumed)";
  EXPECT_GT(running->id, first);
  EXPECT_EQ(number("SELECT count(*) FROM pages WHERE scan_id = " + std::to_string(running->id)), 0)
      << "nothing of the open batch";
}

// WAL: a reader reads the committed state while a writer holds an open write transaction.
TEST_F(ScanStore, ReaderReadsWhileAWriterHoldsATransaction) {
  auto db = open();
  const results::ScanId first = write_scan(*db, 10);
  ASSERT_TRUE(db->begin_scan({"1.0", "abc", "", "{}"}).ok());
  for (int i = 0; i < 20; ++i) {
    const std::string url = "https://malmo.se/pågår-" + std::to_string(i);
    CrawlStore::PageData d = page(url, 1);
    db->finished(url, "out", false, false, true, &d);  // uncommitted: below a batch
  }
  const auto start = std::chrono::steady_clock::now();
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok()) << src.error().message;
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(pages_of(**src, first).size(), 10u);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2)) << "the reader did not wait";
  ASSERT_TRUE(db->complete_scan().ok());
  EXPECT_EQ((*src)->complete_scans().size(), 2u);
}

TEST_F(ScanStore, PruneKeepsTheNewestCompleteScans) {
  {
    auto db = open();
    write_scan(*db, 3);         // 1 complete: removed
    write_scan(*db, 2, false);  // 2 abandoned (failed when 3 began): removed
    write_scan(*db, 4);         // 3 complete: removed with keep 2
    write_scan(*db, 5);         // 4 complete: kept
    write_scan(*db, 6);         // 5 complete: kept
    write_scan(*db, 1, false);  // 6 running, newer than every complete scan: kept
  }
  EXPECT_EQ(number("SELECT status FROM scans WHERE id = 2"), 2);
  auto removed = store::prune_scans(path_, 2);
  ASSERT_TRUE(removed.ok()) << removed.error().message;
  ASSERT_EQ(removed->size(), 3u);
  EXPECT_EQ((*removed)[0].id, 1);
  EXPECT_EQ((*removed)[0].status, ScanStatus::Complete);
  EXPECT_EQ((*removed)[0].pages, 3u);
  EXPECT_EQ((*removed)[1].id, 2);
  EXPECT_EQ((*removed)[1].status, ScanStatus::Failed);
  EXPECT_EQ((*removed)[2].id, 3);
  EXPECT_EQ(number("SELECT count(*) FROM scans"), 3);
  EXPECT_EQ(number("SELECT min(id) FROM scans"), 4);
  EXPECT_EQ(number("SELECT count(*) FROM pages WHERE scan_id < 4"), 0);
  EXPECT_EQ(number("SELECT count(*) FROM findings WHERE page_id NOT IN (SELECT id FROM pages)"), 0);
  EXPECT_EQ(number("SELECT count(*) FROM results WHERE scan_id < 4"), 0);
  EXPECT_EQ(number("SELECT count(*) FROM frontier WHERE scan_id < 4"), 0);
  EXPECT_EQ(number("SELECT count(*) FROM pages"), 12);
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(pages_of(**src, scans[1].id).size(), 6u);
  auto again = store::prune_scans(path_, 2);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
}

// Volume: 10,000 pages written in batches and read back (the time is printed for the
// record, never asserted).
TEST_F(ScanStore, TenThousandPagesInBatches) {
  auto db = open();
  ASSERT_TRUE(db->begin_scan({"1.0", "abc", "", "{}"}).ok());
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 10000; ++i) {
    const std::string url = "https://malmo.se/sida/" + std::to_string(i);
    db->admitted(url, 1);
    CrawlStore::PageData d = page(url, i % 4);
    d.row.rule_outcomes.clear();
    for (int r = 0; r < 58; ++r) {
      d.row.rule_outcomes.push_back({"rule-" + std::to_string(r), engine::Outcome::Passed});
    }
    db->finished(url, std::string(2000, 'x'), false, false, true, &d);
  }
  ASSERT_TRUE(db->complete_scan().ok());
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("10000 pages (58 rule outcomes, avg 2.5 findings, 2 KB output each) written in %.2f s; file %.1f MB\n",
              s, static_cast<double>(fs::file_size(path_) + fs::file_size(path_ + "-wal")) / 1e6);
  EXPECT_EQ(number("SELECT count(*) FROM pages"), 10000);
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  const auto read_start = std::chrono::steady_clock::now();
  std::size_t pages = 0, findings = 0;
  (*src)->for_each_page((*src)->complete_scans().at(0).id, [&](const results::PageRow& p) {
    ++pages;
    findings += p.findings.size();
  });
  std::printf("read back in %.2f s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count());
  EXPECT_EQ(pages, 10000u);
  EXPECT_EQ(findings, 10000u / 4 * (0 + 1 + 2 + 3) + 10000u);
}

// Issue #16: random bytes in the middle of the database made report and diff write a
// report from 50 of 65 pages. A damaged file is refused, naming the damage.
TEST_F(ScanStore, DamagedFileIsRefusedBeforeAnyReport) {
  {
    auto db = open();
    ASSERT_NE(db, nullptr);
    write_scan(*db, 300);
  }
  sql("PRAGMA wal_checkpoint(TRUNCATE)");
  ASSERT_TRUE(store::open_scan_source(path_).ok());
  const auto size = fs::file_size(path_);
  ASSERT_GT(size, 16u * 4096);
  {
    std::fstream f(path_, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2 / 4096 * 4096));
    std::uint32_t x = 12345;
    for (int i = 0; i < 4096; ++i) {
      x = x * 1103515245 + 12345;
      f.put(static_cast<char>(x >> 24));
    }
  }
  auto src = store::open_scan_source(path_);
  ASSERT_FALSE(src.ok());
  EXPECT_NE(src.error().message.find("is damaged"), std::string::npos) << src.error().message;
  EXPECT_NE(src.error().text(Lang::Sv).find("är skadad"), std::string::npos);
}

TEST_F(ScanStore, LostRowsAreNoticedByTheScansRowCounts) {
  {
    auto db = open();
    ASSERT_NE(db, nullptr);
    write_scan(*db, 10);
  }
  EXPECT_EQ(number("SELECT COUNT(*) FROM scans WHERE row_counts = 'pages=10 findings=19 errors=0 media=0'"), 1);
  sql("DELETE FROM findings WHERE seq = 0 AND page_id = (SELECT MIN(id) FROM pages)");
  auto src = store::open_scan_source(path_);
  ASSERT_FALSE(src.ok());
  EXPECT_NE(src.error().message.find("scan 1 wrote pages=10 findings=19"), std::string::npos) << src.error().message;
}

// A file of schema version 2 (scans, no canonical, no report record) is upgraded in place:
// its complete scans count as reported (nobody can tell), its pages keep their rows.
TEST_F(ScanStore, Version2FileGetsCanonicalAndReportRecord) {
  {
    auto db = open();
    write_scan(*db, 3);
    write_scan(*db, 2, /*complete=*/false);
  }
  // Back to version 2 by hand: drop the two columns version 3 added.
  sql(std::string(kUndoVersion5) +
      "ALTER TABLE pages DROP COLUMN canonical; ALTER TABLE scans DROP COLUMN report_written; "
      "ALTER TABLE scans DROP COLUMN row_counts; PRAGMA user_version = 2;");
  ASSERT_EQ(number("PRAGMA user_version"), 2);
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok()) << src.error().message;
  EXPECT_EQ(number("PRAGMA user_version"), kCurrentVersion);
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 1u);
  EXPECT_EQ(scans[0].report_written, results::kReportWrittenUnknown);
  EXPECT_EQ(number("SELECT count(*) FROM scans WHERE report_written = ''"), 1) << "the running scan has no report";
  auto pages = pages_of(**src, scans[0].id);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].canonical, "");
}

TEST_F(ScanStore, CanonicalAndIdentitiesReadBack) {
  auto db = open();
  auto scan = db->begin_scan({"1", "h", "c", "{}"});
  ASSERT_TRUE(scan.ok());
  CrawlStore::PageData a = page("https://malmo.se/a?x=1", 0);
  a.row.canonical = "https://malmo.se/a";
  a.row.content_sha256 = std::string(64, 'b');
  db->finished(a.row.url, "a", false, false, true, &a);
  CrawlStore::PageData e;
  e.row.url = e.row.final_url = "https://malmo.se/borta";
  e.row.unit = "sbn";
  e.row.kind = "failed";
  e.row.status = 404;
  e.row.error = "Servern svarade HTTP 404";
  db->finished(e.row.url, "e", false, true, false, &e);
  ASSERT_TRUE(db->complete_scan().ok());
  db.reset();
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  EXPECT_EQ(pages_of(**src, *scan)[0].canonical, "https://malmo.se/a");
  std::vector<results::PageIdentity> ids;
  (*src)->for_each_page_identity(*scan, [&](const results::PageIdentity& p) { ids.push_back(p); });
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids[0].url, "https://malmo.se/a?x=1");
  EXPECT_EQ(ids[0].canonical, "https://malmo.se/a");
  EXPECT_EQ(ids[0].content_sha256, std::string(64, 'b'));
  EXPECT_EQ(ids[0].kind, "html");
  EXPECT_EQ(ids[1].kind, "failed");
  EXPECT_EQ(ids[1].unit, "sbn");
}

TEST_F(ScanStore, ReportWrittenIsRecordedPerScan) {
  results::ScanId first = 0, second = 0;
  {
    auto db = open();
    first = write_scan(*db, 1);
    second = write_scan(*db, 1);
  }
  auto scans = [&] {
    auto src = store::open_scan_source(path_);
    EXPECT_TRUE(src.ok());
    return (*src)->complete_scans();
  };
  EXPECT_EQ(scans()[0].report_written, "");
  EXPECT_EQ(scans()[1].report_written, "");
  ASSERT_TRUE(store::mark_report_written(path_, second, "2026-11-24T06:00:00Z").ok());
  EXPECT_EQ(scans()[0].report_written, "");
  EXPECT_EQ(scans()[1].report_written, "2026-11-24T06:00:00Z");
  auto missing = store::mark_report_written(path_, second + 5, "2026-11-24T06:00:00Z");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().text(Lang::Sv).find("ingen avslutad genomsökning"), std::string::npos);
  EXPECT_FALSE(store::mark_report_written((dir_ / "saknas.db").string(), first, "x").ok());
  EXPECT_FALSE(fs::exists(dir_ / "saknas.db"));
}

// The crawl's limits come from its stored settings; pages at the depth limit are counted
// (their links were not followed).
TEST_F(ScanStore, LimitsOfTheScanAreReadFromItsSettings) {
  auto db = open();
  auto scan = db->begin_scan({"1", "h", "c", R"({"max_pages": 3, "max_depth": 1, "seeds": []})"});
  ASSERT_TRUE(scan.ok());
  int depth = 0;
  for (const char* url : {"https://malmo.se/", "https://malmo.se/a", "https://malmo.se/b"}) {
    db->admitted(url, depth);
    depth = 1;
    CrawlStore::PageData d = page(url, 0);
    db->finished(url, url, false, false, true, &d);
  }
  ASSERT_TRUE(db->complete_scan().ok());
  auto old = db->begin_scan({"1", "h", "c", "not json"});
  ASSERT_TRUE(old.ok());
  ASSERT_TRUE(db->complete_scan().ok());
  db.reset();
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans[0].max_pages, 3u);
  EXPECT_EQ(scans[0].max_depth, 1);
  EXPECT_TRUE(scans[0].page_limit_reached());
  EXPECT_EQ(scans[0].pages_at_max_depth, 2u);
  EXPECT_EQ(scans[1].max_pages, 0u) << "unreadable settings: unknown, not a crash";
  EXPECT_FALSE(scans[1].page_limit_reached());
}

// A checked document as the crawl stores it: a finding with its page and object.
CrawlStore::PageData document(const std::string& url, const std::string& state) {
  CrawlStore::PageData d;
  d.row.url = d.row.final_url = url;
  d.row.unit = "ks";
  d.row.kind = "document";
  d.row.status = 200;
  d.row.content_type = "application/pdf";
  d.row.content_sha256 = std::string(64, 'd');
  d.row.title = "Taxa <2026>";
  d.document = true;
  d.document_size = 4321;
  d.document_state = state;
  if (state == "checked") {
    d.document_format = "pdf";
    d.row.rule_outcomes = {{"pdf-tagged", engine::Outcome::Failed}};
    results::FindingRow f;
    f.rule = "pdf-tagged";
    f.outcome = engine::Outcome::Failed;
    f.message_id = "no-struct-tree";
    f.selector = "/Document[1]/Figure[2]";
    f.page = 3;
    f.object = 17;
    f.snippet = "alt <b>";
    d.row.findings.push_back(f);
  } else {
    d.row.error = "är en skadad PDF";
    d.row.error_en = "is a damaged PDF";
  }
  return d;
}

TEST_F(ScanStore, DocumentsReadBackWithTheirCheckFindingsAndLinkingPages) {
  auto db = open();
  auto scan = db->begin_scan({"1", "h", "c", "{}"});
  ASSERT_TRUE(scan.ok());
  CrawlStore::PageData taxa = document("https://malmo.se/taxa.pdf", "checked");
  db->finished(taxa.row.url, "taxa", false, false, false, &taxa);
  CrawlStore::PageData broken = document("https://malmo.se/trasig.pdf", "unreadable");
  db->finished(broken.row.url, "trasig", false, false, false, &broken);
  db->cache(taxa.row.url, "\"t1\"", "", {});
  db->cache(broken.row.url, "", "", {});
  db->document_link(taxa.row.url, "https://malmo.se/bygglov", "sbn");
  db->document_link(taxa.row.url, "https://malmo.se/", "ks");
  db->document_link(taxa.row.url, "https://malmo.se/", "ks");  // once per pair
  ASSERT_TRUE(db->complete_scan().ok());
  db.reset();

  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  std::vector<results::DocumentRow> docs;
  (*src)->for_each_document(*scan, [&](const results::DocumentRow& d) { docs.push_back(d); });
  ASSERT_EQ(docs.size(), 2u);
  const results::DocumentRow& t = docs[0];
  EXPECT_EQ(t.url, "https://malmo.se/taxa.pdf");
  EXPECT_EQ(t.state, "checked");
  EXPECT_TRUE(t.checked());
  EXPECT_EQ(t.format, "pdf");
  EXPECT_EQ(t.title, "Taxa <2026>");
  EXPECT_EQ(t.size, 4321);
  ASSERT_EQ(t.findings.size(), 1u);
  EXPECT_EQ(t.findings[0].selector, "/Document[1]/Figure[2]");
  EXPECT_EQ(t.findings[0].page, 3u);
  EXPECT_EQ(t.findings[0].object, 17u);
  EXPECT_EQ(t.findings[0].line, 0u);
  ASSERT_EQ(t.rule_outcomes.size(), 1u);
  ASSERT_EQ(t.linked_from.size(), 2u);
  EXPECT_EQ(t.linked_from[0].url, "https://malmo.se/");
  EXPECT_EQ(t.linked_from[0].unit, "ks");
  EXPECT_EQ(t.linked_from[1].unit, "sbn");
  EXPECT_EQ(docs[1].state, "unreadable");
  EXPECT_EQ(docs[1].error, "är en skadad PDF");
  EXPECT_EQ(docs[1].error_en, "is a damaged PDF");
  EXPECT_TRUE(docs[1].linked_from.empty());

  // A later scan asks for both again: with the ETag, or (no validators) by the SHA-256.
  db = open();
  auto c = db->cached(*scan, "https://malmo.se/taxa.pdf");
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->document);
  EXPECT_EQ(c->etag, "\"t1\"");
  EXPECT_EQ(c->sha256, std::string(64, 'd'));
  auto b = db->cached(*scan, "https://malmo.se/trasig.pdf");
  ASSERT_TRUE(b.has_value());
  EXPECT_TRUE(b->etag.empty());
  EXPECT_EQ(b->sha256, std::string(64, 'd'));
  auto stored = db->stored_page(*scan, "https://malmo.se/taxa.pdf");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->document_state, "checked");
  EXPECT_EQ(stored->document_format, "pdf");
  EXPECT_EQ(stored->row.findings.at(0).page, 3u);

  // Pruning a scan takes its document links with it.
  write_scan(*db, 1);
  write_scan(*db, 1);
  db.reset();
  auto pruned = store::prune_scans(path_, 1);
  ASSERT_TRUE(pruned.ok());
  EXPECT_EQ(number("SELECT count(*) FROM document_links"), 0);
}

// A file of schema version 4 (documents listed, never checked) is upgraded in place: its
// documents read back as "listed", its findings without a page, and it has no links.
TEST_F(ScanStore, Version4FileGetsDocumentChecksAndLinks) {
  {
    auto db = open();
    auto scan = db->begin_scan({"1", "h", "c", "{}"});
    ASSERT_TRUE(scan.ok());
    CrawlStore::PageData pdf;
    pdf.row.url = pdf.row.final_url = "https://malmo.se/taxa.pdf";
    pdf.row.kind = "document";
    pdf.document = true;
    pdf.document_size = 99;
    db->finished(pdf.row.url, "pdf", false, false, false, &pdf);
    CrawlStore::PageData a = page("https://malmo.se/a", 2);
    db->finished(a.row.url, "a", false, false, true, &a);
    ASSERT_TRUE(db->complete_scan().ok());
  }
  sql(std::string(kUndoVersion5) + "PRAGMA user_version = 4;");
  ASSERT_EQ(number("PRAGMA user_version"), 4);
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok()) << src.error().message;
  EXPECT_EQ(number("PRAGMA user_version"), kCurrentVersion);
  const results::ScanId scan = (*src)->complete_scans().at(0).id;
  std::vector<results::DocumentRow> docs;
  (*src)->for_each_document(scan, [&](const results::DocumentRow& d) { docs.push_back(d); });
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].state, "listed");
  EXPECT_FALSE(docs[0].checked());
  EXPECT_EQ(docs[0].size, 99);
  EXPECT_TRUE(docs[0].linked_from.empty());
  auto pages = pages_of(**src, scan);
  ASSERT_EQ(pages.size(), 2u);
  ASSERT_EQ(pages[0].findings.size(), 3u);
  EXPECT_EQ(pages[0].findings[0].page, 0u);
  EXPECT_EQ(pages[0].findings[0].line, 10u);
}

// Whether a page was checked as the browser rendered it is read back as written, by the
// report's reader and by a later scan; a rendered page is not asked for conditionally (its
// HTML may be the same while what its scripts build is not).
TEST_F(ScanStore, RenderedIsReadBackAsWritten) {
  auto db = open();
  auto scan = db->begin_scan({"1", "h", "c", R"({"render": "auto"})"});
  ASSERT_TRUE(scan.ok());
  CrawlStore::PageData shell = page("https://malmo.se/boka", 1);
  shell.row.rendered = true;
  db->finished(shell.row.url, "boka", false, false, true, &shell);
  CrawlStore::PageData plain = page("https://malmo.se/om", 0);
  db->finished(plain.row.url, "om", false, false, true, &plain);
  for (const char* url : {"https://malmo.se/boka", "https://malmo.se/om"}) db->cache(url, "\"e1\"", "", {});
  ASSERT_TRUE(db->complete_scan().ok());
  EXPECT_EQ(number("SELECT rendered FROM pages WHERE url = 'https://malmo.se/boka'"), 1);
  EXPECT_EQ(number("SELECT rendered FROM pages WHERE url = 'https://malmo.se/om'"), 0);

  auto stored = db->stored_page(*scan, "https://malmo.se/boka");
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(stored->row.rendered);
  EXPECT_FALSE(db->stored_page(*scan, "https://malmo.se/om")->row.rendered);
  EXPECT_FALSE(db->cached(*scan, "https://malmo.se/boka").has_value()) << "fetched and rendered again";
  EXPECT_TRUE(db->cached(*scan, "https://malmo.se/om").has_value());
  db.reset();

  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  auto pages = pages_of(**src, *scan);
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].rendered) << pages[0].url;
  EXPECT_FALSE(pages[1].rendered) << pages[1].url;
  EXPECT_TRUE((*src)->complete_scans().at(0).rendering);
}

// Whether the scan asked for rendering comes from its stored settings: the top-level mode
// or any site's.
TEST_F(ScanStore, RenderingIsReadFromTheScansSettings) {
  auto db = open();
  for (const char* options :
       {R"({"render": "never", "render_hosts": [["etjanster.malmo.se", "auto"]]})", R"({"render": "always"})",
        R"({"render": "never", "render_hosts": [["malmo.se", "never"]]})", "{}", "not json"}) {
    ASSERT_TRUE(db->begin_scan({"1", "h", "c", options}).ok());
    ASSERT_TRUE(db->complete_scan().ok());
  }
  db.reset();
  auto src = store::open_scan_source(path_);
  ASSERT_TRUE(src.ok());
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 5u);
  EXPECT_TRUE(scans[0].rendering);
  EXPECT_TRUE(scans[1].rendering);
  EXPECT_FALSE(scans[2].rendering);
  EXPECT_FALSE(scans[3].rendering) << "a scan of a release that could not render";
  EXPECT_FALSE(scans[4].rendering);
}

// A file of schema version 6 (before pages.rendered) is upgraded in place: every page it
// holds was checked as served, and a new scan records rendered pages.
TEST_F(ScanStore, Version6FileGetsRenderedAsNotRendered) {
  {
    auto db = open();
    write_scan(*db, 3);
  }
  sql(std::string(kUndoVersion7) + "PRAGMA user_version = 6;");
  ASSERT_EQ(number("PRAGMA user_version"), 6);
  {
    auto src = store::open_scan_source(path_);
    ASSERT_TRUE(src.ok()) << src.error().message;
    EXPECT_EQ(number("PRAGMA user_version"), kCurrentVersion);
    const results::ScanId old = (*src)->complete_scans().at(0).id;
    auto pages = pages_of(**src, old);
    ASSERT_EQ(pages.size(), 3u);
    for (const results::PageRow& p : pages) {
      EXPECT_FALSE(p.rendered) << p.url;
      EXPECT_EQ(p.findings.size(), p.url.ends_with("-1") ? 2u : p.url.ends_with("-2") ? 3u : 1u) << p.url;
    }
  }
  EXPECT_EQ(number("SELECT count(*) FROM pages WHERE rendered = 0"), 3);
  auto db = open();
  ASSERT_NE(db, nullptr);
  auto scan = db->begin_scan({"1", "h", "c", R"({"render": "auto"})"});
  ASSERT_TRUE(scan.ok());
  CrawlStore::PageData shell = page("https://malmo.se/boka", 0);
  shell.row.rendered = true;
  db->finished(shell.row.url, "boka", false, false, true, &shell);
  ASSERT_TRUE(db->complete_scan().ok());
  EXPECT_TRUE(db->stored_page(*scan, "https://malmo.se/boka")->row.rendered);
}

}  // namespace
}  // namespace granska
