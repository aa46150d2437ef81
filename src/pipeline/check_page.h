// check_page: the one path from a loaded page to a checked page — parse once, compute the
// page's semantics once, run the rules, take the media inventory (fetching caption tracks
// for a page from the web). Every command checks pages through it: check, inspect, act,
// the crawl's workers (crawl, scan), audit. A new per-page step (linked stylesheets,
// documents, rendering) is added here once and every caller has it
// (docs/decisions/0015-pipeline.md).
#pragma once

#include <chrono>
#include <memory>

#include "aria/semantics.h"
#include "engine/evaluate.h"
#include "engine/registry.h"
#include "fetch/fetch.h"
#include "html/dom.h"
#include "input/load.h"
#include "media/inventory.h"
#include "media/players.h"
#include "render/app_shell.h"
#include "render/pool.h"
#include "render/rendered_view.h"
#include "style/cascade.h"
#include "style/loader.h"

namespace granska::pipeline {

// What a run shares between its pages. Only read while pages are checked, so one
// RunContext serves every worker thread of a crawl. What it points to must outlive the run.
struct RunContext {
  const engine::Registry* registry = &engine::Registry::builtin();
  engine::Selection selection;
  // false: parse and semantics only, no rules and no media (inspect; the discovery crawl of
  // `audit --crawl`, which checks its pages afterwards).
  bool evaluate = true;
  const media::PlayerList* players = &media::PlayerList::builtin();
  // Limits and headers for the page's subresources (caption tracks, style sheets), which
  // are fetched over http(s) only when check_page is given a fetcher.
  fetch::Options fetch;
  // The run's style sheet cache (style/loader.h): linked style sheets and @import are
  // loaded through it, each sheet once per run however many pages and workers use it.
  // nullptr: only <style> elements are read, and styles that depend on a linked sheet are
  // unknown (noted on the page).
  style::SheetCache* sheets = nullptr;
  std::size_t max_sheet_bytes = 8 * 1024 * 1024;
  // The screen pages are styled for (style/media.h): a 1280×800 desktop by default.
  style::Environment environment;
  // Time for the rules of one page. A page that needs more is "too complex to check in
  // full": the rules not run say "needs manual review" and the page gets a note. Generous:
  // the largest real pages measured (2.5 MB of documentation) need about 3 s.
  std::chrono::milliseconds page_budget{10000};
};

// A checked page. It owns the document that the semantics, findings and media rows point
// into, so it is neither copied nor moved: it lives behind the unique_ptr check_page returns.
struct CheckedPage {
  input::Page page;
  std::unique_ptr<html::Document> doc;
  std::unique_ptr<style::PageSheets> sheets;   // the page's style sheets, in cascade order
  std::unique_ptr<aria::Semantics> semantics;  // the page's one Semantics, shared by every rule
  engine::PageEvaluation evaluation;           // empty when !RunContext::evaluate
  media::Inventory inventory;                  // empty when !RunContext::evaluate
  // Set when the page was rendered by the browser (check_rendered): doc is its DOM after
  // scripts, the styles are the browser's, and the rules that need layout have its facts.
  std::unique_ptr<render::RenderedView> rendered;

  CheckedPage() = default;
  CheckedPage(const CheckedPage&) = delete;
  CheckedPage& operator=(const CheckedPage&) = delete;
};

// Checks one page. `fetcher` (may be null) fetches this page's subresources (caption
// tracks, style sheets missing from the run's cache) and is used on the calling thread only:
// a crawl's page workers fetch sheets synchronously with their own fetcher, never through
// the network thread. Style sheets that could not be used become notes on the page. Never
// throws for page content: a rule that throws is reported as that rule's cantTell by
// engine::evaluate.
std::unique_ptr<CheckedPage> check_page(input::Page page, const RunContext& run, fetch::Fetcher* fetcher);
// The same, fetching style sheets with `sheet_fetcher` and caption tracks with `fetcher`
// (the crawl's workers fetch sheets themselves, each once per run through the cache, but
// leave all other traffic to the network thread and its politeness).
std::unique_ptr<CheckedPage> check_page(input::Page page, const RunContext& run, fetch::Fetcher* fetcher,
                                        fetch::Fetcher* sheet_fetcher);

// Checks a page as headless Chromium rendered it (render::Pool): the same rules over the
// DOM after scripts, with the browser's computed styles (render/browser_styles.h) and
// layout facts. `page` describes the page (target, URL, status, notes; its decoded text is
// not used); the final URL after script navigations replaces its URL. Linked style sheets
// are still collected (with `sheet_fetcher`), for elements the browser does not lay out.
// What the rendering left out or could not finish (load timeout, a retry after a browser
// crash, iframes and shadow trees not checked, script errors) becomes notes on the page.
std::unique_ptr<CheckedPage> check_rendered(input::Page page, render::RenderedView view, const RunContext& run,
                                            fetch::Fetcher* fetcher, fetch::Fetcher* sheet_fetcher);

// The crawl's and the audit's step after a static check: when `mode` asks for it (`auto`:
// the static document is an application shell), the page is rendered by `browser` with
// `login` and checked with check_rendered; `*rendered` says so. A page the browser cannot
// render keeps `checked`, with a note saying why, and `*failed` is set: rendering never
// costs a page.
std::unique_ptr<CheckedPage> render_if_wanted(std::unique_ptr<CheckedPage> checked, render::Pool& browser,
                                              render::RenderMode mode, const render::Login& login,
                                              const RunContext& run, fetch::Fetcher* fetcher,
                                              fetch::Fetcher* sheet_fetcher, bool* rendered, bool* failed);

// The note a page keeps when it was to be rendered and could not be (`why`: the render's
// error, or why the browser could not start), so its static check says what it is.
void note_not_rendered(CheckedPage& checked, const Error& why);

}  // namespace granska::pipeline
