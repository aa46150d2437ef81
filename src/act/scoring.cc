#include "act/scoring.h"

#include <algorithm>

namespace granska::act {

std::string_view to_string(Expected e) {
  switch (e) {
    case Expected::Passed: return "passed";
    case Expected::Failed: return "failed";
    case Expected::Inapplicable: return "inapplicable";
  }
  return "";
}

std::string_view to_string(Actual a) {
  switch (a) {
    case Actual::Passed: return "passed";
    case Actual::Failed: return "failed";
    case Actual::CantTell: return "cantTell";
    case Actual::Inapplicable: return "inapplicable";
    case Actual::Untested: return "untested";
  }
  return "";
}

std::string_view to_string(Level l) {
  switch (l) {
    case Level::Consistent: return "consistent";
    case Level::Partial: return "partially-consistent";
    case Level::Inconsistent: return "inconsistent";
    case Level::Untested: return "untested";
    case Level::NotImplemented: return "not-implemented";
  }
  return "";
}

std::optional<Level> parse_level(std::string_view s) {
  for (Level l : {Level::NotImplemented, Level::Untested, Level::Inconsistent, Level::Partial, Level::Consistent}) {
    if (to_string(l) == s) return l;
  }
  return std::nullopt;
}

Text label(Level l) {
  switch (l) {
    case Level::Consistent: return {"konsekvent", "consistent"};
    case Level::Partial: return {"delvis konsekvent", "partially consistent"};
    case Level::Inconsistent: return {"inkonsekvent", "inconsistent"};
    case Level::Untested: return {"ej testad", "untested"};
    case Level::NotImplemented: return {"ej implementerad", "not implemented"};
  }
  return {};
}

std::string_view to_string(MismatchKind k) {
  switch (k) {
    case MismatchKind::FalsePositive: return "false-positive";
    case MismatchKind::FalseNegative: return "false-negative";
    case MismatchKind::Untested: return "untested";
  }
  return "";
}

namespace {

using Outcomes = std::vector<Actual>;

bool has(const Outcomes& o, Actual a) { return std::find(o.begin(), o.end(), a) != o.end(); }

bool only(const Outcomes& o, std::initializer_list<Actual> allowed) {
  return std::all_of(o.begin(), o.end(), [&](Actual a) {
    return std::find(allowed.begin(), allowed.end(), a) != allowed.end();
  });
}

// act-tools records "untested" for an example without assertions; doing the same here
// keeps the pooled outcomes identical to theirs.
std::vector<Outcomes> normalised(const ProcedureResults& p, std::size_t n) {
  std::vector<Outcomes> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (i < p.outcomes.size()) out[i] = p.outcomes[i];
    if (out[i].empty()) out[i].push_back(Actual::Untested);
  }
  return out;
}

// The examples that count: the approved ones when the rule has any (act-tools point 1).
std::vector<std::size_t> scored_examples(std::span<const Example> examples) {
  bool any_approved = std::any_of(examples.begin(), examples.end(), [](const Example& e) { return e.approved; });
  std::vector<std::size_t> idx;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    if (!any_approved || examples[i].approved) idx.push_back(i);
  }
  return idx;
}

bool is_false_positive(Expected e, const Outcomes& o) { return e != Expected::Failed && has(o, Actual::Failed); }
bool is_false_negative(Expected e, const Outcomes& o) {
  return e == Expected::Failed && only(o, {Actual::Passed, Actual::Inapplicable, Actual::Untested});
}
bool is_true_positive(Expected e, const Outcomes& o) { return e == Expected::Failed && has(o, Actual::Failed); }

// The SCs a set of procedures "fails" (act-tools: failedRequirements): a rule's criteria
// count once it has reported failed on any example of the ACT rule, approved or not.
void add_failed_criteria(const ProcedureResults& p, const std::vector<Outcomes>& outcomes,
                         std::vector<std::string>& reported) {
  bool failed = std::any_of(outcomes.begin(), outcomes.end(), [](const Outcomes& o) { return has(o, Actual::Failed); });
  if (!failed) return;
  for (const std::string& sc : p.criteria) {
    if (std::find(reported.begin(), reported.end(), sc) == reported.end()) reported.push_back(sc);
  }
}

Level level_of(std::span<const Example> examples, const Requirements& requirements,
               const std::vector<Outcomes>& outcomes, std::span<const std::string> reported) {
  const std::vector<std::size_t> idx = scored_examples(examples);
  auto any = [&](auto pred) {
    return std::any_of(idx.begin(), idx.end(), [&](std::size_t i) { return pred(examples[i].expected, outcomes[i]); });
  };
  auto all = [&](auto pred) {
    return std::all_of(idx.begin(), idx.end(), [&](std::size_t i) { return pred(examples[i].expected, outcomes[i]); });
  };
  if (any(is_false_positive)) return Level::Inconsistent;
  const bool true_positive = any(is_true_positive);
  const bool untested = any([](Expected, const Outcomes& o) { return has(o, Actual::Untested); });
  if (true_positive && !untested && !any(is_false_negative) && requirements_match(reported, requirements)) {
    return Level::Consistent;
  }
  if (true_positive) return Level::Partial;
  const bool cant_tell = any([](Expected, const Outcomes& o) { return has(o, Actual::CantTell); });
  const bool inapplicable_ok = all([](Expected e, const Outcomes& o) {
    return e != Expected::Inapplicable || only(o, {Actual::Passed, Actual::Inapplicable});
  });
  if (cant_tell && inapplicable_ok) return Level::Partial;
  return Level::Inconsistent;
}

Outcomes distinct(Outcomes o) {
  std::sort(o.begin(), o.end());
  o.erase(std::unique(o.begin(), o.end()), o.end());
  return o;
}

}  // namespace

bool requirements_match(std::span<const std::string> reported, const Requirements& requirements) {
  auto contains = [](const auto& list, const std::string& sc) {
    return std::find(list.begin(), list.end(), sc) != list.end();
  };
  for (const std::string& sc : requirements.required) {
    if (!contains(reported, sc)) return false;
  }
  for (const std::string& sc : reported) {
    if (!contains(requirements.allowed, sc)) return false;
  }
  return true;
}

Level consistency(std::span<const Example> examples, const Requirements& requirements,
                  const ProcedureResults& procedure) {
  std::vector<Outcomes> outcomes = normalised(procedure, examples.size());
  std::vector<std::string> reported;
  add_failed_criteria(procedure, outcomes, reported);
  return level_of(examples, requirements, outcomes, reported);
}

RuleScore score_rule(std::span<const Example> examples, const Requirements& requirements,
                     std::span<const ProcedureResults> procedures) {
  RuleScore score;
  score.counts.examples = examples.size();
  if (procedures.empty()) return score;

  // Each procedure alone; the best level wins (act-tools point 7).
  std::vector<std::vector<Outcomes>> outcomes;
  std::vector<Level> levels;
  Level best = Level::Inconsistent;
  for (const ProcedureResults& p : procedures) {
    outcomes.push_back(normalised(p, examples.size()));
    levels.push_back(consistency(examples, requirements, p));
    best = std::max(best, levels.back());
  }

  // Pool the outcomes of the procedures at that level, example by example.
  std::vector<Outcomes> pooled(examples.size());
  for (std::size_t p = 0; p < procedures.size(); ++p) {
    if (levels[p] != best) continue;
    score.procedures.push_back(procedures[p].name);
    add_failed_criteria(procedures[p], outcomes[p], score.reported_criteria);
    for (std::size_t i = 0; i < examples.size(); ++i) {
      pooled[i].insert(pooled[i].end(), outcomes[p][i].begin(), outcomes[p][i].end());
    }
  }
  // Partial rules may add up to a consistent set.
  score.level = best == Level::Partial ? level_of(examples, requirements, pooled, score.reported_criteria) : best;
  score.requirements_match = requirements_match(score.reported_criteria, requirements);

  const bool never_ran = std::all_of(outcomes.begin(), outcomes.end(), [](const std::vector<Outcomes>& per_example) {
    return std::all_of(per_example.begin(), per_example.end(), [](const Outcomes& o) { return only(o, {Actual::Untested}); });
  });
  if (never_ran) score.level = Level::Untested;

  const std::vector<std::size_t> idx = scored_examples(examples);
  std::vector<bool> scored(examples.size(), false);
  for (std::size_t i : idx) scored[i] = true;

  Counts& c = score.counts;
  c.scored = idx.size();
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const Expected e = examples[i].expected;
    const Outcomes& o = pooled[i];
    std::optional<MismatchKind> kind;
    if (is_false_positive(e, o)) {
      kind = MismatchKind::FalsePositive;
    } else if (is_false_negative(e, o) && (has(o, Actual::Passed) || has(o, Actual::Inapplicable))) {
      kind = MismatchKind::FalseNegative;  // it ran and missed; all-untested is reported as untested
    } else if (has(o, Actual::Untested)) {
      kind = MismatchKind::Untested;
    }
    if (kind) score.mismatches.push_back(Mismatch{i, *kind, distinct(o), scored[i]});
    if (!scored[i]) continue;
    (e == Expected::Passed ? c.expected_passed : e == Expected::Failed ? c.expected_failed : c.expected_inapplicable)++;
    if (is_true_positive(e, o)) ++c.true_positives;
    if (kind == MismatchKind::FalsePositive) ++c.false_positives;
    if (kind == MismatchKind::FalseNegative) ++c.false_negatives;
    if (has(o, Actual::CantTell)) ++c.cant_tell;
    if (has(o, Actual::Untested)) ++c.untested;
  }

  for (std::size_t p = 0; p < procedures.size(); ++p) {
    for (std::size_t i = 0; i < examples.size(); ++i) {
      if (is_false_positive(examples[i].expected, outcomes[p][i])) {
        score.false_positives.push_back(FalsePositive{procedures[p].name, i, scored[i]});
      }
    }
  }
  return score;
}

}  // namespace granska::act
