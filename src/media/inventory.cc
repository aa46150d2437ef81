#include "media/inventory.h"

#include "aria/semantics.h"

namespace granska::media {

void build_rows(Inventory& inv, const engine::PageEvaluation& evaluation) {
  inv.rows.clear();
  for (const MediaItem& item : inv.items) {
    InventoryRow row;
    row.item = &item;
    for (const engine::RuleResult& r : evaluation.rules) {
      std::string_view id = r.rule->info.id;
      const engine::Finding** slot = id == "video-caption"       ? &row.captions
                                     : id == "video-description" ? &row.description
                                     : id == "audio-transcript"  ? &row.transcript
                                     : id == "media-autoplay"    ? &row.autoplay
                                                                 : nullptr;
      if (!slot) continue;
      for (const engine::Finding& f : r.findings) {
        // The worst finding wins (a failed track check beside a passed one).
        if (f.node == item.element && (!*slot || f.outcome == engine::Outcome::Failed)) *slot = &f;
      }
    }
    for (const TrackCheck& c : inv.track_checks) {
      if (c.media == item.element) row.track_checks.push_back(&c);
    }
    inv.rows.push_back(std::move(row));
  }
}

void take_inventory(Inventory& inv, const html::Document& doc, aria::Semantics& semantics, std::string_view page_url,
                    const PlayerList& players, fetch::Fetcher* fetcher, const fetch::Options& fetch_options,
                    const TrackMessages& messages, engine::PageEvaluation& evaluation) {
  inv.items = find_media(doc, semantics, page_url, players);
  inv.track_checks.clear();
  if (fetcher && messages.complete()) {
    TrackCheckOptions to;
    to.fetch = fetch_options;
    inv.track_checks = check_tracks(inv.items, *fetcher, to, messages);
    apply_track_checks(evaluation, inv.track_checks);
  }
  build_rows(inv, evaluation);
}

}  // namespace granska::media
