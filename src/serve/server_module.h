// The interface of the granska-serve module (http_server.cc, cpp-httplib), opened by
// server.cc. Both sides are built together from this header; internal to src/serve.
#pragma once

#include <functional>

#include "serve/http.h"
#include "serve/server.h"
#include "util/result.h"

namespace granska::serve::detail {

using Handler = std::function<Response(const Request&)>;

struct ServerModule {
  void* (*create)(Handler handler, const ServerOptions& options);
  Result<int> (*bind)(void* server);
  void (*run)(void* server);
  void (*stop)(void* server);
  void (*destroy)(void* server);
};

}  // namespace granska::serve::detail

// Exported by the module under this unmangled name.
extern "C" const granska::serve::detail::ServerModule granska_serve_module;
