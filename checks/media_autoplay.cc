// media-autoplay: sound that starts by itself can be stopped — WCAG 1.4.2, ACT 4c31df
// and 80f0bf. Applies to <video>/<audio> with autoplay and without muted, and to player
// iframes with autoplay=1 and no mute=1 in their address.
// - controls (and the element not hidden): passed, the browser's controls pause and mute.
// - a media fragment (#t=…) may limit playback to under 3 seconds: cantTell.
// - <audio> without controls: failed — it has sound and nothing stops it.
// - <video> without controls: failed when a caption track shows it has speech, otherwise
//   cantTell (a silent video is fine, and the page may have its own buttons).
// - players: cantTell, their controls cannot be seen in the page.
#include "checks/common/page_media.h"
#include "engine/registry.h"
#include "media/media.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kControls{"has-controls", {"Mediet startar av sig självt men har kontroller för paus och ljud.",
                                         "The media starts by itself but has controls for pause and volume."}};
const Message kAudioNoControls{
    "autoplay-no-controls",
    {"Ljudet startar av sig självt och det finns inga kontroller för att stänga av det.",
     "The sound starts by itself and there are no controls to turn it off."}};
const Message kVideoSpeech{
    "autoplay-speech-no-controls",
    {"Videon startar med ljud (den har undertexter för tal) och har inga kontroller för att stänga av ljudet.",
     "The video starts with sound (it has captions for speech) and has no controls to turn the sound off."}};
const Message kVideoMaybe{
    "autoplay-video-check",
    {"Videon startar av sig själv utan muted och utan kontroller. Har den ljud som spelar mer än 3 sekunder "
     "måste besökaren kunna stoppa det. Kontrollera.",
     "The video starts by itself, without muted and without controls. If it has sound playing for more than 3 "
     "seconds, visitors must be able to stop it. Check."}};
const Message kFragment{"autoplay-fragment",
                        {"Mediet startar av sig självt men spelar bara en del ({0}). Kontrollera att ljudet "
                         "varar högst 3 sekunder eller kan stoppas.",
                         "The media starts by itself but plays only a part ({0}). Check that the sound lasts at "
                         "most 3 seconds or can be stopped."}};
const Message kPlayer{"autoplay-player",
                      {"Inbäddad video från {0} startar av sig själv (autoplay=1) med ljud. Kontrollera att "
                       "ljudet kan stängas av.",
                       "Embedded video from {0} starts by itself (autoplay=1) with sound. Check that the sound "
                       "can be turned off."}};

const RuleInfo kInfo{
    .id = "media-autoplay",
    .title = {"Ljud startar inte av sig självt", "Sound does not start by itself"},
    .description = {"Kontrollerar att video och ljud som startar av sig självt går att pausa eller stänga av. "
                    "Ljud som börjar spela stör den som använder skärmläsare.",
                    "Checks that video and audio that start by themselves can be paused or muted. Sound that starts "
                    "playing disturbs people who use a screen reader."},
    .help = {"Ta bort autoplay, eller lägg till muted, eller ge elementet attributet controls så att besökaren "
             "kan stänga av ljudet.",
             "Remove autoplay, or add muted, or give the element the controls attribute so that visitors can turn "
             "the sound off."},
    .criteria = {sc("1.4.2")},
    .act_rules = {"4c31df", "80f0bf"},
    .axe_rules = {"no-autoplay-audio"},
    .impact = Impact::Critical,
    .messages = {&kControls, &kAudioNoControls, &kVideoSpeech, &kVideoMaybe, &kFragment, &kPlayer},
};

std::string fragment_of(const media::MediaItem& item) {
  for (const std::string& s : item.sources) {
    if (auto h = s.find("#t="); h != std::string::npos) return s.substr(h + 1);
  }
  return "";
}

void evaluate(Context& ctx, Reporter& out) {
  for (const media::MediaItem& item : page_media(ctx)) {
    if (!item.autoplay || item.muted) continue;
    const html::Node* e = item.element;
    if (item.kind == media::MediaKind::Player || item.kind == media::MediaKind::Object) {
      if (item.player) out.cant_tell(e, kPlayer, {item.player->name});
      continue;
    }
    if (!item.is_native()) continue;
    aria::Tristate hidden = ctx.aria.hidden(*e);
    if (item.controls && hidden == aria::Tristate::No) {
      out.passed(e, kControls);
    } else if (std::string frag = fragment_of(item); !frag.empty()) {
      out.cant_tell(e, kFragment, {frag});
    } else if (item.controls && hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kVideoMaybe);  // controls, but perhaps hidden by CSS
    } else if (item.kind == media::MediaKind::Audio) {
      out.failed(e, kAudioNoControls);
    } else if (!item.caption_tracks().empty()) {
      out.failed(e, kVideoSpeech);
    } else {
      out.cant_tell(e, kVideoMaybe);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
