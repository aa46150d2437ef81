// What keeps the web app from being overrun: a rate per client, and a bound on checks in
// progress and waiting. Both take the time as a parameter, so tests need no clock.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace granska::serve {

using Clock = std::chrono::steady_clock;

// A token bucket per client: `burst` checks at once, then one every `interval`. Clients
// not seen for a while are forgotten, so the table stays small. Thread-safe.
class RateLimiter {
 public:
  RateLimiter(std::size_t burst, std::chrono::milliseconds interval) : burst_(burst), interval_(interval) {}
  // Takes a token for `client`; when none is left, how long until the next one.
  std::optional<std::chrono::seconds> take(const std::string& client, Clock::time_point now);

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  std::size_t burst_;
  std::chrono::milliseconds interval_;
  std::map<std::string, Bucket> buckets_;
  std::mutex mutex_;
};

// At most `running` checks at once and `waiting` more queued for a turn; a request beyond
// that is turned away at once (503 with Retry-After) instead of piling up. Thread-safe.
class Admission {
 public:
  Admission(std::size_t running, std::size_t waiting) : running_(running), waiting_(waiting) {}

  // A place in the queue, then a turn to run; released on destruction.
  class Ticket {
   public:
    explicit Ticket(Admission* a) : a_(a) {}
    Ticket(Ticket&& o) noexcept : a_(o.a_) { o.a_ = nullptr; }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket() {
      if (a_) a_->release();
    }

   private:
    Admission* a_;
  };

  // Nullopt when `running + waiting` checks are already admitted; otherwise blocks until it
  // is this request's turn (at most `running` at once) and returns its ticket.
  std::optional<Ticket> enter();
  std::size_t admitted() const;

 private:
  void release();
  std::size_t running_, waiting_;
  std::size_t admitted_ = 0, active_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable turn_;
};

}  // namespace granska::serve
