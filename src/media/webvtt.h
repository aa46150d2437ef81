// A WebVTT reader for checking caption files (not for rendering them): the header, the
// cues with their timings, and every problem found, each with its line number. Written
// after the WebVTT spec's parsing rules, but it reports what a browser would silently skip.
// Pure and total: any bytes in, a result out, never throws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace granska::media {

struct Cue {
  std::uint32_t line = 0;  // line of the timing line (1-based)
  std::string id;          // identifier line, "" when none
  double start = 0;        // seconds
  double end = 0;
  std::string settings;    // cue settings after the end time, as written
  std::string text;        // payload lines joined with '\n'
};

enum class VttProblemKind : unsigned char {
  NoHeader,        // the file does not start with "WEBVTT" (after an optional BOM)
  BadTiming,       // a line with "-->" whose timestamps are malformed
  EndBeforeStart,  // a cue ends at or before it starts
  OutOfOrder,      // a cue starts before the previous cue
  NoCues,          // no cue at all
  BadEncoding,     // not valid UTF-8 (or a NUL byte)
};
std::string_view to_string(VttProblemKind k);  // "no-header", "bad-timing", ...

struct VttProblem {
  VttProblemKind kind;
  std::uint32_t line = 0;  // 1-based; 0 for the file as a whole (no cues)
  std::string detail;      // English, may quote the file (untrusted): ≤ 80 characters of it
};

struct VttFile {
  bool has_header = false;
  std::string header;  // text after "WEBVTT" on the first line, trimmed
  std::vector<Cue> cues;
  std::vector<VttProblem> problems;
  bool ok() const { return problems.empty(); }
  const VttProblem* first(VttProblemKind k) const;
};

// Reads a WebVTT file. Lines end with CRLF, LF or CR. Cues with bad timings are skipped
// (as browsers do) and reported. Parsing continues after a missing header so that the
// report can say more than "not WebVTT", but has_header tells whether browsers would load it.
VttFile parse_webvtt(std::string_view bytes);

// Parses one WebVTT timestamp "[hh:]mm:ss.ttt" (hours ≥ 2 digits when present; minutes and
// seconds < 60; exactly three fraction digits). False when malformed.
bool parse_vtt_timestamp(std::string_view s, double& seconds);

}  // namespace granska::media
