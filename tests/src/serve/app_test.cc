// The web app's handlers without a browser or a socket: requests in, responses out, pages
// from an in-memory web (tests/support/fake_web), results in an in-memory store.
#include "serve/app.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <future>
#include <mutex>
#include <regex>
#include <thread>

#include <nlohmann/json.hpp>

#include "engine/evaluate.h"
#include "html/dom.h"
#include "serve/limits.h"
#include "serve/payload.h"
#include "support/fake_web.h"
#include "support/test_paths.h"

namespace granska::serve {
namespace {

using nlohmann::json;

constexpr const char* kBroken =
    "<!DOCTYPE html><html lang=\"sv\"><head><title>Bygglov</title></head><body><main><h1>Bygglov</h1>"
    "<img src=\"ritning.png\"><img src=\"karta.png\"><p><a href=\"/mer\">Läs mer</a></p></main></body></html>";
constexpr const char* kFixed =
    "<!DOCTYPE html><html lang=\"sv\"><head><title>Bygglov</title></head><body><main><h1>Bygglov</h1>"
    "<img src=\"ritning.png\" alt=\"Ritning\"><img src=\"karta.png\"><p><a href=\"/mer\">Läs mer</a></p></main></body></html>";
constexpr const char* kPage = "https://malmo.se/bygglov";

class AppTest : public ::testing::Test {
 protected:
  void SetUp() override {
    web.serve_html(kPage, kBroken);
    settings.allowed_hosts = {"malmo.se"};
    settings.burst = 100;
    make_app();
  }
  void make_app() {
    store = std::move(store::ResultStore::open(":memory:").value());
    CheckerSettings cs;
    cs.max_bytes = settings.max_bytes;
    checker = make_checker(cs, [this] { return web.fetcher(); });
    AppDeps deps{store.get(), checker.get(), [this] { return now; }, [this] { return steady; },
                 [this] { return "result" + std::to_string(++ids); }};
    app = std::make_unique<App>(settings, deps);
  }
  Response get(const std::string& path, std::multimap<std::string, std::string> query = {},
               std::multimap<std::string, std::string> headers = {}) {
    Request r;
    r.method = "GET";
    r.path = path;
    r.query = std::move(query);
    r.headers = std::move(headers);
    r.remote_address = "192.0.2.10";
    return app->handle(r);
  }
  Response post_form(const std::string& path, std::multimap<std::string, std::string> form,
                     std::multimap<std::string, std::string> headers = {}) {
    Request r;
    r.method = "POST";
    r.path = path;
    r.form = std::move(form);
    r.headers = std::move(headers);
    r.headers.emplace("content-type", "application/x-www-form-urlencoded");
    r.remote_address = "192.0.2.10";
    return app->handle(r);
  }
  Response upload(const std::string& name, const std::string& content) {
    Request r;
    r.method = "POST";
    r.path = "/granska";
    r.headers.emplace("content-type", "multipart/form-data; boundary=x");
    r.files.emplace("file", Upload{name, "text/html", content});
    r.remote_address = "192.0.2.10";
    return app->handle(r);
  }
  Response post_json(const std::string& body, std::string type = "application/json") {
    Request r;
    r.method = "POST";
    r.path = "/api/v1/checks";
    r.headers.emplace("content-type", type);
    r.body = body;
    r.remote_address = "192.0.2.10";
    return app->handle(r);
  }
  // Submits the address and follows the redirect to the result page.
  std::string check_page(const std::string& url, std::string* id = nullptr) {
    Response r = post_form("/granska", {{"url", url}});
    EXPECT_EQ(r.status, 303) << r.body;
    const std::string location = r.header("Location");
    EXPECT_TRUE(location.starts_with("/r/")) << location;
    if (id) *id = location.substr(3);
    return location;
  }

  testing::FakeWeb web;
  AppSettings settings;
  std::unique_ptr<store::ResultStore> store;
  std::unique_ptr<Checker> checker;
  std::unique_ptr<App> app;
  std::int64_t now = 1'800'000'000;
  Clock::time_point steady{};
  int ids = 0;
};

bool has(const std::string& s, std::string_view needle) { return s.find(needle) != std::string::npos; }

TEST_F(AppTest, TheFormInSwedishByDefaultAndEnglishOnRequest) {
  Response r = get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(has(r.body, "<html lang=\"sv\">"));
  EXPECT_TRUE(has(r.body, "<h1>Granska en webbsida</h1>"));
  EXPECT_TRUE(has(r.body, "Sidor på malmo.se (även underdomäner)."));
  EXPECT_TRUE(has(r.body, "enctype=\"multipart/form-data\""));
  EXPECT_TRUE(has(r.body, "<a href=\"/?lang=en\" lang=\"en\" hreflang=\"en\">In English</a>"));
  EXPECT_TRUE(has(get("/", {{"lang", "en"}}).body, "<h1>Check a web page</h1>"));
  EXPECT_TRUE(has(get("/", {}, {{"accept-language", "en-GB,en;q=0.9,sv;q=0.5"}}).body, "<html lang=\"en\">"));
  EXPECT_TRUE(has(get("/", {}, {{"accept-language", "de-DE,sv;q=0.8,en;q=0.7"}}).body, "<html lang=\"sv\">"));
  EXPECT_TRUE(has(get("/", {}, {{"accept-language", "fr"}}).body, "<html lang=\"sv\">"));
}

TEST_F(AppTest, StrictHeadersOnEveryAnswer) {
  for (const Response& r : {get("/"), get("/nowhere"), get("/api/v1/checks/nosuchresult")}) {
    const std::string csp = r.header("Content-Security-Policy");
    EXPECT_TRUE(has(csp, "default-src 'none'")) << csp;
    EXPECT_FALSE(has(csp, "unsafe-inline")) << csp;
    EXPECT_FALSE(has(csp, "script-src")) << csp;  // none at all: default-src 'none'
    EXPECT_TRUE(has(csp, "frame-ancestors 'none'"));
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
    EXPECT_FALSE(has(r.body, "<script"));
  }
  // The style is allowed by its hash, so each page's policy names its own.
  const std::string form_csp = get("/").header("Content-Security-Policy");
  EXPECT_TRUE(has(form_csp, "style-src 'sha256-")) << form_csp;
  EXPECT_NE(form_csp, get(check_page(kPage)).header("Content-Security-Policy"));  // the result page has more style
  EXPECT_TRUE(has(content_security_policy("<p>no style</p>"), "style-src 'none'"));
}

TEST_F(AppTest, AnAddressIsCheckedStoredAndShownAtItsPermanentLink) {
  std::string id;
  const std::string location = check_page(kPage, &id);
  EXPECT_EQ(location, "/r/result1");
  Response r = get(location, {}, {{"host", "granska.example:8080"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(has(r.body, "Granskningsresultat: Bygglov"));
  EXPECT_TRUE(has(r.body, "<span class=\"n\">2</span> underkända"));
  EXPECT_TRUE(has(r.body, "Samma problem på 2\u00a0bilder"));
  EXPECT_TRUE(has(r.body, "<a href=\"http://granska.example:8080/r/result1\">http://granska.example:8080/r/result1</a>"));
  EXPECT_TRUE(has(r.body, "(sparas till 2027-02-14)"));  // 1.8e9 s + 30 days
  EXPECT_TRUE(has(r.body, "action=\"/r/result1/igen\""));
  EXPECT_TRUE(has(r.body, "https://www.w3.org/Translations/WCAG21-sv/#non-text-content"));
  EXPECT_FALSE(has(r.body, "Vad har ändrats?"));  // the first check of this address
  EXPECT_EQ(r.header("Cache-Control"), "private, no-store");
  // The same result in English, from the same stored rows.
  Response en = get(location, {{"lang", "en"}});
  EXPECT_TRUE(has(en.body, "Check result: Bygglov"));
  EXPECT_TRUE(has(en.body, "The same problem on 2 images"));
  // Without a Host header the link is relative; with --public-url it is that.
  EXPECT_TRUE(has(get(location).body, "<a href=\"/r/result1\">"));
  settings.public_url = "https://granska.malmo.se/";
  make_app();
  const std::string again = check_page(kPage);
  EXPECT_TRUE(has(get(again).body, "https://granska.malmo.se" + again));
}

TEST_F(AppTest, CheckAgainShowsWhatChanged) {
  std::string first;
  check_page(kPage, &first);
  web.serve_html(kPage, kFixed);  // the editor fixes one image
  Response r = post_form("/r/" + first + "/igen", {{"lang", "sv"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.header("Location"), "/r/result2");
  Response page = get("/r/result2");
  EXPECT_TRUE(has(page.body, "Vad har ändrats?")) << page.body;
  // Left: the other image, the "Läs mer" link and images-of-text's question about the images.
  EXPECT_TRUE(has(page.body, "1\u00a0åtgärdat, 0\u00a0nya, 3\u00a0kvar")) << page.body;
  EXPECT_TRUE(has(page.body, "href=\"/r/result1\""));
  EXPECT_TRUE(has(page.body, "<span class=\"n\">1</span> underkänd"));
  // The earlier result still shows what it showed.
  EXPECT_TRUE(has(get("/r/result1").body, "<span class=\"n\">2</span> underkända"));
  // And so does the API.
  json j = json::parse(get("/api/v1/checks/result2").body);
  EXPECT_EQ(j["changes"]["fixed"], 1);
  EXPECT_EQ(j["changes"]["previous_id"], "result1");
}

TEST_F(AppTest, PastedHtmlAndUploadedFiles) {
  Response r = post_form("/granska", {{"html", kBroken}});
  ASSERT_EQ(r.status, 303);
  Response page = get(r.header("Location"));
  EXPECT_TRUE(has(page.body, "Adress: inklistrad kod")) << page.body;
  EXPECT_FALSE(has(page.body, "/igen"));  // nothing to fetch again
  r = upload("bygglov.html", kBroken);
  ASSERT_EQ(r.status, 303) << r.body;
  page = get(r.header("Location"));
  EXPECT_TRUE(has(page.body, "Adress: bygglov.html"));
  EXPECT_TRUE(web.requests().empty()) << "pasted and uploaded pages fetch nothing";
}

TEST_F(AppTest, DocumentsAreCheckedAgainstClause10) {
  Response r = upload("otaggad.pdf", testing::read_fixture("documents/untagged.pdf"));
  ASSERT_EQ(r.status, 303) << r.body;
  Response page = get(r.header("Location"));
  EXPECT_TRUE(has(page.body, "Adress: otaggad.pdf")) << page.body;
  EXPECT_TRUE(has(page.body, "EN 301 549 avsnitt 10.")) << page.body;
  EXPECT_FALSE(has(page.body, "/igen"));
  web.serve("https://malmo.se/rapport.pdf", testing::FakeWeb::Reply{200, "application/pdf", testing::read_fixture("documents/untagged.pdf")});
  r = post_form("/granska", {{"url", "https://malmo.se/rapport.pdf"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_TRUE(has(get(r.header("Location")).body, "EN 301 549 avsnitt 10.")) << get(r.header("Location")).body;
}

TEST_F(AppTest, WhatCannotBeCheckedIsRefusedWithAClearMessage) {
  struct Case {
    std::multimap<std::string, std::string> form;
    int status;
    std::string message;
  };
  const Case cases[] = {
      {{{"url", "file:///etc/passwd"}}, 400, "Bara adresser som börjar med http:// eller https:// kan granskas"},
      {{{"url", "javascript:alert(1)"}}, 400, "Bara adresser som börjar med http://"},
      {{{"url", "https://example.com/"}}, 403, "granska får bara hämta sidor från malmo.se. example.com hör inte dit."},
      {{{"url", "https://evilmalmo.se/"}}, 403, "evilmalmo.se hör inte dit"},
      {{{"url", "https://malmo.se/saknas"}}, 422, "404"},
      {{}, 400, "Skriv en adress, klistra in kod eller välj en fil."},
  };
  for (const Case& c : cases) {
    Response r = post_form("/granska", c.form);
    EXPECT_EQ(r.status, c.status) << r.body;
    EXPECT_TRUE(has(r.body, c.message)) << c.message << "\n" << r.body;
    EXPECT_TRUE(has(r.body, "aria-invalid=\"true\"")) << r.body;
  }
  // What was typed is shown again, escaped.
  Response r = post_form("/granska", {{"url", "https://example.com/\"><script>x</script>"}});
  EXPECT_FALSE(has(r.body, "<script>x"));
  EXPECT_TRUE(has(r.body, "&quot;&gt;&lt;script&gt;x"));
  // A bare host is meant as https.
  r = post_form("/granska", {{"url", "malmo.se/bygglov"}});
  EXPECT_EQ(r.status, 303) << r.body;
  // Neither a page nor a document.
  r = upload("bild.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "Filen bild.png är varken en HTML-sida eller ett PDF- eller Office-dokument")) << r.body;
  // A damaged PDF says why.
  r = upload("trasig.pdf", testing::read_fixture("documents/truncated.pdf"));
  EXPECT_EQ(r.status, 422) << r.body;
  // Too large.
  settings.max_bytes = 100;
  make_app();
  r = post_form("/granska", {{"html", std::string(200, 'x')}});
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(has(r.body, "Koden är större än gränsen på 100 B."));
  web.serve_html("https://malmo.se/stor", std::string(500, 'x'));
  r = post_form("/granska", {{"url", "https://malmo.se/stor"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(has(r.body, "större än gränsen")) << r.body;
}

TEST_F(AppTest, NoAllowedHostsMeansNoAddresses) {
  settings.allowed_hosts.clear();
  make_app();
  EXPECT_TRUE(has(get("/").body, "Den här installationen granskar inga adresser"));
  Response r = post_form("/granska", {{"url", kPage}});
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(has(r.body, "får inte hämta några adresser"));
}

TEST_F(AppTest, RateLimitPerClient) {
  settings.burst = 2;
  settings.refill = std::chrono::milliseconds(30000);
  make_app();
  check_page(kPage);
  check_page(kPage);
  Response r = post_form("/granska", {{"url", kPage}});
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.header("Retry-After"), "30");
  EXPECT_TRUE(has(r.body, "Vänta 30 sekunder")) << r.body;
  steady += std::chrono::seconds(31);
  check_page(kPage);
  // Another client is not held back; behind a proxy the client is the last forwarded address.
  settings.trust_proxy = true;
  settings.burst = 1;
  make_app();
  EXPECT_EQ(post_form("/granska", {{"url", kPage}}, {{"x-forwarded-for", "198.51.100.1, 203.0.113.5"}}).status, 303);
  EXPECT_EQ(post_form("/granska", {{"url", kPage}}, {{"x-forwarded-for", "198.51.100.1, 203.0.113.5"}}).status, 429);
  EXPECT_EQ(post_form("/granska", {{"url", kPage}}, {{"x-forwarded-for", "198.51.100.1, 203.0.113.6"}}).status, 303);
}

// A checker that waits until told to finish, to fill the queue.
class GateChecker : public Checker {
 public:
  explicit GateChecker(Checker& inner) : inner_(inner) {}
  Result<StoredCheck> check(const Source& s) override {
    {
      std::unique_lock lock(m_);
      ++entered_;
      cv_.notify_all();
      cv_.wait(lock, [&] { return open_; });
    }
    return inner_.check(s);
  }
  void wait_entered(int n) {
    std::unique_lock lock(m_);
    cv_.wait(lock, [&] { return entered_ >= n; });
  }
  void open() {
    std::lock_guard lock(m_);
    open_ = true;
    cv_.notify_all();
  }

 private:
  Checker& inner_;
  std::mutex m_;
  std::condition_variable cv_;
  int entered_ = 0;
  bool open_ = false;
};

TEST_F(AppTest, AFullQueueIsTurnedAwayWithRetryAfter) {
  GateChecker gate(*checker);
  settings.workers = 1;
  settings.queue = 1;
  AppDeps deps{store.get(), &gate, [this] { return now; }, [this] { return steady; }, [this] { return "q" + std::to_string(++ids) + "xxxxxxxx"; }};
  App busy(settings, deps);
  auto submit = [&] {
    Request r;
    r.method = "POST";
    r.path = "/granska";
    r.form = {{"url", kPage}};
    r.remote_address = "192.0.2.1";
    return busy.handle(r);
  };
  auto running = std::async(std::launch::async, submit);
  gate.wait_entered(1);
  auto waiting = std::async(std::launch::async, submit);  // queued behind the first
  while (busy.checks_admitted() < 2) std::this_thread::yield();  // the second has its place in the queue
  Response turned_away = submit();
  EXPECT_EQ(turned_away.status, 503);
  EXPECT_EQ(turned_away.header("Retry-After"), "10");
  EXPECT_TRUE(has(turned_away.body, "Försök igen om en liten stund"));
  gate.open();
  EXPECT_EQ(running.get().status, 303);
  EXPECT_EQ(waiting.get().status, 303);
}

TEST_F(AppTest, ExpiredAndUnknownResults) {
  const std::string location = check_page(kPage);
  now += 31 * 86400;
  Response r = get(location);
  EXPECT_EQ(r.status, 404);
  EXPECT_TRUE(has(r.body, "Resultat sparas i 30 dagar"));
  EXPECT_EQ(get("/r/nosuchresult").status, 404);
  EXPECT_EQ(get("/r/../../etc/passwd").status, 404);
  EXPECT_EQ(get("/nowhere").status, 404);
  Response m = get("/granska");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.header("Allow"), "POST");
}

TEST_F(AppTest, TheApi) {
  Response r = post_json("{\"url\": \"https://malmo.se/bygglov\"}");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.header("Location"), "/api/v1/checks/result1");
  EXPECT_EQ(r.content_type, "application/json; charset=utf-8");
  json j = json::parse(r.body);
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["id"], "result1");
  EXPECT_EQ(j["lang"], "sv");
  EXPECT_EQ(j["summary"]["failed"], 2);
  EXPECT_EQ(j["summary"]["by_criterion"][0]["criterion"], "1.1.1");
  EXPECT_EQ(j["groups"][0]["rule"], "image-alt");
  EXPECT_EQ(j["groups"][0]["count"], 2);
  EXPECT_EQ(j["groups"][0]["places"].size(), 2u);
  EXPECT_EQ(j["changes"], nullptr);
  EXPECT_EQ(j["address"], "https://malmo.se/bygglov");
  json en = json::parse(post_json("{\"html\": \"<title>x</title><img src=a>\", \"lang\": \"en\"}").body);
  EXPECT_EQ(en["lang"], "en");
  EXPECT_EQ(en["source"], "html");
  EXPECT_EQ(en["groups"][0]["message"], "The image has no text alternative (alt).");
  EXPECT_EQ(json::parse(get("/api/v1/checks/result1").body)["id"], "result1");
  // Errors are JSON with a code.
  json bad = json::parse(post_json("{not json").body);
  EXPECT_EQ(bad["error"]["code"], "bad-json");
  EXPECT_EQ(post_json("url=x", "text/plain").status, 415);
  Response refused = post_json("{\"url\": \"http://intranet.example/\"}");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(json::parse(refused.body)["error"]["code"], "host-not-allowed");
  EXPECT_EQ(json::parse(post_json("{\"url\": \"file:///etc/passwd\"}").body)["error"]["code"], "not-http");
  Response missing = get("/api/v1/checks/nosuchresult");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(json::parse(missing.body)["error"]["code"], "not-found");
}

TEST_F(AppTest, SignOnHeaderAndCrossSiteForms) {
  settings.user_header = "X-Remote-User";
  make_app();
  EXPECT_EQ(get("/").status, 403);
  EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(get("/", {}, {{"x-remote-user", "anna"}}).status, 200);
  Response forged = post_form("/granska", {{"url", kPage}}, {{"x-remote-user", "anna"}, {"sec-fetch-site", "cross-site"}});
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(post_form("/granska", {{"url", kPage}}, {{"x-remote-user", "anna"}, {"sec-fetch-site", "same-origin"}}).status, 303);
}

TEST_F(AppTest, ContentFromThePageIsEscaped) {
  web.serve_html("https://malmo.se/ond",
                 "<html lang=sv><head><title>Ond</title><script>alert(1)</script></head><body>"
                 "<img src=\"x\" onerror=\"alert(2)\"><a href=\"javascript:alert(3)\"><img src=y></a></body></html>");
  const std::string location = check_page("https://malmo.se/ond");
  Response r = get(location);
  EXPECT_FALSE(has(r.body, "<script")) << r.body;
  EXPECT_FALSE(has(r.body, "onerror=\""));
  EXPECT_FALSE(has(r.body, "href=\"javascript:"));
}

// Every page of the app passes granska's own rules (axe-core checks them in the browser tests).
TEST_F(AppTest, EveryPageOfTheAppPassesGranskasOwnRules) {
  std::string first;
  check_page(kPage, &first);
  web.serve_html(kPage, kFixed);
  post_form("/r/" + first + "/igen", {});
  std::vector<std::pair<std::string, Response>> pages;
  for (const char* lang : {"sv", "en"}) {
    pages.emplace_back("/", get("/", {{"lang", lang}}));
    pages.emplace_back("/r/result1", get("/r/result1", {{"lang", lang}}));
    pages.emplace_back("/r/result2", get("/r/result2", {{"lang", lang}}));
    pages.emplace_back("404", get("/saknas", {{"lang", lang}}));
    pages.emplace_back("error", post_form("/granska", {{"url", "file:///x"}, {"lang", lang}}));
  }
  for (const auto& [name, r] : pages) {
    auto doc = html::Document::parse(r.body);
    auto ev = engine::evaluate(*doc, "https://granska.malmo.se" + name, engine::Registry::builtin());
    for (const engine::RuleResult& rr : ev.rules) {
      EXPECT_NE(rr.outcome, engine::Outcome::Failed) << name << ": " << rr.rule->info.id;
    }
  }
}

TEST(ServeLimits, TokenBucket) {
  RateLimiter limiter(2, std::chrono::milliseconds(1000));
  Clock::time_point t{};
  EXPECT_FALSE(limiter.take("a", t));
  EXPECT_FALSE(limiter.take("a", t));
  auto wait = limiter.take("a", t);
  ASSERT_TRUE(wait);
  EXPECT_EQ(wait->count(), 1);
  EXPECT_FALSE(limiter.take("b", t));
  EXPECT_FALSE(limiter.take("a", t + std::chrono::milliseconds(1000)));
  EXPECT_TRUE(limiter.take("a", t + std::chrono::milliseconds(1000)));
}

TEST(ServeLimits, AdmissionBound) {
  Admission a(1, 0);
  auto first = a.enter();
  ASSERT_TRUE(first);
  EXPECT_FALSE(a.enter());
  first.reset();
  EXPECT_TRUE(a.enter());
}

TEST(ServeHttp, QueryParsing) {
  auto q = parse_query("a=1&b=x+y%21&c&d=%zz&a=2");
  EXPECT_EQ(q.count("a"), 2u);
  EXPECT_EQ(q.find("b")->second, "x y!");
  EXPECT_EQ(q.find("c")->second, "");
  EXPECT_EQ(q.find("d")->second, "%zz");
  EXPECT_EQ(percent_encode("å /"), "%C3%A5%20%2F");
}

TEST(ServePayload, RoundTrip) {
  StoredCheck c;
  c.source = SourceKind::File;
  c.file_name = "ond\xff.html";
  c.notes.push_back(Error{"note", "anteckning"});
  c.redirects.push_back({"http://a/", 301, "https://a/"});
  c.row.title = "T";
  c.row.rule_outcomes = {{"image-alt", engine::Outcome::Failed}};
  results::FindingRow f;
  f.rule = "image-alt";
  f.message_id = "no-name";
  f.args = {"x"};
  f.selector = "img";
  f.line = 3;
  f.snippet = "<img>";
  c.row.findings.push_back(f);
  auto back = from_payload(to_payload(c));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->source, SourceKind::File);
  EXPECT_EQ(back->notes[0].message_sv, "anteckning");
  EXPECT_EQ(back->redirects[0].status, 301);
  ASSERT_EQ(back->row.findings.size(), 1u);
  EXPECT_EQ(back->row.findings[0].line, 3u);
  EXPECT_EQ(back->row.rule_outcomes[0].outcome, engine::Outcome::Failed);
  EXPECT_FALSE(from_payload("{\"v\": 99}"));
  EXPECT_FALSE(from_payload("nonsense"));
}

}  // namespace
}  // namespace granska::serve
