// End-to-end tests of `granska check` and `granska rules`: the real binary, real files and
// a real HTTP server on 127.0.0.1. They assert exit codes, languages and output formats.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "engine/registry.h"
#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using testing::fixture_path;
using testing::run_granska;

int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(CheckCommand, GoodPageExitsZeroInSwedish) {
  auto r = run_granska({"check", fixture_path("cli/good.html")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Sammanfattning: 0 underkända"), std::string::npos) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;
}

TEST(CheckCommand, FindingsExitOneWithWhereAndHowToFix) {
  auto r = run_granska({"check", fixture_path("cli/bad.html")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("1.1.1 Icke-textuellt innehåll — nivå A, EN 301 549 9.1.1.1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("image-alt: Bilden saknar textalternativ"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rad 6, kolumn 1 · html > body > main > img"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("<img src=\"ritning.png\">"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Så åtgärdar du:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("html-has-lang"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colour when not on a terminal";
}

TEST(CheckCommand, EnglishOnRequest) {
  auto r = run_granska({"check", "--lang", "en", fixture_path("cli/bad.html")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("1.1.1 Non-text Content — level A"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The image has no text alternative"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("How to fix:"), std::string::npos);
}

TEST(CheckCommand, BestPracticeWarningsDoNotSetTheExitCode) {
  // warnings-only.html skips a heading level (h1 → h3): heading-order warns, no criterion fails.
  auto r = run_granska({"check", fixture_path("cli/warnings-only.html")});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("! Varning (god praxis) [") , std::string::npos) << r.out;
  EXPECT_NE(r.out.find("heading-order:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Sammanfattning: 0 underkända, 1 varning (god praxis)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Underkänd"), std::string::npos) << r.out;
}

TEST(CheckCommand, FailOnLevel) {
  // bad.html: image-alt is critical, html-has-lang serious.
  EXPECT_EQ(run_granska({"check", "--fail-on", "critical", fixture_path("cli/bad.html")}).exit_code, 1);
  auto r = run_granska({"check", "--fail-on", "critical", "--skip-rules", "image-alt", fixture_path("cli/bad.html")});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(run_granska({"check", "--fail-on", "serious", "--skip-rules", "image-alt", fixture_path("cli/bad.html")}).exit_code, 1);
}

TEST(CheckCommand, JsonIsVersionedAndComplete) {
  auto r = run_granska({"check", "--format", "json", fixture_path("cli/bad.html")});
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema_version"], 2);
  EXPECT_EQ(j["tool"]["name"], "granska");
  EXPECT_EQ(j["lang"], "sv");
  EXPECT_EQ(j["page"]["encoding"], "utf-8");
  EXPECT_EQ(j["page"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_TRUE(j["page"]["url"].get<std::string>().starts_with("file:///"));
  bool found = false;
  for (const auto& f : j["findings"]) {
    if (f["rule"] == "image-alt" && f["outcome"] == "failed") {
      found = true;
      EXPECT_EQ(f["message_id"], "no-name");
      EXPECT_EQ(f["selector"], "html > body > main > img");
      EXPECT_EQ(f["line"], 6);
      EXPECT_EQ(f["column"], 1);
      EXPECT_EQ(f["criteria"][0]["sc"], "1.1.1");
      EXPECT_EQ(f["criteria"][0]["en_301_549"], "9.1.1.1");
      EXPECT_EQ(f["impact"], "critical");
    }
  }
  EXPECT_TRUE(found) << r.out;
  // Passed elements are counted (summary, each rule's "omitted"), listed only when asked.
  EXPECT_GE(j["summary"]["passed"].get<int>(), 1);
  std::size_t omitted_passed = 0;
  for (const auto& rule : j["rules"]) {
    if (rule.contains("omitted")) omitted_passed += rule["omitted"]["passed"].get<std::size_t>();
  }
  EXPECT_EQ(omitted_passed, j["summary"]["passed"].get<std::size_t>());
  std::size_t listed_failed = 0;
  for (const auto& f : j["findings"]) {
    EXPECT_NE(f["outcome"], "passed") << f.dump();
    listed_failed += f["outcome"] == "failed";
  }
  auto all = nlohmann::json::parse(run_granska({"check", "--format", "json", "--show-passed", fixture_path("cli/bad.html")}).out);
  std::size_t listed_passed = 0;
  for (const auto& f : all["findings"]) listed_passed += f["outcome"] == "passed";
  EXPECT_EQ(listed_passed, j["summary"]["passed"].get<std::size_t>());
  EXPECT_EQ(all["findings"].size(), j["findings"].size() + listed_passed);
  EXPECT_EQ(all["summary"], j["summary"]);
  EXPECT_GE(listed_failed, 1u);
  std::size_t page_rules = 0;  // document rules (PDF, Office) do not run on a page
  for (const engine::Rule* rule : engine::Registry::builtin().rules()) page_rules += rule->info.subject == engine::Subject::Page;
  EXPECT_EQ(j["rules"].size(), page_rules);
}

TEST(CheckCommand, ReadsStandardInput) {
  auto r = run_granska({"check", "--format", "json", "-"}, testing::read_fixture("cli/good.html"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["page"]["url"], "stdin:");
}

TEST(CheckCommand, EmptyFileIsCheckedNormally) {
  auto r = run_granska({"check", fixture_path("checks/page-title/failed-empty-file.html")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("Sidan saknar titel"), std::string::npos) << r.out;
}

TEST(CheckCommand, PageContentIsEscapedForTheTerminal) {
  auto r = run_granska({"check", "--show-passed", fixture_path("cli/hostile.html")});
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "an escape sequence from the page reached the terminal";
  EXPECT_NE(r.out.find("\\x1B[31mRÖD"), std::string::npos) << r.out;
  auto j = run_granska({"check", "--format", "json", fixture_path("cli/hostile.html")});
  auto parsed = nlohmann::json::parse(j.out);  // must stay valid JSON
  EXPECT_EQ(parsed["findings"].size(), parsed["findings"].size());
}

// Bad input: one clear line on stderr, exit code 2, never a crash.
void expect_run_failed(const std::vector<std::string>& args, const std::string& needle) {
  auto r = run_granska(args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(count_lines(r.err), 1) << r.err;
  EXPECT_EQ(r.err.rfind("granska: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST(CheckCommand, BadLocalInput) {
  expect_run_failed({"check", fixture_path("cli/does-not-exist.html")}, "does-not-exist.html");
  expect_run_failed({"check", fixture_path("cli")}, "katalog");
  expect_run_failed({"check", fixture_path("cli/document.pdf")}, "PDF");
  expect_run_failed({"check", fixture_path("cli/document-named.html")}, "PDF");
  expect_run_failed({"check", "--max-size", "0.0001", fixture_path("cli/good.html")}, "good.html");
}

TEST(CheckCommand, BadArguments) {
  expect_run_failed({"check"}, "target måste anges");
  expect_run_failed({"check", "--format", "xml", "x.html"}, "xml");
  expect_run_failed({"check", "--rules", "no-such-rule", fixture_path("cli/good.html")}, "no-such-rule");
  expect_run_failed({"frobnicate"}, "frobnicate");
}

class CheckOverHttp : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(server.start()); }
  testing::FixtureServer server{testing::fixture_path("demo-site")};
};

TEST_F(CheckOverHttp, ChecksAPublishedPage) {
  auto r = run_granska({"check", "--format", "json", server.url("/bygglov.html")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["page"]["http_status"], 200);
  EXPECT_EQ(j["page"]["url"], server.url("/bygglov.html"));
}

TEST_F(CheckOverHttp, Latin1PageDecodedFromMetaCharset) {
  auto r = run_granska({"check", "--format", "json", "--show-passed", server.url("/nyheter.html")});
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["page"]["encoding"], "windows-1252");
  EXPECT_EQ(j["page"]["encoding_source"], "meta");
  bool title_ok = false;
  for (const auto& f : j["findings"]) {
    if (f["rule"] == "page-title") title_ok = f["message"].get<std::string>().find("Nyheter") != std::string::npos;
    if (f["rule"] == "image-alt") {
      EXPECT_NE(f["message"].get<std::string>().find("på förskolans gård"), std::string::npos);
    }
  }
  EXPECT_TRUE(title_ok) << r.out;
}

TEST_F(CheckOverHttp, FollowsAndReportsRedirects) {
  auto r = run_granska({"check", "--format", "json", server.url("/_test/redirect-chain?to=/index.html")});
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["page"]["redirects"].size(), 3u);
  EXPECT_EQ(j["page"]["url"], server.url("/index.html"));
}

TEST_F(CheckOverHttp, NetworkFailuresExitTwo) {
  expect_run_failed({"check", server.url("/finns-inte.html")}, "404");
  expect_run_failed({"check", server.url("/_test/status/500")}, "500");
  expect_run_failed({"check", "--timeout", "0.3", server.url("/_test/slow?ms=3000")}, "300 ms");
  expect_run_failed({"check", server.url("/_test/redirect-loop")}, "omdirigering");
  std::string tls_url = server.url("/index.html");
  tls_url.replace(0, 4, "https");
  expect_run_failed({"check", tls_url}, "TLS");
  expect_run_failed({"check", "--max-size", "0.01", server.url("/_test/big?bytes=200000")}, "10485 B");
  expect_run_failed({"check", server.url("/_test/binary")}, "PDF");
}

TEST(RulesCommand, ListsTheCatalogueInBothFormats) {
  auto text = run_granska({"rules"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("image-alt  Bilder har textalternativ"), std::string::npos) << text.out;
  auto json = run_granska({"rules", "--format", "json"});
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["schema_version"], 1);
  std::vector<std::string> ids;
  for (const auto& r : j["rules"]) ids.push_back(r["id"]);
  std::vector<std::string> registered;
  for (const engine::Rule* rule : engine::Registry::builtin().rules()) registered.emplace_back(rule->info.id);
  EXPECT_EQ(ids, registered);
  for (const auto& r : j["rules"]) {
    if (r["id"] != "image-alt") continue;
    EXPECT_EQ(r["title"]["en"], "Images have a text alternative");
    EXPECT_EQ(r["act_rules"][0], "23a2a8");
  }
}

TEST(Program, VersionAndHelp) {
  auto v = run_granska({"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_EQ(v.out.rfind("granska ", 0), 0u);
  auto h = run_granska({"check", "--help"});
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.out.find("Granska en sida"), std::string::npos) << h.out;
}

}  // namespace
}  // namespace granska

namespace granska {
namespace {

// docs/rules.md is generated; this keeps it from going stale when a rule changes.
TEST(RulesCommand, DocsRulesMdIsUpToDate) {
  auto md = testing::run_granska({"rules", "--format", "markdown"});
  ASSERT_EQ(md.exit_code, 0);
  std::ifstream in(testing::source_dir() + "/docs/rules.md", std::ios::binary);
  std::stringstream committed;
  committed << in.rdbuf();
  EXPECT_EQ(committed.str(), md.out) << "regenerate: build/granska rules --format markdown > docs/rules.md";
}

}  // namespace
}  // namespace granska

namespace granska {
namespace {

// A page with the same problem on many links, and one AAA-only failure.
std::string many_links_page() {
  std::string html = "<!DOCTYPE html><html lang=\"sv\"><head><title>Nyheter</title></head><body><main><h1>Nyheter</h1>\n";
  for (int i = 0; i < 40; ++i) {
    html += "<p>Nyhet " + std::to_string(i) + ". <a href=\"/n" + std::to_string(i) + "\">Läs mer</a></p>\n";
  }
  html += "<img src=\"karta.png\">\n</main></body></html>\n";
  return html;
}

TEST(CheckCommand, SummaryFirstAndIdenticalFindingsGrouped) {
  auto r = testing::run_granska({"check", "-"}, many_links_page());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // 41: the 40 links and images-of-text asking about the image.
  const auto summary = r.out.find("Sammanfattning: 1 underkänd, 0 varningar (god praxis), 41 kräver manuell granskning.");
  ASSERT_NE(summary, std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  2.4.4 Syfte med länk (i sitt sammanhang) (A): 40 kräver manuell granskning"), std::string::npos) << r.out;
  EXPECT_LT(summary, r.out.find("1.1.1 Icke-textuellt innehåll — nivå A"));
  EXPECT_NE(r.out.find("Samma problem på 40 länkar, de första 3:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("… och 37 till (--all visar alla)"), std::string::npos) << r.out;
  // Said once per kind, not once per link; "how to fix" once per rule.
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n') < 40, true) << r.out;
  EXPECT_NE(r.out.find("https://www.w3.org/Translations/WCAG21-sv/#link-purpose-in-context"), std::string::npos);
}

TEST(CheckCommand, AllIsTheOldFlatList) {
  auto r = testing::run_granska({"check", "--all", "-"}, many_links_page());
  EXPECT_EQ(r.exit_code, 1);
  std::size_t n = 0;
  for (auto at = r.out.find("link-text-generic:"); at != std::string::npos; at = r.out.find("link-text-generic:", at + 1)) ++n;
  EXPECT_EQ(n, 40u) << r.out;
  EXPECT_GT(r.out.find("Sammanfattning:"), r.out.find("link-text-generic:"));
}

TEST(CheckCommand, ProfileDecidesWhatIsShownAndCounted) {
  // Grey on white at about 5.3:1: enough for 1.4.3 (AA, 4.5:1), not for 1.4.6 (AAA, 7:1).
  const std::string page =
      "<!DOCTYPE html><html lang=\"sv\"><head><title>T</title></head><body><main><h1>T</h1>"
      "<p style=\"color:#6b6b6b;background:#fff\">Grå text med kontrast runt 5:1.</p></main></body></html>";
  auto aa = testing::run_granska({"check", "-"}, page);
  EXPECT_EQ(aa.exit_code, 0) << aa.out;  // AAA is not counted in wcag21-aa
  EXPECT_EQ(aa.out.find("1.4.6"), std::string::npos) << aa.out;
  EXPECT_NE(aa.out.find("Utanför profilen: 1 fynd"), std::string::npos) << aa.out;
  auto aaa = testing::run_granska({"check", "--profile", "wcag21-aaa", "-"}, page);
  EXPECT_EQ(aaa.exit_code, 1) << aaa.out;
  EXPECT_NE(aaa.out.find("1.4.6 Kontrast (förbättrad) — nivå AAA"), std::string::npos) << aaa.out;
  // The machine formats are complete whatever the profile.
  auto json = testing::run_granska({"check", "--format", "json", "-"}, page);
  EXPECT_NE(json.out.find("text-contrast-enhanced"), std::string::npos);
  auto bad = testing::run_granska({"check", "--profile", "wcag99", "-"}, page);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("wcag99 är inte ett tillåtet värde"), std::string::npos) << bad.err;
}

TEST(CheckCommand, HtmlIsTheResultPageAsOneFile) {
  auto r = testing::run_granska({"check", "--format", "html", "-"}, many_links_page());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(r.out.find("<style>"), std::string::npos);  // self-contained
  EXPECT_EQ(r.out.find("<script"), std::string::npos);
  EXPECT_EQ(r.out.find("<link "), std::string::npos);
  EXPECT_NE(r.out.find("Granskningsresultat: Nyheter"), std::string::npos);
  EXPECT_NE(r.out.find("Samma problem på 40\u00a0länkar"), std::string::npos);
}

// Only the command named first is built (src/cli/main.cc): each name must build itself, and
// the top-level help still lists them all.
TEST(CheckCommand, EveryCommandBuildsAloneAndTheTopHelpListsAll) {
  const auto top = testing::run_granska({"--help"});
  ASSERT_EQ(top.exit_code, 0);
  for (const char* name : {"check", "rules", "inspect", "act", "pdfua", "crawl", "config", "prune", "audit",
                           "report", "diff", "scan", "serve", "site"}) {
    const auto help = testing::run_granska({name, "--help"});
    EXPECT_EQ(help.exit_code, 0) << name << help.err;
    EXPECT_NE(help.out.find(std::string("granska ") + name), std::string::npos) << name << help.out;
    EXPECT_NE(top.out.find(std::string("  ") + name), std::string::npos) << name;
  }
  const auto typo = testing::run_granska({"chek", "x.html"});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("okänt kommando: chek"), std::string::npos) << typo.err;
}

TEST(CheckCommand, HelpAndOptionErrorsInSwedish) {
  auto help = testing::run_granska({"check", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Användning:"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("Flaggor:"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("KRÄVS"), std::string::npos) << help.out;
  EXPECT_EQ(help.out.find("Options:"), std::string::npos) << help.out;
  // Type names, validator descriptions and the command group are localised only when help
  // is printed (not on every start): they must still be there.
  auto crawl_help = testing::run_granska({"crawl", "--help"});
  EXPECT_NE(crawl_help.out.find("--max-pages HELTAL:POSITIVT"), std::string::npos) << crawl_help.out;
  auto top_help = testing::run_granska({"--help"});
  EXPECT_NE(top_help.out.find("Kommandon:"), std::string::npos) << top_help.out;
  auto en = testing::run_granska({"check", "--lang", "en", "--help"});
  EXPECT_NE(en.out.find("Usage:"), std::string::npos) << en.out;
  auto extra = testing::run_granska({"check", "--bogus", "x.html"});
  EXPECT_NE(extra.err.find("oväntat argument: --bogus"), std::string::npos) << extra.err;
  auto number = testing::run_granska({"check", "--timeout", "snart", "x.html"});
  EXPECT_NE(number.err.find("--timeout: ogiltigt värde 'snart': ska vara > 0"), std::string::npos) << number.err;
}

}  // namespace
}  // namespace granska
