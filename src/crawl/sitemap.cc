#include "crawl/sitemap.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <mutex>

#include "url/url.h"

namespace granska::crawl {
namespace {

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMiB = 1024 * 1024;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MB";
  return std::to_string(bytes) + " B";
}

void note(Sitemap& s, std::string en, std::string sv) {
  s.notes.push_back(SitemapNote{std::move(en), std::move(sv)});
}

void note_size_limit(Sitemap& s, std::size_t limit) {
  s.truncated = true;
  note(s, "only the first " + size_text(limit) + " were read, the most a sitemap may hold",
       "bara de första " + size_text(limit) + " lästes, det mesta en webbplatskarta får innehålla");
}

void note_entry_limit(Sitemap& s, std::size_t limit) {
  s.truncated = true;
  note(s, "stopped after " + std::to_string(limit) + " entries, the most a sitemap may hold",
       "läsningen avbröts efter " + std::to_string(limit) +
           " poster, det högsta antalet en webbplatskarta får ha");
}

void note_skipped(Sitemap& s, std::size_t skipped) {
  if (skipped == 0) return;
  note(s, std::to_string(skipped) + " entries skipped: no absolute http(s) URL",
       std::to_string(skipped) + " poster hoppades över: ingen absolut http(s)-adress");
}

// Inflates gzip (several members allowed, as gzip itself does) up to `cap` bytes.
struct Inflated {
  std::string data;
  bool over_cap = false;
  bool corrupt = false;
};

Inflated gunzip(std::string_view in, std::size_t cap) {
  Inflated out;
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    out.corrupt = true;
    return out;
  }
  // zlib's API is not const-correct; it never writes through next_in.
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  // Bodies are capped far below 4 GiB by the fetcher; clamp rather than wrap anyway.
  zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 0xFFFFFFFFu));
  constexpr std::size_t kChunk = 64 * 1024;
  while (true) {
    const std::size_t old = out.data.size();
    out.data.resize(old + kChunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data.data() + old);
    zs.avail_out = static_cast<uInt>(kChunk);
    const int ret = inflate(&zs, Z_NO_FLUSH);
    out.data.resize(old + kChunk - zs.avail_out);
    if (out.data.size() > cap) {
      out.data.resize(cap);
      out.over_cap = true;
      break;
    }
    if (ret == Z_STREAM_END) {
      // Another member follows, or trailing junk (zero padding from some servers), which
      // gzip itself ignores too.
      if (zs.avail_in < 2 || zs.next_in[0] != 0x1F || zs.next_in[1] != 0x8B) break;
      if (inflateReset(&zs) != Z_OK) {
        out.corrupt = true;
        break;
      }
    } else if (ret != Z_OK) {  // data error, or input ended mid-stream (Z_BUF_ERROR)
      out.corrupt = true;
      break;
    }
  }
  inflateEnd(&zs);
  return out;
}

// --- Plain text -----------------------------------------------------------------------

Result<Sitemap> parse_text(std::string_view text, const SitemapLimits& limits, Sitemap s) {
  s.kind = SitemapKind::Text;
  std::size_t skipped = 0;
  while (!text.empty()) {
    const std::size_t eol = text.find_first_of("\r\n");
    const std::string_view line = trim(text.substr(0, eol));
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (line.empty()) continue;
    if (!url::Url::parse(line).ok()) {
      ++skipped;
      continue;
    }
    if (s.entries.size() == limits.max_entries) {
      note_entry_limit(s, limits.max_entries);
      break;
    }
    s.entries.push_back(SitemapEntry{std::string(line), {}});
  }
  if (s.entries.empty() && skipped > 0) {
    return Error{"not a sitemap: no line is an http(s) URL",
                 "ingen webbplatskarta: ingen rad är en http(s)-adress"};
  }
  note_skipped(s, skipped);
  return s;
}

// --- XML ------------------------------------------------------------------------------
//
// A SAX (push) parser rather than libxml2's tree or reader: callbacks arrive as the bytes
// are parsed, so everything before an XML error is kept (the reader parses ahead and loses
// it), memory stays flat for a 50 MB file, and we decide what an entity is. The handler
// declares no entities at all (entityDecl, getEntity, resolveEntity, externalSubset are
// absent): only the five predefined ones work, a reference to any other is an error or is
// dropped, nothing is loaded from a file or the network, and nothing is expanded.

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

bool name_is(const xmlChar* name, const char* expected) {
  return name != nullptr && std::strcmp(reinterpret_cast<const char*>(name), expected) == 0;
}

struct SaxState {
  xmlParserCtxtPtr ctxt = nullptr;
  const SitemapLimits* limits = nullptr;
  Sitemap* out = nullptr;
  int depth = 0;  // of the next element to start: 0 = root
  bool have_root = false;
  std::string bad_root;  // set when the root is not a sitemap element
  bool stopped = false;  // we stopped the parser (bad root, entry limit)
  bool in_entry = false;
  std::string* capture = nullptr;  // the field whose text is being read
  SitemapEntry entry;
  std::size_t skipped = 0;
  const char* entry_name = "url";
  // The first error libxml2 reported.
  bool error_seen = false;
  int error_line = 0;
  std::string error_message;
};

void sax_start(void* ctx, const xmlChar* localname, const xmlChar* /*prefix*/,
               const xmlChar* /*uri*/, int /*nb_namespaces*/, const xmlChar** /*namespaces*/,
               int /*nb_attributes*/, int /*nb_defaulted*/, const xmlChar** /*attributes*/) {
  auto& st = *static_cast<SaxState*>(ctx);
  const int level = st.depth++;
  if (level == 0) {
    st.have_root = true;
    if (name_is(localname, "urlset")) {
      st.out->kind = SitemapKind::UrlSet;
    } else if (name_is(localname, "sitemapindex")) {
      st.out->kind = SitemapKind::Index;
      st.entry_name = "sitemap";
    } else {
      st.bad_root = localname != nullptr ? reinterpret_cast<const char*>(localname) : "";
      st.stopped = true;
      xmlStopParser(st.ctxt);
    }
  } else if (level == 1 && name_is(localname, st.entry_name)) {
    st.entry = SitemapEntry{};
    st.in_entry = true;
  } else if (level == 2 && st.in_entry) {
    if (name_is(localname, "loc")) {
      st.capture = &st.entry.loc;
    } else if (name_is(localname, "lastmod")) {
      st.capture = &st.entry.lastmod;
    }
  }
}

void sax_end(void* ctx, const xmlChar* /*localname*/, const xmlChar* /*prefix*/,
             const xmlChar* /*uri*/) {
  auto& st = *static_cast<SaxState*>(ctx);
  const int level = --st.depth;
  if (level == 2) {
    st.capture = nullptr;
  } else if (level == 1 && st.in_entry) {
    st.in_entry = false;
    SitemapEntry& e = st.entry;
    e.loc = std::string(trim(e.loc));
    e.lastmod = std::string(trim(e.lastmod));
    if (e.loc.empty() || !url::Url::parse(e.loc).ok()) {
      ++st.skipped;
      return;
    }
    if (st.out->entries.size() == st.limits->max_entries) {
      note_entry_limit(*st.out, st.limits->max_entries);
      st.stopped = true;
      xmlStopParser(st.ctxt);
      return;
    }
    st.out->entries.push_back(std::move(e));
  }
}

void sax_text(void* ctx, const xmlChar* ch, int len) {
  auto& st = *static_cast<SaxState*>(ctx);
  // Text directly inside <loc>/<lastmod>; a real loc is short, so hostile text is capped.
  if (st.capture != nullptr && st.depth == 3 && st.capture->size() < 64 * 1024) {
    st.capture->append(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
  }
}

void sax_error(void* ctx, xmlErrorPtr error) {
  auto& st = *static_cast<SaxState*>(ctx);
  if (error == nullptr || error->level < XML_ERR_ERROR || st.error_seen) return;
  st.error_seen = true;
  st.error_line = error->line;
  st.error_message = std::string(trim(error->message != nullptr ? error->message : "unknown error"));
}

Result<Sitemap> parse_xml(std::string_view xml, const SitemapLimits& limits, Sitemap s) {
  init_libxml();
  xmlSAXHandler sax{};
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = sax_start;
  sax.endElementNs = sax_end;
  sax.characters = sax_text;
  sax.cdataBlock = sax_text;
  sax.serror = sax_error;

  SaxState st;  // the user data: must never be the parser context (see below)
  st.limits = &limits;
  st.out = &s;
  xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, &st, nullptr, 0, nullptr);
  if (ctxt == nullptr) {
    return Error{"could not start the XML parser for the sitemap",
                 "kunde inte starta XML-tolken för webbplatskartan"};
  }
  st.ctxt = ctxt;
  // Deliberately absent: XML_PARSE_NOENT (substitute entities), XML_PARSE_DTDLOAD /
  // DTDATTR / DTDVALID (load the DTD), XML_PARSE_XINCLUDE, and XML_PARSE_HUGE (which
  // would lift libxml2's size and depth limits).
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  constexpr std::size_t kChunk = 1 << 20;
  for (std::size_t pos = 0; pos < xml.size() && !st.stopped; pos += kChunk) {
    const std::size_t n = std::min(kChunk, xml.size() - pos);
    const bool last = pos + n == xml.size();
    xmlParseChunk(ctxt, xml.data() + pos, static_cast<int>(n), last ? 1 : 0);
  }
  const bool well_formed = ctxt->wellFormed != 0;
  // For "expat compatibility" libxml2 records DTD entity declarations in a fake document
  // (ctxt->myDoc) even without an entityDecl handler. It only looks entities up there when
  // the user data is the context itself, which ours never is; but the document is ours
  // to free.
  if (ctxt->myDoc != nullptr) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = nullptr;
  }
  xmlFreeParserCtxt(ctxt);

  if (!st.bad_root.empty()) {
    const std::string root = st.bad_root.substr(0, 40);
    return Error{"not a sitemap: the root element is <" + root + ">",
                 "ingen webbplatskarta: rotelementet är <" + root + ">"};
  }
  if (!st.stopped && !well_formed) {
    const std::string line = std::to_string(st.error_line);
    const std::string where = st.error_seen ? " at line " + line : "";
    const std::string where_sv = st.error_seen ? " på rad " + line : "";
    const std::string what = st.error_seen ? ": " + st.error_message : "";
    if (s.entries.empty()) {
      return Error{"broken XML in the sitemap" + where + what,
                   "trasig XML i webbplatskartan" + where_sv + what};
    }
    s.truncated = true;
    const std::string count = std::to_string(s.entries.size());
    note(s, "the XML breaks off" + where + what + "; the " + count + " entries before it were kept",
         "XML-koden är trasig" + where_sv + what + "; de " + count + " posterna före felet behölls");
  } else if (!st.have_root) {
    return Error{"not a sitemap: no XML element", "ingen webbplatskarta: inget XML-element"};
  }
  note_skipped(s, st.skipped);
  return s;
}

}  // namespace

bool is_gzip(std::string_view body) {
  return body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1F &&
         static_cast<unsigned char>(body[1]) == 0x8B;
}

Result<Sitemap> parse_sitemap(std::string_view body, const SitemapLimits& limits) {
  Sitemap s;
  Inflated inflated;
  if (is_gzip(body)) {
    inflated = gunzip(body, limits.max_uncompressed_bytes);
    if (inflated.corrupt && inflated.data.empty()) {
      return Error{"the sitemap's gzip data is corrupt", "webbplatskartans gzip-data är trasig"};
    }
    if (inflated.corrupt) {
      s.truncated = true;
      note(s, "the gzip data is corrupt or cut short; only what came before was read",
           "gzip-datan är trasig eller avkortad; bara det som kom före lästes");
    }
    if (inflated.over_cap) note_size_limit(s, limits.max_uncompressed_bytes);
    body = inflated.data;
  } else if (body.size() > limits.max_uncompressed_bytes) {
    body = body.substr(0, limits.max_uncompressed_bytes);
    note_size_limit(s, limits.max_uncompressed_bytes);
  }

  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  const std::string_view content = trim(body);
  if (content.empty()) return Error{"the sitemap is empty", "webbplatskartan är tom"};
  if (content.front() == '<') return parse_xml(content, limits, std::move(s));
  return parse_text(content, limits, std::move(s));
}

}  // namespace granska::crawl
