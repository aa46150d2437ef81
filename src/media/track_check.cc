#include "media/track_check.h"

#include <algorithm>
#include <set>

#include "media/webvtt.h"
#include "util/text.h"

namespace granska::media {

namespace {

bool is_web_url(std::string_view u) { return text::istarts_with(u, "http://") || text::istarts_with(u, "https://"); }

std::string media_type(std::string_view content_type) {
  return text::ascii_lower(text::trim(content_type.substr(0, content_type.find(';'))));
}

void judge(TrackCheck& c, const fetch::Response& r, const TrackMessages& m) {
  c.status = r.status;
  c.content_type = r.content_type;
  if (r.status >= 400) {
    c.problem = m.http_error;
    c.args = {c.url, std::to_string(r.status)};
    return;
  }
  if (media_type(r.content_type) != "text/vtt") {
    c.problem = m.wrong_type;
    c.args = {c.url, r.content_type.empty() ? "(ingen/none)" : text::truncate_utf8(r.content_type, 80)};
    return;
  }
  VttFile vtt = parse_webvtt(r.body);
  c.cues = vtt.cues.size();
  for (VttProblemKind k : {VttProblemKind::BadEncoding, VttProblemKind::NoHeader, VttProblemKind::BadTiming,
                           VttProblemKind::EndBeforeStart}) {
    if (const VttProblem* p = vtt.first(k)) {
      std::string where = p->line ? "line " + std::to_string(p->line) + ": " : "";
      c.problem = m.not_webvtt;
      c.args = {c.url, where + p->detail};
      return;
    }
  }
  if (vtt.first(VttProblemKind::NoCues)) {
    c.problem = m.no_cues;
    c.args = {c.url};
    return;
  }
  if (const VttProblem* p = vtt.first(VttProblemKind::OutOfOrder)) {
    c.problem = m.out_of_order;
    c.args = {c.url, "line " + std::to_string(p->line)};
  }
}

engine::Outcome page_outcome(const std::vector<engine::Finding>& findings) {
  engine::Outcome o = engine::Outcome::Inapplicable;
  auto rank = [](engine::Outcome x) {
    switch (x) {
      case engine::Outcome::Failed: return 3;
      case engine::Outcome::CantTell: return 2;
      case engine::Outcome::Passed: return 1;
      case engine::Outcome::Inapplicable: return 0;
    }
    return 0;
  };
  for (const engine::Finding& f : findings) {
    if (rank(f.outcome) > rank(o)) o = f.outcome;
  }
  return o;
}

}  // namespace

TrackMessages track_messages(const engine::Registry& registry, std::string_view caption_rule) {
  TrackMessages m;
  const engine::Rule* rule = registry.find(caption_rule);
  if (!rule) return m;
  for (const engine::Message* msg : rule->info.messages) {
    const std::string_view id = msg->id;
    const engine::Message** slot = id == "track-http-error"     ? &m.http_error
                                   : id == "track-not-loaded"   ? &m.not_loaded
                                   : id == "track-wrong-type"   ? &m.wrong_type
                                   : id == "track-not-webvtt"   ? &m.not_webvtt
                                   : id == "track-no-cues"      ? &m.no_cues
                                   : id == "track-out-of-order" ? &m.out_of_order
                                                                : nullptr;
    if (slot) *slot = msg;
  }
  return m;
}

std::vector<TrackCheck> check_tracks(const std::vector<MediaItem>& items, fetch::Fetcher& fetcher,
                                     const TrackCheckOptions& options, const TrackMessages& m) {
  std::vector<TrackCheck> out;
  std::set<std::string> seen;
  fetch::Options fo = options.fetch;
  fo.max_body_bytes = std::min(fo.max_body_bytes, options.max_track_bytes);
  for (const MediaItem& item : items) {
    for (const Track& t : item.tracks) {
      if (t.kind != "captions" && t.kind != "subtitles" && t.kind != "descriptions") continue;
      if (t.url.empty() || !is_web_url(t.url)) continue;
      std::string url = t.url.substr(0, t.url.find('#'));
      if (!seen.insert(url).second) {
        // Same file for another video: reuse the verdict.
        auto prev = std::find_if(out.begin(), out.end(), [&](const TrackCheck& c) { return c.url == url; });
        if (prev != out.end()) {
          TrackCheck again = *prev;
          again.media = item.element;
          again.track = &t;
          out.push_back(std::move(again));
        }
        continue;
      }
      if (seen.size() > options.max_tracks) return out;
      TrackCheck c;
      c.media = item.element;
      c.track = &t;
      c.url = url;
      Result<fetch::Response> r = fetcher.get(url, fo);
      if (!r) {
        c.problem = m.not_loaded;
        c.args = {url, r.error().message_sv.empty() ? r.error().message : r.error().message_sv};
      } else {
        judge(c, *r, m);
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

void apply_track_checks(engine::PageEvaluation& evaluation, const std::vector<TrackCheck>& checks,
                        std::string_view caption_rule, std::string_view description_rule) {
  for (const TrackCheck& c : checks) {
    if (!c.problem) continue;
    std::string_view rule_id = c.track->kind == "descriptions" ? description_rule : caption_rule;
    for (engine::RuleResult& r : evaluation.rules) {
      if (r.rule->info.id != rule_id) continue;
      std::erase_if(r.findings, [&](const engine::Finding& f) {
        return f.node == c.media && f.outcome == engine::Outcome::Passed;
      });
      r.findings.push_back(engine::Finding{engine::Outcome::Failed, c.media, c.problem, c.args});
      r.outcome = page_outcome(r.findings);
    }
  }
}

}  // namespace granska::media
