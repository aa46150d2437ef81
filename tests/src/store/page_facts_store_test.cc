// The site step's page facts in the scan store: written with the page, each distinct
// navigation block once per scan, read back as written, and a damaged record read as none.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "store/crawl_store.h"
#include "store/facts_codec.h"

namespace granska {
namespace {

namespace fs = std::filesystem;
using store::CrawlStore;

results::PageFacts sample_facts(const std::string& extra_link) {
  results::PageFacts f;
  f.blocks.push_back({results::BlockKind::Header, "", {{"Kommunen – startsidan", "https://kommun.test/"}}});
  f.blocks.push_back({results::BlockKind::Navigation, "Huvudmeny",
                      {{"Bygga", "https://kommun.test/bygga"}, {"Till innehållet", "#innehall"}}});
  f.links = {{"https://kommun.test/" + extra_link + "?a=1#x", "Läs mer"},
             {"https://annan.test/sida", "Annan"},
             {"#steg", "Steg"}};
  f.components = {{results::ComponentKind::SearchField, "header", "Sök"},
                  {results::ComponentKind::IconButton, "header|use:#meny", "Meny"}};
  f.ids = {results::id_hash("a"), results::id_hash("innehall"), results::id_hash("steg")};
  std::sort(f.ids.begin(), f.ids.end());
  f.h1 = "Bygglov";
  f.text = "Rad ett\nRad två <mailto:a@b.se>\n";
  f.has_form = true;
  return f;
}

class PageFactsStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("granska-facts-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "scans.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  void exec(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
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
  static CrawlStore::PageData page(const std::string& url, std::optional<results::PageFacts> facts) {
    CrawlStore::PageData d;
    d.row.url = url;
    d.row.final_url = url;
    d.row.kind = facts ? "html" : "failed";
    d.row.status = facts ? 200 : 404;
    d.row.title = "Sida";
    d.reached = facts ? results::Reached::NavLink : results::Reached::ContentLink;
    d.facts = std::move(facts);
    return d;
  }
  fs::path dir_;
  std::string path_;
};

TEST_F(PageFactsStore, FactsAreReadBackAsWrittenAndABlockIsStoredOncePerScan) {
  auto opened = CrawlStore::open(path_);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  CrawlStore& db = **opened;
  auto scan = db.begin_scan({"1.0", "abc", "t.toml", "{}"});
  ASSERT_TRUE(scan.ok());
  for (const char* p : {"a", "b", "c"}) {
    const std::string url = std::string("https://kommun.test/") + p;
    db.admitted(url, 1);
    CrawlStore::PageData d = page(url, sample_facts(p));
    db.finished(url, "", false, false, true, &d);
  }
  CrawlStore::PageData missing = page("https://kommun.test/saknas", std::nullopt);
  db.finished(missing.row.url, "", false, true, false, &missing);
  ASSERT_TRUE(db.complete_scan().ok());

  EXPECT_EQ(number("SELECT count(*) FROM nav_blocks"), 2) << "three pages share two blocks";
  EXPECT_EQ(number("SELECT count(*) FROM page_facts"), 4);
  auto b = db.stored_page(*scan, "https://kommun.test/b");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->reached, results::Reached::NavLink);
  ASSERT_TRUE(b->facts.has_value());
  EXPECT_EQ(*b->facts, sample_facts("b"));
  auto none = db.stored_page(*scan, "https://kommun.test/saknas");
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->reached, results::Reached::ContentLink);
  EXPECT_FALSE(none->facts.has_value());
  auto facts = db.stored_facts(*scan, "https://kommun.test/c");
  ASSERT_TRUE(facts.has_value());
  EXPECT_EQ(facts->title, "Sida");
  EXPECT_EQ(facts->facts.links[0].target, "https://kommun.test/c?a=1#x");

  // A continued scan (a new connection) goes on numbering blocks where it was.
  opened->reset();
  auto again = CrawlStore::open(path_);
  ASSERT_TRUE(again.ok());
  (*again)->use_scan(*scan);
  results::PageFacts other = sample_facts("d");
  other.blocks.push_back({results::BlockKind::Footer, "", {{"Tillgänglighet", "https://kommun.test/tg"}}});
  CrawlStore::PageData d = page("https://kommun.test/d", other);
  (*again)->finished(d.row.url, "", false, false, true, &d);
  ASSERT_TRUE((*again)->flush().ok());
  EXPECT_EQ(number("SELECT count(*) FROM nav_blocks"), 3);
  EXPECT_EQ(number("SELECT max(id) FROM nav_blocks"), 3);
  auto read = (*again)->stored_page(*scan, "https://kommun.test/d");
  ASSERT_TRUE(read && read->facts);
  EXPECT_EQ(*read->facts, other);
}

// A file at version 4 (row counts, no site tables: what granska wrote before the site
// step) goes to the current version in one run of steps.
// Its old scan has no facts, and a new scan stores them.
TEST_F(PageFactsStore, Version4FileGetsTheSiteTables) {
  {
    auto opened = CrawlStore::open(path_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    auto scan = (*opened)->begin_scan({"1.0", "abc", "t.toml", "{}"});
    ASSERT_TRUE(scan.ok());
    CrawlStore::PageData d = page("https://kommun.test/a", std::nullopt);
    (*opened)->finished(d.row.url, "", false, true, false, &d);
    ASSERT_TRUE((*opened)->complete_scan().ok());
  }
  // Versions 7 (pages.rendered), 6 and 5 (documents in the crawl) undone: a file as
  // version 4 left it.
  exec("ALTER TABLE pages DROP COLUMN rendered; "
       "DROP TABLE page_facts; DROP TABLE nav_blocks; DROP TABLE site_results; DROP TABLE site_findings; "
       "ALTER TABLE findings DROP COLUMN doc_page; ALTER TABLE findings DROP COLUMN doc_object; "
       "ALTER TABLE documents DROP COLUMN state; ALTER TABLE documents DROP COLUMN format; "
       "DROP TABLE document_links; PRAGMA user_version = 4;");
  ASSERT_EQ(number("PRAGMA user_version"), 4);
  auto opened = CrawlStore::open(path_);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_EQ(number("PRAGMA user_version"), 7);
  EXPECT_EQ(number("SELECT count(*) FROM page_facts"), 0);
  auto old = (*opened)->stored_page(1, "https://kommun.test/a");
  ASSERT_TRUE(old.has_value());
  EXPECT_FALSE(old->facts.has_value());
  auto scan = (*opened)->begin_scan({"1.0", "abc", "t.toml", "{}"});
  ASSERT_TRUE(scan.ok());
  CrawlStore::PageData d = page("https://kommun.test/b", sample_facts("b"));
  (*opened)->finished(d.row.url, "", false, false, true, &d);
  ASSERT_TRUE((*opened)->complete_scan().ok());
  auto b = (*opened)->stored_page(*scan, "https://kommun.test/b");
  ASSERT_TRUE(b && b->facts);
  EXPECT_EQ(*b->facts, sample_facts("b"));
}

TEST(FactsCodec, DamagedOrForeignDataIsNotRead) {
  const results::PageFacts f = sample_facts("x");
  const std::string blob = store::detail::encode_facts(f, {1, 2}, "https://kommun.test/x");
  results::PageFacts back;
  std::vector<std::int64_t> ids;
  ASSERT_TRUE(store::detail::decode_facts(blob, "https://kommun.test/x", back, ids));
  EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(back.links, f.links);
  EXPECT_LT(blob.size(), 200u) << "compact: " << blob.size();
  for (std::size_t cut = 0; cut < blob.size(); ++cut) {
    results::PageFacts part;
    EXPECT_FALSE(store::detail::decode_facts(blob.substr(0, cut), "https://kommun.test/x", part, ids)) << cut;
  }
  std::string future = blob;
  future[0] = 9;
  EXPECT_FALSE(store::detail::decode_facts(future, "https://kommun.test/x", back, ids));
  EXPECT_FALSE(store::detail::decode_block("\x01\x07"));
  const std::string block = store::detail::encode_block(f.blocks[1]);
  EXPECT_EQ(store::detail::decode_block(block), f.blocks[1]);
  EXPECT_FALSE(store::detail::decode_block(block + "x"));
}

}  // namespace
}  // namespace granska
