// The current time as the scan database, reports and lock files write it.
#pragma once

#include <string>

namespace granska {

// UTC, ISO 8601 to the second: "2026-11-23T16:16:21Z" (sorts as text).
std::string utc_timestamp();

}  // namespace granska
