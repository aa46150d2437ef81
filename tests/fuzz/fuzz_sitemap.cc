// libFuzzer target: sitemap XML (and sitemap index) parsing, gzip included.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "crawl/sitemap.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  granska::crawl::SitemapLimits limits;
  limits.max_uncompressed_bytes = 4 * 1024 * 1024;
  (void)granska::crawl::parse_sitemap(body, limits);
  return 0;
}
