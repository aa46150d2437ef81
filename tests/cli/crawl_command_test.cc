// End-to-end tests of `granska crawl`: the real binary against the loopback fixture site.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

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
};

TEST_F(CrawlCommand, JsonListsEveryPageWithItsCheck) {
  auto r = run_granska({"crawl", server_->url("/"), "--delay", "0", "--format", "json", "--quiet", "--exclude",
                        "calendar|429-once", "-H", "Cookie: session=hemlig-kaka-42"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // om.html has an image without alt
  EXPECT_TRUE(r.err.empty()) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema_version"], 1);
  std::map<std::string, nlohmann::json> pages;
  for (const auto& p : j["pages"]) pages[p["url"].get<std::string>()] = p;
  EXPECT_EQ(j["summary"]["pages"].get<std::size_t>(), pages.size());
  const auto& om = pages.at(server_->url("/om.html"));
  EXPECT_EQ(om["kind"], "html");
  EXPECT_EQ(om["http_status"], 200);
  EXPECT_EQ(om["check"]["page"]["url"], server_->url("/om.html"));
  EXPECT_GE(om["check"]["summary"]["failed"].get<int>(), 1);
  EXPECT_EQ(pages.at(server_->url("/saknas.html"))["kind"], "failed");
  EXPECT_TRUE(pages.at(server_->url("/saknas.html"))["error"].is_string());
  EXPECT_EQ(pages.at(server_->url("/privat/hemligt.html"))["kind"], "blocked");
  EXPECT_EQ(r.out.find("hemlig-kaka"), std::string::npos) << "secrets never in the output";
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

}  // namespace
}  // namespace granska
