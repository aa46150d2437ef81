#include "style/loader.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <list>
#include <unordered_map>

#include "html/charset.h"
#include "url/url.h"
#include "util/text.h"

namespace granska::style {

namespace fs = std::filesystem;

namespace {

std::string for_message(std::string_view url) { return fetch::url_for_message(url); }

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool is_http(std::string_view url) { return text::istarts_with(url, "http://") || text::istarts_with(url, "https://"); }
bool is_file(std::string_view url) { return text::istarts_with(url, "file:"); }

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  bool absolute = path.starts_with('/');
  while (i <= path.size()) {
    std::size_t slash = path.find('/', i);
    std::string_view seg = path.substr(i, slash == std::string_view::npos ? std::string_view::npos : slash - i);
    bool last = slash == std::string_view::npos;
    if (seg == "..") {
      if (!out.empty()) out.pop_back();
      if (last) out.emplace_back();
    } else if (seg == ".") {
      if (last) out.emplace_back();
    } else if (!(seg.empty() && i == 0 && absolute)) {
      out.push_back(seg);
    }
    if (last) break;
    i = slash + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k) result += '/';
    result += out[k];
  }
  return result;
}

Error note(std::string en, std::string sv) { return Error{std::move(en), std::move(sv)}; }

std::string origin_of(std::string_view url) {
  if (!is_http(url)) return {};
  Result<url::Url> u = url::Url::parse(url);
  return u ? u->origin() : std::string();
}

}  // namespace

std::string resolve_file_url(std::string_view base, std::string_view ref) {
  ref = text::trim(ref);
  ref = ref.substr(0, ref.find('#'));
  if (is_file(ref)) {
    std::string_view rest = ref.substr(5);
    if (rest.starts_with("//")) {
      rest.remove_prefix(2);
      if (text::istarts_with(rest, "localhost/")) rest.remove_prefix(9);
      if (!rest.starts_with('/')) return {};
    }
    return "file://" + remove_dot_segments(rest.substr(0, rest.find('?')));
  }
  // A reference with another scheme is not a file.
  std::size_t colon = ref.find(':');
  std::size_t first_delim = ref.find_first_of("/?#");
  if (colon != std::string_view::npos && (first_delim == std::string_view::npos || colon < first_delim)) return {};
  if (ref.starts_with("//")) return {};
  if (!is_file(base)) return {};
  std::string_view base_path = base.substr(5);
  if (base_path.starts_with("//")) {
    base_path.remove_prefix(2);
    if (text::istarts_with(base_path, "localhost/")) base_path.remove_prefix(9);
  }
  base_path = base_path.substr(0, base_path.find_first_of("?#"));
  ref = ref.substr(0, ref.find('?'));
  std::string merged;
  if (ref.empty()) {
    merged = std::string(base_path);
  } else if (ref.starts_with('/')) {
    merged = std::string(ref);
  } else {
    std::size_t slash = base_path.rfind('/');
    merged = std::string(base_path.substr(0, slash == std::string_view::npos ? 0 : slash + 1)) + std::string(ref);
  }
  return "file://" + remove_dot_segments(merged);
}

std::string decode_stylesheet(std::string_view bytes, std::string_view content_type, std::string_view fallback) {
  auto bom = [&](std::string_view b) {
    return b.starts_with("\xEF\xBB\xBF") || b.starts_with("\xFE\xFF") || b.starts_with("\xFF\xFE");
  };
  std::string label;
  if (!bom(bytes)) {
    std::string_view header = html::charset_from_content_type(content_type);
    if (!header.empty() && !html::canonical_encoding(header).empty()) {
      label = std::string(header);
    } else if (bytes.starts_with("@charset \"")) {
      std::size_t end = bytes.find("\";", 10);
      if (end != std::string_view::npos && end - 10 < 64) {
        std::string_view enc = html::canonical_encoding(bytes.substr(10, end - 10));
        // "utf-16be"/"utf-16le" in @charset means UTF-8 (the bytes were ASCII-compatible).
        if (enc == "utf-16be" || enc == "utf-16le") enc = "utf-8";
        if (!enc.empty()) label = std::string(enc);
      }
    }
    if (label.empty()) label = html::canonical_encoding(fallback).empty() ? "utf-8" : std::string(fallback);
  }
  std::string header = label.empty() ? std::string() : "text/css; charset=" + label;
  return html::decode_to_utf8(bytes, header).text;
}

// ---------------------------------------------------------------------------------------

struct SheetCache::Impl {
  struct Entry {
    bool loading = true;
    LoadedSheet result;
    std::size_t bytes = 0;
    int attempts = 0;
    std::list<std::string>::iterator lru;
    bool in_lru = false;
  };
  explicit Impl(std::size_t max) : max_bytes(max) {}

  std::size_t max_bytes;
  mutable std::mutex mu;
  std::condition_variable cv;
  std::unordered_map<std::string, std::shared_ptr<Entry>> entries;
  std::list<std::string> lru;  // most recent first
  Stats stats;

  // Keeps `key` within the budget, evicting the least recently used finished entries.
  void account(const std::string& key, Entry& e) {
    stats.bytes += e.bytes;
    lru.push_front(key);
    e.lru = lru.begin();
    e.in_lru = true;
    while (stats.bytes > max_bytes && !lru.empty()) {
      const std::string victim = lru.back();
      auto it = entries.find(victim);
      lru.pop_back();
      if (it == entries.end()) continue;
      stats.bytes -= it->second->bytes;
      ++stats.evicted;
      if (!victim.starts_with("inline:")) {  // an inline sheet's key is its text, not an address
        stats.recently_evicted.push_back(victim.substr(0, 200));
        if (stats.recently_evicted.size() > 10) stats.recently_evicted.erase(stats.recently_evicted.begin());
      }
      entries.erase(it);
    }
  }

  LoadedSheet load(const std::string& url, fetch::Fetcher* fetcher, const LoadOptions& opts,
                   std::string_view page_encoding);
};

LoadedSheet SheetCache::Impl::load(const std::string& url, fetch::Fetcher* fetcher, const LoadOptions& opts,
                                   std::string_view page_encoding) {
  LoadedSheet out;
  out.final_url = url;
  std::string bytes;
  std::string content_type;
  if (is_file(url)) {
    std::string_view rest = std::string_view(url).substr(5);
    if (rest.starts_with("//")) rest.remove_prefix(2);
    fs::path path(percent_decode(rest));
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    std::string ext = text::ascii_lower(path.extension().string());
    if (st.type() != fs::file_type::regular) {
      out.error = note("style sheet not found on disk: " + for_message(url),
                       "stilmallen finns inte på disken: " + for_message(url));
      out.browser_skips = true;
      return out;
    }
    if (ext != ".css") {
      out.error = note("not read: a local page's style sheet must be a .css file: " + for_message(url),
                       "lästes inte: en lokal sidas stilmall måste vara en .css-fil: " + for_message(url));
      return out;
    }
    std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size > opts.max_sheet_bytes) {
      out.error = note("style sheet larger than " + fetch::format_size(opts.max_sheet_bytes) + ": " + for_message(url),
                       "stilmallen är större än " + fetch::format_size(opts.max_sheet_bytes) + ": " + for_message(url));
      return out;
    }
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      out.error = note("could not read style sheet " + for_message(url), "stilmallen kunde inte läsas: " + for_message(url));
      return out;
    }
  } else {
    if (!fetcher) {
      out.error = note("style sheet not loaded: " + for_message(url), "stilmallen hämtades inte: " + for_message(url));
      return out;
    }
    fetch::Options fo = opts.fetch;
    fo.max_body_bytes = std::min(fo.max_body_bytes, opts.max_sheet_bytes);
    Result<fetch::Response> r = fetcher->get(url, fo);
    if (!r) {
      out.error = r.error();
      return out;
    }
    out.final_url = r->final_url.empty() ? url : r->final_url;
    if (r->status < 200 || r->status > 299) {
      out.error = note("style sheet answered HTTP " + std::to_string(r->status) + ": " + for_message(url),
                       "stilmallen svarade HTTP " + std::to_string(r->status) + ": " + for_message(url));
      out.browser_skips = true;
      return out;
    }
    std::string type = text::ascii_lower(text::trim(r->content_type.substr(0, r->content_type.find(';'))));
    if (!type.empty() && type != "text/css") {
      out.error = note("not a style sheet (" + type + "): " + for_message(url),
                       "inte en stilmall (" + type + "): " + for_message(url));
      out.browser_skips = true;
      return out;
    }
    bytes = std::move(r->body);
    content_type = r->content_type;
  }
  std::string text = decode_stylesheet(bytes, content_type, page_encoding);
  out.sheet = std::make_shared<const Sheet>(parse_stylesheet(text));
  return out;
}

SheetCache::SheetCache(std::size_t max_bytes) : impl_(std::make_unique<Impl>(max_bytes)) {}
SheetCache::~SheetCache() = default;

LoadedSheet SheetCache::get(const std::string& url, fetch::Fetcher* fetcher, const LoadOptions& opts,
                            std::string_view page_encoding) {
  std::string key = url;
  if (is_http(url)) {
    if (Result<url::Url> u = url::Url::parse(url); u) key = u->normalized();
  }
  std::shared_ptr<Impl::Entry> entry;
  {
    std::unique_lock lock(impl_->mu);
    ++impl_->stats.requests;
    while (true) {
      auto it = impl_->entries.find(key);
      if (it == impl_->entries.end()) break;
      entry = it->second;
      if (entry->loading) {
        impl_->cv.wait(lock, [&] { return !entry->loading; });
        // It may have been evicted or dropped for a retry meanwhile: look again.
        if (impl_->entries.count(key) && impl_->entries[key] == entry) return entry->result;
        entry.reset();
        continue;
      }
      // A transport error is tried again (a few times per run): it may have been passing.
      bool retry = !entry->result.sheet && !entry->result.browser_skips && entry->attempts < 3 && fetcher;
      if (!retry) {
        if (entry->in_lru) impl_->lru.splice(impl_->lru.begin(), impl_->lru, entry->lru);
        return entry->result;
      }
      if (entry->in_lru) impl_->lru.erase(entry->lru);
      impl_->stats.bytes -= entry->bytes;
      int attempts = entry->attempts;
      impl_->entries.erase(it);
      entry = std::make_shared<Impl::Entry>();
      entry->attempts = attempts;
      break;
    }
    if (!entry && !fetcher && is_http(url)) {  // not cached and not to be fetched now
      LoadedSheet none;
      none.error = note("style sheet not loaded: " + for_message(url), "stilmallen hämtades inte: " + for_message(url));
      return none;
    }
    if (!entry) entry = std::make_shared<Impl::Entry>();
    impl_->entries[key] = entry;
  }
  LoadedSheet result = impl_->load(url, fetcher, opts, page_encoding);
  {
    std::lock_guard lock(impl_->mu);
    entry->result = result;
    entry->loading = false;
    ++entry->attempts;
    entry->bytes = 256 + (result.sheet ? result.sheet->bytes : 0);
    if (result.sheet) ++impl_->stats.loaded;
    else ++impl_->stats.failed;
    if (impl_->entries.count(key) && impl_->entries[key] == entry) impl_->account(key, *entry);
  }
  impl_->cv.notify_all();
  return result;
}

std::shared_ptr<const Sheet> SheetCache::inline_sheet(std::string_view css) {
  // Keyed by the text itself (accounted twice below, as the map and the LRU list hold it):
  // exact, and a page check needs no cryptographic hash, which loads libcrypto (~1 ms).
  std::string key = "inline:" + std::string(css);
  {
    std::lock_guard lock(impl_->mu);
    ++impl_->stats.requests;
    auto it = impl_->entries.find(key);
    if (it != impl_->entries.end() && !it->second->loading && it->second->result.sheet) {
      if (it->second->in_lru) impl_->lru.splice(impl_->lru.begin(), impl_->lru, it->second->lru);
      return it->second->result.sheet;
    }
  }
  // Parsed outside the lock; two threads may parse the same text once each.
  auto sheet = std::make_shared<const Sheet>(parse_stylesheet(css));
  std::lock_guard lock(impl_->mu);
  auto it = impl_->entries.find(key);
  if (it != impl_->entries.end()) return it->second->result.sheet ? it->second->result.sheet : sheet;
  auto entry = std::make_shared<Impl::Entry>();
  entry->loading = false;
  entry->result.sheet = sheet;
  entry->bytes = 256 + sheet->bytes + 2 * key.size();
  ++impl_->stats.loaded;
  impl_->entries[key] = entry;
  impl_->account(key, *entry);
  return sheet;
}

SheetCache::Stats SheetCache::stats() const {
  std::lock_guard lock(impl_->mu);
  return impl_->stats;
}

// ---------------------------------------------------------------------------------------

namespace {

bool has_token(std::string_view list, std::string_view token) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && text::is_html_space(list[i])) ++i;
    std::size_t start = i;
    while (i < list.size() && !text::is_html_space(list[i])) ++i;
    if (i > start && text::iequals(list.substr(start, i - start), token)) return true;
  }
  return false;
}

bool in_element(const html::Node& e, std::string_view tag) {
  for (const html::Node* p = e.parent_element(); p; p = p->parent_element()) {
    if (p->is(tag)) return true;
  }
  return false;
}

class Collector {
 public:
  Collector(std::string_view page_url, SheetCache* cache, fetch::Fetcher* fetcher, const LoadOptions& opts,
            std::string_view encoding, PageSheets& out)
      : page_url_(page_url), cache_(cache), fetcher_(fetcher), opts_(opts), encoding_(encoding), out_(out) {}

  std::string base;  // the document's base URL (<base href> applied)

  // Resolves a URL in the page or in a sheet at `from`; "" when it cannot be resolved.
  std::string resolve(std::string_view from, std::string_view ref) {
    ref = text::trim(ref);
    if (ref.empty()) return {};
    if (is_http(from)) {
      Result<url::Url> b = url::Url::parse(from);
      if (!b) return {};
      Result<url::Url> r = b->resolve(ref);
      return r ? r->str() : std::string();
    }
    if (is_file(from)) {
      std::string f = resolve_file_url(from, ref);
      if (!f.empty()) return f;
      if (is_http(ref)) return std::string(ref);
      return {};
    }
    if (is_http(ref)) return std::string(ref);  // stdin: only absolute URLs
    return {};
  }

  // Adds a sheet and, before it, what it imports. `media`/`layer`: of the enclosing
  // imports. `chain`: the URLs being imported, for loops.
  void add(std::shared_ptr<const Sheet> sheet, const std::string& sheet_url, const std::string& base_url,
           std::vector<std::string> media, bool supported, std::string layer, bool layered, std::uint32_t first_line,
           const html::Node* owner, std::vector<std::string>& chain) {
    for (const Import& imp : sheet->imports) {
      if (!limit_ok()) return;
      std::string target = resolve(base_url, imp.url);
      if (target.empty()) {
        out_.notes.push_back(note("@import not loaded (" + for_message(imp.url) + " cannot be resolved from " +
                                      for_message(base_url.empty() ? page_url_ : base_url) + ")",
                                  "@import hämtades inte (" + for_message(imp.url) + " kan inte tolkas från " +
                                      for_message(base_url.empty() ? page_url_ : base_url) + ")"));
        out_.incomplete = true;
        continue;
      }
      if (std::find(chain.begin(), chain.end(), target) != chain.end()) {
        out_.notes.push_back(note("@import loop skipped: " + for_message(target),
                                  "@import-slinga hoppades över: " + for_message(target)));
        continue;
      }
      if (chain.size() >= static_cast<std::size_t>(kMaxImportDepth)) {
        out_.notes.push_back(note("@import nested more than " + std::to_string(kMaxImportDepth) +
                                      " deep, not loaded: " + for_message(target),
                                  "@import i mer än " + std::to_string(kMaxImportDepth) + " nivåer hämtades inte: " +
                                      for_message(target)));
        out_.incomplete = true;
        continue;
      }
      std::optional<LoadedSheet> loaded = load(target);
      if (!loaded) continue;
      std::vector<std::string> m = media;
      if (!text::trim(imp.media).empty()) m.push_back(imp.media);
      std::string l = layer;
      bool lyr = layered;
      if (imp.layer >= 0) {
        const std::string& local = sheet->layers[static_cast<std::size_t>(imp.layer)];
        std::string name = local;
        if (name.starts_with('\x01')) name = "\x02" + std::to_string(anonymous_++);
        l = layered ? layer + "." + name : name;
        lyr = true;
      }
      chain.push_back(target);
      add(loaded->sheet, target, loaded->final_url, std::move(m), supported && imp.supported, std::move(l), lyr, 1,
          owner, chain);
      chain.pop_back();
    }
    SheetUse use;
    use.sheet = std::move(sheet);
    use.media = std::move(media);
    use.supported = supported;
    use.layer = std::move(layer);
    use.layered = layered;
    use.url = sheet_url;
    use.first_line = first_line;
    use.owner = owner;
    out_.sheets.push_back(std::move(use));
    ++count_;
  }

  bool limit_ok() {
    if (count_ < opts_.max_sheets_per_page) return true;
    if (!limit_noted_) {
      out_.notes.push_back(note("more than " + std::to_string(opts_.max_sheets_per_page) +
                                    " style sheets: the rest were not loaded",
                                "fler än " + std::to_string(opts_.max_sheets_per_page) +
                                    " stilmallar: resten hämtades inte"));
      out_.incomplete = true;
      limit_noted_ = true;
    }
    return false;
  }

  // The sheet at an absolute URL, or nullopt (with a note) when it is not used.
  std::optional<LoadedSheet> load(const std::string& url) {
    if (is_file(page_url_) && is_http(url)) {
      out_.notes.push_back(note("style sheet on the network not fetched for a local file: " + for_message(url),
                                "stilmall på nätet hämtades inte för en lokal fil: " + for_message(url)));
      out_.incomplete = true;
      return std::nullopt;
    }
    if (!cache_ || (is_http(url) && !fetcher_)) {
      out_.notes.push_back(note("linked style sheet not loaded: " + for_message(url),
                                "länkad stilmall hämtades inte: " + for_message(url)));
      out_.incomplete = true;
      return std::nullopt;
    }
    // The page's extra headers (a login for a staging site) go only to the page's own
    // origin: a sheet on a CDN gets the request a browser would send, without them.
    LoadOptions o = opts_;
    if (is_http(url) && origin_of(url) != origin_of(page_url_)) o.fetch.headers.clear();
    // The page's sheets share one time budget (a crawl's watchdog stops a page that hangs):
    // each fetch may take what is left of it; once it is spent, only cached sheets are used.
    fetch::Fetcher* fetcher = fetcher_;
    const long left = static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - std::chrono::steady_clock::now()).count());
    if (left <= 0) {
      fetcher = nullptr;
    } else {
      o.fetch.total_timeout_ms = std::min(o.fetch.total_timeout_ms, left);
      o.fetch.connect_timeout_ms = std::min(o.fetch.connect_timeout_ms, left);
    }
    LoadedSheet s = cache_->get(url, fetcher, o, encoding_);
    if (!s.sheet && !fetcher && fetcher_ && is_http(url)) {
      if (!budget_noted_) {
        const std::string secs = std::to_string(opts_.time_budget.count() / 1000);
        out_.notes.push_back(note("the page's style sheets took more than " + secs + " s: the rest were not loaded",
                                  "sidans stilmallar tog mer än " + secs + " s: resten hämtades inte"));
        budget_noted_ = true;
      }
      out_.incomplete = true;
      return std::nullopt;
    }
    if (!s.sheet) {
      Error e = s.error;
      out_.notes.push_back(note("style sheet skipped: " + e.message,
                                "stilmallen hoppades över: " + (e.message_sv.empty() ? e.message : e.message_sv)));
      if (!s.browser_skips) out_.incomplete = true;
      return std::nullopt;
    }
    return s;
  }

  std::string_view page_url_;
  SheetCache* cache_;
  fetch::Fetcher* fetcher_;
  const LoadOptions& opts_;
  std::string_view encoding_;
  PageSheets& out_;
  std::size_t count_ = 0;
  bool limit_noted_ = false;
  bool budget_noted_ = false;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::now() + opts_.time_budget;
  int anonymous_ = 0;
};

}  // namespace

PageSheets collect_sheets(const html::Document& doc, std::string_view page_url, SheetCache* cache,
                          fetch::Fetcher* fetcher, const LoadOptions& opts, std::string_view page_encoding,
                          const Environment& env) {
  PageSheets out;
  Collector c(page_url, cache, fetcher, opts, page_encoding, out);
  c.base = std::string(page_url);
  std::string preferred;  // the preferred style sheet set
  for (const html::Node* e : doc.elements()) {
    if (e->is("base") && e->has_attr("href") && c.base == page_url) {
      std::string b = c.resolve(page_url, *e->attr("href"));
      if (!b.empty()) c.base = b;
    }
    if (e->is("meta") && preferred.empty()) {
      auto equiv = e->attr("http-equiv");
      if (equiv && text::iequals(text::trim(*equiv), "default-style")) {
        preferred = std::string(text::trim(e->attr("content").value_or("")));
      }
    }
  }
  std::vector<std::string> chain;
  for (const html::Node* e : doc.elements()) {
    bool style = e->tag() == "style" && (e->ns() == html::Namespace::Html || e->ns() == html::Namespace::Svg);
    bool link = e->is("link");
    if (!style && !link) continue;
    if (in_element(*e, "template")) continue;
    if (env.scripting && in_element(*e, "noscript")) continue;
    std::string_view title = text::trim(e->attr("title").value_or(""));
    if (style) {
      if (auto type = e->attr("type"); type && !text::trim(*type).empty() &&
                                       !text::iequals(text::trim(*type), "text/css")) {
        continue;
      }
      if (!title.empty()) {
        if (preferred.empty()) preferred = std::string(title);
        if (title != preferred) continue;
      }
      if (!c.limit_ok()) break;
      std::string css = e->text_content();
      std::shared_ptr<const Sheet> sheet = cache ? cache->inline_sheet(css)
                                                 : std::make_shared<const Sheet>(parse_stylesheet(css));
      std::uint32_t line = e->position().line;
      for (const html::Node* k : e->children()) {
        if (k->is_text() && k->position().line > 0) {
          line = k->position().line;
          break;
        }
      }
      std::vector<std::string> media;
      if (auto m = e->attr("media"); m && !text::trim(*m).empty()) media.emplace_back(*m);
      c.add(std::move(sheet), "", c.base, std::move(media), true, "", false, line, e, chain);
      continue;
    }
    auto rel = e->attr("rel");
    auto href = e->attr("href");
    if (!rel || !has_token(*rel, "stylesheet") || !href || text::trim(*href).empty()) continue;
    if (has_token(*rel, "alternate")) continue;  // alternate sheets are off until chosen
    if (e->has_attr("disabled")) continue;
    if (auto type = e->attr("type"); type && !text::trim(*type).empty() &&
                                     !text::iequals(text::trim(type->substr(0, type->find(';'))), "text/css")) {
      continue;
    }
    if (!title.empty()) {
      if (preferred.empty()) preferred = std::string(title);
      if (title != preferred) continue;
    }
    if (!c.limit_ok()) break;
    std::string url = c.resolve(c.base, *href);
    if (url.empty()) {
      out.notes.push_back(note("linked style sheet not loaded (" + for_message(*href) + " cannot be resolved)",
                               "länkad stilmall hämtades inte (" + for_message(*href) + " kan inte tolkas)"));
      out.incomplete = true;
      continue;
    }
    std::optional<LoadedSheet> loaded = c.load(url);
    if (!loaded) continue;
    std::vector<std::string> media;
    if (auto m = e->attr("media"); m && !text::trim(*m).empty()) media.emplace_back(*m);
    chain.push_back(url);
    c.add(loaded->sheet, url, loaded->final_url, std::move(media), true, "", false, 1, e, chain);
    chain.pop_back();
  }
  return out;
}

}  // namespace granska::style
