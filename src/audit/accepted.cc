#include "audit/accepted.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

#include "config/toml_text.h"

namespace granska::audit {

namespace {

constexpr std::array kKeys{"rule", "url", "url_prefix", "selector", "justification", "expires", "who", "ticket"};

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

Error problem(std::string_view file, int line, const std::string& en, const std::string& sv) {
  const std::string where = std::string(file) + (line > 0 ? ":" + std::to_string(line) : std::string());
  return Error{where + ": " + en, where + ": " + sv};
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> parse_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (t[i] - '0');
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
  const int days = kDays[static_cast<std::size_t>(d.month - 1)] + (d.month == 2 && leap(d.year) ? 1 : 0);
  if (d.day > days) return std::nullopt;
  return d;
}

Date today_utc() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{now};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool AcceptedIssue::matches(std::string_view rule_id, std::string_view page_url,
                            std::string_view element_selector) const {
  if (rule_id != rule) return false;
  if (!url.empty() && page_url != url) return false;
  if (!url_prefix.empty() && page_url.substr(0, url_prefix.size()) != url_prefix) return false;
  return selector.empty() || selector == element_selector;
}

int AcceptedList::match(std::string_view rule_id, std::string_view page_url, std::string_view selector,
                        const Date& today) const {
  int expired_match = -1;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!entries[i].matches(rule_id, page_url, selector)) continue;
    if (!entries[i].expired(today)) return static_cast<int>(i);
    if (expired_match < 0) expired_match = static_cast<int>(i);
  }
  return expired_match;
}

Result<AcceptedList> parse_accepted(std::string_view text, std::string_view file, bool (*known_rule)(std::string_view)) {
  if (std::size_t line = config::stray_non_ascii_line(text)) {
    return problem(file, static_cast<int>(line), "not valid TOML: a non-ASCII character outside quotes",
                   "inte giltig TOML: ett tecken som inte är ASCII utanför citattecken");
  }
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    const int line = static_cast<int>(e.source().begin.line);
    const std::string what(e.description());
    return problem(file, line, "not valid TOML: " + what, "inte giltig TOML: " + what);
  }
  for (auto&& [k, v] : root) {
    if (k.str() != "accepted") {
      return problem(file, static_cast<int>(k.source().begin.line),
                     "unknown key \"" + std::string(k.str()) + "\" (entries are [[accepted]] tables)",
                     "okänd nyckel \"" + std::string(k.str()) + "\" (posterna är [[accepted]]-tabeller)");
    }
  }
  AcceptedList list;
  const toml::node* all = root.get("accepted");
  if (!all) return list;  // an empty file accepts nothing
  const toml::array* arr = all->as_array();
  if (!arr) {
    return problem(file, line_of(*all), "\"accepted\" must be a list of tables: [[accepted]]",
                   "\"accepted\" måste vara en lista av tabeller: [[accepted]]");
  }
  for (const toml::node& n : *arr) {
    const toml::table* t = n.as_table();
    const int line = line_of(n);
    if (!t) {
      return problem(file, line, "each entry must be a table: [[accepted]]", "varje post måste vara en tabell: [[accepted]]");
    }
    for (auto&& [k, v] : *t) {
      const std::string_view name = k.str();
      if (std::find(kKeys.begin(), kKeys.end(), name) == kKeys.end()) {
        return problem(file, static_cast<int>(k.source().begin.line), "unknown key \"" + std::string(name) + "\"",
                       "okänd nyckel \"" + std::string(name) + "\"");
      }
    }
    AcceptedIssue e;
    e.line = line;
    // Strings: a value of another type is an error, not silently ignored.
    for (auto [key, field] : {std::pair{"rule", &e.rule}, std::pair{"url", &e.url}, std::pair{"url_prefix", &e.url_prefix},
                              std::pair{"selector", &e.selector}, std::pair{"justification", &e.justification},
                              std::pair{"who", &e.who}, std::pair{"ticket", &e.ticket}}) {
      const toml::node* v = t->get(key);
      if (!v) continue;
      if (!v->is_string()) {
        return problem(file, line_of(*v), std::string("\"") + key + "\" must be a string",
                       std::string("\"") + key + "\" måste vara en sträng");
      }
      *field = v->as_string()->get();
    }
    if (e.rule.empty()) {
      return problem(file, line, "entry without \"rule\" (the granska rule id)", "posten saknar \"rule\" (granskas regel-id)");
    }
    if (known_rule && !known_rule(e.rule)) {
      return problem(file, line_of(*t->get("rule")), "unknown rule \"" + e.rule + "\" (see granska rules)",
                     "okänd regel \"" + e.rule + "\" (se granska rules)");
    }
    if (e.url.empty() == e.url_prefix.empty()) {
      return problem(file, line, "entry for \"" + e.rule + "\" needs exactly one of \"url\" and \"url_prefix\"",
                     "posten för \"" + e.rule + "\" behöver exakt en av \"url\" och \"url_prefix\"");
    }
    if (e.justification.find_first_not_of(" \t\r\n") == std::string::npos) {
      return problem(file, line, "entry for \"" + e.rule + "\" has no \"justification\" (why the failure is accepted)",
                     "posten för \"" + e.rule + "\" saknar \"justification\" (varför bristen accepteras)");
    }
    const toml::node* exp = t->get("expires");
    if (!exp) {
      return problem(file, line, "entry for \"" + e.rule + "\" has no \"expires\" date (YYYY-MM-DD)",
                     "posten för \"" + e.rule + "\" saknar slutdatum \"expires\" (ÅÅÅÅ-MM-DD)");
    }
    std::optional<Date> date;
    if (const auto* d = exp->as_date()) {
      date = parse_date(Date{d->get().year, d->get().month, d->get().day}.iso());
    } else if (const auto* s = exp->as_string()) {
      date = parse_date(s->get());
    }
    if (!date) {
      return problem(file, line_of(*exp), "\"expires\" is not a date of the form YYYY-MM-DD",
                     "\"expires\" är inte ett datum på formen ÅÅÅÅ-MM-DD");
    }
    e.expires = *date;
    list.entries.push_back(std::move(e));
  }
  return list;
}

Result<AcceptedList> load_accepted(const std::string& path, bool (*known_rule)(std::string_view)) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{"cannot read the accepted-issues file " + path, "kan inte läsa filen med accepterade brister " + path};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_accepted(ss.str(), path, known_rule);
}

}  // namespace granska::audit
