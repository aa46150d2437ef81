// The site step: the site-level checks (analysis.h) over one complete scan of the scan
// database, stored with the scan for the report. `granska scan` runs it after the crawl and
// before the report; `granska site` runs it on any complete scan (again, e.g. after the
// city adjusted the statement phrases: nothing is fetched again except a statement the
// crawl did not keep the text of).
//
// Incremental where it can be: pages are never parsed again (their facts were taken by the
// crawl, and a page that answered 304 carried its facts over); the site-wide figures are
// recomputed from the stored facts each run (its cost on 50,000 pages is not yet measured:
// no benchmark drives this step).
#pragma once

#include <string>

#include "config/org_config.h"
#include "fetch/fetch.h"
#include "results/scan_data.h"
#include "site/analysis.h"
#include "util/result.h"

namespace granska::site {

struct SiteStep {
  std::string db;                              // the scan database (must exist)
  results::ScanId scan = 0;                    // 0: the newest complete scan
  const config::OrgConfig* config = nullptr;   // sites, units, statement phrases; required
  // Reads a statement the crawl kept no text of (on another host, beyond the crawl's
  // limits, or with an address and title that do not say what it is); null: not read.
  fetch::Fetcher* fetcher = nullptr;
  fetch::Options fetch;                        // limits and headers for that fetch
};

struct SiteStepResult {
  results::ScanId scan = 0;
  SiteResults results;
  std::size_t pages = 0;             // page records read
  std::size_t pages_with_facts = 0;  // 0: a scan from before the site step (nothing to decide)
};

// Runs the checks on the scan and replaces its stored site results. Errors (bilingual): no
// such database or complete scan, unreadable statement phrases, a database write.
Result<SiteStepResult> run_site_step(const SiteStep& step);

}  // namespace granska::site
