#include "render/app_shell.h"

#include <array>
#include <string_view>

#include "util/text.h"

namespace granska::render {

namespace {

constexpr std::size_t kLittleText = 200;
constexpr std::size_t kAlmostNoText = 40;

// Non-whitespace characters of `node`'s text, skipping what a browser does not show as
// text; stops counting at `limit`.
std::size_t visible_chars(const html::Node& node, std::size_t limit) {
  std::size_t count = 0;
  std::vector<const html::Node*> stack(node.children().rbegin(), node.children().rend());
  while (!stack.empty() && count < limit) {
    const html::Node* n = stack.back();
    stack.pop_back();
    if (n->is_text()) {
      for (char c : n->data()) {
        if (!text::is_html_space(c)) ++count;
      }
      continue;
    }
    if (!n->is_element()) continue;
    if (n->is("script") || n->is("style") || n->is("noscript") || n->is("template")) continue;
    stack.insert(stack.end(), n->children().rbegin(), n->children().rend());
  }
  return count;
}

bool runs_code(const html::Node& script) {
  auto type = script.attr("type");
  if (!type) return true;
  std::string t = text::ascii_lower(text::trim(*type));
  return t.empty() || t == "module" || t == "text/javascript" || t == "application/javascript" ||
         t == "text/ecmascript" || t == "application/ecmascript";
}

bool mount_point(const html::Node& e) {
  static constexpr std::array<std::string_view, 10> kIds = {
      "app", "root", "__next", "__nuxt", "___gatsby", "svelte", "main-app", "application", "react-root", "vue-app"};
  if (auto id = e.attr("id")) {
    std::string lower = text::ascii_lower(*id);
    for (std::string_view k : kIds) {
      if (lower == k) return true;
    }
  }
  if (e.has_attr("data-reactroot") || e.has_attr("ng-app") || e.has_attr("ng-version") || e.has_attr("data-v-app")) {
    return true;
  }
  // Custom elements as application roots: <app-root>, <my-app>.
  return e.ns() == html::Namespace::Html && e.tag().find('-') != std::string_view::npos &&
         (e.tag().ends_with("-app") || e.tag().starts_with("app-"));
}

}  // namespace

ShellVerdict detect_app_shell(const html::Document& doc) {
  ShellVerdict v;
  for (const html::Node* e : doc.elements()) {
    if (e->is("script") && runs_code(*e)) ++v.scripts;
  }
  const html::Node* body = doc.body();
  if (!body) return v;
  v.text_chars = visible_chars(*body, 2000);
  for (const html::Node* e : body->descendant_elements()) {
    if (e->is("noscript")) {
      std::string t = text::ascii_lower(e->text_content());
      if (t.find("javascript") != std::string::npos) v.noscript_notice = true;
    } else if (!v.root_container && mount_point(*e) && visible_chars(*e, kAlmostNoText) < kAlmostNoText) {
      v.root_container = true;
    }
  }
  if (v.scripts == 0 || v.text_chars >= kLittleText) return v;
  v.reasons.emplace_back("little-text");
  if (v.root_container) v.reasons.emplace_back("empty-root");
  if (v.noscript_notice) v.reasons.emplace_back("noscript-js");
  if (v.text_chars < kAlmostNoText) v.reasons.emplace_back("scripts-only");
  v.shell = v.root_container || v.noscript_notice || v.text_chars < kAlmostNoText;
  return v;
}

std::optional<RenderMode> parse_render_mode(std::string_view name) {
  if (name == "never") return RenderMode::Never;
  if (name == "auto") return RenderMode::Auto;
  if (name == "always") return RenderMode::Always;
  return std::nullopt;
}

std::string_view to_string(RenderMode mode) {
  switch (mode) {
    case RenderMode::Never: return "never";
    case RenderMode::Auto: return "auto";
    case RenderMode::Always: return "always";
  }
  return "never";
}

bool wants_rendering(RenderMode mode, const html::Document& doc) {
  return mode == RenderMode::Always || (mode == RenderMode::Auto && detect_app_shell(doc).shell);
}

}  // namespace granska::render
