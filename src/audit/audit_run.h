// A supplier's acceptance review (`granska audit`) as a library function: gather the
// service's pages (a list, sitemaps, a small crawl), load each behind the login given,
// check it (pipeline::check_page, caption tracks included; a PDF or Office document,
// listed or linked, through pipeline::check_document) and decide every criterion of the
// profile (decide() in acceptance.h). The CLI only parses options and writes the
// formats; the network is a parameter, so tests run whole audits against an in-memory web.
//
// Secrets (header values, the cookie file's contents, the Basic credentials) go to the
// fetcher only: the result says which login mechanisms were used, never a value, and
// user:password@ in a listed URL never reaches a page's recorded address.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "audit/accepted.h"
#include "audit/acceptance.h"
#include "fetch/fetch.h"
#include "fetch/multi.h"
#include "input/load.h"
#include "org/profile.h"
#include "pipeline/check_document.h"
#include "pipeline/check_page.h"
#include "render/app_shell.h"
#include "render/pool.h"
#include "util/result.h"

namespace granska::audit {

// One page of the audit, loaded or not.
struct AuditedPage {
  std::string target;  // as listed (URL or file), without user:password@
  std::string url;     // final URL when loaded, else the target
  long http_status = 0;
  std::string sha256;  // of the raw body; empty when not loaded
  bool loaded = false;
  bool rendered = false;  // checked as the browser rendered it
  Error error;  // why it could not be loaded or opened (no secrets: fetch errors never carry headers)
  // A document (PDF, Office): its format ("pdf", "docx", …; documents::to_string), "" for
  // a web page. A document that cannot be opened is not loaded, with the reason.
  std::string document;
};

// How the pages were reached behind a login: only which mechanisms, never a value.
struct LoginUsed {
  bool headers = false, cookie_file = false, basic_auth = false;
  bool any() const { return headers || cookie_file || basic_auth; }
};

struct AuditRequest {
  std::vector<std::string> targets;   // pages (URLs or files); with crawl, also the start URLs
  std::string urls_file;              // one URL or file per line, # starts a comment
  std::vector<std::string> sitemaps;  // URLs or files; one level of sitemap index is followed
  bool crawl = false;                 // follow links from the http(s) targets (linked documents included)
  std::size_t max_pages = 50;         // from the crawl and from each sitemap (listed pages are never cut)
  input::Options input;               // limits and headers (secrets)
  std::string cookie_file;            // Netscape cookie file; must be readable
  std::string basic_credentials;      // "user:password" for Basic auth; "" = none
  const org::Profile* profile = nullptr;
  const AcceptedList* accepted = nullptr;  // may be null
  Date today;                              // decides which accepted issues are in force
  const engine::Registry* registry = &engine::Registry::builtin();
  // Rendering (`audit --render`): web pages are checked as this browser renders them, with
  // the same login (headers, cookies, Basic auth; origin only). Never: not at all; Auto:
  // application shells only. A page the browser cannot render keeps its static check, with
  // a note. Null pool: nothing is rendered.
  render::Pool* browser = nullptr;
  render::RenderMode render = render::RenderMode::Always;
};

struct AuditRun {
  std::vector<AuditedPage> pages;  // in audit order: the list, then the sitemaps, then the crawl (pages and documents)
  std::vector<std::unique_ptr<pipeline::CheckedPage>> checked;  // parallel to pages; null when not loaded or a document
  // Parallel to pages: the checked document where the page is one, else null.
  std::vector<std::unique_ptr<pipeline::CheckedDocument>> documents;
  Acceptance acceptance;           // its findings point into `checked`
  LoginUsed login;
};

// The network an audit uses: a fetcher for pages, sitemaps and caption tracks, and the
// crawler's transfers for --crawl (null: libcurl).
struct AuditNetwork {
  fetch::Fetcher* fetcher = nullptr;
  fetch::Transfers* transfers = nullptr;
};

// Errors (nothing checked): unreadable cookie file or URL list, an unreadable sitemap, a
// crawl without an http(s) start, no pages at all. A page that cannot be loaded is not an
// error: it is recorded and makes the verdict Incomplete. `warn` hears remarks that do not
// stop the audit (a sitemap cut at max_pages).
Result<AuditRun> run_audit(const AuditRequest& request, const AuditNetwork& network,
                           const std::function<void(const Error&)>& warn = {});

// "https://user:secret@host/p" → "https://host/p".
std::string without_userinfo(const std::string& url);

}  // namespace granska::audit
