// video-description: videos have audio description (syntolkning) or a described version —
// WCAG 1.2.3 (A) and 1.2.5 (AA). Applies to visible <video> elements, iframes of known
// players and links to video files. Passes with a <track kind="descriptions"> that has a
// src, or a link or text near the video naming a described version ("syntolkad",
// "syntolkning", "audio description"), with that text as evidence. A transcript near the
// video ("textversion", "transkribering", "transcript") satisfies 1.2.3 but not 1.2.5:
// cantTell. Nothing found is cantTell too: the video may have no visual information that
// its sound does not already give (ACT 1ea59c and c5a4ea need the media played, so the
// rule is not mapped to them). A descriptions track without a src fails.
#include "checks/common/page_media.h"
#include "checks/common/track_messages.h"
#include "engine/registry.h"
#include "media/media.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kTrack{"description-track", {"Videon har ett syntolkningsspår ({0}).",
                                           "The video has an audio description track ({0})."}};
const Message kDescribedVersion{"described-version",
                                {"Det finns en syntolkad version vid videon: \"{0}\".",
                                 "There is an audio-described version next to the video: \"{0}\"."}};
const Message kTranscriptOnly{
    "transcript-only",
    {"Det finns en textversion vid videon (\"{0}\"), vilket räcker för 1.2.3. För 1.2.5 behövs syntolkning om "
     "bilden visar något viktigt som inte sägs. Kontrollera.",
     "There is a transcript next to the video (\"{0}\"), which is enough for 1.2.3. 1.2.5 needs audio description "
     "if the picture shows something important that is not said. Check."}};
const Message kNone{"no-description",
                    {"Ingen syntolkning eller textversion hittades vid videon. Visar bilden något viktigt som inte "
                     "sägs behövs syntolkning.",
                     "No audio description or transcript was found next to the video. If the picture shows "
                     "something important that is not said, it needs audio description."}};
const Message kTrackNoSrc{"track-no-src",
                          {"Videon har ett syntolkningsspår utan src, så syntolkningen laddas aldrig.",
                           "The video has an audio description track without a src, so the description never loads."}};

const Message kMaybeHidden{"maybe-hidden",
                           {"Videon har ett textspår utan src, men videon kan vara dold med CSS som granska inte "
                            "kunde utvärdera. Kontrollera om den syns.",
                            "The video has a text track without a src, but the video may be hidden by CSS that "
                            "granska could not evaluate. Check whether it is visible."}};
const RuleInfo kInfo{
    .id = "video-description",
    .title = {"Videor har syntolkning", "Videos have audio description"},
    .description = {"Kontrollerar att videor har syntolkning, en syntolkad version eller en textversion, så att "
                    "den som inte ser bilden får veta vad som visas.",
                    "Checks that videos have audio description, an audio-described version or a transcript, so "
                    "that people who cannot see the picture learn what it shows."},
    .help = {"Lägg en länk till en syntolkad version direkt under videon (till exempel \"Se den syntolkade "
             "versionen\"), eller berätta i videons ljud det som bara syns i bilden.",
             "Put a link to an audio-described version right below the video (for example \"Watch the "
             "audio-described version\"), or say in the video's sound what is only shown in the picture."},
    .criteria = {sc("1.2.3"), sc("1.2.5")},
    .impact = Impact::Serious,
    .messages = {&kTrack, &kDescribedVersion, &kTranscriptOnly, &kNone, &kTrackNoSrc, &kMaybeHidden, &kTrackHttpError,
                 &kTrackNotLoaded, &kTrackWrongType, &kTrackNotWebVtt, &kTrackNoCues,
                 &kTrackOutOfOrder},
};

void evaluate(Context& ctx, Reporter& out) {
  for (const media::MediaItem& item : page_media(ctx)) {
    if (item.audio_only || ctx.aria.hidden(*item.element) == aria::Tristate::Yes) continue;
    const html::Node* e = item.element;
    if (const media::Track* t = item.descriptions_track()) {
      out.passed(e, kTrack, {t->src});
      continue;
    }
    if (auto ev = media::find_nearby(item, media::Alternative::AudioDescription)) {
      out.passed(e, kDescribedVersion, {ev->text});
      continue;
    }
    bool empty_track = false;
    for (const media::Track& t : item.tracks) empty_track = empty_track || (t.kind == "descriptions" && t.src.empty());
    if (empty_track && ctx.aria.hidden(*e) == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden);
    } else if (empty_track) {
      out.failed(e, kTrackNoSrc);
    } else if (auto tr = media::find_nearby(item, media::Alternative::Transcript)) {
      out.cant_tell(e, kTranscriptOnly, {tr->text});
    } else {
      out.cant_tell(e, kNone);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
