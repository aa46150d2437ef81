#include "support/fake_web.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <algorithm>
#include <set>

namespace granska::testing {

namespace {

// The key a server would see: no fragment, no user:password@ (sent as a header instead).
std::string without_fragment(const std::string& url) {
  std::string u = url.substr(0, url.find('#'));
  const std::size_t start = u.find("://");
  if (start == std::string::npos) return u;
  const std::size_t end = u.find_first_of("/?", start + 3);
  const std::size_t at = u.rfind('@', end == std::string::npos ? u.size() : end);
  if (at != std::string::npos && at > start) u.erase(start + 3, at - start - 2);
  return u;
}

bool html_like(const std::string& type) {
  const std::string essence = fetch::mime_essence(type);
  return essence.empty() || essence == "text/html" || essence == "application/xhtml+xml";
}

class FakeTransfers final : public fetch::Transfers {
 public:
  explicit FakeTransfers(FakeWeb& web) : web_(web) {}
  void add(fetch::Request request) override { queued_.push_back(std::move(request)); }
  std::size_t in_flight() const override { return queued_.size(); }
  std::vector<fetch::Completion> wait(int timeout_ms) override {
    std::vector<fetch::Completion> out;
    if (queued_.empty()) {  // as a network would: sleep until woken or the time is up
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return woken_; });
      woken_ = false;
      return out;
    }
    while (!queued_.empty()) {
      fetch::Request r = std::move(queued_.front());
      queued_.pop_front();
      out.push_back(complete(r));
    }
    return out;
  }
  void wakeup() override {
    {
      std::lock_guard lock(mu_);
      woken_ = true;
    }
    cv_.notify_all();
  }

 private:
  fetch::Completion complete(const fetch::Request& r) {
    fetch::Completion c = web_.answer(r);
    std::set<std::string> seen{c.url};
    int hops = 0;
    while (r.follow_redirects && c.ok && c.status >= 300 && c.status < 400 && !c.location.empty() &&
           hops++ < r.options.max_redirects && seen.insert(c.location).second) {
      fetch::Request next = r;
      next.url = c.location;
      fetch::Completion n = web_.answer(next);
      n.url = r.url;
      c = std::move(n);
      c.final_url = next.url;
    }
    c.id = r.id;
    return c;
  }
  FakeWeb& web_;
  std::deque<fetch::Request> queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
};

class FakeFetcher final : public fetch::Fetcher {
 public:
  explicit FakeFetcher(FakeWeb& web) : web_(web) {}
  Result<fetch::Response> get(const std::string& url, const fetch::Options& opts) override {
    fetch::Response resp;
    resp.url = url;
    std::string at = url;
    std::set<std::string> seen{at};
    for (int hop = 0;; ++hop) {
      fetch::Request req;
      req.url = at;
      req.options = opts;
      fetch::Completion c = web_.answer(req);
      if (!c.ok) return c.error;
      if (c.status >= 300 && c.status < 400 && !c.location.empty()) {
        if (hop >= opts.max_redirects) return Error{"too many redirects (" + url + ")", "för många omdirigeringar (" + url + ")"};
        if (!seen.insert(c.location).second) return Error{"redirect loop (" + url + ")", "omdirigeringsslinga (" + url + ")"};
        resp.redirects.push_back({at, c.status, c.location});
        at = c.location;
        continue;
      }
      resp.final_url = at;
      resp.status = c.status;
      resp.content_type = c.content_type;
      resp.body = std::move(c.body);
      if (resp.body.size() > opts.max_body_bytes) {
        return Error{"the answer is larger than the limit (" + url + ")", "svaret är större än gränsen (" + url + ")"};
      }
      return resp;
    }
  }

 private:
  FakeWeb& web_;
};

}  // namespace

void FakeWeb::serve(const std::string& url, Reply reply) {
  std::lock_guard lock(mu_);
  pages_[without_fragment(url)] = std::move(reply);
}

void FakeWeb::remove(const std::string& url) {
  std::lock_guard lock(mu_);
  pages_.erase(without_fragment(url));
}

std::vector<std::string> FakeWeb::requests() const {
  std::lock_guard lock(mu_);
  return requests_;
}

std::size_t FakeWeb::requests_of(const std::string& url) const {
  std::lock_guard lock(mu_);
  return static_cast<std::size_t>(std::count(requests_.begin(), requests_.end(), url));
}

fetch::Completion FakeWeb::answer(const fetch::Request& request) {
  fetch::Completion c;
  c.url = request.url;
  c.final_url = request.url;
  if (!request.url.starts_with("http://") && !request.url.starts_with("https://")) {
    c.error = Error{"not an http(s) URL: " + request.url, "ingen http(s)-adress: " + request.url};
    return c;
  }
  Reply reply;
  {
    std::lock_guard lock(mu_);
    requests_.push_back(request.url);
    auto it = pages_.find(without_fragment(request.url));
    if (it == pages_.end()) {
      reply = Reply{404, "text/html", "<title>404</title>"};
    } else {
      reply = it->second;
    }
  }
  c.ok = true;
  c.status = reply.status;
  c.content_type = reply.content_type;
  c.location = reply.location;
  c.etag = reply.etag;
  c.last_modified = reply.last_modified;
  c.retry_after_s = reply.retry_after_s;
  if (!reply.etag.empty() && request.if_none_match == reply.etag) {
    ++not_modified_;
    c.status = 304;
    return c;
  }
  c.declared_size = reply.no_length ? -1 : static_cast<long long>(reply.body.size());
  if (request.html_bodies_only && !html_like(reply.content_type) && c.status >= 200 && c.status < 300) {
    c.body_skipped = true;
  } else if (reply.body.size() > request.options.max_body_bytes) {
    // As libcurl stops a transfer at CURLOPT_MAXFILESIZE.
    c.ok = false;
    c.error = Error{"the answer is larger than the limit (" + request.url + ")",
                    "svaret är större än gränsen (" + request.url + ")"};
  } else {
    c.body = std::move(reply.body);
  }
  return c;
}

std::unique_ptr<fetch::Transfers> FakeWeb::transfers() { return std::make_unique<FakeTransfers>(*this); }
std::unique_ptr<fetch::Fetcher> FakeWeb::fetcher() { return std::make_unique<FakeFetcher>(*this); }

}  // namespace granska::testing
