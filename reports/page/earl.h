// EARL (W3C Evaluation and Report Language) as JSON-LD, in the shape the W3C ACT task
// force consumes for implementation reports (https://www.w3.org/WAI/standards-guidelines/act/report/earl/,
// read by act-rules/act-tools): a @graph of TestSubject pages, each with its Assertions
// {assertedBy, test: {title: <granska rule id>, isPartOf: <WCAG SCs>}, result: {outcome},
// mode: earl:automatic}, plus the granska Assertor.
//
// Written for both the ACT runner (`granska act --earl`) and ordinary page checks (the
// acceptance report): build EarlSubjects — for a checked page, earl_assertions() turns a
// PageEvaluation into assertions — and hand them to write_earl(). Page text in `info` is
// untrusted; JSON escaping is the only treatment it needs here.
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluate.h"
#include "util/lang.h"

namespace granska::reports {

// The context the ACT task force publishes; it defines TestSubject, source, assertions
// (@reverse of earl:subject), isPartOf, pointer and the doap/dct terms used below.
inline constexpr std::string_view kEarlContext = "https://www.w3.org/WAI/content-assets/wcag-act-rules/earl-context.json";

enum class EarlOutcome : unsigned char { Passed, Failed, CantTell, Inapplicable, Untested };
std::string_view to_string(EarlOutcome o);  // "earl:passed", "earl:failed", "earl:cantTell", …
EarlOutcome earl_outcome(engine::Outcome o);

struct EarlAssertor {
  std::string name = "granska";
  std::string version;      // empty: the running granska's version
  std::string description;  // optional
  std::string homepage;     // optional URL
};

struct EarlAssertion {
  std::string test;                   // the granska rule id: test.title
  std::vector<std::string> criteria;  // WCAG SC numbers ("1.1.1"): test.isPartOf
  EarlOutcome outcome = EarlOutcome::Inapplicable;
  std::string info;     // human-readable reason (untrusted page text may be quoted)
  std::string pointer;  // CSS selector of the element; empty when about the whole page
};

struct EarlSubject {
  std::string source;  // the page URL (for ACT: the test case URL from testcases.json)
  std::string title;   // optional (dct:title)
  std::vector<EarlAssertion> assertions;
};

// One assertion per finding (with its selector and message), and one earl:inapplicable
// per rule that found nothing.
std::vector<EarlAssertion> earl_assertions(const engine::PageEvaluation& evaluation, Lang lang);

// "2.4.2" → "WCAG2:page-titled", the id act-tools derives from its WCAG table (the slug
// of the SC's English name); "" for a number not in the WCAG 2.1 table.
std::string wcag_requirement_id(std::string_view sc);

// Writes the whole report as one JSON-LD document.
void write_earl(std::ostream& out, const EarlAssertor& assertor, std::span<const EarlSubject> subjects);

}  // namespace granska::reports
