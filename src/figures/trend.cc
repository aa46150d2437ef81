#include "figures/trend.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "figures/aliases.h"

namespace granska::figures {

std::uint64_t finding_key(std::string_view page_url, std::string_view rule, std::string_view selector,
                          std::string_view message_id) {
  // FNV-1a, 64 bit, with a separator byte that cannot occur in the parts' UTF-8 text
  // boundaries ambiguously ("ab"+"c" differs from "a"+"bc").
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xFF;
    h *= 1099511628211ULL;
  };
  mix(page_url);
  mix(rule);
  mix(selector);
  mix(message_id);
  return h;
}

std::uint64_t page_key(std::string_view page_url) { return finding_key(page_url, {}, {}, {}); }

const std::vector<KeyCollector::Entry>& KeyCollector::sorted() {
  if (!sorted_) {
    std::sort(keys_.begin(), keys_.end());
    std::sort(pages_.begin(), pages_.end());
    sorted_ = true;
  }
  return keys_;
}

void KeyCollector::add_page(const results::PageRow& page, std::size_t unit, const RuleIndex& rules) {
  if (page.kind != "html") return;
  const std::uint64_t pk = page_key(page.url);
  add_checked_page(pk);
  for (const results::FindingRow& f : page.findings) {
    if (f.outcome == engine::Outcome::Failed && rules.facts(f.rule).counts()) {
      add(finding_key(page.url, f.rule, f.selector, f.message_id), pk, unit);
    }
  }
}

bool KeyCollector::checked(std::uint64_t page) const { return std::binary_search(pages_.begin(), pages_.end(), page); }

std::vector<Trend> compare(KeyCollector& earlier, KeyCollector& later, std::size_t unit_count) {
  std::vector<Trend> out(unit_count + 1);
  const auto& a = earlier.sorted();
  const auto& b = later.sorted();
  auto unit = [&](std::uint32_t u) -> Trend& { return u < unit_count ? out[u] : out.back(); };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    // Entries are ordered by key first; equal keys mean the same page, so "same failure"
    // is a[i].key == b[j].key.
    if (j == b.size() || (i < a.size() && a[i].key < b[j].key)) {
      Trend& t = unit(a[i].unit);
      ++(later.checked(a[i].page) ? t.fixed : t.not_rechecked);
      ++i;
    } else if (i == a.size() || b[j].key < a[i].key) {
      Trend& t = unit(b[j].unit);
      ++(earlier.checked(b[j].page) ? t.added : t.not_checked_before);
      ++j;
    } else {
      ++unit(a[i].unit).remaining;
      ++i;
      ++j;
    }
  }
  Trend total;
  for (std::size_t u = 0; u < unit_count; ++u) {
    total.added += out[u].added;
    total.fixed += out[u].fixed;
    total.remaining += out[u].remaining;
    total.not_rechecked += out[u].not_rechecked;
    total.not_checked_before += out[u].not_checked_before;
  }
  // Entries of units beyond unit_count were counted into the last slot already.
  out.back().added += total.added;
  out.back().fixed += total.fixed;
  out.back().remaining += total.remaining;
  out.back().not_rechecked += total.not_rechecked;
  out.back().not_checked_before += total.not_checked_before;
  return out;
}

namespace {

// Keys that occur more often in `from` than in `other`, with how many extra times.
std::map<std::uint64_t, std::size_t> surplus(const std::vector<KeyCollector::Entry>& from,
                                              const std::vector<KeyCollector::Entry>& other) {
  std::map<std::uint64_t, std::size_t> out;
  std::size_t i = 0, j = 0;
  while (i < from.size()) {
    const std::uint64_t k = from[i].key;
    std::size_t n = 0, m = 0;
    while (i < from.size() && from[i].key == k) ++i, ++n;
    while (j < other.size() && other[j].key < k) ++j;
    while (j < other.size() && other[j].key == k) ++j, ++m;
    if (n > m) out.emplace(k, n - m);
  }
  return out;
}

// The findings of `scan` whose keys are in `wanted` (as often as wanted); with `checked_in`,
// only on pages that scan checked too (a new or fixed failure, not one on a page only one
// of the two scans checked).
void collect(results::ScanSource& source, results::ScanId scan, const RuleIndex& rules, UnitResolver& units,
             const AliasIndex& aliases, std::map<std::uint64_t, std::size_t> wanted, const KeyCollector* checked_in,
             Lang lang, std::vector<DiffFinding>& out) {
  source.for_each_page(scan, [&](const results::PageRow& page) {
    if (page.kind != "html" || aliases.alias_of(page.url)) return;
    if (checked_in && !checked_in->checked(page_key(page.url))) return;
    const std::string& unit = units.units()[units.unit_of(page.url, page.unit)].id;
    for (const results::FindingRow& f : page.findings) {
      if (f.outcome != engine::Outcome::Failed) continue;
      const RuleFacts& facts = rules.facts(f.rule);
      if (!facts.counts()) continue;
      auto it = wanted.find(finding_key(page.url, f.rule, f.selector, f.message_id));
      if (it == wanted.end() || it->second == 0) continue;
      --it->second;
      DiffFinding d{page.url, unit, f.rule, f.message_id, {}, f.selector, f.line, f.column, f.snippet};
      for (const engine::Message* m : facts.rule->info.messages) {
        if (m->id == f.message_id) d.message = engine::format_message(m->text.in(lang), f.args);
      }
      out.push_back(std::move(d));
    }
  });
}

}  // namespace

Result<DiffResult> diff(results::ScanSource& source, results::ScanId a, results::ScanId b, const engine::Registry& registry, Lang lang,
                        const org::OrgMap* map, const org::Profile* profile) {
  DiffResult out;
  bool found_a = false, found_b = false;
  for (const results::ScanInfo& s : source.complete_scans()) {
    if (s.id == a) out.a = s, found_a = true;
    if (s.id == b) out.b = s, found_b = true;
  }
  for (auto [found, id] : {std::pair{found_a, a}, std::pair{found_b, b}}) {
    if (!found) {
      return Error{"scan " + std::to_string(id) + " is not a complete scan in this database",
                   "genomsökning " + std::to_string(id) + " är inte en avslutad genomsökning i databasen"};
    }
  }
  const RuleIndex rules(registry, profile);
  UnitResolver units(map);
  KeyCollector ka, kb;
  const AliasIndex aliases_a = AliasIndex::build(source, a, units);
  const AliasIndex aliases_b = AliasIndex::build(source, b, units);
  for (auto [id, collector, alias_index] : {std::tuple{a, &ka, &aliases_a}, std::tuple{b, &kb, &aliases_b}}) {
    // A lambda may not capture a structured binding before clang 16 (the fuzz build).
    KeyCollector* keys = collector;
    const AliasIndex* aliases = alias_index;
    source.for_each_page(id, [&](const results::PageRow& page) {
      if (aliases->alias_of(page.url)) return;
      keys->add_page(page, units.unit_of(page.url, page.unit), rules);
    });
  }
  std::vector<Trend> trend = compare(ka, kb, units.units().size());
  for (std::size_t u = 0; u < units.units().size(); ++u) {
    const org::Unit& unit = units.units()[u];
    std::string name = lang == Lang::En && !unit.name_en.empty() ? unit.name_en : unit.name_sv;
    out.units.push_back({unit.id, name.empty() ? unit.id : std::move(name), trend[u]});
  }
  out.total = trend.back();
  collect(source, b, rules, units, aliases_b, surplus(kb.sorted(), ka.sorted()), &ka, lang, out.added);
  collect(source, a, rules, units, aliases_a, surplus(ka.sorted(), kb.sorted()), &kb, lang, out.fixed);
  return out;
}

}  // namespace granska::figures
