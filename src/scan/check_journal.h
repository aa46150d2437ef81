// Which pages a crawl into the scan database was checking when the process stopped, kept
// in a small file beside the database (<db>.checking: "B url" when a page's check begins,
// "E url" when it ends; appended with single writes, so a crash loses none of it).
//
// A page that was being checked when granska stopped twice, in two runs of the same scan,
// is a poison page: the continued scan records it as failed with the reason instead of
// checking it a third time. Once is not enough, because other pages were being checked at
// the same moment and one crash cannot tell them apart; a reboot or a kill also stops a
// page once, and costs it nothing but a retry.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "crawl/crawler.h"
#include "util/result.h"

namespace granska::scan {

class CheckJournalFile final : public crawl::CheckJournal {
 public:
  explicit CheckJournalFile(std::string path) : path_(std::move(path)) {}
  ~CheckJournalFile() override;
  CheckJournalFile(const CheckJournalFile&) = delete;
  CheckJournalFile& operator=(const CheckJournalFile&) = delete;

  // The pages begun and not ended in the file as it is: in check when the last run stopped.
  std::set<std::string> in_check_when_stopped() const;
  // Empties the file and opens it for this run. Errors: it cannot be written.
  Status start();
  // Removes the file (the scan is over).
  void remove();

  void begin(std::string_view url) override;
  void end(std::string_view url) override;

 private:
  void append(char mark, std::string_view url);
  std::string path_;
  std::mutex mu_;
  int fd_ = -1;
};

// How often each page was in check when a run of this scan stopped, as kept with the scan
// ("url\tcount" lines), after adding the pages of the last stop.
std::map<std::string, int> count_stops(std::string_view kept, const std::set<std::string>& stopped_now);
std::string format_stops(const std::map<std::string, int>& counts);
// Pages in check at two stops or more.
std::set<std::string> poison_pages(const std::map<std::string, int>& counts);

}  // namespace granska::scan
