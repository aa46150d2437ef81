// The page's media items (media::find_media), found once per page and shared by the media
// rules (captions, audio description, transcripts, autoplay).
#pragma once

#include <vector>

#include "engine/rule.h"
#include "media/media.h"

namespace granska::checks {

// Every media item of the page in tree order, as media::find_media lists them for the
// page's URL with the built-in players. The reference stays valid as long as ctx.aria.
const std::vector<media::MediaItem>& page_media(engine::Context& ctx);

}  // namespace granska::checks
