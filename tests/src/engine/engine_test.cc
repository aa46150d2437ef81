#include <gtest/gtest.h>

#include <set>
#include <stdexcept>

#include "engine/criteria.h"
#include "engine/evaluate.h"
#include "engine/registry.h"

namespace granska::engine {
namespace {

TEST(Criteria, TableHoldsAllOfWcag21) {
  auto all = all_criteria();
  EXPECT_EQ(all.size(), 78u);
  std::set<std::string_view> numbers;
  int a = 0, aa = 0;
  for (const Criterion& c : all) {
    EXPECT_TRUE(numbers.insert(c.number).second) << c.number;
    EXPECT_FALSE(c.title.sv.empty());
    EXPECT_FALSE(c.title.en.empty());
    if (c.level == Level::AAA) {
      EXPECT_TRUE(c.en_clause.empty()) << c.number;
    } else {
      EXPECT_EQ(c.en_clause, "9." + std::string(c.number)) << c.number;
      (c.level == Level::A ? a : aa)++;
    }
  }
  EXPECT_EQ(a, 30);   // WCAG 2.1 has 30 level A criteria
  EXPECT_EQ(aa, 20);  // and 20 level AA: EN 301 549 clause 9 = these 50
  EXPECT_EQ(find_criterion("2.4.2")->title.sv, "Sidtitel");
  EXPECT_EQ(find_criterion("9.9.9"), nullptr);
  static_assert(sc("1.4.10").number == "1.4.10");  // sc("1.4.99") would not compile
}

const Message kOk{"ok", {"bra {0}", "good {0}"}};
const Message kBad{"bad", {"dåligt {0} och {1}", "bad {0} and {1}"}};

const RuleInfo kPassing{.id = "t-pass", .title = {"a", "b"}, .criteria = {sc("1.1.1")}, .messages = {&kOk}};
const RuleInfo kFailing{.id = "t-fail", .title = {"a", "b"}, .criteria = {sc("2.4.2")}, .messages = {&kOk, &kBad}};
const RuleInfo kThrowing{.id = "t-throw", .title = {"a", "b"}, .criteria = {sc("4.1.2")}, .messages = {&kOk}};
const RuleInfo kNothing{.id = "t-none", .title = {"a", "b"}, .criteria = {sc("3.1.1")},
                        .kind = RuleKind::BestPractice, .messages = {&kOk}};

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const Rule* r : {&pass_, &fail_, &throw_, &none_}) registry_.add(*r);
  }
  Rule pass_{kPassing, [](Context& ctx, Reporter& out) {
               for (const html::Node* e : ctx.doc.elements()) {
                 if (e->is("p")) out.passed(e, kOk, {"p"});
               }
             }};
  Rule fail_{kFailing, [](Context& ctx, Reporter& out) {
               const auto& els = ctx.doc.elements();
               out.passed(els.back(), kOk, {"x"});
               out.failed(els.front(), kBad, {"1", "2"});
               out.cant_tell(nullptr, kOk, {});
             }};
  Rule throw_{kThrowing, [](Context&, Reporter&) { throw std::runtime_error("boom"); }};
  Rule none_{kNothing, [](Context&, Reporter&) {}};
  Registry registry_;
  std::unique_ptr<html::Document> doc_ = html::Document::parse("<p>a</p><p>b</p>");
};

TEST_F(EngineTest, RegistryIsSortedAndFindsById) {
  std::vector<std::string_view> ids;
  for (const Rule* r : registry_.rules()) ids.push_back(r->info.id);
  EXPECT_EQ(ids, (std::vector<std::string_view>{"t-fail", "t-none", "t-pass", "t-throw"}));
  EXPECT_EQ(registry_.find("t-pass"), &pass_);
  EXPECT_EQ(registry_.find("nope"), nullptr);
}

TEST_F(EngineTest, PageOutcomeIsTheWorstFinding) {
  PageEvaluation ev = evaluate(*doc_, "stdin:", registry_);
  ASSERT_EQ(ev.rules.size(), 4u);
  EXPECT_EQ(ev.rules[0].outcome, Outcome::Failed);        // t-fail
  EXPECT_EQ(ev.rules[1].outcome, Outcome::Inapplicable);  // t-none
  EXPECT_EQ(ev.rules[2].outcome, Outcome::Passed);        // t-pass
  EXPECT_EQ(ev.rules[3].outcome, Outcome::CantTell);      // t-throw
  EXPECT_EQ(ev.count(Outcome::Passed), 3u);
  EXPECT_EQ(ev.count(Outcome::Failed), 1u);
}

TEST_F(EngineTest, FindingsAreInDocumentOrderWithArguments) {
  PageEvaluation ev = evaluate(*doc_, "stdin:", registry_);
  const auto& f = ev.rules[0].findings;
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].node, nullptr);  // page-level first
  EXPECT_EQ(f[1].outcome, Outcome::Failed);
  EXPECT_EQ(f[1].text(Lang::Sv), "dåligt 1 och 2");
  EXPECT_EQ(f[1].text(Lang::En), "bad 1 and 2");
}

TEST_F(EngineTest, ThrowingRuleBecomesCantTellAndOthersStillRun) {
  PageEvaluation ev = evaluate(*doc_, "stdin:", registry_);
  const RuleResult& r = ev.rules[3];
  EXPECT_EQ(r.error, "boom");
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message->id, "rule-error");
  EXPECT_NE(r.findings[0].text(Lang::Sv).find("boom"), std::string::npos);
}

TEST_F(EngineTest, SelectionOnlySkipAndBestPractice) {
  EXPECT_EQ(evaluate(*doc_, "", registry_, {{"t-pass"}, {}, true}).rules.size(), 1u);
  EXPECT_EQ(evaluate(*doc_, "", registry_, {{}, {"t-pass", "t-fail"}, true}).rules.size(), 2u);
  EXPECT_EQ(evaluate(*doc_, "", registry_, {{}, {}, false}).rules.size(), 3u);
}

TEST_F(EngineTest, LocateResolvesSelectorPositionAndSnippet) {
  Location loc = locate(doc_->elements().back());
  EXPECT_EQ(loc.selector, "html > body > p:nth-of-type(2)");
  EXPECT_EQ(loc.line, 1u);
  EXPECT_EQ(loc.column, 9u);
  EXPECT_EQ(loc.snippet, "<p>b</p>");
  EXPECT_TRUE(locate(nullptr).selector.empty());
}

}  // namespace
}  // namespace granska::engine
