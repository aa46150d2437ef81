// Criteria profiles: the WCAG 2.1 success criteria a review covers, and how much of each
// granska decides on its own. A report built on a profile lists every criterion of it —
// those granska cannot test are shown as "manual", never left out.
//
// Coverage of a criterion is computed from the rule catalogue (engine::Registry):
//   Automatic — at least one requirement rule (RuleKind::Requirement) tests it: granska
//               finds failures of this criterion by itself. A page without failures is
//               "no failures found", not "criterion met": every WCAG criterion also has
//               parts that need a person (is the alt text right, is the title
//               descriptive), so reports still ask for a manual review of the rest.
//   Partial   — only best-practice rules point at it: granska flags likely problems, a
//               person decides whether the criterion fails.
//   Manual    — no rule tests it: only a person can review it.
// Thread-safe: the built-in profiles are immutable static data.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/criteria.h"
#include "engine/registry.h"
#include "util/result.h"

namespace granska::org {

struct Profile {
  std::string id;            // "wcag21-aa", "dos-review" or a config's own
  std::string name_sv, name_en;
  std::vector<std::string> criteria;  // WCAG numbers in WCAG order, each in engine::all_criteria()
  // The criteria are granska's proposal, not a list the city has set: the built-in
  // dos-review list until the configuration names its own ([profile] criteria = […]).
  // Reports and `config check` say so ("förslag – fastställs av stadskontoret").
  bool proposal = false;
};

// wcag21-aa: every WCAG 2.1 level A and AA criterion (the 50 that EN 301 549 clause 9 and
// the DOS law require), whether granska has a rule for it or not. AAA criteria are left
// out even where a rule tests them (text-contrast-enhanced): they are not required.
// dos-review: twelve criteria for stadskontoret's DOS-law review. The 2024 review tested
// twelve criteria chosen so that every main group of users the law protects is
// represented, but did not publish which; this list is granska's proposal (proposal =
// true) until the configuration names the city's own ([profile] criteria).
// wcag21-aaa: all 78 criteria, AAA included, for whoever asks for them (`check --profile`).
std::span<const Profile> builtin_profiles();
const Profile* find_profile(std::string_view id);

// A profile of the config's own: criteria are checked against the WCAG 2.1 table, sorted in
// WCAG order, duplicates dropped. Errors name the first unknown criterion.
Result<Profile> make_profile(std::string id, std::string name_sv, std::string name_en,
                             const std::vector<std::string>& criteria);

// Whether `profile` covers any of `rule`'s criteria: the rules whose findings a report on
// the profile shows.
bool covers(const Profile& profile, const engine::RuleInfo& rule);

enum class Coverage : unsigned char { Automatic, Partial, Manual };
std::string_view to_string(Coverage c);  // "automatic", "partial", "manual"
// "testas automatiskt" / "tested automatically", "bara varningar (god praxis)" / "best-practice
// warnings only", "kräver manuell granskning" / "needs manual review".
Text label(Coverage c);

struct CriterionCoverage {
  const engine::Criterion* criterion = nullptr;
  Coverage coverage = Coverage::Manual;
  std::vector<std::string_view> requirement_rules;    // rule ids, sorted
  std::vector<std::string_view> best_practice_rules;  // rule ids, sorted
  // PDF and Office rules that test the criterion for documents (EN 301 549 clause 10),
  // sorted. They do not change `coverage`, which is about web pages: a document rule
  // finding nothing says nothing about the pages.
  std::vector<std::string_view> document_rules;
};

// Coverage of one criterion by `registry`'s rules. Precondition: find_criterion(number).
CriterionCoverage coverage_of(const engine::Registry& registry, std::string_view number);
// One entry per criterion of `profile`, in the profile's order; none is dropped.
std::vector<CriterionCoverage> profile_coverage(const engine::Registry& registry, const Profile& profile);

}  // namespace granska::org
