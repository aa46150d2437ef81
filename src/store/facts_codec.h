// Internal to src/store: results::PageFacts as stored (table page_facts, schema version 6)
// and the navigation blocks they refer to (table nav_blocks, one row per distinct block per
// scan: the same header on 50,000 pages is stored once).
//
// A compact binary form (varint lengths and counts): facts are written for every checked
// page and read back whole by the site step, never queried inside SQL. Content links on
// the page's own origin are stored without it ("/path?q#f"). Decoding is defensive: a
// blob that does not parse (damaged, from a future version) gives nullopt, never a crash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "results/site_facts.h"

namespace granska::store::detail {

// The first byte of every encoding; a different one is not read.
inline constexpr std::uint8_t kFactsVersion = 1;

std::string encode_block(const results::NavBlock& block);
std::optional<results::NavBlock> decode_block(std::string_view data);

// `facts` without its blocks, which are given as their interned ids (in document order).
std::string encode_facts(const results::PageFacts& facts, const std::vector<std::int64_t>& block_ids,
                         std::string_view page_url);
// Fills everything but `blocks` and `reached`; `block_ids` gets the interned ids.
bool decode_facts(std::string_view data, std::string_view page_url, results::PageFacts& facts,
                  std::vector<std::int64_t>& block_ids);

}  // namespace granska::store::detail
