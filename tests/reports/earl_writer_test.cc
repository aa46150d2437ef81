// The EARL JSON-LD writer: the shape act-tools reads (TestSubject + Assertions with
// test.title, result.outcome, mode, assertedBy), WCAG requirement ids, escaping, and
// assertions made from an ordinary page evaluation (for the acceptance report).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/registry.h"
#include "html/dom.h"
#include "reports/page/earl.h"

namespace granska::reports {
namespace {

using nlohmann::json;

TEST(EarlWriter, RequirementIdsAreTheWcagSlugs) {
  EXPECT_EQ(wcag_requirement_id("1.1.1"), "WCAG2:non-text-content");
  EXPECT_EQ(wcag_requirement_id("2.4.2"), "WCAG2:page-titled");
  EXPECT_EQ(wcag_requirement_id("4.1.2"), "WCAG2:name-role-value");
  EXPECT_EQ(wcag_requirement_id("1.2.1"), "WCAG2:audio-only-and-video-only-prerecorded");
  EXPECT_EQ(wcag_requirement_id("1.2.9"), "WCAG2:audio-only-live");
  EXPECT_EQ(wcag_requirement_id("2.2.5"), "WCAG2:re-authenticating");
  EXPECT_EQ(wcag_requirement_id("3.3.4"), "WCAG2:error-prevention-legal-financial-data");
  EXPECT_EQ(wcag_requirement_id("2.4.4"), "WCAG2:link-purpose-in-context");
  EXPECT_EQ(wcag_requirement_id("9.9.9"), "");
}

TEST(EarlWriter, WritesTheActImplementationReportShape) {
  std::vector<EarlSubject> subjects{
      {"https://example.test/testcases/2779a5/abc.html",
       "Page title — Failed Example 1",
       {EarlAssertion{"page-title", {"2.4.2"}, EarlOutcome::Failed, "Sidan saknar \"titel\" </script>", "html"},
        EarlAssertion{"page-title", {"2.4.2"}, EarlOutcome::Untested, "", ""}}}};
  std::ostringstream out;
  write_earl(out, EarlAssertor{"granska", "9.9.9", "", "https://example.test/granska"}, subjects);
  json j = json::parse(out.str());

  EXPECT_EQ(j["@context"], "https://www.w3.org/WAI/content-assets/wcag-act-rules/earl-context.json");
  ASSERT_EQ(j["@graph"].size(), 2u);
  const json& assertor = j["@graph"][0];
  EXPECT_EQ(assertor["@id"], "_:granska");
  EXPECT_EQ(assertor["@type"], (json{"Assertor", "Software", "Project"}));
  EXPECT_EQ(assertor["name"], "granska");
  EXPECT_EQ(assertor["homepage"], "https://example.test/granska");
  EXPECT_EQ(assertor["release"]["revision"], "9.9.9");

  const json& subject = j["@graph"][1];
  EXPECT_EQ(subject["@type"], (json{"TestSubject", "WebPage"}));
  EXPECT_EQ(subject["source"], "https://example.test/testcases/2779a5/abc.html");
  EXPECT_EQ(subject["title"], "Page title — Failed Example 1");
  ASSERT_EQ(subject["assertions"].size(), 2u);
  const json& a = subject["assertions"][0];
  EXPECT_EQ(a["@type"], "Assertion");
  EXPECT_EQ(a["assertedBy"], "_:granska");
  EXPECT_EQ(a["mode"], "earl:automatic");
  EXPECT_EQ(a["test"]["title"], "page-title");
  EXPECT_EQ(a["test"]["isPartOf"][0]["@id"], "WCAG2:page-titled");
  EXPECT_EQ(a["test"]["isPartOf"][0]["title"], "WCAG 2.1 SC 2.4.2: Page Titled");
  EXPECT_EQ(a["result"]["outcome"], "earl:failed");
  EXPECT_EQ(a["result"]["info"], "Sidan saknar \"titel\" </script>") << "page text survives, JSON-escaped";
  EXPECT_EQ(a["result"]["pointer"], "html");
  const json& untested = subject["assertions"][1];
  EXPECT_EQ(untested["result"]["outcome"], "earl:untested");
  EXPECT_FALSE(untested["result"].contains("info"));
  EXPECT_FALSE(untested["result"].contains("pointer"));
}

TEST(EarlWriter, DefaultsToTheRunningVersionAndSurvivesInvalidUtf8) {
  std::vector<EarlSubject> subjects{{"file:///x.html", "", {EarlAssertion{"r", {}, EarlOutcome::CantTell, "bad \xff byte", ""}}}};
  std::ostringstream out;
  write_earl(out, EarlAssertor{}, subjects);
  json j = json::parse(out.str());
  EXPECT_FALSE(j["@graph"][0]["release"]["revision"].get<std::string>().empty());
  EXPECT_FALSE(j["@graph"][1].contains("title"));
  EXPECT_EQ(j["@graph"][1]["assertions"][0]["result"]["outcome"], "earl:cantTell");
  EXPECT_EQ(j["@graph"][1]["assertions"][0]["test"]["isPartOf"], json::array());
}

const engine::Message kSeen{"seen", {"bild {0}", "image {0}"}};
const engine::Message kPage{"page", {"sidan", "the page"}};
const engine::RuleInfo kImgInfo{.id = "t-img", .title = {"i", "i"}, .criteria = {engine::sc("1.1.1")}, .messages = {&kSeen}};
const engine::RuleInfo kPageInfo{.id = "t-page", .title = {"p", "p"}, .criteria = {engine::sc("2.4.2"), engine::sc("3.1.1")},
                                 .messages = {&kPage}};
const engine::RuleInfo kNoneInfo{.id = "t-none", .title = {"n", "n"}, .criteria = {engine::sc("4.1.2")}, .messages = {&kPage}};

TEST(EarlWriter, AssertionsFromAPageEvaluation) {
  engine::Rule img{kImgInfo, [](engine::Context& ctx, engine::Reporter& out) {
                     for (const html::Node* e : ctx.doc.elements()) {
                       if (e->is("img")) out.failed(e, kSeen, {std::string(e->attr("src").value_or(""))});
                     }
                   }};
  engine::Rule page{kPageInfo, [](engine::Context&, engine::Reporter& out) { out.cant_tell(nullptr, kPage); }};
  engine::Rule none{kNoneInfo, [](engine::Context&, engine::Reporter&) {}};
  engine::Registry registry;
  registry.add(img);
  registry.add(page);
  registry.add(none);
  auto doc = html::Document::parse("<title>t</title><main><img src=a.png></main>");
  auto evaluation = engine::evaluate(*doc, "https://example.test/", registry);

  auto assertions = earl_assertions(evaluation, Lang::En);
  ASSERT_EQ(assertions.size(), 3u);
  EXPECT_EQ(assertions[0].test, "t-img");
  EXPECT_EQ(assertions[0].outcome, EarlOutcome::Failed);
  EXPECT_EQ(assertions[0].info, "image a.png");
  EXPECT_EQ(assertions[0].pointer, "html > body > main > img");
  EXPECT_EQ(assertions[0].criteria, std::vector<std::string>{"1.1.1"});
  EXPECT_EQ(assertions[1].test, "t-none");
  EXPECT_EQ(assertions[1].outcome, EarlOutcome::Inapplicable);
  EXPECT_EQ(assertions[2].test, "t-page");
  EXPECT_EQ(assertions[2].outcome, EarlOutcome::CantTell);
  EXPECT_EQ(assertions[2].pointer, "") << "a page-level finding points at no element";
  EXPECT_EQ(assertions[2].criteria, (std::vector<std::string>{"2.4.2", "3.1.1"}));
  EXPECT_EQ(earl_assertions(evaluation, Lang::Sv)[0].info, "bild a.png");
}

const engine::RuleInfo kBestPracticeInfo{.id = "t-bp", .title = {"b", "b"}, .criteria = {engine::sc("1.1.1")},
                                         .kind = engine::RuleKind::BestPractice, .messages = {&kPage}};

TEST(EarlWriter, BestPracticeFailsNoCriterion) {
  engine::Rule bp{kBestPracticeInfo, [](engine::Context&, engine::Reporter& out) { out.failed(nullptr, kPage); }};
  engine::Registry registry;
  registry.add(bp);
  auto doc = html::Document::parse("<title>t</title>");
  auto assertions = earl_assertions(engine::evaluate(*doc, "https://example.test/", registry), Lang::En);
  ASSERT_EQ(assertions.size(), 1u);
  EXPECT_EQ(assertions[0].outcome, EarlOutcome::Failed);
  EXPECT_TRUE(assertions[0].criteria.empty()) << "a best practice only relates to 1.1.1";
}

}  // namespace
}  // namespace granska::reports
