// Reports of a run over the W3C ACT test suite (`granska act`): a summary per ACT rule
// (level, counts, every mismatch) for people (text) and tools (JSON), and the EARL
// implementation report the W3C ACT task force reads. Writers only present: the levels
// come from act/scoring.
#pragma once

#include <ostream>
#include <vector>

#include "act/act_suite.h"
#include "reports/page/earl.h"
#include "reports/page/report.h"

namespace granska::reports {

void write_act_text(std::ostream& out, const act::Suite& suite, const act::SuiteRun& run, const Options& options);
void write_act_json(std::ostream& out, const act::Suite& suite, const act::SuiteRun& run, const Options& options);

// One EARL subject per example that a granska rule was run on (or could not be run on:
// earl:untested), its source being the example's published URL.
std::vector<EarlSubject> act_earl_subjects(const act::Suite& suite, const act::SuiteRun& run, Lang lang);

// Schema version of write_act_json; bumped on incompatible change.
inline constexpr int kActJsonSchemaVersion = 1;

}  // namespace granska::reports
