// check_document: the document counterpart of check_page — a PDF or Office file loaded by
// input::load (with Options::accept_documents, so its bytes are in Page::document) is
// opened into the document model with bounds and checked by the document rules. The result
// goes through the same report writers as a page (reports::PageReport::document).
#pragma once

#include <memory>

#include "documents/document.h"
#include "engine/evaluate.h"
#include "input/load.h"
#include "pipeline/check_page.h"
#include "util/result.h"

namespace granska::pipeline {

// A checked document. Findings carry their own place, so nothing points into `document`;
// it is kept for the report's description of the file.
struct CheckedDocument {
  input::Page page;  // page.document is released once the document is opened
  documents::Document document;
  engine::PageEvaluation evaluation;
};

// Opens `page.document` (precondition: set) within `limits` and runs `run`'s selected
// document rules over it; the document's notes (parts left out, limits reached) join
// page.notes. An Error, bilingual and naming the file, when it cannot be opened at all
// (damaged, encrypted beyond reading, over a limit, a zip bomb). Never throws.
Result<std::unique_ptr<CheckedDocument>> check_document(input::Page page, const RunContext& run,
                                                        const documents::Limits& limits = {});

}  // namespace granska::pipeline
