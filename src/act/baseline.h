// The CI gate over the ACT suite: a committed baseline (tests/act/baseline.json) records
// the consistency level each ACT rule has reached; a run fails the gate when a rule falls
// below it or when any granska rule fails a passed/inapplicable example (a false positive).
//
// The baseline is regenerated with `granska act --write-baseline FILE`, which writes the
// current state, lower levels included: a drop then shows up as a diff in review instead
// of passing silently.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "act/act_suite.h"
#include "util/lang.h"
#include "util/result.h"

namespace granska::act {

struct Baseline {
  std::string suite;                    // the suite's source it was made from (informative)
  std::map<std::string, Level> levels;  // ACT rule id → level reached
};

Result<Baseline> parse_baseline(std::string_view json_text);
Result<Baseline> read_baseline(const std::string& path);

// The baseline for `run`: every ACT rule with examples, its name and level, sorted by id,
// as stable, diff-friendly JSON (ends with a newline).
std::string baseline_json(const Suite& suite, const SuiteRun& run);

struct GateViolation {
  enum class Kind : unsigned char { BelowBaseline, FalsePositive };
  Kind kind = Kind::BelowBaseline;
  std::size_t rule = 0;  // index into Suite::rules / SuiteRun::rules
  Level baseline = Level::NotImplemented;
  Level current = Level::NotImplemented;
  std::string granska_rule;  // FalsePositive: the rule that failed the example
  std::size_t testcase = 0;  // FalsePositive: index into Suite::testcases
};

// Rules absent from the baseline have no floor; baseline rules absent from the suite are
// ignored (the suite changed, not granska). False positives count on the examples that
// are scored (approved ones when the rule has any), as in the W3C reports.
std::vector<GateViolation> check_gate(const Suite& suite, const SuiteRun& run, const Baseline& baseline);

// One line naming the offender: rule, level or test case id, title and file, and what
// granska said.
std::string describe(const GateViolation& v, const Suite& suite, const SuiteRun& run, Lang lang);

}  // namespace granska::act
