// One headless Chromium process, started with a fresh profile and its DevTools pipe on the
// child's file descriptors 3 (commands in) and 4 (answers and events out). Internal to
// src/render: the rest of granska uses render/pool.h.
//
// The process runs in a process group of its own, so killing it ends its renderer and
// helper processes too. The profile directory is removed when the object is destroyed.
// Not thread-safe: the pool owns each ChromiumProcess and calls it under its own lock.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <sys/types.h>

#include "util/result.h"

namespace granska::render {

struct LaunchOptions {
  // The executable; empty: `chromium`, then `chromium-browser`, looked up on PATH.
  std::string chromium_path;
  // Resolve no host name except 127.0.0.1 (`--host-resolver-rules="MAP * ~NOTFOUND,
  // EXCLUDE 127.0.0.1"`): every other name fails to resolve, so tests and demos cannot
  // send a packet off the machine.
  bool loopback_only = false;
  // V8's old-space limit per renderer in MB (--js-flags=--max-old-space-size); 0 = V8's.
  std::size_t js_heap_mb = 0;
};

// The Chromium executable to run: `explicit_path` when given (it must be an executable
// file), else the first of `chromium` and `chromium-browser` on PATH. The Error says what
// was looked for, in English and Swedish.
Result<std::string> find_chromium(const std::string& explicit_path);

// The fixed command line (without the executable): --headless, --no-sandbox, --disable-gpu,
// --disable-quic, --no-first-run, --disable-background-networking, --disable-component-update,
// --disable-sync, --user-data-dir=<profile_dir>, --remote-debugging-pipe, plus the options'
// flags. Exposed for tests and for the decision record.
std::string command_line_flags(const LaunchOptions& options, const std::string& profile_dir);

class ChromiumProcess {
 public:
  // Creates the profile directory and starts the browser. The returned object owns the
  // process; take the pipe ends with take_pipe() and hand them to a cdp::Connection.
  // Error when no executable is found or the process cannot be started. A browser that
  // starts and exits at once is noticed by the first protocol call, not here.
  static Result<std::unique_ptr<ChromiumProcess>> launch(const LaunchOptions& options);

  ChromiumProcess(const ChromiumProcess&) = delete;
  ChromiumProcess& operator=(const ChromiumProcess&) = delete;
  // Kills the process group (if still running), reaps the browser, removes the profile.
  ~ChromiumProcess();

  // The write end (commands to the browser's fd 3) and the read end (the browser's fd 4).
  // Once only: later calls return -1, -1. The caller owns and closes them.
  std::pair<int, int> take_pipe();

  pid_t pid() const { return pid_; }
  const std::string& executable() const { return executable_; }
  const std::string& profile_dir() const { return profile_dir_; }

  // True while the browser process has not exited. Does not reap it, so its process
  // group id stays reserved until kill() or the destructor.
  bool running() const;
  // SIGKILL to the whole process group, then reaps the browser. Idempotent.
  void kill();
  // Waits up to `ms` for the browser to exit by itself (after Browser.close); true if it did.
  bool wait_exit(int ms);
  // Memory of every process in the browser's group, in bytes: the sum of their
  // proportional set sizes (shared pages divided among the processes sharing them; the
  // resident size where /proc has no smaps_rollup). 0 when it cannot be read. Reads /proc:
  // about a millisecond per process.
  std::size_t memory_bytes() const;
  // The last `max_bytes` of what the browser wrote to standard error, for messages when it
  // fails to start.
  std::string stderr_tail(std::size_t max_bytes) const;

 private:
  ChromiumProcess() = default;
  pid_t pid_ = -1;
  bool reaped_ = false;
  int write_fd_ = -1;
  int read_fd_ = -1;
  std::string executable_;
  std::string profile_dir_;
};

}  // namespace granska::render
