#include "render/chromium.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace granska::render {

namespace {

bool is_executable_file(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec) && ::access(path.c_str(), X_OK) == 0;
}

// Flags every browser gets; see docs/decisions/0016-render.md for why each is there.
std::vector<std::string> flags(const LaunchOptions& options, const std::string& profile_dir) {
  std::vector<std::string> f = {
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--user-data-dir=" + profile_dir, "--remote-debugging-pipe",
      // Quiet and predictable: no extensions, sound, crash uploads or keyring prompts,
      // and no scrollbars taking width from a 320 px viewport.
      "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--no-default-browser-check",
      "--disable-crash-reporter", "--password-store=basic"};
  // Chromium keeps shared memory in /dev/shm and crashes when it is small (containers
  // often give 64 MB); /tmp is slower but always large enough.
  struct statvfs shm {};
  if (::statvfs("/dev/shm", &shm) != 0 ||
      static_cast<unsigned long long>(shm.f_bavail) * shm.f_frsize < (1ull << 30)) {
    f.push_back("--disable-dev-shm-usage");
  }
  if (options.loopback_only) f.push_back("--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
  if (options.js_heap_mb > 0) {
    f.push_back("--js-flags=--max-old-space-size=" + std::to_string(options.js_heap_mb));
  }
  return f;
}

// Moves `fd` to a number >= 10 (close-on-exec), so the child's dup2 onto 3 and 4 can never
// be a no-op on the same number or overwrite the other end.
int move_high(int fd) {
  int high = ::fcntl(fd, F_DUPFD_CLOEXEC, 10);
  ::close(fd);
  return high;
}

}  // namespace

Result<std::string> find_chromium(const std::string& explicit_path) {
  if (!explicit_path.empty()) {
    if (is_executable_file(explicit_path)) return explicit_path;
    return Error{"Chromium not found: " + explicit_path + " is not an executable file",
                 "Chromium hittades inte: " + explicit_path + " är ingen körbar fil"};
  }
  const char* path_env = std::getenv("PATH");
  std::string path = path_env ? path_env : "/usr/local/bin:/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser"}) {
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
      if (dir.empty()) continue;
      std::string candidate = dir + "/" + name;
      if (is_executable_file(candidate)) return candidate;
    }
  }
  return Error{"Chromium not found: neither chromium nor chromium-browser is on PATH "
               "(install Debian's chromium package or give the path)",
               "Chromium hittades inte: varken chromium eller chromium-browser finns i PATH "
               "(installera Debians paket chromium eller ange sökvägen)"};
}

std::string command_line_flags(const LaunchOptions& options, const std::string& profile_dir) {
  std::string out;
  for (const std::string& f : flags(options, profile_dir)) {
    if (!out.empty()) out += ' ';
    out += f.find(' ') == std::string::npos ? f : "\"" + f + "\"";
  }
  return out;
}

Result<std::unique_ptr<ChromiumProcess>> ChromiumProcess::launch(const LaunchOptions& options) {
  Result<std::string> exe = find_chromium(options.chromium_path);
  if (!exe.ok()) return exe.error();

  std::error_code ec;
  std::filesystem::path tmp = std::filesystem::temp_directory_path(ec);
  if (ec) tmp = "/tmp";
  std::string templ = (tmp / "granska-chromium-XXXXXX").string();
  if (::mkdtemp(templ.data()) == nullptr) {
    return Error{"cannot create a profile directory for Chromium in " + tmp.string(),
                 "kan inte skapa en profilkatalog för Chromium i " + tmp.string()};
  }
  std::unique_ptr<ChromiumProcess> proc(new ChromiumProcess());
  proc->executable_ = *exe;
  proc->profile_dir_ = templ;

  int to_browser[2];
  int from_browser[2];
  if (::pipe2(to_browser, O_CLOEXEC) != 0) return Error{"cannot create a pipe for Chromium"};
  if (::pipe2(from_browser, O_CLOEXEC) != 0) {
    ::close(to_browser[0]);
    ::close(to_browser[1]);
    return Error{"cannot create a pipe for Chromium"};
  }
  int child_in = move_high(to_browser[0]);
  int our_write = move_high(to_browser[1]);
  int our_read = move_high(from_browser[0]);
  int child_out = move_high(from_browser[1]);
  // Snapshots are megabytes: a larger pipe buffer means fewer wake-ups per message.
  ::fcntl(our_read, F_SETPIPE_SZ, 1 << 20);

  std::vector<std::string> args = flags(options, proc->profile_dir_);
  args.insert(args.begin(), proc->executable_);
  args.emplace_back("about:blank");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::string err_path = proc->profile_dir_ + "/stderr.log";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, child_in, 3);
  posix_spawn_file_actions_adddup2(&actions, child_out, 4);
  posix_spawn_file_actions_addclosefrom_np(&actions, 5);

  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD}) sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  pid_t pid = -1;
  int rc = ::posix_spawn(&pid, proc->executable_.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(child_in);
  ::close(child_out);
  if (rc != 0) {
    ::close(our_write);
    ::close(our_read);
    return Error{"cannot start Chromium (" + proc->executable_ + "): " + std::strerror(rc),
                 "kan inte starta Chromium (" + proc->executable_ + "): " + std::strerror(rc)};
  }
  proc->pid_ = pid;
  proc->write_fd_ = our_write;
  proc->read_fd_ = our_read;
  return proc;
}

ChromiumProcess::~ChromiumProcess() {
  kill();
  if (write_fd_ >= 0) ::close(write_fd_);
  if (read_fd_ >= 0) ::close(read_fd_);
  if (!profile_dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(profile_dir_, ec);
  }
}

std::pair<int, int> ChromiumProcess::take_pipe() {
  std::pair<int, int> fds{write_fd_, read_fd_};
  write_fd_ = read_fd_ = -1;
  return fds;
}

bool ChromiumProcess::running() const {
  if (pid_ <= 0 || reaped_) return false;
  siginfo_t info{};
  // WNOWAIT: look without reaping, so the pid (and the group id) cannot be reused before
  // kill() has signalled the group.
  if (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return false;
  return info.si_pid == 0;
}

void ChromiumProcess::kill() {
  if (pid_ <= 0 || reaped_) return;
  ::kill(-pid_, SIGKILL);  // the group: renderers, GPU and utility processes too
  ::kill(pid_, SIGKILL);   // in case it left the group
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
}

bool ChromiumProcess::wait_exit(int ms) {
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (running()) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

std::size_t ChromiumProcess::memory_bytes() const {
  if (pid_ <= 0 || reaped_) return 0;
  DIR* proc = ::opendir("/proc");
  if (!proc) return 0;
  std::size_t total = 0;
  while (dirent* e = ::readdir(proc)) {
    if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
    const std::string dir = std::string("/proc/") + e->d_name;
    std::ifstream stat(dir + "/stat");
    std::string line;
    if (!std::getline(stat, line)) continue;
    auto close_paren = line.rfind(')');
    if (close_paren == std::string::npos || close_paren + 2 >= line.size()) continue;
    // Fields after the command name: state ppid pgrp ... rss is the 22nd of them.
    std::istringstream fields(line.substr(close_paren + 2));
    std::string field;
    long pgrp = -1;
    long rss_pages = 0;
    for (int i = 0; i < 22 && fields >> field; ++i) {
      if (i == 2) pgrp = std::atol(field.c_str());
      if (i == 21) rss_pages = std::atol(field.c_str());
    }
    if (pgrp != pid_) continue;
    // Proportional set size: pages shared by the browser's processes (the executable,
    // shared memory) are divided among them, so the sum is the group's real footprint.
    std::ifstream rollup(dir + "/smaps_rollup");
    std::size_t pss_kb = 0;
    bool have_pss = false;
    while (std::getline(rollup, line)) {
      if (line.rfind("Pss:", 0) == 0) {
        pss_kb = static_cast<std::size_t>(std::atoll(line.c_str() + 4));
        have_pss = true;
        break;
      }
    }
    total += have_pss ? pss_kb * 1024
                      : static_cast<std::size_t>(rss_pages > 0 ? rss_pages : 0) *
                            static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  }
  ::closedir(proc);
  return total;
}

std::string ChromiumProcess::stderr_tail(std::size_t max_bytes) const {
  std::ifstream in(profile_dir_ + "/stderr.log", std::ios::binary);
  if (!in) return {};
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  std::streamoff start = size > static_cast<std::streamoff>(max_bytes) ? size - static_cast<std::streamoff>(max_bytes) : 0;
  in.seekg(start);
  std::string out(static_cast<std::size_t>(size - start), '\0');
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  return out;
}

}  // namespace granska::render
