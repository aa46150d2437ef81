// Linked style sheets end to end: the real binary against local files and the loopback
// fixture server (fixtures/style/site: a theme linked from every page, @import, a sheet
// that is missing).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using testing::run_granska;

std::size_t count_of(const std::vector<std::string>& requests, std::string_view path) {
  return static_cast<std::size_t>(std::count(requests.begin(), requests.end(), std::string(path)));
}

nlohmann::json findings(const std::string& out, std::string_view rule) {
  nlohmann::json all = nlohmann::json::parse(out);
  nlohmann::json picked = nlohmann::json::array();
  for (const auto& f : all["findings"]) {
    if (f["rule"] == rule) picked.push_back(f);
  }
  return picked;
}

TEST(StyleSheets, AFieldHiddenByTheSitesStyleSheetIsNotReported) {
  testing::FixtureServer server(testing::fixture_path("style/site"));
  ASSERT_TRUE(server.start());
  auto r = run_granska({"check", server.url("/"), "--format", "json", "--lang", "en", "--show-passed"});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_TRUE(findings(r.out, "form-field-name").empty()) << r.out;
  // The page's other texts are judged with the theme's colours.
  nlohmann::json contrast = findings(r.out, "text-contrast-minimum");
  bool pale_fails = false, header_passes = false;
  for (const auto& f : contrast) {
    if (f["outcome"] == "failed" && f["snippet"].get<std::string>().find("blek") != std::string::npos) pale_fails = true;
    if (f["outcome"] == "passed" && f["snippet"].get<std::string>().find("logo") != std::string::npos) header_passes = true;
  }
  EXPECT_TRUE(pale_fails) << contrast.dump(1);
  EXPECT_TRUE(header_passes) << contrast.dump(1);
  // The missing sheet is a note on the page, not an error.
  std::string notes = nlohmann::json::parse(r.out).dump();
  EXPECT_NE(notes.find("saknas.css"), std::string::npos);
  EXPECT_EQ(count_of(server.requests(), "/css/base.css"), 1u);
}

TEST(StyleSheets, LocalFilesReadTheirSheetsFromDisk) {
  auto r = run_granska({"check", testing::fixture_path("style/site/nyheter/index.html"), "--format", "json"});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_TRUE(findings(r.out, "form-field-name").empty()) << r.out;
  auto i = run_granska({"inspect", testing::fixture_path("style/site/nyheter/index.html"), "-s", "input, .site-header",
                        "--styles", "--format", "json"});
  ASSERT_EQ(i.exit_code, 0) << i.err;
  nlohmann::json j = nlohmann::json::parse(i.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[1]["styles"]["display"]["value"], "none");
  EXPECT_EQ(j[1]["styles"]["display"]["source"], "style-sheet");
  EXPECT_EQ(j[1]["styles"]["display"]["line"], 4);
  EXPECT_NE(j[1]["styles"]["display"]["url"].get<std::string>().find("css/site.css"), std::string::npos);
  EXPECT_EQ(j[0]["styles"]["background-color"]["value"], "rgb(0, 90, 160)");  // var() from the @import
}

TEST(StyleSheets, ACrawlFetchesEachSheetOnce) {
  testing::FixtureServer server(testing::fixture_path("style/site"));
  ASSERT_TRUE(server.start());
  auto r = run_granska({"crawl", server.url("/"), "--delay", "0", "--workers", "2", "--ignore-robots", "--format",
                        "json", "--quiet"});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_GE(j["pages"].size(), 2u);
  std::vector<std::string> req = server.requests();
  EXPECT_EQ(count_of(req, "/css/site.css"), 1u);
  EXPECT_EQ(count_of(req, "/css/base.css"), 1u);
  EXPECT_EQ(j["summary"]["stylesheets"]["loaded"], 2);
}

TEST(StyleSheets, InspectShowsWhereEachValueCameFrom) {
  auto r = run_granska({"inspect", testing::fixture_path("checks/text-contrast-minimum/failed-pale-text.html"), "-s",
                        ".datum", "--styles"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("color:                rgb(170, 170, 170)  (<style>, rad 3)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("display:              block  (webbläsarens standardstilar)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace granska
