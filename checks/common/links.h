// Where links and frames lead, for rules that compare destinations (links with the same name,
// frames with the same title) or look at what a link points to (file types).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace granska::checks {

struct Destination {
  std::string address;  // resolved against the page (and its <base href>), without fragment
  std::string site;     // lowercase host without one leading "www."; empty unless http(s)
};

// The page's elements whose role is link or a subclass of it, in tree order, hidden ones
// included: found once per page for the link rules. Valid as long as ctx.aria.
const std::vector<const html::Node*>& page_links(engine::Context& ctx);

// The URL that relative references on the page resolve against: the first <base href>,
// resolved against the page's own URL, else the page's URL. One walk of the document.
std::string base_url(const engine::Context& ctx);

// The destination of `reference` (an href or src value) against `base` (base_url()); nullopt
// for references that lead nowhere to compare (empty, "#..." only, javascript:, mailto:, ...).
// Pure; thread-safe.
std::optional<Destination> destination(std::string_view base, std::string_view reference);

// The path's file extension, lowercase, without query and fragment ("mp3" for
// "/a/b.MP3?x=1"); empty when there is none.
std::string file_extension(std::string_view reference);

}  // namespace granska::checks
