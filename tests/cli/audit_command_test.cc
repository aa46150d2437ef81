// End-to-end tests of `granska audit` on the fixture e-service (fixtures/e-service): the
// per-criterion table, the machine formats validated over several pages, the acceptance
// HTML checked by granska's own rules, identical reports for identical input, accepted
// issues and their expiry, and secrets that never reach any output.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "engine/evaluate.h"
#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::fixture_path;
using testing::run_granska;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

bool named(xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

int int_attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  int out = v ? std::atoi(reinterpret_cast<const char*>(v)) : -1;
  xmlFree(v);
  return out;
}

class AuditCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("granska-audit-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  testing::ProgramResult audit(std::vector<std::string> extra, const std::string& out = "rapport") {
    std::vector<std::string> args{"audit", "--urls", fixture_path("e-service/urls.txt"), "--service",
                                  "Parkeringstillstånd", "--output-dir", (dir_ / out).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_granska(args);
  }
  fs::path dir_;
};

std::map<std::string, std::string> results(const json& report) {
  std::map<std::string, std::string> m;
  for (const json& r : report["criteria"]) m[r["criterion"].get<std::string>()] = r["result"].get<std::string>();
  return m;
}

TEST_F(AuditCommand, TheFixtureServiceGivesTheExpectedPerCriterionTable) {
  auto r = audit({"--format", "html,json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // critical failures, --fail-on minor by default
  json j = json::parse(slurp(dir_ / "rapport/granska.json"));
  auto m = results(j);
  EXPECT_EQ(m.size(), 50u);
  EXPECT_EQ(m["1.1.1"], "failed");         // the logo without alt
  EXPECT_EQ(m["2.4.4"], "failed");         // the logo link without a name
  EXPECT_EQ(m["4.1.2"], "failed");         // the icon button, and the logo link
  EXPECT_EQ(m["1.2.2"], "notApplicable");  // no video anywhere
  EXPECT_EQ(m["1.2.5"], "notApplicable");
  EXPECT_EQ(m["1.4.2"], "notApplicable");
  EXPECT_EQ(m["2.1.2"], "needsReview");    // no rule tests keyboard traps
  EXPECT_EQ(m["3.3.1"], "needsReview");
  EXPECT_EQ(m["2.4.2"], "passed");
  EXPECT_EQ(m["3.1.1"], "passed");
  EXPECT_EQ(m["1.3.5"], "passed");         // valid autocomplete values on the form
  EXPECT_EQ(j["verdict"]["result"], "failed");
  ASSERT_EQ(j["pages"].size(), 3u);
  for (const json& p : j["pages"]) EXPECT_EQ(p["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(j["scope"]["ruleSet"]["sha256"].get<std::string>().size(), 64u);

  const std::string html = slurp(dir_ / "rapport/granska.html");
  EXPECT_NE(html.find("<th scope=\"row\">1.2.2 Undertexter (förinspelat)"), std::string::npos);
  for (const char* label : {"Godkänd", "Underkänd", "Ej tillämplig", "Kräver manuell granskning", "Kvar att granska"}) {
    EXPECT_NE(html.find(label), std::string::npos) << label;
  }
  EXPECT_NE(html.find("href=\"#fynd-1\""), std::string::npos);
  EXPECT_NE(html.find("id=\"fynd-1\""), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  // The shared page shell (reports/html_page.h): skip link, section navigation, main.
  EXPECT_NE(html.find("<a class=\"skip\" href=\"#main\">Hoppa till innehållet</a>"), std::string::npos);
  EXPECT_NE(html.find("<nav aria-label=\"Rapportens avsnitt\">"), std::string::npos);
  EXPECT_NE(html.find("<li><a href=\"#kriterier\">Resultat per kriterium</a></li>"), std::string::npos);
  EXPECT_NE(html.find("<main id=\"main\""), std::string::npos);
}

TEST_F(AuditCommand, EnglishReport) {
  auto r = audit({"--format", "html", "--lang", "en"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string html = slurp(dir_ / "rapport/granska.html");
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  for (const char* label : {"Passed", "Failed", "Not applicable", "Needs manual review"}) {
    EXPECT_NE(html.find(label), std::string::npos) << label;
  }
}

TEST_F(AuditCommand, SameInputGivesTheSameReportApartFromTheDate) {
  ASSERT_EQ(audit({"--format", "html,json"}, "a").exit_code, 1);
  ASSERT_EQ(audit({"--format", "html,json"}, "b").exit_code, 1);
  auto without_date = [](std::string s) {
    return std::regex_replace(s, std::regex(R"((<dt>Datum</dt>|"date": ).*\n)"), "");
  };
  for (const char* f : {"granska.html", "granska.json"}) {
    const std::string a = slurp(dir_ / "a" / f), b = slurp(dir_ / "b" / f);
    EXPECT_EQ(without_date(a), without_date(b)) << f;
    EXPECT_NE(without_date(a), a) << "the date line is there";
  }
}

TEST_F(AuditCommand, TheAcceptanceReportPassesGranskasOwnChecks) {
  ASSERT_EQ(audit({"--format", "html"}).exit_code, 1);
  auto doc = html::Document::parse(slurp(dir_ / "rapport/granska.html"));
  engine::PageEvaluation e = engine::evaluate(*doc, "file:///rapport/granska.html", engine::Registry::builtin());
  for (const engine::RuleResult& rr : e.rules) {
    if (rr.rule->info.kind != engine::RuleKind::Requirement) continue;
    EXPECT_NE(rr.outcome, engine::Outcome::Failed) << rr.rule->info.id;
    EXPECT_TRUE(rr.error.empty()) << rr.rule->info.id;
  }
}

TEST_F(AuditCommand, MachineFormatsAreValidOverSeveralPages) {
  ASSERT_EQ(audit({"--format", "earl,junit,sarif"}).exit_code, 1);
  // EARL as JSON-LD: the ACT context, a TestSubject per page, Assertions with test and result.
  json earl = json::parse(slurp(dir_ / "rapport/granska.earl.jsonld"));
  EXPECT_EQ(earl["@context"], "https://www.w3.org/WAI/content-assets/wcag-act-rules/earl-context.json");
  std::set<std::string> outcomes;
  int subjects = 0;
  for (const json& node : earl["@graph"]) {
    const json& type = node["@type"];
    if (std::find(type.begin(), type.end(), "TestSubject") == type.end()) continue;
    ++subjects;
    EXPECT_TRUE(node["source"].get<std::string>().starts_with("file://"));
    ASSERT_FALSE(node["assertions"].empty());
    for (const json& as : node["assertions"]) {
      EXPECT_EQ(as["@type"], "Assertion");
      EXPECT_EQ(as["mode"], "earl:automatic");
      EXPECT_FALSE(as["test"]["title"].get<std::string>().empty());
      EXPECT_TRUE(as["test"]["isPartOf"].is_array());
      EXPECT_EQ(as["result"]["@type"], "TestResult");
      outcomes.insert(as["result"]["outcome"].get<std::string>());
    }
  }
  EXPECT_EQ(subjects, 3);
  for (const std::string& o : outcomes) {
    EXPECT_TRUE(o == "earl:passed" || o == "earl:failed" || o == "earl:cantTell" || o == "earl:inapplicable") << o;
  }
  EXPECT_TRUE(outcomes.count("earl:failed") && outcomes.count("earl:passed") && outcomes.count("earl:inapplicable"));

  // JUnit: parses, and the counts on the elements match the test cases.
  const std::string xml = slurp(dir_ / "rapport/granska.junit.xml");
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr);
  xmlNode* root = xmlDocGetRootElement(doc);
  EXPECT_TRUE(named(root, "testsuites"));
  int suites = 0, tests = 0, failures = 0;
  for (xmlNode* s = root->children; s; s = s->next) {
    if (!named(s, "testsuite")) continue;
    ++suites;
    int t = 0, f = 0;
    for (xmlNode* c = s->children; c; c = c->next) {
      if (!named(c, "testcase")) continue;
      ++t;
      for (xmlNode* k = c->children; k; k = k->next) f += named(k, "failure");
    }
    EXPECT_EQ(int_attr(s, "tests"), t);
    EXPECT_EQ(int_attr(s, "failures"), f);
    tests += t, failures += f;
  }
  EXPECT_EQ(suites, 3);
  EXPECT_EQ(int_attr(root, "tests"), tests);
  EXPECT_EQ(int_attr(root, "failures"), failures);
  EXPECT_GE(failures, 3);
  xmlFreeDoc(doc);

  // SARIF 2.1.0: the required properties.
  json sarif = json::parse(slurp(dir_ / "rapport/granska.sarif"));
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_NE(sarif["$schema"].get<std::string>().find("sarif-schema-2.1.0"), std::string::npos);
  ASSERT_EQ(sarif["runs"].size(), 1u);
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["name"], "granska");
  ASSERT_FALSE(sarif["runs"][0]["results"].empty());
  for (const json& res : sarif["runs"][0]["results"]) {
    EXPECT_TRUE(res["ruleId"].is_string());
    EXPECT_TRUE(res["message"]["text"].is_string());
    ASSERT_TRUE(res["locations"].is_array());
    EXPECT_TRUE(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].is_string());
  }
}

constexpr const char* kAccepted = R"(
[[accepted]]
rule = "image-alt"
url_prefix = "file://"
justification = "Logotypen byts i release 4.2"
expires = 2027-03-31
ticket = "MALMO-1234"

[[accepted]]
rule = "link-name"
url_prefix = "file://"
justification = "Logotypen byts i release 4.2"
expires = 2027-03-31

[[accepted]]
rule = "page-title"
url_prefix = "https://e.malmo.se/"
justification = "Gammal post"
expires = 2027-03-31
)";

TEST_F(AuditCommand, AcceptedFailuresPassTheGateUntilTheyExpire) {
  spit(dir_ / "accepted.toml", kAccepted);
  const std::string start = fixture_path("e-service/index.html");
  auto run = [&](const char* today, const char* out) {
    return run_granska({"audit", start, "--accepted", (dir_ / "accepted.toml").string(), "--today", today,
                        "--format", "html,junit,sarif", "--output-dir", (dir_ / out).string()});
  };
  // The image-alt result in the SARIF file, with its suppressions (null when none).
  auto image_alt = [&](const char* out) {
    const json sarif = json::parse(slurp(dir_ / out / "granska.sarif"));
    json found;
    for (const json& res : sarif["runs"][0]["results"]) {
      if (res["ruleId"] == "image-alt") found = res;
    }
    return found;
  };
  auto before = run("2027-03-31", "fore");
  EXPECT_EQ(before.exit_code, 0) << before.err;
  const std::string html = slurp(dir_ / "fore/granska.html");
  EXPECT_NE(html.find("Accepterad (till 2027-03-31): Logotypen byts i release 4.2"), std::string::npos);
  EXPECT_NE(html.find("Accepterad brist"), std::string::npos);
  EXPECT_NE(html.find("<code>page-title</code> https://e.malmo.se/…"), std::string::npos);  // stale entry listed
  const std::string junit = slurp(dir_ / "fore/granska.junit.xml");
  EXPECT_EQ(junit.find("<failure"), std::string::npos);
  // Visible but not failing: a skipped case with the acceptance, a suppressed SARIF result.
  EXPECT_NE(junit.find("<skipped message=\"accepterad till 2027-03-31: Logotypen byts i release 4.2\"/>"),
            std::string::npos) << junit;
  const json accepted = image_alt("fore");
  ASSERT_TRUE(accepted.is_object());
  EXPECT_EQ(accepted["level"], "error");
  ASSERT_EQ(accepted["suppressions"].size(), 1u);
  EXPECT_EQ(accepted["suppressions"][0]["kind"], "external");
  EXPECT_EQ(accepted["suppressions"][0]["status"], "accepted");
  EXPECT_EQ(accepted["suppressions"][0]["justification"], "Logotypen byts i release 4.2");
  EXPECT_EQ(accepted["suppressions"][0]["properties"]["expires"], "2027-03-31");
  EXPECT_EQ(accepted["suppressions"][0]["properties"]["ticket"], "MALMO-1234");

  auto after = run("2027-04-01", "efter");
  EXPECT_EQ(after.exit_code, 1) << after.err;
  EXPECT_NE(slurp(dir_ / "efter/granska.html").find("acceptansen gick ut 2027-03-31"), std::string::npos);
  EXPECT_NE(slurp(dir_ / "efter/granska.junit.xml").find("<failure"), std::string::npos);
  EXPECT_EQ(slurp(dir_ / "efter/granska.junit.xml").find("accepterad till"), std::string::npos);
  const json expired = image_alt("efter");
  ASSERT_TRUE(expired.is_object());
  EXPECT_FALSE(expired.contains("suppressions"));
}

TEST_F(AuditCommand, AMalformedAcceptedFileIsAClearError) {
  spit(dir_ / "accepted.toml", "[[accepted]]\nrule = \"image-alt\"\nurl_prefix = \"file://\"\nexpires = 2027-03-31\n");
  auto r = audit({"--accepted", (dir_ / "accepted.toml").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("accepted.toml:1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("justification"), std::string::npos) << r.err;
  spit(dir_ / "accepted.toml", "[[accepted]]\nrule = \"image-alt\"\nurl_prefix = \"file://\"\njustification = \"j\"\nexpires = \"2027-3-31\"\n");
  r = audit({"--accepted", (dir_ / "accepted.toml").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("accepted.toml:5"), std::string::npos) << r.err;
}

TEST_F(AuditCommand, SecretsAreNeverWrittenAnywhere) {
  testing::FixtureServer server(fixture_path("e-service"));
  ASSERT_TRUE(server.start());
  spit(dir_ / "urls.txt", server.url("/index.html") + "\n" + server.url("/steg-1.html") + "\n" +
                              server.url("/klart.html") + "\n" + server.url("/_test/status/500") + "\n" +
                              server.url("/_test/echo-header?name=Authorization") + "\n" +
                              "http://anna:url-losen-99@127.0.0.1:" + std::to_string(server.port()) + "/klart.html\n");
  spit(dir_ / "cookies.txt", "# Netscape HTTP Cookie File\n127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\themligkaka-4711\n");
  ::setenv("GRANSKA_TEST_AUTH", "anna:hemligt-losen-0815", 1);
  auto r = run_granska({"audit", "--urls", (dir_ / "urls.txt").string(), "--header", "X-Api-Key: hemlig-nyckel-42",
                        "--cookie-file", (dir_ / "cookies.txt").string(), "--auth-env", "GRANSKA_TEST_AUTH",
                        "--format", "html,json,earl,junit,sarif,text", "--output-dir", (dir_ / "ut").string()});
  ::unsetenv("GRANSKA_TEST_AUTH");
  EXPECT_EQ(r.exit_code, 1) << r.err;  // failures; the pages that failed to load are listed
  std::string everything = r.out + r.err;
  for (const auto& f : fs::directory_iterator(dir_ / "ut")) everything += slurp(f.path());
  const std::string basic = "YW5uYTpoZW1saWd0LWxvc2VuLTA4MTU=";  // base64 of the credentials
  for (const std::string& secret : {std::string("hemlig-nyckel-42"), std::string("hemligkaka-4711"),
                                    std::string("hemligt-losen-0815"), std::string("url-losen-99"), basic}) {
    EXPECT_EQ(everything.find(secret), std::string::npos) << secret;
  }
  const std::string html = slurp(dir_ / "ut/granska.html");
  EXPECT_NE(html.find("ja (HTTP-huvuden, cookie-fil, Basic)"), std::string::npos);
  EXPECT_NE(html.find("Fel:"), std::string::npos);  // the 500 page is listed as an error
  EXPECT_NE(html.find("4 granskade, 2 kunde inte läsas"), std::string::npos);
}

TEST_F(AuditCommand, PagesFromASitemapOrASmallCrawl) {
  testing::FixtureServer server(fixture_path("e-service"));
  ASSERT_TRUE(server.start());
  auto r = run_granska({"audit", "--sitemap", server.url("/sitemap.xml"), "--format", "json", "--output-dir",
                        (dir_ / "karta").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = json::parse(slurp(dir_ / "karta/granska.json"));
  ASSERT_EQ(j["pages"].size(), 3u);
  EXPECT_EQ(j["pages"][1]["url"], server.url("/steg-1.html"));
  EXPECT_EQ(j["pages"][1]["httpStatus"], 200);

  // A sitemap is capped by --max-pages, and the cut is said; listed pages never are.
  r = run_granska({"audit", "--sitemap", server.url("/sitemap.xml"), "--max-pages", "2", "--format", "json",
                   "--output-dir", (dir_ / "tak").string()});
  EXPECT_EQ(json::parse(slurp(dir_ / "tak/granska.json"))["pages"].size(), 2u);
  EXPECT_NE(r.err.find("--max-pages"), std::string::npos) << r.err;
  r = audit({"--max-pages", "1", "--format", "json"}, "lista");
  EXPECT_EQ(json::parse(slurp(dir_ / "lista/granska.json"))["pages"].size(), 3u);

  // The start page links to the form step only; the crawl stays within --max-pages.
  r = run_granska({"audit", server.url("/index.html"), "--crawl", "--max-pages", "5", "--format", "json",
                   "--output-dir", (dir_ / "krypning").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  j = json::parse(slurp(dir_ / "krypning/granska.json"));
  std::set<std::string> urls;
  for (const json& p : j["pages"]) urls.insert(p["url"].get<std::string>());
  EXPECT_TRUE(urls.count(server.url("/index.html")));
  EXPECT_TRUE(urls.count(server.url("/steg-1.html")));
}

// Like `check`, audit fetches the caption tracks of a page from the web, so a track that
// 404s fails 1.2.2 in every format, and a valid WebVTT track passes it.
TEST_F(AuditCommand, CaptionTracksOfWebPagesAreFetched) {
  testing::FixtureServer server(fixture_path("e-service"));
  ASSERT_TRUE(server.start());
  auto r = run_granska({"audit", server.url("/film-gammal.html"), "--format", "json,sarif", "--output-dir",
                        (dir_ / "trasig").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = json::parse(slurp(dir_ / "trasig/granska.json"));
  EXPECT_EQ(results(j)["1.2.2"], "failed");
  bool track_issue = false;
  for (const json& is : j["issues"]) {
    track_issue = track_issue || (is["rule"] == "video-caption" && is["state"] == "failed" &&
                                  is["message"].get<std::string>().find("om-tillstand.sv.vtt") != std::string::npos);
  }
  EXPECT_TRUE(track_issue) << j["issues"].dump(1);
  bool in_sarif = false;
  const json sarif = json::parse(slurp(dir_ / "trasig/granska.sarif"));
  for (const json& res : sarif["runs"][0]["results"]) {
    in_sarif = in_sarif || (res["ruleId"] == "video-caption" && res["level"] == "error");
  }
  EXPECT_TRUE(in_sarif);
  const std::vector<std::string> requests = server.requests();
  EXPECT_NE(std::find(requests.begin(), requests.end(), "/film/om-tillstand.sv.vtt"), requests.end());

  r = run_granska({"audit", server.url("/film.html"), "--format", "json", "--output-dir", (dir_ / "hel").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(results(json::parse(slurp(dir_ / "hel/granska.json")))["1.2.2"], "passed");
}

TEST_F(AuditCommand, AProfileFromTheConfigurationFile) {
  spit(dir_ / "granska.toml", "profile = \"dos-review\"\n");
  auto r = audit({"--config", (dir_ / "granska.toml").string(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = json::parse(slurp(dir_ / "rapport/granska.json"));
  EXPECT_EQ(j["scope"]["profile"]["id"], "dos-review");
  EXPECT_EQ(j["criteria"].size(), 12u);
  EXPECT_EQ(audit({"--profile", "finns-inte"}).exit_code, 2);
}

TEST_F(AuditCommand, PageContentIsEscapedInTheReport) {
  spit(dir_ / "fientlig.html",
       "<!DOCTYPE html><html lang=\"sv\"><head><title>x</title></head><body><main>"
       "<img id=\"a&quot;><script>alert(1)</script>\" src=\"x.png\" data-x=\"</pre><script>alert(2)</script>\">"
       "<a href=\"/\"><img src=\"y.png\" alt=\"\"></a></main></body></html>");
  auto r = run_granska({"audit", (dir_ / "fientlig.html").string(), "--service", "<script>alert(3)</script>",
                        "--format", "html,json", "--output-dir", (dir_ / "ut").string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string html = slurp(dir_ / "ut/granska.html");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(3)"), std::string::npos);
  EXPECT_NO_THROW(json::parse(slurp(dir_ / "ut/granska.json")));
}

TEST_F(AuditCommand, OnlyUnloadablePagesIsARunFailure) {
  auto r = run_granska({"audit", (dir_ / "finns-inte.html").string(), "--format", "html", "--output-dir",
                        (dir_ / "ut").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(slurp(dir_ / "ut/granska.html").find("Ofullständig"), std::string::npos);
  r = run_granska({"audit"});
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace granska
