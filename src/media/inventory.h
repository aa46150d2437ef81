// The media inventory of a checked page, ready for reports: each media item with the
// status the media rules gave it (captions, description, transcript, autoplay) and the
// checks of its track files. Built from the rules' findings, so reports never re-decide
// anything — they only present.
#pragma once

#include <vector>

#include <string_view>

#include "engine/evaluate.h"
#include "fetch/fetch.h"
#include "html/dom.h"
#include "media/media.h"
#include "media/track_check.h"

namespace granska::media {

struct InventoryRow {
  const MediaItem* item = nullptr;
  // The finding of each media rule on this item's element; nullptr when the rule did not
  // apply to it (or was not run).
  const engine::Finding* captions = nullptr;     // video-caption
  const engine::Finding* description = nullptr;  // video-description
  const engine::Finding* transcript = nullptr;   // audio-transcript
  const engine::Finding* autoplay = nullptr;     // media-autoplay
  std::vector<const TrackCheck*> track_checks;   // of this item's tracks (remote pages only)
};

struct Inventory {
  std::vector<MediaItem> items;
  std::vector<TrackCheck> track_checks;  // point into items
  std::vector<InventoryRow> rows;        // point into items, track_checks and the evaluation

  Inventory() = default;
  Inventory(const Inventory&) = delete;  // rows point into the vectors
  Inventory& operator=(const Inventory&) = delete;
};

// Fills inv.rows from inv.items, inv.track_checks and the evaluation's findings (call after
// apply_track_checks). The evaluation must outlive the inventory.
void build_rows(Inventory& inv, const engine::PageEvaluation& evaluation);

// The media step of checking one page (src/pipeline calls it for every caller, so all
// decide the caption rules the same way): finds the media items (with `players`, which
// must outlive inv), and when `fetcher` is not null (a page loaded over the web) fetches
// its caption and description tracks with the page's own options and limits
// (check_tracks, with `messages`, which must be complete) and applies their problems to
// `evaluation` (apply_track_checks); then builds the rows. Call after the rules ran and
// before anything reads the evaluation's outcomes.
void take_inventory(Inventory& inv, const html::Document& doc, aria::Semantics& semantics, std::string_view page_url,
                    const PlayerList& players, fetch::Fetcher* fetcher, const fetch::Options& fetch_options,
                    const TrackMessages& messages, engine::PageEvaluation& evaluation);

}  // namespace granska::media
