// OpenSSL's libcrypto, opened when the first page or document is fingerprinted (SHA-256,
// src/util/sha256.cc; see lazy.h).
#include <openssl/evp.h>

#include "granska_lazy.h"
#include "lazy/forward.h"

#define L GRANSKA_SONAME_CRYPTO

GRANSKA_LAZY_FORWARD(L, EVP_MD_CTX*, EVP_MD_CTX_new, (void), ())
GRANSKA_LAZY_FORWARD(L, void, EVP_MD_CTX_free, (EVP_MD_CTX * ctx), (ctx))
GRANSKA_LAZY_FORWARD(L, const EVP_MD*, EVP_sha256, (void), ())
GRANSKA_LAZY_FORWARD(L, int, EVP_DigestInit_ex, (EVP_MD_CTX * ctx, const EVP_MD* type, ENGINE* impl), (ctx, type, impl))
GRANSKA_LAZY_FORWARD(L, int, EVP_DigestUpdate, (EVP_MD_CTX * ctx, const void* d, size_t n), (ctx, d, n))
GRANSKA_LAZY_FORWARD(L, int, EVP_DigestFinal_ex, (EVP_MD_CTX * ctx, unsigned char* md, unsigned int* n), (ctx, md, n))
GRANSKA_LAZY_FORWARD(L, int, EVP_Digest,
                  (const void* d, size_t n, unsigned char* md, unsigned int* size, const EVP_MD* type, ENGINE* impl),
                  (d, n, md, size, type, impl))
