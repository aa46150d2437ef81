// video-caption: videos have captions (undertexter) — WCAG 1.2.2.
// Applies to every visible <video>, to iframes of known players and to links to video
// files (see src/media). A <video> passes with a <track kind="captions"|"subtitles"> that
// has a src; a caption track without a src fails (the captions the page promises never
// load). Without any track granska cannot tell: the captions may be burned into the
// picture, or the video may have no sound (ACT f51b46 needs the media played, so the rule
// is not mapped to it). Players and linked files are always cantTell ("needs manual
// review"), never passed: their captions are not visible in the page.
// When the page came over http(s), `granska check` also fetches each track (see
// src/media/track_check.h) and a track that does not load fails this rule.
#include "checks/common/page_media.h"
#include "checks/common/track_messages.h"
#include "engine/registry.h"
#include "media/media.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasCaptions{"has-captions", {"Videon har ett textspår med undertexter ({0}, språk: {1}).",
                                            "The video has a caption track ({0}, language: {1})."}};
const Message kHasSubtitles{
    "has-subtitles",
    {"Videon har ett textspår av typen subtitles ({0}, språk: {1}). Kontrollera att det återger allt "
     "som sägs och viktiga ljud, inte bara en översättning.",
     "The video has a subtitles track ({0}, language: {1}). Check that it gives everything that is said and "
     "important sounds, not only a translation."}};
const Message kNoTrack{"no-caption-track",
                       {"Videon har inget textspår med undertexter. Har den tal eller annat viktigt ljud behövs "
                        "undertexter, inbrända i bilden eller som <track kind=\"captions\">.",
                        "The video has no caption track. If it has speech or other important sound it needs "
                        "captions, burned into the picture or as <track kind=\"captions\">."}};
const Message kTrackNoSrc{"track-no-src",
                          {"Videon har ett textspår för undertexter utan src, så undertexterna laddas aldrig.",
                           "The video has a caption track without a src, so the captions never load."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Videon har ett textspår utan src, men videon kan vara dold med CSS som granska inte "
                            "kunde utvärdera. Kontrollera om den syns.",
                            "The video has a text track without a src, but the video may be hidden by CSS that "
                            "granska could not evaluate. Check whether it is visible."}};
const Message kPlayer{"player-needs-review",
                      {"Inbäddad video från {0}: granska kan inte se om den har undertexter. Kontrollera i "
                       "spelaren.",
                       "Embedded video from {0}: granska cannot see whether it has captions. Check in the "
                       "player."}};
const Message kPlayerCaptionsOn{
    "player-captions-on",
    {"Inbäddad video från {0} med undertexter påslagna i adressen (cc_load_policy=1, språk: {1}). "
     "Kontrollera att videon verkligen har riktiga undertexter, inte bara automatiska.",
     "Embedded video from {0} with captions turned on in its address (cc_load_policy=1, language: {1}). "
     "Check that the video really has proper captions, not only automatic ones."}};
const Message kLinkedFile{"linked-video-needs-review",
                          {"Länk till en videofil ({0}): kontrollera att videon har undertexter.",
                           "Link to a video file ({0}): check that the video has captions."}};

const RuleInfo kInfo{
    .id = "video-caption",
    .title = {"Videor har undertexter", "Videos have captions"},
    .description = {"Kontrollerar att videor har undertexter för det som sägs och för viktiga ljud, så att den "
                    "som inte hör kan ta del av innehållet. Undertextfilerna hämtas och kontrolleras när sidan "
                    "granskas på webben.",
                    "Checks that videos have captions for what is said and for important sounds, so that people "
                    "who cannot hear can follow. Caption files are fetched and checked when the page is checked "
                    "on the web."},
    .help = {"Lägg till undertexter: en WebVTT-fil med <track kind=\"captions\" src=\"…\" srclang=\"sv\" default> "
             "i videon, eller slå på riktiga undertexter i videotjänsten (till exempel YouTube).",
             "Add captions: a WebVTT file with <track kind=\"captions\" src=\"…\" srclang=\"sv\" default> in the "
             "video, or turn on proper captions in the video service (for example YouTube)."},
    .criteria = {sc("1.2.2")},
    .axe_rules = {"video-caption"},
    .impact = Impact::Critical,
    .messages = {&kHasCaptions, &kHasSubtitles, &kNoTrack, &kTrackNoSrc, &kMaybeHidden, &kPlayer, &kPlayerCaptionsOn, &kLinkedFile,
                 &kTrackHttpError, &kTrackNotLoaded, &kTrackWrongType, &kTrackNotWebVtt,
                 &kTrackNoCues, &kTrackOutOfOrder},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const media::MediaItem& item : page_media(ctx)) {
    const html::Node* e = item.element;
    if (ctx.aria.hidden(*e) == aria::Tristate::Yes) continue;
    switch (item.kind) {
      case media::MediaKind::Video: {
        auto tracks = item.caption_tracks();
        if (!tracks.empty()) {
          const media::Track* t = tracks.front();
          for (const media::Track* c : tracks) {
            if (c->kind == "captions") t = c;
          }
          std::string lang = t->srclang.empty() ? "?" : t->srclang;
          out.passed(e, t->kind == "captions" ? kHasCaptions : kHasSubtitles, {t->src, lang});
          break;
        }
        bool empty_track = false;
        for (const media::Track& t : item.tracks) {
          empty_track = empty_track || ((t.kind == "captions" || t.kind == "subtitles") && t.src.empty());
        }
        if (empty_track && ctx.aria.hidden(*e) == aria::Tristate::Unknown) {
          out.cant_tell(e, kMaybeHidden);
        } else if (empty_track) {
          out.failed(e, kTrackNoSrc);
        } else {
          out.cant_tell(e, kNoTrack);
        }
        break;
      }
      case media::MediaKind::Player:
      case media::MediaKind::Object: {
        if (!item.player) {
          if (!item.audio_only) out.cant_tell(e, kLinkedFile, {item.sources.front()});
          break;
        }
        if (item.cc_load_policy == "1") {
          out.cant_tell(e, kPlayerCaptionsOn, {item.player->name, item.cc_lang_pref.value_or("?")});
        } else {
          out.cant_tell(e, kPlayer, {item.player->name});
        }
        break;
      }
      case media::MediaKind::Link: {
        if (!item.audio_only) out.cant_tell(e, kLinkedFile, {item.sources.front()});
        break;
      }
      case media::MediaKind::Audio:
        break;
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
