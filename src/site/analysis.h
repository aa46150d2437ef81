// The site-level checks over one scan, as a streaming analysis that never needs the HTML:
// pass 1 gives every page record, then the scan's navigation blocks, then pass 2 each
// checked page's facts (results/site_facts.h); finish() decides per site:
//   - the accessibility statement (statement.h): which link leads to it, on what share of
//     the checked pages and whether the start page has it, and what it contains;
//   - consistent navigation (3.2.3): a navigation block that repeats (the same kind and
//     label in the same place among the page's blocks) keeps the relative order of its
//     links, and blocks keep their order among each other; a page whose block puts two
//     links in the reverse order of the block most pages have fails, naming the pair;
//   - consistent identification (3.2.4): the same link target in the same repeated block,
//     the search form's field and button, and an icon button (the same icon in the same
//     block) have the same accessible name; variants are listed with their pages (a link
//     to the page itself is left out: sites mark the current page in its name);
//   - multiple ways (2.4.5): each checked page is reached by at least two of navigation
//     (a repeated block on another page links to it), a site map or A–Ö page, links in the
//     content of other pages, and search (a search form on at least half the site's pages
//     counts as a way to every page); pages with fewer need review;
//   - broken links (to a page of the scan that answered 4xx/5xx) and broken anchors (to a
//     fragment no element of the target page has): best practice, per page, and once per
//     block for links in a repeated block.
// What is failed, needs review or best practice, and why: docs/decisions/0024-site.md.
//
// One page under several URLs (the same final URL, a rel=canonical naming another record,
// or the same body on the same host, as figures/aliases.h decides for the report) counts
// once, as its primary record (the canonical target, else the shortest URL); links to an
// alias lead to its primary.
//
// Memory: per page its URL, unit, block ids, fragment ids and components; links are
// looked at as they stream by and not kept. Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/statement_config.h"
#include "org/org_map.h"
#include "results/site_data.h"
#include "results/site_facts.h"
#include "site/sites.h"
#include "site/statement.h"

namespace granska::site {

// A page record of the scan (pass 1).
struct PageRecord {
  std::string url;        // normalised, as admitted
  std::string final_url;  // after redirects
  std::string unit;       // as stored
  std::string kind;       // results::PageRow::kind
  std::string title;
  std::string content_type;
  long status = 0;
  results::Reached reached = results::Reached::Unknown;
  std::string content_sha256;  // with canonical: one page under several URLs counts once
  std::string canonical;
};

struct AnalysisOptions {
  const config::StatementPhrases* phrases = nullptr;  // required
  const org::OrgMap* map = nullptr;  // units afresh from the map, as the report does; nullptr: as stored
  std::string scan_date;             // "YYYY-MM-DD", the scan's start (statement staleness)
};

// A statement the crawl did not keep the text of, read by the caller (site_step.h fetches
// it like a page).
struct FetchedStatement {
  bool ok = false;
  bool document = false;      // a PDF or Office file: not read
  std::string content_type;
  StatementText text;         // when ok and not a document
  Error error;                // when !ok
};
using StatementFetcher = std::function<FetchedStatement(const std::string& url)>;

struct SiteResults {
  std::vector<results::SiteSummary> sites;
  std::vector<results::SiteFinding> findings;  // by site, then check
};

class Analysis {
 public:
  Analysis(const std::vector<config::SiteConfig>& sites, const AnalysisOptions& options);
  ~Analysis();
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  // Pass 1: every page record of the scan, in any order; returns its index.
  std::size_t add_page(PageRecord page);
  // The scan's navigation blocks (by their stored id), after pass 1.
  void add_block(std::int64_t id, results::NavBlock block);
  // Pass 2: a checked page's facts (blocks given as ids), after the blocks.
  void add_facts(std::size_t page, const results::PageFacts& facts, const std::vector<std::int64_t>& block_ids);
  // Decides every site. `fetch` reads a statement the crawl kept no text of (may be empty:
  // then such a statement is reported as not read).
  SiteResults finish(const StatementFetcher& fetch);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace granska::site
