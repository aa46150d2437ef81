#include "util/lock_file.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace granska {
namespace {

std::string temp_lock(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / ("granska-lock-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

TEST(LockFile, SecondHolderIsRefusedWithAClearMessage) {
  const std::string path = temp_lock("a.lock");
  Result<LockFile> first = LockFile::acquire(path);
  ASSERT_TRUE(first.ok()) << first.error().message;
  Result<LockFile> second = LockFile::acquire(path);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find("another granska run holds the lock " + path), std::string::npos);
  EXPECT_NE(second.error().message.find(std::to_string(getpid())), std::string::npos) << "names the holder";
  EXPECT_NE(second.error().text(Lang::Sv).find("håller låset"), std::string::npos);
}

TEST(LockFile, ReleasedWhenTheHolderGoesAway) {
  const std::string path = temp_lock("b.lock");
  { Result<LockFile> held = LockFile::acquire(path); ASSERT_TRUE(held.ok()); }
  Result<LockFile> again = LockFile::acquire(path);
  EXPECT_TRUE(again.ok()) << "the lock is free once its holder is destroyed";
  // Moving keeps the one lock: the moved-from object must not release it.
  LockFile moved = std::move(again.value());
  EXPECT_FALSE(LockFile::acquire(path).ok());
}

TEST(LockFile, AKilledHolderLeavesNoStaleLock) {
  const std::string path = temp_lock("c.lock");
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Result<LockFile> held = LockFile::acquire(path);
    const char c = held.ok() ? 'y' : 'n';
    [[maybe_unused]] const ssize_t w = write(ready[1], &c, 1);
    pause();  // killed by the parent while holding the lock
    _exit(0);
  }
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, 'y');
  EXPECT_FALSE(LockFile::acquire(path).ok()) << "held by the child";
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  EXPECT_TRUE(LockFile::acquire(path).ok()) << "kill -9 released it";
  close(ready[0]);
  close(ready[1]);
}

TEST(LockFile, MissingDirectoryIsAnError) {
  Result<LockFile> r = LockFile::acquire("/nonexistent-granska-dir/x.lock");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("cannot create the lock file"), std::string::npos);
}

}  // namespace
}  // namespace granska
