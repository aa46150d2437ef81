// check_page: one parse, one Semantics, rules and media, and the page's time budget.
#include "pipeline/check_page.h"

#include <gtest/gtest.h>

namespace granska::pipeline {
namespace {

input::Page page_of(std::string html) {
  input::Page p;
  p.target = "test.html";
  p.url = "file:///test.html";
  p.decoded.text = std::move(html);
  return p;
}

constexpr const char* kPage =
    "<!doctype html><html lang=\"sv\"><title>Test</title><main><img src=\"a.png\"><video src=\"v.mp4\" controls>"
    "</video></main></html>";

TEST(CheckPage, ParsesRunsTheRulesAndTakesTheMediaInventory) {
  RunContext run;
  auto checked = check_page(page_of(kPage), run, nullptr);
  ASSERT_NE(checked->doc, nullptr);
  ASSERT_NE(checked->semantics, nullptr);
  EXPECT_GT(checked->evaluation.count(engine::Outcome::Failed), 0u);  // the image without alt
  EXPECT_EQ(checked->evaluation.rules_not_run, 0u);
  EXPECT_EQ(checked->inventory.items.size(), 1u);
  EXPECT_TRUE(checked->page.decoded.text.empty()) << "the source moved into the document";
}

TEST(CheckPage, WithoutRulesOnlyParsesAndComputesSemantics) {
  RunContext run;
  run.evaluate = false;
  auto checked = check_page(page_of(kPage), run, nullptr);
  EXPECT_TRUE(checked->evaluation.rules.empty());
  EXPECT_TRUE(checked->inventory.items.empty());
  EXPECT_EQ(checked->doc->elements().size(), 7u);  // html head title body main img video
}

TEST(CheckPage, APageOverItsTimeBudgetIsNotCheckedInFullAndSaysSo) {
  RunContext run;
  run.page_budget = std::chrono::milliseconds(0);
  auto checked = check_page(page_of(kPage), run, nullptr);
  const engine::PageEvaluation& ev = checked->evaluation;
  ASSERT_FALSE(ev.rules.empty());
  EXPECT_EQ(ev.rules_not_run, ev.rules.size());
  for (const engine::RuleResult& r : ev.rules) {
    EXPECT_EQ(r.outcome, engine::Outcome::CantTell) << r.rule->info.id << ": never a silent pass";
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].message->id, "not-run");
  }
  EXPECT_EQ(ev.count(engine::Outcome::Failed), 0u);
  ASSERT_FALSE(checked->page.notes.empty());
  EXPECT_NE(checked->page.notes.back().message_sv.find("för komplex"), std::string::npos);
}

}  // namespace
}  // namespace granska::pipeline
