// libcurl, opened on the first fetch (see lazy.h). Only the functions granska calls.
#define CURL_DISABLE_TYPECHECK  // curl.h's type-checking macros would hide the functions' names
#include <curl/curl.h>

#include <cstdarg>

#include "granska_lazy.h"
#include "lazy/forward.h"

#define L GRANSKA_SONAME_CURL

GRANSKA_LAZY_FORWARD(L, CURLcode, curl_global_init, (long flags), (flags))
GRANSKA_LAZY_FORWARD(L, CURL*, curl_easy_init, (void), ())
GRANSKA_LAZY_FORWARD(L, void, curl_easy_cleanup, (CURL * h), (h))
GRANSKA_LAZY_FORWARD(L, void, curl_easy_reset, (CURL * h), (h))
GRANSKA_LAZY_FORWARD(L, CURLcode, curl_easy_perform, (CURL * h), (h))
GRANSKA_LAZY_FORWARD(L, const char*, curl_easy_strerror, (CURLcode code), (code))
GRANSKA_LAZY_FORWARD(L, void, curl_free, (void* p), (p))
GRANSKA_LAZY_FORWARD(L, curl_slist*, curl_slist_append, (curl_slist * list, const char* data), (list, data))
GRANSKA_LAZY_FORWARD(L, void, curl_slist_free_all, (curl_slist * list), (list))
GRANSKA_LAZY_FORWARD(L, CURLM*, curl_multi_init, (void), ())
GRANSKA_LAZY_FORWARD(L, CURLMcode, curl_multi_cleanup, (CURLM * m), (m))
GRANSKA_LAZY_FORWARD(L, CURLMcode, curl_multi_add_handle, (CURLM * m, CURL* h), (m, h))
GRANSKA_LAZY_FORWARD(L, CURLMcode, curl_multi_remove_handle, (CURLM * m, CURL* h), (m, h))
GRANSKA_LAZY_FORWARD(L, CURLMsg*, curl_multi_info_read, (CURLM * m, int* left), (m, left))
GRANSKA_LAZY_FORWARD(L, CURLMcode, curl_multi_perform, (CURLM * m, int* running), (m, running))
GRANSKA_LAZY_FORWARD(L, CURLMcode, curl_multi_poll,
                  (CURLM * m, curl_waitfd extra[], unsigned int n, int timeout_ms, int* ret),
                  (m, extra, n, timeout_ms, ret))
GRANSKA_LAZY_FORWARD(L, CURLMcode, curl_multi_wakeup, (CURLM * m), (m))
GRANSKA_LAZY_FORWARD(L, CURLU*, curl_url, (void), ())
GRANSKA_LAZY_FORWARD(L, void, curl_url_cleanup, (CURLU * u), (u))
GRANSKA_LAZY_FORWARD(L, CURLUcode, curl_url_get, (CURLU * u, CURLUPart what, char** part, unsigned int flags),
                  (u, what, part, flags))
GRANSKA_LAZY_FORWARD(L, CURLUcode, curl_url_set, (CURLU * u, CURLUPart what, const char* part, unsigned int flags),
                  (u, what, part, flags))

// The variadic three take one argument whose type the option's number range tells, the way
// libcurl itself reads it: long, a pointer (data or function), or curl_off_t.
// clang warns that va_start after an enum parameter may be undefined: these enums are int,
// which is not promoted, and the signatures are libcurl's own.
#ifdef __clang__
#pragma clang diagnostic ignored "-Wvarargs"
#endif

namespace {

// The option's number range names its argument's type (CURLOPTTYPE_*, which the multi
// options share): long, curl_off_t, or a pointer to data or a function.
template <class Handle, class Option, class Code>
Code forward_option(Code (*real)(Handle, Option, ...), Handle handle, Option option, va_list ap) {
  const long n = option;
  if (n < CURLOPTTYPE_OBJECTPOINT) return real(handle, option, va_arg(ap, long));
  if (n >= CURLOPTTYPE_OFF_T && n < CURLOPTTYPE_BLOB) return real(handle, option, va_arg(ap, curl_off_t));
  return real(handle, option, va_arg(ap, void*));
}

}  // namespace

extern "C" CURLcode curl_easy_setopt(CURL* h, CURLoption option, ...) {
  GRANSKA_LAZY_REAL(L, curl_easy_setopt);
  va_list ap;
  va_start(ap, option);
  const CURLcode rc = forward_option(real, h, option, ap);
  va_end(ap);
  return rc;
}

extern "C" CURLMcode curl_multi_setopt(CURLM* m, CURLMoption option, ...) {
  GRANSKA_LAZY_REAL(L, curl_multi_setopt);
  va_list ap;
  va_start(ap, option);
  const CURLMcode rc = forward_option(real, m, option, ap);
  va_end(ap);
  return rc;
}

extern "C" CURLcode curl_easy_getinfo(CURL* h, CURLINFO info, ...) {
  GRANSKA_LAZY_REAL(L, curl_easy_getinfo);
  va_list ap;
  va_start(ap, info);
  const CURLcode rc = real(h, info, va_arg(ap, void*));  // always a pointer to the answer
  va_end(ap);
  return rc;
}
