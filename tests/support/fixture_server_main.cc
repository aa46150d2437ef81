// granska-fixture-server --root DIR [--port N] [--port-file FILE] [--no-compress]
// Serves DIR (and the /_test/ endpoints, see fixture_server.h) on 127.0.0.1 until SIGINT or
// SIGTERM. --port-file receives the port once the server listens (for scripts).
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "support/fixture_server.h"

int main(int argc, char** argv) {
  std::string root, port_file;
  int port = 0;
  bool compress = true;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--root" && has_value) {
      root = argv[++i];
    } else if (arg == "--port" && has_value) {
      port = std::atoi(argv[++i]);
    } else if (arg == "--no-compress") {
      compress = false;
    } else if (arg == "--port-file" && has_value) {
      port_file = argv[++i];
    } else {
      std::fprintf(stderr, "usage: %s --root DIR [--port N] [--port-file FILE] [--no-compress]\n", argv[0]);
      return 2;
    }
  }
  if (root.empty()) {
    std::fprintf(stderr, "usage: %s --root DIR [--port N] [--port-file FILE] [--no-compress]\n", argv[0]);
    return 2;
  }

  // Block the signals before the server starts its threads (they inherit the mask), then
  // wait for them here: no async signal handler needed.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  granska::testing::FixtureServer server(root);
  server.set_compression(compress);
  if (!server.start(port)) {
    std::fprintf(stderr, "cannot listen on 127.0.0.1:%d\n", port);
    return 1;
  }
  if (!port_file.empty()) {
    // Write then rename, so a script polling for the file never reads half of it.
    const std::string tmp = port_file + ".tmp";
    std::ofstream(tmp) << server.port() << '\n';
    std::rename(tmp.c_str(), port_file.c_str());
  }
  std::printf("Serving %s on %s\n", root.c_str(), server.url("/").c_str());
  std::fflush(stdout);

  int sig = 0;
  sigwait(&signals, &sig);
  return 0;
}
