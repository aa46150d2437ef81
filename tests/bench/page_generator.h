// Deterministic synthetic municipal web pages for benchmarks: a header with a large menu,
// breadcrumbs, an article with headings, paragraphs, images, a table, a form, related
// links and a footer — the shape of a malmo.se page, with a few accessibility faults.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace granska::bench {

// A page of roughly `target_bytes` bytes (±5%); the same seed gives the same page. It links
// /css/main.css (generate_site_stylesheet) and, with `pages` > 0, other pages /p<N>.html of a
// generated site of that many pages. Otherwise its menu, footer and content links lead to
// addresses that do not exist, and every page draws its own menu and footer texts (a site
// crawl then fetches many 404s, and the site step finds a flood of inconsistent names and
// broken links). With `consistent_site` (and `pages` > 0) the page is one of a site as a CMS
// makes it: the same menu, breadcrumbs and footer on every page, every link to one of its
// pages, and one page in a thousand links a removed page (the site-level benchmark).
std::string generate_page(std::size_t target_bytes, std::uint32_t seed = 1, std::size_t pages = 0,
                          bool consistent_site = false);

// The site's style sheet, roughly `target_bytes` long, the shape of a CMS theme: custom
// properties, resets, the classes the pages use (menu, breadcrumbs, blocks, tables, forms,
// footer, .visually-hidden, .hidden with !important), utility classes, @media for widths
// and print, @supports, colours in every syntax.
std::string generate_site_stylesheet(std::size_t target_bytes, std::uint32_t seed = 1);

}  // namespace granska::bench
