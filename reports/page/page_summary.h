// A checked page as people read it: the summary first (failures, warnings, what needs a
// person, per criterion), then one entry per kind of problem instead of one per element
// ("the same problem on 271 links"), limited to the criteria of a profile. The text report
// (`granska check`), the HTML result page (`check --format html`, `granska serve`) and the
// web app's JSON API are written from this one model, so they cannot disagree.
//
// Built from results::PageRow, the plain rows a checked page leaves (results/scan_data.h),
// so a result stored by the web app is shown again exactly as it was first shown. Only
// presentation is decided here: which rule failed is the engine's business.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/registry.h"
#include "org/profile.h"
#include "reports/common/glossary.h"
#include "results/scan_data.h"
#include "util/lang.h"

namespace granska::reports {

// One kind of problem: the findings of one rule with the same outcome and the same
// message (message id and arguments), wherever they are on the page.
struct FindingGroup {
  std::string rule_id;
  const engine::RuleInfo* rule = nullptr;  // null for a rule this program does not know (an old stored result)
  const engine::Criterion* criterion = nullptr;  // the profile's criterion it is listed under
  engine::Outcome outcome = engine::Outcome::Failed;  // Failed or CantTell
  bool warning = false;  // a best-practice rule's failure: fails no criterion by itself
  std::string message_id;
  std::vector<std::string> args;  // untrusted
  // Every element, in document order; point into the PageRow the summary was built from.
  std::vector<const results::FindingRow*> where;
  // A needs-review whose cause is the same for the whole page (its message names no
  // element, and it is met on many elements): said once, not per element.
  bool page_wide = false;

  std::string text(Lang lang) const;       // the message with its arguments
  std::string_view help(Lang lang) const;  // how to fix; "" for an unknown rule
  std::string_view title(Lang lang) const; // the rule's title; its id for an unknown rule
  // What the elements are ("länkar", "bilder", "element"), from their snippets' tags.
  const glossary::Noun& noun() const;
  engine::Impact impact() const;
  // A document rule's group (PDF, Office): EN 301 549 clause 10 instead of 9.
  bool document() const { return rule && rule->subject != engine::Subject::Page; }
};

// One criterion's counts (elements, not groups).
struct CriterionCounts {
  const engine::Criterion* criterion = nullptr;
  std::size_t failed = 0, warnings = 0, needs_review = 0;
};

struct PageSummary {
  const org::Profile* profile = nullptr;
  // Elements with a failure of a requirement rule, a best-practice warning, or an
  // outcome only a person can decide, in the profile's criteria.
  std::size_t failed = 0, warnings = 0, needs_review = 0;
  std::size_t rules_run = 0, rules_passed = 0;  // rules that applied and found nothing wrong
  std::vector<CriterionCounts> by_criterion;    // WCAG order; only criteria with something to say
  // By criterion in WCAG order; within one, failures, then warnings, then needs-review.
  std::vector<FindingGroup> groups;
  // Findings left out because none of their rule's criteria is in the profile (AAA in
  // wcag21-aa), and the number of criteria they belong to.
  std::size_t outside_profile = 0;
  bool fails() const { return failed > 0; }
};

// Builds the summary of `page` (which must outlive it: groups point into its findings).
// Findings of rules outside `profile` are counted in outside_profile and left out.
PageSummary summarize(const results::PageRow& page, const engine::Registry& registry, const org::Profile& profile);

// What changed on an address between two checks: problems gone, problems new, and how many
// stayed. A problem is the same across checks when rule, outcome, message id and element
// (CSS selector) are: a changed snippet of the same element is the same problem.
struct ChangeItem {
  std::string rule_id;
  engine::Outcome outcome = engine::Outcome::Failed;
  bool warning = false;
  std::string text_sv, text_en;  // the message, as of the check it comes from
  std::size_t count = 0;         // elements
};
struct CheckChanges {
  std::vector<ChangeItem> fixed, added;
  std::size_t fixed_count = 0, added_count = 0, remaining = 0;  // elements
};
// Compares two checks of one address, over the rules of `profile` (as summarize does).
CheckChanges compare_checks(const results::PageRow& before, const results::PageRow& after,
                            const engine::Registry& registry, const org::Profile& profile);

// The tag name at the start of an HTML snippet ("<a href…>" -> "a"); "" when none.
std::string_view snippet_tag(std::string_view snippet);

}  // namespace granska::reports
