// End-to-end tests of `granska config check`: the real binary on the shipped configs, on
// broken files (each problem named with its line) and with a crawl database.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/crawl_store.h"
#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using testing::run_granska;

class ConfigCheck : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& text) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("granska-config-" + std::to_string(::getpid()) + "-" + name))
                                 .string();
    std::ofstream(path) << text;
    files_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string& f : files_) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(f + suffix);
    }
  }
  std::vector<std::string> files_;
};

TEST_F(ConfigCheck, ShippedConfigsAreValid) {
  for (const char* name : {"config/demo.toml", "config/malmo.toml"}) {
    auto r = run_granska({"config", "check", "--config", testing::source_dir() + "/" + name});
    EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.err;
    EXPECT_NE(r.out.find("Inställningsfilen är giltig."), std::string::npos) << name;
    EXPECT_NE(r.out.find("kommunstyrelsen"), std::string::npos) << name;
  }
  auto malmo = run_granska({"config", "check", "--config", testing::source_dir() + "/config/malmo.toml", "--lang", "en"});
  EXPECT_NE(malmo.out.find("mkb  [company]  MKB Fastighets AB"), std::string::npos) << malmo.out;
  EXPECT_NE(malmo.out.find("Profile: dos-review"), std::string::npos);
  EXPECT_NE(malmo.out.find("(12 criteria – tested automatically: "), std::string::npos) << malmo.out;
  EXPECT_NE(malmo.out.find("granska's proposal, to be set by the city office"), std::string::npos) << malmo.out;
  EXPECT_NE(malmo.out.find("3.3.2 (A)  Labels or Instructions"), std::string::npos);
}

// render (docs/config.md) at the top level and per site is a key of the file that granska
// scan and config check read, not only of the crawl's settings; its value is checked.
TEST_F(ConfigCheck, RenderIsKnownAtTheTopAndPerSite) {
  const std::string unit =
      "fallback = \"a\"\n[[unit]]\nid = \"a\"\nname_sv = \"A\"\ntype = \"namnd\"\nhosts = [\"malmo.se\"]\n";
  const std::string good = write("render.toml", "render = \"never\"\n" + unit +
                                                    "[[site]]\nseeds = [\"https://etjanster.malmo.se/\"]\n"
                                                    "render = \"auto\"\n");
  auto r = run_granska({"config", "check", "--config", good});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string bad = write("render-bad.toml", "render = \"sometimes\"\n" + unit);
  auto b = run_granska({"config", "check", "--config", bad, "--lang", "en"});
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find("render must be \"never\", \"auto\" or \"always\""), std::string::npos) << b.err;
}

TEST_F(ConfigCheck, TheExampleInDocsConfigIsValid) {
  const std::string doc = testing::read_fixture("../docs/config.md");
  const std::size_t begin = doc.find("```toml\n");
  ASSERT_NE(begin, std::string::npos);
  const std::size_t end = doc.find("```", begin + 8);
  const std::string path = write("doc.toml", doc.substr(begin + 8, end - begin - 8));
  auto r = run_granska({"config", "check", "--config", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST_F(ConfigCheck, DemoConfigAssignsEveryPageOfTheDemoSite) {
  testing::FixtureServer server(testing::fixture_path("demo-site"));
  ASSERT_TRUE(server.start());
  const std::string db = write("demo.db", "");
  std::filesystem::remove(db);
  auto crawl = run_granska({"crawl", server.url("/"), "--db", db, "--delay", "0", "--quiet"});
  ASSERT_NE(crawl.exit_code, 2) << crawl.err;
  auto r = run_granska({"config", "check", "--config", testing::source_dir() + "/config/demo.toml", "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  stadsbyggnadsnamnden: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  kulturnamnden: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(gick till reservenheten kommunstyrelsen): 0\n"), std::string::npos) << r.out;
}

TEST_F(ConfigCheck, Wcag21AaListsManualCriteria) {
  const std::string path = write("aa.toml", "profile = \"wcag21-aa\"\n");
  auto r = run_granska({"config", "check", "--config", path});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(50 kriterier"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2.4.5 (AA)  Flera sätt  –  kräver manuell granskning"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Ingen organisationskarta"), std::string::npos);
  EXPECT_EQ(r.out.find("förslag"), std::string::npos) << "wcag21-aa is the standard's list, not a proposal";
}

// The built-in dos-review list is granska's proposal, and says so; the configuration
// names the city's own list, which config check shows as the list in use.
TEST_F(ConfigCheck, TheReviewsCriteriaAreTheCitysToSet) {
  auto builtin = run_granska({"config", "check", "--config", write("dos.toml", "profile = \"dos-review\"\n")});
  EXPECT_EQ(builtin.exit_code, 0) << builtin.err;
  EXPECT_NE(builtin.out.find("(12 kriterier"), std::string::npos) << builtin.out;
  EXPECT_NE(builtin.out.find("förslag – fastställs av stadskontoret"), std::string::npos) << builtin.out;

  auto table = run_granska({"config", "check", "--config", write("dos2.toml", "[profile]\nid = \"dos-review\"\n")});
  EXPECT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("förslag – fastställs av stadskontoret"), std::string::npos) << table.out;

  auto own = run_granska({"config", "check", "--config",
                          write("stad.toml", "[profile]\nid = \"dos-review\"\ncriteria = [\"4.1.2\", \"1.1.1\", \"2.4.7\"]\n")});
  EXPECT_EQ(own.exit_code, 0) << own.err;
  EXPECT_NE(own.out.find("Profil: dos-review – Stadskontorets granskning enligt DOS-lagen (3 kriterier"), std::string::npos)
      << own.out;
  EXPECT_EQ(own.out.find("förslag"), std::string::npos) << own.out;
  EXPECT_NE(own.out.find("Kriterielistan i bruk"), std::string::npos) << own.out;
  const std::size_t a = own.out.find("  1.1.1 (A)"), b = own.out.find("  2.4.7 (AA)"), c = own.out.find("  4.1.2 (A)");
  ASSERT_NE(a, std::string::npos) << own.out;
  EXPECT_TRUE(a < b && b < c) << "in WCAG order";
  EXPECT_EQ(own.out.find("  1.3.1 (A)"), std::string::npos) << "the built-in list is not in use";

  auto bad = run_granska({"config", "check", "--config", write("fel.toml", "[profile]\nid = \"dos-review\"\ncriteria = [\"9.9.9\"]\n")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("9.9.9"), std::string::npos) << bad.err;
}

TEST_F(ConfigCheck, EveryProblemIsNamedWithItsLine) {
  const std::string path = write("bad.toml",
                                 "fallback = \"ks\"\n"                      // 1
                                 "max_pagez = 10\n"                         // 2 unknown key
                                 "[[unit]]\n"                               // 3
                                 "id = \"ks\"\n"                            // 4
                                 "name_sv = \"Kommunstyrelsen\"\n"          // 5
                                 "type = \"namnd\"\n"                       // 6
                                 "patterns = [\"(unclosed\"]\n"             // 7 bad regex
                                 "[[unit]]\n"                               // 8 duplicate id
                                 "id = \"ks\"\n"                            // 9
                                 "name_sv = \"Igen\"\n"                     // 10
                                 "type = \"namnd\"\n"                       // 11
                                 "[[assign]]\n"                             // 12
                                 "unit = \"nobody\"\n"                      // 13
                                 "host = \"malmo.se\"\n"                    // 14 unknown unit
                                 "[profile]\n"                              // 15
                                 "criteria = [\"1.1.1\", \"9.9.9\"]\n");    // 16 unknown criterion
  auto r = run_granska({"config", "check", "--config", path, "--lang", "en"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path + ":2: unknown key \"max_pagez\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(path + ":7: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not a valid regular expression"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(path + ":8: duplicate unit id \"ks\" (first on line 3)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(path + ":14: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown unit \"nobody\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(path + ":16: \"9.9.9\" is not a WCAG 2.1 success criterion"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("the configuration is invalid: 5 problem(s)"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  // Swedish by default.
  auto sv = run_granska({"config", "check", "--config", path});
  EXPECT_NE(sv.err.find(path + ":2: okänd nyckel \"max_pagez\""), std::string::npos) << sv.err;
  EXPECT_NE(sv.err.find("inställningsfilen är ogiltig: 5 fel"), std::string::npos) << sv.err;
}

TEST_F(ConfigCheck, TomlSyntaxErrorsAndUnreadableFiles) {
  const std::string path = write("syntax.toml", "fallback = \"ks\"\n[[unit]\nid = 1\n");
  auto r = run_granska({"config", "check", "--config", path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path + ":2: "), std::string::npos) << r.err;
  auto missing = run_granska({"config", "check", "--config", "/nonexistent/granska.toml"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/granska.toml"), std::string::npos) << missing.err;
}

TEST_F(ConfigCheck, CrawlSettingsAreCheckedToo) {
  const std::string path = write("crawl.toml", "max_pages = \"many\"\n[[site]]\nseedz = []\n");
  auto r = run_granska({"config", "check", "--config", path, "--lang", "en"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(":3: unknown key \"seedz\" in [[site]]"), std::string::npos) << r.err;
  const std::string typed = write("typed.toml", "max_pages = \"many\"\n");
  auto t = run_granska({"config", "check", "--config", typed, "--lang", "en"});
  EXPECT_EQ(t.exit_code, 2);
  EXPECT_NE(t.err.find("max_pages must be a non-negative integer"), std::string::npos) << t.err;
}

TEST_F(ConfigCheck, UnknownProfileAndConflictingRules) {
  const std::string path = write("conflict.toml",
                                 "fallback = \"a\"\nprofile = \"dos\"\n"
                                 "[[unit]]\nid = \"a\"\nname_sv = \"A\"\ntype = \"namnd\"\nprefixes = [\"malmo.se/x\"]\n"
                                 "[[unit]]\nid = \"b\"\nname_sv = \"B\"\ntype = \"bolag\"\nprefixes = [\"malmo.se/X/\"]\n");
  auto r = run_granska({"config", "check", "--config", path, "--lang", "en"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(":2: unknown profile \"dos\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("already assigned to \"a\" (line 7)"), std::string::npos) << r.err;
}

TEST_F(ConfigCheck, CrawlSettingsStillWorkBesideTheMap) {
  // The crawl reads the same file; the organisation keys do not disturb it.
  const std::string path = write("both.toml",
                                 "max_pages = 1\nfallback = \"a\"\n"
                                 "[[unit]]\nid = \"a\"\nname_sv = \"A\"\ntype = \"namnd\"\nhosts = [\"127.0.0.1\"]\n");
  testing::FixtureServer server(testing::fixture_path("demo-site"));
  ASSERT_TRUE(server.start());
  auto r = run_granska({"crawl", server.url("/"), "--config", path, "--delay", "0", "--quiet", "--format", "json"});
  EXPECT_NE(r.exit_code, 2) << r.err;
}

TEST_F(ConfigCheck, ListsCrawledUrlsThatNoRuleAssigned) {
  const std::string db = write("crawl.db", "");
  std::filesystem::remove(db);
  {
    auto store = store::CrawlStore::open(db);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->begin_scan({"test", "", "", "{}"}).ok());
    for (const char* url : {"https://malmo.se/Bygga-och-bo/Bygglov.html", "https://malmo.se/Okand/sida.html",
                            "https://mkbfastighet.se/", "https://example.org/<script>"}) {
      (*store)->admitted(url, 0);
      (*store)->finished(url, "{}", false, false, true);
    }
    ASSERT_TRUE((*store)->flush().ok());
  }
  const std::string path = write("map.toml",
                                 "fallback = \"ks\"\n"
                                 "[[unit]]\nid = \"ks\"\nname_sv = \"KS\"\ntype = \"namnd\"\n"
                                 "[[unit]]\nid = \"sbn\"\nname_sv = \"SBN\"\ntype = \"namnd\"\nprefixes = [\"malmo.se/Bygga-och-bo\"]\n"
                                 "[[unit]]\nid = \"mkb\"\nname_sv = \"MKB\"\ntype = \"bolag\"\nhosts = [\"mkbfastighet.se\"]\n");
  auto r = run_granska({"config", "check", "--config", path, "--db", db, "--lang", "en"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Crawled pages in the database: 4"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("went to the fallback unit ks): 2\n  https://malmo.se/Okand/sida.html\n  https://example.org/<script>\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  sbn: 1\n"), std::string::npos) << r.out;
  auto missing = run_granska({"config", "check", "--config", path, "--db", db + ".nope"});
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace granska
