// An exclusive lock on a file, so two scheduled scans never run at the same time (a
// nightly timer that fires while last night's scan still runs, or a manual run beside it).
//
// flock(2) on an open file: the kernel releases it when the process ends in any way
// (including kill -9 and a crash), so a stale lock never blocks the next night. The file
// holds the owner's PID and start time for the message the second run prints; its presence
// alone means nothing.
#pragma once

#include <optional>
#include <string>

#include "util/result.h"

namespace granska {

class LockFile {
 public:
  // Takes the lock without waiting. Errors: the lock is held by another run (the message
  // names the file and, when readable, the holder's PID and start time), or the file
  // cannot be created (missing directory, permissions). `held_by_another`, when given, is
  // set to whether the error is the first kind (a caller exits differently for it).
  static Result<LockFile> acquire(const std::string& path, bool* held_by_another = nullptr);

  LockFile(LockFile&& other) noexcept;
  LockFile& operator=(LockFile&& other) noexcept;
  LockFile(const LockFile&) = delete;
  LockFile& operator=(const LockFile&) = delete;
  ~LockFile();  // releases the lock; the file stays (removing it would race a new holder)

  const std::string& path() const { return path_; }

 private:
  LockFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::string path_;
};

}  // namespace granska
