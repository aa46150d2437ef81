// libFuzzer target: WebVTT caption files.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "media/webvtt.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)granska::media::parse_webvtt(bytes);
  double s = 0;
  (void)granska::media::parse_vtt_timestamp(bytes.substr(0, 32), s);
  return 0;
}
