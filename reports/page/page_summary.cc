#include "reports/page/page_summary.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace granska::reports {

namespace {

using engine::Outcome;

// A needs-review message without arguments that is met on at least this many elements
// describes the page (no style sheet to read, say), not each element: said once.
constexpr std::size_t kPageWideMin = 20;

std::size_t wcag_position(const engine::Criterion* c) {
  const auto all = engine::all_criteria();
  return c ? static_cast<std::size_t>(c - all.data()) : all.size();
}

bool in_profile(const org::Profile& profile, std::string_view number) {
  return std::find(profile.criteria.begin(), profile.criteria.end(), number) != profile.criteria.end();
}

// The criterion a rule's findings are listed under: its first criterion in the profile;
// null when none is (the rule is outside the profile). A rule this program does not know
// cannot be placed by its criteria: it is listed under 4.1.2 rather than lost.
const engine::Criterion* listed_under(const engine::RuleInfo* info, const org::Profile& profile) {
  if (!info) return engine::find_criterion("4.1.2");
  for (const engine::CriterionRef& ref : info->criteria) {
    if (in_profile(profile, ref.number)) return engine::find_criterion(ref.number);
  }
  return nullptr;
}

// 0 failure, 1 warning, 2 needs review: the order groups are shown in.
int severity(Outcome outcome, bool warning) { return outcome == Outcome::Failed ? (warning ? 1 : 0) : 2; }

const engine::Message* find_message(const engine::RuleInfo* info, std::string_view id) {
  if (!info) return nullptr;
  for (const engine::Message* m : info->messages) {
    if (m->id == id) return m;
  }
  return nullptr;
}

std::string message_text(const engine::RuleInfo* info, std::string_view message_id, const std::vector<std::string>& args,
                         Lang lang) {
  if (const engine::Message* m = find_message(info, message_id)) return engine::format_message(m->text.in(lang), args);
  // An unknown message (a stored result from another version): its id and arguments.
  std::string out(message_id);
  for (const std::string& a : args) out += " " + a;
  return out;
}

bool is_warning(const engine::RuleInfo* info, Outcome o) {
  return o == Outcome::Failed && info && info->kind == engine::RuleKind::BestPractice;
}

}  // namespace

std::string_view snippet_tag(std::string_view snippet) {
  if (snippet.empty() || snippet[0] != '<') return {};
  std::size_t end = 1;
  while (end < snippet.size() && ((snippet[end] >= 'a' && snippet[end] <= 'z') || (snippet[end] >= '0' && snippet[end] <= '9') ||
                                  snippet[end] == '-')) {
    ++end;
  }
  return snippet.substr(1, end - 1);
}

std::string FindingGroup::text(Lang lang) const { return message_text(rule, message_id, args, lang); }

std::string_view FindingGroup::help(Lang lang) const { return rule ? rule->help.in(lang) : std::string_view{}; }

std::string_view FindingGroup::title(Lang lang) const { return rule ? rule->title.in(lang) : std::string_view(rule_id); }

engine::Impact FindingGroup::impact() const { return rule ? rule->impact : engine::Impact::Serious; }

const glossary::Noun& FindingGroup::noun() const {
  std::string_view tag = where.empty() ? std::string_view{} : snippet_tag(where.front()->snippet);
  for (const results::FindingRow* f : where) {
    if (snippet_tag(f->snippet) != tag) return glossary::element_noun("");
  }
  return glossary::element_noun(tag);
}

PageSummary summarize(const results::PageRow& page, const engine::Registry& registry, const org::Profile& profile) {
  PageSummary s;
  s.profile = &profile;
  for (const results::RuleOutcome& r : page.rule_outcomes) {
    const engine::Rule* rule = registry.find(r.rule);
    if (rule && !listed_under(&rule->info, profile)) continue;
    ++s.rules_run;
    if (r.outcome == Outcome::Passed) ++s.rules_passed;
  }

  // Group in first-seen order, keyed by rule, outcome, message and arguments.
  std::map<std::tuple<std::string, int, std::string, std::vector<std::string>>, std::size_t> groups_at;
  for (const results::FindingRow& f : page.findings) {
    if (f.outcome != Outcome::Failed && f.outcome != Outcome::CantTell) continue;
    const engine::Rule* rule = registry.find(f.rule);
    const engine::RuleInfo* info = rule ? &rule->info : nullptr;
    const engine::Criterion* criterion = listed_under(info, profile);
    if (!criterion) {
      ++s.outside_profile;
      continue;
    }
    auto key = std::make_tuple(f.rule, static_cast<int>(f.outcome), f.message_id, f.args);
    auto [it, fresh] = groups_at.try_emplace(std::move(key), s.groups.size());
    if (fresh) {
      FindingGroup g;
      g.rule_id = f.rule;
      g.rule = info;
      g.criterion = criterion;
      g.outcome = f.outcome;
      g.warning = is_warning(info, f.outcome);
      g.message_id = f.message_id;
      g.args = f.args;
      s.groups.push_back(std::move(g));
    }
    s.groups[it->second].where.push_back(&f);
  }

  for (FindingGroup& g : s.groups) {
    g.page_wide = g.outcome == Outcome::CantTell && g.args.empty() && g.where.size() >= kPageWideMin;
    const std::size_t n = g.where.size();
    if (g.outcome == Outcome::CantTell) s.needs_review += n;
    else if (g.warning) s.warnings += n;
    else s.failed += n;
  }
  std::stable_sort(s.groups.begin(), s.groups.end(), [](const FindingGroup& a, const FindingGroup& b) {
    return std::make_tuple(wcag_position(a.criterion), severity(a.outcome, a.warning), a.rule_id) <
           std::make_tuple(wcag_position(b.criterion), severity(b.outcome, b.warning), b.rule_id);
  });
  for (const FindingGroup& g : s.groups) {
    if (s.by_criterion.empty() || s.by_criterion.back().criterion != g.criterion) {
      s.by_criterion.push_back(CriterionCounts{g.criterion});
    }
    CriterionCounts& c = s.by_criterion.back();
    const std::size_t n = g.where.size();
    if (g.outcome == Outcome::CantTell) c.needs_review += n;
    else if (g.warning) c.warnings += n;
    else c.failed += n;
  }
  return s;
}

CheckChanges compare_checks(const results::PageRow& before, const results::PageRow& after,
                            const engine::Registry& registry, const org::Profile& profile) {
  // A problem's identity across checks, and the group it is shown in.
  using Key = std::tuple<std::string, int, std::string, std::string>;  // rule, outcome, message, selector
  auto collect = [&](const results::PageRow& page) {
    std::map<Key, std::vector<const results::FindingRow*>> out;
    for (const results::FindingRow& f : page.findings) {
      if (f.outcome != Outcome::Failed && f.outcome != Outcome::CantTell) continue;
      const engine::Rule* rule = registry.find(f.rule);
      if (!listed_under(rule ? &rule->info : nullptr, profile)) continue;
      out[Key{f.rule, static_cast<int>(f.outcome), f.message_id, f.selector}].push_back(&f);
    }
    return out;
  };
  const auto was = collect(before);
  const auto is = collect(after);

  CheckChanges c;
  // Items grouped as the summary groups them: rule, outcome, message id, arguments.
  using GroupKey = std::tuple<std::string, int, std::string, std::vector<std::string>>;
  auto add = [&](std::vector<ChangeItem>& items, std::map<GroupKey, std::size_t>& at, const results::FindingRow& f) {
    const engine::Rule* rule = registry.find(f.rule);
    const engine::RuleInfo* info = rule ? &rule->info : nullptr;
    auto [it, fresh] = at.try_emplace(GroupKey{f.rule, static_cast<int>(f.outcome), f.message_id, f.args}, items.size());
    if (fresh) {
      items.push_back(ChangeItem{f.rule, f.outcome, is_warning(info, f.outcome),
                                 message_text(info, f.message_id, f.args, Lang::Sv),
                                 message_text(info, f.message_id, f.args, Lang::En), 0});
    }
    ++items[it->second].count;
  };
  std::map<GroupKey, std::size_t> fixed_at, added_at;
  // Equal keys are counted: two identical problems fixed down to one is one fixed.
  for (const auto& [key, rows] : was) {
    auto other = is.find(key);
    const std::size_t still = other == is.end() ? 0 : std::min(rows.size(), other->second.size());
    c.remaining += still;
    for (std::size_t i = still; i < rows.size(); ++i) add(c.fixed, fixed_at, *rows[i]);
  }
  for (const auto& [key, rows] : is) {
    auto other = was.find(key);
    const std::size_t before_n = other == was.end() ? 0 : other->second.size();
    for (std::size_t i = before_n; i < rows.size(); ++i) add(c.added, added_at, *rows[i]);
  }
  for (const ChangeItem& i : c.fixed) c.fixed_count += i.count;
  for (const ChangeItem& i : c.added) c.added_count += i.count;
  return c;
}

}  // namespace granska::reports
