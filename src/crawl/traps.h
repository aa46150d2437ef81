// Crawler-trap heuristics over normalised URLs (url::Url::normalized()): cheap tests the
// frontier applies before enqueueing. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace granska::crawl {

// --- Crawler-trap heuristics. Each is a cheap test the frontier applies before enqueueing.

struct TrapLimits {
  std::size_t max_url_length = 2048;  // of the normalised URL, in bytes
  int max_segment_repeats = 3;        // a path segment may occur this many times, no more
};

enum class Trap {
  None,
  TooLong,           // the normalised URL is longer than max_url_length
  RepeatedSegment,   // some path segment occurs more than max_segment_repeats times
};

// Checks `normalized` (a string from Url::normalized()) against the limits.
Trap detect_trap(std::string_view normalized, const TrapLimits& limits = {});

// How often the most frequent non-empty segment of `path` occurs ("/a/b/a/b/a/b" → 3).
// Only the path is looked at: stop at '?' or '#' if the caller passes more.
int max_segment_repeats(std::string_view path);

// A key shared by URLs that differ only in their query ("same path, different query"), so
// the frontier can cap the query variants per path: the normalised URL without its query.
// Takes a string from Url::normalized().
std::string_view query_variant_key(std::string_view normalized);

}  // namespace granska::crawl
