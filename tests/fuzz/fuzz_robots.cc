// libFuzzer target: robots.txt parsing and matching.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawl/robots.h"
#include "url/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace granska;
  std::string_view body(reinterpret_cast<const char*>(data), size);
  crawl::Robots robots = crawl::Robots::parse(body, "granska");
  for (const char* u : {"https://example.se/", "https://example.se/a/b?c=d", "https://example.se/%C3%A5*$"}) {
    if (auto url = url::Url::parse(u)) (void)robots.allowed(*url);
  }
  (void)robots.crawl_delay();
  (void)robots.sitemaps();
  (void)crawl::robots_pattern_matches(body.substr(0, 64), "/a/b/c");
  return 0;
}
