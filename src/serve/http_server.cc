// The granska-serve module: cpp-httplib carrying requests to the web app (server_module.h).
#include <httplib.h>

#include <chrono>

#include "serve/server_module.h"
#include "util/text.h"

namespace granska::serve {

namespace {

struct HttpServer {
  detail::Handler handle;
  ServerOptions options;
  httplib::Server http;
};

Request convert(const httplib::Request& in) {
  Request r;
  r.method = in.method;
  r.path = in.path;
  if (const std::size_t q = in.target.find('?'); q != std::string::npos) {
    r.query = parse_query(std::string_view(in.target).substr(q + 1));
  }
  for (const auto& [name, value] : in.headers) r.headers.emplace(text::ascii_lower(name), value);
  r.body = in.body;
  r.remote_address = in.remote_addr;
  const std::string type = text::ascii_lower(in.get_header_value("Content-Type"));
  if (type.starts_with("application/x-www-form-urlencoded")) {
    r.form = parse_query(in.body);
  } else if (type.starts_with("multipart/form-data")) {
    // Parts with a file name are uploads, the rest form fields; both stay in memory.
    for (const auto& [name, part] : in.files) {
      if (part.filename.empty() && name != "file") {
        r.form.emplace(name, part.content);
      } else {
        r.files.emplace(name, Upload{part.filename, part.content_type, part.content});
      }
    }
  }
  return r;
}

void* create(detail::Handler handle, const ServerOptions& options) {
  auto* server = new HttpServer{std::move(handle), options, {}};
  HttpServer& s = *server;
  const std::size_t threads = std::max<std::size_t>(2, s.options.threads);
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.http.set_payload_max_length(s.options.max_request_bytes);
  s.http.set_read_timeout(s.options.read_timeout_seconds, 0);
  s.http.set_write_timeout(s.options.read_timeout_seconds, 0);
  s.http.set_keep_alive_max_count(50);
  auto handler = [server](const httplib::Request& in, httplib::Response& out) {
    const auto start = std::chrono::steady_clock::now();
    const Response r = server->handle(convert(in));
    out.status = r.status;
    for (const auto& [name, value] : r.headers) out.set_header(name, value);
    out.set_content(r.body, r.content_type);
    if (server->options.log) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
      server->options.log(in.method + " " + in.path + " " + std::to_string(r.status) + " " + std::to_string(ms) + " ms");
    }
  };
  const std::string any = ".*";
  s.http.Get(any, handler);
  s.http.Post(any, handler);
  s.http.Put(any, handler);
  s.http.Delete(any, handler);
  s.http.Patch(any, handler);
  s.http.Options(any, handler);
  return server;
}

Result<int> bind(void* server) {
  HttpServer& s = *static_cast<HttpServer*>(server);
  int port = s.options.port;
  bool ok = false;
  if (port == 0) {
    port = s.http.bind_to_any_port(s.options.bind);
    ok = port > 0;
  } else {
    ok = s.http.bind_to_port(s.options.bind, port);
  }
  if (!ok) {
    const std::string where = s.options.bind + ":" + std::to_string(s.options.port);
    return Error{"could not listen on " + where + " (in use, or not an address of this machine?)",
                 "kunde inte lyssna på " + where + " (upptagen, eller inte en adress på den här datorn?)"};
  }
  return port;
}

void run(void* server) { static_cast<HttpServer*>(server)->http.listen_after_bind(); }

void stop(void* server) {
  auto* s = static_cast<HttpServer*>(server);
  if (s && s->http.is_running()) s->http.stop();
}

void destroy(void* server) { delete static_cast<HttpServer*>(server); }

}  // namespace

}  // namespace granska::serve

extern "C" const granska::serve::detail::ServerModule granska_serve_module = {
    granska::serve::create, granska::serve::bind, granska::serve::run, granska::serve::stop,
    granska::serve::destroy};
