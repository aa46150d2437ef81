// End-to-end: `granska scan --config` as a scheduler runs it — crawl into the database,
// report folder with a "senaste" link, pruning by [scan] keep — and the lock that keeps two
// runs from overlapping.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/scan_source.h"
#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"
#include "util/lock_file.h"

namespace granska {
namespace {

namespace fs = std::filesystem;
using testing::run_granska;

std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

struct ScanSetup {
  fs::path dir;
  std::string config;
  ScanSetup(const char* name, const std::string& extra) {
    dir = fs::temp_directory_path() / (std::string("granska-scan-") + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "etc");
    config = (dir / "etc" / "scan.toml").string();
    std::ofstream f(config);
    // Relative [scan] paths are taken from the configuration file's directory.
    f << "fallback = \"ks\"\ndelay_ms = 0\n"
      << "[[unit]]\nid = \"ks\"\nname_sv = \"Kommunstyrelsen\"\ntype = \"namnd\"\nhosts = [\"127.0.0.1\"]\n"
      << "[[unit]]\nid = \"bolaget\"\nname_sv = \"Demobolaget AB\"\ntype = \"bolag\"\nhosts = [\"localhost\"]\n"
      << "[scan]\ndatabase = \"../data/scan.db\"\nreports = \"../rapporter\"\n"
      << extra;
  }
  ~ScanSetup() { fs::remove_all(dir); }
};

TEST(ScanCommand, CrawlsTwoSitesWritesTheReportAndPrunes) {
  testing::FixtureServer city(testing::fixture_path("demo-site"));
  testing::FixtureServer company(testing::fixture_path("demo-bolag"));
  ASSERT_TRUE(city.start());
  ASSERT_TRUE(company.start());
  ScanSetup s("two", "keep = 1\nkeep_reports = 2\n");
  const std::string company_url = "http://localhost:" + std::to_string(company.port()) + "/";
  auto scan = [&] { return run_granska({"scan", "--config", s.config, city.url("/"), company_url}); };

  auto first = scan();
  ASSERT_EQ(first.exit_code, 0) << "findings never fail a scheduled scan\n" << first.out << first.err;
  const fs::path latest = s.dir / "rapporter" / "senaste";
  ASSERT_TRUE(fs::is_symlink(latest));
  ASSERT_TRUE(fs::is_regular_file(latest / "index.html"));
  ASSERT_TRUE(fs::is_regular_file(latest / "findings.csv"));
  const nlohmann::json report = nlohmann::json::parse(read(latest / "report.json"));
  const std::string text = report.dump();
  EXPECT_NE(text.find("Demobolaget AB"), std::string::npos) << "the company's site is its own unit";
  EXPECT_NE(text.find("Kommunstyrelsen"), std::string::npos);
  EXPECT_NE(text.find("localhost:" + std::to_string(company.port()) + "/kampanj.html"), std::string::npos);
  EXPECT_TRUE(fs::is_regular_file(s.dir / "data" / "scan.db"));
  const fs::path first_folder = fs::read_symlink(latest);

  auto second = scan();
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_NE(fs::read_symlink(latest), first_folder) << "each scan writes a folder of its own";
  EXPECT_TRUE(fs::is_regular_file(s.dir / "rapporter" / first_folder / "index.html")) << "old reports stay";
  // keep = 1: the first scan is pruned from the database.
  auto source = store::open_scan_source((s.dir / "data" / "scan.db").string());
  ASSERT_TRUE(source.ok());
  EXPECT_EQ((*source)->complete_scans().size(), 1u);
  EXPECT_NE(second.out.find("tog bort 1 gamla genomsökningar"), std::string::npos) << second.out;
  EXPECT_EQ(second.out.find("rapportmappar"), std::string::npos) << "two folders, keep_reports = 2";

  // A third scan: keep_reports = 2 removes the first report folder, and only that.
  auto third = scan();
  ASSERT_EQ(third.exit_code, 0) << third.out << third.err;
  EXPECT_FALSE(fs::exists(s.dir / "rapporter" / first_folder));
  EXPECT_NE(third.out.find("tog bort 1 gamla rapportmappar (behåller 2)"), std::string::npos) << third.out;
  std::size_t folders = 0;
  for (const auto& e : fs::directory_iterator(s.dir / "rapporter")) folders += e.is_directory() && !e.is_symlink();
  EXPECT_EQ(folders, 2u);

  // --quiet: nothing but errors, for cron mail.
  auto quiet = run_granska({"scan", "--quiet", "--config", s.config, city.url("/"), company_url});
  ASSERT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.out, "");
}

TEST(ScanCommand, ASecondRunWhileTheLockIsHeldExitsWithoutScanning) {
  ScanSetup s("lock", "");
  fs::create_directories(s.dir / "data");
  Result<LockFile> held = LockFile::acquire((s.dir / "data" / "scan.db.lock").string());
  ASSERT_TRUE(held.ok());
  auto r = run_granska({"scan", "--config", s.config, "http://127.0.0.1:9/"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("en annan granska-körning håller låset"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(s.dir / "data" / "scan.db")) << "nothing touched";
}

TEST(ScanCommand, AnInvalidConfigurationFailsBeforeAnythingIsWritten) {
  ScanSetup s("bad", "kep = 3\n");
  auto r = run_granska({"scan", "--config", s.config, "http://127.0.0.1:9/"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("okänd nyckel \"kep\""), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(s.dir / "data"));
}

TEST(ScanCommand, ACrawlThatReachesNothingIsAFailedScanWithoutReport) {
  ScanSetup s("down", "");
  // Port 9 (discard) on loopback: connection refused.
  auto r = run_granska({"scan", "--config", s.config, "--lang", "en", "http://127.0.0.1:9/"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("the crawl failed; no report was written"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(s.dir / "rapporter" / "senaste"));
  // The empty scan is kept as failed: no later report or trend compares with it.
  auto source = store::open_scan_source((s.dir / "data" / "scan.db").string());
  ASSERT_TRUE(source.ok());
  EXPECT_TRUE((*source)->complete_scans().empty());
  // The next night starts a new scan rather than resuming the dead one.
  auto again = run_granska({"scan", "--config", s.config, "--lang", "en", "http://127.0.0.1:9/"});
  EXPECT_EQ(again.out.find("continuing"), std::string::npos) << again.out;
}

TEST(ScanCommand, APageThatCrashesGranskaIsLeftOutAndTheScanCompletes) {
  testing::FixtureServer city(testing::fixture_path("demo-site"));
  ASSERT_TRUE(city.start());
  ScanSetup s("crash", "");
  // Test-only hook: the check of this page aborts the process, as a poison page would.
  ::setenv("GRANSKA_TEST_CRASH_URL", "/bygglov.html", 1);
  auto run = run_granska({"scan", "--config", s.config, city.url("/"), "--quiet"});
  ::unsetenv("GRANSKA_TEST_CRASH_URL");
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_NE(run.err.find("fortsätter utan sidan"), std::string::npos) << run.err;
  EXPECT_TRUE(fs::is_regular_file(s.dir / "rapporter" / "senaste" / "index.html"));
  auto source = store::open_scan_source((s.dir / "data" / "scan.db").string());
  ASSERT_TRUE(source.ok());
  const auto scans = (*source)->complete_scans();
  ASSERT_EQ(scans.size(), 1u);
  bool seen = false;
  std::size_t checked = 0;
  (*source)->for_each_page(scans.back().id, [&](const results::PageRow& row) {
    if (row.kind == "html") ++checked;
    if (row.url.find("/bygglov.html") == std::string::npos) return;
    seen = true;
    EXPECT_EQ(row.kind, "failed");
  });
  EXPECT_TRUE(seen);
  EXPECT_GE(checked, 3u) << "the rest of the site is checked";
}

}  // namespace
}  // namespace granska
