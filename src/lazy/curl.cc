// libcurl, opened on the first fetch (see lazy.h). Only the functions granska calls.
#define CURL_DISABLE_TYPECHECK  // curl.h's type-checking macros would hide the functions' names
#include <curl/curl.h>

#include <cstdarg>

#include "granska_lazy.h"
#include "lazy/stub.h"

#define L GRANSKA_SONAME_CURL

GRANSKA_LAZY_STUB(L, CURLcode, curl_global_init, (long flags), (flags))
GRANSKA_LAZY_STUB(L, CURL*, curl_easy_init, (void), ())
GRANSKA_LAZY_STUB(L, void, curl_easy_cleanup, (CURL * h), (h))
GRANSKA_LAZY_STUB(L, void, curl_easy_reset, (CURL * h), (h))
GRANSKA_LAZY_STUB(L, CURLcode, curl_easy_perform, (CURL * h), (h))
GRANSKA_LAZY_STUB(L, const char*, curl_easy_strerror, (CURLcode code), (code))
GRANSKA_LAZY_STUB(L, void, curl_free, (void* p), (p))
GRANSKA_LAZY_STUB(L, curl_slist*, curl_slist_append, (curl_slist * list, const char* data), (list, data))
GRANSKA_LAZY_STUB(L, void, curl_slist_free_all, (curl_slist * list), (list))
GRANSKA_LAZY_STUB(L, CURLM*, curl_multi_init, (void), ())
GRANSKA_LAZY_STUB(L, CURLMcode, curl_multi_cleanup, (CURLM * m), (m))
GRANSKA_LAZY_STUB(L, CURLMcode, curl_multi_add_handle, (CURLM * m, CURL* h), (m, h))
GRANSKA_LAZY_STUB(L, CURLMcode, curl_multi_remove_handle, (CURLM * m, CURL* h), (m, h))
GRANSKA_LAZY_STUB(L, CURLMsg*, curl_multi_info_read, (CURLM * m, int* left), (m, left))
GRANSKA_LAZY_STUB(L, CURLMcode, curl_multi_perform, (CURLM * m, int* running), (m, running))
GRANSKA_LAZY_STUB(L, CURLMcode, curl_multi_poll,
                  (CURLM * m, curl_waitfd extra[], unsigned int n, int timeout_ms, int* ret),
                  (m, extra, n, timeout_ms, ret))
GRANSKA_LAZY_STUB(L, CURLMcode, curl_multi_wakeup, (CURLM * m), (m))
GRANSKA_LAZY_STUB(L, CURLU*, curl_url, (void), ())
GRANSKA_LAZY_STUB(L, void, curl_url_cleanup, (CURLU * u), (u))
GRANSKA_LAZY_STUB(L, CURLUcode, curl_url_get, (CURLU * u, CURLUPart what, char** part, unsigned int flags),
                  (u, what, part, flags))
GRANSKA_LAZY_STUB(L, CURLUcode, curl_url_set, (CURLU * u, CURLUPart what, const char* part, unsigned int flags),
                  (u, what, part, flags))

// The variadic three take one argument whose type the option's number range tells, the way
// libcurl itself reads it: long, a pointer (data or function), or curl_off_t.
// clang warns that va_start after an enum parameter may be undefined: these enums are int,
// which is not promoted, and the signatures are libcurl's own.
#ifdef __clang__
#pragma clang diagnostic ignored "-Wvarargs"
#endif

extern "C" CURLcode curl_easy_setopt(CURL* h, CURLoption option, ...) {
  static const auto real = granska::lazy::as<decltype(&curl_easy_setopt)>(
      granska::lazy::library_symbol(L, "curl_easy_setopt"));
  va_list ap;
  va_start(ap, option);
  CURLcode rc;
  if (option < CURLOPTTYPE_OBJECTPOINT) {
    rc = real(h, option, va_arg(ap, long));
  } else if (option >= CURLOPTTYPE_OFF_T && option < CURLOPTTYPE_BLOB) {
    rc = real(h, option, va_arg(ap, curl_off_t));
  } else {
    rc = real(h, option, va_arg(ap, void*));
  }
  va_end(ap);
  return rc;
}

extern "C" CURLMcode curl_multi_setopt(CURLM* m, CURLMoption option, ...) {
  static const auto real = granska::lazy::as<decltype(&curl_multi_setopt)>(
      granska::lazy::library_symbol(L, "curl_multi_setopt"));
  va_list ap;
  va_start(ap, option);
  CURLMcode rc;
  if (option < CURLOPTTYPE_OBJECTPOINT) {
    rc = real(m, option, va_arg(ap, long));
  } else if (option >= CURLOPTTYPE_OFF_T) {
    rc = real(m, option, va_arg(ap, curl_off_t));
  } else {
    rc = real(m, option, va_arg(ap, void*));
  }
  va_end(ap);
  return rc;
}

extern "C" CURLcode curl_easy_getinfo(CURL* h, CURLINFO info, ...) {
  static const auto real = granska::lazy::as<decltype(&curl_easy_getinfo)>(
      granska::lazy::library_symbol(L, "curl_easy_getinfo"));
  va_list ap;
  va_start(ap, info);
  const CURLcode rc = real(h, info, va_arg(ap, void*));  // always a pointer to the answer
  va_end(ap);
  return rc;
}
