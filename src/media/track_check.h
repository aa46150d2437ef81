// Checking caption and description files over the network: the one step of media
// checking that is not a pure function of the page, so it is kept out of the rules.
//
// `granska check` runs the rules first (pure, from the DOM), then — for a page fetched
// over http(s) — check_tracks() fetches every caption, subtitle and description track
// with the page's own Fetcher and limits, and apply_track_checks() turns the problems into
// failed findings of the video-caption / video-description rules. A track that does not
// load (HTTP error, network error, wrong Content-Type, not WebVTT, no cues, cues out of
// order) fails its rule for that video, with the reason. See docs/decisions/0007-media.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluate.h"
#include "fetch/fetch.h"
#include "media/media.h"

namespace granska::media {

// The problems a track can have. The rules declare them in their message lists.
// Arguments: {0} = the track URL, {1} = the detail.
extern const engine::Message kTrackHttpError;   // {1} = HTTP status
extern const engine::Message kTrackNotLoaded;   // {1} = the fetch error
extern const engine::Message kTrackWrongType;   // {1} = the Content-Type sent
extern const engine::Message kTrackNotWebVtt;   // {1} = line and what is wrong
extern const engine::Message kTrackNoCues;
extern const engine::Message kTrackOutOfOrder;  // {1} = line of the first cue out of order

struct TrackCheck {
  const html::Node* media = nullptr;  // the <video>/<audio>
  const Track* track = nullptr;       // points into the MediaItem it came from
  std::string url;
  long status = 0;             // HTTP status, 0 when the fetch failed
  std::string content_type;    // as sent
  std::size_t cues = 0;
  const engine::Message* problem = nullptr;  // nullptr: the track loads and parses
  std::vector<std::string> args;             // for problem: {url, detail}
};

struct TrackCheckOptions {
  fetch::Options fetch;         // the page's own limits and headers
  std::size_t max_tracks = 20;  // per page: politeness towards the site
  std::size_t max_track_bytes = 5 * 1024 * 1024;
};

// Fetches and checks each caption, subtitle and description track with an http(s) URL,
// one at a time, each distinct URL once, at most max_tracks. The items must outlive the
// result. Never throws.
std::vector<TrackCheck> check_tracks(const std::vector<MediaItem>& items, fetch::Fetcher& fetcher,
                                     const TrackCheckOptions& options);

// Adds each problem as a failed finding on its media element to the rule `caption_rule`
// (caption and subtitle tracks) or `description_rule` (description tracks), replacing that
// element's passed finding of the same rule, and updates the rule's page outcome.
// Rules not in the evaluation (skipped) are left alone.
void apply_track_checks(engine::PageEvaluation& evaluation, const std::vector<TrackCheck>& checks,
                        std::string_view caption_rule = "video-caption",
                        std::string_view description_rule = "video-description");

}  // namespace granska::media
