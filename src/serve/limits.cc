#include "serve/limits.h"

#include <algorithm>
#include <cmath>

namespace granska::serve {

std::optional<std::chrono::seconds> RateLimiter::take(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const double per_ms = 1.0 / static_cast<double>(std::max<long long>(interval_.count(), 1));
  // Forget clients whose bucket has been full again for a while.
  if (buckets_.size() > 10000) {
    const auto full_after = interval_ * static_cast<long long>(burst_);
    std::erase_if(buckets_, [&](const auto& kv) { return now - kv.second.updated > full_after; });
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{static_cast<double>(burst_), now});
  Bucket& b = it->second;
  if (!fresh) {
    const double ms = std::chrono::duration<double, std::milli>(now - b.updated).count();
    b.tokens = std::min(static_cast<double>(burst_), b.tokens + std::max(ms, 0.0) * per_ms);
    b.updated = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return std::nullopt;
  }
  const double wait_ms = (1.0 - b.tokens) / per_ms;
  return std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(wait_ms / 1000.0))));
}

std::optional<Admission::Ticket> Admission::enter() {
  std::unique_lock lock(mutex_);
  if (admitted_ >= running_ + waiting_) return std::nullopt;
  ++admitted_;
  turn_.wait(lock, [&] { return active_ < running_; });
  ++active_;
  return Ticket(this);
}

void Admission::release() {
  {
    std::lock_guard lock(mutex_);
    --active_;
    --admitted_;
  }
  turn_.notify_one();
}

std::size_t Admission::admitted() const {
  std::lock_guard lock(mutex_);
  return admitted_;
}

}  // namespace granska::serve
