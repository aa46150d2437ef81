#include "html/refresh.h"

#include "util/text.h"

namespace granska::html {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Inside <template> or <noscript>: with scripting on (as every visitor's browser), neither is
// part of the document, so a refresh there never acts ("<noscript><meta http-equiv=refresh>"
// sends only script-less browsers elsewhere).
bool outside_document(const Node& e) {
  for (const Node* p = e.parent_element(); p; p = p->parent_element()) {
    if (p->is("template") || p->is("noscript")) return true;
  }
  return false;
}
}  // namespace

std::optional<long long> refresh_delay(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && text::is_html_space(s[i])) ++i;
  std::size_t start = i;
  long long time = 0;
  while (i < s.size() && is_digit(s[i])) {
    if (time < 1'000'000'000) time = time * 10 + (s[i] - '0');
    ++i;
  }
  if (i == start && (i >= s.size() || s[i] != '.')) return std::nullopt;
  while (i < s.size() && (is_digit(s[i]) || s[i] == '.')) ++i;
  if (i < s.size() && s[i] != ';' && s[i] != ',' && !text::is_html_space(s[i])) return std::nullopt;
  return time;
}

std::optional<RefreshDeclaration> first_refresh(const Document& doc) {
  for (const Node* e : doc.elements()) {
    if (!e->is("meta") || outside_document(*e)) continue;
    auto equiv = e->attr("http-equiv");
    if (!equiv || !text::iequals(text::trim(*equiv), "refresh")) continue;
    auto content = e->attr("content");
    if (!content || content->empty()) continue;
    if (std::optional<long long> delay = refresh_delay(*content)) return RefreshDeclaration{e, *delay};
  }
  return std::nullopt;
}

}  // namespace granska::html
