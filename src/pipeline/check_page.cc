#include "pipeline/check_page.h"

#include "media/track_check.h"
#include "render/browser_styles.h"

namespace granska::pipeline {

namespace {

style::PageSheets page_sheets(const html::Document& doc, const input::Page& page, const RunContext& run,
                              fetch::Fetcher* sheet_fetcher) {
  // The page's style sheets: <style>, <link rel=stylesheet> and @import, loaded with the
  // page's own limits and headers (a local file's sheets from disk beside it).
  style::LoadOptions load;
  load.fetch = run.fetch;
  load.max_sheet_bytes = run.max_sheet_bytes;
  if (page.http_status == 0) sheet_fetcher = nullptr;
  return style::collect_sheets(doc, page.url, run.sheets, sheet_fetcher, load,
                               page.decoded.encoding.empty() ? std::string("utf-8") : page.decoded.encoding,
                               run.environment);
}

// The rules and the media inventory, once the document, sheets and semantics are there.
void evaluate_page(CheckedPage& checked, const RunContext& run, fetch::Fetcher* fetcher) {
  engine::Selection selection = run.selection;
  selection.deadline = std::chrono::steady_clock::now() + run.page_budget;
  checked.evaluation = engine::evaluate(*checked.doc, *checked.semantics, checked.page.url, *run.registry,
                                        selection, checked.rendered.get());
  if (const std::size_t n = checked.evaluation.rules_not_run; n > 0) {
    const auto ms = run.page_budget.count();
    const std::string s = ms % 1000 == 0 ? std::to_string(ms / 1000)
                                         : std::to_string(ms / 1000) + "," + std::to_string(ms % 1000 / 100);
    checked.page.notes.push_back(
        Error{"The page is too complex to check in full: " + std::to_string(n) + " rules were not run within the " +
                  s + " s the page may take; they need a manual review",
              "Sidan är för komplex för att granskas helt: " + std::to_string(n) + " regler hanns inte med inom " + s +
                  " s per sida och kräver manuell granskning"});
  }
  // Caption tracks are fetched for pages from the web only: a local file's relative track
  // is on disk beside it and is judged by the rules from the markup alone.
  fetch::Fetcher* tracks = checked.page.http_status != 0 ? fetcher : nullptr;
  media::take_inventory(checked.inventory, *checked.doc, *checked.semantics, checked.page.url, *run.players, tracks,
                        run.fetch, media::track_messages(*run.registry), checked.evaluation);
}

// What a rendered page's reader must know about how it was rendered.
void add_render_notes(input::Page& page, const render::RenderedPage& r) {
  auto n = [](std::size_t v) { return std::to_string(v); };
  if (r.load_timed_out)
    page.notes.push_back(Error{"The page did not finish loading in time; it was checked as far as it had loaded",
                               "Sidan laddades inte klart i tid; den granskades så långt den hade laddats"});
  if (r.attempts > 1)
    page.notes.push_back(Error{"The browser failed while rendering the page; it was rendered a second time",
                               "Webbläsaren slutade fungera när sidan visades; den visades en gång till"});
  if (r.frames > 0)
    page.notes.push_back(Error{n(r.frames) + " embedded frame(s) (iframe) were not checked: check their pages on their own",
                               n(r.frames) + " inbäddade ramar (iframe) granskades inte: granska deras sidor för sig"});
  if (r.shadow_roots > 0)
    page.notes.push_back(Error{n(r.shadow_roots) + " shadow tree(s) of web components were not checked: needs manual review",
                               n(r.shadow_roots) + " skuggträd i webbkomponenter granskades inte: kräver manuell granskning"});
  if (r.console_errors_total > 0)
    page.notes.push_back(Error{"The page's scripts reported " + n(r.console_errors_total) +
                                   " error(s); content they should have built may be missing",
                               "Sidans skript rapporterade " + n(r.console_errors_total) +
                                   " fel; innehåll som de skulle ha byggt kan saknas"});
}

}  // namespace

std::unique_ptr<CheckedPage> check_page(input::Page page, const RunContext& run, fetch::Fetcher* fetcher) {
  return check_page(std::move(page), run, fetcher, fetcher);
}

std::unique_ptr<CheckedPage> check_page(input::Page page, const RunContext& run, fetch::Fetcher* fetcher,
                                        fetch::Fetcher* sheet_fetcher) {
  auto checked = std::make_unique<CheckedPage>();
  checked->page = std::move(page);
  // The document keeps its own copy of the source (positions and snippets point into it),
  // so the decoded text is handed over rather than copied.
  checked->doc = checked->page.attributes_capped ? html::Document::parse_capped(std::move(checked->page.decoded.text))
                                                 : html::Document::parse(std::move(checked->page.decoded.text));
  checked->page.decoded.text.clear();
  checked->sheets = std::make_unique<style::PageSheets>(page_sheets(*checked->doc, checked->page, run, sheet_fetcher));
  for (const Error& note : checked->sheets->notes) checked->page.notes.push_back(note);
  checked->semantics = std::make_unique<aria::Semantics>(*checked->doc, checked->sheets.get(), run.environment);
  if (!run.evaluate) return checked;
  evaluate_page(*checked, run, fetcher);
  return checked;
}

std::unique_ptr<CheckedPage> check_rendered(input::Page page, render::RenderedView view, const RunContext& run,
                                            fetch::Fetcher* fetcher, fetch::Fetcher* sheet_fetcher) {
  auto checked = std::make_unique<CheckedPage>();
  checked->page = std::move(page);
  checked->page.decoded.text.clear();
  const render::RenderedPage& r = view.page();
  if (!r.final_url.empty()) checked->page.url = r.final_url;
  if (r.http_status != 0) checked->page.http_status = r.http_status;
  add_render_notes(checked->page, r);
  checked->rendered = std::make_unique<render::RenderedView>(std::move(view));
  checked->doc = checked->rendered->take_document();
  checked->sheets = std::make_unique<style::PageSheets>(page_sheets(*checked->doc, checked->page, run, sheet_fetcher));
  // The page may come with its static check's notes, which name the same sheets.
  for (const Error& note : checked->sheets->notes) {
    bool known = false;
    for (const Error& n : checked->page.notes) known = known || n.message == note.message;
    if (!known) checked->page.notes.push_back(note);
  }
  checked->semantics = std::make_unique<aria::Semantics>(
      *checked->doc, render::browser_styles(*checked->rendered, *checked->sheets, run.environment));
  if (!run.evaluate) return checked;
  evaluate_page(*checked, run, fetcher);
  return checked;
}

void note_not_rendered(CheckedPage& checked, const Error& why) {
  checked.page.notes.push_back(Error{"Not rendered, checked as served: " + why.message,
                                     "Inte visad i webbläsaren, granskad som den levererades: " + why.text(Lang::Sv)});
}

std::unique_ptr<CheckedPage> render_if_wanted(std::unique_ptr<CheckedPage> checked, render::Pool& browser,
                                              render::RenderMode mode, const render::Login& login,
                                              const RunContext& run, fetch::Fetcher* fetcher,
                                              fetch::Fetcher* sheet_fetcher, bool* rendered, bool* failed) {
  if (!render::wants_rendering(mode, *checked->doc)) return checked;
  render::PageRequest request;
  request.url = checked->page.url;
  request.login = login;
  Result<render::RenderedView> view = render::render_view(browser, request);
  if (!view) {
    if (failed) *failed = true;
    note_not_rendered(*checked, view.error());
    return checked;
  }
  if (rendered) *rendered = true;
  input::Page described = checked->page;  // URL, status, encoding, hash and notes of the response
  return check_rendered(std::move(described), std::move(view).value(), run, fetcher, sheet_fetcher);
}

}  // namespace granska::pipeline
