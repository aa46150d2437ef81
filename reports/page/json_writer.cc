// Machine-readable report (schema in docs/json-format.md). Every rule's outcome is listed,
// so consumers can tell "passed" from "not checked"; the elements that passed are listed
// only when asked (Options::show_passed), otherwise counted in the rule's "omitted": they
// were 98 % of the findings of a municipal page and most of the report's cost (#22).
#include <nlohmann/json.hpp>

#include <array>
#include <span>
#include <unordered_map>

#include "granska_version.h"
#include "reports/common/json_stream.h"
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

json tool_json() { return json{{"name", "granska"}, {"version", kVersion}}; }

void dump(std::ostream& out, const json& j) {
  // replace: a stray invalid byte must not abort the report.
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

// The page report is streamed (reports/common/json_stream.h): keys in byte order, as the
// nlohmann::json tree it replaced sorted them, so the bytes are unchanged.
void criteria_stream(JsonStream& w, const engine::RuleInfo& info) {
  w.begin_array();
  for (const engine::CriterionRef& ref : info.criteria) {
    const engine::Criterion* c = engine::find_criterion(ref.number);
    const std::string_view clause = engine::en_clause_for(*c, info.subject != engine::Subject::Page);
    w.begin_object();
    if (clause.empty()) {
      w.member_null("en_301_549");
    } else {
      w.member("en_301_549", clause);
    }
    w.member("level", engine::to_string(c->level)).member("sc", c->number).end_object();
  }
  w.end_array();
}

void strings_stream(JsonStream& w, std::span<const std::string_view> strings) {
  w.begin_array();
  for (std::string_view s : strings) w.value(s);
  w.end_array();
}

void rule_stream(JsonStream& w, const engine::RuleResult& r, Lang lang, bool show_passed) {
  const engine::RuleInfo& info = r.rule->info;
  w.begin_object();
  w.key("act_rules");
  strings_stream(w, info.act_rules);
  w.key("criteria");
  criteria_stream(w, info);
  w.member("description", info.description.in(lang));
  if (!r.error.empty()) w.member("error", r.error);
  w.member("help", info.help.in(lang)).member("id", info.id).member("impact", engine::to_string(info.impact));
  w.member("kind", engine::to_string(info.kind));
  if (!info.matterhorn.empty()) {
    w.key("matterhorn");
    strings_stream(w, info.matterhorn);
  }
  // Findings past the per-outcome cap, and passed ones unless asked for: counted in the
  // summary, not listed.
  std::size_t passed = r.omitted[static_cast<std::size_t>(engine::Outcome::Passed)];
  if (!show_passed) {
    for (const engine::Finding& f : r.findings) passed += f.outcome == engine::Outcome::Passed;
  }
  if (r.omitted_total() > 0 || passed > 0) {
    w.key("omitted").begin_object();
    w.member("cantTell", r.omitted[static_cast<std::size_t>(engine::Outcome::CantTell)]);
    w.member("failed", r.omitted[static_cast<std::size_t>(engine::Outcome::Failed)]);
    w.member("passed", passed).end_object();
  }
  w.member("outcome", engine::to_string(r.outcome));
  if (!info.pdfua.empty()) w.member("pdfua", info.pdfua);
  w.member("subject", engine::to_string(info.subject)).member("title", info.title.in(lang)).end_object();
}

// Many rules report on the same element (a link: its name, its purpose, its target size
// ...; 2,969 findings on 1,050 elements on the 80 KB benchmark page): its selector and
// snippet are computed once per report.
class Locations {
 public:
  const engine::Location& of(const engine::Finding& f) {
    if (!f.node) {
      place_ = engine::locate(f);  // a document's place
      return place_;
    }
    auto [it, added] = nodes_.try_emplace(f.node);
    if (added) it->second = engine::locate(f.node);
    return it->second;
  }

 private:
  std::unordered_map<const html::Node*, engine::Location> nodes_;
  engine::Location place_;
};

void finding_stream(JsonStream& w, const engine::RuleInfo& info, const engine::Finding& f, Locations& where,
                    Lang lang) {
  const engine::Location& loc = where.of(f);
  const bool document = info.subject != engine::Subject::Page;
  w.begin_object().member("column", loc.column).key("criteria");
  criteria_stream(w, info);
  w.member("impact", engine::to_string(info.impact)).member("line", loc.line);
  w.member("message", f.text(lang)).member("message_id", f.message->id);
  if (document) w.member("object", loc.object);
  w.member("outcome", engine::to_string(f.outcome));
  if (document) w.member("page", loc.page);
  w.member("rule", info.id).member("selector", loc.selector).member("snippet", loc.snippet).end_object();
}

void document_stream(JsonStream& w, const documents::Document& d, Lang lang) {
  const bool pdf = d.format == documents::Format::Pdf;
  w.begin_object().member("bytes", d.bytes);
  if (pdf) w.member("complete", d.pdf.complete).member("encrypted", d.pdf.security.encrypted);
  w.member("format", documents::to_string(d.format)).member("kind", document_kind(d, lang));
  if (pdf) w.member("pages", d.pdf.pages.size());
  if (d.format == documents::Format::Pptx) w.member("slides", d.office.slides.size());
  if (pdf) w.member("tagged", d.pdf.catalog.has_struct_tree);
  w.end_object();
}

void status_stream(JsonStream& w, std::string_view key, const engine::Finding* f, Lang lang) {
  w.key(key);
  if (!f) {
    w.null();
    return;
  }
  w.begin_object().member("message", f->text(lang)).member("message_id", f->message->id);
  w.member("outcome", engine::to_string(f->outcome)).end_object();
}

void track_stream(JsonStream& w, const media::Track& t, const media::InventoryRow& r, Lang lang) {
  // The last check of this track, as the tree's repeated assignment kept.
  const media::TrackCheck* check = nullptr;
  for (const media::TrackCheck* c : r.track_checks) {
    if (c->track == &t) check = c;
  }
  w.begin_object().key("check");
  if (!check) {
    w.null();
  } else {
    w.begin_object().member("content_type", check->content_type).member("cues", check->cues);
    w.member("http_status", check->status);
    if (check->problem) {
      const engine::Finding f{engine::Outcome::Failed, nullptr, check->problem, check->args};
      w.member("message", f.text(lang)).member("problem", check->problem->id);
    } else {
      w.member_null("message").member_null("problem");
    }
    w.member("url", check->url).end_object();
  }
  w.member("default", t.is_default).member("kind", t.kind).member("label", t.label).member("src", t.src);
  w.member("srclang", t.srclang).member("url", t.url).end_object();
}

void media_stream(JsonStream& w, const media::Inventory& inv, Lang lang) {
  w.begin_array();
  for (const media::InventoryRow& r : inv.rows) {
    const media::MediaItem& m = *r.item;
    const engine::Location loc = engine::locate(m.element);
    w.begin_object().member("audio_only", m.audio_only).member("autoplay", m.autoplay);
    w.key("cc_lang_pref").value_or_null(m.cc_lang_pref ? &*m.cc_lang_pref : nullptr);
    w.key("cc_load_policy").value_or_null(m.cc_load_policy ? &*m.cc_load_policy : nullptr);
    w.member("column", loc.column).member("controls", m.controls).member("kind", media::to_string(m.kind));
    w.member("line", loc.line).member("muted", m.muted).member("name", m.name);
    w.key("player").value_or_null(m.player ? &m.player->id : nullptr);
    w.key("player_name").value_or_null(m.player ? &m.player->name : nullptr);
    w.member("selector", loc.selector).member("snippet", loc.snippet).key("sources").begin_array();
    for (const std::string& s : m.sources) w.value(s);
    w.end_array().key("status").begin_object();
    status_stream(w, "autoplay", r.autoplay, lang);
    status_stream(w, "captions", r.captions, lang);
    status_stream(w, "description", r.description, lang);
    status_stream(w, "transcript", r.transcript, lang);
    w.end_object().key("tracks").begin_array();
    for (const media::Track& t : m.tracks) track_stream(w, t, r, lang);
    w.end_array().end_object();
  }
  w.end_array();
}

}  // namespace

void write_json(std::string& buf, const PageReport& report, const Options& opt) {
  const Lang lang = opt.lang;
  const input::Page& page = report.page;
  const auto& ev = report.evaluation;
  JsonStream w(buf, 2);
  w.begin_object().key("document");
  if (report.document) {
    document_stream(w, *report.document, lang);
  } else {
    w.null();
  }
  w.key("findings").begin_array();
  Locations where;
  for (const engine::RuleResult& r : ev.rules) {
    for (const engine::Finding& f : r.findings) {
      if (f.outcome != engine::Outcome::Passed || opt.show_passed) finding_stream(w, r.rule->info, f, where, lang);
    }
  }
  w.end_array().member("lang", lang == Lang::Sv ? "sv" : "en");
  if (report.media) {
    w.key("media");
    media_stream(w, *report.media, lang);
  }
  w.key("page").begin_object();
  w.member("encoding", page.decoded.encoding).member("encoding_source", html::to_string(page.decoded.source));
  w.member("http_status", page.http_status).member("mode", report.rendered ? "rendered" : "static");
  w.key("notes").begin_array();
  for (const Error& n : page.notes) w.value(n.text(lang));
  w.end_array().key("redirects").begin_array();
  for (const auto& r : page.redirects) {
    w.begin_object().member("from", r.from).member("status", r.status).member("to", r.to).end_object();
  }
  w.end_array().member("replaced_bytes", page.decoded.replaced).member("sha256", page.sha256);
  w.member("target", page.target).member("url", page.url).end_object();
  std::array<std::size_t, 4> rule_counts{};  // indexed by engine::Outcome
  w.key("rules").begin_array();
  for (const engine::RuleResult& r : ev.rules) {
    rule_stream(w, r, lang, opt.show_passed);
    ++rule_counts[static_cast<std::size_t>(r.outcome)];
  }
  w.end_array().member("schema_version", kJsonSchemaVersion).key("summary").begin_object();
  w.member("cantTell", ev.count(engine::Outcome::CantTell)).member("failed", ev.count(engine::Outcome::Failed));
  w.member("passed", ev.count(engine::Outcome::Passed)).key("rules").begin_object();
  for (engine::Outcome o : {engine::Outcome::CantTell, engine::Outcome::Failed, engine::Outcome::Inapplicable,
                            engine::Outcome::Passed}) {
    w.member(std::string_view(engine::to_string(o)), rule_counts[static_cast<std::size_t>(o)]);
  }
  w.end_object().end_object().key("tool").begin_object().member("name", "granska").member("version", kVersion);
  w.end_object().end_object();
  buf += '\n';
}

void write_json(std::ostream& out, const PageReport& report, const Options& opt) {
  std::string buf;
  write_json(buf, report, opt);
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
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
  dump(out, json{{"schema_version", kCatalogueJsonSchemaVersion}, {"tool", tool_json()}, {"rules", std::move(rules)}});
}

}  // namespace granska::reports
