// CI gate: granska against the full W3C ACT Rules test suite (../shared/act, beside the
// repository). Fails when an ACT rule falls below its level in tests/act/baseline.json or
// when a granska rule fails a passed/inapplicable example that counts (a false positive),
// naming each offender. Lowering a level means regenerating the baseline
//   granska act --suite ../shared/act/testcases.json --write-baseline tests/act/baseline.json
// which makes the drop visible in review.
#include <gtest/gtest.h>

#include <filesystem>

#include "act/act_suite.h"
#include "act/baseline.h"
#include "engine/registry.h"

namespace granska::act {
namespace {

const std::string kSuitePath = GRANSKA_SOURCE_DIR "/../shared/act/testcases.json";
const std::string kBaselinePath = GRANSKA_SOURCE_DIR "/tests/act/baseline.json";

class ActGate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(kSuitePath)) return;
    auto suite = load_suite(kSuitePath);
    if (!suite) {
      error_ = suite.error().message;
      return;
    }
    suite_ = new Suite(std::move(suite).value());
    run_ = new SuiteRun(run_suite(*suite_, engine::Registry::builtin(), RunOptions{Lang::En}));
    auto baseline = read_baseline(kBaselinePath);
    if (!baseline) {
      error_ = baseline.error().message;
      return;
    }
    violations_ = check_gate(*suite_, *run_, *baseline);
  }
  static void TearDownTestSuite() {
    delete run_;
    delete suite_;
    run_ = nullptr;
    suite_ = nullptr;
  }
  void SetUp() override {
    if (!std::filesystem::exists(kSuitePath)) {
      GTEST_SKIP() << "ACT test suite not found at " << kSuitePath
                   << " (the extracted W3C ACT Rules data beside the repository); gate not run";
    }
    ASSERT_TRUE(error_.empty()) << error_;
    ASSERT_NE(run_, nullptr);
  }

  void expect_none(GateViolation::Kind kind) {
    for (const GateViolation& v : violations_) {
      if (v.kind == kind) ADD_FAILURE() << describe(v, *suite_, *run_, Lang::En);
    }
  }

  static inline Suite* suite_ = nullptr;
  static inline SuiteRun* run_ = nullptr;
  static inline std::vector<GateViolation> violations_;
  static inline std::string error_;
};

TEST_F(ActGate, NoActRuleBelowItsBaseline) { expect_none(GateViolation::Kind::BelowBaseline); }

TEST_F(ActGate, NoFalsePositives) { expect_none(GateViolation::Kind::FalsePositive); }

TEST_F(ActGate, EveryMappedActRuleIsInTheSuite) {
  // A typo in a rule's act_rules would silently map to nothing.
  for (const engine::Rule* rule : engine::Registry::builtin().rules()) {
    for (std::string_view id : rule->info.act_rules) {
      EXPECT_NE(suite_->find_rule(id), nullptr) << rule->info.id << " maps to unknown ACT rule " << id;
    }
  }
}

}  // namespace
}  // namespace granska::act
