// Internal to src/store: a site summary as stored (site_results.summary, JSON), written by
// the site step and read by the report. Unknown members are ignored when read, so a later
// release may add some.
#pragma once

#include <optional>
#include <string>

#include "results/site_data.h"

namespace granska::store::detail {

std::string site_summary_json(const results::SiteSummary& s);
std::optional<results::SiteSummary> site_summary_from_json(const std::string& text);

}  // namespace granska::store::detail
