#include "checks/common/links.h"

#include "aria/aria_data.h"
#include "url/url.h"
#include "util/text.h"

namespace granska::checks {

namespace {
struct PageLinks {
  std::vector<const html::Node*> all;
};
}  // namespace

const std::vector<const html::Node*>& page_links(engine::Context& ctx) {
  return ctx.aria
      .page_fact<PageLinks>([&] {
        PageLinks links;
        for (const html::Node* e : ctx.doc.elements()) {
          std::string_view role = ctx.aria.role(*e);
          if (!role.empty() && aria::role_is_a(role, "link")) links.all.push_back(e);
        }
        return links;
      })
      .all;
}

std::string base_url(const engine::Context& ctx) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("base")) continue;
    if (auto href = e->attr("href")) return url::resolve_reference(ctx.url, text::trim(*href));
  }
  return std::string(ctx.url);
}

std::optional<Destination> destination(std::string_view base, std::string_view reference) {
  std::string_view ref = text::trim(reference);
  if (ref.empty() || ref.front() == '#') return std::nullopt;
  std::size_t colon = ref.find(':');
  std::size_t slash = ref.find_first_of("/?#");
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) {
    std::string scheme = text::ascii_lower(ref.substr(0, colon));
    if (scheme != "http" && scheme != "https" && scheme != "file") return std::nullopt;
  }
  std::string resolved = url::resolve_reference(base, ref);
  Destination d;
  if (auto u = url::Url::parse(resolved)) {
    d.address = u.value().normalized();
    std::string host = text::ascii_lower(u.value().host());
    if (host.starts_with("www.")) host.erase(0, 4);
    d.site = host;
  } else {
    d.address = resolved.substr(0, resolved.find('#'));
  }
  return d;
}

std::string file_extension(std::string_view reference) {
  std::string_view r = text::trim(reference);
  r = r.substr(0, r.find_first_of("?#"));
  std::string_view file = r.substr(r.find_last_of('/') == std::string_view::npos ? 0 : r.find_last_of('/') + 1);
  std::size_t dot = file.find_last_of('.');
  if (dot == std::string_view::npos || dot + 1 >= file.size()) return "";
  return text::ascii_lower(file.substr(dot + 1));
}

}  // namespace granska::checks
