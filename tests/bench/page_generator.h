// Deterministic synthetic municipal web pages for benchmarks: a header with a large menu,
// breadcrumbs, an article with headings, paragraphs, images, a table, a form, related
// links and a footer — the shape of a malmo.se page, with a few accessibility faults.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace granska::bench {

// A page of roughly `target_bytes` bytes (±5%); the same seed gives the same page.
std::string generate_page(std::size_t target_bytes, std::uint32_t seed = 1);

}  // namespace granska::bench
