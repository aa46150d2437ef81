#include "url/url.h"

#include <algorithm>
#include <charconv>

namespace granska::url {
namespace {

constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
constexpr bool is_unreserved(unsigned char c) {
  return is_alpha(static_cast<char>(c)) || is_digit(static_cast<char>(c)) || c == '-' ||
         c == '.' || c == '_' || c == '~';
}
constexpr bool is_sub_delim(char c) {
  switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case '=':
      return true;
    default:
      return false;
  }
}
constexpr int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
constexpr char kHexUpper[] = "0123456789ABCDEF";

// Bytes a URL may not contain literally (WHATWG's and RFC 3986's sets agree on these).
constexpr bool needs_encoding(unsigned char c) {
  if (c <= 0x20 || c >= 0x7F) return true;
  switch (c) {
    case '"': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
      return true;
    default:
      return false;
  }
}

void append_pct(std::string& out, unsigned char c) {
  out += '%';
  out += kHexUpper[c >> 4];
  out += kHexUpper[c & 0xF];
}

bool is_valid_scheme(std::string_view s) {
  if (s.empty() || !is_alpha(s[0])) return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) {
    return is_alpha(c) || is_digit(c) || c == '+' || c == '-' || c == '.';
  });
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// As browsers do for href values: strip leading/trailing C0 controls and spaces, drop tabs
// and line breaks anywhere.
std::string clean_input(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  // Most links have no tab or line break inside: copied whole (every link of every page
  // comes here, and a byte at a time was 1 % of a crawl).
  if (std::none_of(s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; })) {
    return std::string(s);
  }
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

// For messages: at most 200 bytes of the URL (cut on a UTF-8 boundary).
std::string for_message(std::string_view s) {
  if (s.size() <= 200) return std::string(s);
  std::size_t n = 200;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "…";
}

Error url_error(std::string_view what_en, std::string_view what_sv, std::string_view url) {
  const std::string u = for_message(url);
  return Error{std::string(what_en) + ": " + u, std::string(what_sv) + ": " + u};
}

// RFC 3986 Appendix B, by hand: the five components of any URI reference.
struct Parts {
  std::string_view scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;
};

Parts split(std::string_view s) {
  Parts p;
  const std::size_t colon = s.find_first_of(":/?#");
  if (colon != std::string_view::npos && s[colon] == ':' && is_valid_scheme(s.substr(0, colon))) {
    p.has_scheme = true;
    p.scheme = s.substr(0, colon);
    s.remove_prefix(colon + 1);
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    s.remove_prefix(2);
    const std::size_t end = std::min(s.find_first_of("/?#"), s.size());
    p.has_authority = true;
    p.authority = s.substr(0, end);
    s.remove_prefix(end);
  }
  const std::size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  const std::size_t q = s.find('?');
  if (q != std::string_view::npos) {
    p.has_query = true;
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  p.path = s;
  return p;
}

// RFC 3986 §5.2.4 in place: the write position never passes the read position, so the
// output can overwrite the input. Returns the new length.
std::size_t remove_dot_segments_in_place(char* p, std::size_t n) {
  std::size_t r = 0, w = 0;
  auto rest = [&](std::string_view prefix) {
    return n - r >= prefix.size() && std::string_view(p + r, prefix.size()) == prefix;
  };
  auto rest_is = [&](std::string_view whole) {
    return n - r == whole.size() && std::string_view(p + r, whole.size()) == whole;
  };
  auto pop_segment = [&] {
    while (w > 0 && p[w - 1] != '/') --w;
    if (w > 0) --w;  // the '/' that began the segment
  };
  while (r < n) {
    if (rest("../")) {
      r += 3;
    } else if (rest("./")) {
      r += 2;
    } else if (rest("/./")) {
      r += 2;
    } else if (rest_is("/.")) {
      p[r + 1] = '/';  // already read: safe to overwrite
      r += 1;
    } else if (rest("/../")) {
      r += 3;
      pop_segment();
    } else if (rest_is("/..")) {
      p[r + 2] = '/';
      r += 2;
      pop_segment();
    } else if (rest_is(".") || rest_is("..")) {
      r = n;
    } else {
      if (p[r] == '/') p[w++] = p[r++];
      while (r < n && p[r] != '/') p[w++] = p[r++];
    }
  }
  return w;
}

void append_without_dots(std::string& out, std::string_view path) {
  const std::size_t start = out.size();
  out.append(path);
  out.resize(start + remove_dot_segments_in_place(out.data() + start, path.size()));
}

bool valid_host_char(char c) {
  return is_unreserved(static_cast<unsigned char>(c)) || is_sub_delim(c) || c == '%' ||
         static_cast<unsigned char>(c) >= 0x80;  // IDN in UTF-8, kept as given
}

bool valid_ip_literal(std::string_view inner) {
  if (inner.empty()) return false;
  if (inner[0] == 'v' || inner[0] == 'V') {  // IPvFuture
    return std::all_of(inner.begin(), inner.end(), [](char c) {
      return is_unreserved(static_cast<unsigned char>(c)) || is_sub_delim(c) || c == ':';
    });
  }
  return std::all_of(inner.begin(), inner.end(),
                     [](char c) { return hex_value(c) >= 0 || c == ':' || c == '.'; }) &&
         inner.find(':') != std::string_view::npos;
}

// Appends a host lowercased, with percent-encoding normalised the same way as elsewhere.
void append_host(std::string& out, std::string_view host) {
  for (std::size_t i = 0; i < host.size(); ++i) {
    const char c = host[i];
    if (c == '%' && i + 2 < host.size() && hex_value(host[i + 1]) >= 0 &&
        hex_value(host[i + 2]) >= 0) {
      const auto v = static_cast<unsigned char>(hex_value(host[i + 1]) * 16 + hex_value(host[i + 2]));
      if (is_unreserved(v)) {
        out += to_lower(static_cast<char>(v));
      } else {
        append_pct(out, v);
      }
      i += 2;
    } else {
      out += to_lower(c);
    }
  }
}

std::string_view strip_www(std::string_view host) {
  if (host.size() > 4 && iequals(host.substr(0, 4), "www.")) host.remove_prefix(4);
  return host;
}

}  // namespace

// ---------------------------------------------------------------------------------------

QueryFilter::QueryFilter(std::vector<std::string> patterns) {
  for (auto& p : patterns) {
    for (char& c : p) c = to_lower(c);
    if (!p.empty() && p.front() == ';') {
      path_params_.push_back(p.substr(1));
    } else if (!p.empty() && p.back() == '*') {
      p.pop_back();
      prefixes_.push_back(std::move(p));
    } else {
      exact_.push_back(std::move(p));
    }
  }
}

const QueryFilter& QueryFilter::tracking_defaults() {
  static const QueryFilter filter({"utm_*", "fbclid", "gclid", "mc_cid", "mc_eid",
                                   // session ids
                                   "sid", "phpsessid", "jsessionid", "sessionid", "session_id", "aspsessionid*",
                                   "cfid", "cftoken", "oscsid", "zenid", ";jsessionid", ";phpsessid", ";sid",
                                   ";sessionid"});
  return filter;
}

bool QueryFilter::drops_path_parameter(std::string_view key) const {
  for (const auto& p : path_params_) {
    if (iequals(key, p)) return true;
  }
  return false;
}

bool QueryFilter::drops(std::string_view key) const {
  for (const auto& e : exact_) {
    if (iequals(key, e)) return true;
  }
  for (const auto& p : prefixes_) {
    if (key.size() >= p.size() && iequals(key.substr(0, p.size()), p)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------

void append_normalized_component(std::string& out, std::string_view in) {
  for (std::size_t i = 0; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 &&
        hex_value(in[i + 2]) >= 0) {
      const auto v = static_cast<unsigned char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      if (is_unreserved(v)) {
        out += static_cast<char>(v);
      } else {
        append_pct(out, v);
      }
      i += 2;
    } else if (c != '%' && needs_encoding(c)) {
      append_pct(out, c);
    } else {
      out += static_cast<char>(c);
    }
  }
}

std::string remove_dot_segments(std::string_view path) {
  std::string out;
  append_without_dots(out, path);
  return out;
}

std::string resolve_reference(std::string_view base, std::string_view reference) {
  const Parts b = split(base);
  const Parts r = split(reference);
  if (!b.has_scheme) return std::string(reference);

  std::string out;
  out.reserve(base.size() + reference.size());
  std::string_view scheme = b.scheme;
  std::string_view authority = b.authority;
  bool has_authority = b.has_authority;
  std::string_view query = r.query;
  bool has_query = r.has_query;
  std::string path;  // built below; small, and only on the resolve path

  if (r.has_scheme) {
    scheme = r.scheme;
    authority = r.authority;
    has_authority = r.has_authority;
    path = remove_dot_segments(r.path);
  } else if (r.has_authority) {
    authority = r.authority;
    path = remove_dot_segments(r.path);
  } else if (r.path.empty()) {
    path = std::string(b.path);
    if (!r.has_query) {
      query = b.query;
      has_query = b.has_query;
    }
  } else if (r.path.front() == '/') {
    path = remove_dot_segments(r.path);
  } else {
    std::string merged;  // §5.2.3
    if (b.has_authority && b.path.empty()) {
      merged = "/";
    } else {
      const std::size_t slash = b.path.rfind('/');
      if (slash != std::string_view::npos) merged = b.path.substr(0, slash + 1);
    }
    merged += r.path;
    path = remove_dot_segments(merged);
  }

  out.append(scheme);
  out += ':';
  if (has_authority) {
    out += "//";
    out.append(authority);
  }
  out += path;
  if (has_query) {
    out += '?';
    out.append(query);
  }
  if (r.has_fragment) {
    out += '#';
    out.append(r.fragment);
  }
  return out;
}

// ---------------------------------------------------------------------------------------

Result<Url> Url::parse(std::string_view text) {
  Url u;
  u.spec_ = clean_input(text);
  std::string& s = u.spec_;

  const std::size_t colon = s.find(':');
  const std::string_view scheme = std::string_view(s).substr(0, colon);
  if (colon == std::string::npos || !is_valid_scheme(scheme)) {
    return url_error("not an absolute URL", "inte en absolut webbadress", s);
  }
  if (!iequals(scheme, "http") && !iequals(scheme, "https")) {
    return url_error("not an http or https URL", "inte en http- eller https-adress", s);
  }
  for (std::size_t i = 0; i < colon; ++i) s[i] = to_lower(s[i]);
  u.scheme_end_ = colon;

  if (s.compare(colon + 1, 2, "//") != 0) {
    return url_error("URL without a host", "webbadress utan värddator", s);
  }
  const std::size_t auth_b = colon + 3;
  const std::size_t auth_e = std::min(s.find_first_of("/?#", auth_b), s.size());

  std::size_t host_b = auth_b;
  const std::size_t at = std::string_view(s).substr(auth_b, auth_e - auth_b).rfind('@');
  if (at != std::string_view::npos) {
    u.has_user_ = true;
    u.user_b_ = auth_b;
    u.user_e_ = auth_b + at;
    host_b = auth_b + at + 1;
  } else {
    u.user_b_ = u.user_e_ = auth_b;
  }

  std::size_t host_e;
  if (host_b < auth_e && s[host_b] == '[') {
    const std::size_t close = s.find(']', host_b);
    if (close == std::string::npos || close >= auth_e ||
        !valid_ip_literal(std::string_view(s).substr(host_b + 1, close - host_b - 1))) {
      return url_error("bad IP address in URL", "felaktig IP-adress i webbadressen", s);
    }
    host_e = close + 1;
    if (host_e < auth_e && s[host_e] != ':') {
      return url_error("bad host in URL", "felaktig värddator i webbadressen", s);
    }
  } else {
    host_e = std::min(s.find(':', host_b), auth_e);
    for (std::size_t i = host_b; i < host_e; ++i) {
      if (!valid_host_char(s[i])) {
        return url_error("bad host in URL", "felaktig värddator i webbadressen", s);
      }
    }
  }
  if (host_e == host_b) {
    return url_error("URL without a host", "webbadress utan värddator", s);
  }
  u.host_b_ = host_b;
  u.host_e_ = host_e;

  u.port_ = u.scheme() == "https" ? 443 : 80;
  u.port_b_ = u.port_e_ = host_e;
  if (host_e < auth_e) {  // s[host_e] == ':'
    u.port_b_ = host_e + 1;
    u.port_e_ = auth_e;
    const std::string_view digits = u.port_text();
    if (!digits.empty()) {
      unsigned value = 0;
      const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (ec != std::errc() || ptr != digits.data() + digits.size() || value > 65535) {
        return url_error("bad port in URL", "felaktigt portnummer i webbadressen", s);
      }
      u.port_ = static_cast<std::uint16_t>(value);
    }
  }

  u.path_b_ = auth_e;
  u.path_e_ = std::min(s.find_first_of("?#", auth_e), s.size());
  std::size_t pos = u.path_e_;
  if (pos < s.size() && s[pos] == '?') {
    u.has_query_ = true;
    u.query_b_ = pos + 1;
    u.query_e_ = std::min(s.find('#', pos), s.size());
    pos = u.query_e_;
  } else {
    u.query_b_ = u.query_e_ = pos;
  }
  if (pos < s.size() && s[pos] == '#') {
    u.has_frag_ = true;
    u.frag_b_ = pos + 1;
  } else {
    u.frag_b_ = s.size();
  }
  u.frag_e_ = s.size();
  return u;
}

Result<Url> Url::resolve(std::string_view reference) const {
  std::string ref = clean_input(reference);
  // "http:g" with our own scheme: relative, as in browsers (RFC 3986 §5.2.2 allows it).
  const std::size_t colon = ref.find(':');
  if (colon != std::string::npos && colon == scheme_end_ && iequals(ref.substr(0, colon), scheme()) &&
      ref.compare(colon + 1, 2, "//") != 0) {
    ref.erase(0, colon + 1);
  }
  return parse(resolve_reference(spec_, ref));
}

std::string Url::origin() const {
  std::string out;
  out.reserve(scheme().size() + 3 + host().size() + 6);
  out.append(scheme());
  out += "://";
  append_host(out, host());
  if (port_ != (scheme() == "https" ? 443 : 80)) {
    char buf[8];
    const auto res = std::to_chars(buf, buf + sizeof buf, port_);
    out += ':';
    out.append(buf, res.ptr);
  }
  return out;
}

std::string Url::normalized() const { return normalize_impl(nullptr); }
std::string Url::normalized(const QueryFilter& filter) const { return normalize_impl(&filter); }

std::string Url::normalize_impl(const QueryFilter* filter) const {
  std::string out;
  out.reserve(spec_.size() + 16);
  out.append(scheme());
  out += "://";
  if (has_user_) {
    append_normalized_component(out, userinfo());
    out += '@';
  }
  append_host(out, host());
  if (port_ != (scheme() == "https" ? 443 : 80)) {
    char buf[8];
    const auto res = std::to_chars(buf, buf + sizeof buf, port_);
    out += ':';
    out.append(buf, res.ptr);
  }

  const std::size_t path_start = out.size();
  append_normalized_component(out, path());
  out.resize(path_start +
             remove_dot_segments_in_place(out.data() + path_start, out.size() - path_start));
  if (filter != nullptr && filter->has_path_parameters()) {
    // Drop ";key=value" path parameters the filter names (session ids), in every segment.
    std::size_t i = path_start;
    while ((i = out.find(';', i)) != std::string::npos) {
      std::size_t end = out.find_first_of("/;", i + 1);
      if (end == std::string::npos) end = out.size();
      std::string_view param = std::string_view(out).substr(i + 1, end - i - 1);
      if (filter->drops_path_parameter(param.substr(0, param.find('=')))) {
        out.erase(i, end - i);
      } else {
        i = end;
      }
    }
  }
  if (out.size() == path_start) out += '/';

  if (has_query_) {
    const std::size_t q = out.size();
    out += '?';
    if (filter == nullptr) {
      append_normalized_component(out, query());
    } else {
      std::string_view rest = query();
      bool first = true;
      while (true) {
        const std::size_t amp = rest.find('&');
        const std::string_view param = rest.substr(0, amp);
        const std::size_t before = out.size();
        if (!first) out += '&';
        const std::size_t key_b = out.size();
        append_normalized_component(out, param);
        const std::string_view written = std::string_view(out).substr(key_b);
        const std::string_view key = written.substr(0, written.find('='));
        if (!param.empty() && filter->drops(key)) {
          out.resize(before);
        } else {
          first = false;
        }
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
      }
    }
    if (out.size() == q + 1) out.resize(q);
  }
  return out;
}

// ---------------------------------------------------------------------------------------

bool same_origin(const Url& a, const Url& b) {
  return a.scheme() == b.scheme() && iequals(a.host(), b.host()) && a.port() == b.port();
}

bool same_host(const Url& a, const Url& b) { return iequals(a.host(), b.host()); }

bool same_site(const Url& a, const Url& b) {
  return iequals(strip_www(a.host()), strip_www(b.host()));
}

bool host_in_domain(const Url& url, std::string_view domain) {
  if (!domain.empty() && domain.front() == '.') domain.remove_prefix(1);
  const std::string_view host = url.host();
  if (domain.empty() || host.size() < domain.size()) return false;
  if (!iequals(host.substr(host.size() - domain.size()), domain)) return false;
  return host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.';
}

std::string without_userinfo(std::string_view url) {
  std::string out(url);
  const std::size_t scheme_end = out.find("://");
  if (scheme_end == std::string::npos) return out;
  const std::size_t host_start = scheme_end + 3;
  const std::size_t authority_end = out.find_first_of("/?#", host_start);
  const std::size_t at = out.rfind('@', authority_end == std::string::npos ? std::string::npos : authority_end);
  if (at != std::string::npos && at >= host_start && (authority_end == std::string::npos || at < authority_end)) {
    out.erase(host_start, at + 1 - host_start);
  }
  return out;
}

}  // namespace granska::url
