// granska-report-fixture OUTDIR [PAGES] [sv|en]: writes the scan report of the synthetic city
// (tests/figures/synthetic_scans.h: 20 units, 5 monthly scans, PAGES pages each, default
// 50,000) into OUTDIR, for the browser tests (tests/browser/*.test.js) to open in Chromium.
#include <cstdlib>
#include <iostream>
#include <string>

#include "engine/registry.h"
#include "reports/scan/scan_report.h"
#include "tests/figures/synthetic_scans.h"

int main(int argc, char** argv) {
  using namespace granska;
  if (argc < 2) {
    std::cerr << "usage: granska-report-fixture OUTDIR [PAGES] [sv|en]\n";
    return 2;
  }
  const std::size_t pages = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 50000;
  figures::testing::SyntheticScanSource src(5, pages);
  const org::OrgMap map = figures::testing::synthetic_map();
  reports::ScanReportOptions o;
  o.generated_at = "2026-06-01T06:00:00Z";
  o.lang = argc > 3 && std::string(argv[3]) == "en" ? Lang::En : Lang::Sv;
  auto r = reports::write_scan_report(src, &map, *org::find_profile("dos-review"), engine::Registry::builtin(), o, argv[1]);
  if (!r) {
    std::cerr << r.error().message << "\n";
    return 2;
  }
  std::cout << r->units << " units, " << r->pages << " pages, " << r->findings << " findings\n";
  return 0;
}
