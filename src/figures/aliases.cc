#include "figures/aliases.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <vector>

namespace granska::figures {

std::string_view to_string(AliasReason r) {
  switch (r) {
    case AliasReason::SameFinalUrl: return "same-final-url";
    case AliasReason::Canonical: return "canonical";
    case AliasReason::SameContent: return "same-content";
  }
  return "";
}

Text label(AliasReason r) {
  switch (r) {
    case AliasReason::SameFinalUrl: return {"samma slutadress efter omdirigering", "same address after redirects"};
    case AliasReason::Canonical: return {"anger den som kanonisk adress (rel=canonical)", "names it as canonical (rel=canonical)"};
    case AliasReason::SameContent: return {"samma innehåll på samma värd", "same content on the same host"};
  }
  return {};
}

namespace {

// "https://Example.se:8080/a?b" -> "example.se:8080" (scheme-less authority, lowercase).
std::string authority(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  std::string out(rest);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Node {
  const results::PageIdentity* id;
  std::size_t unit;
  std::optional<AliasReason> reason;  // how it first joined another record
  bool canonical_target = false;
};

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<std::size_t> parent_;
};

}  // namespace

AliasIndex AliasIndex::build(const std::vector<std::pair<results::PageIdentity, std::size_t>>& pages) {
  std::vector<Node> nodes;
  for (const auto& [id, unit] : pages) {
    if (id.kind == "html") nodes.push_back({&id, unit, std::nullopt, false});
  }
  UnionFind uf(nodes.size());
  auto link = [&](std::size_t from, std::size_t to, AliasReason why) {
    if (from == to || uf.find(from) == uf.find(to)) return;
    if (!nodes[from].reason) nodes[from].reason = why;
    uf.join(from, to);
  };
  // (a) the same final URL, (c) the same body on the same host; keyed per unit.
  std::unordered_map<std::string, std::size_t> by_final, by_content, by_url;
  auto key = [](std::size_t unit, std::string_view s) { return std::to_string(unit) + '\n' + std::string(s); };
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const results::PageIdentity& p = *nodes[i].id;
    by_url.emplace(key(nodes[i].unit, p.url), i);
    const std::string& final_url = p.final_url.empty() ? p.url : p.final_url;
    if (auto [it, added] = by_final.emplace(key(nodes[i].unit, final_url), i); !added) {
      link(i, it->second, AliasReason::SameFinalUrl);
    }
    if (!p.content_sha256.empty()) {
      auto [it, added] = by_content.emplace(key(nodes[i].unit, authority(final_url) + '\n' + p.content_sha256), i);
      if (!added) link(i, it->second, AliasReason::SameContent);
    }
  }
  // (b) rel=canonical naming another record of the unit (by its URL or its final URL).
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const results::PageIdentity& p = *nodes[i].id;
    if (p.canonical.empty() || p.canonical == p.url || p.canonical == p.final_url) continue;
    const std::string k = key(nodes[i].unit, p.canonical);
    std::optional<std::size_t> target;
    if (auto it = by_url.find(k); it != by_url.end()) {
      target = it->second;
    } else if (auto jt = by_final.find(k); jt != by_final.end()) {
      target = jt->second;
    }
    if (!target) continue;
    nodes[*target].canonical_target = true;
    link(i, *target, AliasReason::Canonical);
  }
  // Each group's primary: a canonical target first, then the shortest URL, then byte order.
  auto better = [&](std::size_t a, std::size_t b) {
    const Node &x = nodes[a], &y = nodes[b];
    if (x.canonical_target != y.canonical_target) return x.canonical_target;
    if (x.id->url.size() != y.id->url.size()) return x.id->url.size() < y.id->url.size();
    return x.id->url < y.id->url;
  };
  std::unordered_map<std::size_t, std::size_t> primary;  // root -> node
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    auto [it, added] = primary.emplace(uf.find(i), i);
    if (!added && better(i, it->second)) it->second = i;
  }
  AliasIndex out;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    const std::size_t p = primary[uf.find(i)];
    if (p == i) continue;
    const results::PageIdentity &a = *nodes[i].id, &b = *nodes[p].id;
    // The reason as seen from the primary where it is direct, else how the record joined.
    AliasReason why = nodes[i].reason.value_or(AliasReason::SameContent);
    const std::string& af = a.final_url.empty() ? a.url : a.final_url;
    const std::string& bf = b.final_url.empty() ? b.url : b.final_url;
    if (af == bf) {
      why = AliasReason::SameFinalUrl;
    } else if (!a.canonical.empty() && (a.canonical == b.url || a.canonical == bf)) {
      why = AliasReason::Canonical;
    } else if (!a.content_sha256.empty() && a.content_sha256 == b.content_sha256) {
      why = AliasReason::SameContent;
    }
    out.aliases_.emplace(a.url, Alias{b.url, why});
  }
  return out;
}

AliasIndex AliasIndex::build(results::ScanSource& source, results::ScanId scan, UnitResolver& units) {
  std::vector<std::pair<results::PageIdentity, std::size_t>> pages;
  source.for_each_page_identity(scan, [&](const results::PageIdentity& p) {
    if (p.kind != "html") return;
    pages.emplace_back(p, units.unit_of(p.url, p.unit));
  });
  return build(pages);
}

const Alias* AliasIndex::alias_of(std::string_view url) const {
  if (aliases_.empty()) return nullptr;
  auto it = aliases_.find(std::string(url));
  return it == aliases_.end() ? nullptr : &it->second;
}

}  // namespace granska::figures
