#include "crawl/frontier.h"

#include <algorithm>

namespace granska::crawl {

Result<Scope> Scope::make(std::vector<std::string> hosts, const std::vector<std::string>& include,
                          const std::vector<std::string>& exclude) {
  Scope s;
  s.hosts_ = std::move(hosts);
  auto compile = [](const std::string& re, std::vector<std::regex>& out) -> Status {
    try {
      out.emplace_back(re, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error& e) {
      return Error{"Invalid regular expression \"" + re + "\": " + e.what(),
                   "Ogiltigt reguljärt uttryck \"" + re + "\": " + e.what()};
    }
    return ok_status();
  };
  for (const std::string& re : include) {
    if (Status st = compile(re, s.include_); !st) return st.error();
  }
  for (const std::string& re : exclude) {
    if (Status st = compile(re, s.exclude_); !st) return st.error();
  }
  return s;
}

bool Scope::allows(const url::Url& url, std::string_view normalized) const {
  bool host_ok = false;
  for (const std::string& h : hosts_) {
    if (url::host_in_domain(url, h)) {
      host_ok = true;
      break;
    }
  }
  if (!host_ok) return false;
  const std::string text(normalized);
  if (!include_.empty()) {
    bool any = false;
    for (const std::regex& re : include_) {
      if (std::regex_search(text, re)) {
        any = true;
        break;
      }
    }
    if (!any) return false;
  }
  for (const std::regex& re : exclude_) {
    if (std::regex_search(text, re)) return false;
  }
  return true;
}

std::string_view to_string(Admit a) {
  switch (a) {
    case Admit::Added: return "added";
    case Admit::Duplicate: return "duplicate";
    case Admit::Invalid: return "invalid";
    case Admit::OutOfScope: return "out-of-scope";
    case Admit::Trap: return "trap";
    case Admit::TooManyVariants: return "too-many-query-variants";
    case Admit::TooDeep: return "too-deep";
    case Admit::PageLimit: return "page-limit";
  }
  return "";
}

Frontier::Frontier(Scope scope, FrontierLimits limits) : scope_(std::move(scope)), limits_(limits) {}

const Frontier::KnownLink& Frontier::know(std::string_view absolute_url) {
  if (auto it = known_links_.find(absolute_url); it != known_links_.end()) return it->second;
  KnownLink k;
  Result<url::Url> url = url::Url::parse(absolute_url);
  if (!url) {
    k.refused = Admit::Invalid;
  } else {
    k.normalized = url->normalized(url::QueryFilter::tracking_defaults());
    k.has_query = url->has_query();
    if (!scope_.allows(*url, k.normalized)) {
      k.refused = Admit::OutOfScope;
    } else if (detect_trap(k.normalized, limits_.traps) != Trap::None) {
      k.refused = Admit::Trap;
    }
  }
  if (known_links_.size() >= kMaxKnownLinks) known_links_.clear();
  return known_links_.emplace(std::string(absolute_url), std::move(k)).first->second;
}

Admit Frontier::admit(std::string_view absolute_url, int depth, results::Reached via, std::string* normalized_out) {
  const KnownLink& k = know(absolute_url);
  if (k.refused == Admit::Invalid) return Admit::Invalid;
  if (normalized_out) *normalized_out = k.normalized;
  if (seen_.count(k.normalized)) return Admit::Duplicate;
  if (k.refused != Admit::Added) return k.refused;  // out of scope or a trap
  if (depth > limits_.max_depth) return Admit::TooDeep;
  if (admitted_ >= limits_.max_pages) return Admit::PageLimit;
  if (k.has_query) {
    std::size_t& n = variants_[std::string(query_variant_key(k.normalized))];
    if (n >= limits_.max_query_variants) return Admit::TooManyVariants;
    ++n;
  }
  seen_.insert(k.normalized);
  ++admitted_;
  if (journal_) journal_->admitted(k.normalized, depth);
  Entry e;
  e.url = k.normalized;
  e.original = k.normalized;
  e.depth = depth;
  e.via = via;
  push(std::move(e), false);
  return Admit::Added;
}

Admit Frontier::admit_redirect(const url::Url& target, std::string_view normalized) {
  if (seen_.count(std::string(normalized))) return Admit::Duplicate;
  if (!scope_.allows(target, normalized)) return Admit::OutOfScope;
  if (detect_trap(normalized, limits_.traps) != Trap::None) return Admit::Trap;
  seen_.insert(std::string(normalized));
  if (journal_) journal_->redirect_seen(normalized);
  return Admit::Added;
}

void Frontier::restore(const ResumeState& state) {
  auto count_variant = [this](const std::string& url) {
    if (url.find('?') != std::string::npos) ++variants_[std::string(query_variant_key(url))];
  };
  for (const std::string& url : state.seen) {
    if (seen_.insert(url).second) count_variant(url);
  }
  for (const auto& [url, depth] : state.queued) {
    if (!seen_.insert(url).second) continue;
    count_variant(url);
    Entry e;
    e.url = url;
    e.original = url;
    e.depth = depth;
    push(std::move(e), false);
  }
  admitted_ = std::max(admitted_, state.admitted);
}

void Frontier::push(Entry entry, bool front) {
  Result<url::Url> url = url::Url::parse(entry.url);
  Host& h = host(url ? url->origin() : std::string());
  if (front) {
    h.queue.push_front(std::move(entry));
  } else {
    h.queue.push_back(std::move(entry));
  }
}

Frontier::Host& Frontier::host(const std::string& origin) { return hosts_[origin]; }

std::size_t Frontier::queued() const {
  std::size_t n = 0;
  for (const auto& [origin, h] : hosts_) n += h.queue.size();
  return n;
}

}  // namespace granska::crawl
