// An in-memory results::ScanSource for tests: scans as plain vectors, streamed in the
// order the contract promises (complete scans oldest first, pages in URL order).
#pragma once

#include <algorithm>
#include <vector>

#include "results/scan_data.h"

namespace granska::figures::testing {

struct MemoryScan {
  results::ScanInfo info;
  std::vector<results::PageRow> pages;
  std::vector<results::MediaRow> media;
  std::vector<results::DocumentRow> documents;
  std::vector<results::SiteSummary> sites;  // the site step's results (site_data.h)
  std::vector<results::SiteFinding> site_findings;
};

class MemoryScanSource : public results::ScanSource {
 public:
  std::vector<MemoryScan> scans;

  std::vector<results::ScanInfo> complete_scans() override {
    std::vector<results::ScanInfo> out;
    for (const MemoryScan& s : scans) {
      if (s.info.status == results::ScanStatus::Complete) out.push_back(s.info);
    }
    std::sort(out.begin(), out.end(), [](const results::ScanInfo& a, const results::ScanInfo& b) { return a.id < b.id; });
    return out;
  }
  void for_each_page(results::ScanId id, const std::function<void(const results::PageRow&)>& fn) override {
    if (const MemoryScan* s = find(id)) {
      std::vector<const results::PageRow*> sorted;
      for (const results::PageRow& p : s->pages) sorted.push_back(&p);
      std::sort(sorted.begin(), sorted.end(), [](const results::PageRow* a, const results::PageRow* b) { return a->url < b->url; });
      for (const results::PageRow* p : sorted) fn(*p);
    }
  }
  void for_each_media(results::ScanId id, const std::function<void(const results::MediaRow&)>& fn) override {
    if (const MemoryScan* s = find(id)) {
      for (const results::MediaRow& m : s->media) fn(m);
    }
  }
  void for_each_document(results::ScanId id, const std::function<void(const results::DocumentRow&)>& fn) override {
    if (const MemoryScan* s = find(id)) {
      for (const results::DocumentRow& d : s->documents) fn(d);
    }
  }
  std::vector<results::SiteSummary> sites(results::ScanId id) override {
    const MemoryScan* s = find(id);
    return s ? s->sites : std::vector<results::SiteSummary>{};
  }
  void for_each_site_finding(results::ScanId id, const std::function<void(const results::SiteFinding&)>& fn) override {
    if (const MemoryScan* s = find(id)) {
      for (const results::SiteFinding& f : s->site_findings) fn(f);
    }
  }

 private:
  const MemoryScan* find(results::ScanId id) const {
    for (const MemoryScan& s : scans) {
      if (s.info.id == id) return &s;
    }
    return nullptr;
  }
};

}  // namespace granska::figures::testing
