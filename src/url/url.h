// Absolute http/https URLs (RFC 3986): parsing, reference resolution and the normal form
// the crawler deduplicates on. Written by hand rather than with curl's URL API so that curl
// stays inside src/fetch, and so that normalisation (run for every link of every page) is
// one pass with one allocation.
//
// All functions are pure and thread-safe; Url is a value type (copyable, movable).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace granska::url {

// Query parameters to drop when normalising (tracking parameters and session ids). A
// pattern ending in '*' is a prefix ("utm_*"); any other pattern is an exact key. Keys are
// compared ASCII case-insensitively after percent-encoding normalisation, so "UTM_Source"
// and "utm%5Fsource" both match "utm_*". A pattern starting with ';' names a path
// parameter (";jsessionid"): "/a;jsessionid=XYZ/b" normalises to "/a/b".
class QueryFilter {
 public:
  explicit QueryFilter(std::vector<std::string> patterns);
  // Tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid) and session ids, which
  // give every visit new URLs for the same pages (issue #16: a session-id site filled all
  // 400 pages of a crawl): the query keys sid, phpsessid, jsessionid, sessionid,
  // session_id, aspsessionid*, cfid, cftoken, oscsid, zenid and the path parameters
  // ;jsessionid, ;phpsessid, ;sid, ;sessionid. A static object: lives for the whole program.
  static const QueryFilter& tracking_defaults();
  // True when a parameter with this (normalised) key is to be dropped.
  bool drops(std::string_view key) const;
  // True when a path parameter (";key=value") with this key is to be dropped.
  bool drops_path_parameter(std::string_view key) const;
  bool has_path_parameters() const { return !path_params_.empty(); }

 private:
  std::vector<std::string> exact_;
  std::vector<std::string> prefixes_;
  std::vector<std::string> path_params_;
};

// An absolute http or https URL, stored as given (after the leniencies of parse()) with the
// offsets of its components. Accessors return views into the object: they live as long as
// the Url does.
class Url {
 public:
  // Parses an absolute http/https URL: scheme "://" [userinfo "@"] host [":" port] path
  // ["?" query] ["#" fragment]. The host is a registered name (IDN hosts are accepted as
  // given, in UTF-8 or punycode; no IDNA conversion is done) or a bracketed IP literal
  // ("[::1]"). Like browsers, it ignores leading/trailing whitespace and control characters
  // and removes tabs and line breaks anywhere (they come from wrapped href attributes).
  // Characters not allowed in URLs (spaces, non-ASCII, ...) are accepted in path, query and
  // fragment; normalized() percent-encodes them.
  // Errors (English and Swedish): another scheme, no host, a bad host or port.
  static Result<Url> parse(std::string_view text);

  // Resolves a reference (an href value) against this URL per RFC 3986 §5.2, then parses
  // the result. For a <base href>, resolve the base first and resolve links against it.
  // Also, as browsers and RFC 3986 §5.2.2 (for backward compatibility) do, "http:g" with
  // this URL's own scheme is treated as the relative reference "g".
  // Errors: the target is not http/https (mailto:, javascript:, ...) or is malformed.
  Result<Url> resolve(std::string_view reference) const;

  // Components, without their delimiters. scheme() is lowercase ("http"/"https"); the rest
  // are as given. host() keeps an IP literal's brackets. has_*() tell an empty component
  // ("http://a/?") from an absent one ("http://a/").
  std::string_view scheme() const { return view(0, scheme_end_); }
  std::string_view userinfo() const { return view(user_b_, user_e_); }
  bool has_userinfo() const { return has_user_; }
  std::string_view host() const { return view(host_b_, host_e_); }
  std::string_view port_text() const { return view(port_b_, port_e_); }
  // The port written in the URL, or the scheme's default (80/443) when none is.
  std::uint16_t port() const { return port_; }
  std::string_view path() const { return view(path_b_, path_e_); }
  std::string_view query() const { return view(query_b_, query_e_); }
  bool has_query() const { return has_query_; }
  std::string_view fragment() const { return view(frag_b_, frag_e_); }
  bool has_fragment() const { return has_frag_; }

  // The URL as parsed: whitespace leniencies applied and the scheme lowercased, nothing else.
  const std::string& str() const { return spec_; }

  // The normal form for deduplication and fetching (RFC 3986 §6.2.2 and §6.2.3):
  // lowercase scheme and host; default port (80 for http, 443 for https) and an empty
  // port dropped; percent-encoding normalised (hex digits uppercase, encoded unreserved
  // characters decoded, characters not allowed in a URL encoded as UTF-8 bytes); dot
  // segments removed; empty path → "/"; an empty query ("?") and the fragment dropped.
  // With a filter, matching query parameters are removed and the others keep their order.
  // Not done: IDNA (punycode) conversion, IPv6 literal compression, "\" → "/" (browsers do
  // it for http; we encode "\" as %5C instead).
  std::string normalized() const;
  std::string normalized(const QueryFilter& filter) const;

  // "scheme://host[:port]" normalised (lowercase, default port dropped).
  std::string origin() const;

 private:
  Url() = default;
  std::string_view view(std::size_t b, std::size_t e) const {
    return std::string_view(spec_).substr(b, e - b);
  }
  std::string normalize_impl(const QueryFilter* filter) const;

  std::string spec_;
  std::size_t scheme_end_ = 0;
  std::size_t user_b_ = 0, user_e_ = 0;
  std::size_t host_b_ = 0, host_e_ = 0;
  std::size_t port_b_ = 0, port_e_ = 0;
  std::size_t path_b_ = 0, path_e_ = 0;
  std::size_t query_b_ = 0, query_e_ = 0;
  std::size_t frag_b_ = 0, frag_e_ = 0;
  std::uint16_t port_ = 0;
  bool has_user_ = false, has_query_ = false, has_frag_ = false;
};

// `url` with any "user:password@" removed from its authority ("https://u:p@host/x" →
// "https://host/x"), for every URL that is stored or shown: a password given in a URL
// must never reach a database, a report or a message (issue #16). Any scheme; a string
// without "://" is returned unchanged.
std::string without_userinfo(std::string_view url);

// RFC 3986 §5.2 on strings, for any scheme: the strict algorithm, without the leniencies
// of Url::resolve ("http:g" stays "http:g"). `base` must be absolute (have a scheme);
// when it has none the reference is returned unchanged. Never fails.
std::string resolve_reference(std::string_view base, std::string_view reference);

// RFC 3986 §5.2.4: removes "." and ".." segments from a path.
std::string remove_dot_segments(std::string_view path);

// Percent-encoding normalisation of a path or query (no dot-segment removal): hex digits
// uppercase, encoded unreserved characters decoded, bytes not allowed in a URL (controls,
// space, "<>\"\\^`{|}", non-ASCII) encoded. A "%" not followed by two hex digits is kept.
// Appends to `out`. robots.txt matching uses the same form.
void append_normalized_component(std::string& out, std::string_view component);

// --- Scope checks. Hosts compare ASCII case-insensitively; no Public Suffix List is used.

// Same scheme, host and port.
bool same_origin(const Url& a, const Url& b);
// Same host, whatever the scheme and port (http and https of one site are one host).
bool same_host(const Url& a, const Url& b);
// Same host once one leading "www." is ignored on each side (malmo.se ~ www.malmo.se).
bool same_site(const Url& a, const Url& b);
// The host is `domain` or a subdomain of it, on a label boundary: "komin.malmo.se" is in
// "malmo.se", "notmalmo.se" is not. A leading "." in `domain` is ignored.
bool host_in_domain(const Url& url, std::string_view domain);

}  // namespace granska::url
