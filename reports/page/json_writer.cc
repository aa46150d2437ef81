// Machine-readable report (schema in docs/json-format.md). Every outcome is included, so
// consumers can tell "passed" from "not checked".
#include <nlohmann/json.hpp>

#include "granska_version.h"
#include "reports/page/report.h"

namespace granska::reports {

namespace {

using nlohmann::json;

json criteria_json(const engine::RuleInfo& info) {
  json arr = json::array();
  for (const engine::CriterionRef& ref : info.criteria) {
    const engine::Criterion* c = engine::find_criterion(ref.number);
    json j{{"sc", c->number}, {"level", engine::to_string(c->level)}};
    const std::string_view clause = engine::en_clause_for(*c, info.subject != engine::Subject::Page);
    j["en_301_549"] = clause.empty() ? json(nullptr) : json(clause);
    arr.push_back(std::move(j));
  }
  return arr;
}

json rule_json(const engine::RuleInfo& info, Lang lang) {
  json acts = json::array();
  for (std::string_view a : info.act_rules) acts.push_back(a);
  json j = json{{"id", info.id},
              {"title", info.title.in(lang)},
              {"description", info.description.in(lang)},
              {"help", info.help.in(lang)},
              {"criteria", criteria_json(info)},
              {"act_rules", std::move(acts)},
              {"impact", engine::to_string(info.impact)},
              {"kind", engine::to_string(info.kind)},
              {"subject", engine::to_string(info.subject)}};
  if (!info.pdfua.empty()) j["pdfua"] = info.pdfua;
  if (!info.matterhorn.empty()) {
    json m = json::array();
    for (std::string_view c : info.matterhorn) m.push_back(c);
    j["matterhorn"] = std::move(m);
  }
  return j;
}

json document_json(const documents::Document& d, Lang lang) {
  json j{{"format", documents::to_string(d.format)}, {"kind", document_kind(d, lang)}, {"bytes", d.bytes}};
  if (d.format == documents::Format::Pdf) {
    j["pages"] = d.pdf.pages.size();
    j["tagged"] = d.pdf.catalog.has_struct_tree;
    j["encrypted"] = d.pdf.security.encrypted;
    j["complete"] = d.pdf.complete;
  }
  if (d.format == documents::Format::Pptx) j["slides"] = d.office.slides.size();
  return j;
}

json tool_json() { return json{{"name", "granska"}, {"version", kVersion}}; }

void dump(std::ostream& out, const json& j) {
  // replace: a stray invalid byte must not abort the report.
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

json status_json(const engine::Finding* f, Lang lang) {
  if (!f) return nullptr;
  return {{"outcome", engine::to_string(f->outcome)}, {"message_id", f->message->id}, {"message", f->text(lang)}};
}

json media_json(const media::Inventory& inv, Lang lang) {
  json items = json::array();
  for (const media::InventoryRow& r : inv.rows) {
    const media::MediaItem& m = *r.item;
    engine::Location loc = engine::locate(m.element);
    json tracks = json::array();
    for (const media::Track& t : m.tracks) {
      json tj{{"kind", t.kind}, {"src", t.src}, {"url", t.url}, {"srclang", t.srclang}, {"label", t.label},
              {"default", t.is_default}, {"check", nullptr}};
      for (const media::TrackCheck* c : r.track_checks) {
        if (c->track != &t) continue;
        engine::Finding f{engine::Outcome::Failed, nullptr, c->problem, c->args};
        tj["check"] = {{"url", c->url},
                       {"http_status", c->status},
                       {"content_type", c->content_type},
                       {"cues", c->cues},
                       {"problem", c->problem ? json(c->problem->id) : json(nullptr)},
                       {"message", c->problem ? json(f.text(lang)) : json(nullptr)}};
      }
      tracks.push_back(std::move(tj));
    }
    items.push_back({{"kind", media::to_string(m.kind)},
                     {"audio_only", m.audio_only},
                     {"player", m.player ? json(m.player->id) : json(nullptr)},
                     {"player_name", m.player ? json(m.player->name) : json(nullptr)},
                     {"name", m.name},
                     {"sources", m.sources},
                     {"selector", loc.selector},
                     {"line", loc.line},
                     {"column", loc.column},
                     {"snippet", loc.snippet},
                     {"autoplay", m.autoplay},
                     {"muted", m.muted},
                     {"controls", m.controls},
                     {"cc_load_policy", m.cc_load_policy ? json(*m.cc_load_policy) : json(nullptr)},
                     {"cc_lang_pref", m.cc_lang_pref ? json(*m.cc_lang_pref) : json(nullptr)},
                     {"tracks", std::move(tracks)},
                     {"status",
                      {{"captions", status_json(r.captions, lang)},
                       {"description", status_json(r.description, lang)},
                       {"transcript", status_json(r.transcript, lang)},
                       {"autoplay", status_json(r.autoplay, lang)}}}});
  }
  return items;
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
    // Findings past the per-outcome cap: counted in the summary, not listed.
    if (r.omitted_total() > 0) {
      rj["omitted"] = {{"failed", r.omitted[static_cast<std::size_t>(engine::Outcome::Failed)]},
                       {"cantTell", r.omitted[static_cast<std::size_t>(engine::Outcome::CantTell)]},
                       {"passed", r.omitted[static_cast<std::size_t>(engine::Outcome::Passed)]}};
    }
    rules.push_back(std::move(rj));
    rule_counts[std::string(engine::to_string(r.outcome))] = rule_counts[std::string(engine::to_string(r.outcome))].get<int>() + 1;
    for (const engine::Finding& f : r.findings) {
      engine::Location loc = engine::locate(f);
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
      if (info.subject != engine::Subject::Page) {
        fj["page"] = loc.page;
        fj["object"] = loc.object;
      }
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
        {"mode", report.rendered ? "rendered" : "static"},
        {"redirects", std::move(redirects)},
        {"encoding", page.decoded.encoding},
        {"encoding_source", html::to_string(page.decoded.source)},
        {"replaced_bytes", page.decoded.replaced},
        {"sha256", page.sha256},
        {"notes", std::move(notes)}}},
      {"document", report.document ? document_json(*report.document, lang) : json(nullptr)},
      {"summary",
       {{"failed", ev.count(engine::Outcome::Failed)},
        {"cantTell", ev.count(engine::Outcome::CantTell)},
        {"passed", ev.count(engine::Outcome::Passed)},
        {"rules", std::move(rule_counts)}}},
      {"rules", std::move(rules)},
      {"findings", std::move(findings)},
  };
  if (report.media) j["media"] = media_json(*report.media, lang);
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
