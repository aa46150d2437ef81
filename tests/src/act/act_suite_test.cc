// Loading and running a small synthetic ACT suite with stand-in rules: mapping by
// act_rules, page-level findings, non-HTML and unreadable examples, shared files, the
// SC requirements, and the baseline gate.
#include <gtest/gtest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>

#include "act/act_suite.h"
#include "act/baseline.h"

namespace granska::act {
namespace {

namespace fs = std::filesystem;
using namespace engine;

const Message kHasTitle{"has-title", {"har titel", "has a title"}};
const Message kNoTitle{"no-title", {"saknar titel", "has no title"}};
const Message kAlt{"alt", {"alt finns", "has alt"}};
const Message kNoAlt{"no-alt", {"alt saknas", "no alt"}};
const Message kUnsure{"unsure", {"osäker", "unsure"}};

const RuleInfo kTitleInfo{.id = "t-title", .title = {"t", "t"}, .criteria = {sc("2.4.2")}, .act_rules = {"aaaaaa"},
                          .messages = {&kHasTitle, &kNoTitle}};
const RuleInfo kImgInfo{.id = "t-img", .title = {"i", "i"}, .criteria = {sc("1.1.1")}, .act_rules = {"bbbbbb"},
                        .messages = {&kAlt, &kNoAlt, &kUnsure}};
const RuleInfo kUnmappedInfo{.id = "t-other", .title = {"o", "o"}, .criteria = {sc("4.1.2")}, .messages = {&kAlt}};

// Reports the missing title on the page itself (node == nullptr), as some real rules do.
void evaluate_title(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->is("title")) return out.passed(e, kHasTitle);
  }
  out.failed(nullptr, kNoTitle);
}

void evaluate_img(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("img")) continue;
    auto alt = e->attr("alt");
    if (!alt) {
      out.failed(e, kNoAlt);
    } else if (*alt == "?") {
      out.cant_tell(e, kUnsure);
    } else {
      out.passed(e, kAlt);
    }
  }
}

void evaluate_never(Context&, Reporter&) { FAIL() << "a rule mapping no ACT rule must not run"; }

const Rule kTitleRule{kTitleInfo, evaluate_title};
const Rule kImgRule{kImgInfo, evaluate_img};
const Rule kUnmappedRule{kUnmappedInfo, evaluate_never};

std::string testcase(const std::string& rule, const std::string& id, const std::string& expected, const std::string& ext,
                     bool approved = true) {
  return R"({"ruleId":")" + rule + R"(","ruleName":"Rule )" + rule + R"(","testcaseId":")" + id +
         R"(","testcaseTitle":")" + expected + " " + id + R"(","expected":")" + expected + R"(","file":"testcases/)" +
         rule + "/" + id + "." + ext + R"(","approved":)" + (approved ? "true" : "false") +
         R"(,"url":"https://example.test/)" + rule + "/" + id + "." + ext +
         R"(","ruleAccessibilityRequirements":{"wcag20:3.1.1":{"forConformance":true},"wcag21:1.3.5":{"secondary":"x"},"wcag-technique:H57":{}}})";
}

const char* kRulesJson = R"({"rules":[
  {"id":"aaaaaa","name":"Page has title","status":"approved","rulePage":"https://example.test/aaaaaa",
   "successCriteria":[{"sc":"2.4.2","secondary":false},{"sc":"2.4.8","secondary":true}]},
  {"id":"bbbbbb","name":"Image has alt","status":"proposed",
   "successCriteria":[{"sc":"1.1.1","secondary":false},{"sc":"4.1.2","secondary":false}],
   "scoringSuccessCriteria":{"primary":["1.1.1"],"secondary":["4.1.2"]}},
  {"id":"zzzzzz","name":"Deprecated, no examples","status":"deprecated","successCriteria":[]}
]})";

class ActSuiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("granska-act-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                        "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    const std::string shared = "<!doctype html><title>Hem</title><img src=a.png alt=Karta>";
    write("testcases/aaaaaa/p1.html", shared);
    write("testcases/aaaaaa/f1.html", "<!doctype html><p>Ingen titel</p>");
    write("testcases/aaaaaa/i1.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
    write("testcases/bbbbbb/p1.html", shared);  // same page, other rule: parsed once
    write("testcases/bbbbbb/f1.html", "<title>x</title><img src=a.png><img src=b.png alt=?>");
    write("testcases/bbbbbb/i1.html", "<title>x</title><p>Ingen bild</p>");
    write("testcases/cccccc/p1.html", "<title>x</title>");
    std::string list = std::string(R"({"source":"synthetic","testcases":[)") + testcase("aaaaaa", "p1", "passed", "html") + "," +
                       testcase("aaaaaa", "f1", "failed", "html") + "," + testcase("aaaaaa", "i1", "inapplicable", "svg") + "," +
                       testcase("bbbbbb", "p1", "passed", "html") + "," + testcase("bbbbbb", "f1", "failed", "html") + "," +
                       testcase("bbbbbb", "i1", "inapplicable", "html") + "," +
                       testcase("bbbbbb", "gone", "passed", "html", false) + "," + testcase("cccccc", "p1", "passed", "html") + "]}";
    write("testcases.json", list);
    write("rules.json", kRulesJson);
    registry_.add(kTitleRule);
    registry_.add(kImgRule);
    registry_.add(kUnmappedRule);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& rel, const std::string& content) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }
  std::string path(const std::string& rel) const { return (dir_ / rel).string(); }

  std::size_t index_of(const Suite& s, const std::string& rule, const std::string& id) {
    for (std::size_t i = 0; i < s.testcases.size(); ++i) {
      if (s.testcases[i].rule_id == rule && s.testcases[i].id == id) return i;
    }
    ADD_FAILURE() << "no test case " << rule << "/" << id;
    return 0;
  }

  fs::path dir_;
  Registry registry_;
};

TEST_F(ActSuiteTest, LoadsTestCasesAndRequirements) {
  auto suite = load_suite(path("testcases.json"));
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  EXPECT_EQ(suite->source, "synthetic");
  EXPECT_EQ(suite->testcases.size(), 8u);
  ASSERT_EQ(suite->rules.size(), 3u) << "only rules with examples";
  EXPECT_EQ(suite->rules[0].id, "aaaaaa");
  EXPECT_EQ(suite->rules[0].name, "Page has title");
  EXPECT_EQ(suite->rules[0].requirements.required, std::vector<std::string>{"2.4.2"});
  EXPECT_EQ(suite->rules[0].requirements.allowed, (std::vector<std::string>{"2.4.2", "2.4.8"}));
  // scoringSuccessCriteria wins over the newest front matter.
  EXPECT_EQ(suite->rules[1].requirements.required, std::vector<std::string>{"1.1.1"});
  EXPECT_EQ(suite->rules[1].requirements.allowed, (std::vector<std::string>{"1.1.1", "4.1.2"}));
  // Not in rules.json: the first example's requirements, WCAG keys only.
  EXPECT_EQ(suite->rules[2].requirements.required, std::vector<std::string>{"3.1.1"});
  EXPECT_EQ(suite->rules[2].requirements.allowed, (std::vector<std::string>{"3.1.1", "1.3.5"}));
  EXPECT_EQ(suite->find_rule("bbbbbb"), &suite->rules[1]);
  EXPECT_EQ(suite->find_rule("nope"), nullptr);
  const TestCase& tc = suite->testcases[index_of(*suite, "aaaaaa", "i1")];
  EXPECT_EQ(tc.expected, Expected::Inapplicable);
  EXPECT_EQ(tc.file, "testcases/aaaaaa/i1.svg");
  EXPECT_EQ(tc.url, "https://example.test/aaaaaa/i1.svg");
  EXPECT_TRUE(tc.approved);
}

TEST_F(ActSuiteTest, RunsMappedRulesAndRecordsWhatTheySaid) {
  auto suite = load_suite(path("testcases.json"));
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  SuiteRun run = run_suite(*suite, registry_, RunOptions{Lang::En});
  ASSERT_EQ(run.cases.size(), suite->testcases.size());
  ASSERT_EQ(run.rules.size(), suite->rules.size());

  // A page-level finding: no element, so no selector.
  const CaseResult& no_title = run.cases[index_of(*suite, "aaaaaa", "f1")];
  ASSERT_EQ(no_title.assertions.size(), 1u);
  EXPECT_EQ(no_title.assertions[0].rule, "t-title");
  EXPECT_EQ(no_title.assertions[0].outcome, Actual::Failed);
  EXPECT_EQ(no_title.assertions[0].selector, "");
  EXPECT_EQ(no_title.assertions[0].message, "has no title");
  EXPECT_EQ(no_title.assertions[0].criteria, std::vector<std::string>{"2.4.2"});

  // The shared page ran once per ACT rule, with that rule's granska rules only.
  const CaseResult& a_p1 = run.cases[index_of(*suite, "aaaaaa", "p1")];
  ASSERT_EQ(a_p1.assertions.size(), 1u);
  EXPECT_EQ(a_p1.assertions[0].rule, "t-title");
  EXPECT_EQ(a_p1.assertions[0].selector, "html > head > title");
  const CaseResult& b_p1 = run.cases[index_of(*suite, "bbbbbb", "p1")];
  ASSERT_EQ(b_p1.assertions.size(), 1u);
  EXPECT_EQ(b_p1.assertions[0].rule, "t-img");
  EXPECT_EQ(b_p1.assertions[0].outcome, Actual::Passed);

  // One assertion per finding; nothing found = inapplicable.
  const CaseResult& b_f1 = run.cases[index_of(*suite, "bbbbbb", "f1")];
  ASSERT_EQ(b_f1.assertions.size(), 2u);
  EXPECT_EQ(b_f1.assertions[0].outcome, Actual::Failed);
  EXPECT_EQ(b_f1.assertions[1].outcome, Actual::CantTell);
  const CaseResult& b_i1 = run.cases[index_of(*suite, "bbbbbb", "i1")];
  ASSERT_EQ(b_i1.assertions.size(), 1u);
  EXPECT_EQ(b_i1.assertions[0].outcome, Actual::Inapplicable);

  // Not an HTML page: every granska rule is inapplicable, and says why.
  const std::size_t svg = index_of(*suite, "aaaaaa", "i1");
  ASSERT_EQ(run.cases[svg].assertions.size(), 1u);
  EXPECT_EQ(run.cases[svg].assertions[0].outcome, Actual::Inapplicable);
  EXPECT_EQ(run.cases[svg].untested, Untested::No);
  EXPECT_NE(run.cases[svg].assertions[0].message.find("not an HTML document (.svg)"), std::string::npos);
  // Not there: untested, with the reason, never a guess.
  const std::size_t gone = index_of(*suite, "bbbbbb", "gone");
  EXPECT_EQ(run.cases[gone].untested, Untested::Unreadable);
  EXPECT_EQ(run.cases[gone].assertions[0].outcome, Actual::Untested);

  // No granska rule maps to cccccc.
  EXPECT_TRUE(run.cases[index_of(*suite, "cccccc", "p1")].assertions.empty());
}

TEST_F(ActSuiteTest, ScoresEachActRule) {
  auto suite = load_suite(path("testcases.json"));
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  SuiteRun run = run_suite(*suite, registry_);
  // aaaaaa: right on both HTML examples, and inapplicable to the SVG one → consistent.
  EXPECT_EQ(run.rules[0].score.level, Level::Consistent);
  EXPECT_EQ(run.rules[0].mapped, std::vector<std::string>{"t-title"});
  EXPECT_TRUE(run.rules[0].approved);
  EXPECT_TRUE(run.rules[0].score.mismatches.empty());
  // bbbbbb: all right on the approved examples; the unreadable one is proposed and ignored.
  EXPECT_EQ(run.rules[1].score.level, Level::Consistent);
  EXPECT_EQ(run.rules[1].score.counts.scored, 3u);
  EXPECT_EQ(run.rules[2].score.level, Level::NotImplemented);
  EXPECT_TRUE(run.rules[2].mapped.empty());

  Totals t = totals(run);
  EXPECT_EQ(t.rules, 3u);
  EXPECT_EQ(t.implemented, 2u);
  EXPECT_EQ(t.consistent, 2u);
  EXPECT_EQ(t.partial, 0u);
  EXPECT_EQ(t.approved_rules, 3u);
  EXPECT_EQ(t.consistent_approved, 2u);
  EXPECT_EQ(t.examples, 7u);
  EXPECT_EQ(t.examples_untested, 1u);
  EXPECT_EQ(t.examples_run, 6u);
  EXPECT_EQ(t.false_positives, 0u);
  EXPECT_GE(run.seconds, 0.0);
}

TEST_F(ActSuiteTest, GateFlagsDropsAndFalsePositives) {
  // bbbbbb's passed example now has an image without alt: a false positive.
  write("testcases/bbbbbb/p1.html", "<title>Hem</title><img src=a.png>");
  auto suite = load_suite(path("testcases.json"));
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  SuiteRun run = run_suite(*suite, registry_, RunOptions{Lang::En});
  EXPECT_EQ(run.rules[1].score.level, Level::Inconsistent);

  auto baseline = parse_baseline(baseline_json(*suite, run));
  ASSERT_TRUE(baseline.ok()) << baseline.error().message;
  EXPECT_EQ(baseline->suite, "synthetic");
  EXPECT_EQ(baseline->levels.at("aaaaaa"), Level::Consistent);
  EXPECT_EQ(baseline->levels.at("cccccc"), Level::NotImplemented);

  // At its own baseline only the false positive is reported.
  auto violations = check_gate(*suite, run, *baseline);
  ASSERT_EQ(violations.size(), 1u);
  EXPECT_EQ(violations[0].kind, GateViolation::Kind::FalsePositive);
  EXPECT_EQ(violations[0].granska_rule, "t-img");
  EXPECT_EQ(violations[0].testcase, index_of(*suite, "bbbbbb", "p1"));
  std::string line = describe(violations[0], *suite, run, Lang::En);
  EXPECT_NE(line.find("false positive: t-img failed \"passed p1\" (p1, testcases/bbbbbb/p1.html)"), std::string::npos) << line;
  EXPECT_NE(line.find("no alt [html > body > img]"), std::string::npos) << line;
  EXPECT_NE(describe(violations[0], *suite, run, Lang::Sv).find("falskt positivt: t-img underkände"), std::string::npos);

  // A higher baseline is a drop.
  baseline->levels["cccccc"] = Level::Consistent;
  baseline->levels["gone-from-suite"] = Level::Consistent;  // ignored
  violations = check_gate(*suite, run, *baseline);
  ASSERT_EQ(violations.size(), 2u);
  const auto drop = std::find_if(violations.begin(), violations.end(),
                                 [](const GateViolation& v) { return v.kind == GateViolation::Kind::BelowBaseline; });
  ASSERT_NE(drop, violations.end());
  EXPECT_EQ(describe(*drop, *suite, run, Lang::En),
            "ACT cccccc (" + suite->rules[2].name + "): level fell from consistent to not implemented");
}

TEST(ActSuite, BrokenSuitesAreErrorsNotCrashes) {
  auto missing = load_suite("/nonexistent/testcases.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "ACT suite: cannot read /nonexistent/testcases.json");
  EXPECT_EQ(missing.error().text(Lang::Sv), "ACT-sviten: kan inte läsa /nonexistent/testcases.json");

  const std::string rules = R"({"rules":[]})";
  EXPECT_FALSE(parse_suite("not json", rules, ".").ok());
  EXPECT_FALSE(parse_suite(R"({"testcases":{}})", rules, ".").ok());
  EXPECT_FALSE(parse_suite(R"({"testcases":[]})", "[]", ".").ok());
  auto bad_field = parse_suite(R"({"testcases":[{"ruleId":1}]})", rules, ".");
  ASSERT_FALSE(bad_field.ok());
  EXPECT_NE(bad_field.error().message.find("unexpected data"), std::string::npos) << bad_field.error().message;
  auto bad_expected = parse_suite(
      R"({"testcases":[{"ruleId":"a","testcaseId":"b","expected":"maybe","file":"x.html"}]})", rules, ".");
  ASSERT_FALSE(bad_expected.ok());
  EXPECT_NE(bad_expected.error().message.find("\"maybe\""), std::string::npos);
  for (const char* file : {"../etc/passwd", "/etc/passwd", ""}) {
    auto escape = parse_suite(std::string(R"({"testcases":[{"ruleId":"a","testcaseId":"b","expected":"passed","file":")") +
                                  file + "\"}]}",
                              rules, ".");
    EXPECT_FALSE(escape.ok()) << file;
  }
  auto empty = parse_suite(R"({"testcases":[]})", rules, ".");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->rules.empty());
}

TEST(ActBaseline, ParsesAndRejects) {
  auto ok = parse_baseline(R"({"suite":"s","rules":{"2779a5":{"level":"consistent","name":"x"},"b5c3f8":{"level":"not-implemented"}}})");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->levels.size(), 2u);
  EXPECT_EQ(ok->levels.at("2779a5"), Level::Consistent);
  EXPECT_FALSE(parse_baseline("[]").ok());
  EXPECT_FALSE(parse_baseline(R"({"rules":[]})").ok());
  auto bad = parse_baseline(R"({"rules":{"2779a5":{"level":"complete"}}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "ACT baseline: rule 2779a5 has no valid \"level\"");
  EXPECT_FALSE(read_baseline("/nonexistent/baseline.json").ok());
}

}  // namespace
}  // namespace granska::act
