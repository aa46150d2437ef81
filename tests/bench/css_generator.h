// A deterministic synthetic site style sheet for benchmarks: the shape of a CMS theme
// (custom properties on :root, a reset, components for the page generator's classes with
// states and pseudo-elements, Bootstrap-like utilities and breakpoints, @supports,
// @font-face, @keyframes, vendor prefixes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace granska::bench {

// A style sheet of roughly `target_bytes` bytes; the same seed gives the same sheet.
std::string generate_stylesheet(std::size_t target_bytes, std::uint32_t seed = 1);

}  // namespace granska::bench
