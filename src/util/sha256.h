// SHA-256 (FIPS 180-4), used to fingerprint page bodies so a scan can tell whether a page
// changed since the last one. Not for secrets. OpenSSL's libcrypto computes it (with the
// CPU's SHA or vector instructions where it has them): every page of a crawl is hashed, and
// a portable implementation cost 5 % of a crawl's CPU.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX, kept out of this header

namespace granska {

// Incremental hasher. Usage: update() any number of times, then finish() once.
// A Sha256 object is not shared between threads; separate objects are independent.
class Sha256 {
 public:
  using Digest = std::array<std::uint8_t, 32>;

  Sha256();  // throws std::bad_alloc when OpenSSL cannot make a context
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  // Precondition: not called before on this object.
  Digest finish();

 private:
  evp_md_ctx_st* ctx_;
};

// Lower-case hex of the digest of `bytes` (64 characters).
std::string sha256_hex(std::string_view bytes);
std::string to_hex(const Sha256::Digest& digest);

}  // namespace granska
