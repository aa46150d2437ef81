#include "util/lock_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "util/clock.h"

namespace granska {

namespace {


// The holder's "pid started" line, or "" when the file cannot be read.
std::string holder(int fd) {
  char buf[128];
  const ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return {};
  std::string_view s(buf, static_cast<std::size_t>(n));
  if (const auto nl = s.find('\n'); nl != std::string_view::npos) s = s.substr(0, nl);
  return std::string(s);
}

}  // namespace

Result<LockFile> LockFile::acquire(const std::string& path, bool* held_by_another) {
  if (held_by_another) *held_by_another = false;
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    const std::string why = std::strerror(errno);
    return Error{"cannot create the lock file " + path + ": " + why,
                 "kan inte skapa låsfilen " + path + ": " + why};
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    const std::string who = holder(fd);
    ::close(fd);
    if (err == EWOULDBLOCK) {
      if (held_by_another) *held_by_another = true;
      const std::string by = who.empty() ? "" : " (process " + who + ")";
      return Error{"another granska run holds the lock " + path + by + "; this run stops without scanning",
                   "en annan granska-körning håller låset " + path + by + "; den här körningen avslutas utan att skanna"};
    }
    const std::string why = std::strerror(err);
    return Error{"cannot lock " + path + ": " + why, "kan inte låsa " + path + ": " + why};
  }
  // Who holds it, for the message a second run prints. Best effort: the lock itself is what
  // counts, so a failed write changes nothing.
  const std::string line = std::to_string(getpid()) + " sedan/since " + utc_timestamp() + "\n";
  if (ftruncate(fd, 0) == 0) {
    [[maybe_unused]] const ssize_t w = pwrite(fd, line.data(), line.size(), 0);
  }
  return LockFile(fd, path);
}

LockFile::LockFile(LockFile&& other) noexcept : fd_(other.fd_), path_(std::move(other.path_)) { other.fd_ = -1; }

LockFile& LockFile::operator=(LockFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

LockFile::~LockFile() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace granska
