#include "pipeline/check_document.h"

namespace granska::pipeline {

Result<std::unique_ptr<CheckedDocument>> check_document(input::Page page, const RunContext& run,
                                                        const documents::Limits& limits) {
  if (!page.document) {
    return Error{page.url + " is not a document", page.url + " är inget dokument"};
  }
  Result<documents::Document> opened = documents::open(*page.document, page.url, limits);
  if (!opened) return opened.error();
  auto checked = std::make_unique<CheckedDocument>();
  checked->document = std::move(opened).value();
  page.document.reset();  // the model holds what the rules need; the bytes can go
  for (const Error& note : checked->document.notes) page.notes.push_back(note);
  checked->page = std::move(page);
  if (run.evaluate) {
    checked->evaluation = engine::evaluate(checked->document, checked->page.url, *run.registry, run.selection);
  }
  return checked;
}

}  // namespace granska::pipeline
