#include "support/fixture_server.h"

// Debian splits cpp-httplib into this header and libcpp-httplib.so, built with the three
// options below; the header must see the same ones or Request's layout differs from the
// library's. pkg-config's cpp-httplib Cflags pass them too; these guards then do nothing.
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#define CPPHTTPLIB_OPENSSL_SUPPORT
#endif
#ifndef CPPHTTPLIB_ZLIB_SUPPORT
#define CPPHTTPLIB_ZLIB_SUPPORT
#endif
#ifndef CPPHTTPLIB_BROTLI_SUPPORT
#define CPPHTTPLIB_BROTLI_SUPPORT
#endif
#include <httplib.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <ctime>

namespace granska::testing {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxBigBytes = 512u * 1024 * 1024;
constexpr long kMaxSlowMs = 60000;
constexpr std::size_t kStreamChunk = 16 * 1024;

constexpr std::string_view kPage =
    "<!doctype html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Testsida</title>"
    "</head>\n<body><h1>Välkommen till Malmö</h1><p>Åäö ÅÄÖ é.</p></body></html>\n";

constexpr std::string_view kPdf =
    "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

std::string_view type_for_extension(std::string ext) {
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  struct Type {
    std::string_view ext, type;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".xhtml", "application/xhtml+xml"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".xml", "application/xml"},
      {".txt", "text/plain; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".pdf", "application/pdf"},
      {".mp4", "video/mp4"},
      {".webm", "video/webm"},
      {".vtt", "text/vtt; charset=utf-8"},
  };
  for (const Type& t : kTypes) {
    if (t.ext == ext) return t.type;
  }
  return "application/octet-stream";
}

bool read_whole_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  out = buf.str();
  return true;
}

// gzip with "stored" (uncompressed) deflate blocks: a valid stream for any client, and no
// compression library needed here.
std::uint32_t crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (char c : data) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

void put_le(std::string& out, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::string gzip_stored(std::string_view data) {
  std::string out("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\xFF", 10);  // header, no mtime, OS=?
  std::size_t pos = 0;
  do {
    const std::size_t n = std::min<std::size_t>(data.size() - pos, 0xFFFF);
    const bool last = pos + n == data.size();
    out += static_cast<char>(last ? 1 : 0);  // BFINAL, BTYPE=00 (stored)
    put_le(out, static_cast<std::uint32_t>(n), 2);
    put_le(out, static_cast<std::uint32_t>(~n & 0xFFFF), 2);
    out.append(data.substr(pos, n));
    pos += n;
  } while (pos < data.size());
  put_le(out, crc32(data), 4);
  put_le(out, static_cast<std::uint32_t>(data.size()), 4);
  return out;
}

long param_long(const httplib::Request& req, const char* name, long fallback) {
  if (!req.has_param(name)) return fallback;
  try {
    return std::stol(req.get_param_value(name));
  } catch (const std::exception&) {
    return fallback;
  }
}

// A query-safe local path ("/a/b.html"), or "" when it is anything else.
std::string safe_local_path(const std::string& p) {
  if (p.empty() || p[0] != '/' || p.starts_with("//") || p.find("..") != std::string::npos) {
    return {};
  }
  for (char c : p) {
    const bool ok =
        std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' || c == '_' || c == '-';
    if (!ok) return {};
  }
  return p;
}

// RFC 9110 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") of a time in seconds since 1970.
std::string http_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

// Parses an IMF-fixdate; -1 when it is not one.
std::time_t parse_http_date(const std::string& s) {
  std::tm tm{};
  const char* end = strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return -1;
  return timegm(&tm);
}

}  // namespace

struct FixtureServer::Impl {
  explicit Impl(std::string root_dir) : root(std::move(root_dir)) {}

  std::string root;
  httplib::Server server;
  std::thread thread;
  std::atomic<bool> stopping{false};
  std::atomic<bool> gate_open{false};
  int port = 0;
  mutable std::mutex mu;
  std::vector<std::string> log;
  std::set<std::string> seen_429;
  bool compress = true;

  // Sleeps up to `ms`, returning early when the server stops.
  void sleep_ms(long ms) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!stopping && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  void routes() {
    server.Get("/_test/page", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(kPage), "text/html; charset=utf-8");
    });

    server.Get(R"(/_test/status/(\d{3}))", [](const httplib::Request& req, httplib::Response& res) {
      const int code = std::stoi(req.matches[1].str());
      if (code < 200 || code > 599) {
        res.status = 400;
        res.set_content("status must be 200-599\n", "text/plain");
        return;
      }
      res.status = code;
      if (code == 204 || code == 304) return;  // no body allowed
      const std::string c = std::to_string(code);
      res.set_content("<!doctype html>\n<html lang=\"en\"><title>HTTP " + c + "</title><h1>" + c +
                          "</h1></html>\n",
                      "text/html; charset=utf-8");
    });

    server.Get("/_test/slow", [this](const httplib::Request& req, httplib::Response& res) {
      sleep_ms(std::clamp(param_long(req, "ms", 1000), 0L, kMaxSlowMs));
      res.set_content(std::string(kPage), "text/html; charset=utf-8");
    });

    server.Get("/_test/gate", [this](const httplib::Request&, httplib::Response& res) {
      const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(kMaxSlowMs);
      while (!gate_open && !stopping && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
      res.set_content(std::string(kPage), "text/html; charset=utf-8");
    });

    server.Get("/_test/redirect-loop", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/_test/redirect-loop/b", 302);
    });
    server.Get("/_test/redirect-loop/b", [](const httplib::Request&, httplib::Response& res) {
      res.set_redirect("/_test/redirect-loop", 302);
    });

    server.Get("/_test/redirect", [](const httplib::Request& req, httplib::Response& res) {
      const long status = param_long(req, "status", 302);
      res.set_redirect(req.get_param_value("to"), static_cast<int>(std::clamp(status, 300L, 399L)));
    });

    auto chain = [](const char* next, int status) {
      return [next, status](const httplib::Request& req, httplib::Response& res) {
        const std::string to = safe_local_path(req.get_param_value("to"));
        if (next == nullptr) {
          res.set_redirect(to.empty() ? "/_test/page" : to, status);
        } else {
          res.set_redirect(std::string(next) + (to.empty() ? "" : "?to=" + to), status);
        }
      };
    };
    server.Get("/_test/redirect-chain", chain("/_test/redirect-chain/2", 301));
    server.Get("/_test/redirect-chain/2", chain("/_test/redirect-chain/3", 302));
    server.Get("/_test/redirect-chain/3", chain(nullptr, 307));

    server.Get("/_test/gzip", [](const httplib::Request& req, httplib::Response& res) {
      res.set_header("Vary", "Accept-Encoding");
      if (req.get_header_value("Accept-Encoding").find("gzip") == std::string::npos) {
        res.set_content(std::string(kPage), "text/html; charset=utf-8");
        return;
      }
      // A length-known provider: httplib sends it as is (it compresses only set_content
      // bodies and chunked streams), so the client sees exactly our gzip bytes.
      auto body = std::make_shared<std::string>(gzip_stored(kPage));
      res.set_header("Content-Encoding", "gzip");
      res.set_content_provider(
          body->size(), "text/html; charset=utf-8",
          [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            return sink.write(body->data() + offset, length);
          });
    });

    server.Get("/_test/big", [this](const httplib::Request& req, httplib::Response& res) {
      const auto total = static_cast<std::size_t>(
          std::clamp(param_long(req, "bytes", 1024), 0L, static_cast<long>(kMaxBigBytes)));
      // Byte i of the body: a small HTML head, then 'x' for the rest.
      auto fill = [](std::string& chunk, std::size_t offset, std::size_t n) {
        static constexpr std::string_view kHead = "<!doctype html><title>big</title><p>";
        chunk.assign(n, 'x');
        for (std::size_t i = offset; i < kHead.size() && i < offset + n; ++i) {
          chunk[i - offset] = kHead[i];
        }
      };
      if (param_long(req, "chunked", 0) != 0) {
        res.set_chunked_content_provider(
            "text/html; charset=utf-8",
            [this, total, fill](std::size_t offset, httplib::DataSink& sink) {
              if (stopping || offset >= total) {
                sink.done();
                return !stopping;
              }
              std::string chunk;
              fill(chunk, offset, std::min(kStreamChunk, total - offset));
              return sink.write(chunk.data(), chunk.size());
            });
        return;
      }
      res.set_content_provider(
          total, "text/html; charset=utf-8",
          [this, fill](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            if (stopping) return false;
            std::string chunk;
            fill(chunk, offset, std::min(kStreamChunk, length));
            return sink.write(chunk.data(), chunk.size());
          });
    });

    server.Get("/_test/binary", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(kPdf), "text/html; charset=utf-8");
    });
    server.Get("/_test/wrong-type", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(kPage), "application/pdf");
    });
    // Hostile answers (issue #16): an escape sequence in the Content-Type and the Location,
    // and a response header of ?bytes=N (default 300 KB).
    server.Get("/_test/evil-type", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(kPage), "application/\x1b[31mevil\x1b]0;title\x07");
    });
    server.Get("/_test/evil-location", [](const httplib::Request&, httplib::Response& res) {
      res.status = 302;
      res.set_header("Location", "gopher://x/\x1b[2J\x1b[31mevil");
    });
    server.Get("/_test/huge-header", [](const httplib::Request& req, httplib::Response& res) {
      std::size_t n = 300 * 1024;
      if (req.has_param("bytes")) n = std::min<std::size_t>(std::stoul(req.get_param_value("bytes")), 4 << 20);
      res.set_header("X-Huge", std::string(n, 'a'));
      res.set_content(std::string(kPage), "text/html; charset=utf-8");
    });
    server.Get("/_test/echo-ua", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.get_header_value("User-Agent"), "text/plain; charset=utf-8");
    });
    server.Get("/_test/echo-header", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.get_header_value(req.get_param_value("name")),
                      "text/plain; charset=utf-8");
    });

    server.Get("/_test/429-once", [this](const httplib::Request& req, httplib::Response& res) {
      bool first = false;
      {
        std::lock_guard lock(mu);
        first = seen_429.insert(req.get_param_value("id")).second;
      }
      if (first) {
        res.status = 429;
        res.set_header("Retry-After", "1");
        res.set_content("slow down\n", "text/plain");
        return;
      }
      res.set_content(std::string(kPage), "text/html; charset=utf-8");
    });
    server.Get("/_test/calendar", [](const httplib::Request& req, httplib::Response& res) {
      const long m = param_long(req, "month", 0);
      const std::string prev = std::to_string(m - 1), next = std::to_string(m + 1);
      res.set_content("<!doctype html><html lang=\"sv\"><title>Kalender " + std::to_string(m) +
                          "</title><h1>Evenemang</h1><a href=\"?month=" + prev +
                          "\">Föregående månad</a> <a href=\"?month=" + next + "\">Nästa månad</a></html>",
                      "text/html; charset=utf-8");
    });

    server.Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
      serve_file(req, res);
    });
  }

  void serve_file(const httplib::Request& req, httplib::Response& res) {
    const std::string& url_path = req.path;
    auto not_found = [&res] {
      res.status = 404;
      res.set_content("<!doctype html>\n<title>404</title><h1>Not found</h1>\n",
                      "text/html; charset=utf-8");
    };
    const fs::path rel = fs::path(url_path).relative_path();
    for (const fs::path& part : rel) {
      if (part == "..") {
        res.status = 403;
        res.set_content("forbidden\n", "text/plain");
        return;
      }
    }
    fs::path file = fs::path(root) / rel;
    std::error_code ec;
    // "<name>.xml.gz" without such a file: "<name>.xml" (origin substituted) gzipped, so
    // sitemaps with absolute loopback URLs can be tested compressed.
    bool gzip_it = false;
    if (file.extension() == ".gz" && !fs::exists(file, ec) && file.stem().extension() == ".xml") {
      file.replace_extension();
      gzip_it = true;
    }
    if (fs::is_directory(file, ec)) file /= "index.html";
    if (file.extension() == ".content-type" || !fs::is_regular_file(file, ec)) {
      not_found();
      return;
    }
    // Validators for conditional requests (RFC 9110 §8.8, §13): a strong ETag from the
    // file's size and modification time, and Last-Modified at one-second resolution.
    const auto mtime = fs::last_write_time(file, ec);
    const auto sys = std::chrono::file_clock::to_sys(mtime);
    const auto mtime_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(sys.time_since_epoch()).count();
    const std::time_t mtime_s = std::chrono::system_clock::to_time_t(
        std::chrono::time_point_cast<std::chrono::system_clock::duration>(sys));
    std::ostringstream tag;
    tag << '"' << std::hex << fs::file_size(file, ec) << '-' << mtime_ns << '"';
    const std::string etag = tag.str();
    res.set_header("ETag", etag);
    res.set_header("Last-Modified", http_date(mtime_s));
    if (req.has_header("If-None-Match")) {
      // Weak comparison (§13.1.2): a list of tags or "*".
      const std::string inm = req.get_header_value("If-None-Match");
      if (inm.find(etag) != std::string::npos || inm == "*") {
        res.status = 304;
        return;
      }
    } else if (req.has_header("If-Modified-Since")) {
      const std::time_t since = parse_http_date(req.get_header_value("If-Modified-Since"));
      if (since >= 0 && mtime_s <= since) {
        res.status = 304;
        return;
      }
    }
    std::string body;
    if (!read_whole_file(file, body)) {
      not_found();
      return;
    }
    std::string type(type_for_extension(file.extension().string()));
    if (file.extension() == ".xml" || file.extension() == ".txt") {
      const std::string origin = "http://127.0.0.1:" + std::to_string(port);
      for (std::size_t at = body.find("{{ORIGIN}}"); at != std::string::npos; at = body.find("{{ORIGIN}}", at)) {
        body.replace(at, 10, origin);
        at += origin.size();
      }
    }
    std::string sidecar;
    if (read_whole_file(file.string() + ".content-type", sidecar)) {
      type = sidecar.substr(0, sidecar.find_first_of("\r\n"));
    }
    if (gzip_it) {
      auto gz = std::make_shared<std::string>(gzip_stored(body));
      res.set_content_provider(gz->size(), "application/x-gzip",
                               [gz](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 return sink.write(gz->data() + offset, length);
                               });
      return;
    }
    if (!compress) {
      // A length-known provider is sent as is: no on-the-fly compression (benchmarks).
      auto shared = std::make_shared<std::string>(std::move(body));
      res.set_content_provider(shared->size(), type,
                               [shared](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                 return sink.write(shared->data() + offset, length);
                               });
      return;
    }
    res.set_content(std::move(body), type);
  }
};

FixtureServer::FixtureServer(std::string root_dir)
    : impl_(std::make_unique<Impl>(std::move(root_dir))) {
  impl_->routes();
  impl_->server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
    std::lock_guard lock(impl_->mu);
    impl_->log.push_back(req.target);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // An idle keep-alive connection holds a worker until this timeout, and the destructor
  // waits for workers: keep it short.
  impl_->server.set_keep_alive_timeout(1);
  // Headers and body go out in separate writes; without this, Nagle + delayed ACK add
  // 40 ms to many requests.
  impl_->server.set_tcp_nodelay(true);
}

FixtureServer::~FixtureServer() {
  impl_->stopping = true;
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

bool FixtureServer::start(int port) {
  if (impl_->thread.joinable()) return false;
  httplib::Server& s = impl_->server;
  if (port == 0) {
    impl_->port = s.bind_to_any_port("127.0.0.1");
    if (impl_->port <= 0) return false;
  } else {
    if (!s.bind_to_port("127.0.0.1", port)) return false;
    impl_->port = port;
  }
  // The socket already listens (connections queue in the backlog); wait until the accept
  // loop runs so that stop() in the destructor cannot race with its start.
  impl_->thread = std::thread([this] { impl_->server.listen_after_bind(); });
  for (int i = 0; i < 500 && !s.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return s.is_running();
}

void FixtureServer::set_compression(bool on) { impl_->compress = on; }

int FixtureServer::port() const { return impl_->port; }

std::vector<std::string> FixtureServer::requests() const {
  std::lock_guard lock(impl_->mu);
  return impl_->log;
}

void FixtureServer::open_gate() { impl_->gate_open = true; }

std::string FixtureServer::url(std::string_view path) const {
  std::string out = "http://127.0.0.1:" + std::to_string(impl_->port);
  if (!path.starts_with('/')) out += '/';
  out += path;
  return out;
}

}  // namespace granska::testing
