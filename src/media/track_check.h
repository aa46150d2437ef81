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
#include "engine/registry.h"
#include "fetch/fetch.h"
#include "media/media.h"

namespace granska::media {

// The messages of the problems a track can have. They belong to the caption and
// description rules (checks/common/track_messages.h), which declare them in their message
// lists; track_messages() finds them in a registry by id, so this module needs no rule.
// Arguments: {0} = the track URL, {1} = the detail.
struct TrackMessages {
  const engine::Message* http_error = nullptr;    // "track-http-error"; {1} = HTTP status
  const engine::Message* not_loaded = nullptr;    // "track-not-loaded"; {1} = the fetch error
  const engine::Message* wrong_type = nullptr;    // "track-wrong-type"; {1} = the Content-Type sent
  const engine::Message* not_webvtt = nullptr;    // "track-not-webvtt"; {1} = line and what is wrong
  const engine::Message* no_cues = nullptr;       // "track-no-cues"
  const engine::Message* out_of_order = nullptr;  // "track-out-of-order"; {1} = line of the first cue out of order
  bool complete() const {
    return http_error && not_loaded && wrong_type && not_webvtt && no_cues && out_of_order;
  }
};

// The messages as the rule `caption_rule` of `registry` declares them; incomplete (see
// complete()) when the rule or one of its messages is missing.
TrackMessages track_messages(const engine::Registry& registry, std::string_view caption_rule = "video-caption");

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
// result, `messages` must be complete(). Never throws.
std::vector<TrackCheck> check_tracks(const std::vector<MediaItem>& items, fetch::Fetcher& fetcher,
                                     const TrackCheckOptions& options, const TrackMessages& messages);

// Adds each problem as a failed finding on its media element to the rule `caption_rule`
// (caption and subtitle tracks) or `description_rule` (description tracks), replacing that
// element's passed finding of the same rule, and updates the rule's page outcome.
// Rules not in the evaluation (skipped) are left alone.
void apply_track_checks(engine::PageEvaluation& evaluation, const std::vector<TrackCheck>& checks,
                        std::string_view caption_rule = "video-caption",
                        std::string_view description_rule = "video-description");

}  // namespace granska::media
