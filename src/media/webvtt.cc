#include "media/webvtt.h"

#include <algorithm>

#include "util/text.h"

namespace granska::media {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Splits on CRLF, LF or CR.
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n' || s[i] == '\r') {
      lines.push_back(s.substr(start, i - start));
      if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < s.size()) lines.push_back(s.substr(start));
  return lines;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (n < 0 || (n == 1 && c < 0xC2) || (n == 3 && c > 0xF4)) return false;
    if (n > 0 && i + static_cast<std::size_t>(n) >= s.size()) return false;
    for (int k = 1; k <= n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

std::string quote(std::string_view s) { return "\"" + text::truncate_utf8(s, 80) + "\""; }

bool is_space(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string_view to_string(VttProblemKind k) {
  switch (k) {
    case VttProblemKind::NoHeader: return "no-header";
    case VttProblemKind::BadTiming: return "bad-timing";
    case VttProblemKind::EndBeforeStart: return "end-before-start";
    case VttProblemKind::OutOfOrder: return "out-of-order";
    case VttProblemKind::NoCues: return "no-cues";
    case VttProblemKind::BadEncoding: return "bad-encoding";
  }
  return "no-header";
}

const VttProblem* VttFile::first(VttProblemKind k) const {
  for (const VttProblem& p : problems) {
    if (p.kind == k) return &p;
  }
  return nullptr;
}

bool parse_vtt_timestamp(std::string_view s, double& seconds) {
  // Collect the colon-separated integer fields, then the fraction.
  std::size_t dot = s.find('.');
  if (dot == std::string_view::npos || s.size() - dot - 1 != 3) return false;
  std::string_view frac = s.substr(dot + 1);
  for (char c : frac) {
    if (!is_digit(c)) return false;
  }
  std::string_view whole = s.substr(0, dot);
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t colon = whole.find(':', start);
    parts.push_back(whole.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (parts.size() != 2 && parts.size() != 3) return false;
  double value = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    bool hours = parts.size() == 3 && i == 0;
    if (p.empty() || (!hours && p.size() != 2) || (hours && (p.size() < 2 || p.size() > 9))) return false;
    long long v = 0;
    for (char c : p) {
      if (!is_digit(c)) return false;
      v = v * 10 + (c - '0');
    }
    if (!hours && v > 59) return false;
    value = value * 60 + static_cast<double>(v);
  }
  seconds = value + ((frac[0] - '0') * 100 + (frac[1] - '0') * 10 + (frac[2] - '0')) / 1000.0;
  return true;
}

VttFile parse_webvtt(std::string_view bytes) {
  VttFile f;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (!valid_utf8(bytes)) {
    f.problems.push_back({VttProblemKind::BadEncoding, 0, "the file is not UTF-8 text"});
  }
  std::vector<std::string_view> lines = split_lines(bytes);
  std::size_t i = 0;
  if (!lines.empty() && lines[0].starts_with("WEBVTT") && (lines[0].size() == 6 || is_space(lines[0][6]))) {
    f.has_header = true;
    f.header = std::string(text::trim(lines[0].substr(6)));
    i = 1;
    // Header lines run until the first blank line (or a line with "-->", which some
    // files put right after the header: the spec treats it as a cue, so do we).
    while (i < lines.size() && !lines[i].empty() && lines[i].find("-->") == std::string_view::npos) ++i;
  } else {
    f.problems.push_back({VttProblemKind::NoHeader, 1,
                          lines.empty() ? "the file is empty" : "the first line is " + quote(lines[0]) + ", not WEBVTT"});
  }

  double last_start = -1;
  while (i < lines.size()) {
    if (lines[i].empty()) {
      ++i;
      continue;
    }
    // A block: lines up to the next blank line.
    std::size_t b = i;
    std::size_t e = i;
    while (e < lines.size() && !lines[e].empty()) ++e;
    i = e;
    std::size_t timing = b;
    if (lines[b].find("-->") == std::string_view::npos) {
      if (lines[b].starts_with("NOTE") || lines[b].starts_with("STYLE") || lines[b].starts_with("REGION")) continue;
      timing = b + 1;  // the first line is the cue identifier
    }
    if (timing >= e || lines[timing].find("-->") == std::string_view::npos) {
      if (f.has_header) {
        f.problems.push_back({VttProblemKind::BadTiming, static_cast<std::uint32_t>(b + 1),
                              "a block without a cue timing line: " + quote(lines[b])});
      }
      continue;
    }
    std::string_view t = lines[timing];
    std::size_t arrow = t.find("-->");
    std::string_view left = text::trim(t.substr(0, arrow));
    std::string_view right = t.substr(arrow + 3);
    while (!right.empty() && is_space(right.front())) right.remove_prefix(1);
    std::size_t end_of_time = 0;
    while (end_of_time < right.size() && !is_space(right[end_of_time])) ++end_of_time;
    Cue cue;
    cue.line = static_cast<std::uint32_t>(timing + 1);
    if (!parse_vtt_timestamp(left, cue.start) || !parse_vtt_timestamp(right.substr(0, end_of_time), cue.end) ||
        (arrow > 0 && !is_space(t[arrow - 1])) || (arrow + 3 < t.size() && !is_space(t[arrow + 3]))) {
      f.problems.push_back({VttProblemKind::BadTiming, cue.line, "malformed cue timing " + quote(t)});
      continue;
    }
    if (timing > b) cue.id = std::string(lines[b]);
    cue.settings = std::string(text::trim(right.substr(end_of_time)));
    for (std::size_t k = timing + 1; k < e; ++k) {
      if (!cue.text.empty()) cue.text += '\n';
      cue.text += lines[k];
    }
    if (cue.end <= cue.start) {
      f.problems.push_back({VttProblemKind::EndBeforeStart, cue.line, "the cue ends before it starts: " + quote(t)});
    }
    if (cue.start < last_start) {
      f.problems.push_back({VttProblemKind::OutOfOrder, cue.line, "the cue starts before the cue above it: " + quote(t)});
    }
    last_start = std::max(last_start, cue.start);
    f.cues.push_back(std::move(cue));
  }
  if (f.cues.empty()) f.problems.push_back({VttProblemKind::NoCues, 0, "the file has no cues"});
  return f;
}

}  // namespace granska::media
