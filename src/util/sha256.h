// SHA-256 (FIPS 180-4), used to fingerprint page bodies so a scan can tell whether a page
// changed since the last one. Not for secrets: no constant-time guarantees are needed here.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace granska {

// Incremental hasher. Usage: update() any number of times, then finish() once.
// A Sha256 object is not shared between threads; separate objects are independent.
class Sha256 {
 public:
  using Digest = std::array<std::uint8_t, 32>;

  Sha256();
  void update(std::string_view bytes);
  // Precondition: not called before on this object.
  Digest finish();

 private:
  void block(const std::uint8_t* p);

  std::array<std::uint32_t, 8> h_;
  std::array<std::uint8_t, 64> buf_{};
  std::size_t buf_len_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// Lower-case hex of the digest of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);
std::string to_hex(const Sha256::Digest& digest);

}  // namespace granska
