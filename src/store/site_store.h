// The site step's side of the scan database (site/site_step.h): it reads one complete
// scan's page records, navigation blocks and page facts, and replaces that scan's site
// results (tables site_results and site_findings, schema version 6) in one transaction.
// Reports read the results through results::ScanSource (scan_source.h).
//
// Opens an existing database read-write (never creates one). Not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "results/scan_data.h"
#include "results/site_data.h"
#include "results/site_facts.h"
#include "util/result.h"

namespace granska::store {

class SiteStore {
 public:
  // Errors (bilingual): no database at `path`, not a granska database, a newer schema.
  static Result<std::unique_ptr<SiteStore>> open(const std::string& path);
  ~SiteStore();
  SiteStore(const SiteStore&) = delete;
  SiteStore& operator=(const SiteStore&) = delete;

  // The complete scan `id`, or the newest complete scan when `id` is 0. Errors: none, or
  // no complete scan with that id.
  Result<results::ScanInfo> complete_scan(results::ScanId id);

  struct Page {
    std::int64_t id = 0;  // the page record's row id (pass 2 names pages by it)
    std::string url, final_url, unit, kind, title, content_type, content_sha256, canonical;
    long status = 0;
    results::Reached reached = results::Reached::Unknown;
  };
  // Every page record of the scan, in URL order.
  Status for_each_page(results::ScanId scan, const std::function<void(const Page&)>& fn);
  // The scan's navigation blocks; one that cannot be read is left out.
  Status for_each_block(results::ScanId scan, const std::function<void(std::int64_t, const results::NavBlock&)>& fn);
  // The facts of every checked page that has them (blocks empty; their ids given), in URL order.
  Status for_each_facts(results::ScanId scan,
                        const std::function<void(std::int64_t page, const results::PageFacts&,
                                                 const std::vector<std::int64_t>& blocks)>& fn);
  // Pages of the scan with facts (0 for a scan written before schema version 6).
  std::size_t pages_with_facts(results::ScanId scan);

  // Replaces the scan's site results.
  Status write(results::ScanId scan, const std::vector<results::SiteSummary>& sites,
               const std::vector<results::SiteFinding>& findings);

 private:
  SiteStore();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace granska::store
