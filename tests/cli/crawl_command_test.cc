// End-to-end tests of `granska crawl`: the real binary against the loopback fixture site.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"
#include "store/crawl_store.h"
#include "util/lock_file.h"

#include <fcntl.h>

namespace granska {
namespace {

using testing::run_granska;

class CrawlCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<testing::FixtureServer>(testing::fixture_path("crawl/site"));
    ASSERT_TRUE(server_->start());
  }
  std::unique_ptr<testing::FixtureServer> server_;
  int status_probe_ = 0;
};

TEST_F(CrawlCommand, JsonListsEveryPageWithItsCheck) {
  auto r = run_granska({"crawl", server_->url("/"), "--delay", "0", "--format", "json", "--quiet", "--exclude",
                        "calendar|429-once", "-H", "Cookie: session=hemlig-kaka-42"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // om.html has an image without alt
  EXPECT_TRUE(r.err.empty()) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema_version"], 2);
  std::map<std::string, nlohmann::json> pages;
  for (const auto& p : j["pages"]) pages[p["url"].get<std::string>()] = p;
  EXPECT_EQ(j["summary"]["pages"].get<std::size_t>(), pages.size());
  const auto& om = pages.at(server_->url("/om.html"));
  EXPECT_EQ(om["kind"], "html");
  EXPECT_EQ(om["http_status"], 200);
  EXPECT_EQ(om["check"]["page"]["url"], server_->url("/om.html"));
  EXPECT_GE(om["check"]["summary"]["failed"].get<int>(), 1);
  EXPECT_GE(om["check"]["summary"]["passed"].get<int>(), 1);
  for (const auto& f : om["check"]["findings"]) EXPECT_NE(f["outcome"], "passed") << "listed only with --show-passed";
  EXPECT_EQ(pages.at(server_->url("/saknas.html"))["kind"], "failed");
  EXPECT_TRUE(pages.at(server_->url("/saknas.html"))["error"].is_string());
  EXPECT_EQ(pages.at(server_->url("/privat/hemligt.html"))["kind"], "blocked");
  EXPECT_EQ(r.out.find("hemlig-kaka"), std::string::npos) << "secrets never in the output";
}

TEST_F(CrawlCommand, ShowPassedListsThePassedElementsInJson) {
  auto r = run_granska({"crawl", server_->url("/om.html"), "--delay", "0", "--format", "json", "--quiet",
                        "--max-pages", "1", "--show-passed"});
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["pages"].size(), 1u) << r.out;
  const nlohmann::json& check = j["pages"][0]["check"];
  std::size_t passed = 0;
  for (const auto& f : check["findings"]) passed += f["outcome"] == "passed";
  EXPECT_EQ(passed, check["summary"]["passed"].get<std::size_t>());
  EXPECT_GE(passed, 1u);
}

TEST_F(CrawlCommand, TextInSwedishAndFailOn) {
  auto r = run_granska({"crawl", server_->url("/om.html"), "--delay", "0", "--max-depth", "0", "--quiet",
                        "--ignore-robots", "--fail-on", "critical"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("== 200 html " + server_->url("/om.html")), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("image-alt: Bilden saknar textalternativ"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Sammanfattning: 1 adresser, 1 sidor granskade, 0 fel"), std::string::npos) << r.out;
}

TEST_F(CrawlCommand, NothingReachableExitsTwo) {
  auto r = run_granska({"crawl", server_->url("/saknas.html"), "--delay", "0", "--quiet", "--ignore-robots"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
}

TEST_F(CrawlCommand, BadUrlIsAnArgumentError) {
  auto r = run_granska({"crawl", "ftp://example.se/", "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("granska: "), std::string::npos);
}

std::set<std::string> urls_of(const std::string& json_text) {
  std::set<std::string> out;
  const nlohmann::json j = nlohmann::json::parse(json_text);
  for (const auto& p : j.at("pages")) out.insert(p.at("url").get<std::string>());
  return out;
}

// kill -9 in the middle of a crawl, then --resume: the report covers exactly the pages of
// an uninterrupted crawl. The killed crawl also has /_test/gate as a seed, which the
// server holds until the kill, so the crawl cannot finish on its own first however slow
// the machine is; where in the crawl the kill lands still varies.
TEST_F(CrawlCommand, KillNineThenResumeEqualsUninterruptedRun) {
  const std::vector<std::string> common = {"--delay", "50", "--format", "json", "--quiet", "--exclude", "calendar|429-once"};
  std::vector<std::string> args = {"crawl", server_->url("/")};
  args.insert(args.end(), common.begin(), common.end());
  auto full = run_granska(args);
  ASSERT_EQ(full.exit_code, 1) << full.err;
  std::set<std::string> expected = urls_of(full.out);
  ASSERT_GT(expected.size(), 10u);
  expected.insert(server_->url("/_test/gate"));

  const std::string db = (std::filesystem::temp_directory_path() /
                          ("granska-kill-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(db);
  std::vector<std::string> killed_args = {testing::granska_binary(), "crawl", server_->url("/"),
                                          server_->url("/_test/gate"), "--db", db};
  killed_args.insert(killed_args.end(), common.begin(), common.end());
  std::vector<char*> argv;
  for (std::string& a : killed_args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  // Kill once a few results are committed.
  bool ended_on_its_own = false;
  std::size_t committed = 0;
  for (int i = 0; i < 1500 && committed < 3; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (::waitpid(pid, &status_probe_, WNOHANG) == pid) {
      ended_on_its_own = true;
      break;
    }
    if (!std::filesystem::exists(db)) continue;
    auto store = store::CrawlStore::open(db);
    if (!store) continue;
    if (auto scan = (*store)->latest_scan()) (*store)->use_scan(scan->id);
    committed = 0;
    (void)(*store)->for_each_result([&](std::string_view) { ++committed; });
  }
  if (!ended_on_its_own) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status_probe_, 0);
  }
  ASSERT_FALSE(ended_on_its_own) << "the crawl ended before the gate opened, exit status " << status_probe_;
  EXPECT_GE(committed, 3u) << "no results were committed within 30 s";
  server_->open_gate();

  auto resumed = run_granska({"crawl", "--resume", "--db", db, "--quiet"});
  EXPECT_EQ(resumed.exit_code, 1) << resumed.err;
  EXPECT_EQ(urls_of(resumed.out), expected);
  EXPECT_EQ(nlohmann::json::parse(resumed.out)["pages"].size(), expected.size());
  std::filesystem::remove(db);
  std::filesystem::remove(db + "-wal");
  std::filesystem::remove(db + "-shm");
}

TEST_F(CrawlCommand, ConfigFileAndFlagsOverrideIt) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("granska-config-" + std::to_string(::getpid()) + ".toml")).string();
  {
    std::ofstream f(path);
    f << "user_agent = \"granska-test\"\ncontact = \"webb@malmo.se\"\nmax_depth = 0\ndelay_ms = 0\n"
      << "[[site]]\nseeds = [\"" << server_->url("/om.html") << "\"]\nheaders = [\"X-Token: hemligt-99\"]\n";
  }
  auto r = run_granska({"crawl", "--config", path, "--format", "json", "--ignore-robots"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(urls_of(r.out), std::set<std::string>{server_->url("/om.html")});
  EXPECT_EQ(r.out.find("hemligt-99"), std::string::npos);
  EXPECT_EQ(r.err.find("hemligt-99"), std::string::npos);
  // A flag wins over the file: depth 1 reaches the start page linked from om.html.
  auto deeper = run_granska({"crawl", "--config", path, "--format", "json", "--ignore-robots", "--max-depth", "1"});
  EXPECT_EQ(urls_of(deeper.out).count(server_->url("/index.html")), 1u) << deeper.out;
  {
    std::ofstream f(path);
    f << "max_pages = \"many\"\n";
  }
  auto bad = run_granska({"crawl", "--config", path});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("max_pages"), std::string::npos) << bad.err;
  std::filesystem::remove(path);
}

// The database's lock is the one `granska scan` takes: a crawl into a database another run
// is writing exits 3 and leaves it alone.
TEST_F(CrawlCommand, ADatabaseInUseIsLeftAlone) {
  const std::string db = (std::filesystem::temp_directory_path() /
                          ("granska-locked-" + std::to_string(::getpid()) + ".db")).string();
  std::filesystem::remove(db);
  {
    Result<LockFile> held = LockFile::acquire(db + ".lock");
    ASSERT_TRUE(held.ok());
    auto r = run_granska({"crawl", server_->url("/om.html"), "--db", db, "--delay", "0", "--quiet"});
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("en annan granska-körning håller låset"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(db));
  }
  auto free = run_granska({"crawl", server_->url("/om.html"), "--db", db, "--delay", "0", "--quiet", "--max-depth", "0"});
  EXPECT_EQ(free.exit_code, 1) << free.err;  // om.html has a failure
  std::filesystem::remove(db);
  std::filesystem::remove(db + ".lock");
}

TEST_F(CrawlCommand, ResumeNeedsADatabaseWithACrawl) {
  EXPECT_EQ(run_granska({"crawl", "--resume", "--quiet"}).exit_code, 2);
  const std::string db = (std::filesystem::temp_directory_path() /
                          ("granska-empty-" + std::to_string(::getpid()) + ".db")).string();
  auto r = run_granska({"crawl", "--resume", "--db", db, "--quiet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("ingen granskning att fortsätta"), std::string::npos) << r.err;
  std::filesystem::remove(db);
}

// A later scan with --since-db: pages the server reports unchanged (304 to If-None-Match)
// keep the earlier result and their links are still followed; a changed page is checked
// again. The site is a copy, so one page can be changed between the scans.
TEST(CrawlCommandSinceDb, UnchangedPagesReuseTheEarlierResult) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("granska-since-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "site");
  fs::copy(testing::fixture_path("crawl/site"), dir / "site", fs::copy_options::recursive);
  testing::FixtureServer server((dir / "site").string());
  ASSERT_TRUE(server.start());
  const std::string a = (dir / "a.db").string(), b = (dir / "b.db").string(), c = (dir / "c.db").string();
  const std::vector<std::string> common = {"--delay", "0", "--format", "json", "--quiet", "--exclude",
                                           "calendar|429-once", "-H", "Cookie: session=hemlig-kaka-42"};
  auto crawl = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {"crawl", server.url("/")};
    args.insert(args.end(), common.begin(), common.end());
    args.insert(args.end(), extra.begin(), extra.end());
    return run_granska(args);
  };
  auto first = crawl({"--db", a});
  ASSERT_EQ(first.exit_code, 1) << first.err;
  const std::set<std::string> expected = urls_of(first.out);

  {  // change one page (size and modification time change, so its ETag does)
    std::ofstream f(dir / "site" / "kontakt.html", std::ios::app);
    f << "<!-- ändrad -->\n";
  }
  auto second = crawl({"--db", b, "--since-db", a, "--log-json"});
  ASSERT_EQ(second.exit_code, 1) << second.err;
  EXPECT_EQ(urls_of(second.out), expected) << "links of unchanged pages are still followed";
  std::map<std::string, nlohmann::json> pages;
  auto page = [&](const std::string& path) {
    auto it = pages.find(server.url(path));
    if (it == pages.end()) {
      ADD_FAILURE() << path << " missing";
      return nlohmann::json::object();
    }
    return it->second;
  };
  const nlohmann::json second_json = nlohmann::json::parse(second.out);
  for (const auto& p : second_json["pages"]) pages[p["url"].get<std::string>()] = p;
  const nlohmann::json om = page("/om.html");
  EXPECT_EQ(om["unchanged"], true);
  EXPECT_EQ(om["http_status"], 304);
  EXPECT_EQ(om["kind"], "html");
  EXPECT_GE(om["check"]["summary"]["failed"].get<int>(), 1) << "the earlier findings stand";
  const nlohmann::json kontakt = page("/kontakt.html");
  EXPECT_EQ(kontakt["unchanged"], false);
  EXPECT_EQ(kontakt["http_status"], 200);
  EXPECT_TRUE(kontakt["check"].is_object());
  EXPECT_EQ(page("/saknas.html")["unchanged"], false);
  EXPECT_GE(second_json["summary"]["unchanged"].get<int>(), 3);

  // --log-json: one JSON object per line per page, no secrets.
  std::istringstream lines(second.err);
  std::set<std::string> logged;
  for (std::string line; std::getline(lines, line);) {
    nlohmann::json e = nlohmann::json::parse(line);
    EXPECT_EQ(e["event"], "page");
    EXPECT_TRUE(e["status"].is_number());
    EXPECT_TRUE(e["kind"].is_string());
    EXPECT_TRUE(e["elapsed_ms"].is_number());
    EXPECT_TRUE(e["error"].is_null() || e["error"].is_string());
    if (e["url"] == server.url("/om.html")) {
      EXPECT_EQ(e["unchanged"], true);
    }
    logged.insert(e["url"].get<std::string>());
  }
  EXPECT_EQ(logged, expected);
  EXPECT_EQ(second.err.find("hemlig-kaka"), std::string::npos) << "secrets never in the log";

  // The chain continues: the second scan's database serves a third one.
  auto third = crawl({"--db", c, "--since-db", b});
  ASSERT_EQ(third.exit_code, 1) << third.err;
  pages.clear();
  const nlohmann::json third_json = nlohmann::json::parse(third.out);
  for (const auto& p : third_json["pages"]) pages[p["url"].get<std::string>()] = p;
  EXPECT_EQ(page("/kontakt.html")["unchanged"], true);
  EXPECT_EQ(page("/om.html")["unchanged"], true);

  // Only a completed crawl with the same format can be used.
  auto text = run_granska({"crawl", server.url("/"), "--quiet", "--since-db", a, "--format", "text"});
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_NE(text.err.find("--format json"), std::string::npos) << text.err;
  auto missing = run_granska({"crawl", server.url("/"), "--quiet", "--since-db", (dir / "none.db").string()});
  EXPECT_EQ(missing.exit_code, 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace granska
