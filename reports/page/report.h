// Report writers: one per output format, each turning a checked page (or the rule
// catalogue) into text for people or machines. Writers only present; rule logic and
// outcome decisions stay in the engine. All page-derived text is untrusted and escaped for
// the target format.
#pragma once

#include <map>
#include <ostream>
#include <span>
#include <string>

#include "documents/document.h"
#include "engine/evaluate.h"
#include "engine/registry.h"
#include "input/load.h"
#include "media/inventory.h"
#include "org/profile.h"
#include "results/scan_data.h"
#include "util/lang.h"

namespace granska::reports {

// A failure tolerated for a while: an accepted issue in force (`granska audit --accepted`,
// src/audit/accepted.h). The CI formats keep it visible without failing the gate: SARIF as
// a result with an external, accepted suppression, JUnit as a skipped test case. The text
// comes from the accepted-issues file, so writers escape it like page content.
struct Suppression {
  std::string justification;
  std::string expires;  // "YYYY-MM-DD", the last day the acceptance is in force
  std::string ticket;   // optional
};
using Suppressions = std::map<const engine::Finding*, Suppression>;

struct Options {
  Lang lang = Lang::Sv;
  bool color = false;        // ANSI colours (text only; the CLI enables it on a terminal)
  // List the elements that passed too: text (as --all) and JSON (otherwise counted in each
  // rule's "omitted"). SARIF, JUnit and EARL are unaffected.
  bool show_passed = false;
  const Suppressions* suppressed = nullptr;  // SARIF and JUnit: failures accepted for now
  bool media_table = false;  // text: the page's video and audio as a table (check --media)
  bool terminal = false;     // text goes to a terminal: page text escaped line by line
  // Text and HTML (the formats for people): only findings of this profile's criteria,
  // grouped (reports/page/page_summary.h). Null: wcag21-aa. The machine formats (JSON,
  // SARIF, JUnit, EARL) always have every finding.
  const org::Profile* profile = nullptr;
  // Text: the complete flat list, one entry per element and every criterion, as granska
  // wrote it before grouping (check --all). --show-passed implies it.
  bool all = false;
};

// The profile the formats for people show: options.profile, or wcag21-aa.
const org::Profile& people_profile(const Options& options);

// A checked page: what was loaded and what the rules found.
struct PageReport {
  const input::Page& page;
  const engine::PageEvaluation& evaluation;
  const media::Inventory* media = nullptr;  // JSON: the "media" array when set
  // Set when the checked file is a PDF or Office document (page.document holds its bytes):
  // the writers describe the document instead of the HTML's encoding.
  const documents::Document* document = nullptr;
  std::string_view title = {};  // the page's <title> (HTML result page), untrusted
  // Checked as headless Chromium rendered it (--render): JSON says "mode": "rendered".
  bool rendered = false;
};

// The rows a page report leaves (results/scan_data.h): what the grouped text and the HTML
// result page are written from, and what `granska serve` stores.
results::PageRow page_row(const PageReport& report);

// For people: the summary first (failures, warnings, needs-review, per criterion), then
// the findings grouped by criterion and by kind of problem, with the first few places of
// each (reports/page/page_summary.h). With Options::all or show_passed, the flat list.
void write_text(std::ostream& out, const PageReport& report, const Options& options);
// "PDF 1.7, 20 sidor, taggad": the kind of document, for headings and summaries.
std::string document_kind(const documents::Document& d, Lang lang);
void write_json(std::ostream& out, const PageReport& report, const Options& options);
// The same, appended to a string (the crawl keeps each page's report as one).
void write_json(std::string& out, const PageReport& report, const Options& options);

// Formats for CI and other tools. Each takes several pages (one run, one document) so an
// audit or crawl can use them too; the single-page overloads are for `granska check`.
// SARIF 2.1.0: the failed and cantTell findings as results (reports/page/sarif_writer.cc).
void write_sarif(std::ostream& out, std::span<const PageReport> reports, const Options& options);
void write_sarif(std::ostream& out, const PageReport& report, const Options& options);
// JUnit XML: a suite per page, a test case per WCAG criterion touched (reports/page/junit_writer.cc).
void write_junit(std::ostream& out, std::span<const PageReport> reports, const Options& options);
void write_junit(std::ostream& out, const PageReport& report, const Options& options);
// EARL 1.0 in JSON-LD: every rule outcome on every page (reports/page/earl.h has the shape).
void write_earl(std::ostream& out, std::span<const PageReport> reports, const Options& options);

// The media inventory as a table for the terminal (granska check --media).
void write_media_text(std::ostream& out, const media::Inventory& inventory, const Options& options);

void write_catalogue_text(std::ostream& out, const engine::Registry& registry, const Options& options);
void write_catalogue_json(std::ostream& out, const engine::Registry& registry, const Options& options);
void write_catalogue_markdown(std::ostream& out, const engine::Registry& registry, const Options& options);

// JSON schema versions, bumped on incompatible change: the page report (write_json, and
// each page of `crawl --format json`; 2: passed elements listed only when asked) and the
// rule catalogue (write_catalogue_json).
inline constexpr int kJsonSchemaVersion = 2;
inline constexpr int kCatalogueJsonSchemaVersion = 1;

}  // namespace granska::reports
