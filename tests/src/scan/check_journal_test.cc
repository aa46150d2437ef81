// The check journal: which pages were in check when a run stopped, and which of them are
// poison pages (in check at two stops of the same scan).
#include "scan/check_journal.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace granska::scan {
namespace {

namespace fs = std::filesystem;

TEST(CheckJournal, PagesBegunAndNotEndedWereInCheckWhenTheRunStopped) {
  const fs::path path = fs::temp_directory_path() / ("granska-journal-" + std::to_string(::getpid()));
  {
    CheckJournalFile j(path.string());
    ASSERT_TRUE(j.start().ok());
    j.begin("http://a.test/1");
    j.begin("http://a.test/2");
    j.end("http://a.test/1");
    j.begin("http://a.test/1");  // checked again (a redirect target seen twice)
    j.end("http://a.test/1");
  }  // the process "stops" here: /2 never ended
  std::ofstream(path, std::ios::app) << "B http://a.test/torn";  // a line cut by the crash
  CheckJournalFile after(path.string());
  EXPECT_EQ(after.in_check_when_stopped(), (std::set<std::string>{"http://a.test/2"}));
  ASSERT_TRUE(after.start().ok());
  EXPECT_TRUE(after.in_check_when_stopped().empty()) << "start() empties the file";
  after.remove();
  EXPECT_FALSE(fs::exists(path));
}

TEST(CheckJournal, APageInCheckAtTwoStopsIsPoisonNotItsNeighbours) {
  std::map<std::string, int> counts = count_stops("", {"http://a.test/poison", "http://a.test/innocent"});
  EXPECT_TRUE(poison_pages(counts).empty()) << "one stop cannot tell the pages apart";
  counts = count_stops(format_stops(counts), {"http://a.test/poison", "http://a.test/other"});
  EXPECT_EQ(poison_pages(counts), (std::set<std::string>{"http://a.test/poison"}));
  EXPECT_EQ(counts.at("http://a.test/innocent"), 1);
}

}  // namespace
}  // namespace granska::scan
