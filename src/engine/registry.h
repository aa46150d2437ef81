// The catalogue of rules. Rules in checks/ register themselves before main() runs; after
// that the registry is only read, so sharing it between threads is safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace granska::engine {

class Registry {
 public:
  // The rules compiled into this program (checks/*.cc), sorted by id.
  static const Registry& builtin();

  std::span<const Rule* const> rules() const { return rules_; }
  const Rule* find(std::string_view id) const;

  void add(const Rule& rule);  // keeps the list sorted; a duplicate id aborts (a build bug)

  // A short deterministic fingerprint of the rule set (16 hex characters of a SHA-256 over
  // each rule's id, kind and criteria, in id order), stored with every scan so a report can
  // tell when two scans ran different rules.
  std::string fingerprint() const;

 private:
  std::vector<const Rule*> rules_;
};

// Declared at namespace scope in a check file: registers the rule with the built-in registry.
class RuleRegistration {
 public:
  RuleRegistration(const RuleInfo& info, EvaluateFn evaluate);
  // A document rule (info.subject must be Pdf or Office).
  RuleRegistration(const RuleInfo& info, DocumentEvaluateFn evaluate);

 private:
  Rule rule_;
};

}  // namespace granska::engine
