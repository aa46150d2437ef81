// The demo as a committee reads it (issues 20 and 17): the demo sites scanned with
// config/demo.toml give a report that lists the pages that could not be checked (404,
// robots.txt), counts / and /index.html once, shows every status as a symbol, a word and a
// colour, and checks the linked documents: a tagged and an untagged PDF and a Word file
// with their findings, the untagged PDF for both committees that link to it, and a damaged
// PDF as one that could not be opened, with the reason; and `granska report --scan N`
// reports any complete scan of the database.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <sstream>

#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

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

TEST(DemoReport, ListsEveryPageCountsAliasesOnceAndShowsStatusBySymbol) {
  const fs::path dir = fs::temp_directory_path() / ("granska-demo-report-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  testing::FixtureServer city(testing::fixture_path("demo-site"));
  testing::FixtureServer company(testing::fixture_path("demo-bolag"));
  ASSERT_TRUE(city.start());
  ASSERT_TRUE(company.start());
  // config/demo.toml as shipped, without the crawl's politeness delay (a test, not a site).
  fs::create_directories(dir);
  const std::string config = (dir / "demo.toml").string();
  std::ofstream(config) << "delay_ms = 0\n" << read(testing::source_dir() + "/config/demo.toml");
  const std::string db = (dir / "demo.db").string(), reports = (dir / "rapporter").string();
  const std::string company_url = "http://localhost:" + std::to_string(company.port()) + "/";
  for (int i = 0; i < 2; ++i) {
    auto r = run_granska({"scan", "--quiet", "--config", config, "--db", db, "--reports", reports, city.url("/"), company_url});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  const fs::path latest = fs::path(reports) / "senaste";
  const nlohmann::json j = nlohmann::json::parse(read(latest / "report.json"));
  std::map<std::string, nlohmann::json> units, pages;
  for (const auto& u : j["units"]) units[u["id"]] = u;
  for (const auto& p : j["pages"]) pages[p["url"]] = p;

  // / and /index.html: one page, on both sites.
  const nlohmann::json& ks = units["kommunstyrelsen"]["figures"];
  EXPECT_EQ(ks["aliases"], 1);
  EXPECT_EQ(ks["html_pages"], 4) << "/, nyheter, kontakt, the statement; index.html is / again";
  EXPECT_EQ(pages[city.url("/index.html")]["alias_of"]["url"], city.url("/"));
  EXPECT_EQ(pages[city.url("/index.html")]["alias_of"]["reason"], "same-content");
  EXPECT_EQ(units["demobolaget"]["figures"]["aliases"], 1);
  // Pages that could not be checked: the robots-blocked page and the 404s.
  EXPECT_EQ(ks["blocked"], 1);
  EXPECT_EQ(ks["error_pages"], 1);
  EXPECT_EQ(pages[city.url("/oppettider.html")]["status"], 404);
  EXPECT_EQ(pages[city.url("/intern/planering.html")]["kind"], "blocked");
  const std::string unit = read(latest / "unit-kommunstyrelsen.html");
  for (const char* path : {"/intern/planering.html", "/oppettider.html", "/index.html"}) {
    EXPECT_NE(unit.find(city.url(path)), std::string::npos) << path << " is listed on the unit page";
  }
  EXPECT_NE(unit.find("stoppad av robots.txt"), std::string::npos);
  EXPECT_NE(unit.find("samma innehåll på samma värd"), std::string::npos);
  EXPECT_NE(read(latest / "unit-stadsbyggnadsnamnden.html").find(city.url("/ansokan.pdf")), std::string::npos);
  EXPECT_NE(read(latest / "unit-kulturnamnden.html").find(city.url("/program-2026.pdf")), std::string::npos);
  // The site step: the city's statement lacks exactly the evaluation method and the link to
  // DIGG; the company's site links to no statement at all.
  for (const auto& site : j["sites"]) {
    std::vector<std::string> missing;
    for (const auto& it : site["statement"]["items"]) {
      if (it["outcome"] == "failed") missing.push_back(it["id"]);
    }
    if (site["owner"] == "kommunstyrelsen") {
      EXPECT_EQ(missing, (std::vector<std::string>{"method", "digg-link"}));
      EXPECT_EQ(site["statement"]["url"], city.url("/tillganglighetsredogorelse.html"));
    } else {
      EXPECT_EQ(site["owner"], "demobolaget");
      EXPECT_EQ(site["statement"]["url"], "");
    }
  }
  EXPECT_EQ(j["sites"].size(), 2u);
  EXPECT_NE(unit.find("<tr><th scope=\"row\">Utvärderingsmetod</th><td>Saknas</td>"), std::string::npos);
  EXPECT_NE(read(latest / "unit-demobolaget.html").find("Ingen länk till en tillgänglighetsredogörelse hittades"),
            std::string::npos);
  const std::string index = read(latest / "index.html");
  EXPECT_NE(index.find("<span class=\"status status-unsatisfactory\">Nej</span>"), std::string::npos);
  EXPECT_NE(index.find(".status-unsatisfactory::before,.mark-no::before{content:\"\u2716\""), std::string::npos)
      << "the symbol, in the status' colour";
  EXPECT_NE(index.find("color:#b3261e"), std::string::npos);
  EXPECT_NE(index.find("class=\"legend\""), std::string::npos);
  EXPECT_NE(index.find("<h2 id=\"dokument\">"), std::string::npos);

  // Documents: checked, counted for every committee whose pages link to them.
  std::map<std::string, nlohmann::json> docs;
  for (const auto& d : j["documents"]) docs[d["url"]] = d;
  ASSERT_EQ(docs.size(), 4u);
  const nlohmann::json& budget = docs[city.url("/dokument/budget-2026.pdf")];
  EXPECT_EQ(budget["check"], "checked");
  EXPECT_EQ(budget["failed"], true) << "the untagged PDF";
  EXPECT_EQ(budget["units"], nlohmann::json::array({"kommunstyrelsen", "kulturnamnden"}));
  EXPECT_EQ(docs[city.url("/dokument/bygglovstaxa-2026.pdf")]["failed"], false) << "the tagged PDF";
  EXPECT_EQ(docs[city.url("/dokument/bygglovstaxa-2026.pdf")]["units"], nlohmann::json::array({"stadsbyggnadsnamnden"}));
  EXPECT_EQ(docs[city.url("/dokument/anmalan-julmarknad.docx")]["format"], "docx");
  EXPECT_GT(docs[city.url("/dokument/anmalan-julmarknad.docx")]["failures"], 0);
  const nlohmann::json& minutes = docs[city.url("/dokument/protokoll-kf-2025-11.pdf")];
  EXPECT_EQ(minutes["check"], "unreadable");
  EXPECT_NE(minutes["reason"].get<std::string>().find("skadad PDF"), std::string::npos) << minutes["reason"];
  EXPECT_EQ(units["kulturnamnden"]["figures"]["document_figures"]["failing"], 2);
  EXPECT_EQ(units["kommunstyrelsen"]["figures"]["document_figures"]["not_checked"], 1);
  const std::string culture = read(latest / "unit-kulturnamnden.html");
  EXPECT_NE(culture.find("pdf-tagged"), std::string::npos);
  EXPECT_NE(culture.find("office-image-alt"), std::string::npos);
  EXPECT_NE(culture.find("räknas också för Kommunstyrelsen"), std::string::npos);
  EXPECT_NE(culture.find("EN 301 549 10.1.3.1"), std::string::npos);
  EXPECT_NE(unit.find("kunde inte öppnas"), std::string::npos);
  EXPECT_NE(unit.find("protokoll-kf-2025-11.pdf är en skadad PDF"), std::string::npos);
  const std::string csv = read(latest / "findings.csv");
  EXPECT_NE(csv.find("kulturnamnden;Kulturnämnden;" + city.url("/dokument/budget-2026.pdf")), std::string::npos);
  EXPECT_NE(csv.find("kommunstyrelsen;Kommunstyrelsen;" + city.url("/dokument/budget-2026.pdf")), std::string::npos);

  // Any complete scan can be reported; a scan that is not complete is refused.
  const fs::path first = dir / "forsta";
  auto one = run_granska({"report", "--db", db, "--config", config, "--out", first.string(), "--scan", "1"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(nlohmann::json::parse(read(first / "report.json"))["scan"]["id"], 1);
  auto none = run_granska({"report", "--db", db, "--config", config, "--out", (dir / "x").string(), "--scan", "9"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("genomsökning 9 är inte en avslutad genomsökning"), std::string::npos) << none.err;
  EXPECT_FALSE(fs::exists(dir / "x"));
  // A folder that holds other things is not replaced.
  std::ofstream(dir / "anteckning.txt") << "x";
  auto here = run_granska({"report", "--db", db, "--config", config, "--out", dir.string()});
  EXPECT_EQ(here.exit_code, 2);
  EXPECT_TRUE(fs::exists(dir / "anteckning.txt"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace granska
