// libFuzzer target: URL parsing, normalisation and reference resolution. The first line
// is the URL, the rest a reference resolved against it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "url/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace granska::url;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::size_t nl = in.find('\n');
  std::string_view base = in.substr(0, nl);
  std::string_view ref = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  (void)without_userinfo(in);
  (void)resolve_reference("https://example.se/a/b?c", base);
  (void)remove_dot_segments(ref);
  auto u = Url::parse(base);
  if (!u) return 0;
  (void)u->normalized();
  (void)u->normalized(QueryFilter::tracking_defaults());
  (void)u->origin();
  if (auto r = u->resolve(ref)) (void)r->normalized();
  return 0;
}
