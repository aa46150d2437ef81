// EARL JSON-LD writer (see reports/page/earl.h for the shape and who reads it).
#include <nlohmann/json.hpp>

#include "engine/criteria.h"
#include "granska_version.h"
#include "html/selector.h"
#include "reports/page/earl.h"
#include "reports/page/report.h"

namespace granska::reports {

namespace {

using nlohmann::ordered_json;

// A blank node: the assertor is described once in the graph and referenced by each
// assertion; granska has no public homepage to use as its IRI.
constexpr std::string_view kAssertorId = "_:granska";

ordered_json requirement_json(std::string_view sc) {
  const engine::Criterion* c = engine::find_criterion(sc);
  ordered_json j = ordered_json::object();
  std::string id = wcag_requirement_id(sc);
  if (!id.empty()) j["@id"] = id;
  j["@type"] = "TestRequirement";
  // The number is also in the title, for readers that match it there (the ACT
  // implementation generator does).
  j["title"] = "WCAG 2.1 SC " + std::string(sc) + (c ? ": " + std::string(c->title.en) : std::string());
  return j;
}

ordered_json assertion_json(const EarlAssertion& a) {
  ordered_json is_part_of = ordered_json::array();
  for (const std::string& sc : a.criteria) is_part_of.push_back(requirement_json(sc));
  ordered_json result{{"@type", "TestResult"}, {"outcome", to_string(a.outcome)}};
  if (!a.info.empty()) result["info"] = a.info;
  if (!a.pointer.empty()) result["pointer"] = a.pointer;
  return ordered_json{
      {"@type", "Assertion"},
      {"assertedBy", kAssertorId},
      {"test", {{"@type", "TestCase"}, {"title", a.test}, {"isPartOf", std::move(is_part_of)}}},
      {"result", std::move(result)},
      {"mode", "earl:automatic"},
  };
}

}  // namespace

std::string_view to_string(EarlOutcome o) {
  switch (o) {
    case EarlOutcome::Passed: return "earl:passed";
    case EarlOutcome::Failed: return "earl:failed";
    case EarlOutcome::CantTell: return "earl:cantTell";
    case EarlOutcome::Inapplicable: return "earl:inapplicable";
    case EarlOutcome::Untested: return "earl:untested";
  }
  return "";
}

EarlOutcome earl_outcome(engine::Outcome o) {
  switch (o) {
    case engine::Outcome::Passed: return EarlOutcome::Passed;
    case engine::Outcome::Failed: return EarlOutcome::Failed;
    case engine::Outcome::CantTell: return EarlOutcome::CantTell;
    case engine::Outcome::Inapplicable: return EarlOutcome::Inapplicable;
  }
  return EarlOutcome::Untested;
}

std::string wcag_requirement_id(std::string_view sc) {
  const engine::Criterion* c = engine::find_criterion(sc);
  if (!c) return {};
  // "Name, Role, Value" → "name-role-value"; "Audio-only (Live)" → "audio-only-live".
  std::string slug;
  for (char ch : c->title.en) {
    if (ch >= 'A' && ch <= 'Z') {
      slug += static_cast<char>(ch - 'A' + 'a');
    } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      slug += ch;
    } else if ((ch == ' ' || ch == '-') && !slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return "WCAG2:" + slug;
}

std::vector<EarlAssertion> earl_assertions(const engine::PageEvaluation& evaluation, Lang lang) {
  std::vector<EarlAssertion> out;
  for (const engine::RuleResult& r : evaluation.rules) {
    std::vector<std::string> criteria;
    // A best practice fails no criterion (RuleKind), so its tests are part of none.
    if (r.rule->info.kind == engine::RuleKind::Requirement) {
      for (const engine::CriterionRef& c : r.rule->info.criteria) criteria.emplace_back(c.number);
    }
    const std::string test(r.rule->info.id);
    if (r.findings.empty()) {
      out.push_back(EarlAssertion{test, criteria, EarlOutcome::Inapplicable, {}, {}});
      continue;
    }
    for (const engine::Finding& f : r.findings) {
      // A document finding points at its structure path (or Office part) instead.
      std::string pointer = f.node ? (f.node->is_element() ? html::unique_selector(*f.node) : std::string()) : f.place.path;
      out.push_back(EarlAssertion{test, criteria, earl_outcome(f.outcome), f.text(lang), std::move(pointer)});
    }
  }
  return out;
}

void write_earl(std::ostream& out, const EarlAssertor& assertor, std::span<const EarlSubject> subjects) {
  ordered_json release{{"@type", "Version"}, {"revision", assertor.version.empty() ? std::string(kVersion) : assertor.version}};
  ordered_json who{{"@id", kAssertorId}, {"@type", ordered_json::array({"Assertor", "Software", "Project"})}, {"name", assertor.name}};
  if (!assertor.description.empty()) who["description"] = assertor.description;
  if (!assertor.homepage.empty()) who["homepage"] = assertor.homepage;
  who["release"] = std::move(release);

  ordered_json graph = ordered_json::array();
  graph.push_back(std::move(who));
  for (const EarlSubject& s : subjects) {
    ordered_json assertions = ordered_json::array();
    for (const EarlAssertion& a : s.assertions) assertions.push_back(assertion_json(a));
    ordered_json subject{{"@type", ordered_json::array({"TestSubject", "WebPage"})}, {"source", s.source}};
    if (!s.title.empty()) subject["title"] = s.title;
    subject["assertions"] = std::move(assertions);
    graph.push_back(std::move(subject));
  }
  ordered_json doc{{"@context", kEarlContext}, {"@graph", std::move(graph)}};
  // replace: a stray invalid byte from a page must not abort the report.
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace granska::reports

namespace granska::reports {

void write_earl(std::ostream& out, std::span<const PageReport> reports, const Options& options) {
  std::vector<EarlSubject> subjects;
  for (const PageReport& r : reports) {
    subjects.push_back(EarlSubject{r.page.url, {}, earl_assertions(r.evaluation, options.lang)});
  }
  write_earl(out, EarlAssertor{}, subjects);
}

}  // namespace granska::reports
