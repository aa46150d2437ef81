// audio-transcript: sound clips have a transcript (textversion) — WCAG 1.2.1, ACT 2eb176.
// Applies to <audio> elements that play by themselves (autoplay, rendered or not) or that a
// visitor can see and start (controls), as ACT 2eb176 says; audio in <object>/<embed>; and
// links to audio files. Passes when a link or text near the clip names a transcript
// ("textversion", "transkribering", "transcript", ...), with that text as evidence. Fails only when the page has nothing else at all — no
// text outside the player and no link, button or frame — so no transcript can be there.
// Anything else is cantTell: a transcript may sit on the page under another heading.
#include <vector>

#include "checks/common/page_media.h"
#include "engine/registry.h"
#include "media/media.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kTranscript{"transcript-found", {"Det finns en textversion vid ljudklippet: \"{0}\".",
                                               "There is a transcript next to the audio clip: \"{0}\"."}};
const Message kNotFound{"no-transcript-found",
                        {"Ingen textversion hittades vid ljudklippet. Kontrollera att allt som sägs finns som "
                         "text på sidan eller bakom en länk.",
                         "No transcript was found next to the audio clip. Check that everything said is available "
                         "as text on the page or behind a link."}};
const Message kNothingElse{"no-transcript",
                           {"Sidan har ingen text och inga länkar utöver ljudklippet, så det finns ingen textversion.",
                            "The page has no text and no links besides the audio clip, so there is no transcript."}};

const RuleInfo kInfo{
    .id = "audio-transcript",
    .title = {"Ljudklipp har en textversion", "Audio clips have a transcript"},
    .description = {"Kontrollerar att ljudklipp, till exempel poddar och inspelade tal, har en textversion så att "
                    "den som inte hör kan ta del av innehållet.",
                    "Checks that audio clips, for example podcasts and recorded speeches, have a transcript so "
                    "that people who cannot hear can take part."},
    .help = {"Lägg textversionen direkt under ljudklippet, eller en länk till den med texten \"Textversion\".",
             "Put the transcript right below the audio clip, or a link to it with the text \"Transcript\"."},
    .criteria = {sc("1.2.1")},
    .act_rules = {"2eb176"},
    .axe_rules = {"audio-caption"},
    .impact = Impact::Serious,
    .messages = {&kTranscript, &kNotFound, &kNothingElse},
};

// Text outside media elements and scripts, and whether there is any link, button or frame.
// In tree order with an explicit stack: no recursion over the DOM (issue #16).
void scan(const html::Node& n, std::string& text, bool& interactive) {
  std::vector<const html::Node*> stack(n.children().rbegin(), n.children().rend());
  while (!stack.empty()) {
    const html::Node* c = stack.back();
    stack.pop_back();
    if (c->is_text()) {
      text += c->data();
    } else if (c->is_element()) {
      if (c->is("audio") || c->is("video") || c->is("script") || c->is("style") || c->is("template")) continue;
      if ((c->is("a") && c->has_attr("href")) || c->is("button") || c->is("iframe") || c->is("object") ||
          c->is("embed")) {
        interactive = true;
      }
      stack.insert(stack.end(), c->children().rbegin(), c->children().rend());
    }
  }
}

bool page_has_nothing_else(const html::Document& doc) {
  if (!doc.body()) return true;
  std::string text;
  bool interactive = false;
  scan(*doc.body(), text, interactive);
  return !interactive && text::trim(text).empty();
}

void evaluate(Context& ctx, Reporter& out) {
  for (const media::MediaItem& item : page_media(ctx)) {
    if (!item.audio_only) continue;
    if (item.kind == media::MediaKind::Audio && !item.controls && !item.autoplay) continue;
    // Autoplaying sound is heard whether or not the player is rendered (an <audio> without
    // controls never is), so only a clip the visitor must start needs to be visible.
    const bool plays_by_itself = item.kind == media::MediaKind::Audio && item.autoplay;
    const aria::Tristate hidden = ctx.aria.hidden(*item.element);
    if (!plays_by_itself && hidden == aria::Tristate::Yes) continue;
    if (auto ev = media::find_nearby(item, media::Alternative::Transcript)) {
      out.passed(item.element, kTranscript, {ev->text});
    } else if (item.kind == media::MediaKind::Audio && (plays_by_itself || hidden == aria::Tristate::No) &&
               page_has_nothing_else(ctx.doc)) {
      out.failed(item.element, kNothingElse);
    } else {
      out.cant_tell(item.element, kNotFound);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
