#include "util/local_time.h"

#include <cstdint>
#include <cstdio>

namespace granska {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t y;
  unsigned m, d;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

// 1970-01-01 was a Thursday; 0 = Sunday.
unsigned weekday(std::int64_t days) { return static_cast<unsigned>(((days % 7) + 7 + 4) % 7); }

// Days since the epoch of the last Sunday of `month` (31-day months only: March, October).
std::int64_t last_sunday(std::int64_t year, unsigned month) {
  const std::int64_t last = days_from_civil(year, month, 31);
  return last - weekday(last);
}

bool digits(std::string_view s, std::size_t from, std::size_t n, unsigned& out) {
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + static_cast<unsigned>(s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<std::string> stockholm_time(std::string_view s) {
  unsigned y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (s.size() < 17 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s.back() != 'Z') return std::nullopt;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, mo) || !digits(s, 8, 2, d) || !digits(s, 11, 2, h) ||
      !digits(s, 14, 2, mi)) {
    return std::nullopt;
  }
  if (s.size() >= 20 && s[16] == ':' && !digits(s, 17, 2, sec)) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  const std::int64_t days = days_from_civil(y, mo, d);
  const std::int64_t utc_minutes = days * 1440 + h * 60 + mi;
  // Summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
  // Sunday of October.
  const std::int64_t summer_from = last_sunday(y, 3) * 1440 + 60;
  const std::int64_t summer_to = last_sunday(y, 10) * 1440 + 60;
  const std::int64_t local = utc_minutes + (utc_minutes >= summer_from && utc_minutes < summer_to ? 120 : 60);
  const std::int64_t local_days = local >= 0 ? local / 1440 : (local - 1439) / 1440;
  const auto minute_of_day = static_cast<unsigned>(local - local_days * 1440);
  const Civil c = civil_from_days(local_days);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u %02u:%02u", static_cast<long long>(c.y), c.m, c.d, minute_of_day / 60,
                minute_of_day % 60);
  return std::string(buf);
}

std::string stockholm_time_or_raw(std::string_view iso_utc) {
  std::optional<std::string> t = stockholm_time(iso_utc);
  return t ? *t : std::string(iso_utc);
}

}  // namespace granska
