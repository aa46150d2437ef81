// The crawl database (SQLite, WAL): the frontier and every page's result, written as the
// crawl goes so that `granska crawl --resume` continues after an interruption (even
// kill -9) with nothing lost and nothing recorded twice. The only module that uses SQLite.
//
// Durability: writes are grouped in transactions of up to kBatch writes or 200 ms.
// A kill loses at most the open transaction; its URLs are still "queued" in the file, so
// they are fetched again on resume and their results written once (keyed by URL).
//
// Not thread-safe: used by the crawl's network thread only.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/result.h"

namespace granska::store {

class CrawlStore {
 public:
  static constexpr int kBatch = 200;

  // Opens or creates the database file. Errors: cannot open, not a granska database.
  static Result<std::unique_ptr<CrawlStore>> open(const std::string& path);
  ~CrawlStore();
  CrawlStore(const CrawlStore&) = delete;
  CrawlStore& operator=(const CrawlStore&) = delete;

  // Free-form settings of the crawl (its options, as JSON, for --resume).
  Status set_meta(std::string_view key, std::string_view value);
  std::optional<std::string> meta(std::string_view key);

  // Frontier: a page URL admitted at `depth` (state queued); a URL only seen as a
  // redirect target; a page finished with its rendered output.
  void admitted(std::string_view url, int depth);
  void redirect_seen(std::string_view url);
  void finished(std::string_view url, std::string_view output, bool at_threshold, bool error, bool html);
  Status flush();

  // A checked page's validators (ETag, Last-Modified) and links, so that a later scan
  // (`--since-db`) can ask for it conditionally and follow its links when it is unchanged.
  // Links are stored newline-separated (URLs contain no newline).
  void cache(std::string_view url, std::string_view etag, std::string_view last_modified,
             const std::vector<std::string>& links);
  struct Cached {
    std::string etag, last_modified;
    std::vector<std::string> links;
  };
  // The cache entry of a page whose result is stored as checked without error.
  std::optional<Cached> cached(std::string_view url);
  struct Stored {
    std::string output;
    bool at_threshold = false, error = false, html = false;
  };
  // One page's stored result.
  std::optional<Stored> result(std::string_view url);

  struct Resume {
    std::vector<std::pair<std::string, int>> queued;  // url, depth: to fetch again
    std::vector<std::string> seen;                   // finished pages and redirect targets
    std::size_t admitted = 0;                         // page URLs admitted (queued + finished)
  };
  Result<Resume> load();

  struct Totals {
    std::size_t pages = 0, html = 0, errors = 0;
    bool any_at_threshold = false;
  };
  // Every finished page's output, in the order finished.
  Result<Totals> for_each_result(const std::function<void(std::string_view output)>& fn);
  // Every finished page's URL (as fetched), in the order finished.
  Status for_each_url(const std::function<void(std::string_view url)>& fn);

 private:
  CrawlStore() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace granska::store
