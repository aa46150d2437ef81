// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code-scanning views
// such as GitHub's and GitLab's. One run; the driver lists the rules that ran, each result
// is one failed or cantTell finding. Passed and inapplicable outcomes are not results in
// SARIF's sense ("a problem"), so they stay in the JSON and EARL reports. Failures accepted
// for now (Options::suppressed) carry a suppression.
//
// Every string, page content included, goes through nlohmann::json, which escapes it;
// nothing is concatenated into the document by hand.
#include <map>
#include <nlohmann/json.hpp>

#include "granska_version.h"
#include "reports/page/report.h"
#include "util/sha256.h"

namespace granska::reports {

namespace {

using nlohmann::ordered_json;

constexpr std::string_view kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// A failed requirement fails a criterion; a failed best practice is a warning; cantTell
// asks a person to look.
std::string_view level(engine::Outcome o, engine::RuleKind kind) {
  if (o == engine::Outcome::CantTell) return "note";
  return kind == engine::RuleKind::BestPractice ? "warning" : "error";
}

ordered_json rule_json(const engine::RuleInfo& info, Lang lang) {
  ordered_json wcag = ordered_json::array(), en = ordered_json::array();
  ordered_json tags = ordered_json::array({"accessibility"});
  for (const engine::CriterionRef& ref : info.criteria) {
    const engine::Criterion* c = engine::find_criterion(ref.number);
    if (!c) continue;
    wcag.push_back(std::string(c->number));
    const std::string_view clause = engine::en_clause_for(*c, info.subject != engine::Subject::Page);
    if (!clause.empty()) en.push_back(std::string(clause));
    tags.push_back("WCAG " + std::string(c->number) + " (" + std::string(engine::to_string(c->level)) + ")");
  }
  if (info.kind == engine::RuleKind::BestPractice) tags.push_back("best-practice");
  ordered_json act = ordered_json::array();
  for (std::string_view a : info.act_rules) act.push_back(a);
  return ordered_json{
      {"id", info.id},
      {"name", info.id},
      {"shortDescription", {{"text", info.title.in(lang)}}},
      {"fullDescription", {{"text", info.description.in(lang)}}},
      {"help", {{"text", info.help.in(lang)}}},
      {"defaultConfiguration", {{"level", info.kind == engine::RuleKind::BestPractice ? "warning" : "error"}}},
      {"properties",
       {{"tags", std::move(tags)},
        {"wcag", std::move(wcag)},
        {"en_301_549", std::move(en)},
        {"act_rules", std::move(act)},
        {"impact", engine::to_string(info.impact)},
        {"kind", engine::to_string(info.kind)},
        // GitHub code scanning sorts by this; an accessibility failure is not a
        // vulnerability, so no security-severity.
        {"problem.severity", info.kind == engine::RuleKind::BestPractice ? "warning" : "error"}}},
  };
}

// Where the page is, as SARIF wants it: a checked-in file by the path given on the command
// line (relative paths resolve against the repository, as code scanning expects), a page
// on the web by its final URL.
ordered_json artifact_location(const input::Page& page) {
  const bool file = page.http_status == 0 && page.url.rfind("file:", 0) == 0;
  if (file && !page.target.empty() && page.target.front() != '/' && page.target.find("://") == std::string::npos) {
    std::string rel = page.target;
    for (char& c : rel) c = c == '\\' ? '/' : c;
    return ordered_json{{"uri", rel}, {"uriBaseId", "%SRCROOT%"}};
  }
  return ordered_json{{"uri", page.url}};
}

}  // namespace

void write_sarif(std::ostream& out, std::span<const PageReport> reports, const Options& opt) {
  const Lang lang = opt.lang;
  // The driver's rules: every rule that ran on any page, in registry order of first use;
  // results refer to them by index.
  ordered_json rules = ordered_json::array();
  std::map<const engine::Rule*, std::size_t> index;
  for (const PageReport& r : reports) {
    for (const engine::RuleResult& rr : r.evaluation.rules) {
      if (index.emplace(rr.rule, rules.size()).second) rules.push_back(rule_json(rr.rule->info, lang));
    }
  }

  ordered_json artifacts = ordered_json::array();
  ordered_json results = ordered_json::array();
  // What went wrong around the results: page notes (replaced bytes, a skipped charset) and
  // rules that threw (a granska bug, reported as cantTell elsewhere) — not page problems.
  ordered_json notifications = ordered_json::array();
  for (std::size_t p = 0; p < reports.size(); ++p) {
    const PageReport& r = reports[p];
    ordered_json where = artifact_location(r.page);
    ordered_json artifact{{"location", where}};
    if (!r.page.sha256.empty()) artifact["hashes"] = {{"sha-256", r.page.sha256}};
    artifacts.push_back(std::move(artifact));
    where["index"] = p;
    for (const Error& note : r.page.notes) {
      notifications.push_back({{"level", "note"},
                               {"message", {{"text", note.text(lang)}}},
                               {"locations", ordered_json::array({{{"physicalLocation", {{"artifactLocation", where}}}}})}});
    }
    for (const engine::RuleResult& rr : r.evaluation.rules) {
      if (rr.error.empty()) continue;
      notifications.push_back({{"level", "error"},
                               {"message", {{"text", rr.error}}},
                               {"associatedRule", {{"id", rr.rule->info.id}, {"index", index.at(rr.rule)}}},
                               {"locations", ordered_json::array({{{"physicalLocation", {{"artifactLocation", where}}}}})}});
    }
    for (const engine::RuleResult& rr : r.evaluation.rules) {
      const engine::RuleInfo& info = rr.rule->info;
      for (const engine::Finding& f : rr.findings) {
        if (f.outcome != engine::Outcome::Failed && f.outcome != engine::Outcome::CantTell) continue;
        engine::Location loc = engine::locate(f);
        ordered_json physical{{"artifactLocation", where}};
        if (loc.line > 0) {
          ordered_json region{{"startLine", loc.line}};
          if (loc.column > 0) region["startColumn"] = loc.column;
          if (!loc.snippet.empty()) region["snippet"] = {{"text", loc.snippet}};
          physical["region"] = std::move(region);
        }
        ordered_json location{{"physicalLocation", std::move(physical)}};
        if (loc.page > 0) location["properties"] = {{"page", loc.page}};
        if (!loc.selector.empty()) {
          location["logicalLocations"] = ordered_json::array({{{"fullyQualifiedName", loc.selector}, {"kind", "element"}}});
        }
        // Stable across runs and edits elsewhere in the page: the page, the rule, the
        // diagnostic and the element's selector; never the line number.
        std::string identity = std::string(where["uri"].get<std::string>()) + '\n' + std::string(info.id) + '\n' +
                               std::string(f.message->id) + '\n' + loc.selector;
        std::string message = f.text(lang);
        if (f.outcome == engine::Outcome::CantTell) {
          message = std::string(lang == Lang::Sv ? "Kräver manuell granskning: " : "Needs manual review: ") + message;
        }
        ordered_json result{
            {"ruleId", info.id},
            {"ruleIndex", index.at(rr.rule)},
            {"level", level(f.outcome, info.kind)},
            {"kind", f.outcome == engine::Outcome::CantTell ? "review" : "fail"},
            {"message", {{"text", std::move(message)}}},
            {"locations", ordered_json::array({std::move(location)})},
            {"partialFingerprints", {{"granskaFinding/v1", sha256_hex(identity)}}},
            {"properties",
             {{"outcome", engine::to_string(f.outcome)},
              {"message_id", f.message->id},
              {"impact", engine::to_string(info.impact)}}},
        };
        // An accepted failure stays a result, suppressed: code-scanning views show it as
        // suppressed (visible, not failing). "external": the acceptance lives in a file of
        // its own, not in the page; "accepted": the suppression is in force.
        if (opt.suppressed) {
          if (auto it = opt.suppressed->find(&f); it != opt.suppressed->end()) {
            ordered_json props{{"expires", it->second.expires}};
            if (!it->second.ticket.empty()) props["ticket"] = it->second.ticket;
            result["suppressions"] = ordered_json::array({{{"kind", "external"},
                                                           {"status", "accepted"},
                                                           {"justification", it->second.justification},
                                                           {"properties", std::move(props)}}});
          }
        }
        results.push_back(std::move(result));
      }
    }
  }

  ordered_json driver{{"name", "granska"},
                      {"version", kVersion},
                      {"semanticVersion", kVersion},
                      {"rules", std::move(rules)}};
  ordered_json run{{"tool", {{"driver", std::move(driver)}}},
                   {"invocations", ordered_json::array({{{"executionSuccessful", true},
                                                          {"toolExecutionNotifications", std::move(notifications)}}})},
                   {"language", lang == Lang::Sv ? "sv-SE" : "en-US"},
                   {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "The repository root"}}}}}}},
                   {"artifacts", std::move(artifacts)},
                   {"results", std::move(results)},
                   {"columnKind", "unicodeCodePoints"}};
  ordered_json doc{{"$schema", kSarifSchema}, {"version", "2.1.0"}, {"runs", ordered_json::array({std::move(run)})}};
  // replace: a stray invalid byte from a page must not abort the report.
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

void write_sarif(std::ostream& out, const PageReport& report, const Options& opt) {
  write_sarif(out, std::span<const PageReport>(&report, 1), opt);
}

}  // namespace granska::reports
