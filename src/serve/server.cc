#include "serve/server.h"

#include "lazy/lazy.h"
#include "serve/server_module.h"

namespace granska::serve {

namespace {

const detail::ServerModule& module() {
  static const detail::ServerModule& m =
      *static_cast<const detail::ServerModule*>(lazy::module_symbol("granska-serve", "granska_serve_module"));
  return m;
}

}  // namespace

Server::Server(App& app, ServerOptions options)
    : impl_(module().create([&app](const Request& r) { return app.handle(r); }, options)) {}

Server::~Server() {
  stop();
  module().destroy(impl_);
}

Result<int> Server::bind() { return module().bind(impl_); }

void Server::run() { module().run(impl_); }

void Server::stop() { module().stop(impl_); }

}  // namespace granska::serve
