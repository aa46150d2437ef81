// Every output format of a check or an acceptance review, declared once: its name (for
// --format), the file it goes to inside --output-dir, and its writer for checked pages
// (`granska check`, one page) and for an acceptance review (`granska audit`). Adding a
// format is one writer and one row in formats.cc; the commands and their help read this
// table. (The scan report's folder has its own fixed set of files: reports/scan/.)
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reports/acceptance/acceptance_report.h"
#include "reports/page/report.h"

namespace granska::reports {

struct Format {
  std::string_view name;       // "text", "json", ...
  std::string_view file_name;  // "granska.txt", ...
  // Checked pages (one per page of the run). Null: no page form.
  void (*pages)(std::ostream& out, std::span<const PageReport> pages, const Options& options) = nullptr;
  // An acceptance review; `pages` are its loaded pages. Null: no acceptance form.
  void (*acceptance)(std::ostream& out, const AcceptanceReport& report, std::span<const PageReport> pages,
                     const Options& options) = nullptr;
};

// In the order help texts list them.
std::span<const Format> formats();
const Format* find_format(std::string_view name);
// The names of the formats that have a page form (`pages`) or an acceptance form.
std::vector<std::string> page_format_names();
std::vector<std::string> acceptance_format_names();

}  // namespace granska::reports
