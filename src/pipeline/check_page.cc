#include "pipeline/check_page.h"

#include "media/track_check.h"

namespace granska::pipeline {

std::unique_ptr<CheckedPage> check_page(input::Page page, const RunContext& run, fetch::Fetcher* fetcher) {
  auto checked = std::make_unique<CheckedPage>();
  checked->page = std::move(page);
  // The document keeps its own copy of the source (positions and snippets point into it),
  // so the decoded text is handed over rather than copied.
  checked->doc = html::Document::parse(std::move(checked->page.decoded.text));
  checked->page.decoded.text.clear();
  checked->semantics = std::make_unique<aria::Semantics>(*checked->doc);
  if (!run.evaluate) return checked;

  checked->evaluation =
      engine::evaluate(*checked->doc, *checked->semantics, checked->page.url, *run.registry, run.selection);
  // Caption tracks are fetched for pages from the web only: a local file's relative track
  // is on disk beside it and is judged by the rules from the markup alone.
  fetch::Fetcher* tracks = checked->page.http_status != 0 ? fetcher : nullptr;
  media::take_inventory(checked->inventory, *checked->doc, *checked->semantics, checked->page.url, *run.players,
                        tracks, run.fetch, media::track_messages(*run.registry), checked->evaluation);
  return checked;
}

}  // namespace granska::pipeline
