// image-alt-suspicious: an image's text alternative is not a file name or a placeholder
// (WCAG 1.1.1; the word tables are in checks/common/wording.h).
//
// Applies to <img>, <input type="image"> and <area> elements in the accessibility tree
// that have a non-empty accessible name (images without one are image-alt's business). It
// judges the name a screen reader reads, so aria-label="Karta" beats alt="IMG_1234.jpg".
//
// Kind: Requirement. WCAG names this exact thing as failure technique F30 ("text
// alternatives that are not alternatives (e.g., filenames or placeholder text)"): a file
// name or "bild" is no alternative whether the image informs (nothing is conveyed) or
// decorates (it should be alt="" and silent). Only the certain cases fail: an image file
// extension, a camera file name (IMG_1234, DSC0001) or a placeholder word alone. Cases that
// may be intended are cantTell: "logo" alone (the logo may be named by the text next to
// it), one word with underscores and digits (probably, not certainly, a file name), and
// punctuation only ("*" often marks a required field, mirroring what is seen).
#include "engine/registry.h"
#include "checks/common/wording.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kFine{"plausible-alt", {"Bildens textalternativ \"{0}\" ser ut som en riktig beskrivning.",
                                      "The image's text alternative \"{0}\" looks like a real description."}};
const Message kFileName{"file-name", {"Bildens textalternativ \"{0}\" är ett filnamn, inte en beskrivning av bilden.",
                                      "The image's text alternative \"{0}\" is a file name, not a description of "
                                      "the image."}};
const Message kPlaceholder{"placeholder", {"Bildens textalternativ \"{0}\" säger bara att det är en bild, inte vad "
                                           "den visar.",
                                           "The image's text alternative \"{0}\" only says that it is an image, not "
                                           "what it shows."}};
const Message kMaybeFileName{"maybe-file-name",
                             {"Bildens textalternativ \"{0}\" ser ut som ett filnamn. Kontrollera att det beskriver "
                              "bilden.",
                              "The image's text alternative \"{0}\" looks like a file name. Check that it describes "
                              "the image."}};
const Message kBareLogo{"bare-logo", {"Bildens textalternativ är bara \"{0}\". Kontrollera att det framgår vems "
                                      "logotyp det är, till exempel \"Malmö stad\".",
                                      "The image's text alternative is only \"{0}\". Check that it is clear whose "
                                      "logo it is, for example \"City of Malmö\"."}};
const Message kSymbolsOnly{"symbols-only", {"Bildens textalternativ \"{0}\" består bara av tecken. Kontrollera att "
                                            "det betyder samma sak som bilden.",
                                            "The image's text alternative \"{0}\" is only symbols. Check that it "
                                            "means the same as the image."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Bildens textalternativ \"{0}\" beskriver inte bilden, men bilden kan vara dold med CSS "
                            "som granska inte kunde utvärdera. Kontrollera om den syns.",
                            "The image's text alternative \"{0}\" does not describe the image, but the image may "
                            "be hidden by CSS that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "image-alt-suspicious",
    .title = {"Alt-texter beskriver bilden", "Alt texts describe the image"},
    .description = {"Letar efter alt-texter som är ett filnamn (som \"IMG_1234.jpg\") eller bara ett ord som "
                    "\"bild\" eller \"ikon\". Sådana texter läses upp av skärmläsare men berättar inte vad "
                    "bilden visar.",
                    "Looks for alt texts that are a file name (like \"IMG_1234.jpg\") or only a word like "
                    "\"image\" or \"icon\". Screen readers read such texts out, but they do not tell what the "
                    "image shows."},
    .help = {"Skriv vad bilden visar eller vad den är till för, till exempel alt=\"Cyklister på Davidshallsbron\". "
             "Är bilden bara utsmyckning: skriv alt=\"\" så hoppar skärmläsaren över den.",
             "Write what the image shows or what it is for, for example alt=\"Cyclists on the Davidshall "
             "bridge\". If the image is only decoration, write alt=\"\" so screen readers skip it."},
    .criteria = {sc("1.1.1")},
    .impact = Impact::Serious,
    .kind = RuleKind::Requirement,
    .messages = {&kFine, &kFileName, &kPlaceholder, &kMaybeFileName, &kBareLogo, &kSymbolsOnly, &kMaybeHidden},
};

bool is_image(const html::Node& e) {
  if (e.is("img") || e.is("area")) return true;
  if (!e.is("input")) return false;
  auto type = e.attr("type");
  return type && text::iequals(text::trim(*type), "image");
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!is_image(*e)) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    std::string_view role = ctx.aria.role(*e);
    if (role == "none" || role == "presentation") continue;
    std::string name = ctx.aria.name(*e).text;
    if (name.empty()) continue;
    std::vector<std::string> args{name};
    const Message* failure = nullptr;
    wording::FileNameLikeness file = wording::file_name_likeness(name);
    if (file == wording::FileNameLikeness::Certain) {
      failure = &kFileName;
    } else if (wording::is_placeholder_alt(name)) {
      failure = &kPlaceholder;
    }
    if (failure) {
      if (hidden == aria::Tristate::Unknown) {
        out.cant_tell(e, kMaybeHidden, args);
      } else {
        out.failed(e, *failure, args);
      }
    } else if (file == wording::FileNameLikeness::Likely) {
      out.cant_tell(e, kMaybeFileName, args);
    } else if (wording::is_bare_logo_word(name)) {
      out.cant_tell(e, kBareLogo, args);
    } else if (wording::normalise_phrase(name).empty()) {
      out.cant_tell(e, kSymbolsOnly, args);
    } else {
      out.passed(e, kFine, args);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
