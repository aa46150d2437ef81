// Scoring granska against the W3C ACT Rules test cases, the way the W3C implementation
// pages do it (act-rules/act-tools, src/map-implementation; summarised in
// ../shared/act/README.md "What consistent means"). Pure functions over plain data, so
// every level and edge case is unit-tested without a suite on disk.
//
// Vocabulary: an ACT rule has examples (test cases) with an expected outcome; a
// "procedure" is one granska rule mapped to that ACT rule (RuleInfo::act_rules), with the
// outcomes it gave on each example.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/lang.h"

namespace granska::act {

enum class Expected : unsigned char { Passed, Failed, Inapplicable };
// What a procedure said on an example. Untested: it was not run there (e.g. an SVG file).
enum class Actual : unsigned char { Passed, Failed, CantTell, Inapplicable, Untested };

// How well granska matches an ACT rule. Ordered worst to best, so a drop compares as `<`.
// NotImplemented: no granska rule maps to it. Untested: some do, but none could be run on
// any example (act-tools would call that inconsistent; we keep it apart so the summary
// says why).
enum class Level : unsigned char { NotImplemented, Untested, Inconsistent, Partial, Consistent };

std::string_view to_string(Expected e);  // "passed", "failed", "inapplicable"
std::string_view to_string(Actual a);    // "passed", "failed", "cantTell", "inapplicable", "untested"
// "consistent", "partially-consistent", "inconsistent", "untested", "not-implemented"
// (stable: used in JSON output and in tests/act/baseline.json).
std::string_view to_string(Level l);
std::optional<Level> parse_level(std::string_view s);
Text label(Level l);  // "konsekvent" / "consistent", ...

struct Example {
  std::string id;     // testcaseId
  std::string title;  // "Passed Example 1"
  Expected expected = Expected::Passed;
  bool approved = false;  // part of the W3C-approved version of the rule
};

// The WCAG success criteria (numbers such as "2.4.2") an ACT rule maps.
struct Requirements {
  std::vector<std::string> required;  // non-secondary: a consistent procedure must report each
  std::vector<std::string> allowed;   // every SC the rule maps, secondary ones included
};

// One granska rule's results on the examples of one ACT rule.
struct ProcedureResults {
  std::string name;                    // granska rule id
  std::vector<std::string> criteria;   // the SCs this rule reports when it fails
  // Per example, parallel to the examples: every outcome the rule gave there (one per
  // finding). Empty means untested.
  std::vector<std::vector<Actual>> outcomes;
};

enum class MismatchKind : unsigned char { FalsePositive, FalseNegative, Untested };
std::string_view to_string(MismatchKind k);  // "false-positive", "false-negative", "untested"

struct Mismatch {
  std::size_t example = 0;   // index into the examples
  MismatchKind kind = MismatchKind::Untested;
  std::vector<Actual> got;   // the pooled outcomes, deduplicated, in Actual order
  bool scored = true;        // false: a proposed example ignored because the rule has approved ones
};

// A failed verdict from one granska rule on a passed or inapplicable example. Listed per
// rule, even for rules that point 7 of the scoring drops, because a person checking a
// real page would see it.
struct FalsePositive {
  std::string procedure;
  std::size_t example = 0;
  bool scored = true;
};

// Counts over the examples that count (approved ones when the rule has any).
struct Counts {
  std::size_t examples = 0;  // all examples of the rule
  std::size_t scored = 0;
  std::size_t expected_passed = 0, expected_failed = 0, expected_inapplicable = 0;
  std::size_t true_positives = 0;   // failed example, some outcome failed
  std::size_t false_positives = 0;  // passed/inapplicable example, some outcome failed
  std::size_t false_negatives = 0;  // failed example, every outcome passed/inapplicable/untested
  std::size_t cant_tell = 0;        // examples with a cantTell among their outcomes
  std::size_t untested = 0;         // examples with an untested outcome
};

struct RuleScore {
  Level level = Level::NotImplemented;
  // The granska rules whose pooled results give the level (the best-scoring ones).
  std::vector<std::string> procedures;
  std::vector<std::string> reported_criteria;  // SCs the chosen rules report as failed
  bool requirements_match = false;             // reported_criteria pass the SC check
  Counts counts;
  std::vector<Mismatch> mismatches;  // of the pooled results, over every example
  std::vector<FalsePositive> false_positives;
};

// The act-tools level of one procedure: inconsistent on any false positive; consistent
// with no false negative, nothing untested, at least one true positive and matching
// success criteria; partial with a true positive, or with some cantTell and every
// inapplicable example passed/inapplicable. Only approved examples count when there are
// any. `examples` and `procedure.outcomes` must be the same length.
Level consistency(std::span<const Example> examples, const Requirements& requirements,
                  const ProcedureResults& procedure);

// The SC check: every required SC is reported, and every reported SC is one the rule maps.
bool requirements_match(std::span<const std::string> reported, const Requirements& requirements);

// Scores one ACT rule: each procedure alone, then the best level's procedures pooled per
// example (and a pooled "partial" set scored again, which may make it consistent). No
// procedures gives NotImplemented; procedures that ran on no example give Untested.
RuleScore score_rule(std::span<const Example> examples, const Requirements& requirements,
                     std::span<const ProcedureResults> procedures);

}  // namespace granska::act
