#include "org/profile.h"

#include <algorithm>

namespace granska::org {

namespace {

std::vector<std::string> criteria_up_to(engine::Level highest) {
  std::vector<std::string> out;
  for (const engine::Criterion& c : engine::all_criteria()) {
    if (c.level <= highest) out.emplace_back(c.number);
  }
  return out;
}

const std::vector<Profile>& profiles() {
  static const std::vector<Profile> kProfiles{
      {"wcag21-aa", "WCAG 2.1 nivå A och AA", "WCAG 2.1 level A and AA", criteria_up_to(engine::Level::AA)},
      {"wcag21-aaa", "WCAG 2.1 nivå A, AA och AAA", "WCAG 2.1 levels A, AA and AAA", criteria_up_to(engine::Level::AAA)},
      {"dos-review", "Stadskontorets granskning enligt DOS-lagen", "The city office's DOS-law review",
       {"1.1.1", "1.2.2", "1.2.5", "1.3.1", "1.3.5", "1.4.3", "2.1.1", "2.4.2", "2.4.4", "3.1.1", "3.3.2", "4.1.2"},
       /*proposal=*/true},
  };
  return kProfiles;
}

std::size_t wcag_position(std::string_view number) {
  auto all = engine::all_criteria();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].number == number) return i;
  }
  return all.size();
}

}  // namespace

std::span<const Profile> builtin_profiles() { return profiles(); }

const Profile* find_profile(std::string_view id) {
  for (const Profile& p : profiles()) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

Result<Profile> make_profile(std::string id, std::string name_sv, std::string name_en,
                             const std::vector<std::string>& criteria) {
  Profile p{std::move(id), std::move(name_sv), std::move(name_en), {}};
  for (const std::string& c : criteria) {
    if (!engine::find_criterion(c)) {
      return Error{"\"" + c + "\" is not a WCAG 2.1 success criterion (write e.g. \"1.1.1\")",
                   "\"" + c + "\" är inte ett framgångskriterium i WCAG 2.1 (skriv t.ex. \"1.1.1\")"};
    }
    if (std::find(p.criteria.begin(), p.criteria.end(), c) == p.criteria.end()) p.criteria.push_back(c);
  }
  if (p.criteria.empty()) return Error{"the profile names no criteria", "profilen anger inga kriterier"};
  std::sort(p.criteria.begin(), p.criteria.end(),
            [](const std::string& a, const std::string& b) { return wcag_position(a) < wcag_position(b); });
  return p;
}

bool covers(const Profile& profile, const engine::RuleInfo& rule) {
  return std::any_of(rule.criteria.begin(), rule.criteria.end(), [&](const engine::CriterionRef& c) {
    return std::find(profile.criteria.begin(), profile.criteria.end(), c.number) != profile.criteria.end();
  });
}

std::string_view to_string(Coverage c) {
  switch (c) {
    case Coverage::Automatic: return "automatic";
    case Coverage::Partial: return "partial";
    case Coverage::Manual: return "manual";
  }
  return "manual";
}

Text label(Coverage c) {
  switch (c) {
    // Not "delvis" for Partial: that word is the status scale's (Ja / Delvis / Nej).
    case Coverage::Automatic: return {"testas automatiskt", "tested automatically"};
    case Coverage::Partial: return {"bara varningar (god praxis)", "best-practice warnings only"};
    case Coverage::Manual: return {"kräver manuell granskning", "needs manual review"};
  }
  return {"kräver manuell granskning", "needs manual review"};
}

CriterionCoverage coverage_of(const engine::Registry& registry, std::string_view number) {
  CriterionCoverage out;
  out.criterion = engine::find_criterion(number);
  for (const engine::Rule* rule : registry.rules()) {  // sorted by id, so the lists are too
    const auto& crit = rule->info.criteria;
    if (std::none_of(crit.begin(), crit.end(), [&](engine::CriterionRef r) { return r.number == number; })) continue;
    if (rule->info.subject != engine::Subject::Page) {
      out.document_rules.push_back(rule->info.id);
      continue;
    }
    (rule->info.kind == engine::RuleKind::Requirement ? out.requirement_rules : out.best_practice_rules)
        .push_back(rule->info.id);
  }
  out.coverage = !out.requirement_rules.empty()    ? Coverage::Automatic
                 : !out.best_practice_rules.empty() ? Coverage::Partial
                                                    : Coverage::Manual;
  return out;
}

std::vector<CriterionCoverage> profile_coverage(const engine::Registry& registry, const Profile& profile) {
  std::vector<CriterionCoverage> out;
  out.reserve(profile.criteria.size());
  for (const std::string& c : profile.criteria) out.push_back(coverage_of(registry, c));
  return out;
}

}  // namespace granska::org
