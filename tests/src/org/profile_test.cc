// Criteria profiles and how much of each criterion granska's rules decide.
#include "org/profile.h"

#include <gtest/gtest.h>

namespace granska::org {
namespace {

TEST(Profile, DosReviewHasTheTwelveCriteriaOfTheReview) {
  const Profile* p = find_profile("dos-review");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->criteria, (std::vector<std::string>{"1.1.1", "1.2.2", "1.2.5", "1.3.1", "1.3.5", "1.4.3", "2.1.1",
                                                    "2.4.2", "2.4.4", "3.1.1", "3.3.2", "4.1.2"}));
}

TEST(Profile, Wcag21AaHasEveryLevelAAndAaCriterion) {
  const Profile* p = find_profile("wcag21-aa");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->criteria.size(), 50u);  // 30 A + 20 AA in WCAG 2.1
  for (const std::string& c : p->criteria) EXPECT_NE(engine::find_criterion(c)->level, engine::Level::AAA) << c;
  // Every A/AA criterion a rule tests is in it.
  for (const engine::Rule* r : engine::Registry::builtin().rules()) {
    for (engine::CriterionRef c : r->info.criteria) {
      if (engine::find_criterion(c.number)->level == engine::Level::AAA) continue;
      EXPECT_NE(std::find(p->criteria.begin(), p->criteria.end(), c.number), p->criteria.end()) << c.number;
    }
  }
  EXPECT_EQ(find_profile("nonesuch"), nullptr);
}

TEST(Profile, NoCriterionIsDroppedAndManualOnesAreListed) {
  for (const Profile& p : builtin_profiles()) {
    auto cov = profile_coverage(engine::Registry::builtin(), p);
    ASSERT_EQ(cov.size(), p.criteria.size()) << p.id;
    for (std::size_t i = 0; i < cov.size(); ++i) EXPECT_EQ(cov[i].criterion->number, p.criteria[i]);
  }
  auto cov = profile_coverage(engine::Registry::builtin(), *find_profile("wcag21-aa"));
  // 2.4.5 Multiple Ways cannot be tested on a single page: manual, but listed.
  auto multiple_ways = std::find_if(cov.begin(), cov.end(), [](auto& c) { return c.criterion->number == "2.4.5"; });
  ASSERT_NE(multiple_ways, cov.end());
  EXPECT_EQ(multiple_ways->coverage, Coverage::Manual);
  EXPECT_TRUE(multiple_ways->requirement_rules.empty());
}

TEST(Profile, CoverageFollowsTheRuleKinds) {
  const auto& reg = engine::Registry::builtin();
  // 2.4.2: page-title is a requirement rule.
  auto title = coverage_of(reg, "2.4.2");
  EXPECT_EQ(title.coverage, Coverage::Automatic);
  EXPECT_NE(std::find(title.requirement_rules.begin(), title.requirement_rules.end(), "page-title"),
            title.requirement_rules.end());
  // 2.4.3: only tabindex-positive, a best practice, points at it.
  auto focus_order = coverage_of(reg, "2.4.3");
  EXPECT_EQ(focus_order.coverage, Coverage::Partial);
  EXPECT_TRUE(focus_order.requirement_rules.empty());
  EXPECT_FALSE(focus_order.best_practice_rules.empty());
  // pdf-tab-order tests 2.4.3 for documents: listed apart, the pages' coverage unchanged.
  EXPECT_NE(std::find(focus_order.document_rules.begin(), focus_order.document_rules.end(), "pdf-tab-order"),
            focus_order.document_rules.end());
  EXPECT_EQ(coverage_of(reg, "3.3.4").coverage, Coverage::Manual);
}

TEST(Profile, CoverageOfAnInjectedRegistry) {
  static const engine::Message kMsg{"m", {"m", "m"}};
  static const engine::RuleInfo kReq{.id = "req", .criteria = {engine::sc("2.4.5")}, .messages = {&kMsg}};
  static const engine::RuleInfo kBp{.id = "bp", .criteria = {engine::sc("2.4.5"), engine::sc("1.4.1")},
                                    .kind = engine::RuleKind::BestPractice, .messages = {&kMsg}};
  static const engine::Rule kBpRule{kBp, nullptr}, kReqRule{kReq, nullptr};  // the registry keeps pointers
  engine::Registry reg;
  reg.add(kBpRule);
  EXPECT_EQ(coverage_of(reg, "2.4.5").coverage, Coverage::Partial);
  reg.add(kReqRule);
  auto c = coverage_of(reg, "2.4.5");
  EXPECT_EQ(c.coverage, Coverage::Automatic);
  EXPECT_EQ(c.requirement_rules, (std::vector<std::string_view>{"req"}));
  EXPECT_EQ(c.best_practice_rules, (std::vector<std::string_view>{"bp"}));
  EXPECT_EQ(coverage_of(reg, "1.4.1").coverage, Coverage::Partial);
  EXPECT_EQ(coverage_of(reg, "1.1.1").coverage, Coverage::Manual);
}

TEST(Profile, OwnProfilesAreCheckedAndSorted) {
  auto p = make_profile("egen", "Egen", "Own", {"4.1.2", "1.1.1", "1.1.1"});
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->criteria, (std::vector<std::string>{"1.1.1", "4.1.2"}));
  auto bad = make_profile("egen", "Egen", "Own", {"1.1.1", "9.9.9"});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("9.9.9"), std::string::npos);
  EXPECT_FALSE(make_profile("tom", "", "", {}).ok());
  EXPECT_EQ(label(Coverage::Manual).sv, "kräver manuell granskning");
  EXPECT_EQ(label(Coverage::Partial).sv, "bara varningar (god praxis)") << "not \"delvis\": that is a status";
  EXPECT_EQ(to_string(Coverage::Partial), "partial");
}

}  // namespace
}  // namespace granska::org
