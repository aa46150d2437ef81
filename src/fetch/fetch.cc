#include "fetch/fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <exception>
#include <mutex>
#include <set>

#include "fetch/easy_reset.h"
#include "fetch/socket_guard.h"
#include "granska_version.h"
#include "url/url.h"
#include "util/text.h"

namespace granska::fetch {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxUrlInMessage = 300;
constexpr std::size_t kMaxReasonInMessage = 200;
constexpr std::size_t kMaxHopsInMessage = 12;

bool is_http_url(std::string_view url) {
  return text::istarts_with(url, "http://") || text::istarts_with(url, "https://");
}

std::string format_ms(long ms) {
  if (ms >= 1000 && ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
  return std::to_string(ms) + " ms";
}

// "a → b → c", capped: a long chain keeps its first and last hops.
std::string describe_chain(const std::vector<Redirect>& hops) {
  std::vector<std::string> urls;
  if (!hops.empty()) urls.push_back(url_for_message(hops.front().from));
  for (const Redirect& r : hops) urls.push_back(url_for_message(r.to));
  std::string out;
  for (std::size_t i = 0; i < urls.size(); ++i) {
    if (urls.size() > kMaxHopsInMessage && i == kMaxHopsInMessage / 2) {
      out += " → …";
      i = urls.size() - kMaxHopsInMessage / 2;
    }
    if (!out.empty()) out += " → ";
    out += urls[i];
  }
  return out;
}

// Every fetch Error reads "Could not fetch the page: <why> (<url>)".
Error fetch_error(std::string_view url, const std::string& why_en, const std::string& why_sv) {
  const std::string u = url_for_message(url);
  return Error{"Could not fetch the page: " + why_en + " (" + u + ")",
               "Sidan kunde inte hämtas: " + why_sv + " (" + u + ")"};
}

// "scheme://host:port" in lower case, or "" when curl cannot parse the URL. Used to keep
// the caller's extra headers (credentials, cookies) away from other sites on redirects.
std::string origin_of(const std::string& url) {
  CURLU* u = curl_url();
  if (u == nullptr) return {};
  std::string origin;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char* scheme = nullptr;
    char* host = nullptr;
    char* port = nullptr;
    if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
      origin = text::ascii_lower(std::string(scheme) + "://" + host + ":" + port);
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
  }
  curl_url_cleanup(u);
  return origin;
}

void global_init_once() {
  static std::once_flag once;
  // Never paired with curl_global_cleanup: other threads may still hold handles at exit.
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

struct EasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;

struct Sink {
  std::string body;
  std::size_t max = 0;
  bool over_limit = false;
};

std::size_t on_write(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > sink->max) {
    sink->over_limit = true;
    return 0;  // anything but n makes curl abort with CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

class CurlFetcher final : public Fetcher {
 public:
  Result<Response> get(const std::string& url, const Options& opts) override {
    try {
      return get_impl(url, opts);
    } catch (const std::exception& e) {  // bad_alloc and friends: never cross the boundary
      return fetch_error(url, std::string("internal error: ") + e.what(),
                         std::string("internt fel: ") + e.what());
    }
  }

 private:
  Result<Response> get_impl(const std::string& url, const Options& opts) {
    if (!is_http_url(url)) {
      return fetch_error(url, "only http and https addresses can be fetched",
                         "bara http- och https-adresser kan hämtas");
    }
    global_init_once();
    if (!easy_) easy_.reset(curl_easy_init());
    if (!easy_) {
      return fetch_error(url, "could not start the transfer", "överföringen kunde inte startas");
    }

    Slist headers;
    for (const std::string& h : opts.headers) {
      curl_slist* grown = curl_slist_append(headers.get(), h.c_str());
      if (!grown) return fetch_error(url, "out of memory", "minnet räckte inte");
      (void)headers.release();  // curl_slist_append returns the same list, now longer
      headers.reset(grown);
    }
    const std::string user_agent = opts.user_agent.empty() ? default_user_agent() : opts.user_agent;

    Response response;
    response.url = url;
    guard_.reset(opts);  // one target scope for the whole chain of hops
    std::string current = url;
    std::set<std::string> seen{current};
    const std::string first_origin = origin_of(url);
    const auto start = Clock::now();
    auto elapsed_ms = [&] {
      return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    };

    for (;;) {
      const long budget = opts.total_timeout_ms - static_cast<long>(elapsed_ms());
      if (budget <= 0) return total_timeout(current, opts);
      const long connect_ms = std::min(opts.connect_timeout_ms, budget);

      CURL* h = easy_.get();
      reset_easy(h);  // keeps the connection cache, forgets the previous hop's options
      Sink sink;
      sink.max = opts.max_body_bytes;
      errbuf_.fill('\0');
      curl_easy_setopt(h, CURLOPT_URL, current.c_str());
      curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85: the string form; the bitmask is deprecated
      curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
#else
      curl_easy_setopt(h, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
      curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);   // we follow, to record every hop
      curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);         // threads: no SIGALRM for DNS timeouts
      curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
      curl_easy_setopt(h, CURLOPT_USERAGENT, user_agent.c_str());
      const bool same_origin = !first_origin.empty() && origin_of(current) == first_origin;
      curl_easy_setopt(h, CURLOPT_HTTPHEADER, same_origin ? headers.get() : nullptr);
      if (!opts.cookie_file.empty()) curl_easy_setopt(h, CURLOPT_COOKIEFILE, opts.cookie_file.c_str());
      curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
      curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, budget);
      curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(opts.max_body_bytes));
      curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_write);
      curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
      curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf_.data());
      guard_.install(h);

      const auto hop_start = Clock::now();
      const CURLcode rc = curl_easy_perform(h);
      const long hop_ms = static_cast<long>(
          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - hop_start).count());
      if (rc != CURLE_OK) {
        if (!guard_.refused.empty()) return guard_.error(current);
        return transfer_error(rc, errbuf_.data(), current, opts, sink.over_limit, connect_ms,
                              budget, hop_ms);
      }

      guard_.learn_target(h);
      long status = 0;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
      char* location = nullptr;
      curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &location);  // absolute, resolved by curl
      const bool redirect =
          (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) &&
          location != nullptr;
      if (redirect) {
        std::string to = location;
        response.redirects.push_back(Redirect{current, status, to});
        if (!is_http_url(to)) {
          return fetch_error(
              current, "redirected to an address that is not http or https: " + url_for_message(to),
              "omdirigerades till en adress som inte är http eller https: " + url_for_message(to));
        }
        if (!seen.insert(to).second) {
          const std::string chain = describe_chain(response.redirects);
          return fetch_error(url, "redirect loop: " + chain, "omdirigeringsslinga: " + chain);
        }
        if (response.redirects.size() > static_cast<std::size_t>(std::max(opts.max_redirects, 0))) {
          const std::string chain = describe_chain(response.redirects);
          const std::string limit = std::to_string(opts.max_redirects);
          return fetch_error(url, "too many redirects (more than " + limit + "): " + chain,
                             "för många omdirigeringar (fler än " + limit + "): " + chain);
        }
        current = std::move(to);
        continue;
      }

      char* effective = nullptr;
      curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective);
      char* content_type = nullptr;
      curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &content_type);
      response.final_url = effective ? effective : current;
      response.status = status;
      response.content_type = content_type ? content_type : "";
      response.body = std::move(sink.body);
      response.seconds = std::chrono::duration<double>(Clock::now() - start).count();
      return response;
    }
  }

  static Error total_timeout(std::string_view url, const Options& opts) {
    const std::string t = format_ms(opts.total_timeout_ms);
    return fetch_error(url, "the time limit of " + t + " was exceeded",
                       "tidsgränsen på " + t + " överskreds");
  }

  static Error transfer_error(CURLcode rc, const char* errbuf, std::string_view url,
                              const Options& opts, bool over_limit, long connect_ms, long budget,
                              long hop_ms) {
    // curl's description may quote the server: escaped like everything from the network.
    std::string reason = escape_for_message(errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc), kMaxReasonInMessage);
    const std::string curl_says = " (curl: " + reason + ")";
    auto with_reason = [&](const std::string& en, const std::string& sv) {
      return fetch_error(url, en + curl_says, sv + curl_says);
    };
    switch (rc) {
      case CURLE_OPERATION_TIMEDOUT: {
        // curl reports both deadlines with one code; whichever we were closer to fired.
        if (connect_ms < budget && hop_ms < (connect_ms + budget) / 2) {
          const std::string t = format_ms(opts.connect_timeout_ms);
          return fetch_error(url, "no connection within the connect time limit of " + t,
                             "ingen anslutning inom anslutningstidsgränsen på " + t);
        }
        return total_timeout(url, opts);
      }
      case CURLE_WRITE_ERROR:
      case CURLE_FILESIZE_EXCEEDED:
        if (rc == CURLE_FILESIZE_EXCEEDED || over_limit) {
          const std::string limit = format_size(opts.max_body_bytes);
          return fetch_error(url, "the response is larger than the limit of " + limit,
                             "svaret är större än gränsen på " + limit);
        }
        return with_reason("the response could not be stored", "svaret kunde inte sparas");
      case CURLE_COULDNT_RESOLVE_HOST:
        return with_reason("the host name could not be resolved",
                           "värdnamnet kunde inte slås upp");
      case CURLE_COULDNT_RESOLVE_PROXY:
        return with_reason("the proxy's host name could not be resolved",
                           "proxyns värdnamn kunde inte slås upp");
      case CURLE_COULDNT_CONNECT:
        return with_reason("the server refused the connection or could not be reached",
                           "servern nekade anslutningen eller gick inte att nå");
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_ENGINE_NOTFOUND:
      case CURLE_SSL_ENGINE_SETFAILED:
      case CURLE_SSL_ENGINE_INITFAILED:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      case CURLE_SSL_INVALIDCERTSTATUS:
      case CURLE_SSL_CRL_BADFILE:
      case CURLE_SSL_SHUTDOWN_FAILED:
      case CURLE_USE_SSL_FAILED:
        return with_reason("the secure connection (TLS) failed",
                           "den säkra anslutningen (TLS) misslyckades");
      case CURLE_OUT_OF_MEMORY:
        // What curl says when a response header is over its 100 KB limit (a real shortage
        // of memory would have stopped granska long before a transfer).
        return with_reason("the server's response headers are too large (curl accepts at most 100 KB)",
                           "serverns svarshuvuden är för stora (curl tar emot högst 100 kB)");
      case CURLE_URL_MALFORMAT:
        return with_reason("the address is not a valid URL", "adressen är inte en giltig URL");
      case CURLE_UNSUPPORTED_PROTOCOL:
        return with_reason("only http and https addresses can be fetched",
                           "bara http- och https-adresser kan hämtas");
      case CURLE_BAD_CONTENT_ENCODING:
        return with_reason("the compressed response could not be decoded",
                           "det komprimerade svaret kunde inte avkodas");
      case CURLE_GOT_NOTHING:
      case CURLE_RECV_ERROR:
      case CURLE_SEND_ERROR:
      case CURLE_PARTIAL_FILE:
      case CURLE_HTTP2:
      case CURLE_HTTP2_STREAM:
        return with_reason("the connection was broken off", "anslutningen bröts");
      default: return with_reason("network error", "nätverksfel");
    }
  }

  Easy easy_;
  std::array<char, CURL_ERROR_SIZE> errbuf_{};  // outlives every transfer on easy_
  SocketGuard guard_;  // the address guard of the current get(); outlives its transfers
};

}  // namespace

std::unique_ptr<Fetcher> make_curl_fetcher() { return std::make_unique<CurlFetcher>(); }

std::string default_user_agent() {
  return std::string("granska/") + kVersion + " (+accessibility checker of Malmö stad)";
}

std::string format_size(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  constexpr std::size_t kMiB = 1024 * kKiB;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " kB";
  return std::to_string(bytes) + " B";
}

Status validate_header(std::string_view header) {
  std::size_t colon = header.find(':');
  if (colon == std::string_view::npos) {
    return Error{"the HTTP header has no colon; write \"Name: value\"",
                 "HTTP-huvudet saknar kolon, skriv \"Namn: värde\""};
  }
  std::string_view name = header.substr(0, colon);
  auto tchar = [](char c) {  // RFC 9110 §5.6.2
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  };
  if (name.empty() || !std::all_of(name.begin(), name.end(), tchar)) {
    return Error{"invalid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)",
                 "ogiltigt namn på HTTP-huvud (bara bokstäver, siffror och !#$%&'*+-.^_`|~)"};
  }
  for (char c : header.substr(colon + 1)) {  // RFC 9110 §5.5
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7F) {
      return Error{"the HTTP header value contains a control character (such as a line break)",
                   "HTTP-huvudets värde innehåller ett styrtecken (t.ex. radbrytning)"};
    }
  }
  return ok_status();
}

std::string escape_for_message(std::string_view text, std::size_t max) {
  std::string out;
  for (char c : text.substr(0, max)) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  if (text.size() > max) out = text::truncate_utf8(out, max);
  return out;
}

std::string url_for_message(std::string_view url) {
  // scheme://user:password@host/… → scheme://host/…
  return escape_for_message(url::without_userinfo(url), kMaxUrlInMessage);
}

}  // namespace granska::fetch
