// The shared words: plural forms and Swedish digit grouping.
#include "reports/common/glossary.h"

#include <gtest/gtest.h>

namespace granska::reports::glossary {
namespace {

TEST(Glossary, CountsWithThePluralForm) {
  EXPECT_EQ(count(1, kFailed, Lang::Sv), "1\u00a0underkänd");
  EXPECT_EQ(count(2, kFailed, Lang::Sv), "2\u00a0underkända");
  EXPECT_EQ(count(0, kFailed, Lang::Sv), "0\u00a0underkända");
  EXPECT_EQ(count(1, kPages, Lang::Sv), "1\u00a0sida");
  EXPECT_EQ(count(3, kPages, Lang::Sv), "3\u00a0sidor");
  EXPECT_EQ(count(1, kCriteria, Lang::Sv), "1\u00a0kriterium");
  EXPECT_EQ(count(12, kCriteria, Lang::Sv), "12\u00a0kriterier");
  EXPECT_EQ(count(1, kWarnings, Lang::En), "1 warning");
  EXPECT_EQ(count(2, kWarnings, Lang::En), "2 warnings");
  EXPECT_EQ(count(1, kFailures, Lang::Sv), "1\u00a0fel");
  EXPECT_EQ(count(7, kFailures, Lang::Sv), "7\u00a0fel");
  EXPECT_EQ(form(1, kPassed, Lang::Sv), "godkänd");
  EXPECT_EQ(form(4, kPassed, Lang::Sv), "godkända");
}

TEST(Glossary, GroupsDigitsAsEachLanguageDoes) {
  EXPECT_EQ(number(2500, Lang::Sv), "2500") << "Swedish groups from five digits";
  EXPECT_EQ(number(50000, Lang::Sv), "50\u00a0000");
  EXPECT_EQ(number(1234567, Lang::Sv), "1\u00a0234\u00a0567");
  EXPECT_EQ(number(2500, Lang::En), "2,500");
  EXPECT_EQ(number(999, Lang::En), "999");
  EXPECT_EQ(count(50000, kPages, Lang::Sv), "50\u00a0000\u00a0sidor");
}

TEST(Glossary, OneTermPerIdea) {
  // The status word "Delvis" is not also a coverage label.
  for (org::Coverage c : {org::Coverage::Automatic, org::Coverage::Partial, org::Coverage::Manual}) {
    EXPECT_EQ(std::string(coverage(c).sv).find("delvis"), std::string::npos);
  }
  EXPECT_EQ(status_short(figures::Status::Partial).sv, "Delvis");
  EXPECT_EQ(review_mark(figures::ReviewMark::Partly).sv, "Delvis") << "the review's scale is the status scale";
  EXPECT_EQ(outcome(engine::Outcome::CantTell).sv, kNeedsReview.sv);
  EXPECT_EQ(rule_kind(engine::RuleKind::BestPractice).sv, "god praxis");
  EXPECT_EQ(std::string(kWarning.sv), "Varning (god praxis)");
  for (figures::Status s : {figures::Status::Satisfactory, figures::Status::Partial, figures::Status::Unsatisfactory,
                            figures::Status::NotAssessed}) {
    EXPECT_FALSE(status_symbol(s).empty());
    EXPECT_EQ(std::string(status_long(s).sv).rfind(std::string(status_short(s).sv), 0), 0u)
        << "the long label starts with the short one";
  }
}

}  // namespace
}  // namespace granska::reports::glossary
