// One check for the web app: an address fetched through the address guard, or HTML pasted
// or uploaded, checked through pipeline::check_page, left as the rows a result is stored
// and shown from. A Checker interface so the handlers are tested with a fake web.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "fetch/fetch.h"
#include "pipeline/check_page.h"
#include "serve/payload.h"
#include "util/result.h"

namespace granska::serve {

struct Source {
  SourceKind kind = SourceKind::Url;
  std::string url;        // kind Url
  std::string content;    // kind Html or File: the bytes
  std::string file_name;  // kind File
};

class Checker {
 public:
  virtual ~Checker() = default;
  // Loads and checks `source`. Errors are the reason in Swedish and English ("Sidan kunde
  // inte hämtas: …"). Thread-safe: called from several request threads at once.
  virtual Result<StoredCheck> check(const Source& source) = 0;
};

struct CheckerSettings {
  // Limits, headers and the address guard for the page and its subresources.
  fetch::Options fetch;
  std::size_t max_bytes = 5 * 1024 * 1024;  // page, pasted HTML or file
  std::string profile = "wcag21-aa";
};

// The real checker. `make_fetcher` makes one fetcher per check (null: libcurl's).
std::unique_ptr<Checker> make_checker(CheckerSettings settings,
                                      std::function<std::unique_ptr<fetch::Fetcher>()> make_fetcher = nullptr);

}  // namespace granska::serve
