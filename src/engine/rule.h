// What a rule is: its metadata (ids, texts, criteria, impact) and its evaluation, which
// reports one ACT-style outcome per applicable element. Every rule lives in its own file
// under checks/ and joins the built-in registry with a static RuleRegistration.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aria/semantics.h"
#include "engine/criteria.h"
#include "html/dom.h"
#include "util/lang.h"

namespace granska::documents {
struct Document;
}
namespace granska::render {
class RenderedView;  // render/rendered_view.h: only rules that need a browser include it
}

namespace granska::engine {

enum class Outcome : unsigned char { Passed, Failed, CantTell, Inapplicable };
// Ordered from most to least serious.
enum class Impact : unsigned char { Critical, Serious, Moderate, Minor };
// Requirement: a failure fails the rule's success criteria. BestPractice: a warning that
// points at a likely problem but does not by itself fail a criterion.
enum class RuleKind : unsigned char { Requirement, BestPractice };

std::string_view to_string(Outcome o);  // "passed", "failed", "cantTell", "inapplicable"
std::string_view to_string(Impact i);   // "critical", "serious", "moderate", "minor"
std::string_view to_string(RuleKind k); // "requirement", "best-practice"
// "critical" … "minor" (as to_string(Impact) writes them); anything else is Minor, the
// lowest, so a gate given an unknown name fails on more, never on less.
Impact impact_from_string(std::string_view name);
// What a rule checks: web pages (HTML), PDF documents, or Office documents (docx, xlsx,
// pptx and the old binary formats).
enum class Subject : unsigned char { Page, Pdf, Office };
std::string_view to_string(Subject s);  // "page", "pdf", "office"
Text label(Subject s);                  // "webbsida" / "web page", "PDF", "Office"
Text label(Outcome o);                  // "Godkänd" / "Passed", ...
Text label(Impact i);                   // "kritisk" / "critical", ...

// A named diagnostic: the reason behind one outcome. Tests assert the id, people read the
// text. "{0}", "{1}" in the text are replaced by the finding's arguments.
struct Message {
  std::string_view id;
  Text text;
};

struct RuleInfo {
  std::string_view id;  // stable, kebab-case
  Text title = {};
  Text description = {};  // what the rule checks, for the catalogue
  Text help = {};         // how to fix, written for a web editor: one concrete action
  std::vector<CriterionRef> criteria = {};
  std::vector<std::string_view> act_rules = {};  // W3C ACT rule ids this rule implements
  // axe-core rule ids (4.10) whose barriers this rule finds, for the catalogue's mapping
  // (docs/rules.md); engine/axe_core.h lists the axe-core rules granska has no rule for.
  std::vector<std::string_view> axe_rules = {};
  Impact impact = Impact::Serious;
  RuleKind kind = RuleKind::Requirement;
  std::vector<const Message*> messages = {};  // every message the rule can report
  Subject subject = Subject::Page;
  // Document rules: the PDF/UA-1 (ISO 14289-1) clause and Matterhorn Protocol 1.1
  // checkpoints the rule tests, where they apply ("7.3", {"13-004"}).
  std::string_view pdfua = {};
  std::vector<std::string_view> matterhorn = {};
  // Best-practice document rules: why the rule is not a requirement (shown in the catalogue).
  Text best_practice_reason = {};
};

// Where in a document a finding is: what it points at instead of an HTML element.
struct Place {
  std::uint32_t page = 0;    // 1-based; 0 when not on one page
  std::string path;          // structure path ("/Document/Sect[2]/Figure[1]") or part name
  std::uint32_t object = 0;  // PDF object number; 0 when none
  std::string snippet;       // short untrusted excerpt (alt text, field name, …)
};

// One outcome for one element (or for the page, when node is nullptr). Document rules
// leave node null and say where in the document in `place`.
struct Finding {
  Outcome outcome;
  const html::Node* node;
  const Message* message;
  std::vector<std::string> args;  // may hold page content: untrusted
  Place place = {};

  std::string text(Lang lang) const;  // message with its arguments filled in
};

// A message text with "{0}".."{9}" replaced by `args` (missing ones by nothing): what
// Finding::text does, for findings read back from storage as rule id + message id + args.
std::string format_message(std::string_view text, std::span<const std::string> args);

// What a rule's evaluation sees.
struct Context {
  const html::Document& doc;
  aria::Semantics& aria;
  std::string_view url;  // the page's URL (http(s), file: or stdin:)
  // The page as headless Chromium rendered it (`--render`): its layout facts (reflow, focus,
  // targets). nullptr for a static check; rules that need layout then report nothing.
  const render::RenderedView* rendered = nullptr;
};

// Collects a rule's outcomes. Reporting nothing means the rule was inapplicable.
// Keeps at most kMaxFindingsPerOutcome findings of each outcome and counts the rest
// (omitted()), so that a page with 160,000 images without alt costs 1,000 selector paths
// and snippets, not 160,000 (issue #16); the page outcome is unchanged by the cap, since
// every outcome reported keeps its first findings.
inline constexpr std::size_t kMaxFindingsPerOutcome = 1000;
class Reporter {
 public:
  void passed(const html::Node* node, const Message& m, std::vector<std::string> args = {}) {
    add(Outcome::Passed, node, m, std::move(args));
  }
  void failed(const html::Node* node, const Message& m, std::vector<std::string> args = {}) {
    add(Outcome::Failed, node, m, std::move(args));
  }
  void cant_tell(const html::Node* node, const Message& m, std::vector<std::string> args = {}) {
    add(Outcome::CantTell, node, m, std::move(args));
  }
  void add(Outcome o, const html::Node* node, const Message& m, std::vector<std::string> args) {
    auto i = static_cast<std::size_t>(o);
    if (kept_[i] >= kMaxFindingsPerOutcome) {
      ++omitted_[i];
      return;
    }
    ++kept_[i];
    findings_.push_back(Finding{o, node, &m, std::move(args)});
  }
  // Document rules: the same, with a place in the document.
  void passed(Place where, const Message& m, std::vector<std::string> args = {}) {
    add(Outcome::Passed, std::move(where), m, std::move(args));
  }
  void failed(Place where, const Message& m, std::vector<std::string> args = {}) {
    add(Outcome::Failed, std::move(where), m, std::move(args));
  }
  void cant_tell(Place where, const Message& m, std::vector<std::string> args = {}) {
    add(Outcome::CantTell, std::move(where), m, std::move(args));
  }
  void add(Outcome o, Place where, const Message& m, std::vector<std::string> args) {
    findings_.push_back(Finding{o, nullptr, &m, std::move(args), std::move(where)});
  }
  std::vector<Finding>& findings() { return findings_; }
  // Findings of each outcome (indexed by Outcome) counted but not kept.
  const std::array<std::size_t, 4>& omitted() const { return omitted_; }

 private:
  std::vector<Finding> findings_;
  std::array<std::size_t, 4> kept_{};
  std::array<std::size_t, 4> omitted_{};
};

using EvaluateFn = void (*)(Context& ctx, Reporter& out);

// What a document rule's evaluation sees (src/documents/document.h has the model).
struct DocumentContext {
  const documents::Document& doc;
  std::string_view url;
};
using DocumentEvaluateFn = void (*)(const DocumentContext& ctx, Reporter& out);

// A page rule has `evaluate`; a document rule (info.subject Pdf or Office) has
// `evaluate_document` instead.
struct Rule {
  const RuleInfo& info;
  EvaluateFn evaluate;
  DocumentEvaluateFn evaluate_document = nullptr;
};

}  // namespace granska::engine
