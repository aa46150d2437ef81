// Starting the browser, and browsers that do not work: fake executables, no Chromium needed.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "render/chromium.h"
#include "render/pool.h"

namespace granska::render {
namespace {

std::string script(const std::string& name, const std::string& body) {
  std::string path = ::testing::TempDir() + name;
  {
    std::ofstream out(path);
    out << "#!/bin/sh\n" << body << "\n";
  }
  ::chmod(path.c_str(), 0755);
  return path;
}

TEST(RenderBrowserStart, AMissingExecutableIsAClearError) {
  auto found = find_chromium("/nonexistent/chromium");
  ASSERT_FALSE(found.ok());
  EXPECT_NE(found.error().message.find("/nonexistent/chromium"), std::string::npos);
  EXPECT_NE(found.error().message_sv.find("hittades inte"), std::string::npos);
  PoolOptions options;
  options.launch.chromium_path = "/nonexistent/chromium";
  auto pool = Pool::start(options);
  ASSERT_FALSE(pool.ok());
  EXPECT_NE(pool.error().message.find("not found"), std::string::npos);
}

TEST(RenderBrowserStart, TheCommandLineHasTheFixedFlags) {
  LaunchOptions options;
  options.loopback_only = true;
  std::string flags = command_line_flags(options, "/tmp/p");
  for (const char* f : {"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=/tmp/p", "--remote-debugging-pipe",
                        "\"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1\""}) {
    EXPECT_NE(flags.find(f), std::string::npos) << f;
  }
  options.loopback_only = false;
  EXPECT_EQ(command_line_flags(options, "/tmp/p").find("host-resolver-rules"), std::string::npos);
}

TEST(RenderBrowserStart, ABrowserThatExitsAtOnceIsAnError) {
  PoolOptions options;
  options.launch.chromium_path = script("granska_fake_chromium_exit", "echo 'cannot open display' >&2; exit 3");
  options.browser_timeout_ms = 5000;
  auto start = std::chrono::steady_clock::now();
  auto pool = Pool::start(options);
  ASSERT_FALSE(pool.ok());
  EXPECT_NE(pool.error().message.find("did not start"), std::string::npos);
  EXPECT_NE(pool.error().message.find("cannot open display"), std::string::npos);  // its stderr
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));  // noticed, not waited out
}

TEST(RenderBrowserStart, ABrowserThatNeverAnswersTimesOut) {
  PoolOptions options;
  options.launch.chromium_path = script("granska_fake_chromium_hang", "exec sleep 30");
  options.browser_timeout_ms = 300;
  auto start = std::chrono::steady_clock::now();
  auto pool = Pool::start(options);
  ASSERT_FALSE(pool.ok());
  EXPECT_NE(pool.error().message.find("did not answer"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST(RenderBrowserStart, TheProfileDirectoryIsRemoved) {
  LaunchOptions options;
  options.chromium_path = script("granska_fake_chromium_sleep", "exec sleep 30");
  std::string profile;
  {
    auto proc = ChromiumProcess::launch(options);
    ASSERT_TRUE(proc.ok()) << proc.error().message;
    profile = (*proc)->profile_dir();
    EXPECT_EQ(::access(profile.c_str(), F_OK), 0);
    EXPECT_TRUE((*proc)->running());
    EXPECT_GT((*proc)->pid(), 0);
    auto [w, r] = (*proc)->take_pipe();
    EXPECT_GE(w, 0);
    EXPECT_GE(r, 0);
    ::close(w);
    ::close(r);
    EXPECT_EQ((*proc)->take_pipe().first, -1);
  }  // killed and reaped here
  EXPECT_NE(::access(profile.c_str(), F_OK), 0);
}

}  // namespace
}  // namespace granska::render
