// `granska crawl` with rendering: render = "auto" renders exactly the application shells,
// links that only scripts build are followed, and a page the browser cannot render keeps
// its static check. The real binary, the real headless Chromium (skipped with a message
// where it is missing), a fixture site on 127.0.0.1 (the browser resolves nothing else).
#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <map>

#include "render/chromium.h"
#include "support/chromium.h"
#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using nlohmann::json;
using testing::run_granska;

class CrawlRender : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<testing::FixtureServer>(testing::fixture_path("render/site"));
    ASSERT_TRUE(server_->start());
  }
  // The crawl's pages by path, from its JSON output.
  std::map<std::string, json> crawl(std::vector<std::string> extra, json* summary = nullptr) {
    std::vector<std::string> args = {"crawl", server_->url("/index.html"), "--delay", "0", "--format", "json",
                                     "--quiet", "--ignore-robots"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run_granska(args);
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    std::map<std::string, json> pages;
    if (r.exit_code != 0 && r.exit_code != 1) return pages;
    json j = json::parse(r.out);
    for (const json& p : j["pages"]) {
      std::string url = p["url"];
      pages[url.substr(url.rfind('/'))] = p;
    }
    if (summary) *summary = j["summary"];
    return pages;
  }
  static bool failed_at(const json& page, const std::string& rule, const std::string& selector) {
    for (const json& f : page["check"]["findings"])
      if (f["rule"] == rule && f["outcome"] == "failed" && f.value("selector", "") == selector) return true;
    return false;
  }
  std::unique_ptr<testing::FixtureServer> server_;
};

TEST_F(CrawlRender, AutoRendersExactlyTheApplicationShells) {
  REQUIRE_CHROMIUM();
  json summary;
  auto pages = crawl({"--render=auto"}, &summary);
  ASSERT_TRUE(pages.count("/boka.html")) << summary.dump();
  EXPECT_EQ(pages["/boka.html"]["check"]["page"]["mode"], "rendered");
  EXPECT_EQ(pages["/index.html"]["check"]["page"]["mode"], "static");
  EXPECT_EQ(pages["/om.html"]["check"]["page"]["mode"], "static");  // a script, but a page of text
  EXPECT_TRUE(failed_at(pages["/boka.html"], "image-alt", "#karta"));
  EXPECT_TRUE(failed_at(pages["/boka.html"], "form-field-name", "#telefon"));
  // A link only the script builds is followed.
  ASSERT_TRUE(pages.count("/kvitto.html"));
  EXPECT_EQ(pages["/kvitto.html"]["check"]["page"]["mode"], "static");
  EXPECT_EQ(summary["rendered"], 1);
  EXPECT_EQ(summary["render_failures"], 0);
}

TEST_F(CrawlRender, NeverLeavesTheShellEmpty) {
  json summary;
  auto pages = crawl({}, &summary);
  ASSERT_TRUE(pages.count("/boka.html"));
  EXPECT_EQ(pages["/boka.html"]["check"]["page"]["mode"], "static");
  EXPECT_FALSE(failed_at(pages["/boka.html"], "image-alt", "#karta"));
  EXPECT_FALSE(pages.count("/kvitto.html"));
  EXPECT_EQ(summary["rendered"], 0);
}

TEST_F(CrawlRender, AlwaysPerSiteFromTheConfiguration) {
  REQUIRE_CHROMIUM();
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("granska-render-" + std::to_string(::getpid()) + ".toml")).string();
  {
    std::ofstream f(path);
    f << "delay_ms = 0\n[[site]]\nseeds = [\"" << server_->url("/index.html") << "\"]\nrender = \"always\"\n";
  }
  json summary;
  std::vector<std::string> args = {"crawl", "--config", path, "--format", "json", "--quiet", "--ignore-robots"};
  auto r = run_granska(args);
  std::filesystem::remove(path);
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  json j = json::parse(r.out);
  for (const json& p : j["pages"]) {
    if (p["kind"] == "html") {
      EXPECT_EQ(p["check"]["page"]["mode"], "rendered") << p["url"];
    }
  }
  EXPECT_EQ(j["summary"]["rendered"], 4);
}

TEST_F(CrawlRender, WithoutABrowserTheCrawlGoesOnAsServed) {
  // No Chromium to start (PATH leads nowhere): rendering is lost, the crawl is not. The
  // shell is checked as served with the reason, counts as a failed render, and the reason
  // is said once on standard error; with a database (what `granska scan` runs) too.
  const std::string saved = std::getenv("PATH") ? std::getenv("PATH") : "";
  const std::filesystem::path empty = std::filesystem::temp_directory_path() / ("granska-no-path-" + std::to_string(getpid()));
  std::filesystem::create_directories(empty);
  setenv("PATH", empty.c_str(), 1);
  ASSERT_FALSE(render::find_chromium("").ok());
  const std::filesystem::path db = empty / "scan.db";
  auto plain = run_granska({"crawl", server_->url("/index.html"), "--delay", "0", "--format", "json", "--quiet",
                            "--ignore-robots", "--render=auto"});
  auto stored = run_granska({"crawl", server_->url("/index.html"), "--delay", "0", "--format", "json", "--quiet",
                             "--ignore-robots", "--render=auto", "--db", db.string()});
  setenv("PATH", saved.c_str(), 1);
  std::filesystem::remove_all(empty);
  for (const auto* r : {&plain, &stored}) {
    ASSERT_TRUE(r->exit_code == 0 || r->exit_code == 1) << r->err;
    EXPECT_NE(r->err.find("webbläsaren kunde inte startas"), std::string::npos) << r->err;
    const json j = json::parse(r->out);
    EXPECT_EQ(j["summary"]["rendered"], 0);
    EXPECT_EQ(j["summary"]["render_failures"], 1);  // the one shell, boka.html
    bool shell_seen = false;
    for (const json& p : j["pages"]) {
      if (p["kind"] != "html") continue;
      EXPECT_EQ(p["check"]["page"]["mode"], "static") << p["url"];
      const bool noted = p["check"]["page"]["notes"].dump().find("Inte visad i webbläsaren") != std::string::npos;
      const bool shell = p["url"].get<std::string>().ends_with("/boka.html");
      EXPECT_EQ(noted, shell) << p["url"];
      shell_seen = shell_seen || shell;
    }
    EXPECT_TRUE(shell_seen) << r->out;
  }
}

TEST(CrawlRenderHung, APageTheBrowserCannotRenderKeepsItsStaticCheck) {
  REQUIRE_CHROMIUM();
  // An application shell whose script never yields: rendering times out, the page is
  // still checked (as served) and says why, and the crawl goes on.
  testing::FixtureServer server(testing::fixture_path("render/hung-site"));
  ASSERT_TRUE(server.start());
  auto r = run_granska({"crawl", server.url("/index.html"), "--delay", "0", "--format", "json", "--quiet",
                        "--ignore-robots", "--render=auto", "--timeout", "3"});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  json j = json::parse(r.out);
  ASSERT_EQ(j["pages"].size(), 1u);
  const json& page = j["pages"][0];
  EXPECT_EQ(page["kind"], "html");
  EXPECT_EQ(page["check"]["page"]["mode"], "static");
  EXPECT_NE(page["check"]["page"]["notes"].dump().find("Inte visad i webbläsaren"), std::string::npos)
      << page["check"]["page"]["notes"].dump();
  EXPECT_EQ(j["summary"]["rendered"], 0);
  EXPECT_EQ(j["summary"]["render_failures"], 1);
}

}  // namespace
}  // namespace granska
