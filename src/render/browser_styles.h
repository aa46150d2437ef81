// The computed styles of a rendered page, taken from the browser: what every rule that reads
// styles (hidden content, contrast, text spacing, orientation, …) sees on a page checked
// with --render, in the same style::ComputedStyles the static cascade fills.
#pragma once

#include <memory>

#include "render/rendered_view.h"
#include "style/cascade.h"

namespace granska::render {

// Per element of view.document():
// - laid out by the browser (it has computed values): the browser's values for every
//   property the snapshot captures (display, visibility, colours, font size and weight,
//   spacing, opacity, effects, transform, overflow, position) replace the cascade's; where
//   it is placed comes from its box (off the page, out of the flow) instead of offsets;
// - not laid out: what the browser does not draw is not rendered (display: none), except
//   where the browser draws an element without a layout object of its own (options of a
//   <select>, <area>, <source>, <track>, <param>, display: contents); those keep what the
//   static cascade over the rendered DOM computed with `sheets`.
// `sheets` and view.document() must outlive the result.
std::unique_ptr<style::ComputedStyles> browser_styles(const RenderedView& view, const style::PageSheets& sheets,
                                                      const style::Environment& environment);

}  // namespace granska::render
