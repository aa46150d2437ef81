#include "render/pool.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "render/cdp.h"
#include "render/layout_facts.h"
#include "render/login.h"
#include "render/snapshot.h"
#include "util/text.h"

namespace granska::render {

using cdp::Clock;
using cdp::Deadline;
using cdp::Json;

std::string url_origin(std::string_view url) {
  auto sep = url.find("://");
  if (sep == std::string_view::npos || sep == 0) return {};
  std::string scheme = text::ascii_lower(url.substr(0, sep));
  std::string_view rest = url.substr(sep + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (authority.empty()) return {};
  std::string host = text::ascii_lower(authority);
  if (scheme == "http" && host.size() > 3 && host.ends_with(":80")) host.resize(host.size() - 3);
  if (scheme == "https" && host.size() > 4 && host.ends_with(":443")) host.resize(host.size() - 4);
  return scheme + "://" + host;
}

namespace {

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

std::string seconds(long ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", static_cast<double>(ms) / 1000.0);
  return buf;
}

std::string str(const Json& j, const char* key) {
  if (!j.is_object()) return {};
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The JavaScript run in the page to compare each element's styles unfocused and focused.
// Transitions and animations are switched off first, so the focused values are final.
constexpr const char* kFocusProbe = R"JS(function(props, ...els) {
  const off = document.createElement('style');
  off.textContent = '*,*::before,*::after{transition:none!important;animation:none!important}';
  (document.head || document.documentElement).appendChild(off);
  const read = (el, pseudo) => {
    const cs = getComputedStyle(el, pseudo);
    return props.map(p => cs.getPropertyValue(p));
  };
  const sample = el => {
    const r = el.getBoundingClientRect();
    return {self: read(el), parent: el.parentElement ? read(el.parentElement) : [],
            before: read(el, '::before'), after: read(el, '::after'),
            children: Array.from(el.children).slice(0, 3).map(k => read(k)),
            box: [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height]};
  };
  const out = [];
  for (const el of els) {
    const active = document.activeElement;
    if (active && active !== document.body && active.blur) active.blur();
    const a = sample(el);
    try { el.focus({preventScroll: true, focusVisible: true}); } catch (e) {}
    const focused = document.activeElement === el;
    const b = focused ? sample(el) : null;
    if (focused) el.blur();
    out.push({focused, a, b});
  }
  off.remove();
  return out;
})JS";

struct Context {
  std::string id;
  int in_use = 0;
  std::uint64_t last_used = 0;
};

// A tab kept after a page for the next page of the same site and login (`key`): opening a
// tab costs a renderer process start, navigating an open one does not.
struct IdleTab {
  std::string key;
  std::string target_id;
  std::string session;
  bool intercepting = false;  // Fetch.enable is on for login headers
};

// One running browser. Shared by the pages rendering in it; the last one to let go of a
// failed or retired browser closes it.
struct Browser {
  std::unique_ptr<ChromiumProcess> process;
  std::unique_ptr<cdp::Connection> conn;  // declared after process: destroyed before it
  std::mutex mu;  // contexts
  std::map<std::string, Context> contexts;
  std::deque<IdleTab> idle;  // oldest first
  std::uint64_t tick = 0;
  std::atomic<std::size_t> pages{0};
  std::atomic<bool> retired{false};

  // No Browser.close: its profile is thrown away, so there is nothing to save, and a
  // graceful exit took about a second. The process group is killed (ChromiumProcess).
  ~Browser() { conn.reset(); }  // joins the reader before the process (and its pipe) go
};

Error page_error(const std::string& url, const std::string& reason) {
  return Error{"could not render " + url + ": " + reason, "kunde inte rendera " + url + ": " + reason};
}

// What one attempt at a page gave: the page, or an Error and whether the browser (not the
// page) failed, which is worth one more try.
struct Attempt {
  Result<RenderedPage> page;
  bool browser_failed = false;
};

// Everything the load phase learns from the page's events.
struct LoadState {
  std::string frame;   // the main frame (its id is the target's)
  std::string loader;  // the main document's loader
  bool dcl = false;
  bool load = false;
  std::set<std::string> inflight;
  Clock::time_point last_activity = Clock::now();
  std::string origin;  // for login headers
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace

struct Pool::Impl {
  PoolOptions opt;
  int tabs = 1;
  mutable std::mutex mu;
  std::condition_variable slot_cv;
  int free_tabs = 1;
  std::shared_ptr<Browser> browser;
  PoolStats stats;

  Result<std::shared_ptr<Browser>> launch();
  Result<std::shared_ptr<Browser>> current();
  Attempt render_once(Browser& b, const PageRequest& req, Deadline deadline);
  Result<std::string> context_for(Browser& b, const std::string& key, const Login& login, Deadline deadline);
  void release_context(Browser& b, const std::string& key);
  void handle_event(cdp::Connection& c, const std::string& session, const cdp::Event& e, LoadState& st,
                    RenderedPage& page, Deadline deadline);
  Status measure_focus(cdp::Connection& c, const std::string& session, RenderedPage& page, const FactsOptions& f,
                       Deadline deadline);
  Status measure_reflow(cdp::Connection& c, const std::string& session, RenderedPage& page, const FactsOptions& f,
                        Deadline deadline);
  void after_page(Browser& b);
};

Result<std::shared_ptr<Browser>> Pool::Impl::launch() {
  auto proc = ChromiumProcess::launch(opt.launch);
  if (!proc.ok()) return proc.error();
  auto b = std::make_shared<Browser>();
  b->process = std::move(proc).value();
  auto [w, r] = b->process->take_pipe();
  cdp::Limits limits;
  limits.max_message_bytes = opt.max_message_mb << 20;
  b->conn = std::make_unique<cdp::Connection>(w, r, limits);
  auto version = b->conn->call("Browser.getVersion", Json::object(), "", cdp::after_ms(opt.browser_timeout_ms));
  if (!version.ok()) {
    std::string tail = text::collapse_whitespace(b->process->stderr_tail(300));
    std::string why = version.error().message + (tail.empty() ? "" : "; its last output: " + tail);
    b->conn->fail(cdp::Failure::Closed, why);
    return Error{"Chromium (" + b->process->executable() + ") did not start: " + why,
                 "Chromium (" + b->process->executable() + ") startade inte: " + why};
  }
  return b;
}

Result<std::shared_ptr<Browser>> Pool::Impl::current() {
  std::lock_guard lock(mu);
  if (browser && browser->conn->failure() == cdp::Failure::None && browser->process->running() &&
      !browser->retired) {
    return browser;
  }
  if (browser && browser->conn->failure() == cdp::Failure::None && !browser->process->running()) {
    browser->conn->fail(cdp::Failure::Closed, "Chromium exited");
  }
  browser.reset();  // closed when the pages still using it let go
  auto b = launch();
  if (!b.ok()) return b.error();
  browser = *b;
  ++stats.browser_starts;
  return browser;
}

Result<std::string> Pool::Impl::context_for(Browser& b, const std::string& key, const Login& login,
                                             Deadline deadline) {
  std::lock_guard lock(b.mu);
  if (auto it = b.contexts.find(key); it != b.contexts.end()) {
    ++it->second.in_use;
    it->second.last_used = ++b.tick;
    return it->second.id;
  }
  Json cookies;
  if (!login.cookie_file.empty()) {
    auto parsed = cookies_from_file(login.cookie_file);
    if (!parsed.ok()) return parsed.error();
    cookies = std::move(parsed).value();
  }
  auto created = b.conn->call("Target.createBrowserContext", {{"disposeOnDetach", false}}, "", deadline);
  if (!created.ok()) return created.error();
  std::string id = str(*created, "browserContextId");
  if (id.empty()) return Error{"Chromium did not create a browser context"};
  if (cookies.is_array() && !cookies.empty()) {
    auto set = b.conn->call("Storage.setCookies", {{"cookies", cookies}, {"browserContextId", id}}, "", deadline);
    if (!set.ok()) {
      (void)b.conn->call("Target.disposeBrowserContext", {{"browserContextId", id}}, "", deadline);
      // Not the CDP message: it could quote a cookie.
      return Error{"Chromium refused the cookies of " + login.cookie_file,
                   "Chromium godtog inte kakorna i " + login.cookie_file};
    }
  }
  Context& ctx = b.contexts[key];
  ctx.id = id;
  ctx.in_use = 1;
  ctx.last_used = ++b.tick;
  // Keep the most recently used contexts; an idle one beyond the limit is disposed of.
  while (b.contexts.size() > opt.max_contexts) {
    auto oldest = b.contexts.end();
    for (auto it = b.contexts.begin(); it != b.contexts.end(); ++it) {
      if (it->second.in_use == 0 && (oldest == b.contexts.end() || it->second.last_used < oldest->second.last_used)) {
        oldest = it;
      }
    }
    if (oldest == b.contexts.end()) break;
    // Disposing of the context closes its tabs, idle ones included.
    for (auto t = b.idle.begin(); t != b.idle.end();) {
      if (t->key == oldest->first) {
        b.conn->close_session(t->session);
        t = b.idle.erase(t);
      } else {
        ++t;
      }
    }
    (void)b.conn->call("Target.disposeBrowserContext", {{"browserContextId", oldest->second.id}}, "", deadline);
    b.contexts.erase(oldest);
  }
  return id;
}

void Pool::Impl::release_context(Browser& b, const std::string& key) {
  std::lock_guard lock(b.mu);
  if (auto it = b.contexts.find(key); it != b.contexts.end() && it->second.in_use > 0) --it->second.in_use;
}

void Pool::Impl::handle_event(cdp::Connection& c, const std::string& session, const cdp::Event& e, LoadState& st,
                              RenderedPage& page, Deadline deadline) {
  const std::string& m = e.method;
  const Json& p = e.params;
  if (m.rfind("Network.", 0) == 0) {
    std::string id = str(p, "requestId");
    if (m == "Network.requestWillBeSent") {
      st.inflight.insert(id);  // a redirect keeps its requestId: inserting again is harmless
    } else if (m == "Network.loadingFinished" || m == "Network.loadingFailed") {
      st.inflight.erase(id);
    } else if (m == "Network.responseReceived" && id == st.loader && p.contains("response") &&
               p["response"].is_object()) {
      const Json& r = p["response"];
      if (r.contains("status") && r["status"].is_number()) page.http_status = r["status"].get<long>();
      page.mime_type = str(r, "mimeType");
    }
    st.last_activity = Clock::now();
  } else if (m == "Page.lifecycleEvent") {
    if (str(p, "frameId") != st.frame || str(p, "loaderId") != st.loader) return;
    std::string name = str(p, "name");
    if (name == "DOMContentLoaded") st.dcl = true;
    if (name == "load") st.load = true;
  } else if (m == "Page.frameNavigated") {
    // A script or refresh navigating the main frame: wait for the new document instead.
    if (!p.contains("frame") || !p["frame"].is_object()) return;
    const Json& f = p["frame"];
    if (str(f, "id") == st.frame && !f.contains("parentId")) {
      std::string loader = str(f, "loaderId");
      if (!loader.empty() && loader != st.loader) {
        st.loader = loader;
        st.dcl = st.load = false;
      }
    }
  } else if (m == "Fetch.requestPaused") {
    // Only requests to the page's origin are intercepted (the pattern); the check here
    // keeps it so should the pattern ever match more.
    std::string id = str(p, "requestId");
    Json params = {{"requestId", id}};
    const Json* req = p.contains("request") && p["request"].is_object() ? &p["request"] : nullptr;
    if (req && url_origin(str(*req, "url")) == st.origin) {
      std::map<std::string, std::string> merged;
      if (req->contains("headers") && (*req)["headers"].is_object()) {
        for (auto& [k, v] : (*req)["headers"].items()) {
          if (v.is_string()) merged[text::ascii_lower(k)] = v.get<std::string>();
        }
      }
      for (const auto& [k, v] : st.headers) merged[text::ascii_lower(k)] = v;
      Json list = Json::array();
      for (const auto& [k, v] : merged) list.push_back({{"name", k}, {"value", v}});
      params["headers"] = std::move(list);
    }
    (void)c.call("Fetch.continueRequest", params, session, deadline);
  } else if (m == "Runtime.consoleAPICalled" || m == "Runtime.exceptionThrown") {
    std::string text;
    if (m == "Runtime.consoleAPICalled") {
      std::string type = str(p, "type");
      if (type != "error" && type != "assert") return;
      if (p.contains("args") && p["args"].is_array()) {
        for (const Json& a : p["args"]) {
          std::string part = a.contains("value") && a["value"].is_string() ? a["value"].get<std::string>()
                             : a.contains("value") ? a["value"].dump()
                                                   : str(a, "description");
          if (!text.empty()) text += ' ';
          text += part;
          if (text.size() > 600) break;
        }
      }
    } else if (p.contains("exceptionDetails") && p["exceptionDetails"].is_object()) {
      const Json& d = p["exceptionDetails"];
      text = d.contains("exception") ? str(d["exception"], "description") : std::string();
      if (text.empty()) text = str(d, "text");
    }
    ++page.console_errors_total;
    if (page.console_errors.size() < 50) page.console_errors.push_back(text::truncate_utf8(text, 500));
  }
}

Status Pool::Impl::measure_focus(cdp::Connection& c, const std::string& session, RenderedPage& page,
                                 const FactsOptions& f, Deadline deadline) {
  std::size_t total = 0;
  std::vector<std::uint32_t> candidates = focus_candidates(page, f.max_focus_elements, &total);
  page.focus.candidates = total;
  page.focus.truncated = total > candidates.size();
  if (candidates.empty()) {
    page.focus.measured = true;
    return ok_status();
  }
  // One Tab key press first: Chromium then treats focus as keyboard focus, so the page's
  // :focus-visible styles apply to the elements focused by script below.
  for (const char* type : {"rawKeyDown", "keyUp"}) {
    auto key = c.call("Input.dispatchKeyEvent",
                      {{"type", type}, {"key", "Tab"}, {"code", "Tab"}, {"windowsVirtualKeyCode", 9}}, session,
                      deadline);
    if (!key.ok()) return key.error();
  }
  static constexpr const char* kGroup = "granska-focus";
  std::vector<std::int64_t> ids;
  for (std::uint32_t n : candidates) {
    auto id = c.send("DOM.resolveNode", {{"backendNodeId", page.nodes[n].backend_id}, {"objectGroup", kGroup}},
                     session, deadline);
    if (!id.ok()) return id.error();
    ids.push_back(*id);
  }
  Json args = Json::array();
  Json props = Json::array();
  for (const std::string& p : focus_probe_properties()) props.push_back(p);
  args.push_back({{"value", props}});
  std::vector<std::uint32_t> probed;
  std::string first_object;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    auto r = c.wait(ids[k], deadline);
    if (!r.ok()) {
      if (c.session_failure(session) != cdp::Failure::None) return r.error();
      continue;  // the node is gone (a script removed it)
    }
    std::string object = r->contains("object") ? str((*r)["object"], "objectId") : std::string();
    if (object.empty()) continue;
    if (first_object.empty()) first_object = object;
    args.push_back({{"objectId", object}});
    probed.push_back(candidates[k]);
  }
  if (probed.empty()) {
    page.focus.measured = true;
    return ok_status();
  }
  auto result = c.call("Runtime.callFunctionOn",
                       {{"functionDeclaration", kFocusProbe},
                        {"objectId", first_object},
                        {"arguments", args},
                        {"returnByValue", true},
                        {"awaitPromise", false}},
                       session, deadline);
  (void)c.send("Runtime.releaseObjectGroup", {{"objectGroup", kGroup}}, session, deadline);
  if (!result.ok()) return result.error();
  const Json* value = nullptr;
  if (result->contains("result") && (*result)["result"].is_object() && (*result)["result"].contains("value")) {
    value = &(*result)["result"]["value"];
  }
  if (!value || !value->is_array() || value->size() != probed.size()) {
    return Error{"the focus probe gave no answer"};
  }
  auto strings = [](const Json& j) {
    std::vector<std::string> out;
    if (!j.is_array()) return out;
    for (const Json& s : j) out.push_back(s.is_string() ? s.get<std::string>() : std::string());
    return out;
  };
  auto sample = [&](const Json& j) {
    FocusSample s;
    if (!j.is_object()) return s;
    if (j.contains("self")) s.self = strings(j["self"]);
    if (j.contains("parent")) s.parent = strings(j["parent"]);
    if (j.contains("before")) s.before = strings(j["before"]);
    if (j.contains("after")) s.after = strings(j["after"]);
    if (j.contains("children") && j["children"].is_array()) {
      for (const Json& k : j["children"]) s.children.push_back(strings(k));
    }
    if (j.contains("box") && j["box"].is_array() && j["box"].size() == 4) {
      const Json& b = j["box"];
      auto num = [](const Json& v) { return v.is_number() ? v.get<double>() : 0.0; };
      s.box = Rect{num(b[0]), num(b[1]), num(b[2]), num(b[3])};
    }
    return s;
  };
  const auto& names = focus_probe_properties();
  const auto visibility = std::find(names.begin(), names.end(), "visibility") - names.begin();
  for (std::size_t k = 0; k < probed.size(); ++k) {
    const Json& r = (*value)[k];
    FocusFacts::Element el;
    el.node = probed[k];
    el.focused = r.is_object() && r.contains("focused") && r["focused"].is_boolean() && r["focused"].get<bool>();
    if (el.focused && r.contains("a") && r.contains("b")) {
      FocusSample a = sample(r["a"]);
      FocusSample b = sample(r["b"]);
      el.changed = focus_changes(a, b);
      bool shown = static_cast<std::size_t>(visibility) < b.self.size() && b.self[static_cast<std::size_t>(visibility)] == "visible";
      el.visible_when_focused = shown && b.box.width > 0 && b.box.height > 0 && b.box.right() > 0 && b.box.bottom() > 0;
    }
    page.focus.elements.push_back(std::move(el));
  }
  page.focus.measured = true;
  return ok_status();
}

// Which open <dialog> elements are modal (showModal(): everything else is inert), which the
// snapshot cannot tell: asked right after it, matched to the snapshot's dialogs in document
// order (light DOM of the main document on both sides). A page that changed its dialogs in
// between, or an answer that does not fit, marks nothing.
static void mark_modal_dialogs(cdp::Connection& c, const std::string& session, RenderedPage& page, Deadline deadline) {
  auto answer = c.call("Runtime.evaluate",
                       {{"expression", "Array.from(document.querySelectorAll('dialog'), d => d.matches(':modal'))"},
                        {"returnByValue", true}},
                       session, std::min(deadline, cdp::after_ms(1000)));
  if (!answer.ok() || !answer->contains("result") || !(*answer)["result"].is_object()) return;
  const Json& value = (*answer)["result"].value("value", Json());
  if (!value.is_array()) return;
  std::vector<std::size_t> dialogs;
  for (std::size_t i = 0; i < page.nodes.size(); ++i) {
    const RenderedNode& n = page.nodes[i];
    if (n.kind == NodeKind::Element && n.ns == html::Namespace::Html && n.tag == "dialog" && !n.in_shadow_tree &&
        n.pseudo.empty())
      dialogs.push_back(i);
  }
  if (dialogs.size() != value.size()) return;
  for (std::size_t k = 0; k < dialogs.size(); ++k) page.nodes[dialogs[k]].modal = value[k].is_boolean() && value[k].get<bool>();
}

Status Pool::Impl::measure_reflow(cdp::Connection& c, const std::string& session, RenderedPage& page,
                                  const FactsOptions& f, Deadline deadline) {
  const int width = page.reflow.viewport_width;
  const int height = page.reflow.viewport_height;
  auto resized = c.call("Emulation.setDeviceMetricsOverride",
                        {{"width", width}, {"height", height}, {"deviceScaleFactor", 1}, {"mobile", false}},
                        session, deadline);
  if (!resized.ok()) return resized.error();
  // Two animation frames: resize listeners run and the page settles before the layout is
  // read (a page that never yields a frame is simply measured as it is after 1 s).
  Deadline frames = std::min(deadline, cdp::after_ms(1000));
  auto settled = c.call("Runtime.evaluate",
                        {{"expression", "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(0))))"},
                         {"awaitPromise", true},
                         {"returnByValue", true}},
                        session, frames);
  if (!settled.ok() && c.session_failure(session) != cdp::Failure::None) return settled.error();
  auto snap = c.call("DOMSnapshot.captureSnapshot", snapshot_params(false), session, deadline);
  if (!snap.ok()) return snap.error();
  RenderedPage narrow;
  Status read = read_snapshot(*snap, narrow);
  if (!read.ok()) return read;
  page.reflow = analyse_reflow(page, narrow, width, height, f.max_overflowing);
  return ok_status();
}

Attempt Pool::Impl::render_once(Browser& b, const PageRequest& req, Deadline deadline) {
  cdp::Connection& c = *b.conn;
  const auto start = Clock::now();
  RenderedPage page;
  page.requested_url = req.url;
  page.viewport = opt.viewport;
  std::string session;
  auto browser_deadline = [&] { return std::min(deadline, cdp::after_ms(opt.browser_timeout_ms)); };
  auto timed_out = [&] { return Clock::now() >= deadline; };
  auto fail = [&](const Error& e) -> Attempt {
    bool browser_failed = c.failure() != cdp::Failure::None ||
                          (!session.empty() && c.session_failure(session) == cdp::Failure::PageCrashed);
    if (browser_failed) return {page_error(req.url, e.message), true};
    if (timed_out()) {
      return {Error{"could not render " + req.url + ": it did not finish within " +
                        seconds(opt.page_timeout_ms) + " s",
                    "kunde inte rendera " + req.url + ": sidan blev inte klar inom " +
                        seconds(opt.page_timeout_ms) + " s"},
              false};
    }
    return {page_error(req.url, e.message), false};
  };

  auto load_timeout = [&]() -> Attempt {
    if (c.failure() != cdp::Failure::None) return fail(Error{"Chromium failed"});
    return {Error{"could not render " + req.url + ": it did not load within " + seconds(opt.load_timeout_ms) + " s",
                  "kunde inte rendera " + req.url + ": sidan lästes inte in inom " + seconds(opt.load_timeout_ms) +
                      " s"},
            false};
  };

  const std::string site = req.site.empty() ? url_origin(req.url) : req.site;
  const std::string key = site + '\n' + req.login.cookie_file;
  auto context = context_for(b, key, req.login, browser_deadline());
  if (!context.ok()) return fail(context.error());
  struct ContextGuard {
    Impl& impl;
    Browser& b;
    const std::string& key;
    ~ContextGuard() { impl.release_context(b, key); }
  } context_guard{*this, b, key};

  // A tab of this site from an earlier page, or a new one.
  IdleTab tab;
  bool reused = false;
  {
    std::lock_guard lock(b.mu);
    for (auto t = b.idle.begin(); t != b.idle.end(); ++t) {
      if (t->key == key) {
        tab = std::move(*t);
        b.idle.erase(t);
        reused = true;
        break;
      }
    }
  }
  bool keep_tab = false;
  // Returns the tab for later pages after a page that went well; closes it otherwise (a
  // hung or crashed page's tab is never reused).
  struct TabGuard {
    Impl& impl;
    Browser& b;
    IdleTab& tab;
    bool& keep;
    ~TabGuard() {
      cdp::Connection& c = *b.conn;
      if (c.failure() != cdp::Failure::None) return;
      std::vector<IdleTab> close;
      if (keep && !tab.session.empty() && c.session_failure(tab.session) == cdp::Failure::None) {
        std::lock_guard lock(b.mu);
        b.idle.push_back(std::move(tab));
        while (b.idle.size() > static_cast<std::size_t>(impl.tabs)) {
          close.push_back(std::move(b.idle.front()));
          b.idle.pop_front();
        }
      } else if (!tab.target_id.empty()) {
        close.push_back(std::move(tab));
      }
      for (const IdleTab& t : close) {
        auto closed = c.call("Target.closeTarget", {{"targetId", t.target_id}}, "",
                             cdp::after_ms(impl.opt.browser_timeout_ms));
        if (!closed.ok() && c.failure() == cdp::Failure::None &&
            closed.error().message.find("in time") != std::string::npos) {
          c.fail(cdp::Failure::Protocol, "Chromium stopped answering: " + closed.error().message);
        }
        if (!t.session.empty()) c.close_session(t.session);
      }
    }
  } tab_guard{*this, b, tab, keep_tab};

  std::vector<std::pair<const char*, Json>> setup;
  if (!reused) {
    auto target = c.call("Target.createTarget", {{"url", "about:blank"}, {"browserContextId", *context}}, "",
                         browser_deadline());
    if (!target.ok()) {
      // A browser that cannot open a tab in time is hung: start another.
      if (!timed_out()) c.fail(cdp::Failure::Protocol, "Chromium stopped answering: " + target.error().message);
      return fail(target.error());
    }
    tab.key = key;
    tab.target_id = str(*target, "targetId");
    auto attached =
        c.call("Target.attachToTarget", {{"targetId", tab.target_id}, {"flatten", true}}, "", browser_deadline());
    if (!attached.ok()) return fail(attached.error());
    tab.session = str(*attached, "sessionId");
    if (tab.session.empty()) return fail(Error{"Chromium gave no session for the tab"});
    c.open_session(tab.session);
    setup = {{"Inspector.enable", Json::object()},
             {"Page.enable", Json::object()},
             {"Page.setLifecycleEventsEnabled", {{"enabled", true}}},
             {"Runtime.enable", Json::object()},
             {"Network.enable", Json::object()},
             // Headless tabs are not focused windows: without this, focus() does not apply
             // :focus styles and the focus facts would see nothing.
             {"Emulation.setFocusEmulationEnabled", {{"enabled", true}}}};
  } else {
    // What the last page left in the queue (late network events, console messages) is
    // not this page's.
    for (;;) {
      auto ev = c.next_event(tab.session, Clock::now());
      if (!ev.ok()) return fail(ev.error());
      if (!ev->has_value()) break;
    }
  }
  session = tab.session;
  const std::size_t dropped_before = c.dropped_events(session);

  LoadState st;
  st.frame = tab.target_id;
  st.origin = url_origin(req.url);
  st.headers = parse_header_lines(req.login.headers);
  // The viewport every page starts with (the reflow measurement narrows it).
  setup.push_back({"Emulation.setDeviceMetricsOverride",
                   {{"width", opt.viewport.width}, {"height", opt.viewport.height}, {"deviceScaleFactor", 1},
                    {"mobile", false}}});
  bool intercept = !st.headers.empty() && !st.origin.empty();
  if (intercept) {
    setup.push_back({"Fetch.enable", {{"patterns", Json::array({{{"urlPattern", st.origin + "/*"}, {"requestStage", "Request"}}})}}});
  } else if (tab.intercepting) {
    setup.push_back({"Fetch.disable", Json::object()});
  }
  tab.intercepting = intercept;
  std::vector<std::int64_t> ids;
  for (auto& [method, params] : setup) {
    auto id = c.send(method, params, session, deadline);
    if (!id.ok()) return fail(id.error());
    ids.push_back(*id);
  }
  for (std::int64_t id : ids) {
    auto r = c.wait(id, deadline);
    if (!r.ok()) return fail(r.error());
  }

  // Navigate, handling events meanwhile: the answer comes once the document's response
  // started, which needs intercepted requests continued and may never happen for a server
  // that does not answer (the load deadline covers that too).
  const Deadline load_deadline = std::min(deadline, cdp::after_ms(opt.load_timeout_ms));
  auto nav_id = c.send("Page.navigate", {{"url", req.url}}, session, deadline);
  if (!nav_id.ok()) return fail(nav_id.error());
  // Events before the answer are kept until it names the document's loader, except
  // intercepted requests, which the navigation waits for.
  std::vector<cdp::Event> early;
  while (!c.answered(*nav_id)) {
    auto ev = c.next_event(session, load_deadline, *nav_id);
    if (!ev.ok()) return fail(ev.error());
    if (ev->has_value()) {
      if ((*ev)->method == "Fetch.requestPaused") {
        handle_event(c, session, **ev, st, page, deadline);
      } else if (early.size() < 10000) {
        early.push_back(std::move(**ev));
      }
    } else if (Clock::now() >= load_deadline) {
      break;
    }
  }
  bool navigated = c.answered(*nav_id);
  auto nav = c.wait(*nav_id, navigated ? deadline : Clock::now());
  if (!navigated) return load_timeout();
  if (!nav.ok()) return fail(nav.error());
  if (std::string err = str(*nav, "errorText"); !err.empty()) {
    return {Error{"Chromium could not load " + req.url + ": " + err, "Chromium kunde inte läsa in " + req.url + ": " + err},
            false};
  }
  st.loader = str(*nav, "loaderId");
  for (const cdp::Event& e : early) handle_event(c, session, e, st, page, deadline);

  // Load: until the load event, at most load_timeout_ms.
  while (!st.load) {
    auto ev = c.next_event(session, load_deadline);
    if (!ev.ok()) return fail(ev.error());
    if (!ev->has_value()) break;
    handle_event(c, session, **ev, st, page, deadline);
  }
  if (!st.load) {
    if (!st.dcl) return load_timeout();
    page.load_timed_out = true;
  }
  // Network idle: nothing in flight for idle_quiet_ms, waiting at most idle_cap_ms.
  st.last_activity = std::max(st.last_activity, Clock::now() - std::chrono::milliseconds(opt.idle_quiet_ms / 2));
  const Deadline idle_deadline = std::min(deadline, cdp::after_ms(opt.idle_cap_ms));
  for (;;) {
    auto now = Clock::now();
    auto quiet_until = st.last_activity + std::chrono::milliseconds(opt.idle_quiet_ms);
    if (st.inflight.empty() && now >= quiet_until) {
      page.network_idle = true;
      break;
    }
    if (now >= idle_deadline) break;
    auto ev = c.next_event(session, st.inflight.empty() ? std::min(idle_deadline, quiet_until) : idle_deadline);
    if (!ev.ok()) return fail(ev.error());
    if (ev->has_value()) handle_event(c, session, **ev, st, page, deadline);
  }
  page.load_ms = ms_since(start);

  const auto snap_start = Clock::now();
  auto snap = c.call("DOMSnapshot.captureSnapshot", snapshot_params(false), session, deadline);
  if (!snap.ok()) return fail(snap.error());
  Status read = read_snapshot(*snap, page);
  if (!read.ok()) return fail(read.error());
  page.snapshot_ms = ms_since(snap_start);
  mark_modal_dialogs(c, session, page, deadline);

  const auto facts_start = Clock::now();
  if (req.facts.targets) page.targets = measure_targets(page, req.facts.max_targets);
  if (req.facts.focus) {
    Status s = measure_focus(c, session, page, req.facts, deadline);
    if (!s.ok() && (c.session_failure(session) != cdp::Failure::None || timed_out())) return fail(s.error());
  }
  if (req.facts.reflow) {
    Status s = measure_reflow(c, session, page, req.facts, deadline);
    if (!s.ok() && (c.session_failure(session) != cdp::Failure::None || timed_out())) return fail(s.error());
  }
  page.facts_ms = ms_since(facts_start);
  page.events_dropped = c.dropped_events(session) - dropped_before;
  page.total_ms = ms_since(start);
  keep_tab = true;
  return {std::move(page), false};
}

void Pool::Impl::after_page(Browser& b) {
  std::size_t pages = ++b.pages;
  if (pages >= opt.pages_per_browser) b.retired = true;
  if (pages % 8 == 1) {  // reading /proc costs about a millisecond: not after every page
    std::size_t bytes = b.process->memory_bytes();
    {
      std::lock_guard lock(mu);
      stats.peak_memory_bytes = std::max(stats.peak_memory_bytes, bytes);
    }
    if (opt.memory_limit_mb > 0 && bytes > (opt.memory_limit_mb << 20)) b.retired = true;
  }
}

void limit_page_time(PoolOptions& options, long timeout_ms) {
  options.page_timeout_ms = std::max(5000L, timeout_ms);
  options.load_timeout_ms = std::min(options.load_timeout_ms, options.page_timeout_ms);
}

Pool::Pool(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Pool::~Pool() {
  std::lock_guard lock(impl_->mu);
  impl_->browser.reset();
}

Result<std::unique_ptr<Pool>> Pool::start(PoolOptions options) {
  auto impl = std::make_unique<Impl>();
  impl->tabs = options.tabs > 0 ? options.tabs : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  impl->free_tabs = impl->tabs;
  if (options.max_contexts == 0) options.max_contexts = 1;
  impl->opt = std::move(options);
  auto b = impl->current();
  if (!b.ok()) return b.error();
  return std::unique_ptr<Pool>(new Pool(std::move(impl)));
}

Result<RenderedPage> Pool::render(const PageRequest& request) {
  Impl& impl = *impl_;
  {
    std::unique_lock lock(impl.mu);
    impl.slot_cv.wait(lock, [&] { return impl.free_tabs > 0; });
    --impl.free_tabs;
  }
  struct SlotGuard {
    Impl& impl;
    ~SlotGuard() {
      {
        std::lock_guard lock(impl.mu);
        ++impl.free_tabs;
      }
      impl.slot_cv.notify_one();
    }
  } slot_guard{impl};

  for (int attempt = 1;; ++attempt) {
    auto b = impl.current();
    if (!b.ok()) {
      std::lock_guard lock(impl.mu);
      ++impl.stats.failures;
      return page_error(request.url, b.error().message);
    }
    std::shared_ptr<Browser> browser = *b;
    Attempt a = impl.render_once(*browser, request, cdp::after_ms(impl.opt.page_timeout_ms));
    if (a.page.ok()) {
      a.page->attempts = attempt;
      impl.after_page(*browser);
      std::lock_guard lock(impl.mu);
      ++impl.stats.pages;
      return std::move(a.page);
    }
    std::lock_guard lock(impl.mu);
    if (!a.browser_failed || attempt >= 2) {
      ++impl.stats.failures;
      return a.page.error();
    }
    ++impl.stats.retries;
  }
}

int Pool::tabs() const { return impl_->tabs; }

PoolStats Pool::stats() const {
  std::lock_guard lock(impl_->mu);
  return impl_->stats;
}

pid_t Pool::browser_pid() const {
  std::lock_guard lock(impl_->mu);
  return impl_->browser && impl_->browser->process->running() ? impl_->browser->process->pid() : 0;
}

std::size_t Pool::browser_memory_bytes() const {
  std::shared_ptr<Browser> b;
  {
    std::lock_guard lock(impl_->mu);
    b = impl_->browser;
  }
  return b ? b->process->memory_bytes() : 0;
}

Result<RenderedView> render_view(Pool& pool, const PageRequest& request) {
  Result<RenderedPage> page = pool.render(request);
  if (!page) return page.error();
  return RenderedView::build(std::move(page).value());
}

}  // namespace granska::render
