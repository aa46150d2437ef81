#include "store/site_json.h"

#include <nlohmann/json.hpp>

#include "store/sqlite_db.h"

namespace granska::store::detail {

namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

template <typename T>
void get(const json& j, const char* key, T& out) {
  if (j.contains(key)) {
    try {
      out = j.at(key).get<T>();
    } catch (const std::exception&) {
      // A member of another type: keep the default.
    }
  }
}

engine::Outcome outcome(const json& j, const char* key) {
  long long code = 3;
  get(j, key, code);
  return outcome_from_code(code).value_or(engine::Outcome::Inapplicable);
}

}  // namespace

std::string site_summary_json(const results::SiteSummary& s) {
  json items = json::array();
  for (const results::StatementItem& i : s.statement.items) {
    items.push_back({{"id", i.id}, {"outcome", outcome_code(i.outcome)}, {"evidence", i.evidence}, {"note", i.note},
                     {"note_args", i.note_args}});
  }
  const results::StatementResult& st = s.statement;
  json checks = json::array();
  for (const results::SiteCheckSummary& c : s.checks) {
    checks.push_back({{"check", std::string(results::to_string(c.check))}, {"outcome", outcome_code(c.outcome)},
                      {"findings", c.findings}, {"tested", c.tested}});
  }
  const json j = {{"id", s.id},
                  {"name", s.name},
                  {"hosts", s.hosts},
                  {"owner", s.owner},
                  {"start_url", s.start_url},
                  {"units", s.units},
                  {"pages", s.pages},
                  {"html_pages", s.html_pages},
                  {"statement",
                   {{"url", st.url},
                    {"link_text", st.link_text},
                    {"pages", st.pages},
                    {"pages_linking", st.pages_linking},
                    {"linked_from_start", st.linked_from_start},
                    {"format", st.format},
                    {"source", st.source},
                    {"read_error_sv", st.read_error_sv},
                    {"read_error_en", st.read_error_en},
                    {"last_updated", st.last_updated},
                    {"items", items}}},
                  {"checks", checks}};
  return dump(j);
}

std::optional<results::SiteSummary> site_summary_from_json(const std::string& text) {
  json j;
  try {
    j = json::parse(text);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!j.is_object()) return std::nullopt;
  results::SiteSummary s;
  get(j, "id", s.id);
  get(j, "name", s.name);
  get(j, "hosts", s.hosts);
  get(j, "owner", s.owner);
  get(j, "start_url", s.start_url);
  get(j, "units", s.units);
  get(j, "pages", s.pages);
  get(j, "html_pages", s.html_pages);
  if (j.contains("statement") && j["statement"].is_object()) {
    const json& st = j["statement"];
    results::StatementResult& r = s.statement;
    get(st, "url", r.url);
    get(st, "link_text", r.link_text);
    get(st, "pages", r.pages);
    get(st, "pages_linking", r.pages_linking);
    get(st, "linked_from_start", r.linked_from_start);
    get(st, "format", r.format);
    get(st, "source", r.source);
    get(st, "read_error_sv", r.read_error_sv);
    get(st, "read_error_en", r.read_error_en);
    get(st, "last_updated", r.last_updated);
    if (st.contains("items") && st["items"].is_array()) {
      for (const json& i : st["items"]) {
        if (!i.is_object()) continue;
        results::StatementItem it;
        get(i, "id", it.id);
        it.outcome = outcome(i, "outcome");
        get(i, "evidence", it.evidence);
        get(i, "note", it.note);
        get(i, "note_args", it.note_args);
        r.items.push_back(std::move(it));
      }
    }
  }
  if (j.contains("checks") && j["checks"].is_array()) {
    for (const json& c : j["checks"]) {
      if (!c.is_object()) continue;
      std::string name;
      get(c, "check", name);
      results::SiteCheckSummary sum;
      if (!results::parse_site_check(name, sum.check)) continue;
      sum.outcome = outcome(c, "outcome");
      get(c, "findings", sum.findings);
      get(c, "tested", sum.tested);
      s.checks.push_back(sum);
    }
  }
  return s;
}

}  // namespace granska::store::detail
