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

#include "render/chromium.h"
#include "store/scan_source.h"
#include "support/chromium.h"
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

// config/demo.toml as shipped, without the crawl's politeness delay (a test, not a site),
// written to `dir`. Where Chromium is missing its render = "auto" is turned off: a scan
// that asks for rendering and cannot start the browser stops (docs/config.md), and
// DemoRender below checks the rendering where Chromium is installed.
std::string demo_config(const fs::path& dir) {
  std::string text = read(testing::source_dir() + "/config/demo.toml");
  const std::string on = "\nrender = \"auto\"\n";
  const std::size_t at = text.find(on);
  EXPECT_NE(at, std::string::npos) << "config/demo.toml renders application shells";
  if (at != std::string::npos && !render::find_chromium("").ok()) text.replace(at, on.size(), "\nrender = \"never\"\n");
  fs::create_directories(dir);
  const std::string config = (dir / "demo.toml").string();
  std::ofstream(config) << "delay_ms = 0\n" << text;
  return config;
}

TEST(DemoReport, ListsEveryPageCountsAliasesOnceAndShowsStatusBySymbol) {
  const fs::path dir = fs::temp_directory_path() / ("granska-demo-report-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  testing::FixtureServer city(testing::fixture_path("demo-site"));
  testing::FixtureServer company(testing::fixture_path("demo-bolag"));
  ASSERT_TRUE(city.start());
  ASSERT_TRUE(company.start());
  const std::string config = demo_config(dir);
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

// The demo with Chromium: render = "auto" renders exactly the booking e-service (an empty
// shell that a script fills), which shows the barriers only the browser sees: a telephone
// field whose visible text is not its label and a map without a text alternative. The
// scan's database records which page was rendered, the report counts it for the committee
// it belongs to, and the next scan renders it again rather than asking whether its HTML
// changed.
TEST(DemoRender, AutoRendersExactlyTheBookingServiceAndFindsItsBarriers) {
  REQUIRE_CHROMIUM();
  const fs::path dir = fs::temp_directory_path() / ("granska-demo-render-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  testing::FixtureServer city(testing::fixture_path("demo-site"));
  testing::FixtureServer company(testing::fixture_path("demo-bolag"));
  ASSERT_TRUE(city.start());
  ASSERT_TRUE(company.start());
  const std::string config = demo_config(dir);
  const std::string db = (dir / "demo.db").string(), reports = (dir / "rapporter").string();
  const std::string company_url = "http://localhost:" + std::to_string(company.port()) + "/";
  const std::string booking = city.url("/boka-radgivning.html");
  auto scan = [&] {
    return run_granska({"scan", "--config", config, "--db", db, "--reports", reports, city.url("/"), company_url});
  };

  auto first = scan();
  ASSERT_EQ(first.exit_code, 0) << first.out << first.err;
  EXPECT_NE(first.out.find("Visade i webbläsaren (headless Chromium): 1\n"), std::string::npos) << first.out;

  // The database: the booking service and no other page was checked as rendered.
  {
    auto source = store::open_scan_source(db);
    ASSERT_TRUE(source.ok());
    const auto scans = (*source)->complete_scans();
    ASSERT_EQ(scans.size(), 1u);
    EXPECT_TRUE(scans[0].rendering);
    std::vector<std::string> rendered;
    std::size_t html = 0;
    (*source)->for_each_page(scans[0].id, [&](const results::PageRow& row) {
      html += row.kind == "html";
      if (row.rendered) rendered.push_back(row.url);
    });
    EXPECT_EQ(rendered, std::vector<std::string>{booking});
    EXPECT_EQ(html, 12u) << "the city's 7 pages and the company's 3, each start page also as /index.html";
  }

  // The report: the barriers, where they are, and the count per committee.
  const fs::path latest = fs::path(reports) / "senaste";
  const nlohmann::json j = nlohmann::json::parse(read(latest / "report.json"));
  std::map<std::string, nlohmann::json> pages;
  for (const auto& p : j["pages"]) pages[p["url"]] = p;
  ASSERT_TRUE(pages.count(booking));
  for (const auto& [url, p] : pages) {
    EXPECT_EQ(p["rendered"], url == booking) << url;
  }
  const nlohmann::json& page = pages[booking];
  EXPECT_EQ(page["unit"], "stadsbyggnadsnamnden");
  EXPECT_EQ(page["title"], "Boka tid för rådgivning om bygglov – Demokommunen");
  auto failed_at = [&](const std::string& rule, const std::string& selector) {
    for (const auto& f : page["findings"]) {
      if (f["rule"] == rule && f["outcome"] == "failed" && f["selector"] == selector) return true;
    }
    return false;
  };
  EXPECT_TRUE(failed_at("form-field-name", "#telefon")) << page["findings"].dump(1);
  EXPECT_TRUE(failed_at("image-alt", "#karta")) << page["findings"].dump(1);
  EXPECT_FALSE(failed_at("form-field-name", "#namn"));
  EXPECT_TRUE(j["scan"]["rendering"]);
  EXPECT_EQ(j["total"]["figures"]["rendered_pages"], 1);
  for (const auto& u : j["units"]) {
    EXPECT_EQ(u["figures"]["rendered_pages"], u["id"] == "stadsbyggnadsnamnden" ? 1 : 0) << u["id"];
  }
  const int checked = j["total"]["figures"]["html_pages"];
  EXPECT_NE(read(latest / "index.html")
                .find("<p>Granskade som webbläsaren visar dem: 1 av " + std::to_string(checked) + " ("),
            std::string::npos);
  EXPECT_NE(read(latest / "unit-stadsbyggnadsnamnden.html")
                .find("<tr><th scope=\"row\">Granskade som webbläsaren visar dem</th><td class=\"num\">1</td></tr>"),
            std::string::npos);

  // The next scan asks conditionally for the static pages, but renders the shell again.
  auto second = scan();
  ASSERT_EQ(second.exit_code, 0) << second.out << second.err;
  EXPECT_NE(second.out.find("Visade i webbläsaren (headless Chromium): 1\n"), std::string::npos) << second.out;
  const nlohmann::json again = nlohmann::json::parse(read(latest / "report.json"));
  EXPECT_EQ(again["total"]["figures"]["rendered_pages"], 1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace granska
