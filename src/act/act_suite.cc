#include "act/act_suite.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <atomic>
#include <thread>
#include <unordered_map>

#include "engine/evaluate.h"
#include "html/charset.h"
#include "html/selector.h"
#include "input/load.h"
#include "pipeline/check_page.h"
#include "util/text.h"

namespace granska::act {

const ActRule* Suite::find_rule(std::string_view id) const {
  auto it = std::lower_bound(rules.begin(), rules.end(), id, [](const ActRule& r, std::string_view v) { return r.id < v; });
  return it != rules.end() && it->id == id ? &*it : nullptr;
}

namespace {

using nlohmann::json;

Error suite_error(const std::string& what_en, const std::string& what_sv) {
  return Error{"ACT suite: " + what_en, "ACT-sviten: " + what_sv};
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}

std::string string_or(const json& j, const char* key, std::string fallback = {}) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

void add_unique(std::vector<std::string>& list, std::string sc) {
  if (std::find(list.begin(), list.end(), sc) == list.end()) list.push_back(std::move(sc));
}

// "wcag20:2.4.2" / "wcag21:1.3.5" → "2.4.2"; "" for techniques, ARIA and the rest.
std::string sc_from_key(std::string_view key) {
  if (key.size() > 7 && key.substr(0, 5) == "wcag2" && key[6] == ':' && key[5] >= '0' && key[5] <= '9') {
    return std::string(key.substr(7));
  }
  return {};
}

// A test case's ruleAccessibilityRequirements: the fallback for a rule missing from
// rules.json (act-tools reads the requirements from there in the first place).
Requirements requirements_from_testcase(const json& tc) {
  Requirements r;
  auto it = tc.find("ruleAccessibilityRequirements");
  if (it == tc.end() || !it->is_object()) return r;
  for (const auto& [key, value] : it->items()) {
    std::string sc = sc_from_key(key);
    if (sc.empty()) continue;
    add_unique(r.allowed, sc);
    if (!value.is_object() || !value.contains("secondary")) add_unique(r.required, sc);
  }
  return r;
}

Requirements requirements_from_rule(const json& rule) {
  Requirements r;
  if (auto it = rule.find("scoringSuccessCriteria"); it != rule.end() && it->is_object()) {
    // The approved version's mapping, which is what the W3C reports score against.
    for (const json& sc : it->value("primary", json::array())) {
      add_unique(r.required, sc.get<std::string>());
      add_unique(r.allowed, sc.get<std::string>());
    }
    for (const json& sc : it->value("secondary", json::array())) add_unique(r.allowed, sc.get<std::string>());
    return r;
  }
  for (const json& sc : rule.value("successCriteria", json::array())) {
    std::string number = sc.at("sc").get<std::string>();
    add_unique(r.allowed, number);
    if (!sc.value("secondary", false)) add_unique(r.required, number);
  }
  return r;
}

std::optional<Expected> parse_expected(const std::string& s) {
  if (s == "passed") return Expected::Passed;
  if (s == "failed") return Expected::Failed;
  if (s == "inapplicable") return Expected::Inapplicable;
  return std::nullopt;
}

Result<Suite> parse_checked(std::string_view testcases_json, std::string_view rules_json, std::string dir) {
  json tj = json::parse(testcases_json, nullptr, false);
  if (tj.is_discarded() || !tj.is_object() || !tj.contains("testcases") || !tj["testcases"].is_array()) {
    return suite_error("testcases.json is not valid JSON with a \"testcases\" list",
                       "testcases.json är inte giltig JSON med en \"testcases\"-lista");
  }
  json rj = json::parse(rules_json, nullptr, false);
  if (rj.is_discarded() || !rj.is_object() || !rj.contains("rules") || !rj["rules"].is_array()) {
    return suite_error("rules.json is not valid JSON with a \"rules\" list",
                       "rules.json är inte giltig JSON med en \"rules\"-lista");
  }

  Suite suite;
  suite.dir = std::move(dir);
  suite.source = string_or(tj, "source");
  std::map<std::string, const json*> rule_data;
  for (const json& r : rj["rules"]) rule_data[r.at("id").get<std::string>()] = &r;

  std::map<std::string, ActRule> rules;
  std::size_t n = 0;
  for (const json& tc : tj["testcases"]) {
    ++n;
    TestCase t;
    t.rule_id = tc.at("ruleId").get<std::string>();
    t.rule_name = string_or(tc, "ruleName");
    t.id = tc.at("testcaseId").get<std::string>();
    t.title = string_or(tc, "testcaseTitle");
    std::string expected = tc.at("expected").get<std::string>();
    auto e = parse_expected(expected);
    if (!e) {
      return suite_error("test case " + std::to_string(n) + " has an unknown expected outcome \"" + expected + "\"",
                         "testfall " + std::to_string(n) + " har ett okänt förväntat utfall \"" + expected + "\"");
    }
    t.expected = *e;
    t.approved = tc.value("approved", false);
    t.file = tc.at("file").get<std::string>();
    t.url = string_or(tc, "url");
    if (t.file.empty() || t.file.front() == '/' || t.file.find("..") != std::string::npos) {
      // The file names come from data: keep them inside the suite folder.
      return suite_error("test case " + std::to_string(n) + " has a file outside the suite: " + t.file,
                         "testfall " + std::to_string(n) + " pekar på en fil utanför sviten: " + t.file);
    }
    if (!rules.contains(t.rule_id)) {
      ActRule rule;
      rule.id = t.rule_id;
      rule.name = t.rule_name;
      if (auto it = rule_data.find(t.rule_id); it != rule_data.end()) {
        const json& r = *it->second;
        rule.name = string_or(r, "name", t.rule_name);
        rule.status = string_or(r, "status");
        rule.page = string_or(r, "rulePage");
        rule.requirements = requirements_from_rule(r);
      } else {
        rule.requirements = requirements_from_testcase(tc);
      }
      rules.emplace(t.rule_id, std::move(rule));
    }
    suite.testcases.push_back(std::move(t));
  }
  for (auto& [id, rule] : rules) suite.rules.push_back(std::move(rule));
  return suite;
}

Actual actual(engine::Outcome o) {
  switch (o) {
    case engine::Outcome::Passed: return Actual::Passed;
    case engine::Outcome::Failed: return Actual::Failed;
    case engine::Outcome::CantTell: return Actual::CantTell;
    case engine::Outcome::Inapplicable: return Actual::Inapplicable;
  }
  return Actual::Untested;
}

// The SCs a rule's failures fail. A best practice only relates to its criteria (its
// failures fail none, see RuleKind), so in ACT and EARL terms it claims none.
std::vector<std::string> criteria_of(const engine::RuleInfo& info) {
  std::vector<std::string> out;
  if (info.kind == engine::RuleKind::BestPractice) return out;
  for (const engine::CriterionRef& c : info.criteria) out.emplace_back(c.number);
  return out;
}

void mark_untested(CaseResult& result, const std::vector<const engine::Rule*>& rules, Untested why) {
  for (const engine::Rule* r : rules) {
    result.assertions.push_back(Assertion{std::string(r->info.id), criteria_of(r->info), Actual::Untested, {}, {}});
  }
  result.untested = why;
}

void mark_not_html(CaseResult& result, const std::vector<const engine::Rule*>& rules, std::string_view file,
                   Lang lang) {
  std::string ext(file.substr(file.rfind('.') == std::string_view::npos ? file.size() : file.rfind('.')));
  std::string why = lang == Lang::Sv ? "inte ett HTML-dokument (" + ext + "): granskas regler gäller HTML-sidor"
                                     : "not an HTML document (" + ext + "): granska's rules apply to HTML pages";
  for (const engine::Rule* r : rules) {
    result.assertions.push_back(Assertion{std::string(r->info.id), criteria_of(r->info), Actual::Inapplicable, why, {}});
  }
}

void record(CaseResult& result, const engine::PageEvaluation& evaluation, Lang lang) {
  for (const engine::RuleResult& rr : evaluation.rules) {
    const engine::RuleInfo& info = rr.rule->info;
    if (rr.findings.empty()) {
      result.assertions.push_back(Assertion{std::string(info.id), criteria_of(info), Actual::Inapplicable, {}, {}});
      continue;
    }
    for (const engine::Finding& f : rr.findings) {
      // A page-level finding (node == nullptr) has no selector: the subject is the page.
      std::string selector = f.node && f.node->is_element() ? html::unique_selector(*f.node) : std::string();
      result.assertions.push_back(
          Assertion{std::string(info.id), criteria_of(info), actual(f.outcome), f.text(lang), std::move(selector)});
    }
  }
}

bool is_html_file(std::string_view file) {
  auto dot = file.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext = text::ascii_lower(file.substr(dot + 1));
  return ext == "html" || ext == "htm";
}


// Rendering mode: every example of `by_content` rendered and checked, `threads` at a time.
template <class MappedTo>
void render_examples(const Suite& suite, const std::unordered_map<std::string, std::vector<std::size_t>>& by_content,
                     const MappedTo& mapped_to, const engine::Registry& registry, const RunOptions& options,
                     SuiteRun& run) {
  std::vector<std::size_t> examples;
  for (const auto& [bytes, indices] : by_content) examples.insert(examples.end(), indices.begin(), indices.end());
  std::sort(examples.begin(), examples.end());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < examples.size();) {
      const std::size_t i = examples[k];
      const TestCase& tc = suite.testcases[i];
      const std::string path =
          std::filesystem::absolute(std::filesystem::path(suite.dir) / tc.file).lexically_normal().string();
      Result<render::RenderedView> view = options.render(input::file_url_of(path));
      if (!view) {
        mark_untested(run.cases[i], mapped_to(tc.rule_id), Untested::NotRendered);
        continue;
      }
      input::Page page;
      page.target = tc.file;
      page.url = tc.url;
      pipeline::RunContext context;
      context.registry = &registry;
      for (const engine::Rule* r : mapped_to(tc.rule_id)) context.selection.only.emplace_back(r->info.id);
      auto checked = pipeline::check_rendered(std::move(page), std::move(view).value(), context, nullptr, nullptr);
      record(run.cases[i], checked->evaluation, options.lang);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < std::max(1, options.threads); ++t) threads.emplace_back(work);
  work();
  for (std::thread& t : threads) t.join();
}

}  // namespace

Result<Suite> parse_suite(std::string_view testcases_json, std::string_view rules_json, std::string dir) {
  try {
    return parse_checked(testcases_json, rules_json, std::move(dir));
  } catch (const json::exception& e) {
    // A field of the wrong type or a missing required one.
    return suite_error(std::string("unexpected data: ") + e.what(), std::string("oväntade data: ") + e.what());
  }
}

Result<Suite> load_suite(const std::string& testcases_path) {
  namespace fs = std::filesystem;
  auto testcases = read_file(testcases_path);
  if (!testcases) {
    return suite_error("cannot read " + testcases_path, "kan inte läsa " + testcases_path);
  }
  fs::path dir = fs::path(testcases_path).parent_path();
  std::string rules_path = (dir / "rules.json").string();
  auto rules = read_file(rules_path);
  if (!rules) return suite_error("cannot read " + rules_path, "kan inte läsa " + rules_path);
  return parse_suite(*testcases, *rules, dir.empty() ? std::string(".") : dir.string());
}

SuiteRun run_suite(const Suite& suite, const engine::Registry& registry, const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SuiteRun run;
  run.cases.resize(suite.testcases.size());

  std::map<std::string, std::vector<const engine::Rule*>, std::less<>> mapped;
  for (const engine::Rule* rule : registry.rules()) {
    for (std::string_view act_id : rule->info.act_rules) mapped[std::string(act_id)].push_back(rule);
  }
  auto mapped_to = [&](const std::string& act_id) -> const std::vector<const engine::Rule*>& {
    static const std::vector<const engine::Rule*> kNone;
    auto it = mapped.find(act_id);
    return it == mapped.end() ? kNone : it->second;
  };

  // Read every example a granska rule applies to; identical files are parsed once.
  // Equal testcase ids do not imply equal files (some differ between rules), so the key is
  // the content itself.
  std::unordered_map<std::string, std::vector<std::size_t>> by_content;
  for (std::size_t i = 0; i < suite.testcases.size(); ++i) {
    const TestCase& tc = suite.testcases[i];
    const auto& rules = mapped_to(tc.rule_id);
    if (rules.empty()) continue;
    if (!is_html_file(tc.file)) {
      // SVG and XML documents are not HTML pages, and every granska rule applies to HTML
      // pages only (granska check refuses other documents), so each rule is inapplicable:
      // a fact about the document type, not a guess about its content.
      mark_not_html(run.cases[i], rules, tc.file, options.lang);
      continue;
    }
    auto bytes = read_file(suite.dir + "/" + tc.file);
    if (!bytes) {
      mark_untested(run.cases[i], rules, Untested::Unreadable);
      continue;
    }
    by_content[std::move(*bytes)].push_back(i);
  }

  if (options.render) {
    render_examples(suite, by_content, mapped_to, registry, options, run);
    by_content.clear();
  }
  for (const auto& [bytes, indices] : by_content) {
    const html::Decoded decoded = html::decode_to_utf8(bytes);
    for (std::size_t i : indices) {
      const TestCase& tc = suite.testcases[i];
      // Each example is checked as a page of its own (its URL may differ from a twin's),
      // through the same path as every other page.
      input::Page page;
      page.target = tc.file;
      page.url = tc.url;
      page.decoded = decoded;
      pipeline::RunContext context;
      context.registry = &registry;
      for (const engine::Rule* r : mapped_to(tc.rule_id)) context.selection.only.emplace_back(r->info.id);
      const std::unique_ptr<pipeline::CheckedPage> checked = pipeline::check_page(std::move(page), context, nullptr);
      record(run.cases[i], checked->evaluation, options.lang);
    }
  }

  std::map<std::string_view, std::vector<std::size_t>> examples_of;
  for (std::size_t i = 0; i < suite.testcases.size(); ++i) examples_of[suite.testcases[i].rule_id].push_back(i);

  for (std::size_t r = 0; r < suite.rules.size(); ++r) {
    const ActRule& rule = suite.rules[r];
    RuleReport report;
    report.rule = r;
    report.examples = examples_of[rule.id];
    std::vector<Example> examples;
    for (std::size_t i : report.examples) {
      const TestCase& tc = suite.testcases[i];
      examples.push_back(Example{tc.id, tc.title, tc.expected, tc.approved});
      report.approved = report.approved || tc.approved;
    }
    std::vector<ProcedureResults> procedures;
    for (const engine::Rule* g : mapped_to(rule.id)) {
      report.mapped.emplace_back(g->info.id);
      ProcedureResults p{std::string(g->info.id), criteria_of(g->info), {}};
      for (std::size_t i : report.examples) {
        std::vector<Actual> outcomes;
        for (const Assertion& a : run.cases[i].assertions) {
          if (a.rule == g->info.id) outcomes.push_back(a.outcome);
        }
        p.outcomes.push_back(std::move(outcomes));
      }
      procedures.push_back(std::move(p));
    }
    report.score = score_rule(examples, rule.requirements, procedures);
    run.rules.push_back(std::move(report));
  }

  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

std::string untested_reason(const TestCase& testcase, const CaseResult& result, Lang lang) {
  const bool sv = lang == Lang::Sv;
  switch (result.untested) {
    case Untested::No: return {};
    case Untested::Unreadable: return (sv ? "kan inte läsa " : "cannot read ") + testcase.file;
    case Untested::NotRendered: return (sv ? "webbläsaren kunde inte visa " : "the browser could not render ") + testcase.file;
  }
  return {};
}

Totals totals(const SuiteRun& run) {
  Totals t;
  t.rules = run.rules.size();
  for (const RuleReport& r : run.rules) {
    if (r.approved) ++t.approved_rules;
    const Level level = r.score.level;
    if (level == Level::NotImplemented) continue;
    ++t.implemented;
    if (level == Level::Consistent) {
      ++t.consistent;
      if (r.approved) ++t.consistent_approved;
    }
    if (level == Level::Partial) ++t.partial;
    if (level == Level::Inconsistent) ++t.inconsistent;
    if (level == Level::Untested) ++t.untested;
    for (std::size_t i : r.examples) {
      ++t.examples;
      const CaseResult& c = run.cases[i];
      bool untested = std::any_of(c.assertions.begin(), c.assertions.end(),
                                  [](const Assertion& a) { return a.outcome == Actual::Untested; });
      ++(untested ? t.examples_untested : t.examples_run);
    }
    // One count per example, however many mapped rules failed it.
    std::vector<std::pair<std::size_t, bool>> seen;
    for (const FalsePositive& fp : r.score.false_positives) {
      std::pair<std::size_t, bool> key{fp.example, fp.scored};
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      ++(fp.scored ? t.false_positives : t.false_positives_unscored);
    }
  }
  return t;
}

}  // namespace granska::act
