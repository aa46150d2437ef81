// What changed between two scans: new, fixed and remaining failures, per unit, and the
// findings themselves for `granska diff`.
//
// A failure is identified across scans by its key: page URL + rule id + CSS selector +
// message id (arguments and snippets are left out: a changed alt text on the same
// element with the same problem is the same failure). Keys are 64-bit hashes, so a
// 50,000-page scan's keys take a few megabytes; equal keys within one scan are counted
// (multiset), so two identical failures fixed down to one count as one fixed.
// A failure counts as fixed only when the later scan checked its page again: failures on
// a page the later scan did not check (not reached, or it could not be fetched that
// night) are counted apart as "not checked again", so a site that was down does not look
// repaired. Likewise a failure is new only on a page the earlier scan checked too; on a
// page it did not check (published since, or unreachable then) it is counted apart, so
// the night after an outage does not look like a wave of new failures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "figures/figures.h"
#include "results/scan_data.h"

namespace granska::figures {

std::uint64_t finding_key(std::string_view page_url, std::string_view rule, std::string_view selector,
                          std::string_view message_id);
std::uint64_t page_key(std::string_view page_url);

// The counted failures (RuleFacts::counts) of one scan, by key and unit, and the HTML
// pages the scan checked.
class KeyCollector {
 public:
  // A page of the scan: an HTML page is recorded as checked and its counted failures
  // (failed outcomes of rules RuleFacts::counts) are added. The one definition the report
  // and diff share, so their figures cannot drift apart. Callers leave out aliases
  // (aliases.h): another URL of a page is not a page checked again.
  void add_page(const results::PageRow& page, std::size_t unit, const RuleIndex& rules);
  void add(std::uint64_t key, std::uint64_t page, std::size_t unit) {
    keys_.push_back({key, page, static_cast<std::uint32_t>(unit)});
    sorted_ = false;
  }
  void add_checked_page(std::uint64_t page) {
    pages_.push_back(page);
    sorted_ = false;
  }
  struct Entry {
    std::uint64_t key;
    std::uint64_t page;
    std::uint32_t unit;
    auto operator<=>(const Entry&) const = default;
  };
  // Sorted entries; sorts once after the scan is collected.
  const std::vector<Entry>& sorted();
  // Whether the scan checked this page (page_key). After sorted().
  bool checked(std::uint64_t page) const;

 private:
  std::vector<Entry> keys_;
  std::vector<std::uint64_t> pages_;
  bool sorted_ = false;
};

struct Trend {
  std::size_t added = 0;              // in the later scan, not on its page in the earlier ("new")
  std::size_t fixed = 0;              // in the earlier scan, gone from its page in the later
  std::size_t remaining = 0;          // in both
  std::size_t not_rechecked = 0;      // in the earlier scan, on a page the later did not check
  std::size_t not_checked_before = 0; // in the later scan, on a page the earlier did not check
};

// Per unit (index as in UnitResolver) and in total (the last element).
std::vector<Trend> compare(KeyCollector& earlier, KeyCollector& later, std::size_t unit_count);

// ---- granska diff ------------------------------------------------------------------

struct DiffFinding {
  std::string page_url;
  std::string unit;  // unit id
  std::string rule;
  std::string message_id;
  std::string message;  // rendered in the requested language ("" for unknown rules)
  std::string selector;
  std::uint32_t line = 0, column = 0;
  std::string snippet;  // untrusted
};

struct DiffUnit {
  std::string id;
  std::string name;  // in the requested language; the id when no organisation map was given
  Trend trend;
};

struct DiffResult {
  results::ScanInfo a, b;
  std::vector<DiffUnit> units;  // units met in either scan, in order of first appearance
  Trend total;
  std::vector<DiffFinding> added;  // in b only, on pages a checked too, in b's page order
  std::vector<DiffFinding> fixed;  // in a only, on pages b checked too, in a's page order
};

// Compares scan `a` (earlier) with scan `b` (later) of `source`. With an organisation map
// and a profile (granska diff --config) it counts as the report does: units assigned by the
// map, only rules testing a criterion of the profile. Without them, units are the ones
// stored with the pages and every requirement rule counts. Errors when a scan id is not a
// complete scan. Four passes, memory for the keys and the changed findings only.
Result<DiffResult> diff(results::ScanSource& source, results::ScanId a, results::ScanId b, const engine::Registry& registry, Lang lang,
                        const org::OrgMap* map = nullptr, const org::Profile* profile = nullptr);

}  // namespace granska::figures
