// Runs rules over one parsed page and collects their outcomes.
#pragma once

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "engine/registry.h"
#include "html/dom.h"

namespace granska::documents {
struct Document;
}
namespace granska::render {
class RenderedView;
}

namespace granska::engine {

struct RuleResult {
  const Rule* rule;
  Outcome outcome;  // the page-level outcome: failed > cantTell > passed > inapplicable
  std::vector<Finding> findings;
  std::string error;  // non-empty when the rule threw: a bug, reported as cantTell
  // Findings beyond the per-outcome cap (Reporter), counted but not kept, indexed by
  // Outcome: reports say "and N more".
  std::array<std::size_t, 4> omitted{};
  std::size_t omitted_total() const { return omitted[0] + omitted[1] + omitted[2] + omitted[3]; }
};

struct PageEvaluation {
  std::vector<RuleResult> rules;  // in registry order
  // The page's time budget ran out before every rule ran: the rules not run are cantTell
  // ("not evaluated") and the page is too complex to check in full. 0 when all ran.
  std::size_t rules_not_run = 0;
  std::size_t count(Outcome o) const;  // findings with this outcome, over all rules (omitted ones too)
  // Whether a requirement rule failed with at least this impact: the --fail-on gate.
  // Best-practice warnings fail no criterion, so they never count.
  bool fails_at(Impact threshold) const;
};

// Which rules to run; empty `only` means all.
struct Selection {
  std::vector<std::string> only;
  std::vector<std::string> skip;
  bool include_best_practice = true;
  // When the time is up, the rules not yet run are not run (see PageEvaluation::rules_not_run);
  // the default never ends. Checked between rules: one rule is never interrupted.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// Evaluates the selected page rules of `registry` over `doc`, whose semantics (roles, names,
// styles: computed once, shared by every rule) is `semantics`. Never throws. The findings
// point into `doc`, which must outlive the result. Programs check pages through
// pipeline::check_page, the one caller; tests call it directly.
// `rendered`: the page as the browser rendered it, when it was (doc is then its document).
PageEvaluation evaluate(const html::Document& doc, aria::Semantics& semantics, std::string_view url,
                        const Registry& registry, const Selection& selection = {},
                        const render::RenderedView* rendered = nullptr);
// The same with a Semantics of its own (tests and benchmarks).
PageEvaluation evaluate(const html::Document& doc, std::string_view url, const Registry& registry,
                        const Selection& selection = {});

// Evaluates the selected document rules that fit `doc`'s format (PDF rules on a PDF,
// Office rules on Word, Excel and PowerPoint files) over it. Never throws. The findings
// carry their own Place, so the result does not point into `doc`.
PageEvaluation evaluate(const documents::Document& doc, std::string_view url, const Registry& registry,
                        const Selection& selection = {});

// Where a finding is, resolved to plain data for reports and storage.
struct Location {
  std::string selector;  // unique CSS selector path, or a document's structure path; empty for page-level findings
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string snippet;  // untrusted page content
  std::uint32_t page = 0;    // documents: 1-based page (or slide) number; 0 for none
  std::uint32_t object = 0;  // PDF: object number; 0 for none
};
Location locate(const html::Node* node);
// The finding's element, or for a document finding its Place.
Location locate(const Finding& finding);

}  // namespace granska::engine
