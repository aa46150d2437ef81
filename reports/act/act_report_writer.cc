// `granska act` reports: the per-rule summary (text and JSON) and the EARL subjects.
// Rule names, titles and messages come from the suite's data and pages: escaped for the
// terminal in text, JSON-escaped in JSON.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "granska_version.h"
#include "reports/act/act_report.h"
#include "reports/common/terminal_escape.h"

namespace granska::reports {

namespace {

using act::Actual;
using act::Expected;
using act::Level;
using nlohmann::ordered_json;

std::string_view expected_label(Expected e, Lang lang) {
  const bool sv = lang == Lang::Sv;
  switch (e) {
    case Expected::Passed: return sv ? "godkänd" : "passed";
    case Expected::Failed: return sv ? "underkänd" : "failed";
    case Expected::Inapplicable: return sv ? "ej tillämplig" : "inapplicable";
  }
  return "";
}

std::string_view actual_label(Actual a, Lang lang) {
  const bool sv = lang == Lang::Sv;
  switch (a) {
    case Actual::Passed: return sv ? "godkänd" : "passed";
    case Actual::Failed: return sv ? "underkänd" : "failed";
    case Actual::CantTell: return sv ? "kan ej avgöra" : "cantTell";
    case Actual::Inapplicable: return sv ? "ej tillämplig" : "inapplicable";
    case Actual::Untested: return sv ? "ej testad" : "untested";
  }
  return "";
}

std::string_view kind_label(act::MismatchKind k, Lang lang) {
  const bool sv = lang == Lang::Sv;
  switch (k) {
    case act::MismatchKind::FalsePositive: return sv ? "falskt positivt" : "false positive";
    case act::MismatchKind::FalseNegative: return sv ? "falskt negativt" : "false negative";
    case act::MismatchKind::Untested: return sv ? "ej testad" : "untested";
  }
  return "";
}

std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::string seconds_text(double s, Lang lang) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  std::string out = buf;
  if (lang == Lang::Sv) std::replace(out.begin(), out.end(), '.', ',');
  return out + " s";
}

std::string pad(std::string_view s, std::size_t width) {
  // Width in code points, so Swedish letters line up.
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  std::string out(s);
  if (n < width) out.append(width - n, ' ');
  return out;
}

// What the granska rules said on an example, for a mismatch: the failed findings for a
// false positive, otherwise every message.
std::vector<std::string> what_granska_said(const act::CaseResult& c, const std::vector<std::string>& rules, bool only_failed) {
  std::vector<std::string> out;
  for (const act::Assertion& a : c.assertions) {
    if (std::find(rules.begin(), rules.end(), a.rule) == rules.end()) continue;
    if (only_failed && a.outcome != Actual::Failed) continue;
    if (a.message.empty()) continue;
    std::string line = a.rule + ": " + a.message;
    if (!a.selector.empty()) line += " [" + a.selector + "]";
    if (std::find(out.begin(), out.end(), line) == out.end()) out.push_back(std::move(line));
  }
  return out;
}

std::string got_text(const std::vector<Actual>& got, Lang lang) {
  std::vector<std::string> labels;
  for (Actual a : got) labels.emplace_back(actual_label(a, lang));
  return join(labels, " + ");
}

void write_rule_details(std::ostream& out, const act::Suite& suite, const act::SuiteRun& run,
                        const act::RuleReport& r, Lang lang) {
  const bool sv = lang == Lang::Sv;
  const act::ActRule& rule = suite.rules[r.rule];
  const act::RuleScore& s = r.score;
  const act::Counts& c = s.counts;
  out << "\n" << rule.id << "  " << escape_for_terminal(rule.name)
      << (r.approved ? (sv ? "  (godkänd ACT-regel)" : "  (approved ACT rule)") : (sv ? "  (föreslagen ACT-regel)" : "  (proposed ACT rule)"))
      << "\n";
  out << "  " << (sv ? "Nivå: " : "Level: ") << label(s.level).in(lang) << "  (granska: " << join(r.mapped);
  if (s.procedures.size() != r.mapped.size() && !s.procedures.empty()) {
    out << (sv ? "; nivån ges av " : "; level from ") << join(s.procedures);
  }
  out << ")\n";
  out << "  " << (sv ? "Exempel som räknas: " : "Examples that count: ") << c.scored << (sv ? " av " : " of ") << c.examples
      << (sv ? " (väntat: " : " (expected: ") << c.expected_passed << (sv ? " godkända, " : " passed, ") << c.expected_failed
      << (sv ? " underkända, " : " failed, ") << c.expected_inapplicable << (sv ? " ej tillämpliga)" : " inapplicable)") << "\n";
  out << "  " << (sv ? "Utfall: " : "Results: ") << c.true_positives << (sv ? " rätt underkända · " : " true positives · ")
      << c.false_positives << (sv ? " falskt positiva · " : " false positives · ") << c.false_negatives
      << (sv ? " falskt negativa · " : " false negatives · ") << c.cant_tell << (sv ? " kan ej avgöra · " : " cantTell · ")
      << c.untested << (sv ? " ej testade" : " untested") << "\n";
  out << "  " << (sv ? "Framgångskriterier: ACT-regeln kräver " : "Success criteria: the ACT rule requires ")
      << (rule.requirements.required.empty() ? "–" : join(rule.requirements.required)) << (sv ? "; granska rapporterar " : "; granska reports ")
      << (s.reported_criteria.empty() ? "–" : join(s.reported_criteria)) << " — "
      << (s.requirements_match ? (sv ? "stämmer" : "match") : (sv ? "stämmer inte" : "mismatch")) << "\n";
  if (s.mismatches.empty()) return;
  out << "  " << (sv ? "Avvikelser:" : "Mismatches:") << "\n";
  for (const act::Mismatch& m : s.mismatches) {
    const std::size_t i = r.examples[m.example];
    const act::TestCase& tc = suite.testcases[i];
    out << "    - " << escape_for_terminal(tc.title) << " (" << tc.id << ")";
    if (!m.scored) out << (sv ? " [räknas inte: förslagsexempel]" : " [does not count: proposed example]");
    out << ": " << kind_label(m.kind, lang) << (sv ? " (väntat " : " (expected ") << expected_label(tc.expected, lang);
    if (m.kind != act::MismatchKind::Untested) out << (sv ? ", fick " : ", got ") << got_text(m.got, lang);
    out << ")";
    std::string reason = act::untested_reason(tc, run.cases[i], lang);
    if (!reason.empty()) out << " — " << reason;
    out << "\n      " << tc.file << "\n";
    for (const std::string& said : what_granska_said(run.cases[i], s.procedures, m.kind == act::MismatchKind::FalsePositive)) {
      out << "      " << escape_for_terminal(said) << "\n";
    }
  }
  // A false positive of a rule the scoring dropped still shows on real pages.
  for (const act::FalsePositive& fp : s.false_positives) {
    if (std::find(s.procedures.begin(), s.procedures.end(), fp.procedure) != s.procedures.end()) continue;
    const act::TestCase& tc = suite.testcases[r.examples[fp.example]];
    out << "    - " << fp.procedure << (sv ? " underkände " : " failed ") << escape_for_terminal(tc.title) << " (" << tc.id
        << ")" << (sv ? ", väntat " : ", expected ") << expected_label(tc.expected, lang) << "\n      " << tc.file << "\n";
  }
}

ordered_json strings(const std::vector<std::string>& v) {
  ordered_json a = ordered_json::array();
  for (const std::string& s : v) a.push_back(s);
  return a;
}

}  // namespace

void write_act_text(std::ostream& out, const act::Suite& suite, const act::SuiteRun& run, const Options& opt) {
  const Lang lang = opt.lang;
  const bool sv = lang == Lang::Sv;
  const act::Totals t = act::totals(run);
  out << "granska " << kVersion << (sv ? " — W3C:s ACT-regler" : " — W3C ACT rules") << "\n";
  if (!suite.source.empty()) out << (sv ? "Testsvit: " : "Test suite: ") << escape_for_terminal(suite.source) << "\n";
  out << t.rules << (sv ? " ACT-regler med " : " ACT rules with ") << suite.testcases.size() << (sv ? " exempel; granska implementerar " : " examples; granska implements ")
      << t.implemented << (sv ? " av dem." : " of them.") << "\n\n";

  out << pad(sv ? "Regel" : "Rule", 8) << pad(sv ? "Nivå" : "Level", 22) << pad(sv ? "Godkänd" : "Approved", 10)
      << pad(sv ? "Exempel" : "Examples", 10) << (sv ? "Namn" : "Name") << "\n";
  for (const act::RuleReport& r : run.rules) {
    const act::ActRule& rule = suite.rules[r.rule];
    out << pad(rule.id, 8) << pad(label(r.score.level).in(lang), 22) << pad(r.approved ? (sv ? "ja" : "yes") : (sv ? "nej" : "no"), 10)
        << pad(std::to_string(r.examples.size()), 10) << escape_for_terminal(rule.name) << "\n";
  }

  for (const act::RuleReport& r : run.rules) {
    if (r.score.level != Level::NotImplemented) write_rule_details(out, suite, run, r, lang);
  }

  out << "\n" << (sv ? "Sammanfattning" : "Summary") << "\n";
  out << "  " << (sv ? "Konsekventa: " : "Consistent: ") << t.consistent << (sv ? " av " : " of ") << t.implemented
      << (sv ? " implementerade ACT-regler; " : " implemented ACT rules; ") << t.consistent_approved << (sv ? " av " : " of ")
      << t.approved_rules << (sv ? " godkända ACT-regler" : " approved ACT rules") << "\n";
  out << "  " << (sv ? "Delvis konsekventa: " : "Partially consistent: ") << t.partial << (sv ? " · inkonsekventa: " : " · inconsistent: ")
      << t.inconsistent << (sv ? " · ej testade: " : " · untested: ") << t.untested << (sv ? " · ej implementerade: " : " · not implemented: ")
      << (t.rules - t.implemented) << "\n";
  out << "  " << (sv ? "Falskt positiva: " : "False positives: ") << t.false_positives;
  if (t.false_positives_unscored) {
    out << (sv ? " (och " : " (and ") << t.false_positives_unscored
        << (sv ? " på förslagsexempel som inte räknas)" : " on proposed examples that do not count)");
  }
  out << "\n";
  out << "  " << (sv ? "Exempel körda: " : "Examples run: ") << t.examples_run << (sv ? " · ej testade: " : " · untested: ")
      << t.examples_untested << "\n";
  out << "  " << (sv ? "Körtid: " : "Run time: ") << seconds_text(run.seconds, lang) << "\n";
}

void write_act_json(std::ostream& out, const act::Suite& suite, const act::SuiteRun& run, const Options& opt) {
  const Lang lang = opt.lang;
  const act::Totals t = act::totals(run);
  ordered_json rules = ordered_json::array();
  for (const act::RuleReport& r : run.rules) {
    const act::ActRule& rule = suite.rules[r.rule];
    const act::RuleScore& s = r.score;
    const act::Counts& c = s.counts;
    ordered_json mismatches = ordered_json::array();
    for (const act::Mismatch& m : s.mismatches) {
      const std::size_t i = r.examples[m.example];
      const act::TestCase& tc = suite.testcases[i];
      ordered_json got = ordered_json::array();
      for (Actual a : m.got) got.push_back(act::to_string(a));
      ordered_json mj{{"testcase_id", tc.id},   {"title", tc.title},      {"file", tc.file},
                      {"url", tc.url},          {"expected", act::to_string(tc.expected)},
                      {"got", std::move(got)},  {"kind", act::to_string(m.kind)}, {"scored", m.scored}};
      std::string reason = act::untested_reason(tc, run.cases[i], lang);
      if (!reason.empty()) mj["reason"] = reason;
      mj["granska_said"] = strings(what_granska_said(run.cases[i], s.procedures, m.kind == act::MismatchKind::FalsePositive));
      mismatches.push_back(std::move(mj));
    }
    ordered_json fps = ordered_json::array();
    for (const act::FalsePositive& fp : s.false_positives) {
      const act::TestCase& tc = suite.testcases[r.examples[fp.example]];
      fps.push_back({{"granska_rule", fp.procedure}, {"testcase_id", tc.id}, {"title", tc.title}, {"file", tc.file}, {"scored", fp.scored}});
    }
    rules.push_back(ordered_json{
        {"id", rule.id},
        {"name", rule.name},
        {"status", rule.status},
        {"approved", r.approved},
        {"level", act::to_string(s.level)},
        {"level_label", label(s.level).in(lang)},
        {"granska_rules", strings(r.mapped)},
        {"scored_by", strings(s.procedures)},
        {"requirements", {{"required", strings(rule.requirements.required)}, {"allowed", strings(rule.requirements.allowed)}}},
        {"reported_criteria", strings(s.reported_criteria)},
        {"requirements_match", s.requirements_match},
        {"counts",
         {{"examples", c.examples},
          {"scored", c.scored},
          {"expected_passed", c.expected_passed},
          {"expected_failed", c.expected_failed},
          {"expected_inapplicable", c.expected_inapplicable},
          {"true_positives", c.true_positives},
          {"false_positives", c.false_positives},
          {"false_negatives", c.false_negatives},
          {"cant_tell", c.cant_tell},
          {"untested", c.untested}}},
        {"mismatches", std::move(mismatches)},
        {"false_positives", std::move(fps)},
    });
  }
  ordered_json j{
      {"schema_version", kActJsonSchemaVersion},
      {"tool", {{"name", "granska"}, {"version", kVersion}}},
      {"lang", lang == Lang::Sv ? "sv" : "en"},
      {"suite", {{"source", suite.source}, {"rules", suite.rules.size()}, {"testcases", suite.testcases.size()}}},
      {"totals",
       {{"rules", t.rules},
        {"approved_rules", t.approved_rules},
        {"implemented", t.implemented},
        {"consistent", t.consistent},
        {"consistent_approved", t.consistent_approved},
        {"partially_consistent", t.partial},
        {"inconsistent", t.inconsistent},
        {"untested", t.untested},
        {"not_implemented", t.rules - t.implemented},
        {"examples", t.examples},
        {"examples_run", t.examples_run},
        {"examples_untested", t.examples_untested},
        {"false_positives", t.false_positives},
        {"false_positives_unscored", t.false_positives_unscored}}},
      {"seconds", run.seconds},
      {"rules", std::move(rules)},
  };
  out << j.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

std::vector<EarlSubject> act_earl_subjects(const act::Suite& suite, const act::SuiteRun& run, Lang lang) {
  std::vector<EarlSubject> subjects;
  for (std::size_t i = 0; i < suite.testcases.size(); ++i) {
    const act::CaseResult& c = run.cases[i];
    if (c.assertions.empty()) continue;
    const act::TestCase& tc = suite.testcases[i];
    EarlSubject s{tc.url, tc.rule_name + " — " + tc.title, {}};
    const std::string reason = act::untested_reason(tc, c, lang);
    for (const act::Assertion& a : c.assertions) {
      EarlOutcome o = EarlOutcome::Untested;
      switch (a.outcome) {
        case Actual::Passed: o = EarlOutcome::Passed; break;
        case Actual::Failed: o = EarlOutcome::Failed; break;
        case Actual::CantTell: o = EarlOutcome::CantTell; break;
        case Actual::Inapplicable: o = EarlOutcome::Inapplicable; break;
        case Actual::Untested: o = EarlOutcome::Untested; break;
      }
      s.assertions.push_back(EarlAssertion{a.rule, a.criteria, o, a.outcome == Actual::Untested ? reason : a.message, a.selector});
    }
    subjects.push_back(std::move(s));
  }
  return subjects;
}

}  // namespace granska::reports
