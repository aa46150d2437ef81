// The DevTools pipe transport against a scripted peer on a pair of pipes: no browser.
#include "render/cdp.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <string>
#include <thread>
#include <vector>

namespace granska::render::cdp {
namespace {

// The browser's side of the pipe: reads NUL-terminated requests and answers as the test
// says. Runs on its own thread until the pipe closes or stop().
class FakeBrowser {
 public:
  using Handler = std::function<void(FakeBrowser&, const Json& request)>;

  explicit FakeBrowser(Handler handler) : handler_(std::move(handler)) {
    int to_browser[2];
    int from_browser[2];
    EXPECT_EQ(::pipe2(to_browser, O_CLOEXEC), 0);
    EXPECT_EQ(::pipe2(from_browser, O_CLOEXEC), 0);
    browser_in_ = to_browser[0];
    client_write_ = to_browser[1];
    client_read_ = from_browser[0];
    browser_out_ = from_browser[1];
  }
  // The Connection (declared after this object) closes its ends first, so the loop sees
  // end of file and returns.
  ~FakeBrowser() {
    if (thread_.joinable()) thread_.join();
    close_output();
    if (browser_in_ >= 0) ::close(browser_in_);
  }

  // Hands the client's ends to a Connection and starts answering.
  std::unique_ptr<Connection> connect(Limits limits = {}) {
    auto c = std::make_unique<Connection>(client_write_, client_read_, limits);
    thread_ = std::thread([this] { loop(); });
    return c;
  }

  void send_raw(const std::string& bytes) {
    std::size_t off = 0;
    while (off < bytes.size()) {
      ssize_t n = ::write(browser_out_, bytes.data() + off, bytes.size() - off);
      if (n <= 0) return;
      off += static_cast<std::size_t>(n);
    }
  }
  void send(const Json& message) { send_raw(message.dump() + std::string(1, '\0')); }
  void answer(const Json& request, const Json& result) {
    Json m = {{"id", request["id"]}, {"result", result}};
    if (request.contains("sessionId")) m["sessionId"] = request["sessionId"];
    send(m);
  }
  void close_output() {
    if (browser_out_ >= 0) ::close(browser_out_);
    browser_out_ = -1;
  }
  int requests() const { return requests_; }

 private:
  void loop() {
    std::string buf;
    char chunk[4096];
    for (;;) {
      ssize_t n = ::read(browser_in_, chunk, sizeof chunk);
      if (n <= 0) return;
      buf.append(chunk, static_cast<std::size_t>(n));
      std::size_t nul;
      while ((nul = buf.find('\0')) != std::string::npos) {
        Json request = Json::parse(buf.substr(0, nul));
        buf.erase(0, nul + 1);
        ++requests_;
        handler_(*this, request);
      }
    }
  }

  Handler handler_;
  int browser_in_ = -1, browser_out_ = -1, client_read_ = -1, client_write_ = -1;
  std::atomic<int> requests_{0};
  std::thread thread_;
};

void echo(FakeBrowser& b, const Json& r) { b.answer(r, {{"method", r["method"]}, {"params", r["params"]}}); }

TEST(CdpConnection, CallsGetTheirOwnAnswers) {
  FakeBrowser browser(echo);
  auto c = browser.connect();
  auto r = c->call("Browser.getVersion", {{"x", 1}}, "", after_ms(2000));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ((*r)["method"], "Browser.getVersion");
  EXPECT_EQ((*r)["params"]["x"], 1);
}

TEST(CdpConnection, AnswersOutOfOrderReachTheRightCaller) {
  std::vector<Json> held;
  FakeBrowser browser([&](FakeBrowser& b, const Json& r) {
    held.push_back(r);
    if (held.size() == 2) {  // answer the second first
      b.answer(held[1], {{"n", 2}});
      b.answer(held[0], {{"n", 1}});
    }
  });
  auto c = browser.connect();
  auto first = c->send("A.one", Json::object(), "s1", after_ms(2000));
  auto second = c->send("A.two", Json::object(), "s2", after_ms(2000));
  ASSERT_TRUE(first.ok() && second.ok());
  auto r1 = c->wait(*first, after_ms(2000));
  auto r2 = c->wait(*second, after_ms(2000));
  ASSERT_TRUE(r1.ok() && r2.ok());
  EXPECT_EQ((*r1)["n"], 1);
  EXPECT_EQ((*r2)["n"], 2);
}

TEST(CdpConnection, ProtocolErrorsBecomeErrors) {
  FakeBrowser browser([](FakeBrowser& b, const Json& r) {
    b.send({{"id", r["id"]}, {"error", {{"code", -32601}, {"message", "'Nope.x' wasn't found"}}}});
  });
  auto c = browser.connect();
  auto r = c->call("Nope.x", Json::object(), "", after_ms(2000));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Nope.x: 'Nope.x' wasn't found"), std::string::npos);
  EXPECT_EQ(c->failure(), Failure::None);  // the connection is still fine
}

TEST(CdpConnection, ACallWithoutAnswerTimesOut) {
  FakeBrowser browser([](FakeBrowser&, const Json&) {});
  auto c = browser.connect();
  auto start = Clock::now();
  auto r = c->call("Page.navigate", Json::object(), "s", after_ms(100));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("did not answer Page.navigate"), std::string::npos);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
}

TEST(CdpConnection, ABrowserThatDiesFailsPendingAndLaterCalls) {
  FakeBrowser browser([](FakeBrowser& b, const Json&) { b.close_output(); });
  auto c = browser.connect();
  auto start = Clock::now();
  auto r = c->call("Page.navigate", Json::object(), "s", after_ms(10000));
  ASSERT_FALSE(r.ok());
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));  // not the deadline
  EXPECT_EQ(c->failure(), Failure::Closed);
  auto later = c->call("Browser.getVersion", Json::object(), "", after_ms(10000));
  ASSERT_FALSE(later.ok());
  EXPECT_NE(later.error().message.find("closed"), std::string::npos);
}

TEST(CdpConnection, GarbageBreaksTheConnection) {
  FakeBrowser browser([](FakeBrowser& b, const Json&) { b.send_raw(std::string("not json\0", 9)); });
  auto c = browser.connect();
  auto r = c->call("Browser.getVersion", Json::object(), "", after_ms(5000));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(c->failure(), Failure::Protocol);
}

TEST(CdpConnection, AnOversizedAnswerFailsOnlyItsCall) {
  FakeBrowser browser([](FakeBrowser& b, const Json& r) {
    if (r["method"] == "DOMSnapshot.captureSnapshot") {
      b.answer(r, {{"big", std::string(300000, 'x')}});
    } else {
      b.answer(r, {{"ok", true}});
    }
  });
  Limits limits;
  limits.max_message_bytes = 100000;
  auto c = browser.connect(limits);
  auto big = c->call("DOMSnapshot.captureSnapshot", Json::object(), "s", after_ms(5000));
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.error().message.find("larger than"), std::string::npos);
  auto small = c->call("Browser.getVersion", Json::object(), "", after_ms(5000));
  ASSERT_TRUE(small.ok()) << small.error().message;
  EXPECT_EQ((*small)["ok"], true);
}

TEST(CdpConnection, EventsGoToTheirSessionInOrder) {
  FakeBrowser browser([](FakeBrowser& b, const Json& r) {
    b.send({{"method", "Page.lifecycleEvent"}, {"params", {{"name", "load"}}}, {"sessionId", "other"}});
    b.send({{"method", "Page.lifecycleEvent"}, {"params", {{"name", "DOMContentLoaded"}}}, {"sessionId", "s"}});
    b.send({{"method", "Page.lifecycleEvent"}, {"params", {{"name", "load"}}}, {"sessionId", "s"}});
    b.send({{"method", "Target.targetCreated"}, {"params", Json::object()}});  // browser-level, not open
    b.answer(r, Json::object());
  });
  auto c = browser.connect();
  c->open_session("s");
  ASSERT_TRUE(c->call("Page.enable", Json::object(), "s", after_ms(2000)).ok());
  auto e1 = c->next_event("s", after_ms(1000));
  auto e2 = c->next_event("s", after_ms(1000));
  ASSERT_TRUE(e1.ok() && e1->has_value() && e2.ok() && e2->has_value());
  EXPECT_EQ((**e1).params["name"], "DOMContentLoaded");
  EXPECT_EQ((**e2).params["name"], "load");
  auto none = c->next_event("s", after_ms(50));
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  EXPECT_FALSE(c->next_event("other", after_ms(50)).ok());  // never opened: dropped
}

TEST(CdpConnection, AFullEventQueueDropsAndCounts) {
  FakeBrowser browser([](FakeBrowser& b, const Json& r) {
    for (int i = 0; i < 50; ++i) {
      b.send({{"method", "Runtime.consoleAPICalled"}, {"params", {{"i", i}}}, {"sessionId", "s"}});
    }
    b.answer(r, Json::object());
  });
  Limits limits;
  limits.max_queued_events = 10;
  auto c = browser.connect(limits);
  c->open_session("s");
  ASSERT_TRUE(c->call("Runtime.enable", Json::object(), "s", after_ms(2000)).ok());
  EXPECT_EQ(c->dropped_events("s"), 40u);
  auto first = c->next_event("s", after_ms(100));
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((**first).params["i"], 0);
}

TEST(CdpConnection, ACrashedPageFailsItsSessionOnly) {
  FakeBrowser browser([](FakeBrowser& b, const Json& r) {
    if (r.value("sessionId", "") == "s") {
      b.send({{"method", "Inspector.targetCrashed"}, {"params", Json::object()}, {"sessionId", "s"}});
    } else {
      b.answer(r, {{"fine", true}});
    }
  });
  auto c = browser.connect();
  c->open_session("s");
  c->open_session("t");
  auto crashed = c->call("DOMSnapshot.captureSnapshot", Json::object(), "s", after_ms(10000));
  ASSERT_FALSE(crashed.ok());
  EXPECT_NE(crashed.error().message.find("crashed"), std::string::npos);
  EXPECT_EQ(c->session_failure("s"), Failure::PageCrashed);
  auto event = c->next_event("s", after_ms(10));  // the crash event itself, then the failure
  ASSERT_TRUE(event.ok() && event->has_value());
  EXPECT_EQ((**event).method, "Inspector.targetCrashed");
  EXPECT_FALSE(c->next_event("s", after_ms(10)).ok());
  auto other = c->call("Page.enable", Json::object(), "t", after_ms(2000));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(c->failure(), Failure::None);
}

TEST(CdpConnection, ABrowserThatStopsReadingCannotBlockAWrite) {
  FakeBrowser browser([](FakeBrowser&, const Json&) {
    std::this_thread::sleep_for(std::chrono::seconds(1));  // reads one message, then stalls
  });
  auto c = browser.connect();
  Json big = {{"data", std::string(4 << 20, 'y')}};  // more than any pipe buffer
  auto start = Clock::now();
  auto first = c->send("A.a", Json::object(), "", after_ms(1000));
  auto r = c->send("A.b", big, "", after_ms(300));
  EXPECT_FALSE(r.ok());
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(c->failure(), Failure::Protocol);  // a half-written message spoils the pipe
  (void)first;
}

}  // namespace
}  // namespace granska::render::cdp
