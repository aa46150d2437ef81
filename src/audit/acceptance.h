// The acceptance decision (leveransgodkännande): turns the rule outcomes of every page of
// a service into one result per criterion of a profile, honestly. The report writers only
// present what this module decides (reports/acceptance/acceptance_report.h).
//
// Per criterion, over all pages (decision 0012):
//   Failed        — a requirement rule failed somewhere, and that failure is not covered
//                   by an unexpired accepted issue.
//   Accepted      — requirement failures were found, and every one is an accepted issue
//                   still in force: not a failure of the run, but not passed either.
//   NeedsReview   — no rule tests the criterion (Coverage::Manual), only best-practice
//                   rules do (Partial), a rule answered cantTell, a best-practice rule
//                   warned, or no rule found anything to test where that does not prove
//                   the criterion void.
//   NotApplicable — the page content the criterion is about is absent: no audio, video or
//                   player on any page for the time-based media criteria (1.2.x, 1.4.2),
//                   and no rule of the criterion applied anywhere. Checked before coverage,
//                   so 1.2.4 (live captions, which no rule tests) is n/a without media too.
//   Passed        — requirement rules applied and passed everywhere; a person still
//                   reviews the parts no rule tests (CriterionRow::remains says which).
// The verdict is Failed when a row failed; otherwise Incomplete when a page could not be
// loaded; otherwise NoFailuresFound — never "passed": automated checks alone cannot
// accept a service.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "audit/accepted.h"
#include "engine/evaluate.h"
#include "org/profile.h"
#include "util/lang.h"

namespace granska::audit {

// One page of the audit as the decision sees it.
struct PageInput {
  std::string url;
  // nullptr when the page could not be loaded (it then counts as an error page).
  const engine::PageEvaluation* evaluation = nullptr;
  bool has_media = false;  // any audio/video/player found (media::find_media)
};

enum class CriterionResult : unsigned char { Passed, Failed, Accepted, NeedsReview, NotApplicable };
std::string_view to_string(CriterionResult r);  // "passed", "failed", "accepted", "needsReview", "notApplicable"
Text label(CriterionResult r);                  // "Godkänd" / "Passed", "Underkänd" / "Failed", …

// What happened to one finding the report lists (passed findings are only counted).
enum class IssueState : unsigned char {
  Failed,           // requirement rule failed, not accepted
  AcceptanceExpired,// requirement rule failed; an accepted issue matched but has expired
  Accepted,         // requirement rule failed; covered by an accepted issue in force
  CantTell,         // a person must decide
  Warning,          // a best-practice rule failed: a likely problem, not a failure
};
std::string_view to_string(IssueState s);

struct Issue {
  std::size_t page = 0;  // index into the pages given to decide()
  const engine::Rule* rule = nullptr;
  const engine::Finding* finding = nullptr;  // points into the page's evaluation
  engine::Location location;
  IssueState state = IssueState::Failed;
  int accepted = -1;  // index into AcceptedList::entries when one matched
  std::string anchor;  // "fynd-12": stable within the report, for in-page links
};

struct CriterionRow {
  const engine::Criterion* criterion = nullptr;
  org::Coverage coverage = org::Coverage::Manual;
  std::vector<std::string_view> requirement_rules, best_practice_rules;
  CriterionResult result = CriterionResult::NeedsReview;
  // Findings over all pages, from the rules of this criterion.
  std::size_t passed = 0, failed = 0, accepted = 0, cant_tell = 0, warnings = 0;
  std::size_t pages_applicable = 0;  // pages where a rule of the criterion applied
  std::vector<std::size_t> issues;   // indices into Acceptance::issues, in page/rule order
  Text reason;   // why this result, one sentence
  Text remains;  // what a person still has to check (empty for Failed / NotApplicable)
};

enum class Verdict : unsigned char { Failed, Incomplete, NoFailuresFound };

struct Acceptance {
  std::vector<CriterionRow> rows;  // one per criterion of the profile, in its order
  std::vector<Issue> issues;       // every non-passed finding of the profile's criteria
  std::vector<std::size_t> stale;  // accepted entries that matched no finding
  std::size_t pages_checked = 0, pages_failed = 0;
  Verdict verdict = Verdict::NoFailuresFound;

  std::size_t count(CriterionResult r) const;
  // The CI gate: a Failed or AcceptanceExpired issue of a requirement rule with at least
  // this impact. Accepted issues, cantTell and warnings never count.
  bool fails_at(engine::Impact threshold) const;
};

// Decides every criterion of `profile`. `accepted` may be null. `today` decides which
// accepted issues are in force. Deterministic: the same pages give the same result.
Acceptance decide(const engine::Registry& registry, const org::Profile& profile, std::span<const PageInput> pages,
                  const AcceptedList* accepted, const Date& today);

// SHA-256 (hex) of the rule catalogue: one line "id kind criteria…" per rule, sorted by id,
// so a report names exactly which rules produced it.
std::string catalogue_sha256(const engine::Registry& registry);

}  // namespace granska::audit
