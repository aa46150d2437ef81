#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "engine/evaluate.h"
#include "html/dom.h"
#include "org/profile.h"
#include "reports/scan/scan_report.h"
#include "reports/scan/scan_report_model.h"
#include "reports/common/html_page.h"
#include "reports/common/xml_escape.h"
#include "tests/figures/scan_fixture.h"
#include "tests/figures/synthetic_scans.h"

namespace granska::reports {
namespace {

using figures::testing::fixture_map;
using figures::testing::fixture_source;

constexpr std::string_view kHostile = "<script>alert(1)</script> \"citat\" 'apostrof' & =SUM(A1)";

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// RFC 4180 with ';' as the separator: quoted cells may hold ';', '"' (doubled) and line ends.
std::vector<std::vector<std::string>> parse_csv(std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && cell.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == ';') {
      row.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      EXPECT_NE(c, '\n') << "bare LF outside quotes";
      cell += c;
    }
  }
  EXPECT_TRUE(row.empty() && cell.empty()) << "the last row must end in CRLF";
  return rows;
}

class ScanReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = std::filesystem::temp_directory_path() /
          ("granska-scan-report-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    // A page whose every untrusted field is hostile.
    results::PageRow p = figures::testing::html_page(
        "https://example.se/bygga/x?a=%3Cscript%3E&b=\"q\"", "stadsbyggnadsnamnden", std::string(kHostile));
    results::FindingRow f = figures::testing::failed("image-alt", "has-name", "img[alt=\"<script>\"]",
                                                   {std::string(kHostile), "alt"});
    f.snippet = "<img alt=\"" + std::string(kHostile) + "\" src=x onerror=alert(1)>";
    // has-name is a passed message in the rule, but stored as failed here only to carry
    // arguments into the message text.
    p.findings = {f, figures::testing::failed("link-name", "no-name", "-a[href]", {}, engine::Outcome::Failed)};
    src.scans[1].pages.push_back(p);
    results::MediaRow m;
    m.page_url = p.url;
    m.unit = p.unit;
    m.kind = "video";
    m.source = "javascript:alert(1)";
    m.name = std::string(kHostile);
    m.captions = engine::Outcome::CantTell;
    src.scans[1].media.push_back(m);
    // The site step's results, with page text in every untrusted field.
    results::SiteSummary site;
    site.id = site.name = "example.se";
    site.hosts = {"example.se"};
    site.owner = "kommunstyrelsen";
    site.start_url = "https://example.se/";
    site.units = {"kommunstyrelsen", "stadsbyggnadsnamnden"};
    site.pages = site.html_pages = 3;
    site.statement.url = "https://example.se/tillganglighet";
    site.statement.link_text = std::string(kHostile);
    site.statement.pages = 3;
    site.statement.pages_linking = 2;
    site.statement.format = "html";
    site.statement.source = "crawl";
    site.statement.items = {{"public-body", engine::Outcome::Passed, std::string(kHostile), "", {}},
                            {"digg-link", engine::Outcome::Failed, "", "", {}}};
    for (results::SiteCheck c : results::kSiteChecks) site.checks.push_back({c, engine::Outcome::Passed, 0, 3});
    site.checks[0].outcome = engine::Outcome::Failed;
    site.checks[4] = {results::SiteCheck::BrokenLinks, engine::Outcome::Failed, 1, 3};
    src.scans[1].sites.push_back(site);
    src.scans[1].site_findings.push_back({"example.se", results::SiteCheck::BrokenLinks, engine::Outcome::Failed,
                                          p.url, "stadsbyggnadsnamnden", "broken-link",
                                          {std::string(kHostile), "https://example.se/borta", "404"}});
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  Result<ScanReportResult> write(Lang lang = Lang::Sv) {
    ScanReportOptions o;
    o.lang = lang;
    o.generated_at = "2026-11-09T08:00:00Z";
    return write_scan_report(src, &map, *org::find_profile("dos-review"), engine::Registry::builtin(), o, dir);
  }

  std::filesystem::path dir;
  org::OrgMap map = fixture_map();
  figures::testing::MemoryScanSource src = fixture_source();
};

TEST_F(ScanReportTest, WritesTheFolder) {
  auto r = write();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->scan, 2);
  EXPECT_EQ(r->units, 3u);
  EXPECT_EQ(r->pages, 6u);
  for (const char* f : {"index.html", "unit-kommunstyrelsen.html", "unit-stadsbyggnadsnamnden.html",
                        "unit-bolaget.html", "findings.csv", "granskning.csv", "granskning.xlsx", "report.json"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / f)) << f;
  }
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(e.path().extension() == ".tmp", false) << "temporary file left: " << e.path();
  }
  for (const auto& e : std::filesystem::directory_iterator(dir.parent_path())) {
    EXPECT_EQ(e.path().filename().string().rfind("." + dir.filename().string() + ".", 0), std::string::npos)
        << "temporary folder left: " << e.path();
  }
  const std::string index = read_file(dir / "index.html");
  EXPECT_NE(index.find("<html lang=\"sv\">"), std::string::npos);
  EXPECT_NE(index.find("Nej, behöver ses över omgående"), std::string::npos);
  EXPECT_NE(index.find("Ja, tillfredsställande"), std::string::npos);
  EXPECT_NE(index.find("manuell granskning"), std::string::npos);  // 1.3.5 etc. are listed, not dropped
  EXPECT_NE(index.find("role=\"img\""), std::string::npos);
  EXPECT_NE(index.find("@media print"), std::string::npos);
  const std::string unit = read_file(dir / "unit-kommunstyrelsen.html");
  EXPECT_NE(unit.find("img.a"), std::string::npos);
  EXPECT_NE(unit.find("Sidan saknar titel"), std::string::npos);
  EXPECT_NE(unit.find("film.mp4"), std::string::npos);
  EXPECT_NE(unit.find("fil.pdf"), std::string::npos);
  // Grouped by criterion, then rule, with how to fix it.
  const std::size_t h3 = unit.find(">1.1.1 Icke-textuellt innehåll</a> – 1\u00a0fel</h3>");
  const std::size_t h4 = unit.find("<h4>", h3);
  ASSERT_NE(h3, std::string::npos);
  ASSERT_NE(h4, std::string::npos);
  EXPECT_NE(unit.find("(image-alt)</h4>\n<p>Så åtgärdar du: ", h3), std::string::npos);
  EXPECT_NE(unit.find(">2.4.2 Sidtitel</a> – 1\u00a0fel</h3>"), std::string::npos);
  EXPECT_NE(unit.find("href=\"https://www.w3.org/Translations/WCAG21-sv/#non-text-content\""), std::string::npos)
      << "each criterion links to its Swedish text";
  EXPECT_NE(unit.find("Sidor med flest fel"), std::string::npos);
}

TEST_F(ScanReportTest, HistoryOfOneScanStillHasTheTrend) {
  ScanReportOptions o;
  o.history = 1;
  o.generated_at = "2026-11-09T08:00:00Z";
  ASSERT_TRUE(write_scan_report(src, &map, *org::find_profile("dos-review"), engine::Registry::builtin(), o, dir).ok());
  auto j = nlohmann::json::parse(read_file(dir / "report.json"));
  EXPECT_EQ(j["history"].size(), 1u);
  EXPECT_EQ(j["total"]["trend"]["new"], 2);
  // The hostile page is only in the latest scan: its 2 failures are not "new".
  EXPECT_EQ(j["total"]["trend"]["not_checked_before"], 2);
  EXPECT_EQ(j["total"]["trend"]["fixed"], 2);
  EXPECT_EQ(j["total"]["trend"]["not_rechecked"], 0);
}

TEST_F(ScanReportTest, JsonHasTheFiguresAndTrend) {
  ASSERT_TRUE(write().ok());
  auto j = nlohmann::json::parse(read_file(dir / "report.json"));
  EXPECT_EQ(j["schema_version"], kScanReportJsonVersion);
  EXPECT_EQ(j["scan"]["id"], 2);
  EXPECT_EQ(j["previous_scan"]["id"], 1);
  ASSERT_EQ(j["units"].size(), 3u);
  EXPECT_EQ(j["units"][0]["id"], "kommunstyrelsen");
  EXPECT_EQ(j["units"][0]["status"], "unsatisfactory");
  EXPECT_EQ(j["units"][0]["figures"]["failures"], 2);
  EXPECT_EQ(j["units"][0]["figures"]["by_criterion"]["2.4.2"]["failures"], 1);
  EXPECT_EQ(j["units"][0]["trend"]["new"], 1);
  EXPECT_EQ(j["units"][0]["trend"]["fixed"], 1);
  EXPECT_EQ(j["units"][0]["trend"]["remaining"], 1);
  EXPECT_EQ(j["units"][2]["status"], "satisfactory");
  EXPECT_EQ(j["history"].size(), 2u);
  EXPECT_EQ(j["profile"]["criteria"].size(), 12u);
  EXPECT_EQ(j["documents"].size(), 1u);
  EXPECT_EQ(j["media"].size(), 2u);
  ASSERT_EQ(j["pages"].size(), 6u);
  EXPECT_EQ(j["pages"][0]["url"], "https://bolaget.se/");  // URL order
  EXPECT_EQ(j["pages"][0]["failures"], 0);
  EXPECT_EQ(j["pages"][0]["findings"].size(), 2u);          // a warning and a cantTell
  EXPECT_EQ(j["pages"][0]["findings"][0]["kind"], "best-practice");
}

// How many pages were checked as the browser shows them: in total and per unit when the
// scan asked for rendering, and not at all when it did not (most scans), where a 0 would
// only raise a question.
TEST_F(ScanReportTest, RenderedPagesAreCountedWhenTheScanRendered) {
  const std::string label = "Granskade som webbläsaren visar dem";
  ASSERT_TRUE(write().ok());
  EXPECT_EQ(read_file(dir / "index.html").find(label), std::string::npos);
  EXPECT_EQ(read_file(dir / "unit-stadsbyggnadsnamnden.html").find(label), std::string::npos);
  auto plain = nlohmann::json::parse(read_file(dir / "report.json"));
  EXPECT_EQ(plain["scan"]["rendering"], false);
  EXPECT_EQ(plain["total"]["figures"]["rendered_pages"], 0) << "always in the JSON, for programs";

  src.scans[1].info.rendering = true;
  for (results::PageRow& p : src.scans[1].pages) {
    if (p.url == "https://example.se/bygga/") p.rendered = true;
  }
  ASSERT_TRUE(write().ok());
  const std::string index = read_file(dir / "index.html");
  EXPECT_NE(index.find("<p>" + label + ": 1 av 5 (visade i en webbläsare"), std::string::npos)
      << index.substr(0, 3000);
  EXPECT_NE(read_file(dir / "unit-stadsbyggnadsnamnden.html")
                .find("<tr><th scope=\"row\">" + label + "</th><td class=\"num\">1</td></tr>"),
            std::string::npos);
  EXPECT_NE(read_file(dir / "unit-kommunstyrelsen.html")
                .find("<tr><th scope=\"row\">" + label + "</th><td class=\"num\">0</td></tr>"),
            std::string::npos)
      << "every unit says it once the scan rendered";
  auto j = nlohmann::json::parse(read_file(dir / "report.json"));
  EXPECT_EQ(j["scan"]["rendering"], true);
  EXPECT_EQ(j["total"]["figures"]["rendered_pages"], 1);
  for (const auto& u : j["units"]) {
    EXPECT_EQ(u["figures"]["rendered_pages"], u["id"] == "stadsbyggnadsnamnden" ? 1 : 0) << u["id"];
  }
  for (const auto& p : j["pages"]) {
    EXPECT_EQ(p["rendered"], p["url"] == "https://example.se/bygga/") << p["url"];
  }

  // Rendered pages are said even when the scan's settings do not show that it asked for
  // rendering (settings of another shape): in English too.
  src.scans[1].info.rendering = false;
  ASSERT_TRUE(write(Lang::En).ok());
  EXPECT_NE(read_file(dir / "index.html").find("<p>Checked as rendered by the browser: 1 of 5 (shown in a browser"),
            std::string::npos);
}

TEST_F(ScanReportTest, CsvParsesBackToTheFindings) {
  auto r = write();
  ASSERT_TRUE(r.ok());
  const std::string csv = read_file(dir / "findings.csv");
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  auto rows = parse_csv(std::string_view(csv).substr(3));
  ASSERT_GE(rows.size(), r->findings + 1);
  EXPECT_EQ(rows[0][0], "genomsökning");
  EXPECT_EQ(rows[0][11], "kriterium");
  EXPECT_EQ(rows[0][22], "fynd_nr");
  const auto j = nlohmann::json::parse(read_file(dir / "report.json"));
  std::vector<std::pair<nlohmann::json, nlohmann::json>> findings;  // (page, finding) in order
  for (const auto& p : j["pages"]) {
    for (const auto& f : p["findings"]) findings.emplace_back(p, f);
  }
  ASSERT_EQ(findings.size(), r->findings);
  // One row per finding and criterion of its rule, rows of one finding together.
  std::size_t next = 1;
  for (std::size_t i = 0; i < r->findings; ++i) {
    const auto& [page, f] = findings[i];
    const std::size_t n = std::max<std::size_t>(1, f["criteria"].size());
    for (std::size_t k = 0; k < n; ++k, ++next) {
      ASSERT_LT(next, rows.size());
      const auto& row = rows[next];
      ASSERT_EQ(row.size(), rows[0].size());
      EXPECT_EQ(row[22], std::to_string(i + 1));
      EXPECT_EQ(row[23], std::to_string(n));
      EXPECT_EQ(row[4], page["url"]);
      EXPECT_EQ(row[5], page["title"]);
      EXPECT_EQ(row[6], f["rule"]);
      EXPECT_EQ(row[9], f["outcome"] == "failed" ? "underkänd" : "kräver manuell granskning");
      EXPECT_EQ(row[15], f["message_id"]);
      if (!f["criteria"].empty()) {
        const std::string number = f["criteria"][k];
        EXPECT_EQ(row[11].rfind(number + " ", 0), 0u) << "number and title, never a bare number: " << row[11];
      }
      const std::string sel = f["selector"];
      // A selector starting with '-' is a formula start for Excel: neutralised with a quote.
      EXPECT_EQ(row[17], !sel.empty() && sel[0] == '-' ? "'" + sel : sel);
    }
  }
  // Then the site step's rows (SiteResultsPerCommittee), numbered on.
  for (std::size_t i = next; i < rows.size(); ++i) {
    EXPECT_TRUE(rows[i][6].starts_with("site-")) << rows[i][6];
    EXPECT_EQ(rows[i][22], std::to_string(r->findings + 1 + (i - next)));
  }
  EXPECT_EQ(rows.size() - next, 3u);
  bool hostile_title = false, neutralised = false;
  for (const auto& row : rows) {
    if (row[5] == kHostile) hostile_title = true;
    if (row[17] == "'-a[href]") neutralised = true;
    for (const std::string& cell : row) {
      ASSERT_FALSE(!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '@' || cell[0] == '-'))
          << "formula-like cell: " << cell;
    }
  }
  EXPECT_TRUE(hostile_title);
  EXPECT_TRUE(neutralised);
  // Swedish values and local time.
  EXPECT_EQ(rows[1][1], "2026-11-08 03:00");
  std::set<std::string> kinds, impacts;
  for (std::size_t i = 1; i < rows.size(); ++i) kinds.insert(rows[i][8]), impacts.insert(rows[i][10]);
  EXPECT_TRUE(kinds.count("krav") && kinds.count("god praxis")) << "Swedish kinds";
  EXPECT_FALSE(impacts.count("serious") || impacts.count("critical")) << "Swedish impacts";
  EXPECT_EQ(scan_report::csv_cell("=1+1"), "'=1+1");
  EXPECT_EQ(scan_report::csv_cell("a;b\"c"), "\"a;b\"\"c\"");
}

TEST_F(ScanReportTest, ReviewCsvHasAMarkPerUnitAndCriterion) {
  ASSERT_TRUE(write().ok());
  const std::string csv = read_file(dir / "granskning.csv");
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  auto rows = parse_csv(std::string_view(csv).substr(3));
  ASSERT_EQ(rows.size(), 1 + 3 * 12u) << "3 units x the 12 criteria of dos-review";
  EXPECT_EQ(rows[0][10], "bedömning");
  std::set<std::string> marks;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    marks.insert(rows[i][10]);
    EXPECT_NE(rows[i][6].find(' '), std::string::npos) << "criterion with its title: " << rows[i][6];
  }
  for (const std::string& m : marks) {
    EXPECT_TRUE(m == "Ja" || m == "Delvis" || m == "Nej" || m == "Ej testat") << m;
  }
  // The planning committee: 1.1.1 failed on two of its three tested pages: 33,3 % -> Nej.
  bool found = false;
  for (const auto& row : rows) {
    if (row[2] == "stadsbyggnadsnamnden" && row[6].rfind("1.1.1 ", 0) == 0) {
      found = true;
      EXPECT_EQ(row[10], "Nej");
      EXPECT_EQ(row[11], "3");
      EXPECT_EQ(row[13], "33,3") << "a share with a decimal comma";
    }
  }
  EXPECT_TRUE(found);
  const std::string xlsx = read_file(dir / "granskning.xlsx");
  ASSERT_GT(xlsx.size(), 4u);
  EXPECT_EQ(xlsx.substr(0, 2), "PK") << "a zip container";
}

TEST_F(ScanReportTest, HostileTextIsInertEverywhere) {
  ASSERT_TRUE(write().ok());
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".html") continue;
    const std::string html = read_file(e.path());
    EXPECT_EQ(html.find("<script"), std::string::npos) << e.path();
    EXPECT_EQ(html.find("<img"), std::string::npos) << e.path();
    EXPECT_EQ(html.find("href=\"javascript"), std::string::npos) << e.path();
  }
  const std::string unit = read_file(dir / "unit-stadsbyggnadsnamnden.html");
  EXPECT_NE(unit.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;citat&quot; &apos;apostrof&apos; &amp; =SUM(A1)"),
            std::string::npos);
  EXPECT_NE(unit.find("javascript:alert(1)"), std::string::npos);  // shown, as text
  // The parsed page holds the hostile text as text, never as elements.
  auto doc = html::Document::parse(unit);
  for (const html::Node* n : doc->elements()) {
    EXPECT_FALSE(n->is("script") || n->is("img")) << "an element came from page text";
  }
  const std::string json = read_file(dir / "report.json");
  EXPECT_EQ(json.find("<script"), std::string::npos);
  auto j = nlohmann::json::parse(json);
  bool found = false;
  for (const auto& p : j["pages"]) {
    if (p["title"] != kHostile) continue;
    for (const auto& f : p["findings"]) {
      if (f["rule"] != "image-alt") continue;
      found = true;
      EXPECT_EQ(f["args"][0], kHostile);
      EXPECT_EQ(f["snippet"], "<img alt=\"" + std::string(kHostile) + "\" src=x onerror=alert(1)>");
      EXPECT_EQ(f["selector"], "img[alt=\"<script>\"]");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(j["media"][1]["name"], kHostile);
}

// The site step's results: an overview row per site, a "Webbplatsen" section on the pages of
// the units with pages on it (each with its own findings), and the same in JSON and CSV.
TEST_F(ScanReportTest, SiteResultsPerCommittee) {
  ASSERT_TRUE(write().ok());
  const std::string index = read_file(dir / "index.html");
  EXPECT_NE(index.find("id=\"webbplatser\""), std::string::npos);
  EXPECT_NE(index.find("unit-kommunstyrelsen.html#webbplatsen"), std::string::npos);
  const std::string sbn = read_file(dir / "unit-stadsbyggnadsnamnden.html");
  EXPECT_NE(sbn.find("id=\"webbplatsen\""), std::string::npos);
  EXPECT_NE(sbn.find("Länk till DIGG:s anmälningsfunktion</th><td>Saknas"), std::string::npos);
  EXPECT_NE(sbn.find("https://example.se/borta"), std::string::npos) << "the unit's own broken link";
  EXPECT_NE(sbn.find("Länken ”&lt;script&gt;"), std::string::npos);
  // The company has no pages on the site: no statement table, and it says so.
  const std::string company = read_file(dir / "unit-bolaget.html");
  EXPECT_EQ(company.find("https://example.se/borta"), std::string::npos);
  EXPECT_NE(company.find("Enheten har inga granskade sidor på de kontrollerade webbplatserna."), std::string::npos);

  auto j = nlohmann::json::parse(read_file(dir / "report.json"));
  ASSERT_EQ(j["sites"].size(), 1u);
  EXPECT_EQ(j["sites"][0]["statement"]["link_text"], kHostile);
  EXPECT_EQ(j["sites"][0]["findings"].size(), 1u);

  auto rows = parse_csv(read_file(dir / "findings.csv"));
  std::size_t site_rows = 0;
  for (const auto& r : rows) {
    if (r.size() > 6 && r[6].starts_with("site-")) {
      ++site_rows;
      EXPECT_EQ(r[8], "webbplats");
    }
  }
  EXPECT_EQ(site_rows, 3u) << "two statement items and one finding";

  ASSERT_TRUE(write(Lang::En).ok());
  const std::string en = read_file(dir / "unit-stadsbyggnadsnamnden.html");
  EXPECT_NE(en.find("id=\"webbplatsen\">The site</h2>"), std::string::npos);
  EXPECT_NE(en.find("which answered HTTP 404"), std::string::npos);
  EXPECT_EQ(en.find("Webbplatsen "), std::string::npos);
}

// Rules that test only AAA criteria (beyond the WCAG 2.1 AA the city must meet).
bool only_aaa(const engine::RuleInfo& info) {
  for (const engine::CriterionRef& c : info.criteria) {
    if (engine::find_criterion(c.number)->level != engine::Level::AAA) return false;
  }
  return !info.criteria.empty();
}

// The report is a public document: granska's own rules must find no failure in it, and
// nothing at level A or AA that needs a person to look.
void expect_passes_own_check(const std::filesystem::path& dir) {
  std::map<std::string, int> cant_tell;
  std::size_t pages = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".html") continue;
    ++pages;
    const std::string name = e.path().filename().string();
    auto doc = html::Document::parse(read_file(e.path()));
    auto ev = engine::evaluate(*doc, "https://example.se/rapport/" + name, engine::Registry::builtin());
    for (const engine::RuleResult& r : ev.rules) {
      for (const engine::Finding& f : r.findings) {
        if (f.outcome == engine::Outcome::Failed) {
          ADD_FAILURE() << name << ": " << r.rule->info.id << " (" << engine::to_string(r.rule->info.kind)
                        << "): " << f.text(Lang::En) << " at " << engine::locate(f.node).selector;
        } else if (f.outcome == engine::Outcome::CantTell && !only_aaa(r.rule->info)) {
          ++cant_tell[std::string(r.rule->info.id) + ": " + f.text(Lang::En) + " at " + engine::locate(f.node).selector];
        }
      }
    }
  }
  EXPECT_GT(pages, 1u);
  // cantTell needs a person; list what is left so a change that adds some is seen.
  for (const auto& [what, n] : cant_tell) std::cout << "[cantTell x" << n << "] " << what << "\n";
  EXPECT_TRUE(cant_tell.empty());
}

TEST_F(ScanReportTest, ReportPagesPassGranskasOwnCheck) {
  for (Lang lang : {Lang::Sv, Lang::En}) {
    ASSERT_TRUE(write(lang).ok());
    expect_passes_own_check(dir);
  }
}

// The city: 20 units, 5 monthly scans of 20,000 pages (the browser tests take 50,000). What
// a committee must act on comes first, every page is accounted for, the review's view has
// every unit and criterion, and every page of the report passes granska's own check.
TEST(ScanReportAtScale, TwentyUnitsFiveScans) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                    ("granska-scale-report-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  figures::testing::SyntheticScanSource src(5, 20000);
  const org::OrgMap map = figures::testing::synthetic_map();
  ScanReportOptions o;
  o.generated_at = "2026-06-01T06:00:00Z";
  auto r = write_scan_report(src, &map, *org::find_profile("dos-review"), engine::Registry::builtin(), o, dir);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->scan, 5);
  EXPECT_EQ(r->units, 20u);
  EXPECT_GE(r->pages, 20000u - 19u);

  const auto j = nlohmann::json::parse(read_file(dir / "report.json"));
  ASSERT_EQ(j["units"].size(), 20u);
  ASSERT_EQ(j["history"].size(), 5u);
  // The overview order: Nej, Delvis, Ja, not assessed; most failures first within each.
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& u : j["units"]) by_id[u["id"]] = u;
  auto rank = [](const std::string& s) {
    return s == "unsatisfactory" ? 0 : s == "partial" ? 1 : s == "satisfactory" ? 2 : 3;
  };
  std::set<std::string> statuses;
  for (std::size_t i = 0; i < j["overview_order"].size(); ++i) {
    const auto& u = by_id[j["overview_order"][i]];
    statuses.insert(u["status"].get<std::string>());
    if (i == 0) continue;
    const auto& prev = by_id[j["overview_order"][i - 1]];
    const int a = rank(prev["status"]), b = rank(u["status"]);
    EXPECT_LE(a, b);
    if (a == b) {
      EXPECT_GE(prev["figures"]["failures"].get<int>(), u["figures"]["failures"].get<int>());
    }
  }
  EXPECT_EQ(statuses.size(), 4u) << "every status occurs in the fixture";
  EXPECT_EQ(by_id["namnden-utan-sidor"]["status"], "not-assessed");
  // Every page accounted for: 404s, 500s, robots.txt and aliases, per unit.
  const auto& ks = by_id["kommunstyrelsen"]["figures"];
  EXPECT_EQ(ks["aliases"], 2) << "index.html (same body) and the last page (canonical)";
  EXPECT_EQ(ks["blocked"], 1);
  EXPECT_GE(ks["error_pages"], 1);
  EXPECT_EQ(ks["not_checkable"].get<int>(), ks["error_pages"].get<int>() + ks["blocked"].get<int>());
  const std::string unit = read_file(dir / "unit-kommunstyrelsen.html");
  EXPECT_NE(unit.find("https://malmo.se/sida-00002"), std::string::npos) << "the 404 page is listed";
  EXPECT_NE(unit.find("robots.txt"), std::string::npos);
  EXPECT_NE(unit.find("https://malmo.se/index.html"), std::string::npos) << "the alias is listed";
  const std::string worst = read_file(dir / ("unit-" + j["overview_order"][0].get<std::string>() + ".html"));
  EXPECT_NE(worst.find("<details>\n<summary>Visa alla: "), std::string::npos) << "long listings are collapsed";
  // The review's view and the status per scan.
  const std::string review = read_file(dir / "granskning.csv");
  EXPECT_EQ(parse_csv(std::string_view(review).substr(3)).size(), 1 + 20 * 12u);
  const std::string index = read_file(dir / "index.html");
  EXPECT_NE(index.find("id=\"t-status-over-tid\""), std::string::npos);
  EXPECT_NE(index.find("förslag – fastställs av stadskontoret"), std::string::npos);
  EXPECT_NE(index.find("2026-05-01<br>02:30"), std::string::npos) << "scan times in Swedish summer time";
  EXPECT_NE(index.find("2026-01-01<br>02:30"), std::string::npos) << "and in winter time";
  for (const auto& u : j["units"]) {
    EXPECT_TRUE(std::filesystem::exists(dir / ("unit-" + u["id"].get<std::string>() + ".html"))) << u["id"];
  }
  expect_passes_own_check(dir);
  std::filesystem::remove_all(dir);
}

TEST_F(ScanReportTest, EnglishReport) {
  ASSERT_TRUE(write(Lang::En).ok());
  const std::string index = read_file(dir / "index.html");
  EXPECT_NE(index.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(index.find("City Executive Board"), std::string::npos);
  EXPECT_NE(index.find("No, needs attention immediately"), std::string::npos);
  EXPECT_EQ(index.find("Kommunstyrelsen"), std::string::npos);
  EXPECT_EQ(index.find("Översikt"), std::string::npos);
  const std::string csv = read_file(dir / "findings.csv");
  EXPECT_NE(csv.find("page_url"), std::string::npos);
  EXPECT_NE(read_file(dir / "unit-kommunstyrelsen.html").find("The page has no title"), std::string::npos);
}

TEST_F(ScanReportTest, SameInputSameOutput) {
  ASSERT_TRUE(write().ok());
  std::map<std::string, std::string> first;
  for (const auto& e : std::filesystem::directory_iterator(dir)) first[e.path().filename()] = read_file(e.path());
  ASSERT_TRUE(write().ok());
  for (const auto& [name, content] : first) EXPECT_EQ(read_file(dir / name), content) << name;
}

TEST_F(ScanReportTest, NoCompleteScanIsAnError) {
  figures::testing::MemoryScanSource empty;
  ScanReportOptions o;
  auto r = write_scan_report(empty, &map, *org::find_profile("dos-review"), engine::Registry::builtin(), o, dir);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().text(Lang::Sv).find("ingen avslutad genomsökning"), std::string::npos);
}

TEST_F(ScanReportTest, WithoutAMapStoredUnitsAreUsed) {
  results::MediaRow m;
  m.page_url = "https://example.se/gammal";
  m.unit = "okand";  // met on no page
  results::MediaRow evil = m;
  evil.unit = "../../etc/x";
  m.kind = "audio";
  src.scans[1].media.push_back(m);
  src.scans[1].media.push_back(evil);
  ScanReportOptions o;
  o.generated_at = "2026-11-09T08:00:00Z";
  auto r = write_scan_report(src, nullptr, *org::find_profile("dos-review"), engine::Registry::builtin(), o, dir);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->units, 5u);
  EXPECT_TRUE(std::filesystem::exists(dir / "unit-okand.html"));
  EXPECT_TRUE(std::filesystem::exists(dir / "unit-______etc_x-4.html"));
  EXPECT_TRUE(std::filesystem::exists(dir / "unit-bolaget.html"));
}

TEST_F(ScanReportTest, OneScanHasNoTrend) {
  src.scans.erase(src.scans.begin());
  ASSERT_TRUE(write().ok());
  auto j = nlohmann::json::parse(read_file(dir / "report.json"));
  EXPECT_TRUE(j["previous_scan"].is_null());
  EXPECT_TRUE(j["units"][0]["trend"].is_null());
  EXPECT_NE(read_file(dir / "index.html").find("ingen tidigare avslutad genomsökning"), std::string::npos);
}

}  // namespace
}  // namespace granska::reports

namespace granska::reports::scan_report {
namespace {

TEST(ScanReportText, JsonStringsAreValidAndInert) {
  EXPECT_EQ(json_string("a\xff\x01<>&\"\\\n"), "\"a\xEF\xBF\xBD\\u0001\\u003c\\u003e\\u0026\\\"\\\\\\n\"");
  EXPECT_EQ(json_string("Malmö stad – å"), "\"Malmö stad – å\"");
  EXPECT_EQ(nlohmann::json::parse(json_string("x\xc3(y")).get<std::string>(), "x\xEF\xBF\xBD(y");
}

TEST(ScanReportText, CsvCellsAreCleanAndQuoted) {
  EXPECT_EQ(clean_utf8("ok\tå\x01\xfe"), "ok\tå\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(csv_cell("rad 1\r\nrad 2"), "\"rad 1\r\nrad 2\"");
  EXPECT_EQ(csv_cell("+46 40 34 10 00"), "'+46 40 34 10 00");
  EXPECT_EQ(csv_cell("@import"), "'@import");
  EXPECT_EQ(csv_cell("\t=1"), "'\t=1");
  EXPECT_EQ(csv_cell("vanlig text"), "vanlig text");
}

}  // namespace
}  // namespace granska::reports::scan_report

namespace granska::reports {
namespace {

TEST(HtmlPage, TextIsEscapedLikeXml) {
  for (std::string_view s : {"plain text", "<a href=\"x\">&'</a>", "å\xff\xfe<\x01>\n\ttext", "\xc3", "ok\xc3\xa5ok",
                             "\xe2\x80", "a\r\nb"}) {
    EXPECT_EQ(html_text(s), escape_xml(s, true)) << s;
  }
  EXPECT_TRUE(is_http_url("HTTPS://malmo.se/"));
  EXPECT_FALSE(is_http_url("javascript:alert(1)"));
  EXPECT_EQ(html_link("javascript:alert(1)", "x<"), "x&lt;");
  EXPECT_EQ(html_link("https://malmo.se/?a=1&b=\"", "Malmö"), "<a href=\"https://malmo.se/?a=1&amp;b=&quot;\">Malmö</a>");
}

}  // namespace
}  // namespace granska::reports
