#include "store/facts_codec.h"

namespace granska::store::detail {

namespace {

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

void put_str(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view d) : d_(d) {}
  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (i_ >= d_.size()) return false;
      const auto b = static_cast<unsigned char>(d_[i_++]);
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  // A count no larger than the bytes left (each element takes at least one byte).
  bool count(std::size_t& n) {
    std::uint64_t v = 0;
    if (!varint(v) || v > d_.size() - i_) return false;
    n = static_cast<std::size_t>(v);
    return true;
  }
  bool str(std::string& s) {
    std::size_t n = 0;
    if (!count(n)) return false;
    s.assign(d_.substr(i_, n));
    i_ += n;
    return true;
  }
  bool byte(std::uint8_t& b) {
    if (i_ >= d_.size()) return false;
    b = static_cast<std::uint8_t>(d_[i_++]);
    return true;
  }
  bool done() const { return i_ == d_.size(); }

 private:
  std::string_view d_;
  std::size_t i_ = 0;
};

// "scheme://host[:port]" of a URL as written (the facts' targets are resolved URLs, whose
// scheme and host are as the page wrote them; an exact prefix is all the saving needs).
std::string_view origin_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const std::size_t end = url.find_first_of("/?#", scheme + 3);
  return url.substr(0, end == std::string_view::npos ? url.size() : end);
}

}  // namespace

std::string encode_block(const results::NavBlock& b) {
  std::string out;
  out += static_cast<char>(kFactsVersion);
  out += static_cast<char>(b.kind);
  put_str(out, b.label);
  put_varint(out, b.items.size());
  for (const results::NavItem& i : b.items) {
    put_str(out, i.name);
    put_str(out, i.target);
  }
  return out;
}

std::optional<results::NavBlock> decode_block(std::string_view data) {
  Reader r(data);
  std::uint8_t version = 0, kind = 0;
  results::NavBlock b;
  std::size_t n = 0;
  if (!r.byte(version) || version != kFactsVersion || !r.byte(kind) || kind > 2 || !r.str(b.label) || !r.count(n)) {
    return std::nullopt;
  }
  b.kind = static_cast<results::BlockKind>(kind);
  b.items.resize(n);
  for (results::NavItem& i : b.items) {
    if (!r.str(i.name) || !r.str(i.target)) return std::nullopt;
  }
  if (!r.done()) return std::nullopt;
  return b;
}

std::string encode_facts(const results::PageFacts& f, const std::vector<std::int64_t>& block_ids,
                         std::string_view page_url) {
  const std::string_view origin = origin_of(page_url);
  std::string out;
  out += static_cast<char>(kFactsVersion);
  put_varint(out, block_ids.size());
  for (std::int64_t id : block_ids) put_varint(out, static_cast<std::uint64_t>(id));
  put_varint(out, f.links.size());
  for (const results::LinkFact& l : f.links) {
    std::string_view t = l.target;
    // Same origin: stored from the path on ("/…" can never start an absolute URL).
    if (!origin.empty() && t.size() > origin.size() && t.substr(0, origin.size()) == origin &&
        t[origin.size()] == '/') {
      t.remove_prefix(origin.size());
    }
    put_str(out, t);
    put_str(out, l.name);
  }
  put_varint(out, f.components.size());
  for (const results::Component& c : f.components) {
    out += static_cast<char>(c.kind);
    put_str(out, c.key);
    put_str(out, c.name);
  }
  put_varint(out, f.ids.size());
  std::uint32_t prev = 0;
  for (std::uint32_t id : f.ids) {  // sorted: deltas are small
    put_varint(out, id - prev);
    prev = id;
  }
  put_str(out, f.h1);
  put_str(out, f.text);
  out += static_cast<char>(f.has_form ? 1 : 0);
  return out;
}

bool decode_facts(std::string_view data, std::string_view page_url, results::PageFacts& f,
                  std::vector<std::int64_t>& block_ids) {
  const std::string_view origin = origin_of(page_url);
  Reader r(data);
  std::uint8_t version = 0;
  std::size_t n = 0;
  if (!r.byte(version) || version != kFactsVersion || !r.count(n)) return false;
  block_ids.resize(n);
  for (std::int64_t& id : block_ids) {
    std::uint64_t v = 0;
    if (!r.varint(v)) return false;
    id = static_cast<std::int64_t>(v);
  }
  if (!r.count(n)) return false;
  f.links.resize(n);
  for (results::LinkFact& l : f.links) {
    if (!r.str(l.target) || !r.str(l.name)) return false;
    if (!l.target.empty() && l.target[0] == '/') l.target.insert(0, origin);
  }
  if (!r.count(n)) return false;
  f.components.resize(n);
  for (results::Component& c : f.components) {
    std::uint8_t kind = 0;
    if (!r.byte(kind) || kind > 2 || !r.str(c.key) || !r.str(c.name)) return false;
    c.kind = static_cast<results::ComponentKind>(kind);
  }
  if (!r.count(n)) return false;
  f.ids.resize(n);
  std::uint64_t prev = 0;
  for (std::uint32_t& id : f.ids) {
    std::uint64_t d = 0;
    if (!r.varint(d)) return false;
    prev += d;
    id = static_cast<std::uint32_t>(prev);
  }
  std::uint8_t form = 0;
  if (!r.str(f.h1) || !r.str(f.text) || !r.byte(form) || !r.done()) return false;
  f.has_form = form != 0;
  return true;
}

}  // namespace granska::store::detail
