// Writes a generated municipal site for end-to-end benchmarks (tests/bench/e2e_bench.sh):
// N pages of 60–150 KB shaped like malmo.se's (header with a mega-menu of 100 links,
// breadcrumbs, article, related links, footer), a 250 KB site style sheet they all link,
// an index that links every page, and robots.txt.
//   granska_sitegen DIR PAGES [--consistent]
// By default every page draws its own menu and footer and links addresses the site does not
// have (the per-page benchmarks' shape; for the site step a stress case: a flood of
// inconsistent names and broken links). --consistent makes a site as a CMS does: the same
// menu and footer on every page, links only to its pages, one page in a thousand linking a
// removed page (tests/bench/site_bench.sh, issue #21).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "page_generator.h"

int main(int argc, char** argv) {
  const bool consistent = argc == 4 && std::string(argv[3]) == "--consistent";
  if (argc != 3 && !consistent) {
    std::cerr << "usage: granska_sitegen DIR PAGES [--consistent]\n";
    return 2;
  }
  namespace fs = std::filesystem;
  const fs::path dir = argv[1];
  const std::size_t pages = std::strtoul(argv[2], nullptr, 10);
  fs::create_directories(dir / "css");
  std::ofstream(dir / "css" / "main.css") << granska::bench::generate_site_stylesheet(250 * 1024);
  std::ofstream(dir / "robots.txt") << "User-agent: *\nAllow: /\n";
  std::ofstream index(dir / "index.html");
  index << "<!doctype html><html lang=\"sv\"><title>Start – Malmö stad</title><main><h1>Start</h1><ul>";
  for (std::size_t i = 0; i < pages; ++i) {
    const auto seed = static_cast<std::uint32_t>(i + 1);
    const std::size_t bytes = (60 + (i * 37) % 91) * 1024;  // 60–150 KB
    std::ofstream(dir / ("p" + std::to_string(i) + ".html")) << granska::bench::generate_page(bytes, seed, pages, consistent);
    index << "<li><a href=\"/p" << i << ".html\">Sida " << i << "</a></li>";
  }
  index << "</ul></main></html>\n";
  return 0;
}
