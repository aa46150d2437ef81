// The running bounds of one open(): a deadline and counters that end the work with a
// LimitReached when a hostile or huge document would take too long or too much memory.
// Internal to src/documents.
#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>

#include "documents/document.h"

namespace granska::documents::detail {

// Thrown inside the module only; open() turns it into an Error or a note.
struct LimitReached : std::runtime_error {
  LimitReached(std::string en, std::string sv) : std::runtime_error(en), sv_text(std::move(sv)) {}
  std::string sv_text;
};

class Budget {
 public:
  explicit Budget(const Limits& limits)
      : limits_(limits), deadline_(std::chrono::steady_clock::now() + limits.max_time) {}

  const Limits& limits() const { return limits_; }

  void check_time() const {
    if (std::chrono::steady_clock::now() > deadline_) {
      const std::string s = std::to_string(limits_.max_time.count() / 1000);
      throw LimitReached("reading it took longer than the limit of " + s + " s",
                         "läsningen tog längre tid än gränsen på " + s + " s");
    }
  }
  // Decoded stream bytes, over the whole document.
  void add_stream_bytes(std::size_t n) {
    stream_bytes_ += n;
    if (stream_bytes_ > limits_.max_total_stream_bytes) {
      throw LimitReached("its streams decode to more than the limit of " + mb(limits_.max_total_stream_bytes),
                         "dess strömmar packas upp till mer än gränsen på " + mb(limits_.max_total_stream_bytes));
    }
  }
  // Content operators interpreted, over all pages; checks the clock every 4096.
  void add_operator() {
    if (++operators_ > limits_.max_operators) {
      throw LimitReached("it has more content operators than the limit of " + std::to_string(limits_.max_operators),
                         "den har fler innehållsoperatorer än gränsen på " + std::to_string(limits_.max_operators));
    }
    if ((operators_ & 0xFFF) == 0) check_time();
  }
  static std::string mb(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }

 private:
  const Limits& limits_;
  std::chrono::steady_clock::time_point deadline_;
  std::size_t stream_bytes_ = 0;
  std::size_t operators_ = 0;
};

}  // namespace granska::documents::detail
