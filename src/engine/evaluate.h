// Runs rules over one parsed page and collects their outcomes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/registry.h"
#include "html/dom.h"
#include "style/cascade.h"

namespace granska::engine {

struct RuleResult {
  const Rule* rule;
  Outcome outcome;  // the page-level outcome: failed > cantTell > passed > inapplicable
  std::vector<Finding> findings;
  std::string error;  // non-empty when the rule threw: a bug, reported as cantTell
};

struct PageEvaluation {
  std::vector<RuleResult> rules;  // in registry order
  std::size_t count(Outcome o) const;  // findings with this outcome, over all rules
  // Whether a requirement rule failed with at least this impact: the --fail-on gate.
  // Best-practice warnings fail no criterion, so they never count.
  bool fails_at(Impact threshold) const;
};

// Which rules to run; empty `only` means all.
struct Selection {
  std::vector<std::string> only;
  std::vector<std::string> skip;
  bool include_best_practice = true;
};

// Evaluates the selected rules of `registry` over `doc`. Never throws. The findings point
// into `doc`, which must outlive the result. `sheets`: the page's style sheets
// (style::collect_sheets); nullptr means only its <style> elements, linked sheets unloaded.
PageEvaluation evaluate(const html::Document& doc, std::string_view url, const Registry& registry,
                        const Selection& selection = {}, const style::PageSheets* sheets = nullptr);

// Where a finding is, resolved to plain data for reports and storage.
struct Location {
  std::string selector;  // unique CSS selector path; empty for page-level findings
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string snippet;  // untrusted page content
};
Location locate(const html::Node* node);

}  // namespace granska::engine
