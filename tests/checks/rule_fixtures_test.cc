// Runs every rule over its fixtures in fixtures/checks/<rule-id>/ and compares outcomes.
//
// A fixture's file name says the rule's outcome for the page: passed-*, failed-* or
// inapplicable-*. Elements carry the expected per-element outcome and message id as
// data-expect="failed:no-name"; when a fixture has any data-expect, the findings must match
// them exactly (no more, no fewer).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "engine/evaluate.h"
#include "html/selector.h"
#include "support/test_paths.h"

namespace granska {
namespace {

namespace fs = std::filesystem;

std::string expected_page_outcome(const std::string& file) {
  for (const char* o : {"passed", "failed", "inapplicable", "cantTell"}) {
    if (file.rfind(std::string(o) + "-", 0) == 0) return o;
  }
  return "";
}

TEST(RuleFixtures, EveryRuleHasPassedFailedAndInapplicableFixtures) {
  for (const engine::Rule* rule : engine::Registry::builtin().rules()) {
    // Document rules are tested on fixtures/documents/ (tests/checks/document_rules_test.cc).
    if (rule->info.subject != engine::Subject::Page) continue;
    fs::path dir = testing::fixture_path("checks/" + std::string(rule->info.id));
    ASSERT_TRUE(fs::is_directory(dir)) << "no fixtures for rule " << rule->info.id;
    std::set<std::string> kinds;
    // A README may say why one kind cannot exist: "always-applicable" (the rule answers for
    // every page) or "no-passed-outcome" (the rule only reports what is wrong when it is there).
    bool always_applicable = false, no_passed = false;
    for (const auto& f : fs::directory_iterator(dir)) {
      std::string name = f.path().filename().string();
      if (name == "README.md") {
        std::string readme = testing::read_fixture("checks/" + std::string(rule->info.id) + "/README.md");
        always_applicable = readme.find("always-applicable") != std::string::npos;
        no_passed = readme.find("no-passed-outcome") != std::string::npos;
      }
      kinds.insert(expected_page_outcome(name));
    }
    EXPECT_TRUE(kinds.count("passed") || no_passed) << rule->info.id;
    EXPECT_TRUE(kinds.count("failed")) << rule->info.id;
    EXPECT_TRUE(kinds.count("inapplicable") || always_applicable) << rule->info.id;
  }
}

struct FixtureCase {
  std::string rule;
  std::string file;
};

std::vector<FixtureCase> all_fixtures() {
  std::vector<FixtureCase> out;
  fs::path root = testing::fixture_path("checks");
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.path().extension() == ".html") {
        out.push_back({dir.path().filename().string(), f.path().filename().string()});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.rule + a.file < b.rule + b.file; });
  return out;
}

class RuleFixture : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(RuleFixture, OutcomesMatchExpectations) {
  const FixtureCase& c = GetParam();
  const engine::Rule* rule = engine::Registry::builtin().find(c.rule);
  ASSERT_NE(rule, nullptr) << "fixture folder for unknown rule " << c.rule;
  auto doc = html::Document::parse(testing::read_fixture("checks/" + c.rule + "/" + c.file));
  // Rules that need a browser (README "needs-rendering") are checked rendered by
  // rendered_rule_fixtures_test.cc; without a browser they report nothing, never a pass.
  const fs::path readme = testing::fixture_path("checks/" + c.rule + "/README.md");
  if (fs::exists(readme) &&
      testing::read_fixture("checks/" + c.rule + "/README.md").find("needs-rendering") != std::string::npos) {
    engine::PageEvaluation ev = engine::evaluate(*doc, "file:///" + c.file, engine::Registry::builtin(),
                                                 engine::Selection{{c.rule}, {}, true});
    ASSERT_EQ(ev.rules.size(), 1u);
    EXPECT_EQ(ev.rules.front().outcome, engine::Outcome::Inapplicable);
    EXPECT_TRUE(ev.rules.front().findings.empty());
    return;
  }
  engine::PageEvaluation ev = engine::evaluate(*doc, "file:///" + c.file, engine::Registry::builtin(),
                                               engine::Selection{{c.rule}, {}, true});
  ASSERT_EQ(ev.rules.size(), 1u);
  const engine::RuleResult& result = ev.rules.front();
  EXPECT_TRUE(result.error.empty()) << result.error;
  EXPECT_EQ(engine::to_string(result.outcome), expected_page_outcome(c.file));

  std::multiset<std::string> expected, got;
  for (const html::Node* e : doc->elements()) {
    if (auto want = e->attr("data-expect")) expected.insert(html::unique_selector(*e) + " " + std::string(*want));
  }
  for (const engine::Finding& f : result.findings) {
    // Every message a rule reports must be declared in its catalogue entry.
    const auto& declared = rule->info.messages;
    EXPECT_NE(std::find(declared.begin(), declared.end(), f.message), declared.end())
        << "undeclared message " << f.message->id;
    std::string where = f.node ? html::unique_selector(*f.node) : "(page)";
    got.insert(where + " " + std::string(engine::to_string(f.outcome)) + ":" + std::string(f.message->id));
  }
  if (!expected.empty()) {
    EXPECT_EQ(got, expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Checks, RuleFixture, ::testing::ValuesIn(all_fixtures()),
                         [](const ::testing::TestParamInfo<FixtureCase>& p) {
                           std::string name = p.param.rule + "_" + p.param.file;
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(RuleCatalogue, EveryRuleIsCompleteInBothLanguages) {
  for (const engine::Rule* rule : engine::Registry::builtin().rules()) {
    const engine::RuleInfo& info = rule->info;
    SCOPED_TRACE(std::string(info.id));
    EXPECT_FALSE(info.criteria.empty());
    EXPECT_FALSE(info.messages.empty());
    for (const Text* t : {&info.title, &info.description, &info.help}) {
      EXPECT_FALSE(t->sv.empty());
      EXPECT_FALSE(t->en.empty());
      EXPECT_NE(t->sv, t->en);
    }
    std::set<std::string_view> ids;
    for (const engine::Message* m : info.messages) {
      EXPECT_TRUE(ids.insert(m->id).second) << "duplicate message id " << m->id;
      EXPECT_FALSE(m->text.sv.empty());
      EXPECT_FALSE(m->text.en.empty());
    }
    for (char ch : info.id) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-') << info.id;
    for (std::string_view act : info.act_rules) EXPECT_EQ(act.size(), 6u) << act;
  }
}

}  // namespace
}  // namespace granska
