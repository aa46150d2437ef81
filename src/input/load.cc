#include "input/load.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <exception>
#include <filesystem>
#include <system_error>

#include "documents/document.h"
#include "html/dom.h"
#include "url/url.h"
#include "util/sha256.h"
#include "util/text.h"

namespace granska::input {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kReadChunk = 64 * 1024;

std::string errno_text(int err) { return std::error_code(err, std::generic_category()).message(); }

Error too_large(const std::string& what_en, const std::string& what_sv, std::size_t limit) {
  const std::string l = fetch::format_size(limit);
  return Error{what_en + " is larger than the limit of " + l,
               what_sv + " är större än gränsen på " + l};
}

Error not_html(const std::string& name, std::string_view kind) {
  const std::string kind_sv = kind == "binary data" ? "binärdata" : std::string(kind);
  return Error{name + " is not an HTML page (looks like " + std::string(kind) + ")",
               name + " är inte en HTML-sida (ser ut som " + kind_sv + ")"};
}

// RFC 3986 percent-decoding for file: URLs; malformed escapes are kept as they are.
std::string percent_decode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
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

// An absolute path as a file: URL, escaping what a URL path may not hold (spaces, å, …).
std::string file_url(const fs::path& absolute) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (char c : absolute.string()) {
    const auto b = static_cast<unsigned char>(c);
    const bool keep = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                      std::string_view("-._~/!$&'()*+,;=:@").find(c) != std::string_view::npos;
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0x0F];
    }
  }
  return out;
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

struct Raw {
  std::string bytes;
  std::string url;
  std::string content_type;  // HTTP only
};

Result<Raw> read_file(const std::string& target, const Options& opts) {
  std::string path_text = target;
  if (text::istarts_with(target, "file://")) {
    std::string_view rest = std::string_view(target).substr(7);
    rest = rest.substr(0, rest.find_first_of("?#"));
    if (text::istarts_with(rest, "localhost/")) rest.remove_prefix(9);
    if (!rest.starts_with('/')) {
      return Error{"Only local file:// addresses can be read: " + target,
                   "Bara lokala file://-adresser kan läsas: " + target};
    }
    path_text = percent_decode(rest);
  }
  const fs::path path(path_text);
  const std::string& name = target;

  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) {
    return Error{"File not found: " + name, "Filen finns inte: " + name};
  }
  if (ec) {
    return Error{"Could not read " + name + ": " + ec.message(),
                 "Filen kunde inte läsas: " + name + " (" + ec.message() + ")"};
  }
  if (st.type() == fs::file_type::directory) {
    return Error{name + " is a directory, not a file", name + " är en katalog, inte en fil"};
  }
  if (st.type() != fs::file_type::regular) {
    return Error{name + " is not a regular file", name + " är inte en vanlig fil"};
  }

  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    const std::string why = errno_text(errno);
    return Error{"Could not read " + name + ": " + why,
                 "Filen kunde inte läsas: " + name + " (" + why + ")"};
  }
  // Size from the open file itself, so a swap after the status() above cannot fool us.
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return Error{name + " is not a regular file", name + " är inte en vanlig fil"};
  }
  if (static_cast<std::size_t>(info.st_size) > opts.max_bytes) {
    return too_large(name, name, opts.max_bytes);
  }

  Raw raw;
  raw.bytes.reserve(static_cast<std::size_t>(info.st_size));
  std::array<char, kReadChunk> buf{};
  for (;;) {
    const ssize_t n = ::read(fd.get(), buf.data(), buf.size());
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = errno_text(errno);
      return Error{"Could not read " + name + ": " + why,
                   "Filen kunde inte läsas: " + name + " (" + why + ")"};
    }
    // The file may grow while we read it: the cap holds whatever fstat said.
    if (raw.bytes.size() + static_cast<std::size_t>(n) > opts.max_bytes) {
      return too_large(name, name, opts.max_bytes);
    }
    raw.bytes.append(buf.data(), static_cast<std::size_t>(n));
  }

  fs::path absolute = fs::absolute(path, ec);
  raw.url = file_url(ec ? path : absolute.lexically_normal());
  return raw;
}

Result<Raw> read_stdin(std::istream& in, const Options& opts) {
  Raw raw;
  raw.url = "stdin:";
  std::array<char, kReadChunk> buf{};
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (raw.bytes.size() + n > opts.max_bytes) {
      return too_large("The input on stdin", "Indata på stdin", opts.max_bytes);
    }
    raw.bytes.append(buf.data(), n);
  }
  if (in.bad()) {
    return Error{"Could not read the input on stdin", "Indata på stdin kunde inte läsas"};
  }
  return raw;
}

// Swedish glosses for the statuses people actually meet.
std::string_view status_gloss_sv(long status) {
  switch (status) {
    case 400: return "felaktig begäran";
    case 401: return "inloggning krävs";
    case 403: return "åtkomst nekad";
    case 404: return "sidan finns inte";
    case 410: return "sidan är borttagen";
    case 429: return "för många anrop";
    case 500: return "internt serverfel";
    case 502: return "felaktigt svar från en bakomliggande server";
    case 503: return "tjänsten är inte tillgänglig just nu";
    case 504: return "en bakomliggande server svarade inte i tid";
    default: return {};
  }
}

Error http_status_error(const fetch::Response& r) {
  std::string status = "HTTP " + std::to_string(r.status);
  if (const std::string_view reason = http_reason_phrase(r.status); !reason.empty()) {
    status += ' ';
    status += reason;
  }
  std::string status_sv = status;
  if (const std::string_view gloss = status_gloss_sv(r.status); !gloss.empty()) {
    status_sv += " (" + std::string(gloss) + ")";
  }
  const std::string url = fetch::url_for_message(r.final_url.empty() ? r.url : r.final_url);
  return Error{"Could not fetch the page: the server answered " + status + " (" + url + ")",
               "Sidan kunde inte hämtas: servern svarade " + status_sv + " (" + url + ")"};
}

// "text/html; charset=…" → "text/html".
std::string mime_essence(std::string_view content_type) {
  return text::ascii_lower(text::trim(content_type.substr(0, content_type.find(';'))));
}

Result<Raw> read_http(const std::string& target, const Options& opts, fetch::Fetcher& fetcher,
                      Page& page) {
  fetch::Options fetch_opts = opts.fetch;
  fetch_opts.max_body_bytes = std::min(fetch_opts.max_body_bytes, opts.max_bytes);
  Result<fetch::Response> got = fetcher.get(target, fetch_opts);
  if (!got) return got.error();
  fetch::Response& r = got.value();
  page.redirects = r.redirects;
  page.http_status = r.status;
  if (r.status < 200 || r.status > 299) return http_status_error(r);

  const std::string final_url = r.final_url.empty() ? r.url : r.final_url;
  const std::string name = fetch::url_for_message(final_url);
  const std::string essence = mime_essence(r.content_type);
  // Documents are told apart by their bytes (sniff) after the fetch; these types may hold one.
  const bool document_type = opts.accept_documents &&
                             (essence == "application/pdf" || essence == "application/octet-stream" ||
                              essence == "application/msword" || essence == "application/vnd.ms-excel" ||
                              essence == "application/vnd.ms-powerpoint" ||
                              essence.rfind("application/vnd.openxmlformats-officedocument.", 0) == 0);
  if (!essence.empty() && essence != "text/html" && essence != "application/xhtml+xml" && !document_type) {
    const std::string type = fetch::escape_for_message(essence, 100);
    return Error{"Not an HTML page: the server says its type is " + type + " (" + name + ")",
                 "Inte en HTML-sida: servern anger typen " + type + " (" + name + ")"};
  }
  Raw raw;
  raw.bytes = std::move(r.body);
  raw.url = final_url;
  raw.content_type = std::move(r.content_type);
  return raw;
}

// The page's addresses as stored and shown: without user:password@ (the fetch itself used
// them as given).
void redact_userinfo(Page& page, std::string url) {
  page.target = url::without_userinfo(page.target);
  page.url = url::without_userinfo(url);
  for (fetch::Redirect& r : page.redirects) {
    r.from = url::without_userinfo(r.from);
    r.to = url::without_userinfo(r.to);
  }
}

void add_redirect_note(Page& page) {
  if (const std::size_t n = page.redirects.size(); n > 0) {
    const std::string count_en = n == 1 ? "once" : std::to_string(n) + " times";
    const std::string count_sv = n == 1 ? "en gång" : std::to_string(n) + " gånger";
    const std::string url = fetch::url_for_message(page.url);
    page.notes.push_back(Error{"Redirected " + count_en + "; the page checked is " + url,
                               "Omdirigerades " + count_sv + "; sidan som granskas är " + url});
  }
}

void add_notes(Page& page) {
  add_redirect_note(page);
  const std::size_t dropped = html::cap_attributes(page.decoded.text);
  page.attributes_capped = true;
  if (dropped > 0) {
    const std::string n = std::to_string(dropped);
    const std::string cap = std::to_string(html::kMaxAttributesPerElement);
    page.notes.push_back(Error{n + " attributes were ignored: granska reads at most " + cap +
                                   " attributes of an element",
                               n + " attribut ignorerades: granska läser högst " + cap + " attribut per element"});
  }
  const html::Decoded& d = page.decoded;
  if (d.replaced > 0) {
    const std::string n = std::to_string(d.replaced);
    const bool one = d.replaced == 1;
    page.notes.push_back(
        Error{n + (one ? " invalid byte sequence was" : " invalid byte sequences were") +
                  " replaced with U+FFFD (encoding: " + d.encoding + ")",
              n + (one ? " ogiltig bytesekvens" : " ogiltiga bytesekvenser") +
                  " ersattes med U+FFFD (teckenkodning: " + d.encoding + ")"});
  }
  if (d.source == html::CharsetSource::Default && d.encoding != "utf-8") {
    page.notes.push_back(
        Error{"No character encoding is declared; the page was read as " + d.encoding,
              "Ingen teckenkodning är angiven; sidan lästes som " + d.encoding});
  }
}

Result<Page> load_impl(const std::string& target, const Options& opts, fetch::Fetcher& fetcher,
                       std::istream& stdin_stream) {
  if (target.empty()) {
    return Error{"No page given: expected a file, a URL or - for standard input",
                 "Ingen sida angiven: ange en fil, en URL eller - för standard in"};
  }
  Page page;
  page.target = target;
  Result<Raw> raw = Raw{};
  std::string name = target;  // how messages name the input
  if (target == "-") {
    raw = read_stdin(stdin_stream, opts);
    name = "stdin";
  } else if (text::istarts_with(target, "http://") || text::istarts_with(target, "https://")) {
    raw = read_http(target, opts, fetcher, page);
    name = fetch::url_for_message(raw ? raw->url : target);
  } else {
    raw = read_file(target, opts);
  }
  if (!raw) return raw.error();
  redact_userinfo(page, std::move(raw->url));
  page.content_type = raw->content_type;
  // A document the server calls HTML is refused below as "not an HTML page": the label is
  // wrong, and the user should hear about it rather than get a document report.
  const std::string essence = mime_essence(raw->content_type);
  const bool labelled_html = essence == "text/html" || essence == "application/xhtml+xml";
  if (opts.accept_documents && !labelled_html && documents::sniff(raw->bytes, page.url, raw->content_type)) {
    if (opts.fingerprint) page.sha256 = sha256_hex(raw->bytes);
    page.document = std::move(raw->bytes);
    add_redirect_note(page);
    return page;
  }
  if (opts.accept_documents) {
    // "rapport.pdf" that is really a web page (an error page, a login wall): say so.
    const std::string_view path = std::string_view(page.url).substr(0, page.url.find_first_of("?#"));
    for (std::string_view ext : {".pdf", ".docx", ".xlsx", ".pptx", ".doc", ".xls", ".ppt"}) {
      if (path.size() > ext.size() && text::iequals(path.substr(path.size() - ext.size()), ext)) {
        page.notes.push_back(Error{"The name ends in " + std::string(ext) + " but the content is not such a document; it was checked as a web page",
                                   "Namnet slutar på " + std::string(ext) + " men innehållet är inget sådant dokument; det granskades som en webbsida"});
        break;
      }
    }
  }

  const std::string_view kind = html::binary_kind(raw->bytes);
  // UTF-16 without a BOM is full of NULs; trust a header that says so.
  const std::string_view declared =
      html::canonical_encoding(html::charset_from_content_type(raw->content_type));
  const bool utf16 = declared == "utf-16le" || declared == "utf-16be";
  if (!kind.empty() && !(kind == "binary data" && utf16)) return not_html(name, kind);

  if (opts.fingerprint) page.sha256 = sha256_hex(raw->bytes);
  page.decoded = html::decode_to_utf8(raw->bytes, raw->content_type);
  add_notes(page);
  return page;
}

}  // namespace

Result<Page> load(const std::string& target, const Options& opts, fetch::Fetcher& fetcher,
                  std::istream& stdin_stream) {
  try {
    return load_impl(target, opts, fetcher, stdin_stream);
  } catch (const std::exception& e) {  // bad_alloc, stream exceptions: never cross the boundary
    return Error{"Could not load " + target + ": " + e.what(),
                 "Sidan kunde inte läsas in: " + target + " (" + e.what() + ")"};
  }
}

Result<Page> make_page(std::string target, std::string url, std::vector<fetch::Redirect> redirects,
                       long http_status, std::string_view bytes, std::string_view content_type) {
  Page page;
  page.target = std::move(target);
  page.redirects = std::move(redirects);
  redact_userinfo(page, std::move(url));
  page.http_status = http_status;
  const std::string_view kind = html::binary_kind(bytes);
  const std::string_view declared =
      html::canonical_encoding(html::charset_from_content_type(content_type));
  const bool utf16 = declared == "utf-16le" || declared == "utf-16be";
  if (!kind.empty() && !(kind == "binary data" && utf16)) {
    return not_html(fetch::url_for_message(page.url), kind);
  }
  page.sha256 = sha256_hex(bytes);
  page.decoded = html::decode_to_utf8(bytes, content_type);
  add_notes(page);
  return page;
}

Result<Page> make_document_page(std::string target, std::string url, std::vector<fetch::Redirect> redirects,
                                long http_status, std::string bytes, std::string content_type, std::string sha256) {
  if (!documents::sniff(bytes, url, content_type)) {
    const std::string name = fetch::url_for_message(url);
    std::string_view kind = html::binary_kind(bytes);
    if (kind.empty()) kind = "text";
    const std::string kind_sv = kind == "binary data" ? "binärdata" : kind == "text" ? "text" : std::string(kind);
    return Error{name + " is not a PDF or Office document (looks like " + std::string(kind) + ")",
                 name + " är inget PDF- eller Office-dokument (ser ut som " + kind_sv + ")"};
  }
  Page page;
  page.target = std::move(target);
  page.url = std::move(url);
  page.redirects = std::move(redirects);
  page.http_status = http_status;
  page.content_type = std::move(content_type);
  page.sha256 = sha256.empty() ? sha256_hex(bytes) : std::move(sha256);
  page.document = std::move(bytes);
  add_redirect_note(page);
  return page;
}

std::string_view http_reason_phrase(long status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 418: return "I'm a teapot";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 425: return "Too Early";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    case 507: return "Insufficient Storage";
    case 508: return "Loop Detected";
    case 511: return "Network Authentication Required";
    default: return {};
  }
}

std::string file_url_of(const std::string& absolute_path) { return file_url(fs::path(absolute_path)); }

}  // namespace granska::input
