// What `granska crawl` prints: a text block per page, or one JSON object per page on one
// line inside {"schema_version":…,"pages":[…],"summary":{…}} (docs/json-format.md), streamed
// as pages finish; and the block of a page that answered 304, taken from the earlier scan.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "crawl/crawler.h"
#include "pipeline/check_page.h"
#include "reports/page/report.h"
#include "store/crawl_store.h"

namespace granska::reports {

class CrawlStream {
 public:
  // show_passed: JSON page reports list passed elements too (--show-passed).
  CrawlStream(bool json, Lang lang, engine::Impact threshold, std::ostream& out, bool show_passed = false)
      : json_(json), lang_(lang), threshold_(threshold), ro_{lang, false, show_passed}, out_(out) {}

  // On a worker: the page's report, as `granska check` writes it, into rec.report.
  void render(const pipeline::CheckedPage& checked, crawl::PageRecord& rec) const;
  // The same for a checked document (the report `granska check file.pdf` writes).
  void render(const pipeline::CheckedDocument& checked, crawl::PageRecord& rec) const;
  // One page's block: the record's facts and its report.
  std::string block(crawl::PageRecord& r) const;
  // The earlier scan's block of an unchanged page (marked unchanged), or a new one.
  std::string block(crawl::PageRecord& r, const store::CrawlStore::Stored* earlier) const;

  void head();                       // before the first page
  void print(std::string_view block);
  void abort();                      // closes the JSON document after a failure
  void summary(std::size_t pages, std::size_t html, std::size_t errors, const crawl::CrawlStats& stats, bool show_text);

 private:
  bool json_;
  Lang lang_;
  engine::Impact threshold_;
  Options ro_;
  std::ostream& out_;
  bool first_ = true;
};

// "Sammanfattning: 9 adresser, 6 sidor granskade, 2 fel" (and " (avbruten)").
std::string crawl_summary(std::size_t pages, std::size_t html, std::size_t errors, bool interrupted, Lang lang);

// "Visade i webbläsaren (headless Chromium): 1" (and the pages that could not be rendered),
// "" when the crawl rendered nothing and no rendering failed.
std::string render_summary(const crawl::CrawlStats& stats, Lang lang);

}  // namespace granska::reports
