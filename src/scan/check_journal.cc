#include "scan/check_journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace granska::scan {

CheckJournalFile::~CheckJournalFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::set<std::string> CheckJournalFile::in_check_when_stopped() const {
  std::map<std::string, int> balance;
  std::ifstream in(path_, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Whole lines only: a last line without its newline was cut short and may name a URL cut
  // short too.
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; start = nl + 1, nl = text.find('\n', start)) {
    const std::string_view line(text.data() + start, nl - start);
    if (line.size() < 3 || line[1] != ' ') continue;
    balance[std::string(line.substr(2))] += line[0] == 'B' ? 1 : line[0] == 'E' ? -1 : 0;
  }
  std::set<std::string> out;
  for (const auto& [url, n] : balance) {
    if (n > 0) out.insert(url);
  }
  return out;
}

Status CheckJournalFile::start() {
  std::lock_guard lock(mu_);
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    const std::string why = std::strerror(errno);
    return Error{"cannot write " + path_ + ": " + why, "kan inte skriva " + path_ + ": " + why};
  }
  return ok_status();
}

void CheckJournalFile::remove() {
  std::lock_guard lock(mu_);
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(path_.c_str());
}

void CheckJournalFile::append(char mark, std::string_view url) {
  std::string line;
  line.reserve(url.size() + 3);
  line += mark;
  line += ' ';
  for (char c : url) line += c == '\n' ? ' ' : c;  // normalised URLs hold none; never split a line
  line += '\n';
  std::lock_guard lock(mu_);
  if (fd_ < 0) return;
  // One write per line: O_APPEND places it whole at the end, and the kernel keeps it even
  // if the process dies right after. A failed write loses only the crash attribution.
  [[maybe_unused]] const ssize_t n = ::write(fd_, line.data(), line.size());
}

void CheckJournalFile::begin(std::string_view url) { append('B', url); }
void CheckJournalFile::end(std::string_view url) { append('E', url); }

std::map<std::string, int> count_stops(std::string_view kept, const std::set<std::string>& stopped_now) {
  std::map<std::string, int> counts;
  std::istringstream in{std::string(kept)};
  for (std::string line; std::getline(in, line);) {
    const std::size_t tab = line.rfind('\t');
    if (tab == std::string::npos) continue;
    counts[line.substr(0, tab)] = std::atoi(line.c_str() + tab + 1);
  }
  for (const std::string& url : stopped_now) ++counts[url];
  return counts;
}

std::string format_stops(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [url, n] : counts) out += url + "\t" + std::to_string(n) + "\n";
  return out;
}

std::set<std::string> poison_pages(const std::map<std::string, int>& counts) {
  std::set<std::string> out;
  for (const auto& [url, n] : counts) {
    if (n >= 2) out.insert(url);
  }
  return out;
}

}  // namespace granska::scan
