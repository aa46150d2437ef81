// The act-tools scoring on small synthetic rules: every level, and the edge cases that
// decide between them.
#include <gtest/gtest.h>

#include "act/scoring.h"

namespace granska::act {
namespace {

using A = Actual;
using E = Expected;

Example ex(const char* id, E expected, bool approved = true) { return Example{id, id, expected, approved}; }

// A rule with one example of each kind, mapping SC 1.1.1 (and 4.1.2 as secondary).
const std::vector<Example> kExamples{ex("p1", E::Passed), ex("f1", E::Failed), ex("f2", E::Failed), ex("i1", E::Inapplicable)};
const Requirements kReq{{"1.1.1"}, {"1.1.1", "4.1.2"}};

ProcedureResults proc(std::string name, std::vector<std::vector<A>> outcomes, std::vector<std::string> criteria = {"1.1.1"}) {
  return ProcedureResults{std::move(name), std::move(criteria), std::move(outcomes)};
}

Level level(const ProcedureResults& p, const std::vector<Example>& examples = kExamples, const Requirements& req = kReq) {
  return consistency(examples, req, p);
}

TEST(ActScoring, ConsistentWhenEveryExampleMatches) {
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Failed}, {A::Failed}, {A::Inapplicable}})), Level::Consistent);
  // passed and inapplicable are interchangeable on passed/inapplicable examples.
  EXPECT_EQ(level(proc("r", {{A::Inapplicable}, {A::Failed}, {A::Failed}, {A::Passed}})), Level::Consistent);
  // Several findings per example: a failed among them is what counts.
  EXPECT_EQ(level(proc("r", {{A::Passed, A::Passed}, {A::Passed, A::Failed}, {A::Failed}, {A::Inapplicable}})),
            Level::Consistent);
}

TEST(ActScoring, CantTellOnAFailedExampleIsNotAFalseNegative) {
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Failed}, {A::CantTell}, {A::Inapplicable}})), Level::Consistent);
  // ... nor on a passed example a false positive.
  EXPECT_EQ(level(proc("r", {{A::CantTell}, {A::Failed}, {A::Failed}, {A::Inapplicable}})), Level::Consistent);
}

TEST(ActScoring, AllCantTellIsAtBestPartial) {
  // No true positive: never consistent; partial while every inapplicable example is
  // passed/inapplicable.
  EXPECT_EQ(level(proc("r", {{A::CantTell}, {A::CantTell}, {A::CantTell}, {A::Inapplicable}})), Level::Partial);
  EXPECT_EQ(level(proc("r", {{A::CantTell}, {A::CantTell}, {A::CantTell}, {A::CantTell}})), Level::Inconsistent);
  // No cantTell and no true positive at all: inconsistent.
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Passed}, {A::Passed}, {A::Inapplicable}})), Level::Inconsistent);
}

TEST(ActScoring, FalsePositiveMakesItInconsistent) {
  EXPECT_EQ(level(proc("r", {{A::Failed}, {A::Failed}, {A::Failed}, {A::Inapplicable}})), Level::Inconsistent);
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Failed}, {A::Failed}, {A::Passed, A::Failed}})), Level::Inconsistent);
}

TEST(ActScoring, FalseNegativeOrUntestedGivesPartial) {
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Failed}, {A::Passed}, {A::Inapplicable}})), Level::Partial);
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Failed}, {A::Inapplicable}, {A::Inapplicable}})), Level::Partial);
  // Untested (an explicit one, or no outcome at all) on any example blocks consistent.
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Failed}, {A::Failed}, {A::Untested}})), Level::Partial);
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Failed}, {A::Failed}, {}})), Level::Partial);
  EXPECT_EQ(level(proc("r", {{A::Passed}, {A::Failed}, {A::Failed}})), Level::Partial);  // short list: rest untested
}

TEST(ActScoring, SuccessCriteriaMustMatch) {
  auto all_right = std::vector<std::vector<A>>{{A::Passed}, {A::Failed}, {A::Failed}, {A::Inapplicable}};
  EXPECT_EQ(level(proc("r", all_right, {"1.1.1", "4.1.2"})), Level::Consistent) << "secondary SCs may be reported";
  EXPECT_EQ(level(proc("r", all_right, {"4.1.2"})), Level::Partial) << "the required SC is missing";
  EXPECT_EQ(level(proc("r", all_right, {"1.1.1", "2.4.4"})), Level::Partial) << "2.4.4 is not mapped by the rule";
  EXPECT_EQ(level(proc("r", all_right, {})), Level::Partial);

  EXPECT_TRUE(requirements_match(std::vector<std::string>{"1.1.1"}, kReq));
  EXPECT_FALSE(requirements_match(std::vector<std::string>{}, kReq));
  EXPECT_TRUE(requirements_match(std::vector<std::string>{}, Requirements{}));  // a rule mapping no SC
  EXPECT_FALSE(requirements_match(std::vector<std::string>{"1.1.1"}, Requirements{}));
}

TEST(ActScoring, OnlyApprovedExamplesCountWhenThereAreAny) {
  std::vector<Example> examples = kExamples;
  examples.push_back(ex("p-new", E::Passed, false));  // proposed example
  auto p = proc("r", {{A::Passed}, {A::Failed}, {A::Failed}, {A::Inapplicable}, {A::Failed}});
  EXPECT_EQ(level(p, examples), Level::Consistent) << "the false positive is on a proposed example";

  RuleScore s = score_rule(examples, kReq, std::vector<ProcedureResults>{p});
  EXPECT_EQ(s.level, Level::Consistent);
  EXPECT_EQ(s.counts.examples, 5u);
  EXPECT_EQ(s.counts.scored, 4u);
  EXPECT_EQ(s.counts.false_positives, 0u);
  ASSERT_EQ(s.mismatches.size(), 1u);
  EXPECT_EQ(s.mismatches[0].example, 4u);
  EXPECT_EQ(s.mismatches[0].kind, MismatchKind::FalsePositive);
  EXPECT_FALSE(s.mismatches[0].scored);
  ASSERT_EQ(s.false_positives.size(), 1u);
  EXPECT_FALSE(s.false_positives[0].scored);

  // Without any approved example, every example counts.
  for (Example& e : examples) e.approved = false;
  EXPECT_EQ(level(p, examples), Level::Inconsistent);
}

TEST(ActScoring, FailedCriteriaCountFromUnscoredExamplesToo) {
  // act-tools collects the reported SCs from every assertion of the rule, approved or not.
  std::vector<Example> examples{ex("p1", E::Passed), ex("f1", E::Failed), ex("f-new", E::Failed, false)};
  auto p = proc("r", {{A::Passed}, {A::CantTell}, {A::Failed}});
  EXPECT_EQ(level(p, examples), Level::Partial) << "no true positive among the approved examples";
  RuleScore s = score_rule(examples, kReq, std::vector<ProcedureResults>{p});
  EXPECT_EQ(s.reported_criteria, (std::vector<std::string>{"1.1.1"}));
}

TEST(ActScoring, SeveralRulesArePooledAtTheBestLevel) {
  // Each catches one failed example (partial alone); pooled they catch both.
  auto a = proc("a", {{A::Passed}, {A::Failed}, {A::Passed}, {A::Inapplicable}});
  auto b = proc("b", {{A::Inapplicable}, {A::Passed}, {A::Failed}, {A::Inapplicable}});
  RuleScore s = score_rule(kExamples, kReq, std::vector<ProcedureResults>{a, b});
  EXPECT_EQ(s.level, Level::Consistent);
  EXPECT_EQ(s.procedures, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(s.mismatches.empty());
  EXPECT_EQ(s.counts.true_positives, 2u);
  EXPECT_EQ(s.counts.false_negatives, 0u);
}

TEST(ActScoring, ARuleWithAFalsePositiveIsDroppedWhenAnotherDoesBetter) {
  auto good = proc("good", {{A::Passed}, {A::Failed}, {A::Failed}, {A::Inapplicable}});
  auto noisy = proc("noisy", {{A::Failed}, {A::Failed}, {A::Failed}, {A::Inapplicable}}, {"1.1.1", "2.4.4"});
  RuleScore s = score_rule(kExamples, kReq, std::vector<ProcedureResults>{noisy, good});
  EXPECT_EQ(s.level, Level::Consistent);
  EXPECT_EQ(s.procedures, std::vector<std::string>{"good"});
  EXPECT_EQ(s.reported_criteria, std::vector<std::string>{"1.1.1"}) << "the dropped rule's SCs do not count";
  EXPECT_EQ(s.counts.false_positives, 0u);
  // ... but its false positive is still listed for the rule's owner.
  ASSERT_EQ(s.false_positives.size(), 1u);
  EXPECT_EQ(s.false_positives[0].procedure, "noisy");
  EXPECT_EQ(s.false_positives[0].example, 0u);
  EXPECT_TRUE(s.false_positives[0].scored);
}

TEST(ActScoring, PooledPartialsMayStayPartial) {
  auto a = proc("a", {{A::Passed}, {A::Failed}, {A::Passed}, {A::Inapplicable}});
  auto b = proc("b", {{A::Passed}, {A::Failed}, {A::Passed}, {A::Inapplicable}});
  RuleScore s = score_rule(kExamples, kReq, std::vector<ProcedureResults>{a, b});
  EXPECT_EQ(s.level, Level::Partial);
  ASSERT_EQ(s.mismatches.size(), 1u);
  EXPECT_EQ(s.mismatches[0].example, 2u);
  EXPECT_EQ(s.mismatches[0].kind, MismatchKind::FalseNegative);
  EXPECT_EQ(s.mismatches[0].got, std::vector<A>{A::Passed}) << "deduplicated";
  EXPECT_EQ(s.counts.false_negatives, 1u);
}

TEST(ActScoring, AllInconsistentRulesArePooled) {
  auto a = proc("a", {{A::Failed}, {A::Failed}, {A::Failed}, {A::Inapplicable}});
  auto b = proc("b", {{A::Passed}, {A::Passed}, {A::Passed}, {A::Failed}});
  RuleScore s = score_rule(kExamples, kReq, std::vector<ProcedureResults>{a, b});
  EXPECT_EQ(s.level, Level::Inconsistent);
  EXPECT_EQ(s.procedures, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(s.counts.false_positives, 2u);
  EXPECT_EQ(s.false_positives.size(), 2u);
}

TEST(ActScoring, NotImplementedAndUntested) {
  RuleScore none = score_rule(kExamples, kReq, {});
  EXPECT_EQ(none.level, Level::NotImplemented);
  EXPECT_EQ(none.counts.examples, 4u);
  EXPECT_TRUE(none.mismatches.empty());

  RuleScore never = score_rule(kExamples, kReq, std::vector<ProcedureResults>{proc("r", {{}, {A::Untested}, {}, {}})});
  EXPECT_EQ(never.level, Level::Untested);
  EXPECT_EQ(never.mismatches.size(), 4u);
  for (const Mismatch& m : never.mismatches) EXPECT_EQ(m.kind, MismatchKind::Untested);
  EXPECT_EQ(never.counts.untested, 4u);
  EXPECT_EQ(never.counts.false_negatives, 0u) << "not run is reported as untested, not as missed";
}

TEST(ActScoring, CountsOverScoredExamples) {
  auto p = proc("r", {{A::Passed}, {A::Failed}, {A::CantTell}, {A::Untested}});
  RuleScore s = score_rule(kExamples, kReq, std::vector<ProcedureResults>{p});
  EXPECT_EQ(s.level, Level::Partial);
  const Counts& c = s.counts;
  EXPECT_EQ(c.expected_passed, 1u);
  EXPECT_EQ(c.expected_failed, 2u);
  EXPECT_EQ(c.expected_inapplicable, 1u);
  EXPECT_EQ(c.true_positives, 1u);
  EXPECT_EQ(c.cant_tell, 1u);
  EXPECT_EQ(c.untested, 1u);
  ASSERT_EQ(s.mismatches.size(), 1u);
  EXPECT_EQ(s.mismatches[0].kind, MismatchKind::Untested);
}

TEST(ActScoring, LevelNamesRoundTrip) {
  for (Level l : {Level::NotImplemented, Level::Untested, Level::Inconsistent, Level::Partial, Level::Consistent}) {
    EXPECT_EQ(parse_level(to_string(l)), l);
    EXPECT_FALSE(label(l).sv.empty());
    EXPECT_FALSE(label(l).en.empty());
  }
  EXPECT_EQ(parse_level("complete"), std::nullopt);
  EXPECT_LT(Level::Partial, Level::Consistent);
  EXPECT_LT(Level::Inconsistent, Level::Partial);
  EXPECT_EQ(to_string(Level::Partial), "partially-consistent");
}

}  // namespace
}  // namespace granska::act
