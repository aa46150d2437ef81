// The web app's stored results (granska serve): one row per check, kept for a configurable
// time so that a permanent link (/r/<id>) can be sent to a colleague or supplier, and so
// that "is my page fixed?" can compare with the last check of the same address.
//
// A small SQLite file of its own, apart from the scan database: the web app's results are
// short-lived and written by many requests, the scan database is the city office's record
// (docs/decisions/0023-serve.md). The payload is the web app's business (JSON it writes
// and reads); the store only keeps it with its address and times.
//
// Thread-safe: one connection behind a mutex (a check is milliseconds of SQLite against
// seconds of fetching, so requests do not queue here).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "util/result.h"

namespace granska::store {

struct StoredResult {
  std::string id;        // unguessable, chosen by the caller
  std::string address;   // the checked URL, "" for pasted or uploaded HTML (never compared)
  std::int64_t created_at = 0;  // Unix seconds
  std::int64_t expires_at = 0;  // Unix seconds; gone from then on
  std::string payload;
};

class ResultStore {
 public:
  // Opens or creates the file (":memory:" for tests). Errors: not SQLite, another
  // application's database, made by a newer granska, cannot be created.
  static Result<std::unique_ptr<ResultStore>> open(const std::string& path);
  ~ResultStore();
  ResultStore(const ResultStore&) = delete;
  ResultStore& operator=(const ResultStore&) = delete;

  Status put(const StoredResult& result);
  // The result with this id, unless it has expired by `now`.
  std::optional<StoredResult> get(const std::string& id, std::int64_t now);
  // The newest unexpired result for `address` stored before `before_id`'s result (or the
  // newest of all when before_id is "").
  std::optional<StoredResult> previous_for(const std::string& address, const std::string& before_id, std::int64_t now);
  // Removes expired results; returns how many.
  Result<std::size_t> prune(std::int64_t now);

 private:
  struct Impl;
  explicit ResultStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::mutex mutex_;
};

}  // namespace granska::store
