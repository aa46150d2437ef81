// Resetting a reused libcurl easy handle. Internal to src/fetch.
#pragma once

#include <curl/curl.h>

namespace granska::fetch {

// curl_easy_reset for a handle that may have had CURLOPT_COOKIEFILE set (granska audit
// --cookie-file). libcurl 7.88 (Debian 12) forgets the list of cookie files on reset
// instead of freeing it — a leak per request, caught by LeakSanitizer (curl #10709, fixed
// in 8.0). Clearing the option first frees the list. It also ends the cookie engine, so
// cookies a server set are not carried to the next request or redirect hop; granska sets
// the cookie file again for every request, which is what it relies on.
inline void reset_easy(CURL* h) {
  curl_easy_setopt(h, CURLOPT_COOKIEFILE, static_cast<char*>(nullptr));
  curl_easy_reset(h);
}

}  // namespace granska::fetch
