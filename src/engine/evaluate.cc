#include "engine/evaluate.h"

#include <algorithm>
#include <exception>

#include "aria/semantics.h"
#include "documents/document.h"
#include "html/selector.h"

namespace granska::engine {

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::Passed: return "passed";
    case Outcome::Failed: return "failed";
    case Outcome::CantTell: return "cantTell";
    case Outcome::Inapplicable: return "inapplicable";
  }
  return "";
}

std::string_view to_string(Impact i) {
  switch (i) {
    case Impact::Critical: return "critical";
    case Impact::Serious: return "serious";
    case Impact::Moderate: return "moderate";
    case Impact::Minor: return "minor";
  }
  return "";
}

Impact impact_from_string(std::string_view name) {
  if (name == "critical") return Impact::Critical;
  if (name == "serious") return Impact::Serious;
  if (name == "moderate") return Impact::Moderate;
  return Impact::Minor;
}

std::string_view to_string(RuleKind k) {
  return k == RuleKind::Requirement ? "requirement" : "best-practice";
}

std::string_view to_string(Subject s) {
  switch (s) {
    case Subject::Page: return "page";
    case Subject::Pdf: return "pdf";
    case Subject::Office: return "office";
  }
  return "";
}

Text label(Subject s) {
  switch (s) {
    case Subject::Page: return {"webbsida", "web page"};
    case Subject::Pdf: return {"PDF", "PDF"};
    case Subject::Office: return {"Office", "Office"};
  }
  return {};
}

Text label(Outcome o) {
  switch (o) {
    case Outcome::Passed: return {"Godkänd", "Passed"};
    case Outcome::Failed: return {"Underkänd", "Failed"};
    case Outcome::CantTell: return {"Kräver manuell granskning", "Needs manual review"};
    case Outcome::Inapplicable: return {"Ej tillämplig", "Not applicable"};
  }
  return {};
}

Text label(Impact i) {
  switch (i) {
    case Impact::Critical: return {"kritisk", "critical"};
    case Impact::Serious: return {"allvarlig", "serious"};
    case Impact::Moderate: return {"måttlig", "moderate"};
    case Impact::Minor: return {"mindre", "minor"};
  }
  return {};
}

std::string format_message(std::string_view t, std::span<const std::string> args) {
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 2 < t.size() && t[i + 2] == '}' && t[i + 1] >= '0' && t[i + 1] <= '9') {
      auto n = static_cast<std::size_t>(t[i + 1] - '0');
      if (n < args.size()) out += args[n];
      i += 2;
    } else {
      out += t[i];
    }
  }
  return out;
}

std::string Finding::text(Lang lang) const { return format_message(message->text.in(lang), args); }

bool PageEvaluation::fails_at(Impact threshold) const {
  return std::any_of(rules.begin(), rules.end(), [threshold](const RuleResult& r) {
    return r.outcome == Outcome::Failed && r.rule->info.kind == RuleKind::Requirement && r.rule->info.impact <= threshold;
  });
}

std::size_t PageEvaluation::count(Outcome o) const {
  std::size_t n = 0;
  for (const RuleResult& r : rules) {
    n += static_cast<std::size_t>(std::count_if(r.findings.begin(), r.findings.end(),
                                                [o](const Finding& f) { return f.outcome == o; }));
    n += r.omitted[static_cast<std::size_t>(o)];
  }
  return n;
}

namespace {

bool selected(const RuleInfo& info, const Selection& s) {
  auto listed = [&](const std::vector<std::string>& ids) {
    return std::find(ids.begin(), ids.end(), info.id) != ids.end();
  };
  if (!s.only.empty() && !listed(s.only)) return false;
  if (listed(s.skip)) return false;
  return s.include_best_practice || info.kind == RuleKind::Requirement;
}

Outcome page_outcome(const std::vector<Finding>& findings) {
  auto any = [&](Outcome o) {
    return std::any_of(findings.begin(), findings.end(), [o](const Finding& f) { return f.outcome == o; });
  };
  if (any(Outcome::Failed)) return Outcome::Failed;
  if (any(Outcome::CantTell)) return Outcome::CantTell;
  if (any(Outcome::Passed)) return Outcome::Passed;
  return Outcome::Inapplicable;
}

const Message kNotRun{"not-run",
                      {"Regeln kördes inte: sidan tog för lång tid att granska (tidsgränsen per sida). "
                       "Granska det här kriteriet manuellt.",
                       "The rule was not run: the page took too long to check (the time limit per page). "
                       "Review this criterion by hand."}};

const Message kRuleError{"rule-error",
                         {"Regeln kunde inte utvärderas (internt fel i granska): {0}",
                          "The rule could not be evaluated (internal error in granska): {0}"}};

}  // namespace

PageEvaluation evaluate(const html::Document& doc, std::string_view url, const Registry& registry,
                        const Selection& selection) {
  aria::Semantics semantics(doc);
  return evaluate(doc, semantics, url, registry, selection);
}

PageEvaluation evaluate(const html::Document& doc, aria::Semantics& semantics, std::string_view url,
                        const Registry& registry, const Selection& selection, const render::RenderedView* rendered) {
  PageEvaluation result;
  Context ctx{doc, semantics, url, rendered};
  for (const Rule* rule : registry.rules()) {
    if (rule->info.subject != Subject::Page || !rule->evaluate || !selected(rule->info, selection)) continue;
    Reporter reporter;
    RuleResult rr{rule, Outcome::Inapplicable, {}, {}};
    if (result.rules_not_run > 0 || std::chrono::steady_clock::now() >= selection.deadline) {
      // Out of time: an honest "needs review" for what was not run, never a silent pass.
      ++result.rules_not_run;
      rr.findings.push_back(Finding{Outcome::CantTell, nullptr, &kNotRun, {}});
      rr.outcome = Outcome::CantTell;
      result.rules.push_back(std::move(rr));
      continue;
    }
    try {
      rule->evaluate(ctx, reporter);
      rr.findings = std::move(reporter.findings());
      rr.omitted = reporter.omitted();
    } catch (const std::exception& e) {
      // A rule bug must not cost the page its other results; say so instead of guessing.
      rr.error = e.what();
      rr.findings.push_back(Finding{Outcome::CantTell, nullptr, &kRuleError, {rr.error}});
    }
    auto in_page_order = [](const Finding& a, const Finding& b) {
      // Page-level findings first, then document order.
      std::uint64_t ia = a.node ? a.node->element_index() + 1ULL : 0;
      std::uint64_t ib = b.node ? b.node->element_index() + 1ULL : 0;
      return ia < ib;
    };
    // Most rules report in document order already; sorting those would only copy them.
    if (!std::is_sorted(rr.findings.begin(), rr.findings.end(), in_page_order)) {
      std::stable_sort(rr.findings.begin(), rr.findings.end(), in_page_order);
    }
    rr.outcome = page_outcome(rr.findings);
    result.rules.push_back(std::move(rr));
  }
  return result;
}

PageEvaluation evaluate(const documents::Document& doc, std::string_view url, const Registry& registry,
                        const Selection& selection) {
  const Subject subject = doc.format == documents::Format::Pdf ? Subject::Pdf : Subject::Office;
  PageEvaluation result;
  DocumentContext ctx{doc, url};
  for (const Rule* rule : registry.rules()) {
    if (rule->info.subject != subject || !rule->evaluate_document || !selected(rule->info, selection)) continue;
    Reporter reporter;
    RuleResult rr{rule, Outcome::Inapplicable, {}, {}};
    try {
      rule->evaluate_document(ctx, reporter);
      rr.findings = std::move(reporter.findings());
    } catch (const std::exception& e) {
      rr.error = e.what();
      rr.findings.clear();
      rr.findings.push_back(Finding{Outcome::CantTell, nullptr, &kRuleError, {rr.error}});
    }
    // Document-level findings first, then by page; within a page the rule's own order
    // (structure order).
    std::stable_sort(rr.findings.begin(), rr.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.place.page < b.place.page; });
    rr.outcome = page_outcome(rr.findings);
    result.rules.push_back(std::move(rr));
  }
  return result;
}

Location locate(const Finding& f) {
  if (f.node) return locate(f.node);
  Location loc;
  loc.selector = f.place.path;
  loc.snippet = f.place.snippet;
  loc.page = f.place.page;
  loc.object = f.place.object;
  return loc;
}

Location locate(const html::Node* node) {
  Location loc;
  if (!node) return loc;
  if (node->is_element()) loc.selector = html::unique_selector(*node);
  html::Position pos = node->position();
  loc.line = pos.line;
  loc.column = pos.column;
  loc.snippet = node->snippet();
  return loc;
}

}  // namespace granska::engine
