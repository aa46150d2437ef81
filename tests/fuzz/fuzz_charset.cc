// libFuzzer target: charset detection and decoding. The first line is the Content-Type
// header value, the rest the body.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "html/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::size_t nl = in.find('\n');
  std::string_view type = nl == std::string_view::npos ? std::string_view() : in.substr(0, nl);
  std::string_view body = nl == std::string_view::npos ? in : in.substr(nl + 1);
  (void)granska::html::decode_to_utf8(body, type);
  (void)granska::html::binary_kind(body);
  return 0;
}
