// Report folder names, the `senaste` link and pruning: only folders granska named and
// filled are ever removed.
#include "scan/report_folders.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "store/crawl_store.h"
#include "store/scan_source.h"
#include "tests/figures/scan_fixture.h"

namespace granska::scan {
namespace {

namespace fs = std::filesystem;

TEST(ReportFolders, NamesSortByTimeAndCarryTheScanId) {
  EXPECT_EQ(scan::report_folder_name("2026-11-24T01:30:05Z", 7), "2026-11-24_0130-7");
  EXPECT_EQ(scan::report_folder_name("", 8), "scan-8");
  EXPECT_EQ(scan::report_folder_name("../../etc/passwd-x-y", 9), "scan-9") << "a stored time never makes a path";
  EXPECT_EQ(scan::scan_id_of_report_folder("2026-11-24_0130-7"), 7);
  EXPECT_EQ(scan::scan_id_of_report_folder("scan-12"), 12);
  EXPECT_EQ(scan::scan_id_of_report_folder("senaste"), 0);
  EXPECT_EQ(scan::scan_id_of_report_folder("arkiv-2025"), 0);
  EXPECT_EQ(scan::scan_id_of_report_folder("2026-11-24_0130-"), 0);
  EXPECT_EQ(scan::scan_id_of_report_folder("2026-11-24_0130-7x"), 0);
  EXPECT_EQ(scan::scan_id_of_report_folder("2026-11-24_013-7"), 0);
}

class ReportFoldersOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("granska-folders-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void report(const std::string& name) {
    fs::create_directories(dir_ / name);
    std::ofstream(dir_ / name / "index.html") << "<!DOCTYPE html>";
  }
  fs::path dir_;
};

TEST_F(ReportFoldersOnDisk, KeepsTheNewestByScanIdAndNothingElseIsTouched) {
  // Scan 10 sorts after scan 9 although "…-10" < "…-9" as text.
  for (const char* n : {"2026-11-20_0130-8", "2026-11-21_0130-9", "2026-11-22_0130-10", "scan-11"}) report(n);
  fs::create_directories(dir_ / "arkiv");                   // the operator's own folder
  std::ofstream(dir_ / "arkiv" / "index.html") << "x";
  fs::create_directories(dir_ / "2026-11-19_0130-7");       // ours by name, but no report in it
  std::ofstream(dir_ / "anteckning.txt") << "x";
  ASSERT_TRUE(scan::point_latest_report(dir_.string(), "scan-11").ok());
  EXPECT_EQ(fs::read_symlink(dir_ / "senaste"), fs::path("scan-11"));

  scan::PrunedFolders p = scan::prune_report_folders(dir_.string(), 2);
  EXPECT_TRUE(p.errors.empty());
  EXPECT_EQ(p.removed, (std::vector<std::string>{"2026-11-20_0130-8", "2026-11-21_0130-9"}));
  EXPECT_TRUE(fs::exists(dir_ / "2026-11-22_0130-10"));
  EXPECT_TRUE(fs::exists(dir_ / "scan-11"));
  EXPECT_TRUE(fs::exists(dir_ / "arkiv" / "index.html"));
  EXPECT_TRUE(fs::exists(dir_ / "2026-11-19_0130-7"));
  EXPECT_TRUE(fs::exists(dir_ / "anteckning.txt"));
  EXPECT_TRUE(fs::exists(dir_ / "senaste" / "index.html"));
}

TEST_F(ReportFoldersOnDisk, KeepZeroKeepsAllAndTheLinkedFolderIsNeverRemoved) {
  for (const char* n : {"scan-1", "scan-2", "scan-3"}) report(n);
  EXPECT_TRUE(scan::prune_report_folders(dir_.string(), 0).removed.empty());
  // `senaste` pointing at an older folder (set by hand): that folder stays.
  ASSERT_TRUE(scan::point_latest_report(dir_.string(), "scan-1").ok());
  scan::PrunedFolders p = scan::prune_report_folders(dir_.string(), 1);
  EXPECT_EQ(p.removed, std::vector<std::string>{"scan-2"});
  EXPECT_TRUE(fs::exists(dir_ / "scan-1"));
  EXPECT_TRUE(fs::exists(dir_ / "scan-3"));
}

TEST_F(ReportFoldersOnDisk, AMissingDirectoryRemovesNothing) {
  EXPECT_TRUE(scan::prune_report_folders((dir_ / "finns-inte").string(), 1).removed.empty());
  EXPECT_FALSE(scan::point_latest_report((dir_ / "finns-inte").string(), "scan-1").ok());
}

// ---- The scheduled scan's report step (write_report_folder, unreported_scans) --------

class ReportStep : public ReportFoldersOnDisk {
 protected:
  void SetUp() override {
    ReportFoldersOnDisk::SetUp();
    db_ = (dir_ / "scans.db").string();
    reports_ = (dir_ / "rapporter").string();
    inputs_.map = &map_;
    inputs_.profile = org::find_profile("dos-review");
    inputs_.registry = &engine::Registry::builtin();
    inputs_.options.generated_at = "2026-11-24T06:00:00Z";
  }
  // A complete scan of two pages of the fixture's units.
  results::ScanId write_scan(bool complete = true) {
    auto store = store::CrawlStore::open(db_);
    EXPECT_TRUE(store.ok());
    auto id = (*store)->begin_scan({"0.1.0", "abc", "demo.toml", "{}"});
    EXPECT_TRUE(id.ok());
    for (const char* url : {"https://example.se/", "https://example.se/bygga/"}) {
      store::CrawlStore::PageData d;
      d.row = figures::testing::html_page(url, "", "Sida");
      d.row.findings = {figures::testing::failed("image-alt", "no-name", "img")};
      (*store)->admitted(url, 0);
      (*store)->finished(url, "x", false, false, true, &d);
    }
    if (complete) {
      EXPECT_TRUE((*store)->complete_scan().ok());
    }
    EXPECT_TRUE((*store)->flush().ok());
    return *id;
  }
  std::string report_json_scan(const fs::path& folder) {
    std::ifstream in(folder / "report.json");
    std::stringstream ss;
    ss << in.rdbuf();
    return std::to_string(nlohmann::json::parse(ss.str())["scan"]["id"].get<long long>());
  }

  org::OrgMap map_ = figures::testing::fixture_map();
  std::string db_, reports_;
  scan::ReportInputs inputs_;
};

TEST_F(ReportStep, WritesRecordsAndLinksTheNewestScan) {
  const results::ScanId first = write_scan();
  const results::ScanId second = write_scan();
  auto missing = scan::unreported_scans(db_);
  ASSERT_TRUE(missing.ok());
  ASSERT_EQ(missing->size(), 2u);

  auto w = scan::write_report_folder(db_, reports_, 0, inputs_);
  ASSERT_TRUE(w.ok()) << w.error().message;
  EXPECT_EQ(w->scan, second);
  EXPECT_TRUE(w->latest);
  EXPECT_TRUE(w->warnings.empty());
  EXPECT_EQ(scan::scan_id_of_report_folder(w->folder), second);
  EXPECT_TRUE(fs::is_regular_file(fs::path(reports_) / "senaste" / "index.html"));
  EXPECT_EQ(report_json_scan(fs::path(reports_) / "senaste"), std::to_string(second));
  missing = scan::unreported_scans(db_);
  ASSERT_TRUE(missing.ok());
  ASSERT_EQ(missing->size(), 1u) << "the newest is recorded as written";
  EXPECT_EQ(missing->front().id, first);

  // The missing report of the older scan, written late: `senaste` stays on the newest.
  auto late = scan::write_report_folder(db_, reports_, first, inputs_);
  ASSERT_TRUE(late.ok()) << late.error().message;
  EXPECT_FALSE(late->latest);
  EXPECT_EQ(report_json_scan(fs::path(reports_) / late->folder), std::to_string(first));
  EXPECT_EQ(report_json_scan(fs::path(reports_) / "senaste"), std::to_string(second));
  EXPECT_TRUE(scan::unreported_scans(db_)->empty());
}

TEST_F(ReportStep, NoSuchScanWritesAndRecordsNothing) {
  write_scan();
  write_scan(/*complete=*/false);  // running: never reported
  auto w = scan::write_report_folder(db_, reports_, 2, inputs_);
  ASSERT_FALSE(w.ok());
  EXPECT_NE(w.error().text(Lang::Sv).find("inte en avslutad genomsökning"), std::string::npos);
  EXPECT_FALSE(fs::exists(fs::path(reports_) / "senaste"));
  EXPECT_EQ(scan::unreported_scans(db_)->size(), 1u);
  EXPECT_FALSE(scan::write_report_folder((dir_ / "saknas.db").string(), reports_, 0, inputs_).ok());
}

}  // namespace
}  // namespace granska::scan
