#include "serve/payload.h"

#include "engine/criteria.h"
#include "reports/common/criterion_links.h"

namespace granska::serve {

namespace {

using nlohmann::json;

constexpr int kPayloadVersion = 1;

std::optional<engine::Outcome> outcome_from(std::string_view s) {
  for (engine::Outcome o : {engine::Outcome::Passed, engine::Outcome::Failed, engine::Outcome::CantTell,
                            engine::Outcome::Inapplicable}) {
    if (engine::to_string(o) == s) return o;
  }
  return std::nullopt;
}

// Payload strings may hold anything a page held; nlohmann refuses invalid UTF-8 when
// dumping unless told to replace it.
std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

std::string_view to_string(SourceKind k) {
  switch (k) {
    case SourceKind::Url: return "url";
    case SourceKind::Html: return "html";
    case SourceKind::File: return "file";
  }
  return "url";
}

std::string to_payload(const StoredCheck& c) {
  json notes = json::array();
  for (const Error& e : c.notes) notes.push_back({{"en", e.message}, {"sv", e.message_sv}});
  json redirects = json::array();
  for (const fetch::Redirect& r : c.redirects) redirects.push_back({{"from", r.from}, {"status", r.status}, {"to", r.to}});
  json outcomes = json::array();
  for (const results::RuleOutcome& r : c.row.rule_outcomes) outcomes.push_back({r.rule, engine::to_string(r.outcome)});
  json findings = json::array();
  for (const results::FindingRow& f : c.row.findings) {
    findings.push_back({{"rule", f.rule},
                        {"outcome", engine::to_string(f.outcome)},
                        {"message_id", f.message_id},
                        {"args", f.args},
                        {"selector", f.selector},
                        {"line", f.line},
                        {"column", f.column},
                        {"snippet", f.snippet}});
  }
  const json j{{"v", kPayloadVersion},
               {"source", to_string(c.source)},
               {"file_name", c.file_name},
               {"address", c.address},
               {"profile", c.profile},
               {"url", c.row.url},
               {"final_url", c.row.final_url},
               {"title", c.row.title},
               {"status", c.row.status},
               {"checked_at", c.row.fetched_at},
               {"sha256", c.row.content_sha256},
               {"notes", notes},
               {"redirects", redirects},
               {"rule_outcomes", outcomes},
               {"findings", findings}};
  return dump(j);
}

std::optional<StoredCheck> from_payload(std::string_view text) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("v", 0) != kPayloadVersion) return std::nullopt;
  try {
    StoredCheck c;
    const std::string source = j.at("source").get<std::string>();
    c.source = source == "html" ? SourceKind::Html : source == "file" ? SourceKind::File : SourceKind::Url;
    c.file_name = j.value("file_name", "");
    c.address = j.value("address", "");
    c.profile = j.value("profile", "wcag21-aa");
    c.row.url = j.value("url", "");
    c.row.final_url = j.value("final_url", "");
    c.row.title = j.value("title", "");
    c.row.status = j.value("status", 0L);
    c.row.fetched_at = j.value("checked_at", "");
    c.row.content_sha256 = j.value("sha256", "");
    c.row.kind = "html";
    for (const json& n : j.at("notes")) c.notes.push_back(Error{n.value("en", ""), n.value("sv", "")});
    for (const json& r : j.at("redirects")) {
      c.redirects.push_back(fetch::Redirect{r.value("from", ""), r.value("status", 0L), r.value("to", "")});
    }
    for (const json& r : j.at("rule_outcomes")) {
      if (auto o = outcome_from(r.at(1).get<std::string>())) c.row.rule_outcomes.push_back({r.at(0).get<std::string>(), *o});
    }
    for (const json& f : j.at("findings")) {
      auto o = outcome_from(f.at("outcome").get<std::string>());
      if (!o) continue;
      results::FindingRow row;
      row.rule = f.at("rule").get<std::string>();
      row.outcome = *o;
      row.message_id = f.value("message_id", "");
      row.args = f.value("args", std::vector<std::string>{});
      row.selector = f.value("selector", "");
      row.line = f.value("line", 0u);
      row.column = f.value("column", 0u);
      row.snippet = f.value("snippet", "");
      c.row.findings.push_back(std::move(row));
    }
    return c;
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

json api_result(const StoredCheck& c, const reports::PageSummary& s, const reports::CheckChanges* changes,
                const ApiLinks& links, Lang lang) {
  json by_criterion = json::array();
  for (const reports::CriterionCounts& k : s.by_criterion) {
    by_criterion.push_back({{"criterion", k.criterion->number},
                            {"title", k.criterion->title.in(lang)},
                            {"level", engine::to_string(k.criterion->level)},
                            {"en_301_549", k.criterion->en_clause.empty() ? json(nullptr) : json(k.criterion->en_clause)},
                            {"failed", k.failed},
                            {"warnings", k.warnings},
                            {"needs_review", k.needs_review}});
  }
  json groups = json::array();
  for (const reports::FindingGroup& g : s.groups) {
    json places = json::array();
    for (const results::FindingRow* f : g.where) {
      places.push_back({{"selector", f->selector}, {"line", f->line}, {"column", f->column}, {"snippet", f->snippet}});
    }
    groups.push_back({{"rule", g.rule_id},
                      {"outcome", engine::to_string(g.outcome)},
                      {"warning", g.warning},
                      {"impact", engine::to_string(g.impact())},
                      {"criterion", g.criterion->number},
                      {"wcag_url", reports::wcag_url(*g.criterion, lang)},
                      {"message_id", g.message_id},
                      {"message", g.text(lang)},
                      {"help", g.help(lang)},
                      {"page_wide", g.page_wide},
                      {"count", g.where.size()},
                      {"places", places}});
  }
  json notes = json::array();
  for (const Error& e : c.notes) notes.push_back(e.text(lang));
  json out{{"schema_version", 1},
           {"id", links.id},
           {"result_url", links.result_url},
           {"api_url", links.api_url},
           {"expires_at", links.expires_at},
           {"checked_at", c.row.fetched_at},
           {"lang", lang == Lang::En ? "en" : "sv"},
           {"source", to_string(c.source)},
           {"address", c.address.empty() ? json(nullptr) : json(c.address)},
           {"final_url", c.source == SourceKind::Url ? json(c.row.final_url) : json(nullptr)},
           {"file_name", c.source == SourceKind::File ? json(c.file_name) : json(nullptr)},
           {"title", c.row.title},
           {"http_status", c.row.status == 0 ? json(nullptr) : json(c.row.status)},
           {"notes", notes},
           {"profile", c.profile},
           {"summary",
            {{"failed", s.failed},
             {"warnings", s.warnings},
             {"needs_review", s.needs_review},
             {"rules_run", s.rules_run},
             {"rules_passed", s.rules_passed},
             {"outside_profile", s.outside_profile},
             {"by_criterion", by_criterion}}},
           {"groups", groups},
           {"changes", nullptr}};
  if (changes) {
    auto items = [&](const std::vector<reports::ChangeItem>& list) {
      json a = json::array();
      for (const reports::ChangeItem& i : list) {
        a.push_back({{"rule", i.rule_id},
                     {"outcome", engine::to_string(i.outcome)},
                     {"warning", i.warning},
                     {"message", lang == Lang::En ? i.text_en : i.text_sv},
                     {"count", i.count}});
      }
      return a;
    };
    out["changes"] = {{"previous_id", links.previous_id},
                      {"fixed", changes->fixed_count},
                      {"new", changes->added_count},
                      {"remaining", changes->remaining},
                      {"fixed_items", items(changes->fixed)},
                      {"new_items", items(changes->added)}};
  }
  return out;
}

}  // namespace granska::serve
