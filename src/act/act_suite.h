// The W3C ACT Rules test suite as granska sees it: loading the extracted data
// (../shared/act/testcases.json and rules.json beside it), running the granska rules that
// map to each ACT rule over its example pages, and scoring them (act/scoring.h).
//
// Nothing here throws across the module boundary: a missing or malformed suite is an
// Error; an unreadable or non-HTML example is recorded as untested, never guessed.
// Thread-safety: load/run are pure functions of their inputs; results are plain data.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "act/scoring.h"
#include "render/rendered_view.h"
#include "engine/registry.h"
#include "util/lang.h"
#include "util/result.h"

namespace granska::act {

struct TestCase {
  std::string rule_id;    // ACT rule id, e.g. "2779a5"
  std::string rule_name;
  std::string id;         // testcaseId: unique only together with rule_id
  std::string title;      // "Failed Example 3"
  Expected expected = Expected::Passed;
  bool approved = false;
  std::string file;  // relative to Suite::dir
  std::string url;   // the published URL: the EARL subject's source
};

struct ActRule {
  std::string id;
  std::string name;
  std::string status;  // rules.json: approved | proposed | deprecated
  Requirements requirements;
  std::string page;    // the rule's page on w3.org
};

struct Suite {
  std::string dir;     // the folder holding testcases.json; example files are relative to it
  std::string source;  // where the data comes from: "github.com/w3c/wcag-act-rules@<commit> (<date>)"
  std::vector<TestCase> testcases;  // in file order
  std::vector<ActRule> rules;       // every rule with at least one test case, sorted by id

  const ActRule* find_rule(std::string_view id) const;
};

// Reads testcases.json at `testcases_path` and rules.json beside it. The SC requirements
// of a rule are its scoringSuccessCriteria when present, else its successCriteria.
Result<Suite> load_suite(const std::string& testcases_path);
// The same from the two JSON texts; `dir` is where example files are looked up.
Result<Suite> parse_suite(std::string_view testcases_json, std::string_view rules_json, std::string dir);

// What one granska rule said on one example: one per finding, one Inapplicable when it
// found nothing, one Untested when it could not be run.
struct Assertion {
  std::string rule;                   // granska rule id
  std::vector<std::string> criteria;  // its WCAG SCs ("2.4.2")
  Actual outcome = Actual::Untested;
  std::string message;   // in RunOptions::lang; may quote the page (untrusted)
  std::string selector;  // unique CSS selector; empty for page-level findings
};

// Why an example was not run.
enum class Untested : unsigned char { No, Unreadable, NotRendered };

struct CaseResult {
  // Every mapped granska rule's assertions; empty when no granska rule maps to the
  // example's ACT rule.
  std::vector<Assertion> assertions;
  Untested untested = Untested::No;
};

// "cannot read FILE" / "kan inte läsa FILE"; "" when it ran.
std::string untested_reason(const TestCase& testcase, const CaseResult& result, Lang lang);

struct RuleReport {
  std::size_t rule = 0;                // index into Suite::rules
  std::vector<std::size_t> examples;   // indices into Suite::testcases, in file order
  std::vector<std::string> mapped;     // granska rules mapping to it, in registry order
  bool approved = false;               // any approved example (how the W3C reports count)
  RuleScore score;                     // mismatch/false-positive indices are into `examples`
};

struct SuiteRun {
  std::vector<CaseResult> cases;  // parallel to Suite::testcases
  std::vector<RuleReport> rules;  // parallel to Suite::rules
  double seconds = 0;             // wall time of read + parse + evaluate + score
};

struct RunOptions {
  Lang lang = Lang::Sv;  // language of Assertion::message
  // Rendering mode (`granska act --render`): each example file is opened by this function
  // (given its file: URL) in a browser, and the rules check what the browser shows
  // (pipeline::check_rendered). Called from `threads` threads at once. Empty: static.
  std::function<Result<render::RenderedView>(const std::string& file_url)> render = nullptr;
  int threads = 1;
};

// Runs every rule of `registry` that maps to an ACT rule over that rule's examples and
// scores it. Each distinct example file is read and parsed once, however many ACT rules
// share it. The result refers to `suite` by index only.
SuiteRun run_suite(const Suite& suite, const engine::Registry& registry, const RunOptions& options = {});

// The overall figures.
struct Totals {
  std::size_t rules = 0;          // ACT rules with examples
  std::size_t approved_rules = 0;
  std::size_t implemented = 0;    // with at least one granska rule mapped
  std::size_t consistent = 0, partial = 0, inconsistent = 0, untested = 0;
  std::size_t consistent_approved = 0;
  std::size_t examples = 0, examples_run = 0, examples_untested = 0;  // over implemented rules
  std::size_t false_positives = 0;           // scored examples some mapped rule failed wrongly
  std::size_t false_positives_unscored = 0;  // the same on proposed examples that do not count
};
Totals totals(const SuiteRun& run);

}  // namespace granska::act
