// The HTTP server that carries requests to the web app: cpp-httplib, behind this one
// class. http_server.cc is the only file that includes it, built as granska's module
// granska-serve.so and opened when a server is made (src/lazy/lazy.h), so that no other
// command pays for loading cpp-httplib and the TLS libraries it brings. Binds 127.0.0.1 by default: the
// app is meant to sit behind the city's reverse proxy, which adds TLS and single sign-on
// (docs/serve.md).
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "serve/app.h"
#include "util/result.h"

namespace granska::serve {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  int port = 8080;                // 0: any free port (tests)
  std::size_t threads = 16;       // connections served at once; checks are bounded by the App
  std::size_t max_request_bytes = 16 * 1024 * 1024;  // larger bodies get a bare 413
  int read_timeout_seconds = 30;  // a slow client cannot hold a thread longer
  // One line per request (method, path, status, milliseconds) when set.
  std::function<void(const std::string&)> log;
};

class Server {
 public:
  Server(App& app, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address; returns the port (the chosen one when options.port is 0).
  Result<int> bind();
  // Serves until stop() is called. Precondition: bind() succeeded.
  void run();
  // Stops run(); callable from any thread.
  void stop();

 private:
  void* impl_ = nullptr;  // the module's server
};

}  // namespace granska::serve
