// Machine-readable report (schema in docs/json-format.md). Every outcome is included, so
// consumers can tell "passed" from "not checked".
#include <nlohmann/json.hpp>

#include "granska_version.h"
#include "reports/report.h"

namespace granska::reports {

namespace {

using nlohmann::json;

json criteria_json(const engine::RuleInfo& info) {
  json arr = json::array();
  for (const engine::CriterionRef& ref : info.criteria) {
    const engine::Criterion* c = engine::find_criterion(ref.number);
    json j{{"sc", c->number}, {"level", engine::to_string(c->level)}};
    j["en_301_549"] = c->en_clause.empty() ? json(nullptr) : json(c->en_clause);
    arr.push_back(std::move(j));
  }
  return arr;
}

json rule_json(const engine::RuleInfo& info, Lang lang) {
  json acts = json::array();
  for (std::string_view a : info.act_rules) acts.push_back(a);
  return json{{"id", info.id},
              {"title", info.title.in(lang)},
              {"description", info.description.in(lang)},
              {"help", info.help.in(lang)},
              {"criteria", criteria_json(info)},
              {"act_rules", std::move(acts)},
              {"impact", engine::to_string(info.impact)},
              {"kind", engine::to_string(info.kind)}};
}

json tool_json() { return json{{"name", "granska"}, {"version", kVersion}}; }

void dump(std::ostream& out, const json& j) {
  // replace: a stray invalid byte must not abort the report.
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace

void write_json(std::ostream& out, const PageReport& report, const Options& opt) {
  const Lang lang = opt.lang;
  const input::Page& page = report.page;
  json redirects = json::array();
  for (const auto& r : page.redirects) redirects.push_back({{"from", r.from}, {"status", r.status}, {"to", r.to}});
  json notes = json::array();
  for (const Error& n : page.notes) notes.push_back(n.text(lang));

  json rules = json::array();
  json findings = json::array();
  json rule_counts{{"failed", 0}, {"cantTell", 0}, {"passed", 0}, {"inapplicable", 0}};
  for (const engine::RuleResult& r : report.evaluation.rules) {
    const engine::RuleInfo& info = r.rule->info;
    json rj = rule_json(info, lang);
    rj["outcome"] = engine::to_string(r.outcome);
    if (!r.error.empty()) rj["error"] = r.error;
    rules.push_back(std::move(rj));
    rule_counts[std::string(engine::to_string(r.outcome))] = rule_counts[std::string(engine::to_string(r.outcome))].get<int>() + 1;
    for (const engine::Finding& f : r.findings) {
      engine::Location loc = engine::locate(f.node);
      json fj{{"rule", info.id},
              {"outcome", engine::to_string(f.outcome)},
              {"impact", engine::to_string(info.impact)},
              {"criteria", criteria_json(info)},
              {"message_id", f.message->id},
              {"message", f.text(lang)},
              {"selector", loc.selector},
              {"line", loc.line},
              {"column", loc.column},
              {"snippet", loc.snippet}};
      findings.push_back(std::move(fj));
    }
  }
  const auto& ev = report.evaluation;
  json j{
      {"schema_version", kJsonSchemaVersion},
      {"tool", tool_json()},
      {"lang", lang == Lang::Sv ? "sv" : "en"},
      {"page",
       {{"target", page.target},
        {"url", page.url},
        {"http_status", page.http_status},
        {"redirects", std::move(redirects)},
        {"encoding", page.decoded.encoding},
        {"encoding_source", html::to_string(page.decoded.source)},
        {"replaced_bytes", page.decoded.replaced},
        {"sha256", page.sha256},
        {"notes", std::move(notes)}}},
      {"summary",
       {{"failed", ev.count(engine::Outcome::Failed)},
        {"cantTell", ev.count(engine::Outcome::CantTell)},
        {"passed", ev.count(engine::Outcome::Passed)},
        {"rules", std::move(rule_counts)}}},
      {"rules", std::move(rules)},
      {"findings", std::move(findings)},
  };
  dump(out, j);
}

void write_catalogue_json(std::ostream& out, const engine::Registry& registry, const Options& opt) {
  json rules = json::array();
  for (const engine::Rule* rule : registry.rules()) {
    const engine::RuleInfo& info = rule->info;
    json rj = rule_json(info, opt.lang);
    // The catalogue carries both languages, so one file serves every reader.
    rj["title"] = {{"sv", info.title.sv}, {"en", info.title.en}};
    rj["description"] = {{"sv", info.description.sv}, {"en", info.description.en}};
    rj["help"] = {{"sv", info.help.sv}, {"en", info.help.en}};
    json messages = json::array();
    for (const engine::Message* m : info.messages) {
      messages.push_back({{"id", m->id}, {"sv", m->text.sv}, {"en", m->text.en}});
    }
    rj["messages"] = std::move(messages);
    rules.push_back(std::move(rj));
  }
  dump(out, json{{"schema_version", kJsonSchemaVersion}, {"tool", tool_json()}, {"rules", std::move(rules)}});
}

}  // namespace granska::reports
