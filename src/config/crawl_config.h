// The crawl configuration file (TOML, read with toml++; the only place that uses it).
// Example (docs in README):
//   user_agent = "granska (Malmö stad)"       contact = "webb@malmo.se"
//   max_pages = 50000   max_depth = 20   concurrency_per_host = 2   delay_ms = 500
//   check_documents = true   max_document_mb = 50   max_documents = 2000   max_documents_total_mb = 2048
//   [[site]]
//   seeds = ["https://malmo.se/"]   sitemaps = ["https://malmo.se/sitemap.xml"]
//   allowed_hosts = ["malmo.se"]    include = []   exclude = ["/sok\\?"]
//   headers = ["Authorization: Bearer …"]   cookies = "sessionid=…"
//   render = "auto"        # "never" (default) | "auto" (application shells) | "always"
// Every [[site]] joins one crawl: their lists are concatenated.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace granska::config {

struct CrawlConfig {
  std::vector<std::string> seeds, sitemaps, allowed_hosts, include, exclude;
  std::vector<std::string> headers;  // secrets: never logged or written anywhere
  std::optional<long long> max_pages, max_depth, concurrency_per_host, delay_ms;
  // Documents linked on the site: checked or only listed, one document's size limit (MB),
  // and the scan's cap on their number and total size (MB).
  std::optional<bool> check_documents;
  std::optional<long long> max_document_mb, max_documents, max_documents_total_mb;
  std::string user_agent;            // with " (+contact)" appended when contact is set
  // Rendering in headless Chromium: `render` at the top level is every page's default;
  // `render` in a [[site]] applies to the hosts of its seeds and allowed_hosts (lowercase).
  std::optional<std::string> render;
  std::vector<std::pair<std::string, std::string>> render_hosts;  // host, "never"|"auto"|"always"
};

// Errors: unreadable file, TOML syntax (with line), a key of the wrong type.
Result<CrawlConfig> load_crawl_config(const std::string& path);

}  // namespace granska::config
