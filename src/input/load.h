// Turns what the user typed (a file, a URL or "-") into a decoded page ready to parse.
// All input checks live here so every subcommand refuses bad input the same way.
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "fetch/fetch.h"
#include "html/charset.h"
#include "util/result.h"

namespace granska::input {

struct Options {
  fetch::Options fetch;
  std::size_t max_bytes = 20 * 1024 * 1024;  // for files, stdin and HTTP bodies alike
  // Accept PDF and Office documents too: they load undecoded into Page::document
  // (`granska check file.pdf`); otherwise they are refused as "not an HTML page".
  bool accept_documents = false;
  // Fingerprint the raw bytes (Page::sha256). Off where nothing shows it (`granska check`
  // printing text or HTML): the first hash opens libcrypto, about 1 ms of such a check.
  bool fingerprint = true;
};

struct Page {
  std::string target;  // as given
  // The page's address: the final http(s) URL, "file:///absolute/path" (percent-encoded),
  // or "stdin:".
  std::string url;
  std::vector<fetch::Redirect> redirects;
  long http_status = 0;  // 0 unless fetched over HTTP
  html::Decoded decoded;
  // decoded.text has been through html::cap_attributes (add_notes did it, to say so): the
  // parse need not scan it again.
  bool attributes_capped = false;
  std::string sha256;  // lower-case hex of the raw bytes (before decoding); "" unless fingerprinted
  // Non-fatal remarks for the user (invalid bytes replaced, redirects, no declared
  // encoding). Error is used for its bilingual text; none of these stop the check.
  std::vector<Error> notes;
  // Set instead of `decoded` when the input is a PDF or Office document and
  // Options::accept_documents is on: the raw bytes, for documents::open().
  std::optional<std::string> document;
  std::string content_type;  // as the server sent it (HTTP only)
};

// Loads `target`:
//   "-"                     reads `stdin_stream` (capped at max_bytes);
//   "http://…", "https://…" fetches with `fetcher`; the answer must be 2xx and text/html
//                           or application/xhtml+xml (a missing type is sniffed);
//   "file://…" or a path    reads a regular file (size checked before reading).
// Errors, in English and Swedish and naming the file or URL: missing file, directory, not a
// regular file, unreadable, too large, binary content ("not an HTML page (looks like PDF)"),
// an HTTP status outside 2xx, a non-HTML content type, and any fetch Error. An empty file
// is a valid (empty) page. Never throws.
Result<Page> load(const std::string& target, const Options& opts, fetch::Fetcher& fetcher,
                  std::istream& stdin_stream);

// The decoding half of load() for bytes fetched elsewhere (the crawler): refuses binary
// content ("not an HTML page (looks like PDF)"), decodes with the Content-Type's charset,
// hashes the raw bytes and adds the same notes as load(). `url` is the final URL.
Result<Page> make_page(std::string target, std::string url, std::vector<fetch::Redirect> redirects,
                       long http_status, std::string_view bytes, std::string_view content_type);

// The document counterpart of make_page, for a document's body fetched elsewhere (the
// crawler): bytes that are a PDF or an Office file (documents::sniff) become a Page with
// `document` set and `sha256` (computed here when not given); anything else is an Error
// naming the URL ("not a PDF or Office document (looks like an HTML page)").
Result<Page> make_document_page(std::string target, std::string url, std::vector<fetch::Redirect> redirects,
                                long http_status, std::string bytes, std::string content_type,
                                std::string sha256 = {});

// An absolute path as a file: URL ("file:///a/b%20c.html"), as load() names local files.
std::string file_url_of(const std::string& absolute_path);

// "Not Found" for 404, "" for codes outside the table (common codes only).
std::string_view http_reason_phrase(long status);

}  // namespace granska::input
