// End-to-end tests of `granska act` on a three-example excerpt of the ACT suite
// (fixtures/act/mini): exit codes, languages, the JSON summary, the EARL report and the
// baseline round trip.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::fixture_path;
using testing::run_granska;

const std::string kMini = fixture_path("act/mini/testcases.json");

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ActCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("granska-act-cli-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string out(const char* name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(ActCommand, SwedishSummaryByDefault) {
  auto r = run_granska({"act", "--suite", kMini});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_NE(r.out.find("2 ACT-regler med 4 exempel; granska implementerar 1 av dem."), std::string::npos) << r.out;
  // The .svg example is not an HTML page, so page-title is inapplicable to it, as expected.
  EXPECT_NE(r.out.find("Nivå: konsekvent  (granska: page-title)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("zz0000  ej implementerad"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Falskt positiva: 0"), std::string::npos) << r.out;
}

TEST_F(ActCommand, EnglishJson) {
  auto r = run_granska({"act", "--suite", kMini, "--lang", "en", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["lang"], "en");
  EXPECT_EQ(j["totals"]["implemented"], 1);
  EXPECT_EQ(j["totals"]["consistent"], 1);
  EXPECT_EQ(j["totals"]["false_positives"], 0);
  const json& rule = j["rules"][0];
  EXPECT_EQ(rule["id"], "2779a5");
  EXPECT_EQ(rule["level"], "consistent");
  EXPECT_EQ(rule["level_label"], "consistent");
  EXPECT_EQ(rule["granska_rules"], json{"page-title"});
  EXPECT_EQ(rule["reported_criteria"], json{"2.4.2"});
  EXPECT_TRUE(rule["requirements_match"].get<bool>());
  EXPECT_EQ(rule["counts"]["true_positives"], 1);
  EXPECT_EQ(rule["mismatches"].size(), 0u);
  EXPECT_EQ(j["rules"][1]["level"], "not-implemented");
}

TEST_F(ActCommand, EarlReportAndSummaryFile) {
  auto r = run_granska({"act", "--suite", kMini, "--earl", out("earl.json"), "-o", out("summary.txt")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(slurp(dir_ / "summary.txt").find("Sammanfattning"), std::string::npos);
  json earl = json::parse(slurp(dir_ / "earl.json"));
  ASSERT_EQ(earl["@graph"].size(), 4u) << "the assertor and one subject per example granska ran on";
  const json& failed = earl["@graph"][2];
  EXPECT_EQ(failed["source"], "https://www.w3.org/WAI/content-assets/wcag-act-rules/testcases/2779a5/fail1.html");
  EXPECT_EQ(failed["assertions"][0]["test"]["title"], "page-title");
  EXPECT_EQ(failed["assertions"][0]["result"]["outcome"], "earl:failed");
  EXPECT_EQ(earl["@graph"][3]["assertions"][0]["result"]["outcome"], "earl:inapplicable");  // the .svg page
}

TEST_F(ActCommand, BaselineRoundTripAndGate) {
  auto w = run_granska({"act", "--suite", kMini, "--write-baseline", out("baseline.json")});
  ASSERT_EQ(w.exit_code, 0) << w.err;
  json b = json::parse(slurp(dir_ / "baseline.json"));
  EXPECT_EQ(b["rules"]["2779a5"]["level"], "consistent");
  EXPECT_EQ(b["rules"]["zz0000"]["level"], "not-implemented");

  auto ok = run_granska({"act", "--suite", kMini, "--check-baseline", out("baseline.json")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_TRUE(ok.err.empty()) << ok.err;

  b["rules"]["zz0000"]["level"] = "consistent";
  std::ofstream(dir_ / "higher.json") << b.dump();
  auto drop = run_granska({"act", "--suite", kMini, "--lang", "en", "--check-baseline", out("higher.json")});
  EXPECT_EQ(drop.exit_code, 1);
  EXPECT_EQ(drop.err.rfind("granska: ACT zz0000", 0), 0u) << drop.err;
  EXPECT_NE(drop.err.find("level fell from consistent to not implemented"), std::string::npos) << drop.err;
}

TEST_F(ActCommand, BrokenInputExitsTwoWithOneLine) {
  auto missing = run_granska({"act", "--suite", out("nope.json")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "granska: ACT-sviten: kan inte läsa " + out("nope.json") + "\n");
  EXPECT_TRUE(missing.out.empty());

  auto broken = run_granska({"act", "--suite", fixture_path("act/broken/testcases.json"), "--lang", "en"});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_EQ(broken.err, "granska: ACT suite: testcases.json is not valid JSON with a \"testcases\" list\n");

  auto no_suite = run_granska({"act"});
  EXPECT_EQ(no_suite.exit_code, 2);
  auto bad_baseline = run_granska({"act", "--suite", kMini, "--check-baseline", out("none.json")});
  EXPECT_EQ(bad_baseline.exit_code, 2);
  EXPECT_TRUE(bad_baseline.out.empty()) << "fails before running";
  auto unwritable = run_granska({"act", "--suite", kMini, "--earl", "/nonexistent-dir/earl.json"});
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_EQ(unwritable.err, "granska: kan inte skriva till /nonexistent-dir/earl.json\n");
}

}  // namespace
}  // namespace granska
