// Swedish local time for what people read (report dates, CSV cells): the times granska
// stores are UTC ("2026-11-23T02:00:05Z"); a committee reads them as the clock on the wall
// in Malmö showed them.
//
// Europe/Stockholm is CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last Sunday of
// March to 01:00 UTC on the last Sunday of October: the EU rule in force since 1996
// (directive 2000/84/EC). Computed here rather than read from the system's time zone
// database, so the result does not depend on the machine's TZ or installed zoneinfo and
// needs no global state (localtime_r reads the TZ environment). Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace granska {

// "2026-11-23T02:00:05Z" -> "2026-11-23 03:00" (minutes, the form Swedish Excel reads as a
// date and time). nullopt when `iso_utc` is not "YYYY-MM-DDTHH:MM[:SS]Z".
std::optional<std::string> stockholm_time(std::string_view iso_utc);

// The same, or `iso_utc` unchanged when it cannot be read (for display only).
std::string stockholm_time_or_raw(std::string_view iso_utc);

}  // namespace granska
