#include "pipeline/check_page.h"

#include "media/track_check.h"

namespace granska::pipeline {

std::unique_ptr<CheckedPage> check_page(input::Page page, const RunContext& run, fetch::Fetcher* fetcher) {
  return check_page(std::move(page), run, fetcher, fetcher);
}

std::unique_ptr<CheckedPage> check_page(input::Page page, const RunContext& run, fetch::Fetcher* fetcher,
                                        fetch::Fetcher* sheet_fetcher) {
  auto checked = std::make_unique<CheckedPage>();
  checked->page = std::move(page);
  // The document keeps its own copy of the source (positions and snippets point into it),
  // so the decoded text is handed over rather than copied.
  checked->doc = html::Document::parse(std::move(checked->page.decoded.text));
  checked->page.decoded.text.clear();
  // The page's style sheets: <style>, <link rel=stylesheet> and @import, loaded with the
  // page's own limits and headers (a local file's sheets from disk beside it).
  style::LoadOptions load;
  load.fetch = run.fetch;
  load.max_sheet_bytes = run.max_sheet_bytes;
  if (checked->page.http_status == 0) sheet_fetcher = nullptr;
  checked->sheets = std::make_unique<style::PageSheets>(style::collect_sheets(
      *checked->doc, checked->page.url, run.sheets, sheet_fetcher, load, checked->page.decoded.encoding,
      run.environment));
  for (const Error& note : checked->sheets->notes) checked->page.notes.push_back(note);
  checked->semantics = std::make_unique<aria::Semantics>(*checked->doc, checked->sheets.get(), run.environment);
  if (!run.evaluate) return checked;

  engine::Selection selection = run.selection;
  selection.deadline = std::chrono::steady_clock::now() + run.page_budget;
  checked->evaluation =
      engine::evaluate(*checked->doc, *checked->semantics, checked->page.url, *run.registry, selection);
  if (const std::size_t n = checked->evaluation.rules_not_run; n > 0) {
    const auto ms = run.page_budget.count();
    const std::string s = ms % 1000 == 0 ? std::to_string(ms / 1000)
                                         : std::to_string(ms / 1000) + "," + std::to_string(ms % 1000 / 100);
    checked->page.notes.push_back(
        Error{"The page is too complex to check in full: " + std::to_string(n) + " rules were not run within the " +
                  s + " s the page may take; they need a manual review",
              "Sidan är för komplex för att granskas helt: " + std::to_string(n) + " regler hanns inte med inom " + s +
                  " s per sida och kräver manuell granskning"});
  }
  // Caption tracks are fetched for pages from the web only: a local file's relative track
  // is on disk beside it and is judged by the rules from the markup alone.
  fetch::Fetcher* tracks = checked->page.http_status != 0 ? fetcher : nullptr;
  media::take_inventory(checked->inventory, *checked->doc, *checked->semantics, checked->page.url, *run.players,
                        tracks, run.fetch, media::track_messages(*run.registry), checked->evaluation);
  return checked;
}

}  // namespace granska::pipeline
