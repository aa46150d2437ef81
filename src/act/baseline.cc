#include "act/baseline.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace granska::act {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

Error baseline_error(const std::string& en, const std::string& sv) {
  return Error{"ACT baseline: " + en, "ACT-baslinjen: " + sv};
}

}  // namespace

Result<Baseline> parse_baseline(std::string_view json_text) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return baseline_error("not valid JSON", "inte giltig JSON");
  }
  auto rules = j.find("rules");
  if (rules == j.end() || !rules->is_object()) {
    return baseline_error("no \"rules\" object", "saknar objektet \"rules\"");
  }
  Baseline b;
  if (auto s = j.find("suite"); s != j.end() && s->is_string()) b.suite = s->get<std::string>();
  for (const auto& [id, entry] : rules->items()) {
    const json* level = entry.is_object() && entry.contains("level") ? &entry["level"] : nullptr;
    std::optional<Level> parsed = level && level->is_string() ? parse_level(level->get<std::string>()) : std::nullopt;
    if (!parsed) {
      return baseline_error("rule " + id + " has no valid \"level\"", "regel " + id + " saknar giltig \"level\"");
    }
    b.levels[id] = *parsed;
  }
  return b;
}

Result<Baseline> read_baseline(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return baseline_error("cannot read " + path, "kan inte läsa " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_baseline(text.str());
}

std::string baseline_json(const Suite& suite, const SuiteRun& run) {
  ordered_json rules = ordered_json::object();
  for (const RuleReport& r : run.rules) {
    const ActRule& rule = suite.rules[r.rule];
    rules[rule.id] = ordered_json{{"level", to_string(r.score.level)}, {"name", rule.name}};
  }
  ordered_json j{
      {"about",
       "The consistency level granska reaches per W3C ACT rule. tests/src/act/act_gate_test.cc fails when a "
       "rule falls below it. Regenerate with: granska act --suite ../shared/act/testcases.json "
       "--write-baseline tests/act/baseline.json"},
      {"suite", suite.source},
      {"rules", std::move(rules)},
  };
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::vector<GateViolation> check_gate(const Suite& suite, const SuiteRun& run, const Baseline& baseline) {
  std::vector<GateViolation> out;
  for (const RuleReport& r : run.rules) {
    const ActRule& rule = suite.rules[r.rule];
    if (auto it = baseline.levels.find(rule.id); it != baseline.levels.end() && r.score.level < it->second) {
      out.push_back(GateViolation{GateViolation::Kind::BelowBaseline, r.rule, it->second, r.score.level, {}, 0});
    }
    for (const FalsePositive& fp : r.score.false_positives) {
      if (!fp.scored) continue;
      out.push_back(GateViolation{GateViolation::Kind::FalsePositive, r.rule, Level::NotImplemented, r.score.level,
                                  fp.procedure, r.examples[fp.example]});
    }
  }
  return out;
}

std::string describe(const GateViolation& v, const Suite& suite, const SuiteRun& run, Lang lang) {
  const bool sv = lang == Lang::Sv;
  const ActRule& rule = suite.rules[v.rule];
  std::string out = "ACT " + rule.id + " (" + rule.name + "): ";
  if (v.kind == GateViolation::Kind::BelowBaseline) {
    out += sv ? "nivån sjönk från " : "level fell from ";
    out += std::string(label(v.baseline).in(lang)) + (sv ? " till " : " to ") + std::string(label(v.current).in(lang));
    return out;
  }
  const TestCase& tc = suite.testcases[v.testcase];
  out += sv ? "falskt positivt: " : "false positive: ";
  out += v.granska_rule + (sv ? " underkände " : " failed ") + "\"" + tc.title + "\" (" + tc.id + ", " + tc.file + ")";
  out += sv ? ", väntat " : ", expected ";
  out += to_string(tc.expected);
  for (const Assertion& a : run.cases[v.testcase].assertions) {
    if (a.rule != v.granska_rule || a.outcome != Actual::Failed) continue;
    out += " — " + a.message;
    if (!a.selector.empty()) out += " [" + a.selector + "]";
  }
  return out;
}

}  // namespace granska::act
