// What a rule is: its metadata (ids, texts, criteria, impact) and its evaluation, which
// reports one ACT-style outcome per applicable element. Every rule lives in its own file
// under checks/ and joins the built-in registry with a static RuleRegistration.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aria/semantics.h"
#include "engine/criteria.h"
#include "html/dom.h"
#include "util/lang.h"

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
};

// One outcome for one element (or for the page, when node is nullptr).
struct Finding {
  Outcome outcome;
  const html::Node* node;
  const Message* message;
  std::vector<std::string> args;  // may hold page content: untrusted

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
};

// Collects a rule's outcomes. Reporting nothing means the rule was inapplicable.
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
    findings_.push_back(Finding{o, node, &m, std::move(args)});
  }
  std::vector<Finding>& findings() { return findings_; }

 private:
  std::vector<Finding> findings_;
};

using EvaluateFn = void (*)(Context& ctx, Reporter& out);

struct Rule {
  const RuleInfo& info;
  EvaluateFn evaluate;
};

}  // namespace granska::engine
