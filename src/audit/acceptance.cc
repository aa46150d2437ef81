#include "audit/acceptance.h"

#include <algorithm>
#include <set>

#include "util/sha256.h"

namespace granska::audit {

namespace {

// Criteria whose subject can be provably absent from a page: time-based media. When no
// page has audio, video or an embedded player, and every rule of the criterion was
// inapplicable, the criterion does not apply. For every other criterion "nothing found to
// test" is not proof: a form error (3.3.1) appears only after a wrong submission, text
// over images (1.4.3) may be painted by scripts, so those stay NeedsReview.
bool void_without_media(std::string_view sc) {
  return sc.starts_with("1.2.") || sc == "1.4.2";
}

// What a person still checks when the automated rules found no failure: the part of the
// criterion that needs judgement. Criteria not listed get the generic text.
struct Remains {
  std::string_view sc;
  Text text;
};
constexpr Remains kRemains[] = {
    {"1.1.1", {"Att textalternativen beskriver bildernas syfte rätt, och att dekorativa bilder verkligen är dekorativa.",
               "That text alternatives describe the images' purpose correctly, and that decorative images really are decorative."}},
    {"1.3.1", {"Att struktur som syns (rubriker, listor, tabeller, grupper) också finns i koden, även där reglerna inte ser den.",
               "That visible structure (headings, lists, tables, groups) is also in the code, including where rules cannot see it."}},
    {"1.4.3", {"Kontrast för text över bilder och för text som stilmallar eller skript ändrar.",
               "Contrast of text over images and of text changed by style sheets or scripts."}},
    {"2.4.2", {"Att sidtiteln beskriver sidans ämne eller syfte.", "That the page title describes the page's topic or purpose."}},
    {"2.4.4", {"Att varje länks syfte framgår av länktexten och dess sammanhang.",
               "That each link's purpose is clear from its text and context."}},
    {"2.4.6", {"Att rubriker och etiketter beskriver ämnet eller syftet.", "That headings and labels describe topic or purpose."}},
    {"3.1.1", {"Att det angivna språket är sidans huvudspråk.", "That the declared language is the page's main language."}},
    {"3.1.2", {"Att avsnitt på andra språk är märkta med sitt språk.", "That passages in other languages are marked with their language."}},
    {"3.3.2", {"Att etiketter och instruktioner räcker för att fylla i formuläret rätt.",
               "That labels and instructions are enough to fill in the form correctly."}},
    {"4.1.2", {"Att anpassade komponenter har rätt roll, namn och tillstånd även när de ändras med skript.",
               "That custom components have the right role, name and state, also when scripts change them."}},
};
constexpr Text kRemainsGeneric{"De delar av kriteriet som reglerna inte testar: granska dem manuellt.",
                               "The parts of the criterion the rules do not test: review them manually."};

Text remains_for(std::string_view sc) {
  for (const Remains& r : kRemains) {
    if (r.sc == sc) return r.text;
  }
  return kRemainsGeneric;
}

bool tests_criterion(const engine::Rule& rule, std::string_view sc) {
  return std::any_of(rule.info.criteria.begin(), rule.info.criteria.end(),
                     [&](const engine::CriterionRef& c) { return c.number == sc; });
}

}  // namespace

std::string_view to_string(CriterionResult r) {
  switch (r) {
    case CriterionResult::Passed: return "passed";
    case CriterionResult::Failed: return "failed";
    case CriterionResult::Accepted: return "accepted";
    case CriterionResult::NeedsReview: return "needsReview";
    case CriterionResult::NotApplicable: return "notApplicable";
  }
  return "";
}

Text label(CriterionResult r) {
  switch (r) {
    case CriterionResult::Passed: return {"Godkänd", "Passed"};
    case CriterionResult::Failed: return {"Underkänd", "Failed"};
    case CriterionResult::Accepted: return {"Accepterad brist", "Accepted failure"};
    case CriterionResult::NeedsReview: return {"Kräver manuell granskning", "Needs manual review"};
    case CriterionResult::NotApplicable: return {"Ej tillämplig", "Not applicable"};
  }
  return {};
}

std::string_view to_string(IssueState s) {
  switch (s) {
    case IssueState::Failed: return "failed";
    case IssueState::AcceptanceExpired: return "acceptanceExpired";
    case IssueState::Accepted: return "accepted";
    case IssueState::CantTell: return "cantTell";
    case IssueState::Warning: return "warning";
  }
  return "";
}

std::size_t Acceptance::count(CriterionResult r) const {
  return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [&](const CriterionRow& row) { return row.result == r; }));
}

bool Acceptance::fails_at(engine::Impact threshold) const {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) {
    return (i.state == IssueState::Failed || i.state == IssueState::AcceptanceExpired) &&
           i.rule->info.kind == engine::RuleKind::Requirement && i.rule->info.impact <= threshold;
  });
}

Acceptance decide(const engine::Registry& registry, const org::Profile& profile, std::span<const PageInput> pages,
                  const AcceptedList* accepted, const Date& today) {
  Acceptance a;
  std::set<std::string_view> in_profile(profile.criteria.begin(), profile.criteria.end());
  std::vector<bool> entry_used(accepted ? accepted->entries.size() : 0, false);
  bool any_media = false;

  // Issues first, in page order then registry order, so anchors are stable.
  // issue_of[page][rule index][finding index] is not needed: rows collect by rule id below.
  struct RuleOnPage {
    std::size_t page;
    const engine::RuleResult* result;
    std::size_t first_issue, issue_count;
  };
  std::vector<RuleOnPage> rule_pages;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const PageInput& page = pages[p];
    if (!page.evaluation) {
      ++a.pages_failed;
      continue;
    }
    ++a.pages_checked;
    any_media = any_media || page.has_media;
    for (const engine::RuleResult& rr : page.evaluation->rules) {
      const bool relevant = std::any_of(rr.rule->info.criteria.begin(), rr.rule->info.criteria.end(),
                                        [&](const engine::CriterionRef& c) { return in_profile.count(c.number) > 0; });
      if (!relevant) continue;
      RuleOnPage rp{p, &rr, a.issues.size(), 0};
      const bool requirement = rr.rule->info.kind == engine::RuleKind::Requirement;
      for (const engine::Finding& f : rr.findings) {
        if (f.outcome == engine::Outcome::Passed || f.outcome == engine::Outcome::Inapplicable) continue;
        Issue issue;
        issue.page = p;
        issue.rule = rr.rule;
        issue.finding = &f;
        issue.location = engine::locate(f);  // an element, or a place in a document
        if (f.outcome == engine::Outcome::CantTell) {
          issue.state = IssueState::CantTell;
        } else if (!requirement) {
          issue.state = IssueState::Warning;
        } else {
          issue.state = IssueState::Failed;
          if (accepted) {
            issue.accepted = accepted->match(rr.rule->info.id, page.url, issue.location.selector, today);
            if (issue.accepted >= 0) {
              entry_used[static_cast<std::size_t>(issue.accepted)] = true;
              issue.state = accepted->entries[static_cast<std::size_t>(issue.accepted)].expired(today)
                                ? IssueState::AcceptanceExpired
                                : IssueState::Accepted;
            }
          }
        }
        issue.anchor = "fynd-" + std::to_string(a.issues.size() + 1);
        a.issues.push_back(std::move(issue));
      }
      rp.issue_count = a.issues.size() - rp.first_issue;
      rule_pages.push_back(rp);
    }
  }
  for (std::size_t i = 0; i < entry_used.size(); ++i) {
    if (!entry_used[i]) a.stale.push_back(i);
  }

  for (const org::CriterionCoverage& cov : org::profile_coverage(registry, profile)) {
    CriterionRow row;
    row.criterion = cov.criterion;
    row.coverage = cov.coverage;
    row.requirement_rules = cov.requirement_rules;
    row.best_practice_rules = cov.best_practice_rules;
    const std::string_view sc = cov.criterion->number;
    std::size_t rule_errors = 0;
    std::vector<bool> page_applicable(pages.size(), false);
    for (const RuleOnPage& rp : rule_pages) {
      const engine::Rule& rule = *rp.result->rule;
      if (!tests_criterion(rule, sc)) continue;
      const bool requirement = rule.info.kind == engine::RuleKind::Requirement;
      if (!rp.result->error.empty()) ++rule_errors;
      for (const engine::Finding& f : rp.result->findings) {
        if (f.outcome == engine::Outcome::Passed && requirement) ++row.passed;
      }
      if (requirement && !rp.result->findings.empty()) page_applicable[rp.page] = true;
      for (std::size_t k = rp.first_issue; k < rp.first_issue + rp.issue_count; ++k) {
        row.issues.push_back(k);
        switch (a.issues[k].state) {
          case IssueState::Failed:
          case IssueState::AcceptanceExpired: ++row.failed; break;
          case IssueState::Accepted: ++row.accepted; break;
          case IssueState::CantTell: ++row.cant_tell; break;
          case IssueState::Warning: ++row.warnings; break;
        }
      }
    }
    row.pages_applicable = static_cast<std::size_t>(std::count(page_applicable.begin(), page_applicable.end(), true));

    using R = CriterionResult;
    if (row.failed > 0) {
      row.result = R::Failed;
      row.reason = {"En regel som testar kravet underkände minst ett element.",
                    "A rule that tests the requirement failed at least one element."};
    } else if (row.accepted > 0) {
      row.result = R::Accepted;
      row.reason = {"Alla brister som hittades är accepterade till sitt slutdatum.",
                    "Every failure found is accepted until its expiry date."};
    } else if (void_without_media(sc) && !any_media && a.pages_checked > 0 && row.cant_tell == 0 &&
               row.warnings == 0 && rule_errors == 0 && row.pages_applicable == 0) {
      row.result = R::NotApplicable;
      row.reason = {"Tjänsten har inget ljud eller video, så kriteriet gäller inte.",
                    "The service has no audio or video, so the criterion does not apply."};
    } else if (cov.coverage == org::Coverage::Manual) {
      row.result = R::NeedsReview;
      row.reason = {"Ingen regel i granska testar kriteriet: det granskas av en person.",
                    "No granska rule tests this criterion: a person reviews it."};
    } else if (cov.coverage == org::Coverage::Partial) {
      row.result = R::NeedsReview;
      row.reason = {"Bara regler för god praxis pekar på kriteriet: en person avgör om det uppfylls.",
                    "Only best-practice rules point at this criterion: a person decides whether it is met."};
    } else if (row.cant_tell > 0 || rule_errors > 0) {
      row.result = R::NeedsReview;
      row.reason = {"Reglerna kunde inte avgöra alla element: en person behöver titta på dem.",
                    "The rules could not decide every element: a person needs to look at them."};
    } else if (row.warnings > 0) {
      row.result = R::NeedsReview;
      row.reason = {"Inga brister mot kravet, men varningar om god praxis som en person behöver bedöma.",
                    "No failures of the requirement, but best-practice warnings a person needs to judge."};
    } else if (row.pages_applicable == 0) {
      row.result = R::NeedsReview;
      row.reason = {"Reglerna hittade inget att testa; det bevisar inte att kriteriet saknar innehåll att granska.",
                    "The rules found nothing to test; that does not prove there is nothing to review."};
    } else {
      row.result = R::Passed;
      row.reason = {"Reglerna som testar kravet godkände alla element de testade.",
                    "The rules that test the requirement passed every element they tested."};
      row.remains = remains_for(sc);
    }
    a.rows.push_back(std::move(row));
  }

  if (a.count(CriterionResult::Failed) > 0) {
    a.verdict = Verdict::Failed;
  } else if (a.pages_failed > 0 || a.pages_checked == 0) {
    a.verdict = Verdict::Incomplete;
  } else {
    a.verdict = Verdict::NoFailuresFound;
  }
  return a;
}

std::string catalogue_sha256(const engine::Registry& registry) {
  std::string text;
  for (const engine::Rule* rule : registry.rules()) {  // sorted by id
    text += rule->info.id;
    text += ' ';
    text += engine::to_string(rule->info.kind);
    text += ' ';
    text += engine::to_string(rule->info.impact);
    for (const engine::CriterionRef& c : rule->info.criteria) {
      text += ' ';
      text += c.number;
    }
    text += '\n';
  }
  return sha256_hex(text);
}

}  // namespace granska::audit
