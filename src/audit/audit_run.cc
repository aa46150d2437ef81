#include "audit/audit_run.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "crawl/crawler.h"
#include "crawl/sitemap.h"

namespace granska::audit {

namespace {

std::string base64(std::string_view in) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    for (int s : {18, 12, 6, 0}) out += kAlphabet[(v >> s) & 63];
  }
  if (i < in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<unsigned char>(in[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

bool is_http(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Sitemap entries (one level of sitemap index followed), in document order.
Status read_sitemap(const std::string& where, fetch::Fetcher& fetcher, const fetch::Options& fo, int depth,
                    std::vector<std::string>& out) {
  std::string body;
  if (is_http(where)) {
    Result<fetch::Response> r = fetcher.get(where, fo);
    if (!r) return r.error();
    if (r->status < 200 || r->status > 299) {
      const std::string u = fetch::url_for_message(where);
      return Error{"sitemap " + u + " answered HTTP " + std::to_string(r->status),
                   "webbplatskartan " + u + " svarade HTTP " + std::to_string(r->status)};
    }
    body = std::move(r->body);
  } else {
    std::ifstream in(where, std::ios::binary);
    if (!in) return Error{"cannot read the sitemap " + where, "kan inte läsa webbplatskartan " + where};
    body.assign(std::istreambuf_iterator<char>(in), {});
  }
  Result<crawl::Sitemap> sm = crawl::parse_sitemap(body);
  if (!sm) return sm.error();
  for (const crawl::SitemapEntry& e : sm->entries) {
    if (sm->kind == crawl::SitemapKind::Index) {
      if (depth == 0) {
        Status s = read_sitemap(e.loc, fetcher, fo, 1, out);
        if (!s) return s;
      }
    } else {
      out.push_back(e.loc);
    }
  }
  return ok_status();
}

// The page list: listed pages, then sitemaps, then what a crawl finds; no duplicates.
Result<std::vector<std::string>> gather_targets(const AuditRequest& r, const AuditNetwork& net,
                                                const fetch::Options& fo,
                                                const std::function<void(const Error&)>& warn) {
  std::vector<std::string> targets;
  std::set<std::string> seen;
  auto add = [&](const std::string& t) {
    if (!t.empty() && seen.insert(t).second) targets.push_back(t);
  };
  if (!r.urls_file.empty()) {
    std::ifstream f(r.urls_file);
    if (!f) return Error{"cannot read the URL list " + r.urls_file, "kan inte läsa adresslistan " + r.urls_file};
    for (std::string line; std::getline(f, line);) {
      line = trim(line);
      if (line.empty() || line[0] == '#') continue;
      // A file path in the list is relative to the list, so the list works from any directory.
      if (!is_http(line) && !line.starts_with("file:") && std::filesystem::path(line).is_relative()) {
        line = (std::filesystem::path(r.urls_file).parent_path() / line).lexically_normal().string();
      }
      add(line);
    }
  }
  for (const std::string& t : r.targets) add(t);
  for (const std::string& sm : r.sitemaps) {
    std::vector<std::string> found;
    Status s = read_sitemap(sm, *net.fetcher, fo, 0, found);
    if (!s) return s.error();
    std::size_t taken = 0;
    for (const std::string& u : found) {
      if (taken == r.max_pages) {
        // Listed pages are never cut; a sitemap may list thousands, so it is capped — and said so.
        if (warn) {
          warn(Error{"the sitemap lists more pages than --max-pages; the first " + std::to_string(r.max_pages) +
                         " are checked",
                     "webbplatskartan har fler sidor än --max-pages; de första " + std::to_string(r.max_pages) +
                         " granskas"});
        }
        break;
      }
      add(u);
      ++taken;
    }
  }
  if (r.crawl) {
    crawl::CrawlOptions co;
    for (const std::string& t : r.targets) {
      if (is_http(t)) co.seeds.push_back(t);
    }
    if (co.seeds.empty()) {
      return Error{"--crawl needs at least one http(s) URL to start from",
                   "--crawl behöver minst en http(s)-adress att börja från"};
    }
    co.robots_sitemaps = false;
    co.limits.max_pages = r.max_pages;
    co.fetch = fo;
    co.workers = 1;
    co.run.evaluate = false;     // discovery only: the pages are checked below, once
    co.documents.check = false;  // likewise documents: found by their type, loaded below
    co.transfers = net.transfers;
    std::vector<std::string> found;
    Result<crawl::CrawlStats> stats = crawl::crawl(co, {}, [&](crawl::PageRecord&& rec) {
      if (rec.kind == crawl::PageKind::Html || rec.kind == crawl::PageKind::Document) {
        found.push_back(rec.final_url.empty() ? rec.url : rec.final_url);
      }
    });
    if (!stats) return stats.error();
    std::sort(found.begin(), found.end());  // completion order varies; the report must not
    for (const std::string& u : found) add(u);
  }
  if (targets.empty()) {
    return Error{"no pages to check: give URLs, --urls, --sitemap or --crawl",
                 "inga sidor att granska: ange adresser, --urls, --sitemap eller --crawl"};
  }
  return targets;
}

}  // namespace

std::string without_userinfo(const std::string& url) {
  if (!is_http(url)) return url;
  const std::size_t start = url.find("://") + 3;
  const std::size_t end = url.find_first_of("/?#", start);
  const std::size_t at = url.rfind('@', end == std::string::npos ? url.size() : end);
  if (at == std::string::npos || at < start) return url;
  return url.substr(0, start) + url.substr(at + 1);
}

Result<AuditRun> run_audit(const AuditRequest& request, const AuditNetwork& network,
                           const std::function<void(const Error&)>& warn) {
  AuditRun run;
  // Login. Values are only handed to the fetcher.
  input::Options in = request.input;
  run.login.headers = !in.fetch.headers.empty();
  if (!request.cookie_file.empty()) {
    std::ifstream probe(request.cookie_file);
    if (!probe) {
      return Error{"cannot read the cookie file " + request.cookie_file, "kan inte läsa cookie-filen " + request.cookie_file};
    }
    in.fetch.cookie_file = request.cookie_file;
    run.login.cookie_file = true;
  }
  if (!request.basic_credentials.empty()) {
    in.fetch.headers.push_back("Authorization: Basic " + base64(request.basic_credentials));
    run.login.basic_auth = true;
  }

  Result<std::vector<std::string>> targets = gather_targets(request, network, in.fetch, warn);
  if (!targets) return targets.error();

  // Load and check each page. A page that cannot be loaded (or a document that cannot be
  // opened) is recorded, not fatal.
  in.accept_documents = true;
  documents::Limits limits;
  limits.max_bytes = in.max_bytes;
  std::istringstream no_stdin;
  pipeline::RunContext context;
  context.registry = request.registry;
  context.fetch = in.fetch;
  style::SheetCache sheets;  // every page's linked style sheets, each loaded once
  context.sheets = &sheets;
  for (const std::string& t : *targets) {
    AuditedPage info;
    info.target = without_userinfo(t);
    info.url = info.target;
    std::unique_ptr<pipeline::CheckedPage> checked;
    std::unique_ptr<pipeline::CheckedDocument> document;
    Result<input::Page> page = t == "-" ? Result<input::Page>(Error{"standard input is not supported by audit",
                                                                    "audit kan inte läsa standard in"})
                                        : input::load(t, in, *network.fetcher, no_stdin);
    if (!page) {
      info.error = page.error();
    } else {
      page->target = without_userinfo(page->target);
      page->url = without_userinfo(page->url);
      for (fetch::Redirect& hop : page->redirects) {
        hop.from = without_userinfo(hop.from);
        hop.to = without_userinfo(hop.to);
      }
      info.loaded = true;
      info.url = page->url;
      info.http_status = page->http_status;
      info.sha256 = page->sha256;
      if (page->document) {
        // A PDF or Office file: its document rules, as `granska check file.pdf` runs them.
        Result<std::unique_ptr<pipeline::CheckedDocument>> d = pipeline::check_document(std::move(*page), context, limits);
        if (d) {
          document = std::move(d).value();
          info.document = std::string(documents::to_string(document->document.format));
        } else {
          info.loaded = false;
          info.error = d.error();
        }
      } else {
        // As in `check`: a page from the web has its caption tracks fetched (with the login
        // and limits above) and their problems joined to the caption rules, before decide().
        checked = pipeline::check_page(std::move(*page), context, network.fetcher);
        if (request.browser) {
          checked = pipeline::render_if_wanted(std::move(checked), *request.browser, request.render,
                                               {in.fetch.headers, in.fetch.cookie_file}, context, network.fetcher,
                                               network.fetcher, &info.rendered, nullptr);
        }
      }
    }
    run.pages.push_back(std::move(info));
    run.checked.push_back(std::move(checked));
    run.documents.push_back(std::move(document));
  }

  std::vector<PageInput> inputs;
  for (std::size_t i = 0; i < run.pages.size(); ++i) {
    const pipeline::CheckedPage* c = run.checked[i].get();
    const pipeline::CheckedDocument* d = run.documents[i].get();
    const engine::PageEvaluation* ev = c ? &c->evaluation : d ? &d->evaluation : nullptr;
    inputs.push_back({run.pages[i].url, ev, c && !c->inventory.items.empty()});
  }
  run.acceptance = decide(*request.registry, *request.profile, inputs, request.accepted, request.today);
  return run;
}

}  // namespace granska::audit
