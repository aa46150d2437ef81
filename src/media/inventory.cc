#include "media/inventory.h"

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

}  // namespace granska::media
