#include "engine/registry.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "util/sha256.h"

namespace granska::engine {

namespace {
Registry& mutable_builtin() {
  static Registry registry;  // constructed on first use, so registration order is safe
  return registry;
}
}  // namespace

const Registry& Registry::builtin() { return mutable_builtin(); }

const Rule* Registry::find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const Rule* r, std::string_view key) { return r->info.id < key; });
  return it != rules_.end() && (*it)->info.id == id ? *it : nullptr;
}

void Registry::add(const Rule& rule) {
  if (find(rule.info.id)) {
    std::fprintf(stderr, "granska: rule id '%.*s' registered twice\n",
                 static_cast<int>(rule.info.id.size()), rule.info.id.data());
    std::abort();
  }
  auto it = std::lower_bound(rules_.begin(), rules_.end(), rule.info.id,
                             [](const Rule* r, std::string_view key) { return r->info.id < key; });
  rules_.insert(it, &rule);
}

std::string Registry::fingerprint() const {
  std::string text;
  for (const Rule* r : rules_) {
    text += r->info.id;
    text += '|';
    text += to_string(r->info.kind);
    for (const CriterionRef& c : r->info.criteria) {
      text += '|';
      text += c.number;
    }
    text += '\n';
  }
  return sha256_hex(text).substr(0, 16);
}

RuleRegistration::RuleRegistration(const RuleInfo& info, EvaluateFn evaluate) : rule_{info, evaluate} {
  mutable_builtin().add(rule_);
}

RuleRegistration::RuleRegistration(const RuleInfo& info, DocumentEvaluateFn evaluate)
    : rule_{info, nullptr, evaluate} {
  if (info.subject == Subject::Page) {
    std::fprintf(stderr, "granska: document rule '%.*s' has subject page\n", static_cast<int>(info.id.size()),
                 info.id.data());
    std::abort();
  }
  mutable_builtin().add(rule_);
}

}  // namespace granska::engine
