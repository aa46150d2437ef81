#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "reports/common/terminal_escape.h"
#include "reports/compare/compare.h"

namespace granska::reports {

namespace {

using engine::Outcome;

struct Entry {
  std::string rule;
  Outcome outcome;
  std::string message;
  engine::Location where;
  std::string text;
  int modes = 0;  // bit 1: static, bit 2: rendered
};

using Key = std::tuple<std::string, int, std::string, std::string>;

// The failed and cantTell findings of both checks, matched.
std::vector<Entry> match(const ModeComparison& c, Lang lang) {
  std::map<Key, std::size_t> index;
  std::vector<Entry> out;
  auto add = [&](const engine::PageEvaluation& ev, int bit) {
    for (const engine::RuleResult& r : ev.rules) {
      for (const engine::Finding& f : r.findings) {
        if (f.outcome != Outcome::Failed && f.outcome != Outcome::CantTell) continue;
        engine::Location where = engine::locate(f);
        Key key{std::string(r.rule->info.id), static_cast<int>(f.outcome), std::string(f.message->id), where.selector};
        auto [it, fresh] = index.try_emplace(key, out.size());
        if (fresh) out.push_back(Entry{std::get<0>(key), f.outcome, std::get<2>(key), std::move(where), f.text(lang), 0});
        out[it->second].modes |= bit;
      }
    }
  };
  add(c.static_check, 1);
  add(c.rendered_check, 2);
  return out;
}

std::string_view outcome_name(Outcome o, Lang lang) {
  bool sv = lang == Lang::Sv;
  switch (o) {
    case Outcome::Failed: return sv ? "underkänd" : "failed";
    case Outcome::CantTell: return sv ? "granska manuellt" : "needs review";
    case Outcome::Passed: return sv ? "godkänd" : "passed";
    case Outcome::Inapplicable: return sv ? "ej tillämplig" : "inapplicable";
  }
  return "";
}

// Rules run in both checks whose page outcome differs.
std::vector<std::tuple<std::string_view, Outcome, Outcome>> differing_rules(const ModeComparison& c) {
  std::map<std::string_view, Outcome> rendered;
  for (const engine::RuleResult& r : c.rendered_check.rules) rendered[r.rule->info.id] = r.outcome;
  std::vector<std::tuple<std::string_view, Outcome, Outcome>> out;
  for (const engine::RuleResult& r : c.static_check.rules) {
    auto it = rendered.find(r.rule->info.id);
    if (it != rendered.end() && it->second != r.outcome) out.emplace_back(r.rule->info.id, r.outcome, it->second);
  }
  return out;
}

}  // namespace

void write_compare_text(std::ostream& out, const ModeComparison& c, Lang lang) {
  const bool sv = lang == Lang::Sv;
  const std::vector<Entry> entries = match(c, lang);
  out << (sv ? "Statisk och renderad granskning av " : "Static and rendered check of ") << escape_for_terminal(c.url)
      << "\n\n";
  const auto rules = differing_rules(c);
  out << (sv ? "Regler med olika utfall: " : "Rules with different outcomes: ") << rules.size() << "\n";
  for (const auto& [id, s, r] : rules)
    out << "  " << id << ": " << (sv ? "statiskt " : "static ") << outcome_name(s, lang)
        << (sv ? ", renderat " : ", rendered ") << outcome_name(r, lang) << "\n";
  std::size_t both = 0;
  for (const Entry& e : entries) both += e.modes == 3;
  for (int bit : {2, 1}) {
    std::size_t n = 0;
    for (const Entry& e : entries) n += e.modes == bit;
    out << "\n"
        << (bit == 2 ? (sv ? "Bara i den renderade granskningen: " : "Only in the rendered check: ")
                     : (sv ? "Bara i den statiska granskningen: " : "Only in the static check: "))
        << n << "\n";
    for (const Entry& e : entries) {
      if (e.modes != bit) continue;
      out << "  [" << outcome_name(e.outcome, lang) << "] " << e.rule;
      if (!e.where.selector.empty()) out << "  " << escape_for_terminal(e.where.selector);
      out << "\n    " << escape_for_terminal(e.text) << "\n";
    }
  }
  out << "\n" << (sv ? "Lika i båda: " : "The same in both: ") << both
      << (sv ? " fynd (underkända och att granska manuellt)\n" : " findings (failed and needs review)\n");
}

void write_compare_json(std::ostream& out, const ModeComparison& c, Lang lang) {
  using nlohmann::json;
  json rules = json::array();
  for (const auto& [id, s, r] : differing_rules(c))
    rules.push_back({{"id", id}, {"static", engine::to_string(s)}, {"rendered", engine::to_string(r)}});
  json findings = json::array();
  for (const Entry& e : match(c, lang)) {
    findings.push_back({{"rule", e.rule},
                        {"outcome", engine::to_string(e.outcome)},
                        {"message", e.message},
                        {"selector", e.where.selector},
                        {"snippet", e.where.snippet},
                        {"text", e.text},
                        {"mode", e.modes == 3 ? "both" : e.modes == 2 ? "rendered" : "static"}});
  }
  json j{{"url", c.url}, {"rules", std::move(rules)}, {"findings", std::move(findings)}};
  // Replace invalid UTF-8 rather than throw: page text is untrusted.
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

}  // namespace granska::reports
