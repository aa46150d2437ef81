// A page as headless Chromium rendered it: the DOM after scripts, in tree order, with the
// browser's computed values and layout boxes, plus the layout facts that need a browser.
// Plain data: no browser, no protocol types. Built by render/snapshot.h from a DOMSnapshot,
// turned into an html::Document by render/rendered_view.h.
//
// Everything in it comes from the page: untrusted, to be escaped in every output.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"

namespace granska::render {

// The computed properties captured for every laid-out node, in the browser's serialisation
// ("rgb(0, 0, 0)", "16px", "700", "none"). The order is the snapshot's request order.
enum class Prop : std::uint8_t {
  Display,
  Visibility,
  ContentVisibility,
  Opacity,
  Color,
  BackgroundColor,
  BackgroundImage,
  BackgroundClip,
  FontSize,
  FontWeight,
  LineHeight,
  LetterSpacing,
  WordSpacing,
  TextIndent,
  TextShadow,
  TextFillColor,  // -webkit-text-fill-color
  Position,
  Clip,
  ClipPath,
  Transform,
  Rotate,
  Filter,
  MixBlendMode,
  OverflowX,
  OverflowY,
  OutlineStyle,
  OutlineWidth,
  OutlineColor,
  OutlineOffset,
  BoxShadow,
  PointerEvents,
  Count
};
inline constexpr std::size_t kPropCount = static_cast<std::size_t>(Prop::Count);
// CSS property names in Prop order ("display", …, "-webkit-text-fill-color", …).
const std::array<std::string_view, kPropCount>& prop_names();

// CSS px in the page's coordinate space (the document's top left corner is 0,0).
struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

enum class NodeKind : std::uint8_t { Document, Doctype, Element, Text, Comment, Other };

inline constexpr std::uint32_t kNoIndex = 0xFFFFFFFFu;

struct RenderedNode {
  NodeKind kind = NodeKind::Element;
  html::Namespace ns = html::Namespace::Html;
  std::string tag;                          // elements: local name, lowercase for HTML
  std::vector<html::Attribute> attributes;  // names lowercase
  std::string text;                         // text and comment data
  std::uint32_t parent = kNoIndex;          // index in RenderedPage::nodes
  // Nodes that an html::Document built from the page leaves out: inside a shadow tree
  // (user-agent or author), or a pseudo-element (::before, ::after, ::marker, …).
  bool in_shadow_tree = false;
  std::string pseudo;  // "before", "after", "marker", …; empty for real nodes
  // Form state after scripts and user agent defaults (the attributes keep the markup's).
  std::optional<std::string> input_value;  // <input>, <textarea>
  bool checked = false;                    // checkbox / radio
  bool selected = false;                   // <option>
  bool clickable = false;                  // has a click listener or is natively clickable
  bool modal = false;                      // a <dialog> open as modal (:modal): the rest of the page is inert
  std::uint64_t backend_id = 0;            // the browser's node id, stable within one page
  // The layout object: present when the browser laid the node out (no box for display:none
  // and whatever is inside it, <head> content, display:contents elements).
  std::optional<Rect> box;
  // Index into RenderedPage::styles when the browser gave computed values: laid-out nodes,
  // and display:contents elements (whose values come from their child text).
  std::uint32_t style = kNoIndex;
  // The background colour blended over the node's ancestors, as the browser computed it
  // ("rgb(…)"); empty when not given.
  std::string blended_background;
};

// Computed values of one node, as indexes into RenderedPage::strings.
using StyleRow = std::array<std::uint32_t, kPropCount>;

// 1.4.10 Reflow: the page laid out at 320 CSS px wide.
struct ReflowFacts {
  bool measured = false;
  int viewport_width = 320;
  int viewport_height = 256;
  double content_width = 0;        // the document's scroll width at that viewport
  bool horizontal_scroll = false;  // content wider than the viewport and the page can scroll
  bool clipped = false;            // wider, but <html>/<body> hide the overflow: content is cut
  struct Overflow {
    std::uint32_t node = kNoIndex;  // RenderedPage::nodes index (in the 320 px layout too)
    Rect box;                       // at 320 px
  };
  // Outermost elements reaching past the viewport's right edge, not inside a scroll
  // container of their own (content allowed to scroll in two dimensions is excluded).
  std::vector<Overflow> overflowing;
  std::size_t overflowing_total = 0;  // before the cap
  bool truncated = false;             // overflowing holds the first `cap` of overflowing_total
};

// 2.5.8 Target size (minimum): pointer targets measured at the main viewport.
struct TargetFacts {
  bool measured = false;
  struct Target {
    std::uint32_t node = kNoIndex;
    Rect box;
    bool large_enough = false;  // at least 24 × 24 CSS px
    bool spaced = false;        // smaller, but a 24 px circle on it meets no other target
    bool inline_in_text = false;  // an inline target in a line of text (the exception)
  };
  std::vector<Target> targets;
  std::size_t candidates = 0;  // targets found before the cap
  bool truncated = false;
};

// 2.4.7 Focus visible: each focusable element focused by the browser, styles compared.
struct FocusFacts {
  bool measured = false;
  struct Element {
    std::uint32_t node = kNoIndex;
    bool focused = false;  // the browser accepted focus (document.activeElement became it)
    // Properties that differ between focused and not focused, as "outline-style",
    // "box-shadow", "parent:background-color", "child:text-decoration-line", "box" (moved
    // or resized, as a skip link does), …; empty = no visible change found.
    std::vector<std::string> changed;
    bool visible_when_focused = false;  // has a non-empty box inside the page when focused
  };
  std::vector<Element> elements;
  std::size_t candidates = 0;  // focusable elements found before the cap
  bool truncated = false;
};

struct Viewport {
  int width = 1280;
  int height = 800;
};

struct RenderedPage {
  std::string requested_url;
  std::string final_url;   // the document's URL after redirects and script navigations
  std::string title;
  long http_status = 0;    // of the main document; 0 when not HTTP (file:, data:)
  std::string mime_type;   // of the main document
  Viewport viewport;
  double content_width = 0, content_height = 0;

  // Nodes of the main document in tree order (the snapshot's order: document, doctype,
  // <html>, …, with shadow-tree nodes and pseudo-elements after their host's children).
  std::vector<RenderedNode> nodes;
  std::vector<StyleRow> styles;
  std::vector<std::string> strings;  // values referenced by StyleRow
  std::size_t frames = 0;            // nested documents (iframes) not included
  std::size_t shadow_roots = 0;      // author shadow roots whose content is left out

  // Errors the page reported: console.error() calls and uncaught exceptions, each at most
  // 500 bytes, the first 50 kept; console_errors_total counts all.
  std::vector<std::string> console_errors;
  std::size_t console_errors_total = 0;

  bool load_timed_out = false;   // the load event did not come in time; checked what was there
  bool network_idle = false;     // no request was in flight for the quiet period before the snapshot
  std::size_t events_dropped = 0;
  int attempts = 1;              // 2 when the browser died during the first attempt

  ReflowFacts reflow;
  TargetFacts targets;
  FocusFacts focus;

  // Milliseconds spent: navigation until load (and network idle), capturing and converting
  // the snapshot, measuring the layout facts, and the whole render() call.
  double load_ms = 0, snapshot_ms = 0, facts_ms = 0, total_ms = 0;

  // A computed value of node `i`; "" when the node has none.
  std::string_view style(std::uint32_t i, Prop p) const {
    const RenderedNode& n = nodes[i];
    if (n.style == kNoIndex) return {};
    std::uint32_t s = styles[n.style][static_cast<std::size_t>(p)];
    return s < strings.size() ? std::string_view(strings[s]) : std::string_view();
  }
};

}  // namespace granska::render
