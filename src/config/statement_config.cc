#include "config/statement_config.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "config/toml_text.h"
#include "results/site_facts.h"

namespace granska::config {

namespace {

// config/statement-sv.toml and config/statement-en.toml, as built in (CMakeLists.txt).
constexpr const char* kBuiltinSv =
#include "granska_statement_sv.inc"
    ;
constexpr const char* kBuiltinEn =
#include "granska_statement_en.inc"
    ;

Error bad(const std::string& name, const std::string& en, const std::string& sv) {
  return Error{"Statement phrases " + name + ": " + en, "Fraserna för tillgänglighetsredogörelsen " + name + ": " + sv};
}

constexpr const char* kKinds[] = {"phrase", "body", "service", "compliance", "dated", "contact", "link"};
constexpr const char* kItemKeys[] = {"id", "kind", "source", "found", "review", "links", "fully", "missing",
                                     "not_needed_when_fully_compliant", "stale_after_days"};

// Appends the folded strings of `key`; false when it is there but not a list of strings.
bool strings(const toml::table& t, const char* key, std::vector<std::string>& out) {
  const toml::node* n = t.get(key);
  if (!n) return true;
  const toml::array* arr = n->as_array();
  if (!arr) return false;
  for (const toml::node& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) return false;
    std::string f = results::fold_case(*s);
    if (!f.empty() && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
  }
  return true;
}

}  // namespace

Result<StatementPhrases> parse_statement_phrases(const std::vector<std::pair<std::string, std::string>>& files) {
  StatementPhrases out;
  for (const auto& [name, content] : files) {
    if (std::size_t line = stray_non_ascii_line(content)) {
      return bad(name, "a non-ASCII character outside quotes (line " + std::to_string(line) + ")",
                 "ett tecken som inte är ASCII utanför citattecken (rad " + std::to_string(line) + ")");
    }
    toml::table root;
    try {
      root = toml::parse(content, name);
    } catch (const toml::parse_error& e) {
      const std::string line = std::to_string(e.source().begin.line);
      return bad(name, std::string(e.description()) + " (line " + line + ")",
                 std::string(e.description()) + " (rad " + line + ")");
    }
    const bool english = root["lang"].value_or(std::string()) == "en";
    if (const toml::table* find = root["find"].as_table()) {
      if (!strings(*find, "link_text", out.link_text) || !strings(*find, "link_url", out.link_url)) {
        return bad(name, "[find] link_text and link_url must be lists of strings",
                   "[find] link_text och link_url måste vara listor med strängar");
      }
    }
    if (const toml::table* dates = root["dates"].as_table()) {
      std::vector<std::string> months;
      if (!strings(*dates, "months", months) || months.size() != 12) {
        return bad(name, "[dates] months must list the twelve month names", "[dates] months måste ha årets tolv månader");
      }
      for (std::size_t m = 0; m < 12; ++m) out.months.emplace_back(months[m], static_cast<int>(m + 1));
    }
    const toml::array* items = root["item"].as_array();
    if (!items) return bad(name, "no [[item]] tables", "inga [[item]]-tabeller");
    std::vector<std::string> seen;
    for (const toml::node& node : *items) {
      const toml::table* t = node.as_table();
      if (!t) return bad(name, "item must be written as [[item]] tables", "item måste skrivas som [[item]]-tabeller");
      for (auto&& [k, v] : *t) {
        if (std::none_of(std::begin(kItemKeys), std::end(kItemKeys), [&](const char* key) { return k.str() == key; })) {
          return bad(name, "unknown key \"" + std::string(k.str()) + "\" in [[item]]",
                     "okänd nyckel \"" + std::string(k.str()) + "\" i [[item]]");
        }
      }
      const std::string id = (*t)["id"].value_or(std::string());
      if (std::none_of(std::begin(kStatementItemIds), std::end(kStatementItemIds), [&](const char* k) { return id == k; })) {
        return bad(name, "unknown item id \"" + id + "\"", "okänt id \"" + id + "\" i [[item]]");
      }
      seen.push_back(id);
      auto it = std::find_if(out.items.begin(), out.items.end(), [&](const StatementItemPhrases& i) { return i.id == id; });
      if (it == out.items.end()) {
        out.items.push_back({});
        out.items.back().id = id;
        out.sources_sv.emplace_back();
        out.sources_en.emplace_back();
        it = out.items.end() - 1;
      }
      StatementItemPhrases& item = *it;
      const std::size_t index = static_cast<std::size_t>(it - out.items.begin());
      const std::string kind = (*t)["kind"].value_or(std::string("phrase"));
      if (std::none_of(std::begin(kKinds), std::end(kKinds), [&](const char* k) { return kind == k; })) {
        return bad(name, "item \"" + id + "\": unknown kind \"" + kind + "\"",
                   "\"" + id + "\": okänd kind \"" + kind + "\"");
      }
      if (item.kind.empty()) item.kind = kind;
      const std::string source = (*t)["source"].value_or(std::string());
      (english ? out.sources_en : out.sources_sv)[index] = source;
      if (item.source.empty()) item.source = source;
      if (!strings(*t, "found", item.found) || !strings(*t, "review", item.review) || !strings(*t, "links", item.links) ||
          !strings(*t, "fully", item.fully)) {
        return bad(name, "item \"" + id + "\": found, review, links and fully must be lists of strings",
                   "\"" + id + "\": found, review, links och fully måste vara listor med strängar");
      }
      if ((*t)["missing"].value_or(std::string()) == "review") item.missing_needs_review = true;
      if ((*t)["not_needed_when_fully_compliant"].value_or(false)) item.not_needed_when_fully_compliant = true;
      if (auto days = (*t)["stale_after_days"].value<std::int64_t>()) item.stale_after_days = static_cast<int>(*days);
    }
    for (const char* id : kStatementItemIds) {
      if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
        return bad(name, "the item \"" + std::string(id) + "\" is missing", "uppgiften \"" + std::string(id) + "\" saknas");
      }
    }
  }
  if (out.items.empty()) return bad("", "no phrase file", "ingen fil med fraser");
  // The report lists the items in DIGG's order, whatever order the files had.
  std::vector<std::size_t> order;
  for (const char* id : kStatementItemIds) {
    for (std::size_t i = 0; i < out.items.size(); ++i) {
      if (out.items[i].id == id) order.push_back(i);
    }
  }
  StatementPhrases sorted = out;
  for (std::size_t k = 0; k < order.size(); ++k) {
    sorted.items[k] = out.items[order[k]];
    sorted.sources_sv[k] = out.sources_sv[order[k]];
    sorted.sources_en[k] = out.sources_en[order[k]];
  }
  return sorted;
}

Result<StatementPhrases> load_statement_phrases(const std::vector<std::string>& paths) {
  if (paths.empty()) return parse_statement_phrases({{"statement-sv.toml", kBuiltinSv}, {"statement-en.toml", kBuiltinEn}});
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return bad(p, "cannot be read", "kan inte läsas");
    std::ostringstream s;
    s << in.rdbuf();
    files.emplace_back(p, s.str());
  }
  return parse_statement_phrases(files);
}

}  // namespace granska::config
