// DOMSnapshot.captureSnapshot: the parameters granska asks for and the conversion of the
// browser's answer into a RenderedPage. Pure functions, no browser: tested on saved answers.
// Internal to src/render.
#pragma once

#include <nlohmann/json.hpp>

#include "render/page.h"
#include "util/result.h"

namespace granska::render {

// Parameters for DOMSnapshot.captureSnapshot: the computed styles of prop_names(), the
// blended background colours, and (with `rects`) the client/scroll rectangles.
nlohmann::json snapshot_params(bool rects);

// Fills page.nodes, styles, strings, title, final_url, content size, frames and
// shadow_roots from a captureSnapshot result (its main document, documents[0]). Error when
// the answer does not have the protocol's shape (arrays of different lengths, indexes out
// of range, a parent after its child); `page` is then left unchanged.
Status read_snapshot(const nlohmann::json& result, RenderedPage& page);

}  // namespace granska::render
