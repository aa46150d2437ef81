#include "config/org_config.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>
#include <toml++/toml.h>

#include "config/statement_config.h"
#include "config/toml_text.h"
#include "url/url.h"
#include "util/text.h"


namespace granska::config {

namespace {

// Every key the configuration file knows, per table. Extend these lists when a module adds
// settings: `granska config check` flags anything else as a probable typo.
constexpr std::array kTopKeys{"user_agent", "contact", "max_pages", "max_depth", "concurrency_per_host",
                              "delay_ms", "seeds", "sitemaps", "allowed_hosts", "include", "exclude",
                              "headers", "cookies", "site", "unit", "assign", "fallback", "profile",
                              "status", "scan", "check_documents", "max_document_mb", "max_documents",
                              "max_documents_total_mb", "statement", "render"};
constexpr std::array kSiteKeys{"name",    "seeds",   "sitemaps", "allowed_hosts", "include",
                               "exclude", "headers", "cookies",  "render"};
constexpr std::array kStatementKeys{"phrases"};
constexpr std::array kUnitKeys{"id", "name_sv", "name_en", "type", "hosts", "prefixes", "patterns"};
constexpr std::array kAssignKeys{"unit", "host", "prefix", "pattern"};
constexpr std::array kProfileKeys{"id", "name_sv", "name_en", "criteria"};
constexpr std::array kScanKeys{"database", "reports", "lock", "keep", "keep_reports", "lang"};
constexpr std::array kStatusKeys{"satisfactory_min_share", "partial_min_share", "satisfactory_max_failed_criteria",
                                 "partial_max_failed_criteria"};

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

class Reader {
 public:
  explicit Reader(std::vector<ConfigProblem>& problems) : problems_(problems) {}

  void problem(int line, std::string en, std::string sv) { problems_.push_back({line, std::move(en), std::move(sv)}); }

  template <std::size_t N>
  void known_keys(const toml::table& t, const std::array<const char*, N>& keys, const std::string& where) {
    for (auto&& [k, v] : t) {
      const std::string_view name = k.str();
      if (std::none_of(keys.begin(), keys.end(), [&](const char* known) { return name == known; })) {
        const std::string in_en = where.empty() ? "" : " in " + where;
        const std::string in_sv = where.empty() ? "" : " i " + where;
        problem(static_cast<int>(k.source().begin.line), "unknown key \"" + std::string(name) + "\"" + in_en,
                "okänd nyckel \"" + std::string(name) + "\"" + in_sv);
      }
    }
  }

  // A string value; problem when present with another type. Empty when absent.
  std::string string(const toml::table& t, const char* key, const std::string& where) {
    const toml::node* n = t.get(key);
    if (!n) return {};
    if (auto s = n->value<std::string>()) return *s;
    problem(line_of(*n), std::string(key) + " in " + where + " must be a string",
            std::string(key) + " i " + where + " måste vara en sträng");
    return {};
  }

  // The strings of an array, each with its line.
  std::vector<std::pair<std::string, int>> strings(const toml::table& t, const char* key, const std::string& where) {
    std::vector<std::pair<std::string, int>> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr) {
      problem(line_of(*n), std::string(key) + " in " + where + " must be a list of strings",
              std::string(key) + " i " + where + " måste vara en lista med strängar");
      return out;
    }
    for (const toml::node& item : *arr) {
      if (auto s = item.value<std::string>()) {
        out.emplace_back(*s, line_of(item));
      } else {
        problem(line_of(item), std::string(key) + " in " + where + " must be a list of strings",
                std::string(key) + " i " + where + " måste vara en lista med strängar");
      }
    }
    return out;
  }

  // The tables of an array of tables ([[name]]).
  std::vector<const toml::table*> tables(const toml::table& root, const char* key) {
    std::vector<const toml::table*> out;
    const toml::node* n = root.get(key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    bool bad = !arr;
    if (arr) {
      for (const toml::node& item : *arr) {
        if (const toml::table* t = item.as_table()) out.push_back(t);
        else bad = true;
      }
    }
    if (bad) {
      problem(line_of(*n), std::string(key) + " must be written as [[" + key + "]] tables",
              std::string(key) + " måste skrivas som [[" + key + "]]-tabeller");
    }
    return out;
  }

 private:
  std::vector<ConfigProblem>& problems_;
};

}  // namespace

OrgConfig load_org_config(const std::string& path, std::vector<ConfigProblem>& problems) {
  OrgConfig out;
  out.profile = *org::find_profile("wcag21-aa");
  const std::optional<std::string> text = read_text_file(path);
  if (!text) {
    problems.push_back({0, "cannot be read", "kan inte läsas"});
    return out;
  }
  if (std::size_t line = stray_non_ascii_line(*text)) {
    problems.push_back({static_cast<int>(line), "a non-ASCII character outside quotes",
                        "ett tecken som inte är ASCII utanför citattecken"});
    return out;
  }
  toml::table root;
  try {
    root = toml::parse(*text, path);
  } catch (const toml::parse_error& e) {
    problems.push_back({static_cast<int>(e.source().begin.line), std::string(e.description()),
                        std::string(e.description())});
    return out;
  }
  Reader r(problems);
  r.known_keys(root, kTopKeys, "");
  for (const toml::table* site : r.tables(root, "site")) {
    r.known_keys(*site, kSiteKeys, "[[site]]");
    SiteConfig sc;
    sc.line = line_of(*site);
    sc.name = r.string(*site, "name", "[[site]]");
    for (auto& [v, vline] : r.strings(*site, "seeds", "[[site]]")) sc.seeds.push_back(v);
    for (auto& [v, vline] : r.strings(*site, "allowed_hosts", "[[site]]")) sc.hosts.push_back(text::ascii_lower(v));
    if (sc.hosts.empty()) {
      for (const std::string& seed : sc.seeds) {
        if (Result<url::Url> u = url::Url::parse(seed)) sc.hosts.push_back(text::ascii_lower(u->host()));
      }
    }
    if (sc.name.empty() && !sc.hosts.empty()) {
      sc.name = sc.hosts.front().rfind("www.", 0) == 0 ? sc.hosts.front().substr(4) : sc.hosts.front();
    }
    out.sites.push_back(std::move(sc));
  }
  if (const toml::node* st = root.get("statement")) {
    if (const toml::table* t = st->as_table()) {
      r.known_keys(*t, kStatementKeys, "[statement]");
      for (auto& [v, vline] : r.strings(*t, "phrases", "[statement]")) {
        out.statement_phrases.push_back(resolve_config_path(path, v));
      }
      if (auto phrases = load_statement_phrases(out.statement_phrases); !phrases) {
        r.problem(line_of(*st), phrases.error().message, phrases.error().message_sv);
      }
    } else {
      r.problem(line_of(*st), "statement must be a [statement] table", "statement måste vara en [statement]-tabell");
    }
  }

  // Units, with their inline rules.
  std::vector<org::Unit> units;
  std::vector<org::AssignRule> rules;
  std::vector<int> unit_lines;
  for (const toml::table* t : r.tables(root, "unit")) {
    const int line = line_of(*t);
    r.known_keys(*t, kUnitKeys, "[[unit]]");
    org::Unit u;
    u.id = r.string(*t, "id", "[[unit]]");
    u.name_sv = r.string(*t, "name_sv", "[[unit]]");
    u.name_en = r.string(*t, "name_en", "[[unit]]");
    if (u.id.empty()) r.problem(line, "a [[unit]] has no id", "en [[unit]] saknar id");
    if (u.name_sv.empty()) r.problem(line, "unit \"" + u.id + "\" has no name_sv", "enheten \"" + u.id + "\" saknar name_sv");
    if (u.name_en.empty()) u.name_en = u.name_sv;
    const std::string type = r.string(*t, "type", "[[unit]]");
    if (!org::parse_unit_type(type, u.type)) {
      r.problem(line, "unit \"" + u.id + "\": type must be \"namnd\" or \"bolag\"",
                "enheten \"" + u.id + "\": type måste vara \"namnd\" eller \"bolag\"");
    }
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (!u.id.empty() && units[i].id == u.id) {
        r.problem(line, "duplicate unit id \"" + u.id + "\" (first on line " + std::to_string(unit_lines[i]) + ")",
                  "enhetens id \"" + u.id + "\" finns redan (rad " + std::to_string(unit_lines[i]) + ")");
      }
    }
    for (auto [key, kind] : {std::pair{"hosts", org::RuleKind::Host}, std::pair{"prefixes", org::RuleKind::Prefix},
                             std::pair{"patterns", org::RuleKind::Pattern}}) {
      for (auto& [value, vline] : r.strings(*t, key, "[[unit]]")) rules.push_back({u.id, kind, value, vline});
    }
    units.push_back(std::move(u));
    unit_lines.push_back(line);
  }
  for (const toml::table* t : r.tables(root, "assign")) {
    r.known_keys(*t, kAssignKeys, "[[assign]]");
    org::AssignRule rule{r.string(*t, "unit", "[[assign]]"), org::RuleKind::Host, {}, line_of(*t)};
    int forms = 0;
    for (auto [key, kind] : {std::pair{"host", org::RuleKind::Host}, std::pair{"prefix", org::RuleKind::Prefix},
                             std::pair{"pattern", org::RuleKind::Pattern}}) {
      if (!t->get(key)) continue;
      ++forms;
      rule.kind = kind;
      rule.value = r.string(*t, key, "[[assign]]");
      rule.line = line_of(*t->get(key));
    }
    if (rule.unit.empty()) r.problem(line_of(*t), "an [[assign]] has no unit", "en [[assign]] saknar unit");
    if (forms != 1) {
      r.problem(line_of(*t), "an [[assign]] needs exactly one of host, prefix or pattern",
                "en [[assign]] ska ha precis en av host, prefix och pattern");
      continue;
    }
    rules.push_back(std::move(rule));
  }

  // The map itself: each rule is checked on its own so that every bad one is reported.
  const std::string fallback = r.string(root, "fallback", "the file");
  if (!units.empty()) {
    if (fallback.empty()) {
      r.problem(0, "fallback is missing: name the unit that gets URLs no rule assigns",
                "fallback saknas: ange den enhet som får adresser som ingen regel tilldelar");
    }
    bool units_ok = true;
    std::vector<org::Unit> distinct;  // each id once, so each rule is judged on its own
    for (const org::Unit& u : units) {
      units_ok = units_ok && !u.id.empty();
      bool dup = false;
      for (const org::Unit& d : distinct) dup = dup || d.id == u.id;
      if (!dup) distinct.push_back(u);
    }
    if (units_ok) {
      bool rules_ok = true;
      for (const org::AssignRule& rule : rules) {
        org::AssignRule alone = rule;
        alone.line = 0;  // the problem carries the line already
        auto one = org::OrgMap::build(distinct, {alone}, distinct.front().id);
        if (!one) {
          rules_ok = false;
          r.problem(rule.line, one.error().message, one.error().message_sv);
        }
      }
      if (rules_ok && !fallback.empty()) {
        auto map = org::OrgMap::build(units, rules, fallback);
        if (map) {
          out.map = std::move(*map);
        } else {
          r.problem(0, map.error().message, map.error().message_sv);
        }
      }
    }
  } else if (!rules.empty() || !fallback.empty()) {
    r.problem(0, "assignment rules or a fallback but no [[unit]]", "tilldelningsregler eller fallback men ingen [[unit]]");
  }

  // The profile: a built-in one by name, or a table of the file's own.
  if (const toml::node* p = root.get("profile")) {
    if (auto name = p->value<std::string>()) {
      if (const org::Profile* builtin = org::find_profile(*name)) {
        out.profile = *builtin;
      } else {
        r.problem(line_of(*p), "unknown profile \"" + *name + "\" (built in: wcag21-aa, dos-review)",
                  "okänd profil \"" + *name + "\" (inbyggda: wcag21-aa, dos-review)");
      }
    } else if (const toml::table* t = p->as_table()) {
      r.known_keys(*t, kProfileKeys, "[profile]");
      std::vector<std::string> criteria;
      for (auto& [c, cline] : r.strings(*t, "criteria", "[profile]")) {
        if (!engine::find_criterion(c)) {
          r.problem(cline, "\"" + c + "\" is not a WCAG 2.1 success criterion (write e.g. \"1.1.1\")",
                    "\"" + c + "\" är inte ett framgångskriterium i WCAG 2.1 (skriv t.ex. \"1.1.1\")");
        } else {
          criteria.push_back(c);
        }
      }
      std::string id = r.string(*t, "id", "[profile]");
      std::string name_sv = r.string(*t, "name_sv", "[profile]");
      std::string name_en = r.string(*t, "name_en", "[profile]");
      const org::Profile* builtin = id.empty() ? nullptr : org::find_profile(id);
      if (builtin && !t->get("criteria")) {
        // A built-in profile by its table: its own list (for dos-review, granska's proposal).
        out.profile = *builtin;
        if (!name_sv.empty()) out.profile.name_sv = name_sv;
        if (!name_en.empty()) out.profile.name_en = name_en;
      } else {
        // The file's own list; on a built-in id it replaces the built-in list (the city's
        // criteria for its review), keeping the built-in names unless the file gives its own.
        if (builtin && name_sv.empty()) name_sv = builtin->name_sv;
        if (builtin && name_en.empty()) name_en = builtin->name_en;
        auto made = org::make_profile(id.empty() ? "custom" : id, name_sv, name_en, criteria);
        if (made) {
          out.profile = std::move(*made);
        } else {
          r.problem(line_of(*p), made.error().message, made.error().message_sv);
        }
      }
    } else {
      r.problem(line_of(*p), "profile must be a name (\"dos-review\") or a [profile] table",
                "profile måste vara ett namn (\"dos-review\") eller en [profile]-tabell");
    }
  }
  // The status scale of `granska report` (figures::StatusThresholds).
  if (const toml::node* st = root.get("status")) {
    if (const toml::table* t = st->as_table()) {
      r.known_keys(*t, kStatusKeys, "[status]");
      for (auto [key, field] : {std::pair{"satisfactory_min_share", &out.status.satisfactory_min_share},
                                std::pair{"partial_min_share", &out.status.partial_min_share}}) {
        const toml::node* n = t->get(key);
        if (!n) continue;
        std::optional<double> v = n->value<double>();  // integers (0, 1) convert too
        if (!v || *v < 0.0 || *v > 1.0) {
          r.problem(line_of(*n), std::string(key) + " in [status] must be a share between 0 and 1 (0.9 = 90 %)",
                    std::string(key) + " i [status] måste vara en andel mellan 0 och 1 (0.9 = 90 %)");
        } else {
          *field = *v;
        }
      }
      for (auto [key, field] : {std::pair{"satisfactory_max_failed_criteria", &out.status.satisfactory_max_failed_criteria},
                                std::pair{"partial_max_failed_criteria", &out.status.partial_max_failed_criteria}}) {
        const toml::node* n = t->get(key);
        if (!n) continue;
        std::optional<std::int64_t> v = n->value_exact<std::int64_t>();
        if (!v || *v < -1 || *v > 1000) {
          r.problem(line_of(*n), std::string(key) + " in [status] must be a whole number (-1 = no limit)",
                    std::string(key) + " i [status] måste vara ett heltal (-1 = ingen gräns)");
        } else {
          *field = static_cast<int>(*v);
        }
      }
      if (out.status.partial_min_share > out.status.satisfactory_min_share) {
        r.problem(line_of(*st), "partial_min_share in [status] is above satisfactory_min_share",
                  "partial_min_share i [status] är större än satisfactory_min_share");
      }
    } else {
      r.problem(line_of(*st), "status must be a [status] table", "status måste vara en [status]-tabell");
    }
  }
  // Where `granska scan` keeps its database and reports.
  if (const toml::node* sc = root.get("scan")) {
    if (const toml::table* t = sc->as_table()) {
      r.known_keys(*t, kScanKeys, "[scan]");
      out.scan.database = r.string(*t, "database", "[scan]");
      out.scan.reports = r.string(*t, "reports", "[scan]");
      out.scan.lock = r.string(*t, "lock", "[scan]");
      auto count = [&](const char* key, int& into) {
        const toml::node* n = t->get(key);
        if (!n) return;
        std::optional<std::int64_t> v = n->value_exact<std::int64_t>();
        if (!v || *v < 0 || *v > 100000) {
          r.problem(line_of(*n), std::string(key) + " in [scan] must be a whole number (0 = keep all)",
                    std::string(key) + " i [scan] måste vara ett heltal (0 = behåll alla)");
        } else {
          into = static_cast<int>(*v);
        }
      };
      count("keep", out.scan.keep);
      count("keep_reports", out.scan.keep_reports);
      if (const toml::node* n = t->get("lang")) {
        const std::string v = r.string(*t, "lang", "[scan]");
        if (v == "sv" || v == "en") {
          out.scan.lang = v;
        } else if (n->is_string()) {
          r.problem(line_of(*n), "lang in [scan] must be \"sv\" or \"en\"", "lang i [scan] måste vara \"sv\" eller \"en\"");
        }
      }
    } else {
      r.problem(line_of(*sc), "scan must be a [scan] table", "scan måste vara en [scan]-tabell");
    }
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const ConfigProblem& a, const ConfigProblem& b) { return a.line < b.line; });
  return out;
}

std::string resolve_config_path(const std::string& config, const std::string& path) {
  const std::filesystem::path p(path);
  if (path.empty() || p.is_absolute()) return path;
  return (std::filesystem::path(config).parent_path() / p).lexically_normal().string();
}

}  // namespace granska::config
