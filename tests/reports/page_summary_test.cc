// The check report for people: grouping, the profile's criteria, page-wide causes said
// once, what changed between two checks, and the glossary's counted words.
#include "reports/page/page_summary.h"

#include <gtest/gtest.h>

#include "reports/common/criterion_links.h"
#include "reports/common/criterion_why.h"
#include "reports/common/glossary.h"

namespace granska::reports {
namespace {

using engine::Outcome;

results::FindingRow finding(std::string rule, Outcome o, std::string message, std::vector<std::string> args,
                            std::string selector, std::string snippet = "<a href=\"/x\">Läs mer</a>") {
  results::FindingRow f;
  f.rule = std::move(rule);
  f.outcome = o;
  f.message_id = std::move(message);
  f.args = std::move(args);
  f.selector = std::move(selector);
  f.line = 3;
  f.column = 7;
  f.snippet = std::move(snippet);
  return f;
}

const engine::Registry& rules() { return engine::Registry::builtin(); }
const org::Profile& aa() { return *org::find_profile("wcag21-aa"); }

TEST(PageSummary, IdenticalFindingsAreOneGroupWithEveryPlace) {
  results::PageRow page;
  for (int i = 0; i < 271; ++i) {
    page.findings.push_back(finding("link-text-generic", Outcome::CantTell, "generic-check-context", {"Läs mer"},
                                    "main > a:nth-of-type(" + std::to_string(i + 1) + ")"));
  }
  page.findings.push_back(finding("link-text-generic", Outcome::CantTell, "generic-check-context", {"Klicka här"}, "p > a"));
  const PageSummary s = summarize(page, rules(), aa());
  ASSERT_EQ(s.groups.size(), 2u);
  EXPECT_EQ(s.groups[0].where.size(), 271u);
  EXPECT_EQ(s.groups[0].where[270]->selector, "main > a:nth-of-type(271)");
  EXPECT_EQ(&s.groups[0].noun(), &glossary::element_noun("a"));
  EXPECT_EQ(glossary::count(271, s.groups[0].noun(), Lang::Sv), "271\u00a0länkar");
  EXPECT_FALSE(s.groups[0].page_wide);  // the message names the link: not one cause for the page
  EXPECT_EQ(s.needs_review, 272u);
  ASSERT_EQ(s.by_criterion.size(), 1u);
  EXPECT_EQ(s.by_criterion[0].criterion->number, "2.4.4");
  EXPECT_EQ(s.by_criterion[0].needs_review, 272u);
}

TEST(PageSummary, OnlyTheProfilesCriteriaAndAaaWhenAsked) {
  results::PageRow page;
  // text-contrast-enhanced tests 1.4.6 (AAA); image-alt 1.1.1 (A).
  page.findings.push_back(finding("text-contrast-enhanced", Outcome::Failed, "too-low", {"3.1", "7"}, "p"));
  page.findings.push_back(finding("image-alt", Outcome::Failed, "no-name", {}, "img", "<img src=\"a.png\">"));
  const PageSummary s = summarize(page, rules(), aa());
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0].rule_id, "image-alt");
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.outside_profile, 1u);
  const PageSummary all = summarize(page, rules(), *org::find_profile("wcag21-aaa"));
  EXPECT_EQ(all.groups.size(), 2u);
  EXPECT_EQ(all.outside_profile, 0u);
  EXPECT_EQ(all.failed, 2u);
  // WCAG order: 1.1.1 before 1.4.6.
  EXPECT_EQ(all.groups[0].criterion->number, "1.1.1");
  EXPECT_EQ(all.groups[1].criterion->number, "1.4.6");
}

TEST(PageSummary, WarningsAndFailuresAreToldApartAndOrdered) {
  results::PageRow page;
  page.findings.push_back(finding("heading-order", Outcome::Failed, "skipped-level", {"Rubrik", "4", "2", "3"}, "h4", "<h4>Rubrik</h4>"));
  page.findings.push_back(finding("image-alt", Outcome::Failed, "no-name", {}, "img", "<img src=\"a.png\">"));
  const PageSummary s = summarize(page, rules(), aa());
  ASSERT_EQ(s.groups.size(), 2u);
  EXPECT_EQ(s.groups[0].rule_id, "image-alt");      // 1.1.1 first
  EXPECT_EQ(s.groups[1].rule_id, "heading-order");  // 1.3.1
  EXPECT_TRUE(s.groups[1].warning);
  EXPECT_FALSE(s.groups[0].warning);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.warnings, 1u);
  EXPECT_EQ(&s.groups[1].noun(), &glossary::element_noun("h4"));
  EXPECT_FALSE(s.groups[0].help(Lang::Sv).empty());
}

TEST(PageSummary, ACauseForTheWholePageIsSaidOnce) {
  results::PageRow page;
  for (int i = 0; i < 25; ++i) {
    page.findings.push_back(finding("text-contrast-minimum", Outcome::CantTell, "color-unknown", {},
                                    "p:nth-of-type(" + std::to_string(i + 1) + ")", "<p>Text</p>"));
  }
  page.findings.push_back(finding("text-contrast-minimum", Outcome::CantTell, "color-unknown", {}, "h1", "<h1>Rubrik</h1>"));
  PageSummary s = summarize(page, rules(), aa());
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_TRUE(s.groups[0].page_wide);
  EXPECT_EQ(&s.groups[0].noun(), &glossary::element_noun(""));  // mixed tags: "element"
  // A few of them are still shown element by element.
  page.findings.resize(3);
  s = summarize(page, rules(), aa());
  EXPECT_FALSE(s.groups[0].page_wide);
}

TEST(PageSummary, AnUnknownRuleIsKeptNotLost) {
  results::PageRow page;
  page.findings.push_back(finding("retired-rule", Outcome::Failed, "gone", {"x"}, "div"));
  const PageSummary s = summarize(page, rules(), aa());
  ASSERT_EQ(s.groups.size(), 1u);
  EXPECT_EQ(s.groups[0].rule, nullptr);
  EXPECT_EQ(s.groups[0].text(Lang::Sv), "gone x");
  EXPECT_EQ(s.groups[0].title(Lang::Sv), "retired-rule");
}

TEST(PageSummary, RulesThatFoundNothingAreCounted) {
  results::PageRow page;
  page.rule_outcomes = {{"image-alt", Outcome::Passed}, {"page-title", Outcome::Failed}, {"text-contrast-enhanced", Outcome::Passed}};
  const PageSummary s = summarize(page, rules(), aa());
  EXPECT_EQ(s.rules_run, 2u);  // text-contrast-enhanced is AAA: outside the profile
  EXPECT_EQ(s.rules_passed, 1u);
}

TEST(CompareChecks, FixedNewAndRemainingByElement) {
  results::PageRow before, after;
  before.findings.push_back(finding("image-alt", Outcome::Failed, "no-name", {}, "main > img"));
  before.findings.push_back(finding("image-alt", Outcome::Failed, "no-name", {}, "footer > img"));
  before.findings.push_back(finding("link-text-generic", Outcome::CantTell, "generic-check-context", {"Läs mer"}, "p > a"));
  after.findings.push_back(finding("image-alt", Outcome::Failed, "no-name", {}, "footer > img", "<img src=changed>"));
  after.findings.push_back(finding("page-title", Outcome::Failed, "no-title", {}, ""));
  after.findings.push_back(finding("link-text-generic", Outcome::CantTell, "generic-check-context", {"Läs mer"}, "p > a"));
  const CheckChanges c = compare_checks(before, after, rules(), aa());
  EXPECT_EQ(c.remaining, 2u);  // footer > img (another snippet, same problem) and the link
  EXPECT_EQ(c.fixed_count, 1u);
  ASSERT_EQ(c.fixed.size(), 1u);
  EXPECT_EQ(c.fixed[0].rule_id, "image-alt");
  EXPECT_EQ(c.added_count, 1u);
  ASSERT_EQ(c.added.size(), 1u);
  EXPECT_EQ(c.added[0].rule_id, "page-title");
  EXPECT_FALSE(c.added[0].text_sv.empty());
}

TEST(Glossary, SwedishPluralsAndDigitGroups) {
  using namespace glossary;
  EXPECT_EQ(count(1, kFailed, Lang::Sv), "1\u00a0underkänd");
  EXPECT_EQ(count(2, kFailed, Lang::Sv), "2\u00a0underkända");
  EXPECT_EQ(count(1, kWarnings, Lang::Sv), "1\u00a0varning");
  EXPECT_EQ(count(0, kWarnings, Lang::Sv), "0\u00a0varningar");
  EXPECT_EQ(count(1, kCriteria, Lang::Sv), "1\u00a0kriterium");
  EXPECT_EQ(count(12689, kRules, Lang::Sv), "12\u00a0689\u00a0regler");
  EXPECT_EQ(count(1, kRules, Lang::En), "1 rule");
  EXPECT_EQ(number(1234, Lang::Sv), "1234");  // Swedish groups from five digits
  EXPECT_EQ(number(1234, Lang::En), "1,234");
  EXPECT_EQ(form(2, element_noun("img"), Lang::Sv), "bilder");
  EXPECT_EQ(form(1, element_noun("h2"), Lang::En), "heading");
  EXPECT_EQ(form(2, element_noun("select"), Lang::Sv), "formulärfält");
}

TEST(SnippetTag, TagNameOfTheSnippet) {
  EXPECT_EQ(snippet_tag("<a href=\"x\">y</a>"), "a");
  EXPECT_EQ(snippet_tag("<h2 class=c>"), "h2");
  EXPECT_EQ(snippet_tag("text"), "");
  EXPECT_EQ(snippet_tag(""), "");
}

TEST(CriterionTexts, EveryRequiredCriterionHasItsOwnWhyAndLinks) {
  const Text aaa = why_it_matters(*engine::find_criterion("1.4.6"));
  for (const engine::Criterion& c : engine::all_criteria()) {
    const Text why = why_it_matters(c);
    EXPECT_FALSE(why.sv.empty()) << c.number;
    EXPECT_FALSE(why.en.empty()) << c.number;
    if (c.level != engine::Level::AAA) {
      EXPECT_NE(why.sv, aaa.sv) << c.number << " has no text of its own";
    }
  }
  EXPECT_EQ(wcag_url(*engine::find_criterion("1.4.3"), Lang::Sv), "https://www.w3.org/Translations/WCAG21-sv/#contrast-minimum");
  EXPECT_EQ(wcag_url(*engine::find_criterion("2.4.4"), Lang::En), "https://www.w3.org/TR/WCAG21/#link-purpose-in-context");
  EXPECT_EQ(wcag_anchor(*engine::find_criterion("1.2.1")), "audio-only-and-video-only-prerecorded");
}

}  // namespace
}  // namespace granska::reports
