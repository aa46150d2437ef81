// Why a success criterion matters, in one or two plain sentences for a web editor: who is
// shut out when it fails. Written for the result page of `granska check --format html` and
// `granska serve`, beside the rule's "how to fix". Every WCAG 2.1 A and AA criterion has
// its own text (a test keeps it so); AAA criteria share a general one.
#pragma once

#include "engine/criteria.h"
#include "util/lang.h"

namespace granska::reports {

Text why_it_matters(const engine::Criterion& criterion);

}  // namespace granska::reports
