// Scoring granska's PDF rules against the PDF/UA-1 part of the veraPDF test corpus
// (../shared/pdfua, see its README): files named <clause>-t<NN>-<pass|fail>-<variant>.pdf,
// one test (requirement) per clause and tNN. For every requirement granska implements, a
// pass file must not fail it and a fail file should. A requirement is implemented by one
// rule and the diagnostics (message ids) of that rule that report its failure, so a pass
// file failing the same rule for another reason is not counted against it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/registry.h"
#include "util/lang.h"
#include "util/result.h"

namespace granska::pdfua {

struct Requirement {
  std::string_view test;   // "7.1-t10": clause and test number as the corpus names them
  std::string_view rule;   // granska rule id
  std::vector<std::string_view> messages;  // the rule's diagnostics that fail this requirement
  std::string_view summary;  // what the requirement is, in English (ISO 14289-1 wording, shortened)
};

// The requirements granska implements, in corpus order.
const std::vector<Requirement>& requirements();
const Requirement* find_requirement(std::string_view test);

struct CorpusFile {
  std::string path;     // absolute
  std::string name;     // file name
  std::string test;     // "7.1-t10"
  bool expect_fail = false;
};

// The corpus files under `dir` (recursively), sorted by test and name. Files whose names do
// not follow the pattern are skipped.
Result<std::vector<CorpusFile>> list_corpus(const std::string& dir);

// Parses "7.1-t10-fail-b.pdf" (also "7-18.3-t01-pass-a.pdf", a typo in the corpus) into
// test "7.1-t10" and whether it is a fail file; false when the name does not fit.
bool parse_name(std::string_view name, std::string& test, bool& expect_fail);

struct FileResult {
  const CorpusFile* file = nullptr;
  bool failed = false;       // the requirement's diagnostics failed the file
  std::string error;         // the file could not be opened (counted as "not failed")
  std::vector<std::string> diagnostics;  // the rule's failed message ids (for reports)
};

struct RequirementScore {
  const Requirement* requirement = nullptr;
  std::size_t pass_files = 0, pass_right = 0;  // pass files the requirement did not fail
  std::size_t fail_files = 0, fail_right = 0;  // fail files it failed
  std::vector<FileResult> files;
};

struct CorpusRun {
  std::vector<CorpusFile> files;
  std::vector<RequirementScore> scores;  // implemented requirements that have files, in order
  std::size_t unimplemented_files = 0;   // files of tests granska does not implement
  std::vector<std::string> unimplemented_tests;
};

// Runs every implemented requirement's rule over its files. Never throws.
CorpusRun run_corpus(std::vector<CorpusFile> files, const engine::Registry& registry);

// The CI gate's floor: per requirement, how many pass and fail files it gets right.
struct BaselineEntry {
  std::size_t pass_right = 0, fail_right = 0;
};
using Baseline = std::map<std::string, BaselineEntry>;

Result<Baseline> parse_baseline(std::string_view json_text);
Result<Baseline> read_baseline(const std::string& path);
std::string baseline_json(const CorpusRun& run);  // stable, diff-friendly, ends with a newline

// One line per requirement whose figures fell below the baseline, or that fails a pass
// file; empty when the gate passes.
std::vector<std::string> check_gate(const CorpusRun& run, const Baseline& baseline);

// Reports of a run: a table for the terminal, and the Markdown summary in docs/.
std::string summary_text(const CorpusRun& run, Lang lang);
std::string summary_markdown(const CorpusRun& run);

}  // namespace granska::pdfua
