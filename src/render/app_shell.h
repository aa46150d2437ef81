// `render = "auto"`: is a page's static HTML an application shell that only a browser can
// fill in? A pure function over the parsed static document, no browser: the crawl asks it
// for every page and renders only the shells.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "html/dom.h"

namespace granska::render {

struct ShellVerdict {
  bool shell = false;
  std::size_t text_chars = 0;   // visible text in <body> (no script/style/noscript/template), up to 2000
  std::size_t scripts = 0;      // <script> elements that run code (not JSON or templates)
  bool root_container = false;  // an empty mount point: #app, #root, #__next, <app-root>, [ng-app], …
  bool noscript_notice = false; // <noscript> mentioning JavaScript
  // Why, as stable tokens for logs and tests: "little-text", "empty-root", "noscript-js",
  // "scripts-only".
  std::vector<std::string> reasons;
};

// A shell has scripts and less than 200 characters of visible text, and either an empty
// mount point, a <noscript> about JavaScript, or almost no text at all (under 40
// characters). A page without scripts is never a shell: rendering it changes nothing.
ShellVerdict detect_app_shell(const html::Document& doc);

// When a crawl renders a page (`render = "never" | "auto" | "always"` per site in the crawl
// configuration, `--render` on the command line): never, only application shells, or every
// page.
enum class RenderMode : std::uint8_t { Never, Auto, Always };
std::optional<RenderMode> parse_render_mode(std::string_view name);  // "never", "auto", "always"
std::string_view to_string(RenderMode mode);
// Whether a page whose static document is `doc` is rendered in `mode`.
bool wants_rendering(RenderMode mode, const html::Document& doc);

}  // namespace granska::render
