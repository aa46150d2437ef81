// Login for audits, in the browser's terms: request headers for the page's origin and the
// cookies of a Netscape cookie file as Storage.setCookies parameters. Internal to
// src/render. Neither function puts a header value or cookie in an Error.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/result.h"

namespace granska::render {

// "Name: value" lines as name/value pairs (trimmed); lines without a name or colon are
// skipped.
std::vector<std::pair<std::string, std::string>> parse_header_lines(const std::vector<std::string>& lines);

// The cookies of a Netscape/Mozilla cookie file ("domain TAB include-subdomains TAB path
// TAB secure TAB expires TAB name TAB value"; "#HttpOnly_" before the domain marks an
// HttpOnly cookie; other lines starting with # are comments) as CDP CookieParam objects.
// A cookie for subdomains gets domain ".host", a host-only cookie a url. Error when the
// file cannot be read or is over 10 MB; malformed lines are skipped.
Result<nlohmann::json> cookies_from_file(const std::string& path);

}  // namespace granska::render
