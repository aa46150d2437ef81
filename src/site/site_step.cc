#include "site/site_step.h"

#include <sstream>
#include <unordered_map>

#include "aria/semantics.h"
#include "html/dom.h"
#include "input/load.h"
#include "results/site_facts.h"
#include "store/site_store.h"

namespace granska::site {

namespace {

// Fetches a statement like a page: decoded as a browser would, its text and links taken
// as the crawl takes them from a statement it keeps.
FetchedStatement fetch_statement(fetch::Fetcher& fetcher, const fetch::Options& options, const std::string& url) {
  FetchedStatement out;
  input::Options opts;
  opts.fetch = options;
  opts.accept_documents = true;
  std::istringstream no_stdin;
  Result<input::Page> page = input::load(url, opts, fetcher, no_stdin);
  if (!page) {
    out.error = page.error();
    return out;
  }
  out.ok = true;
  out.content_type = page->content_type;
  if (page->document) {
    out.document = true;
    return out;
  }
  const std::unique_ptr<html::Document> doc = html::Document::parse(page->decoded.text);
  aria::Semantics semantics(*doc);
  const results::PageFacts facts = results::page_facts(*doc, semantics, page->url);
  out.text.text = results::statement_text(*doc, semantics);
  out.text.has_form = facts.has_form;
  for (const results::NavBlock& b : facts.blocks) {
    for (const results::NavItem& i : b.items) out.text.links.push_back(i.target);
  }
  for (const results::LinkFact& l : facts.links) out.text.links.push_back(l.target);
  return out;
}

}  // namespace

Result<SiteStepResult> run_site_step(const SiteStep& step) {
  const config::OrgConfig& config = *step.config;
  Result<config::StatementPhrases> phrases = config::load_statement_phrases(config.statement_phrases);
  if (!phrases) return phrases.error();
  auto opened = store::SiteStore::open(step.db);
  if (!opened) return opened.error();
  store::SiteStore& db = **opened;
  Result<results::ScanInfo> scan = db.complete_scan(step.scan);
  if (!scan) return scan.error();

  SiteStepResult out;
  out.scan = scan->id;
  AnalysisOptions options;
  options.phrases = &*phrases;
  options.map = config.map ? &*config.map : nullptr;
  options.scan_date = scan->started.substr(0, 10);
  Analysis analysis(config.sites, options);
  std::unordered_map<std::int64_t, std::size_t> index;  // page row id -> analysis index
  if (Status st = db.for_each_page(scan->id, [&](const store::SiteStore::Page& p) {
        PageRecord rec{p.url,    p.final_url, p.unit,           p.kind,     p.title,
                       p.content_type, p.status, p.reached, p.content_sha256, p.canonical};
        index.emplace(p.id, analysis.add_page(std::move(rec)));
        ++out.pages;
      });
      !st) {
    return st.error();
  }
  if (Status st = db.for_each_block(scan->id, [&](std::int64_t id, const results::NavBlock& b) { analysis.add_block(id, b); });
      !st) {
    return st.error();
  }
  if (Status st = db.for_each_facts(scan->id,
                                    [&](std::int64_t page, const results::PageFacts& f, const std::vector<std::int64_t>& blocks) {
                                      auto it = index.find(page);
                                      if (it == index.end()) return;
                                      analysis.add_facts(it->second, f, blocks);
                                      ++out.pages_with_facts;
                                    });
      !st) {
    return st.error();
  }
  StatementFetcher fetch;
  if (step.fetcher) {
    fetch = [&](const std::string& url) { return fetch_statement(*step.fetcher, step.fetch, url); };
  }
  // A scan from before the site step has no facts: nothing can be decided, nothing is stored.
  if (out.pages_with_facts == 0) return out;
  out.results = analysis.finish(fetch);
  if (Status st = db.write(scan->id, out.results.sites, out.results.findings); !st) return st.error();
  return out;
}

}  // namespace granska::site
