#include "checks/common/page_media.h"

namespace granska::checks {

namespace {
struct PageMedia {
  std::vector<media::MediaItem> items;
};
}  // namespace

const std::vector<media::MediaItem>& page_media(engine::Context& ctx) {
  return ctx.aria.page_fact<PageMedia>([&] { return PageMedia{media::find_media(ctx.doc, ctx.aria, ctx.url)}; }).items;
}

}  // namespace granska::checks
