// The CI formats of `granska check`: SARIF 2.1.0 (required properties, levels, locations,
// stable fingerprints), JUnit XML (parses with libxml2, counts match the elements) and
// EARL for a page, all fed hostile page content that must come out escaped and intact.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "engine/evaluate.h"
#include "html/dom.h"
#include "reports/page/report.h"
#include "reports/common/xml_escape.h"

namespace granska::reports {
namespace {

using nlohmann::json;

// The first element of `array` whose `key` is `value` (rules run in id order, so tests
// look things up instead of counting positions).
const json& find(const json& array, const std::string& key, const std::string& value) {
  for (const json& e : array) {
    if (e.contains(key) && e[key] == value) return e;
  }
  static const json none;
  ADD_FAILURE() << "no " << key << " = " << value;
  return none;
}

TEST(XmlEscape, MarkupAndQuotesBecomeEntities) {
  EXPECT_EQ(escape_xml("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  EXPECT_EQ(escape_xml("]]>"), "]]&gt;");
  EXPECT_EQ(escape_xml("åäö – ok 😀"), "åäö – ok 😀");
}

TEST(XmlEscape, ForbiddenCharactersAreReplaced) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(escape_xml(std::string("a\x00" "b", 3)), "a" + fffd + "b");
  EXPECT_EQ(escape_xml("\x1b[31m\x01\x7f"), fffd + "[31m" + fffd + "\x7f");  // DEL is allowed in XML 1.0
  EXPECT_EQ(escape_xml("\xff\xfe x"), fffd + fffd + " x");                    // invalid UTF-8
  EXPECT_EQ(escape_xml("\xC3"), fffd);                                         // truncated sequence
  EXPECT_EQ(escape_xml("\xC0\xAF"), fffd + fffd);                              // overlong '/'
  EXPECT_EQ(escape_xml("\xED\xA0\x80"), fffd + fffd + fffd);                   // a surrogate
  EXPECT_EQ(escape_xml("\xEF\xBF\xBF"), fffd);                                 // U+FFFF
}

TEST(XmlEscape, WhitespaceSurvivesInAttributes) {
  EXPECT_EQ(escape_xml("a\tb\nc\rd"), "a\tb\nc&#13;d");
  EXPECT_EQ(escape_xml("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
}

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD

const engine::Message kFail{"fail", {"fel {0}", "wrong {0}"}};
const engine::Message kUnsure{"unsure", {"osäker {0}", "unsure {0}"}};
const engine::Message kOk{"ok", {"bra", "good"}};
const engine::RuleInfo kReq{.id = "req-rule",
                            .title = {"Krav", "Requirement"},
                            .description = {"Beskrivning", "Description"},
                            .help = {"Åtgärda", "Fix it"},
                            .criteria = {engine::sc("1.1.1"), engine::sc("4.1.2")},
                            .impact = engine::Impact::Serious,
                            .messages = {&kFail, &kUnsure, &kOk}};
const engine::RuleInfo kUnsureOnly{.id = "unsure-rule",
                                   .title = {"Osäker", "Unsure"},
                                   .description = {"B", "D"},
                                   .help = {"H", "H"},
                                   .criteria = {engine::sc("1.3.1")},
                                   .impact = engine::Impact::Moderate,
                                   .messages = {&kUnsure}};
const engine::RuleInfo kNothing{.id = "never-applies",
                                .title = {"Aldrig", "Never"},
                                .description = {"B", "D"},
                                .help = {"H", "H"},
                                .criteria = {engine::sc("2.4.2")},
                                .impact = engine::Impact::Minor,
                                .messages = {&kOk}};
const engine::RuleInfo kPractice{.id = "practice-rule",
                                 .title = {"Praxis", "Practice"},
                                 .description = {"B", "D"},
                                 .help = {"H", "H"},
                                 .criteria = {engine::sc("1.3.1")},
                                 .impact = engine::Impact::Minor,
                                 .kind = engine::RuleKind::BestPractice,
                                 .messages = {&kFail}};

// img: failed with its (hostile) alt text; p: cantTell; b: passed. unsure-rule: cantTell
// on every p; practice-rule: a best-practice failure on every img.
class CiWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry.add(req);
    registry.add(unsure);
    registry.add(nothing);
    registry.add(practice);
    page.target = "pages/start.html";
    page.url = "file:///repo/pages/start.html";
    page.sha256 = "abc123";
    page.decoded.encoding = "utf-8";
    page.notes.push_back(Error{"2 invalid bytes", "2 ogiltiga byte"});
  }
  engine::PageEvaluation evaluate() { return engine::evaluate(*doc, page.url, registry); }

  engine::Rule req{kReq, [](engine::Context& ctx, engine::Reporter& out) {
                     for (const html::Node* e : ctx.doc.elements()) {
                       if (e->is("img")) out.failed(e, kFail, {std::string(e->attr("alt").value_or(""))});
                       if (e->is("p")) out.cant_tell(e, kUnsure, {"p"});
                       if (e->is("b")) out.passed(e, kOk);
                     }
                   }};
  engine::Rule unsure{kUnsureOnly, [](engine::Context& ctx, engine::Reporter& out) {
                        for (const html::Node* e : ctx.doc.elements()) {
                          if (e->is("p")) out.cant_tell(e, kUnsure, {"]]></failure><x>\x1b[31m\x01"});
                        }
                      }};
  engine::Rule nothing{kNothing, [](engine::Context&, engine::Reporter&) {}};
  engine::Rule practice{kPractice, [](engine::Context& ctx, engine::Reporter& out) {
                          for (const html::Node* e : ctx.doc.elements()) {
                            if (e->is("img")) out.failed(e, kFail, {"img"});
                          }
                        }};
  engine::Registry registry;
  // Markup, quotes, an ESC and a NUL-like control, and invalid UTF-8 in the page.
  std::unique_ptr<html::Document> doc = html::Document::parse(
      "<main>\n<img alt='</script>\"&amp;\x1b[31m\x01' src=x>\n<p>text</p><b>ok</b>\n"
      "<img alt='\xff\xfe bad' src=y></main>");
  input::Page page;
};

TEST_F(CiWriterTest, SarifHasTheRequiredPropertiesAndOnlyProblems) {
  auto ev = evaluate();
  std::ostringstream out;
  write_sarif(out, PageReport{page, ev}, Options{Lang::En, false, false});
  json j = json::parse(out.str());
  EXPECT_EQ(j["version"], "2.1.0");
  EXPECT_NE(j["$schema"].get<std::string>().find("sarif-schema-2.1.0.json"), std::string::npos);
  ASSERT_EQ(j["runs"].size(), 1u);
  const json& run = j["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "granska");
  EXPECT_TRUE(driver["version"].is_string());
  ASSERT_EQ(driver["rules"].size(), 4u);  // every rule that ran
  const json& r0 = find(driver["rules"], "id", "req-rule");
  EXPECT_EQ(r0["id"], "req-rule");
  EXPECT_EQ(r0["shortDescription"]["text"], "Requirement");
  EXPECT_EQ(r0["fullDescription"]["text"], "Description");
  EXPECT_EQ(r0["help"]["text"], "Fix it");
  EXPECT_EQ(r0["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(r0["properties"]["wcag"], json({"1.1.1", "4.1.2"}));
  EXPECT_EQ(r0["properties"]["en_301_549"], json({"9.1.1.1", "9.4.1.2"}));
  EXPECT_EQ(find(driver["rules"], "id", "practice-rule")["defaultConfiguration"]["level"], "warning");  // best practice

  // 2 failed img + 1 cantTell p (req-rule), 1 cantTell p (unsure-rule), 2 warnings
  // (practice-rule); the passed b and the inapplicable rule are not results.
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 6u) << results.dump(1);
  std::map<std::string, int> levels;
  for (const json& r : results) {
    ++levels[r["level"].get<std::string>()];
    const std::size_t idx = r["ruleIndex"].get<std::size_t>();
    ASSERT_LT(idx, driver["rules"].size());
    EXPECT_EQ(driver["rules"][idx]["id"], r["ruleId"]);
    EXPECT_FALSE(r["message"]["text"].get<std::string>().empty());
    const json& loc = r["locations"][0];
    EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uri"], "pages/start.html");  // relative: the repo's path
    EXPECT_GE(loc["physicalLocation"]["region"]["startLine"].get<int>(), 1);
    EXPECT_GE(loc["physicalLocation"]["region"]["startColumn"].get<int>(), 1);
    EXPECT_FALSE(loc["logicalLocations"][0]["fullyQualifiedName"].get<std::string>().empty());
    EXPECT_EQ(r["partialFingerprints"]["granskaFinding/v1"].get<std::string>().size(), 64u);
  }
  EXPECT_EQ(levels["error"], 2);
  EXPECT_EQ(levels["note"], 2);
  EXPECT_EQ(levels["warning"], 2);

  // Hostile text comes back exactly (JSON escaping only), invalid bytes replaced.
  const json& first = find(results, "ruleId", "req-rule");
  // (the HTML parser already turned the attribute's ESC and U+0001 into U+FFFD)
  EXPECT_EQ(first["message"]["text"], "wrong </script>\"&" + kFffd + "[31m" + kFffd);
  EXPECT_EQ(find(results, "ruleId", "unsure-rule")["message"]["text"],
            "Needs manual review: unsure ]]></failure><x>\x1b[31m\x01");
  EXPECT_EQ(first["locations"][0]["physicalLocation"]["region"]["startLine"], 2);
  EXPECT_NE(first["locations"][0]["physicalLocation"]["region"]["snippet"]["text"].get<std::string>().find("</script>"),
            std::string::npos);
  EXPECT_EQ(find(results, "kind", "review")["message"]["text"], "Needs manual review: unsure p");
  EXPECT_EQ(find(results, "kind", "review")["level"], "note");
  EXPECT_EQ(run["artifacts"][0]["hashes"]["sha-256"], "abc123");
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], true);
  ASSERT_EQ(run["invocations"][0]["toolExecutionNotifications"].size(), 1u);  // the page note
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"], "2 invalid bytes");
}

TEST_F(CiWriterTest, SarifFingerprintsAreStableAndDistinct) {
  auto ev = evaluate();
  std::ostringstream a, b;
  write_sarif(a, PageReport{page, ev}, Options{});
  // Same page, one line added at the top: same findings, other lines, same fingerprints.
  doc = html::Document::parse(
      "\n<main>\n<img alt='</script>\"&amp;\x1b[31m\x01' src=x>\n<p>text</p><b>ok</b>\n"
      "<img alt='\xff\xfe bad' src=y></main>");
  auto ev2 = evaluate();
  write_sarif(b, PageReport{page, ev2}, Options{});
  json ja = json::parse(a.str()), jb = json::parse(b.str());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < ja["runs"][0]["results"].size(); ++i) {
    const json& ra = ja["runs"][0]["results"][i];
    const json& rb = jb["runs"][0]["results"][i];
    EXPECT_EQ(ra["partialFingerprints"], rb["partialFingerprints"]);
    EXPECT_NE(ra["locations"][0]["physicalLocation"]["region"]["startLine"],
              rb["locations"][0]["physicalLocation"]["region"]["startLine"]);
    seen.insert(ra["partialFingerprints"]["granskaFinding/v1"].get<std::string>());
  }
  EXPECT_EQ(seen.size(), ja["runs"][0]["results"].size());
}

// Parses the JUnit XML and checks that every count attribute matches the elements.
struct JunitCounts {
  int suites = 0, cases = 0, failures = 0, skipped = 0, errors = 0;
  std::vector<std::string> failure_texts, case_names, skipped_messages;
};

int int_attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  int out = v ? std::atoi(reinterpret_cast<const char*>(v)) : -1;
  xmlFree(v);
  return out;
}

bool named(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

JunitCounts parse_junit(const std::string& xml) {
  JunitCounts c;
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr, XML_PARSE_NONET);
  EXPECT_NE(doc, nullptr) << "not well-formed XML:\n" << xml;
  if (!doc) return c;
  xmlNode* root = xmlDocGetRootElement(doc);
  EXPECT_TRUE(named(root, "testsuites"));
  int total_cases = 0, total_f = 0, total_s = 0, total_e = 0;
  for (xmlNode* s = root->children; s; s = s->next) {
    if (!named(s, "testsuite")) continue;
    ++c.suites;
    int cases = 0, f = 0, sk = 0, e = 0;
    for (xmlNode* t = s->children; t; t = t->next) {
      if (!named(t, "testcase")) continue;
      ++cases;
      xmlChar* name = xmlGetProp(t, reinterpret_cast<const xmlChar*>("name"));
      c.case_names.emplace_back(reinterpret_cast<const char*>(name));
      xmlFree(name);
      for (xmlNode* k = t->children; k; k = k->next) {
        if (named(k, "failure")) {
          ++f;
          xmlChar* text = xmlNodeGetContent(k);
          c.failure_texts.emplace_back(reinterpret_cast<const char*>(text));
          xmlFree(text);
        }
        if (named(k, "skipped")) {
          ++sk;
          xmlChar* msg = xmlGetProp(k, reinterpret_cast<const xmlChar*>("message"));
          c.skipped_messages.emplace_back(msg ? reinterpret_cast<const char*>(msg) : "");
          xmlFree(msg);
        }
        if (named(k, "error")) ++e;
      }
    }
    EXPECT_EQ(int_attr(s, "tests"), cases);
    EXPECT_EQ(int_attr(s, "failures"), f);
    EXPECT_EQ(int_attr(s, "skipped"), sk);
    EXPECT_EQ(int_attr(s, "errors"), e);
    total_cases += cases, total_f += f, total_s += sk, total_e += e;
  }
  EXPECT_EQ(int_attr(root, "tests"), total_cases);
  EXPECT_EQ(int_attr(root, "failures"), total_f);
  EXPECT_EQ(int_attr(root, "skipped"), total_s);
  EXPECT_EQ(int_attr(root, "errors"), total_e);
  c.cases = total_cases, c.failures = total_f, c.skipped = total_s, c.errors = total_e;
  xmlFreeDoc(doc);
  return c;
}

TEST_F(CiWriterTest, JunitCountsMatchAndHostileTextIsEscaped) {
  auto ev = evaluate();
  std::ostringstream out;
  write_junit(out, PageReport{page, ev}, Options{Lang::Sv, false, false});
  JunitCounts c = parse_junit(out.str());
  // 1.1.1 and 4.1.2 fail (req-rule), 1.3.1 needs manual review (unsure-rule; the best
  // practice fails no criterion), 2.4.2 was not touched (its rule was inapplicable).
  EXPECT_EQ(c.suites, 1);
  EXPECT_EQ(c.cases, 3);
  EXPECT_EQ(c.failures, 2);
  EXPECT_EQ(c.skipped, 1);
  EXPECT_EQ(c.errors, 0);
  ASSERT_EQ(c.case_names.size(), 3u);
  EXPECT_EQ(c.case_names[0], "1.1.1 Icke-textuellt innehåll (A, EN 301 549 9.1.1.1)");
  EXPECT_EQ(c.case_names[1].substr(0, 5), "1.3.1");
  ASSERT_EQ(c.failure_texts.size(), 2u);
  const std::string& text = c.failure_texts[0];
  // Markup comes back as text; ESC and U+0001 (forbidden in XML 1.0) as U+FFFD.
  EXPECT_NE(text.find("req-rule: fel </script>\"&" + kFffd + "[31m" + kFffd + " (rad 2, kolumn 1, "), std::string::npos) << text;
  EXPECT_NE(text.find("Kräver dessutom manuell granskning:"), std::string::npos) << text;
  // ESC and U+0001 straight from a rule's message argument: replaced, never copied.
  EXPECT_EQ(out.str().find('\x1b'), std::string::npos);
  EXPECT_EQ(out.str().find('\x01'), std::string::npos);
  EXPECT_NE(out.str().find("Varningar (god praxis"), std::string::npos);  // in system-out
  EXPECT_NE(out.str().find("]]&gt;&lt;/failure&gt;&lt;x&gt;" + kFffd + "[31m" + kFffd), std::string::npos) << out.str();
}

TEST_F(CiWriterTest, JunitForSeveralPages) {
  auto ev = evaluate();
  input::Page other = page;
  other.url = "https://example.se/\"<a>&";
  std::vector<PageReport> reports{PageReport{page, ev}, PageReport{other, ev}};
  std::ostringstream out;
  write_junit(out, reports, Options{});
  JunitCounts c = parse_junit(out.str());
  EXPECT_EQ(c.suites, 2);
  EXPECT_EQ(c.cases, 6);
  EXPECT_EQ(c.failures, 4);
}

// Accepted failures (audit --accepted): suppressed in SARIF, skipped in JUnit, with the
// justification from the accepted-issues file escaped like page content.
TEST_F(CiWriterTest, AcceptedFailuresAreSuppressedInSarifAndSkippedInJunit) {
  auto ev = evaluate();
  std::vector<const engine::Finding*> imgs;
  for (const engine::RuleResult& rr : ev.rules) {
    if (rr.rule->info.id != "req-rule") continue;
    for (const engine::Finding& f : rr.findings) {
      if (f.outcome == engine::Outcome::Failed) imgs.push_back(&f);
    }
  }
  ASSERT_EQ(imgs.size(), 2u);
  const std::string hostile = "Byts i 4.2 \"<b>&</b>\"\n\x1b[31m";
  Suppressions suppressed{{imgs[0], {hostile, "2027-03-31", "MALMO-1"}}};

  std::ostringstream sarif;
  write_sarif(sarif, PageReport{page, ev}, Options{Lang::Sv, false, false, &suppressed});
  json j = json::parse(sarif.str());
  int with = 0, without = 0;
  for (const json& res : j["runs"][0]["results"]) {
    if (res["ruleId"] != "req-rule" || res["kind"] != "fail") continue;
    if (!res.contains("suppressions")) {
      ++without;
      continue;
    }
    ++with;
    ASSERT_EQ(res["suppressions"].size(), 1u);
    const json& sup = res["suppressions"][0];
    EXPECT_EQ(sup["kind"], "external");
    EXPECT_EQ(sup["status"], "accepted");
    EXPECT_EQ(sup["justification"], hostile);  // JSON escaping: intact after parsing
    EXPECT_EQ(sup["properties"]["expires"], "2027-03-31");
    EXPECT_EQ(sup["properties"]["ticket"], "MALMO-1");
  }
  EXPECT_EQ(with, 1);
  EXPECT_EQ(without, 1);

  // One of two failures accepted: the criteria still fail, the accepted one is listed apart.
  std::ostringstream junit;
  write_junit(junit, PageReport{page, ev}, Options{Lang::Sv, false, false, &suppressed});
  JunitCounts c = parse_junit(junit.str());
  EXPECT_EQ(c.failures, 2);
  ASSERT_FALSE(c.failure_texts.empty());
  EXPECT_NE(c.failure_texts[0].find("Accepterade brister (accepterad till 2027-03-31: Byts i 4.2"), std::string::npos)
      << c.failure_texts[0];

  // Both accepted: 1.1.1 and 4.1.2 are skipped with the acceptance as message, nothing fails.
  suppressed[imgs[1]] = {hostile, "2027-03-31", ""};
  junit.str("");
  write_junit(junit, PageReport{page, ev}, Options{Lang::En, false, false, &suppressed});
  c = parse_junit(junit.str());
  EXPECT_EQ(c.failures, 0);
  EXPECT_EQ(c.skipped, 3);
  const std::string expected = "accepted until 2027-03-31: Byts i 4.2 \"<b>&</b>\"\n" + kFffd + "[31m";
  EXPECT_EQ(std::count(c.skipped_messages.begin(), c.skipped_messages.end(), expected), 2) << junit.str();
  EXPECT_EQ(junit.str().find('\x1b'), std::string::npos);
}

TEST_F(CiWriterTest, EarlForACheckedPage) {
  auto ev = evaluate();
  std::ostringstream out;
  write_earl(out, std::span<const PageReport>(std::vector<PageReport>{PageReport{page, ev}}), Options{Lang::En, false, false});
  json j = json::parse(out.str());
  EXPECT_EQ(j["@context"], "https://www.w3.org/WAI/content-assets/wcag-act-rules/earl-context.json");
  ASSERT_EQ(j["@graph"].size(), 2u);  // the assertor and the page
  const json& subject = j["@graph"][1];
  EXPECT_EQ(subject["source"], page.url);
  // req-rule: 2 failed + 1 cantTell + 1 passed; unsure-rule: 1; never-applies: 1
  // inapplicable; practice-rule: 2.
  ASSERT_EQ(subject["assertions"].size(), 8u);
  std::map<std::string, int> outcomes;
  for (const json& a : subject["assertions"]) {
    EXPECT_EQ(a["@type"], "Assertion");
    EXPECT_EQ(a["assertedBy"], j["@graph"][0]["@id"]);
    EXPECT_EQ(a["mode"], "earl:automatic");
    EXPECT_TRUE(a["test"]["title"].is_string());
    ++outcomes[a["result"]["outcome"].get<std::string>()];
  }
  EXPECT_EQ(outcomes["earl:failed"], 4);
  EXPECT_EQ(outcomes["earl:cantTell"], 2);
  EXPECT_EQ(outcomes["earl:passed"], 1);
  EXPECT_EQ(outcomes["earl:inapplicable"], 1);
  const json* first = nullptr;
  for (const json& a : subject["assertions"]) {
    if (a["test"]["title"] == "req-rule" && !first) first = &a;
  }
  ASSERT_NE(first, nullptr);
  EXPECT_EQ((*first)["result"]["info"], "wrong </script>\"&" + kFffd + "[31m" + kFffd);
  EXPECT_EQ((*first)["test"]["isPartOf"][0]["@id"], "WCAG2:non-text-content");
  int p_assertions = 0;
  for (const json& a : subject["assertions"]) {
    if (a["result"].value("pointer", "") != "html > body > main > p") continue;
    ++p_assertions;
    EXPECT_EQ(a["result"]["outcome"], "earl:cantTell");
  }
  EXPECT_EQ(p_assertions, 2);
}

}  // namespace
}  // namespace granska::reports

namespace granska::reports {
namespace {

// A rule that throws is a granska bug: SARIF says so as a tool notification, JUnit as an
// <error> on the criterion, and neither file breaks.
const engine::RuleInfo kBroken{.id = "broken-rule",
                               .title = {"Trasig", "Broken"},
                               .description = {"B", "D"},
                               .help = {"H", "H"},
                               .criteria = {engine::sc("3.1.1")},
                               .impact = engine::Impact::Serious,
                               .messages = {}};

TEST(CiWriterErrors, ARuleThatThrowsIsReportedAsAnError) {
  engine::Rule broken{kBroken, [](engine::Context&, engine::Reporter&) { throw std::runtime_error("boom <&>"); }};
  engine::Registry registry;
  registry.add(broken);
  auto doc = html::Document::parse("<p>x</p>");
  input::Page page;
  page.target = page.url = "https://example.se/";
  auto ev = engine::evaluate(*doc, page.url, registry);

  std::ostringstream sarif_out;
  write_sarif(sarif_out, PageReport{page, ev}, Options{Lang::En, false, false});
  json run = json::parse(sarif_out.str())["runs"][0];
  const json& n = run["invocations"][0]["toolExecutionNotifications"];
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0]["level"], "error");
  EXPECT_EQ(n[0]["message"]["text"], "boom <&>");
  EXPECT_EQ(n[0]["associatedRule"]["id"], "broken-rule");
  EXPECT_EQ(run["artifacts"][0]["location"]["uri"], "https://example.se/");

  std::ostringstream junit_out;
  write_junit(junit_out, PageReport{page, ev}, Options{Lang::En, false, false});
  const std::string xml = junit_out.str();
  xmlDoc* x = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr, XML_PARSE_NONET);
  ASSERT_NE(x, nullptr) << xml;
  xmlFreeDoc(x);
  EXPECT_NE(xml.find("errors=\"1\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("<error message=\"the rule could not run\" type=\"rule-error\">broken-rule: boom &lt;&amp;&gt;"),
            std::string::npos) << xml;
}

}  // namespace
}  // namespace granska::reports
