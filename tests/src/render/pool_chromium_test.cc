// Rendering with the real headless Chromium against the loopback fixture server. Skipped
// with a message when Chromium is not installed (scripts/install-deps.sh installs it).
// Each test starts one browser; together they take a few seconds.
#include <signal.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <future>
#include <thread>

#include "html/dom.h"
#include "render/pool.h"
#include "render/rendered_view.h"
#include "support/chromium.h"
#include "support/fixture_server.h"
#include "support/test_paths.h"

namespace granska::render {
namespace {

PoolOptions test_options() {
  PoolOptions o;
  o.launch.loopback_only = true;  // no name resolves but 127.0.0.1: nothing leaves the machine
  o.tabs = 1;
  o.idle_quiet_ms = 200;
  o.page_timeout_ms = 20000;
  return o;
}

std::unique_ptr<Pool> start_pool(const PoolOptions& o) {
  auto pool = Pool::start(o);
  EXPECT_TRUE(pool.ok()) << (pool.ok() ? "" : pool.error().message);
  return pool.ok() ? std::move(pool).value() : nullptr;
}

PageRequest request(const std::string& url, bool facts = false) {
  PageRequest r;
  r.url = url;
  r.facts.reflow = r.facts.focus = r.facts.targets = facts;
  return r;
}

RenderedView view_of(Result<RenderedPage> page) {
  EXPECT_TRUE(page.ok()) << (page.ok() ? "" : page.error().message);
  auto view = RenderedView::build(page.ok() ? std::move(page).value() : RenderedPage{});
  EXPECT_TRUE(view.ok());
  return std::move(view).value();
}

const html::Node* by_id(const RenderedView& v, const char* id) { return v.document().element_by_id(id); }

class RenderChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<testing::FixtureServer>(testing::fixture_path(""));
    ASSERT_TRUE(server_->start());
  }
  std::unique_ptr<testing::FixtureServer> server_;
};

TEST_F(RenderChromium, ScriptBuiltContentExistsOnlyWhenRendered) {
  REQUIRE_CHROMIUM();
  auto static_doc = html::Document::parse(testing::read_fixture("render/script-built.html"));
  ASSERT_NE(static_doc->element_by_id("app"), nullptr);
  EXPECT_EQ(static_doc->element_by_id("heading"), nullptr);  // nothing for static rules

  auto pool = start_pool(test_options());
  ASSERT_TRUE(pool);
  const std::string url = server_->url("/render/script-built.html");
  RenderedView view = view_of(pool->render(request(url)));
  const RenderedPage& page = view.page();
  EXPECT_EQ(page.final_url, url);
  EXPECT_EQ(page.http_status, 200);
  EXPECT_EQ(page.mime_type, "text/html");
  EXPECT_EQ(page.title, "Boka tid");
  EXPECT_EQ(page.attempts, 1);
  EXPECT_FALSE(page.load_timed_out);
  EXPECT_TRUE(page.network_idle);
  ASSERT_EQ(page.console_errors.size(), 1u);
  EXPECT_EQ(page.console_errors[0], "booking api unavailable");

  const html::Node* heading = by_id(view, "heading");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->text_content(), "Boka tid hos Bygglov");
  EXPECT_EQ(heading->parent(), by_id(view, "app"));
  EXPECT_EQ(heading->position().line, 0u);
  EXPECT_EQ(view.style(*heading, Prop::Display), "block");
  EXPECT_EQ(view.style(*heading, Prop::Color), "rgb(20, 40, 60)");
  EXPECT_EQ(view.style(*heading, Prop::FontWeight), "700");
  ASSERT_TRUE(view.box(*heading).has_value());
  EXPECT_GT(view.box(*heading)->width, 0);
  const html::Node* intro = by_id(view, "intro");  // display:none from the page's CSS
  ASSERT_NE(intro, nullptr);
  EXPECT_FALSE(view.box(*intro).has_value());
  EXPECT_FALSE(view.has_style(*intro));
  ASSERT_NE(by_id(view, "nolabel"), nullptr);
  EXPECT_EQ(by_id(view, "logo")->snippet(), "<img id=\"logo\" src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"20\" height=\"20\">");
  EXPECT_NE(view.document().body(), nullptr);
  EXPECT_TRUE(view.document().has_doctype());
  EXPECT_GT(page.snapshot_ms, 0);
}

TEST_F(RenderChromium, OverflowAt320Pixels) {
  REQUIRE_CHROMIUM();
  auto pool = start_pool(test_options());
  ASSERT_TRUE(pool);
  PageRequest wide = request(server_->url("/render/overflow.html"));
  wide.facts.reflow = true;
  RenderedView view = view_of(pool->render(wide));
  const ReflowFacts& r = view.page().reflow;
  ASSERT_TRUE(r.measured);
  EXPECT_TRUE(r.horizontal_scroll);
  EXPECT_FALSE(r.clipped);
  EXPECT_GT(r.content_width, 600);
  ASSERT_EQ(r.overflowing.size(), 1u);  // not the table in its own scrolling box
  const html::Node* e = view.element(r.overflowing[0].node);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->attr("id"), "wide");
  EXPECT_EQ(view.box(*e)->width, 600);  // the main layout's box: 1280 px wide viewport

  PageRequest fits = request(server_->url("/render/reflow-ok.html"));
  fits.facts.reflow = true;
  RenderedView ok = view_of(pool->render(fits));
  EXPECT_TRUE(ok.page().reflow.measured);
  EXPECT_FALSE(ok.page().reflow.horizontal_scroll);
  EXPECT_FALSE(ok.page().reflow.clipped);
  EXPECT_TRUE(ok.page().reflow.overflowing.empty());
}

TEST_F(RenderChromium, FocusIndicatorsAndTargetSizes) {
  REQUIRE_CHROMIUM();
  auto pool = start_pool(test_options());
  ASSERT_TRUE(pool);
  RenderedView view = view_of(pool->render(request(server_->url("/render/focus.html"), true)));
  const FocusFacts& f = view.page().focus;
  ASSERT_TRUE(f.measured);
  auto focus_of = [&](const char* id) -> const FocusFacts::Element* {
    for (const auto& e : f.elements) {
      const html::Node* el = view.element(e.node);
      if (el && el->attr("id") == id) return &e;
    }
    return nullptr;
  };
  auto has = [](const FocusFacts::Element* e, const char* what) {
    return std::find(e->changed.begin(), e->changed.end(), what) != e->changed.end();
  };
  const auto* standard = focus_of("default");
  ASSERT_NE(standard, nullptr);
  EXPECT_TRUE(standard->focused);
  EXPECT_TRUE(has(standard, "outline-style")) << "the browser's own focus ring";
  const auto* removed = focus_of("no-outline");
  ASSERT_NE(removed, nullptr);
  EXPECT_TRUE(removed->focused);
  EXPECT_TRUE(removed->changed.empty()) << removed->changed.front();
  EXPECT_TRUE(removed->visible_when_focused);
  const auto* ring = focus_of("shadow-ring");
  ASSERT_NE(ring, nullptr);
  EXPECT_TRUE(has(ring, "box-shadow"));
  const auto* skip = focus_of("skip");
  ASSERT_NE(skip, nullptr);
  EXPECT_TRUE(has(skip, "box"));  // moves into view
  EXPECT_TRUE(skip->visible_when_focused);
  EXPECT_EQ(focus_of("not-focusable"), nullptr);
  EXPECT_EQ(f.candidates, f.elements.size());
  EXPECT_FALSE(f.truncated);

  const TargetFacts& t = view.page().targets;
  ASSERT_TRUE(t.measured);
  auto target_of = [&](const char* id) -> const TargetFacts::Target* {
    for (const auto& e : t.targets) {
      const html::Node* el = view.element(e.node);
      if (el && el->attr("id") == id) return &e;
    }
    return nullptr;
  };
  ASSERT_NE(target_of("tiny"), nullptr);
  EXPECT_FALSE(target_of("tiny")->large_enough);
  EXPECT_FALSE(target_of("tiny")->spaced);  // its neighbour is 10 px away
  EXPECT_TRUE(target_of("default")->large_enough);
  EXPECT_TRUE(target_of("inline")->inline_in_text);
}

TEST_F(RenderChromium, SitesDoNotShareCookiesAndLoginStaysWithTheSite) {
  REQUIRE_CHROMIUM();
  auto pool = start_pool(test_options());
  ASSERT_TRUE(pool);
  PageRequest set = request(server_->url("/render/set-cookie.html"));
  set.site = "a";
  ASSERT_TRUE(pool->render(set).ok());
  PageRequest echo = request(server_->url("/_test/echo-header?name=Cookie"));
  echo.site = "a";
  EXPECT_NE(view_of(pool->render(echo)).document().body()->text_content().find("visited=yes"), std::string::npos);
  echo.site = "b";
  EXPECT_EQ(view_of(pool->render(echo)).document().body()->text_content().find("visited"), std::string::npos);

  PageRequest header = request(server_->url("/_test/echo-header?name=X-Granska-Test"));
  header.login.headers = {"X-Granska-Test: hemligt-värde"};
  EXPECT_NE(view_of(pool->render(header)).document().body()->text_content().find("hemligt-värde"),
            std::string::npos);
  // The next page in that site's tab, without login: the header is not sent any more.
  header.login.headers.clear();
  EXPECT_EQ(view_of(pool->render(header)).document().body()->text_content().find("hemligt"), std::string::npos);

  std::string cookies = ::testing::TempDir() + "granska_render_login_cookies.txt";
  {
    std::ofstream out(cookies);
    out << "127.0.0.1\tFALSE\t/\tFALSE\t0\ttoken\tt1\n";
  }
  PageRequest login = request(server_->url("/_test/echo-header?name=Cookie"));
  login.site = "c";
  login.login.cookie_file = cookies;
  EXPECT_NE(view_of(pool->render(login)).document().body()->text_content().find("token=t1"), std::string::npos);
  std::remove(cookies.c_str());
}

TEST_F(RenderChromium, AKilledBrowserCostsThePageOneRetry) {
  REQUIRE_CHROMIUM();
  auto pool = start_pool(test_options());
  ASSERT_TRUE(pool);
  pid_t first = pool->browser_pid();
  ASSERT_GT(first, 0);
  auto pending = std::async(std::launch::async, [&] { return pool->render(request(server_->url("/render/gated.html"))); });
  // Kill the browser while the page waits for its image.
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  bool seen = false;
  while (!seen && std::chrono::steady_clock::now() < until) {
    for (const std::string& r : server_->requests()) seen = seen || r == "/_test/gate";
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(seen);
  ASSERT_EQ(::kill(first, SIGKILL), 0);
  server_->open_gate();
  Result<RenderedPage> page = pending.get();
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->attempts, 2);
  EXPECT_EQ(page->title, "Väntar på en bild");
  PoolStats s = pool->stats();
  EXPECT_EQ(s.retries, 1u);
  EXPECT_EQ(s.browser_starts, 2u);
  EXPECT_NE(pool->browser_pid(), first);
  // The run goes on.
  auto next = pool->render(request(server_->url("/render/reflow-ok.html")));
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(next->attempts, 1);
}

TEST_F(RenderChromium, HungPagesTimeOutAndTheRunGoesOn) {
  REQUIRE_CHROMIUM();
  PoolOptions o = test_options();
  o.load_timeout_ms = 1000;
  o.page_timeout_ms = 2500;
  o.idle_cap_ms = 500;
  auto pool = start_pool(o);
  ASSERT_TRUE(pool);
  auto start = std::chrono::steady_clock::now();
  auto slow = pool->render(request(server_->url("/_test/slow?ms=20000")));
  ASSERT_FALSE(slow.ok());
  EXPECT_NE(slow.error().message.find("did not load within 1 s"), std::string::npos) << slow.error().message;
  EXPECT_NE(slow.error().message_sv.find("lästes inte in"), std::string::npos);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));

  // Loads, then its script never yields: the snapshot cannot be taken.
  start = std::chrono::steady_clock::now();
  auto busy = pool->render(request(server_->url("/render/busy-loop.html")));
  ASSERT_FALSE(busy.ok());
  EXPECT_NE(busy.error().message.find("did not finish within 2.5 s"), std::string::npos) << busy.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(6));

  auto next = pool->render(request(server_->url("/render/reflow-ok.html"), true));
  ASSERT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(next->title, "Responsiv sida");
  EXPECT_EQ(pool->stats().failures, 2u);
  EXPECT_EQ(pool->stats().retries, 0u);  // a page's own hang is not retried
}

}  // namespace
}  // namespace granska::render
