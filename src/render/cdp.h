// The Chrome DevTools Protocol over Chromium's --remote-debugging-pipe: JSON messages, each
// ended by a NUL byte, written to the browser's fd 3 and read from its fd 4. Internal to
// src/render.
//
// A Connection is shared by every tab of one browser (flatten mode: a page's commands and
// events carry its sessionId). One reader thread splits and parses incoming messages and
// routes each answer to the call waiting for its id and each event to its session's queue.
// Every method is thread-safe and every wait has a deadline, so a browser that dies, hangs
// or sends garbage makes calls return an Error; nothing blocks forever.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include <nlohmann/json.hpp>

#include "util/result.h"

namespace granska::render::cdp {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using Deadline = Clock::time_point;

inline Deadline after_ms(long ms) { return Clock::now() + std::chrono::milliseconds(ms); }

struct Limits {
  // A message larger than this is skipped (up to its NUL); the call waiting for it gets an
  // Error. DOM snapshots of very large pages are tens of MB.
  std::size_t max_message_bytes = 256u << 20;
  // Events waiting in one session's queue; later ones are dropped and counted.
  std::size_t max_queued_events = 20000;
};

struct Event {
  std::string method;
  Json params;
};

// Why a connection or session stopped working; Calls then fail with a message saying so.
enum class Failure : std::uint8_t {
  None,
  Closed,       // the browser closed its end (it exited or was killed)
  Protocol,     // a message was not JSON, or a write failed
  PageCrashed,  // Inspector.targetCrashed for the session: its renderer died
  Detached,     // Target.detachedFromTarget: the session's target went away
};

class Connection {
 public:
  // Takes ownership of both descriptors (closed by the destructor) and starts the reader.
  Connection(int write_fd, int read_fd, Limits limits = {});
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Sends a command (session "" = the browser itself) and returns its id. Error when the
  // connection or session has failed or the write does not finish by `deadline`.
  Result<std::int64_t> send(std::string_view method, const Json& params, const std::string& session,
                            Deadline deadline);
  // The answer to `id`: its "result" object, or an Error for a protocol error answer, a
  // failed connection or session, or the deadline. Each id can be waited for once.
  Result<Json> wait(std::int64_t id, Deadline deadline);
  // send() then wait().
  Result<Json> call(std::string_view method, const Json& params, const std::string& session,
                    Deadline deadline);

  // Events of `session` are queued from open_session() until close_session(); events of
  // sessions not open are dropped.
  void open_session(const std::string& session);
  void close_session(const std::string& session);
  // The next queued event of an open session: an Event, nullopt at the deadline (or, with
  // `or_answer` set, as soon as the call with that id has its answer), or Error when the
  // session or connection failed (queued events are delivered first). Waiting for events
  // and an answer together matters when the answer depends on them: Page.navigate answers
  // only once the document's request went through, which may need Fetch.requestPaused
  // handled first.
  Result<std::optional<Event>> next_event(const std::string& session, Deadline deadline,
                                          std::int64_t or_answer = 0);
  // True once the call `id` has its answer (or failed); wait() then returns at once.
  bool answered(std::int64_t id) const;
  // Events dropped for `session` because its queue was full.
  std::size_t dropped_events(const std::string& session) const;

  // Fails every pending and later call with `reason` (the pool does this when it decides
  // the browser is dead or hung).
  void fail(Failure failure, const std::string& reason);
  Failure failure() const;
  Failure session_failure(const std::string& session) const;

 private:
  struct Pending {
    std::string session;
    std::string method;
    bool done = false;
    bool ok = false;
    Json result;
    std::string error;
  };
  struct Session {
    std::deque<Event> events;
    std::size_t dropped = 0;
    Failure failure = Failure::None;
    std::string reason;
  };

  void reader();
  void dispatch(std::string_view message);
  void skip_oversized(std::string_view prefix);
  void fail_locked(Failure failure, const std::string& reason);
  void fail_session_locked(const std::string& session, Failure failure, const std::string& reason);
  Status write_all(const std::string& data, Deadline deadline);

  int write_fd_;
  int read_fd_;
  int wake_[2] = {-1, -1};  // the destructor writes here to stop the reader's poll()
  Limits limits_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::mutex write_mu_;  // one message at a time on the pipe
  std::int64_t next_id_ = 1;
  std::map<std::int64_t, Pending> pending_;  // a map: wait() keeps an iterator across waits
  std::map<std::string, Session, std::less<>> sessions_;
  Failure failure_ = Failure::None;
  bool stopping_ = false;
  std::string failure_reason_;
  std::thread reader_;
};

}  // namespace granska::render::cdp
