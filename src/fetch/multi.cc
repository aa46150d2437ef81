#include "fetch/multi.h"

#include <curl/curl.h>

#include <array>
#include <chrono>
#include <mutex>
#include <unordered_map>

#include "fetch/easy_reset.h"
#include "fetch/socket_guard.h"
#include "util/text.h"

namespace granska::fetch {

namespace {

using Clock = std::chrono::steady_clock;

void global_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool html_like(std::string_view essence) {
  return essence.empty() || essence == "text/html" || essence == "application/xhtml+xml";
}

Error transfer_error(const std::string& url, CURLcode rc, const char* errbuf, bool over_limit,
                     std::size_t limit, bool& transient) {
  const std::string u = url_for_message(url);
  auto make = [&](const std::string& en, const std::string& sv, bool with_curl) {
    std::string reason = escape_for_message(errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc), 200);
    const std::string tail = with_curl ? " (curl: " + reason + ")" : "";
    return Error{"Could not fetch the page: " + en + tail + " (" + u + ")",
                 "Sidan kunde inte hämtas: " + sv + tail + " (" + u + ")"};
  };
  transient = false;
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
      transient = true;
      return make("the time limit was exceeded", "tidsgränsen överskreds", true);
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
      if (rc == CURLE_FILESIZE_EXCEEDED || over_limit) {
        const std::string l = format_size(limit);
        return make("the response is larger than the limit of " + l,
                    "svaret är större än gränsen på " + l, false);
      }
      return make("the response could not be stored", "svaret kunde inte sparas", true);
    case CURLE_OUT_OF_MEMORY:
      // What curl says when a response header is over its 100 KB limit.
      return make("the server's response headers are too large (curl accepts at most 100 KB)",
                  "serverns svarshuvuden är för stora (curl tar emot högst 100 kB)", true);
    case CURLE_COULDNT_RESOLVE_HOST:
      return make("the host name could not be resolved", "värdnamnet kunde inte slås upp", true);
    case CURLE_COULDNT_CONNECT:
      transient = true;
      return make("the server refused the connection or could not be reached",
                  "servern nekade anslutningen eller gick inte att nå", true);
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      transient = true;
      return make("the connection was broken off", "anslutningen bröts", true);
    case CURLE_TOO_MANY_REDIRECTS:
      return make("too many redirects", "för många omdirigeringar", false);
    case CURLE_BAD_CONTENT_ENCODING:
      return make("the compressed response could not be decoded",
                  "det komprimerade svaret kunde inte avkodas", true);
    default: return make("network error", "nätverksfel", true);
  }
}

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

// Per-transfer context, attached to the easy handle through CURLOPT_PRIVATE.
struct Transfer {
  Request request;
  CURL* easy = nullptr;
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  std::string user_agent;
  std::string body;
  bool over_limit = false;
  bool truncated = false;  // cut at max_body_bytes on purpose (Request::truncate_body)
  bool skipped = false;
  SocketGuard guard;  // every connection of this transfer, redirects curl follows included
  std::array<char, CURL_ERROR_SIZE> errbuf{};
  Clock::time_point start;
  std::string etag, last_modified;  // of the latest response's header block
};

// Header lines of every response (also 1xx and redirect hops); a status line starts a new
// block, so the validators kept are those of the last response.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  const std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    t->etag.clear();
    t->last_modified.clear();
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  const std::string name = text::ascii_lower(text::trim(line.substr(0, colon)));
  std::string_view value = text::trim(line.substr(colon + 1));
  // A validator is sent back as a header later: it must stay one line and not be huge.
  if (value.size() > 512 || value.find_first_of("\r\n") != std::string_view::npos) return n;
  if (name == "etag") t->etag = value;
  if (name == "last-modified") t->last_modified = value;
  return n;
}

std::size_t on_write(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.empty() && t->request.html_bodies_only) {
    char* type = nullptr;
    curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &type);
    long status = 0;
    curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 200 && status < 300 && !html_like(mime_essence(type ? type : ""))) {
      t->skipped = true;
      return 0;  // stop after the headers: the type is all the crawler records
    }
  }
  if (t->body.size() + n > t->request.options.max_body_bytes) {
    if (t->request.truncate_body) {
      t->body.append(data, t->request.options.max_body_bytes - t->body.size());
      t->truncated = true;
      return 0;  // enough read: stop the transfer (a decompression bomb is never inflated whole)
    }
    t->over_limit = true;
    return 0;
  }
  t->body.append(data, n);
  return n;
}

}  // namespace

std::string mime_essence(std::string_view content_type) {
  return text::ascii_lower(text::trim(content_type.substr(0, content_type.find(';'))));
}

struct Multi::Impl {
  CURLM* multi = nullptr;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers;
  std::vector<Completion> immediate;  // failed before starting
  std::vector<CURL*> idle;            // easy handles kept for reuse (connection cache is shared)
};

Multi::Multi(long max_total_connections) : impl_(std::make_unique<Impl>()) {
  global_init_once();
  impl_->multi = curl_multi_init();
  curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, static_cast<long>(CURLPIPE_MULTIPLEX));
  if (max_total_connections > 0) {
    curl_multi_setopt(impl_->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max_total_connections);
  }
}

Multi::~Multi() {
  for (auto& [easy, t] : impl_->transfers) {
    curl_multi_remove_handle(impl_->multi, easy);
    curl_easy_cleanup(easy);
  }
  for (CURL* e : impl_->idle) curl_easy_cleanup(e);
  curl_multi_cleanup(impl_->multi);
}

void Multi::add(Request request) {
  const bool http = text::istarts_with(request.url, "http://") || text::istarts_with(request.url, "https://");
  if (!http) {
    Completion c;
    c.id = request.id;
    c.url = request.url;
    const std::string u = url_for_message(request.url);
    c.error = Error{"Could not fetch the page: only http and https addresses can be fetched (" + u + ")",
                    "Sidan kunde inte hämtas: bara http- och https-adresser kan hämtas (" + u + ")"};
    impl_->immediate.push_back(std::move(c));
    return;
  }
  auto t = std::make_unique<Transfer>();
  t->request = std::move(request);
  CURL* h = nullptr;
  if (!impl_->idle.empty()) {
    h = impl_->idle.back();
    impl_->idle.pop_back();
    reset_easy(h);
  } else {
    h = curl_easy_init();
  }
  t->easy = h;
  const Options& o = t->request.options;
  for (const std::string& line : o.headers) {
    curl_slist* grown = curl_slist_append(t->headers.get(), line.c_str());
    if (grown) {
      (void)t->headers.release();
      t->headers.reset(grown);
    }
  }
  auto add_line = [&](const std::string& line) {
    if (curl_slist* grown = curl_slist_append(t->headers.get(), line.c_str())) {
      (void)t->headers.release();
      t->headers.reset(grown);
    }
  };
  if (!t->request.if_none_match.empty()) add_line("If-None-Match: " + t->request.if_none_match);
  if (!t->request.if_modified_since.empty()) add_line("If-Modified-Since: " + t->request.if_modified_since);
  t->user_agent = o.user_agent.empty() ? default_user_agent() : o.user_agent;
  curl_easy_setopt(h, CURLOPT_URL, t->request.url.c_str());
  curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(h, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, t->request.follow_redirects ? 1L : 0L);
  curl_easy_setopt(h, CURLOPT_MAXREDIRS, static_cast<long>(o.max_redirects));
  // Headers may be credentials. Without follow_redirects each transfer goes to one URL the
  // caller chose; with it, curl would send them on to any redirect target, so callers
  // that follow must not pass secrets (the crawler passes none for robots.txt/sitemaps).
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->headers.get());
  if (!o.cookie_file.empty()) curl_easy_setopt(h, CURLOPT_COOKIEFILE, o.cookie_file.c_str());
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(h, CURLOPT_USERAGENT, t->user_agent.c_str());
  curl_easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(h, CURLOPT_PIPEWAIT, 1L);  // prefer a multiplexed stream to a new connection
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, o.total_timeout_ms);
  // Low-speed timeout: a server trickling bytes must not hold a slot for the whole limit.
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, 100L);
  curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, std::max(1L, o.total_timeout_ms / 3000));
  // A declared size over the cap fails at once, unless the caller wants the first part.
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(t->request.truncate_body ? 0 : o.max_body_bytes));
  t->guard.reset(t->request.options);
  t->guard.install(h);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_write);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, t.get());
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, t.get());
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t->errbuf.data());
  curl_easy_setopt(h, CURLOPT_PRIVATE, t.get());
  t->start = Clock::now();
  curl_multi_add_handle(impl_->multi, h);
  impl_->transfers.emplace(h, std::move(t));
}

std::size_t Multi::in_flight() const { return impl_->transfers.size() + impl_->immediate.size(); }

void Multi::wakeup() { curl_multi_wakeup(impl_->multi); }

std::vector<Completion> Multi::wait(int timeout_ms) {
  std::vector<Completion> done = std::move(impl_->immediate);
  impl_->immediate.clear();
  int running = 0;
  curl_multi_perform(impl_->multi, &running);
  if (done.empty()) {
    curl_multi_poll(impl_->multi, nullptr, 0, timeout_ms, nullptr);
    curl_multi_perform(impl_->multi, &running);
  }
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(impl_->multi, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL* h = msg->easy_handle;
    const CURLcode rc = msg->data.result;
    auto it = impl_->transfers.find(h);
    if (it == impl_->transfers.end()) continue;
    Transfer& t = *it->second;
    Completion c;
    c.id = t.request.id;
    c.url = t.request.url;
    c.seconds = std::chrono::duration<double>(Clock::now() - t.start).count();
    char* effective = nullptr;
    curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective);
    c.final_url = effective ? effective : t.request.url;
    curl_off_t length = -1;
    curl_easy_getinfo(h, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
    c.declared_size = static_cast<long long>(length);
    if (rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && (t.skipped || t.truncated))) {
      c.ok = true;
      curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &c.status);
      char* type = nullptr;
      curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type);
      c.content_type = type ? type : "";
      char* location = nullptr;
      curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &location);
      if (location) c.location = location;
      curl_off_t retry = -1;
      curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &retry);
      if (retry > 0) c.retry_after_s = static_cast<long>(retry);
      c.body = std::move(t.body);
      c.body_skipped = t.skipped;
      c.body_truncated = t.truncated;
      c.etag = std::move(t.etag);
      c.last_modified = std::move(t.last_modified);
    } else if (!t.guard.refused.empty()) {
      c.error = t.guard.error(t.request.url);
    } else {
      c.error = transfer_error(t.request.url, rc, t.errbuf.data(), t.over_limit,
                               t.request.options.max_body_bytes, c.transient);
    }
    curl_multi_remove_handle(impl_->multi, h);
    impl_->transfers.erase(it);
    if (impl_->idle.size() < 64) {
      impl_->idle.push_back(h);
    } else {
      curl_easy_cleanup(h);
    }
    done.push_back(std::move(c));
  }
  return done;
}

}  // namespace granska::fetch
