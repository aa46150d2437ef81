// An in-memory review::ScanSource for tests: scans as plain vectors, streamed in the
// order the contract promises (complete scans oldest first, pages in URL order).
#pragma once

#include <algorithm>
#include <vector>

#include "review/scan_data.h"

namespace granska::review::testing {

struct MemoryScan {
  ScanInfo info;
  std::vector<PageRow> pages;
  std::vector<MediaRow> media;
  std::vector<DocumentRow> documents;
};

class MemoryScanSource : public ScanSource {
 public:
  std::vector<MemoryScan> scans;

  std::vector<ScanInfo> complete_scans() override {
    std::vector<ScanInfo> out;
    for (const MemoryScan& s : scans) {
      if (s.info.status == ScanStatus::Complete) out.push_back(s.info);
    }
    std::sort(out.begin(), out.end(), [](const ScanInfo& a, const ScanInfo& b) { return a.id < b.id; });
    return out;
  }
  void for_each_page(ScanId id, const std::function<void(const PageRow&)>& fn) override {
    if (const MemoryScan* s = find(id)) {
      std::vector<const PageRow*> sorted;
      for (const PageRow& p : s->pages) sorted.push_back(&p);
      std::sort(sorted.begin(), sorted.end(), [](const PageRow* a, const PageRow* b) { return a->url < b->url; });
      for (const PageRow* p : sorted) fn(*p);
    }
  }
  void for_each_media(ScanId id, const std::function<void(const MediaRow&)>& fn) override {
    if (const MemoryScan* s = find(id)) {
      for (const MediaRow& m : s->media) fn(m);
    }
  }
  void for_each_document(ScanId id, const std::function<void(const DocumentRow&)>& fn) override {
    if (const MemoryScan* s = find(id)) {
      for (const DocumentRow& d : s->documents) fn(d);
    }
  }

 private:
  const MemoryScan* find(ScanId id) const {
    for (const MemoryScan& s : scans) {
      if (s.info.id == id) return &s;
    }
    return nullptr;
  }
};

}  // namespace granska::review::testing
