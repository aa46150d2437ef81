// The crawl frontier: which URLs are in scope, which were already seen, and which wait to
// be fetched, queued per host so that politeness (per-host concurrency and delay) is a
// property of the queue, not of the caller. Admission applies, in order: parse and
// normalise, scope (hosts, include/exclude patterns), trap heuristics (url.h), the cap on
// query variants per path, max depth, deduplication, max pages.
//
// Not thread-safe: owned by the crawl's network thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crawl/traps.h"
#include "results/site_facts.h"
#include "url/url.h"
#include "fetch/fetch.h"
#include "util/string_hash.h"

namespace granska::crawl {

using Clock = std::chrono::steady_clock;

// Which URLs belong to the crawl.
class Scope {
 public:
  // `hosts`: domains (a URL is in scope when its host is one of them or a subdomain, see
  // host_in_domain). `include`/`exclude`: ECMAScript regular expressions searched in the
  // normalised URL; with any include, a URL must match one; a URL matching an exclude is out.
  // Errors: an invalid regular expression (named in the message).
  static Result<Scope> make(std::vector<std::string> hosts, const std::vector<std::string>& include,
                            const std::vector<std::string>& exclude);
  bool allows(const url::Url& url, std::string_view normalized) const;
  const std::vector<std::string>& hosts() const { return hosts_; }

 private:
  std::vector<std::string> hosts_;
  std::vector<std::regex> include_, exclude_;
};

struct FrontierLimits {
  std::size_t max_pages = 1000;       // URLs admitted in all (redirect targets excluded)
  int max_depth = 50;                 // links followed from a seed (seeds are depth 0)
  std::size_t max_query_variants = 50;  // distinct queries per path (calendars, facets)
  TrapLimits traps;
};

// Document: the second request for a document's body, made once the first (a Page request,
// which stops after the headers of anything but HTML) showed that the URL is a document.
enum class EntryKind : std::uint8_t { Page, Robots, Sitemap, Document };

// One URL waiting for (another) fetch.
struct Entry {
  EntryKind kind = EntryKind::Page;
  std::string url;       // normalised; for a redirect hop, the hop's target
  std::string original;  // the URL first admitted (== url until a redirect)
  int depth = 0;
  int attempts = 0;      // fetches already tried (retries)
  std::vector<fetch::Redirect> chain;
  Clock::time_point not_before{};  // retry backoff
  double seconds = 0;    // network time spent on it so far (all hops and attempts)
  // Document entries: the earlier scan's SHA-256 of the body ("" when none), so that an
  // unchanged document (a server that sends no validators) keeps its earlier result.
  std::string sha256;
  // Document entries: the answer to the first request (content type, status).
  std::string content_type;
  long status = 0;
  results::Reached via = results::Reached::Unknown;  // how it was found (stored with the page)
};

// Persistence hooks (implemented over the crawl database by the CLI), called as URLs enter
// the frontier, so that an interrupted crawl can be resumed.
class Journal {
 public:
  virtual ~Journal() = default;
  virtual void admitted(std::string_view normalized_url, int depth) = 0;
  virtual void redirect_seen(std::string_view normalized_url) = 0;
};

// What a resumed crawl starts from (read back from the journal).
struct ResumeState {
  std::vector<std::pair<std::string, int>> queued;  // url, depth: fetched (again)
  std::vector<std::string> seen;                   // finished pages and redirect targets
  std::size_t admitted = 0;                         // counts against max_pages
};

enum class Admit { Added, Duplicate, Invalid, OutOfScope, Trap, TooManyVariants, TooDeep, PageLimit };
std::string_view to_string(Admit a);

class Frontier {
 public:
  Frontier(Scope scope, FrontierLimits limits);

  // Admits a page URL (absolute; normalised here) found at `depth`, reached `via`.
  // `normalized`, when given, receives the normalised URL whenever the URL could be parsed.
  Admit admit(std::string_view absolute_url, int depth, results::Reached via = results::Reached::Link,
              std::string* normalized = nullptr);
  // For a redirect target: in scope and not seen → marks it seen and returns Added;
  // no page-limit charge (the hop belongs to an admitted page).
  Admit admit_redirect(const url::Url& target, std::string_view normalized);
  // Whether a URL was admitted or reached by a redirect already.
  bool seen(std::string_view normalized) const { return seen_.count(std::string(normalized)) > 0; }

  // Journal for admitted URLs and redirect targets; may be null. Not owned.
  void set_journal(Journal* journal) { journal_ = journal; }
  // Restores a resumed crawl: seen URLs are never admitted again, queued ones are queued.
  void restore(const ResumeState& state);

  // Puts an entry on its host's queue: at the front (robots, sitemaps, redirect hops,
  // retries) or the back.
  void push(Entry entry, bool front);

  // Per-host politeness state, keyed by origin ("http://host:port").
  struct Host {
    std::deque<Entry> queue;
    int in_flight = 0;
    Clock::time_point next_start{};    // earliest start of the next request (delay)
    Clock::time_point paused_until{};  // Retry-After
    std::chrono::milliseconds delay{0};
    bool robots_ready = false;
    bool robots_requested = false;
    long backoff_spent_ms = 0;  // waits for Retry-After and retries so far
    bool rate_limited = false;  // its back-off budget is spent: the rest is not fetched
  };
  // The host of `origin`, created on first use.
  Host& host(const std::string& origin);
  std::map<std::string, Host>& hosts() { return hosts_; }

  std::size_t queued() const;        // entries waiting, over all hosts
  std::size_t admitted() const { return admitted_; }
  std::size_t seen_count() const { return seen_.size(); }
  const Scope& scope() const { return scope_; }
  const FrontierLimits& limits() const { return limits_; }

 private:
  Scope scope_;
  FrontierLimits limits_;
  std::unordered_set<std::string> seen_;
  std::unordered_map<std::string, std::size_t> variants_;  // query_variant_key → count
  // Links offered before, by their text as given: pages link to the same addresses over
  // and over (menus, footers), and a repeat is answered without parsing and normalising it
  // again. Keeps what depends on the URL alone: its normalised form, whether it has a
  // query, and its lasting refusal (invalid, out of scope, trap; Added: none). What depends
  // on the crawl's state (seen, depth, page limit, query variants) is decided on each offer.
  // Cleared when full.
  struct KnownLink {
    std::string normalized;
    bool has_query = false;
    Admit refused = Admit::Added;
  };
  const KnownLink& know(std::string_view absolute_url);
  static constexpr std::size_t kMaxKnownLinks = 50000;
  std::unordered_map<std::string, KnownLink, StringHash, std::equal_to<>> known_links_;
  std::map<std::string, Host> hosts_;
  std::size_t admitted_ = 0;
  Journal* journal_ = nullptr;
};

}  // namespace granska::crawl
