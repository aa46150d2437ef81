// video-caption-language: on a Swedish page, a video's captions start in Swedish — a
// best practice (a warning), not a WCAG failure. Applies to visible <video> elements with
// caption or subtitle tracks on a page whose <html lang> is Swedish. Passes when the
// track marked default has a Swedish srclang. Warns when no track is default (the visitor
// must turn captions on), when the default track has no srclang, or when it is in another
// language.
#include "checks/common/page_media.h"
#include "engine/registry.h"
#include "media/media.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kSwedishDefault{"swedish-default", {"Förvalda undertexter är på svenska ({0}).",
                                                  "The default captions are in Swedish ({0})."}};
const Message kNoDefault{"no-default",
                         {"Inget av videons textspår är förvalt (default), så undertexterna syns inte förrän "
                          "besökaren slår på dem.",
                          "None of the video's text tracks is the default, so captions do not show until the visitor "
                          "turns them on."}};
const Message kNoSrclang{"missing-srclang",
                         {"Det förvalda textspåret ({0}) saknar srclang, så språket är okänt för webbläsaren.",
                          "The default text track ({0}) has no srclang, so the browser does not know its language."}};
const Message kNotSwedish{"default-not-swedish",
                          {"Det förvalda textspåret är på \"{0}\" men sidan är på svenska.",
                           "The default text track is in \"{0}\" but the page is in Swedish."}};

const RuleInfo kInfo{
    .id = "video-caption-language",
    .title = {"Svenska undertexter är förvalda", "Swedish captions are the default"},
    .description = {"Kontrollerar att en video på en svensk sida har svenska undertexter som är förvalda, så att "
                    "de syns direkt.",
                    "Checks that a video on a Swedish page has Swedish captions that are the default, so that "
                    "they show at once."},
    .help = {"Ge det svenska textspåret srclang=\"sv\" och attributet default, till exempel <track "
             "kind=\"captions\" src=\"film.sv.vtt\" srclang=\"sv\" label=\"Svenska\" default>.",
             "Give the Swedish text track srclang=\"sv\" and the default attribute, for example <track "
             "kind=\"captions\" src=\"film.sv.vtt\" srclang=\"sv\" label=\"Svenska\" default>."},
    .criteria = {sc("1.2.2")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kSwedishDefault, &kNoDefault, &kNoSrclang, &kNotSwedish},
};

void evaluate(Context& ctx, Reporter& out) {
  if (!media::is_swedish(media::page_language(ctx.doc))) return;
  for (const media::MediaItem& item : page_media(ctx)) {
    if (item.kind != media::MediaKind::Video || ctx.aria.hidden(*item.element) == aria::Tristate::Yes) continue;
    auto tracks = item.caption_tracks();
    if (tracks.empty()) continue;
    const media::Track* def = nullptr;
    for (const media::Track* t : tracks) {
      if (t->is_default && !def) def = t;
    }
    if (!def) {
      out.failed(item.element, kNoDefault);
    } else if (def->srclang.empty()) {
      out.failed(item.element, kNoSrclang, {def->src});
    } else if (!media::is_swedish(def->srclang)) {
      out.failed(item.element, kNotSwedish, {def->srclang});
    } else {
      out.passed(item.element, kSwedishDefault, {def->srclang});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
