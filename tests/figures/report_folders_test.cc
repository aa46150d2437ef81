// Report folder names, the `senaste` link and pruning: only folders granska named and
// filled are ever removed.
#include "scan/report_folders.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace granska::scan
