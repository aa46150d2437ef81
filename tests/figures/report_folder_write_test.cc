// The report folder is written whole or not at all: under a temporary name beside it,
// renamed into place; an earlier report there is replaced as a whole; a folder holding
// anything else is refused; a kill -9 mid-write leaves the earlier report as it was.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "reports/scan/scan_report.h"
#include "tests/figures/scan_fixture.h"

namespace granska::reports {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ReportFolderWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("granska-folder-write-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    out_ = root_ / "rapport";
  }
  void TearDown() override { fs::remove_all(root_); }

  Result<ScanReportResult> write(results::ScanSource& src, results::ScanId scan = 0) {
    ScanReportOptions o;
    o.generated_at = "2026-11-09T08:00:00Z";
    o.scan = scan;
    return write_scan_report(src, &map_, *org::find_profile("dos-review"), engine::Registry::builtin(), o, out_);
  }
  long long reported_scan() { return nlohmann::json::parse(read_file(out_ / "report.json"))["scan"]["id"]; }
  std::vector<std::string> siblings() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(root_)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }

  fs::path root_, out_;
  org::OrgMap map_ = figures::testing::fixture_map();
  figures::testing::MemoryScanSource src_ = figures::testing::fixture_source();
};

TEST_F(ReportFolderWrite, AnyCompleteScanCanBeReported) {
  ASSERT_TRUE(write(src_, 1).ok());
  EXPECT_EQ(reported_scan(), 1);
  auto j = nlohmann::json::parse(read_file(out_ / "report.json"));
  EXPECT_TRUE(j["previous_scan"].is_null()) << "nothing before scan 1";
  EXPECT_EQ(j["history"].size(), 1u) << "later scans are not in scan 1's history";
  auto running = write(src_, 3);
  ASSERT_FALSE(running.ok()) << "scan 3 is still running";
  EXPECT_NE(running.error().text(Lang::Sv).find("inte en avslutad genomsökning"), std::string::npos);
  EXPECT_EQ(reported_scan(), 1) << "the earlier report stays";
}

TEST_F(ReportFolderWrite, AnEarlierReportIsReplacedAsAWhole) {
  ASSERT_TRUE(write(src_, 1).ok());
  std::ofstream(out_ / "unit-nedlagd.html") << "<!DOCTYPE html>";  // a unit the map no longer has
  ASSERT_TRUE(write(src_).ok());
  EXPECT_EQ(reported_scan(), 2);
  EXPECT_FALSE(fs::exists(out_ / "unit-nedlagd.html")) << "the folder is replaced, not merged";
  EXPECT_EQ(siblings(), std::vector<std::string>{"rapport"}) << "no temporary folder left";
}

TEST_F(ReportFolderWrite, AFolderWithOtherFilesIsRefused) {
  fs::create_directories(out_);
  std::ofstream(out_ / "anteckningar.txt") << "mina anteckningar";
  auto r = write(src_);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().text(Lang::Sv).find("innehåller annat än en rapport"), std::string::npos) << r.error().message_sv;
  EXPECT_EQ(read_file(out_ / "anteckningar.txt"), "mina anteckningar");
  EXPECT_EQ(siblings(), std::vector<std::string>{"rapport"});
  // An empty folder is fine.
  fs::remove(out_ / "anteckningar.txt");
  EXPECT_TRUE(write(src_).ok());
}

TEST_F(ReportFolderWrite, LeftoversOfAKilledRunAreRemoved) {
  fs::create_directories(root_ / ".rapport.tmp-2147483646");  // no such process
  std::ofstream(root_ / ".rapport.tmp-2147483646" / "index.html") << "halv";
  fs::create_directories(root_ / ".annan.tmp-2147483646");    // another folder's: not ours to remove
  ASSERT_TRUE(write(src_).ok());
  EXPECT_EQ(siblings(), (std::vector<std::string>{".annan.tmp-2147483646", "rapport"}));
}

// A source that stops in the middle of the report's last pass over the reported scan and
// tells the parent so, which then kills the writer with SIGKILL.
class StallingSource : public figures::testing::MemoryScanSource {
 public:
  StallingSource(figures::testing::MemoryScanSource base, int fd) : MemoryScanSource(std::move(base)), fd_(fd) {}
  void for_each_page(results::ScanId id, const std::function<void(const results::PageRow&)>& fn) override {
    // Calls for the reported scan 2: its identities and figures (pass 1), its aliases,
    // then the rows (pass 2), which stalls after its first page.
    const bool last_pass = id == 2 && ++calls_ == 4;
    bool first = true;
    MemoryScanSource::for_each_page(id, [&](const results::PageRow& p) {
      fn(p);
      if (last_pass && first) {
        first = false;
        (void)!::write(fd_, "x", 1);
        for (;;) ::pause();
      }
    });
  }

 private:
  int fd_;
  int calls_ = 0;
};

TEST_F(ReportFolderWrite, KilledMidWriteLeavesTheEarlierReport) {
  ASSERT_TRUE(write(src_, 1).ok());
  const std::string before = read_file(out_ / "index.html");
  int pipefd[2];
  ASSERT_EQ(::pipe(pipefd), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(pipefd[0]);
    StallingSource slow(src_, pipefd[1]);
    (void)write(slow);
    ::_exit(3);  // finished without stalling: the parent reports it
  }
  ::close(pipefd[1]);
  char c = 0;
  const ssize_t n = ::read(pipefd[0], &c, 1);
  ::close(pipefd[0]);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_EQ(n, 1) << "the writer never reached its last pass (exit " << WEXITSTATUS(status) << ")";
  ASSERT_TRUE(WIFSIGNALED(status));

  // Half a report exists, under the temporary name only; the earlier one is untouched.
  const auto names = siblings();
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], ".rapport.tmp-" + std::to_string(child));
  EXPECT_TRUE(fs::exists(root_ / names[0] / "index.html")) << "killed mid-write, not before";
  EXPECT_EQ(read_file(out_ / "index.html"), before);
  EXPECT_EQ(reported_scan(), 1);

  // The next run cleans up and writes the report.
  ASSERT_TRUE(write(src_).ok());
  EXPECT_EQ(reported_scan(), 2);
  EXPECT_EQ(siblings(), std::vector<std::string>{"rapport"});
}

}  // namespace
}  // namespace granska::reports
