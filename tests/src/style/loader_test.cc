// Linked style sheets: which apply, @import, failures as notes, local files, charsets,
// and the per-run cache (one fetch per sheet however many threads ask; bounded memory).
#include "style/loader.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include "style/cascade.h"

namespace granska::style {
namespace {

// Answers from a map of URL → (status, content type, body); counts requests per URL.
class MapFetcher : public fetch::Fetcher {
 public:
  struct Answer {
    long status = 200;
    std::string type = "text/css";
    std::string body;
    bool network_error = false;
  };
  std::map<std::string, Answer> answers;
  std::map<std::string, int> requests;
  std::mutex mu;
  int delay_ms = 0;
  std::vector<std::string> headers_seen;

  Result<fetch::Response> get(const std::string& url, const fetch::Options& opts) override {
    {
      std::lock_guard lock(mu);
      ++requests[url];
      for (const std::string& h : opts.headers) headers_seen.push_back(h);
    }
    if (delay_ms) std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    auto it = answers.find(url);
    if (it == answers.end()) {
      fetch::Response r;
      r.url = r.final_url = url;
      r.status = 404;
      return r;
    }
    if (it->second.network_error) return Error{"connection refused: " + url, "anslutningen nekades: " + url};
    fetch::Response r;
    r.url = r.final_url = url;
    r.status = it->second.status;
    r.content_type = it->second.type;
    r.body = it->second.body;
    return r;
  }
};

struct Loaded {
  std::unique_ptr<html::Document> doc;
  PageSheets sheets;
  std::unique_ptr<ComputedStyles> styles;
  const ComputedStyle& of(std::string_view id) const { return styles->of(*doc->element_by_id(id)); }
};

Loaded load(std::string html, MapFetcher& f, SheetCache& cache, std::string url = "https://malmo.se/a/sida") {
  Loaded l;
  l.doc = html::Document::parse(std::move(html));
  LoadOptions opts;
  opts.fetch.headers = {"Authorization: Basic eA=="};
  l.sheets = collect_sheets(*l.doc, url, &cache, &f, opts);
  l.styles = std::make_unique<ComputedStyles>(*l.doc, l.sheets);
  return l;
}

TEST(SheetLoader, HiddenClassFromALinkedSheet) {
  // The case from issue #14: a field hidden by a site's CSS is not a visible field.
  MapFetcher f;
  f.answers["https://malmo.se/css/site.css"].body = ".hidden { display: none !important }";
  SheetCache cache;
  Loaded l = load(R"(<!DOCTYPE html><link rel=stylesheet href="/css/site.css"><input id=t class="hidden">)", f, cache);
  EXPECT_EQ(l.of("t").display, Display::None);
  EXPECT_FALSE(l.sheets.incomplete);
  EXPECT_TRUE(l.sheets.notes.empty());
  EXPECT_EQ(f.headers_seen, (std::vector<std::string>{"Authorization: Basic eA=="}));  // the page's headers
}

TEST(SheetLoader, DocumentOrderAndWhichSheetsApply) {
  MapFetcher f;
  f.answers["https://malmo.se/a/1.css"].body = "p { color: red }";
  f.answers["https://malmo.se/a/2.css"].body = "p { color: green }";
  f.answers["https://malmo.se/a/alt.css"].body = "p { color: purple }";
  f.answers["https://malmo.se/a/off.css"].body = "p { color: purple }";
  f.answers["https://malmo.se/a/other-title.css"].body = "p { color: purple }";
  f.answers["https://malmo.se/a/print.css"].body = "p { color: purple }";
  SheetCache cache;
  Loaded l = load(R"(<!DOCTYPE html>
    <link rel=stylesheet href=1.css><style>p { color: blue }</style><link rel="stylesheet" href="2.css" title=Standard>
    <link rel="alternate stylesheet" href=alt.css title=Kontrast><link rel=stylesheet href=off.css disabled>
    <link rel=stylesheet href=other-title.css title=Annan><link rel=stylesheet href=print.css media=print>
    <template><link rel=stylesheet href=off.css></template><p id=t>x</p>)",
                  f, cache);
  EXPECT_EQ(l.of("t").color, (Rgba{0, 128, 0, 1}));
  EXPECT_EQ(f.requests.count("https://malmo.se/a/alt.css"), 0u);
  EXPECT_EQ(f.requests.count("https://malmo.se/a/off.css"), 0u);
  EXPECT_EQ(f.requests.count("https://malmo.se/a/other-title.css"), 0u);
}

TEST(SheetLoader, ImportsLoopsAndDepth) {
  MapFetcher f;
  f.answers["https://malmo.se/a.css"].body = "@import 'b.css'; @import url(a.css); p { color: red }";
  f.answers["https://malmo.se/b.css"].body = "@import 'c.css' screen; p { color: blue } span { color: blue }";
  f.answers["https://malmo.se/c.css"].body = "span { color: green } em { color: green }";
  for (int i = 0; i < 12; ++i) {
    f.answers["https://malmo.se/d" + std::to_string(i) + ".css"].body =
        "@import 'd" + std::to_string(i + 1) + ".css'; i { color: red }";
  }
  SheetCache cache;
  Loaded l = load("<!DOCTYPE html><link rel=stylesheet href=/a.css><p id=p>x</p><span id=s>x</span><em id=e>x</em>", f,
                  cache);
  EXPECT_EQ(l.of("p").color, (Rgba{255, 0, 0, 1}));  // a.css's own rule comes after its imports
  EXPECT_EQ(l.of("s").color, (Rgba{0, 0, 255, 1}));
  EXPECT_EQ(l.of("e").color, (Rgba{0, 128, 0, 1}));
  ASSERT_EQ(l.sheets.notes.size(), 1u);
  EXPECT_NE(l.sheets.notes[0].message.find("loop"), std::string::npos);
  EXPECT_FALSE(l.sheets.incomplete);  // a loop is skipped by browsers too
  Loaded chain = load("<!DOCTYPE html><link rel=stylesheet href=/d0.css><i id=i>x</i>", f, cache);
  ASSERT_EQ(chain.sheets.notes.size(), 1u);
  EXPECT_NE(chain.sheets.notes[0].message.find("deep"), std::string::npos);
  EXPECT_TRUE(chain.sheets.incomplete);
}

TEST(SheetLoader, FailuresAreNotesNeverFatal) {
  MapFetcher f;
  f.answers["https://malmo.se/html.css"].type = "text/html";
  f.answers["https://malmo.se/down.css"].network_error = true;
  SheetCache cache;
  Loaded gone = load("<!DOCTYPE html><link rel=stylesheet href=/missing.css><p id=t>x</p>", f, cache);
  EXPECT_FALSE(gone.sheets.incomplete);  // a 404: browsers skip it too
  ASSERT_EQ(gone.sheets.notes.size(), 1u);
  EXPECT_NE(gone.sheets.notes[0].message.find("HTTP 404"), std::string::npos);
  EXPECT_NE(gone.sheets.notes[0].message_sv.find("HTTP 404"), std::string::npos);
  Loaded wrong = load("<!DOCTYPE html><link rel=stylesheet href=/html.css><p id=t>x</p>", f, cache);
  EXPECT_FALSE(wrong.sheets.incomplete);
  EXPECT_NE(wrong.sheets.notes[0].message.find("text/html"), std::string::npos);
  Loaded down = load("<!DOCTYPE html><link rel=stylesheet href=/down.css><p id=t>x</p>", f, cache);
  EXPECT_TRUE(down.sheets.incomplete);  // a browser would have had it: colours unknown
  EXPECT_FALSE(down.of("t").color.has_value());
}

TEST(SheetLoader, CharsetsAreHonoured) {
  EXPECT_EQ(decode_stylesheet("@charset \"iso-8859-1\"; p::after { content: '\xE5' }", "", "utf-8"),
            "@charset \"iso-8859-1\"; p::after { content: '\xC3\xA5' }");
  EXPECT_EQ(decode_stylesheet("\xEF\xBB\xBFp{}", "text/css; charset=iso-8859-1", "utf-8"), "p{}");
  EXPECT_EQ(decode_stylesheet("'\xE5'", "text/css; charset=windows-1252", "utf-8"), "'\xC3\xA5'");
  EXPECT_EQ(decode_stylesheet("'\xE5'", "", "windows-1252"), "'\xC3\xA5'");
}

TEST(SheetLoader, LocalFilesReadOnlyDotCssBesideThePage) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("granska-style-" + std::to_string(::getpid()));
  fs::create_directories(dir / "site/sub");
  fs::create_directories(dir / "site/css");
  std::ofstream(dir / "site/css/main.css") << ".hidden { display: none }";
  std::ofstream(dir / "site/secret.txt") << "p { display: none }";
  std::string page = "file://" + (dir / "site/sub/page.html").string();
  MapFetcher f;
  SheetCache cache;
  Loaded ok = load("<!DOCTYPE html><link rel=stylesheet href=../css/main.css><p id=t class=hidden>x</p>", f, cache, page);
  EXPECT_EQ(ok.of("t").display, Display::None);
  Loaded txt = load("<!DOCTYPE html><link rel=stylesheet href=../secret.txt><p id=t>x</p>", f, cache, page);
  EXPECT_EQ(txt.of("t").display, Display::Block);
  EXPECT_TRUE(txt.sheets.incomplete);
  Loaded remote = load("<!DOCTYPE html><link rel=stylesheet href=https://cdn.example/x.css><p id=t>x</p>", f, cache, page);
  EXPECT_TRUE(f.requests.empty());  // a local page never makes granska go online
  EXPECT_TRUE(remote.sheets.incomplete);
  EXPECT_EQ(resolve_file_url("file:///a/b/c.html", "../d/e.css?x#y"), "file:///a/d/e.css");
  EXPECT_EQ(resolve_file_url("file:///a/b/c.html", "/x.css"), "file:///x.css");
  EXPECT_EQ(resolve_file_url("file:///a/b/c.html", "https://x/y.css"), "");
  fs::remove_all(dir);
}

TEST(SheetCache, EachSheetIsFetchedOnceByManyThreads) {
  MapFetcher f;
  f.answers["https://malmo.se/site.css"].body = "p { color: red }";
  f.delay_ms = 30;
  SheetCache cache;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      LoadedSheet s = cache.get("https://malmo.se/site.css", &f, {}, "utf-8");
      if (s.sheet && s.sheet->rules.size() == 1) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(f.requests["https://malmo.se/site.css"], 1);
  SheetCache::Stats st = cache.stats();
  EXPECT_EQ(st.loaded, 1u);
  EXPECT_EQ(st.requests, 8u);
}

TEST(SheetCache, BoundedAndSaysWhatItEvicted) {
  MapFetcher f;
  std::string big;
  for (int i = 0; i < 2000; ++i) big += ".c" + std::to_string(i) + " { color: red }\n";
  for (int i = 0; i < 5; ++i) f.answers["https://malmo.se/" + std::to_string(i) + ".css"].body = big;
  SheetCache cache(300 * 1024);
  for (int i = 0; i < 5; ++i) (void)cache.get("https://malmo.se/" + std::to_string(i) + ".css", &f, {}, "utf-8");
  SheetCache::Stats st = cache.stats();
  EXPECT_GT(st.evicted, 0u);
  EXPECT_LE(st.bytes, 300u * 1024);
  EXPECT_FALSE(st.recently_evicted.empty());
  // An evicted sheet is fetched again when asked for.
  (void)cache.get("https://malmo.se/0.css", &f, {}, "utf-8");
  EXPECT_EQ(f.requests["https://malmo.se/0.css"], 2);
}

}  // namespace
}  // namespace granska::style
