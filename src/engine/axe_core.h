// axe-core's rules that granska has no rule for, and why: the other half of the catalogue's
// "axe-core rule -> granska rule" mapping (docs/rules.md), whose first half is each rule's
// RuleInfo::axe_rules. Together they name every rule of axe-core 4.10 exactly once; a test
// keeps it so. Static data; thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "util/lang.h"

namespace granska::engine {

struct UnmappedAxeRule {
  std::string_view id;  // the axe-core rule id
  Text reason;          // why granska has no rule for it
};

// Sorted by id.
std::span<const UnmappedAxeRule> unmapped_axe_rules();

}  // namespace granska::engine
