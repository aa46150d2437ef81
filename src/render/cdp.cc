#include "render/cdp.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace granska::render::cdp {

namespace {

void set_nonblocking(int fd) {
  int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

int ms_until(Deadline deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (left <= 0) return 0;
  return left > 60000 ? 60000 : static_cast<int>(left);
}

// write() to a pipe whose reader is gone raises SIGPIPE, which would end granska. Blocking
// the signal in this thread and consuming the one the write raised keeps it local (the
// write then fails with EPIPE). A SIGPIPE already pending before is left alone.
ssize_t write_no_sigpipe(int fd, const char* data, std::size_t size) {
  sigset_t pipe_only;
  sigset_t old;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  sigset_t pending_before;
  sigpending(&pending_before);
  bool was_pending = sigismember(&pending_before, SIGPIPE) == 1;
  pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
  ssize_t n = ::write(fd, data, size);
  int saved = errno;
  if (n < 0 && saved == EPIPE && !was_pending) {
    timespec zero{};
    while (sigtimedwait(&pipe_only, nullptr, &zero) < 0 && errno == EINTR) {
    }
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  errno = saved;
  return n;
}

std::string failure_text(Failure f) {
  switch (f) {
    case Failure::Closed: return "Chromium closed the DevTools pipe (it exited or was killed)";
    case Failure::Protocol: return "Chromium's DevTools pipe broke";
    case Failure::PageCrashed: return "the page's renderer crashed";
    case Failure::Detached: return "the page's tab was closed";
    case Failure::None: break;
  }
  return "no failure";
}

}  // namespace

Connection::Connection(int write_fd, int read_fd, Limits limits)
    : write_fd_(write_fd), read_fd_(read_fd), limits_(limits) {
  set_nonblocking(write_fd_);
  set_nonblocking(read_fd_);
  if (::pipe2(wake_, O_CLOEXEC) != 0) {
    wake_[0] = wake_[1] = -1;
  }
  reader_ = std::thread([this] { reader(); });
}

Connection::~Connection() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  if (wake_[1] >= 0) {
    char c = 1;
    (void)!::write(wake_[1], &c, 1);
  }  // else the reader polls with a timeout and sees stopping_
  if (reader_.joinable()) reader_.join();
  {
    std::lock_guard lock(mu_);
    fail_locked(Failure::Closed, "the DevTools connection was closed");
  }
  ::close(write_fd_);
  ::close(read_fd_);
  for (int fd : wake_) {
    if (fd >= 0) ::close(fd);
  }
}

void Connection::reader() {
  std::string message;
  bool skipping = false;  // inside a message over the size limit, until its NUL
  std::string skipped_prefix;
  std::vector<char> chunk(1 << 16);
  for (;;) {
    pollfd fds[2] = {{read_fd_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
    int nfds = wake_[0] >= 0 ? 2 : 1;
    int rc = ::poll(fds, static_cast<nfds_t>(nfds), wake_[0] >= 0 ? -1 : 200);
    if (rc < 0 && errno == EINTR) continue;
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
    }
    if (nfds == 2 && (fds[1].revents & POLLIN)) return;
    if (rc == 0) continue;
    ssize_t n = ::read(read_fd_, chunk.data(), chunk.size());
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
    if (n <= 0) {
      std::lock_guard lock(mu_);
      fail_locked(Failure::Closed, failure_text(Failure::Closed));
      return;
    }
    const char* p = chunk.data();
    const char* end = p + n;
    while (p < end) {
      const char* nul = static_cast<const char*>(std::memchr(p, '\0', static_cast<std::size_t>(end - p)));
      const char* stop = nul ? nul : end;
      if (skipping) {
        if (nul) {
          skipping = false;
          skip_oversized(skipped_prefix);
        }
      } else {
        message.append(p, stop);
        if (nul) {
          dispatch(message);
          message.clear();
          if (message.capacity() > (4u << 20)) message.shrink_to_fit();
        } else if (message.size() > limits_.max_message_bytes) {
          skipping = true;
          skipped_prefix = message.substr(0, 64);
          message.clear();
          message.shrink_to_fit();
        }
      }
      p = nul ? nul + 1 : end;
    }
    if (!skipping && message.size() > limits_.max_message_bytes) {
      skipping = true;
      skipped_prefix = message.substr(0, 64);
      message.clear();
      message.shrink_to_fit();
    }
  }
}

// An oversized message cannot be parsed, but Chromium writes an answer's id first
// ({"id":12,"result":...}): the call waiting for it fails now instead of at its deadline.
void Connection::skip_oversized(std::string_view prefix) {
  static constexpr std::string_view kIdKey = "{\"id\":";
  if (prefix.substr(0, kIdKey.size()) != kIdKey) return;  // an event: dropped
  std::int64_t id = 0;
  std::size_t i = kIdKey.size();
  bool digits = false;
  while (i < prefix.size() && prefix[i] >= '0' && prefix[i] <= '9' && id < (std::int64_t{1} << 53)) {
    id = id * 10 + (prefix[i] - '0');
    digits = true;
    ++i;
  }
  if (!digits) return;
  std::lock_guard lock(mu_);
  auto it = pending_.find(id);
  if (it == pending_.end() || it->second.done) return;
  it->second.done = true;
  it->second.error = "the answer is larger than " + std::to_string(limits_.max_message_bytes >> 20) + " MB";
  cv_.notify_all();
}

void Connection::dispatch(std::string_view text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  std::lock_guard lock(mu_);
  if (j.is_discarded() || !j.is_object()) {
    fail_locked(Failure::Protocol, "Chromium sent a message that is not a JSON object");
    return;
  }
  auto id_it = j.find("id");
  if (id_it != j.end() && id_it->is_number_integer()) {
    auto it = pending_.find(id_it->get<std::int64_t>());
    if (it == pending_.end() || it->second.done) return;  // its caller gave up
    Pending& p = it->second;
    p.done = true;
    if (auto err = j.find("error"); err != j.end() && err->is_object()) {
      p.error = err->value("message", std::string("error"));
      if (auto data = err->find("data"); data != err->end() && data->is_string()) {
        p.error += " (" + data->get<std::string>() + ")";
      }
    } else {
      p.ok = true;
      if (auto res = j.find("result"); res != j.end()) p.result = std::move(*res);
    }
    cv_.notify_all();
    return;
  }
  auto method_it = j.find("method");
  if (method_it == j.end() || !method_it->is_string()) return;
  std::string method = method_it->get<std::string>();
  std::string session = j.value("sessionId", std::string());
  Json params = j.contains("params") ? std::move(j["params"]) : Json::object();
  if (method == "Inspector.targetCrashed") {
    fail_session_locked(session, Failure::PageCrashed, failure_text(Failure::PageCrashed));
  } else if (method == "Target.detachedFromTarget" && params.contains("sessionId") &&
             params["sessionId"].is_string()) {
    fail_session_locked(params["sessionId"].get<std::string>(), Failure::Detached,
                        failure_text(Failure::Detached));
  }
  auto s = sessions_.find(session);
  if (s == sessions_.end()) return;
  if (s->second.events.size() >= limits_.max_queued_events) {
    ++s->second.dropped;
    return;
  }
  s->second.events.push_back(Event{std::move(method), std::move(params)});
  cv_.notify_all();
}

void Connection::fail_locked(Failure failure, const std::string& reason) {
  if (failure_ == Failure::None) {
    failure_ = failure;
    failure_reason_ = reason;
  }
  for (auto& [id, p] : pending_) {
    if (p.done) continue;
    p.done = true;
    p.error = failure_reason_;
  }
  cv_.notify_all();
}

void Connection::fail_session_locked(const std::string& session, Failure failure, const std::string& reason) {
  if (auto s = sessions_.find(session); s != sessions_.end() && s->second.failure == Failure::None) {
    s->second.failure = failure;
    s->second.reason = reason;
  }
  for (auto& [id, p] : pending_) {
    if (p.done || p.session != session) continue;
    p.done = true;
    p.error = reason;
  }
  cv_.notify_all();
}

void Connection::fail(Failure failure, const std::string& reason) {
  std::lock_guard lock(mu_);
  fail_locked(failure, reason);
}

Failure Connection::failure() const {
  std::lock_guard lock(mu_);
  return failure_;
}

Failure Connection::session_failure(const std::string& session) const {
  std::lock_guard lock(mu_);
  if (failure_ != Failure::None) return failure_;
  auto s = sessions_.find(session);
  return s == sessions_.end() ? Failure::None : s->second.failure;
}

Status Connection::write_all(const std::string& data, Deadline deadline) {
  std::lock_guard lock(write_mu_);
  const char* p = data.data();
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = write_no_sigpipe(write_fd_, p, left);
    if (n > 0) {
      p += n;
      left -= static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) {
      if (Clock::now() >= deadline) return Error{"Chromium stopped reading its DevTools pipe"};
      pollfd pfd{write_fd_, POLLOUT, 0};
      ::poll(&pfd, 1, ms_until(deadline) > 100 ? 100 : ms_until(deadline) + 1);
      continue;
    }
    return Error{failure_text(Failure::Closed)};
  }
  return ok_status();
}

Result<std::int64_t> Connection::send(std::string_view method, const Json& params, const std::string& session,
                                      Deadline deadline) {
  std::int64_t id = 0;
  {
    std::lock_guard lock(mu_);
    if (failure_ != Failure::None) return Error{failure_reason_};
    if (!session.empty()) {
      auto s = sessions_.find(session);
      if (s != sessions_.end() && s->second.failure != Failure::None) return Error{s->second.reason};
    }
    id = next_id_++;
    Pending& p = pending_[id];
    p.session = session;
    p.method = std::string(method);
  }
  Json msg = {{"id", id}, {"method", method}, {"params", params.is_null() ? Json::object() : params}};
  if (!session.empty()) msg["sessionId"] = session;
  std::string text = msg.dump(-1, ' ', false, Json::error_handler_t::replace);
  text.push_back('\0');
  Status written = write_all(text, deadline);
  if (!written.ok()) {
    std::lock_guard lock(mu_);
    pending_.erase(id);
    // A message cut short leaves the pipe out of step: nothing after it can be trusted.
    fail_locked(Failure::Protocol, written.error().message);
    return written.error();
  }
  return id;
}

Result<Json> Connection::wait(std::int64_t id, Deadline deadline) {
  std::unique_lock lock(mu_);
  auto it = pending_.find(id);
  if (it == pending_.end()) return Error{"no DevTools call with id " + std::to_string(id)};
  cv_.wait_until(lock, deadline, [&] { return it->second.done; });
  Pending p = std::move(it->second);
  pending_.erase(it);
  if (!p.done) return Error{"Chromium did not answer " + p.method + " in time"};
  if (!p.ok) return Error{p.method + ": " + p.error};
  return std::move(p.result);
}

Result<Json> Connection::call(std::string_view method, const Json& params, const std::string& session,
                              Deadline deadline) {
  Result<std::int64_t> id = send(method, params, session, deadline);
  if (!id.ok()) return id.error();
  return wait(*id, deadline);
}

void Connection::open_session(const std::string& session) {
  std::lock_guard lock(mu_);
  sessions_.try_emplace(session);
}

void Connection::close_session(const std::string& session) {
  std::lock_guard lock(mu_);
  sessions_.erase(session);
}

bool Connection::answered(std::int64_t id) const {
  std::lock_guard lock(mu_);
  auto it = pending_.find(id);
  return it == pending_.end() || it->second.done;
}

Result<std::optional<Event>> Connection::next_event(const std::string& session, Deadline deadline,
                                                    std::int64_t or_answer) {
  std::unique_lock lock(mu_);
  for (;;) {
    auto s = sessions_.find(session);
    if (s == sessions_.end()) return Error{"DevTools session is not open"};
    if (!s->second.events.empty()) {
      Event e = std::move(s->second.events.front());
      s->second.events.pop_front();
      return std::optional<Event>(std::move(e));
    }
    if (s->second.failure != Failure::None) return Error{s->second.reason};
    if (failure_ != Failure::None) return Error{failure_reason_};
    if (or_answer != 0) {
      auto p = pending_.find(or_answer);
      if (p == pending_.end() || p->second.done) return std::optional<Event>();
    }
    if (cv_.wait_until(lock, deadline) == std::cv_status::timeout) {
      // One last look: an event may have arrived together with the timeout.
      auto again = sessions_.find(session);
      if (again != sessions_.end() && !again->second.events.empty()) continue;
      return std::optional<Event>();
    }
  }
}

std::size_t Connection::dropped_events(const std::string& session) const {
  std::lock_guard lock(mu_);
  auto s = sessions_.find(session);
  return s == sessions_.end() ? 0 : s->second.dropped;
}

}  // namespace granska::render::cdp
