// Turns one checked page (its document, evaluation and media inventory) into the plain rows
// a scan stores (results/scan_data.h). Runs on a crawl worker while the document is alive;
// the rows own their strings, so they outlive it. Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "documents/document.h"
#include "engine/evaluate.h"
#include "media/inventory.h"
#include "results/scan_data.h"

namespace granska::results {

// Failed and cantTell findings, rule by rule in registry order, each in document order
// (for a document: located by page, structure path and object instead of line and column).
std::vector<FindingRow> finding_rows(const engine::PageEvaluation& ev);
// The page-level outcome of every rule that applied (inapplicable ones are left out).
std::vector<RuleOutcome> rule_outcome_rows(const engine::PageEvaluation& ev);
// The inventory's items with the media rules' outcomes (page_url and unit left empty).
std::vector<MediaRow> media_rows(const media::Inventory& inv);
// The first <title>'s text, whitespace collapsed ("" when none), as browsers show it.
std::string page_title(const html::Document& doc);
// A document's title from its properties (XMP dc:title, else /Info /Title; Office
// dc:title), whitespace collapsed; "" when none.
std::string document_title(const documents::Document& doc);

}  // namespace granska::results
