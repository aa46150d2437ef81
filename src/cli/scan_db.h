// Opening a scan database for reading (granska report, granska diff). The scan store
// (src/store) provides open_scan_source; this declaration matches its signature, so the
// commands build against either (at merge, including the store's header instead is fine).
#pragma once

#include <memory>
#include <string>

#include "review/scan_data.h"
#include "util/result.h"

namespace granska::store {
Result<std::unique_ptr<review::ScanSource>> open_scan_source(const std::string& path);
}  // namespace granska::store
