// One page under several URLs, through the real crawl: the stored crawl keeps each page's
// rel=canonical (and carries it over for a page that answers 304), and the report counts
// the page once with its aliases listed (decision 0013). Against an in-memory web.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "scan/scheduled_scan.h"
#include "store/scan_source.h"
#include "support/fake_web.h"

namespace granska::scan {
namespace {

namespace fs = std::filesystem;
constexpr const char* kSite = "http://kommun.test";

std::string page(const std::string& title, const std::string& head, const std::string& body) {
  return "<!doctype html><html lang=\"sv\"><head><title>" + title + "</title>" + head + "</head><body><main>" + body +
         "</main></body></html>";
}

TEST(CountOnce, CanonicalAndSameBodyThroughTheCrawlAndTheReport) {
  const fs::path dir = fs::temp_directory_path() / ("granska-count-once-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string config_path = (dir / "stad.toml").string();
  std::ofstream(config_path) << "delay_ms = 0\nfallback = \"ks\"\n[[site]]\nseeds = [\"" << kSite << "/\"]\n"
                             << "[[unit]]\nid = \"ks\"\nname_sv = \"Kommunstyrelsen\"\ntype = \"namnd\"\n"
                             << "hosts = [\"kommun.test\"]\n";
  std::vector<config::ConfigProblem> problems;
  const config::OrgConfig config = config::load_org_config(config_path, problems);
  ASSERT_TRUE(problems.empty());

  testing::FakeWeb web;
  const std::string start = page("Start", "", "<img src=\"a.png\"><a href=\"/index.html\">Hem</a> <a href=\"/nyheter?sida=1\">Nyheter</a>");
  web.serve(std::string(kSite) + "/robots.txt", {200, "text/plain", "User-agent: *\nAllow: /\n"});
  web.serve(std::string(kSite) + "/", {200, "text/html", start, "\"s\""});
  web.serve(std::string(kSite) + "/index.html", {200, "text/html", start, "\"s\""});  // the same body
  web.serve(std::string(kSite) + "/nyheter?sida=1",
            {200, "text/html",
             page("Nyheter", "<link rel=\"canonical\" href=\"/nyheter\">", "<a href=\"/nyheter\">Alla</a> <img src=\"b.png\">"),
             "\"n1\""});
  web.serve(std::string(kSite) + "/nyheter", {200, "text/html", page("Nyheter", "", "<p>Nyheter</p>"), "\"n\""});
  auto network = web.transfers();
  ScheduledScan s;
  s.config_path = config_path;
  s.config = &config;
  s.db = (dir / "scan.db").string();
  s.reports = (dir / "rapporter").string();
  s.workers = 1;
  s.network = network.get();
  for (int night = 0; night < 2; ++night) {  // the second night: every page answers 304
    const ScheduledScanResult r = run_scheduled_scan(s, {});
    ASSERT_EQ(r.ended, ScheduledScanResult::Ended::Done) << r.error.message;
    auto source = store::open_scan_source(s.db);
    ASSERT_TRUE(source.ok());
    std::map<std::string, std::string> canonical;
    (*source)->for_each_page(r.scan, [&](const results::PageRow& p) { canonical[p.url] = p.canonical; });
    EXPECT_EQ(canonical[std::string(kSite) + "/nyheter?sida=1"], std::string(kSite) + "/nyheter") << "night " << night;
    EXPECT_EQ(canonical[std::string(kSite) + "/"], "");

    std::ifstream in(fs::path(r.report) / "report.json");
    std::stringstream ss;
    ss << in.rdbuf();
    const nlohmann::json j = nlohmann::json::parse(ss.str());
    const nlohmann::json& f = j["units"][0]["figures"];
    EXPECT_EQ(f["html_pages"], 2) << "/ and /nyheter; /index.html and /nyheter?sida=1 are the same pages";
    EXPECT_EQ(f["aliases"], 2);
    EXPECT_EQ(f["failures"], 1) << "the start page's image once, not the alias's copy, not the canonical alias's";
    for (const auto& p : j["pages"]) {
      if (p["url"] == std::string(kSite) + "/index.html") {
        EXPECT_EQ(p["alias_of"]["reason"], "same-content");
      } else if (p["url"] == std::string(kSite) + "/nyheter?sida=1") {
        EXPECT_EQ(p["alias_of"]["reason"], "canonical");
      }
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace granska::scan
