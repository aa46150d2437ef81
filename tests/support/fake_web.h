// An in-memory web for tests of flows that fetch (crawl, scan, audit): the crawler's
// Transfers and the single-page Fetcher answered from a table of URLs, without sockets.
// Not a server: nothing leaves the process.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "fetch/fetch.h"
#include "fetch/multi.h"

namespace granska::testing {

class FakeWeb {
 public:
  struct Reply {
    Reply() = default;
    Reply(long s, std::string type, std::string b, std::string tag = {}, std::string loc = {})
        : status(s), content_type(std::move(type)), body(std::move(b)), location(std::move(loc)), etag(std::move(tag)) {}
    long status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::string location;       // for 3xx: absolute
    std::string etag;           // a request with If-None-Match equal to it gets 304
    std::string last_modified;  // sent as given
    long retry_after_s = -1;    // Retry-After (seconds) of a 429/503; -1: none
    bool no_length = false;     // no Content-Length (declared_size -1), as a chunked answer
  };

  // Serves `reply` at `url` (exact match, after dropping a fragment). Unknown URLs get 404.
  void serve(const std::string& url, Reply reply);
  void serve_html(const std::string& url, std::string body) { serve(url, Reply{200, "text/html; charset=utf-8", std::move(body)}); }
  void remove(const std::string& url);
  // Every URL asked for, in order (both interfaces).
  std::vector<std::string> requests() const;
  // How many times `url` was asked for.
  std::size_t requests_of(const std::string& url) const;
  // Conditional requests answered 304.
  std::size_t not_modified() const { return not_modified_; }

  std::unique_ptr<fetch::Transfers> transfers();
  std::unique_ptr<fetch::Fetcher> fetcher();

  // One hop as the network would answer it (no redirects followed).
  fetch::Completion answer(const fetch::Request& request);

 private:
  mutable std::mutex mu_;
  std::map<std::string, Reply> pages_;
  std::vector<std::string> requests_;
  std::atomic<std::size_t> not_modified_{0};
};

}  // namespace granska::testing
