// object-name: <object> elements that show an image, audio or video have an accessible
// name (ACT 8fc3b6, WCAG 1.1.1). Applies to <object> elements in the accessibility tree
// without an explicit role whose resource is an image, audio or video. granska does not
// fetch the resource: the type attribute (or a data: URL) tells the MIME type, else the
// file extension of the data URL. When neither tells, an object without a name is a
// cantTell (someone has to look at what it shows). Passes when the accessible name
// (aria-labelledby, aria-label, title) is not empty; fallback content inside the object
// is not a name, since browsers show it only when the resource cannot be shown.
//
// Twin rule object-alt (axe-core "object-alt"; WCAG 1.1.1): every <object>, whatever it
// embeds (a PDF, an HTML page, a map, Flash), has a text alternative: an accessible name or
// fallback text inside it. Applies to <object> elements in the accessibility tree that are
// not marked decorative (role none/presentation). Fallback content counts here, as it does
// for axe-core and for visitors whose browser cannot show the resource; object-name keeps
// ACT's stricter reading for images, audio and video. Requirement: an embedded document or
// application without any text says nothing about itself to someone who cannot see it.
#include <array>

#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Objektet har namnet \"{0}\" (från {1}).",
                                    "The object has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name",
                      {"Objektet visar en bild, ett ljud eller en video men saknar textalternativ.",
                       "The object shows an image, audio or video but has no text alternative."}};
const Message kUnknownType{"unknown-type",
                           {"Objektet saknar textalternativ, och granska kan inte avgöra om det visar en "
                            "bild, ett ljud eller en video. Kontrollera vad det visar.",
                            "The object has no text alternative, and granska cannot tell whether it shows "
                            "an image, audio or video. Check what it shows."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Objektet saknar textalternativ, men kan vara dolt med CSS som granska inte "
                            "kunde utvärdera. Kontrollera om det syns.",
                            "The object has no text alternative, but may be hidden by CSS that granska "
                            "could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "object-name",
    .title = {"Inbäddade bilder, ljud och video har textalternativ",
              "Embedded images, audio and video have a text alternative"},
    .description = {"Kontrollerar att varje <object> som visar en bild, ett ljud eller en video har ett "
                    "textalternativ, så att den som inte ser eller hör innehållet vet vad det är.",
                    "Checks that every <object> that shows an image, audio or video has a text "
                    "alternative, so people who cannot see or hear the content know what it is."},
    .help = {"Ge <object> ett aria-label eller title som säger vad det visar, till exempel "
             "aria-label=\"Kommunfullmäktiges sammanträde 12 mars\". Använd hellre <img>, <audio> eller "
             "<video> om det går.",
             "Give the <object> an aria-label or title that says what it shows, for example "
             "aria-label=\"City council meeting on 12 March\". Prefer <img>, <audio> or <video> where "
             "you can."},
    .criteria = {sc("1.1.1")},
    .act_rules = {"8fc3b6"},
    .axe_rules = {"object-alt"},
    .impact = Impact::Serious,
    .messages = {&kHasName, &kNoName, &kUnknownType, &kMaybeHidden},
};

enum class Kind { Media, Other, Unknown };

Kind kind_of_mime(std::string_view mime) {
  mime = text::trim(mime);
  for (std::string_view p : {"image/", "audio/", "video/"}) {
    if (mime.size() > p.size() && text::iequals(mime.substr(0, p.size()), p)) return Kind::Media;
  }
  return mime.empty() ? Kind::Unknown : Kind::Other;
}

Kind kind_of_url(std::string_view url) {
  url = text::trim(url);
  if (url.size() > 5 && text::iequals(url.substr(0, 5), "data:")) {
    return kind_of_mime(url.substr(5, url.find_first_of(";,") - 5));
  }
  url = url.substr(0, url.find_first_of("?#"));
  std::string_view file = url.substr(url.find_last_of('/') + 1);
  std::size_t dot = file.find_last_of('.');
  if (dot == std::string_view::npos) return Kind::Unknown;
  std::string ext = text::ascii_lower(file.substr(dot + 1));
  static constexpr std::array<std::string_view, 27> kMedia{
      "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "tif", "tiff",  // images
      "mp3", "wav", "ogg", "oga", "m4a", "aac", "flac", "opus", "weba",                 // audio
      "mp4", "webm", "ogv", "mov", "m4v", "avi", "mkv"};                                // video
  static constexpr std::array<std::string_view, 9> kOther{"html", "htm", "xhtml", "pdf", "swf",
                                                          "xml", "txt", "php", "aspx"};
  for (std::string_view m : kMedia) {
    if (ext == m) return Kind::Media;
  }
  for (std::string_view o : kOther) {
    if (ext == o) return Kind::Other;
  }
  return Kind::Unknown;
}

Kind resource_kind(const html::Node& e) {
  if (auto type = e.attr("type")) {
    Kind k = kind_of_mime(*type);
    if (k != Kind::Unknown) return k;
  }
  if (auto data = e.attr("data")) return kind_of_url(*data);
  return Kind::Unknown;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("object") || ctx.aria.has_explicit_role(*e)) continue;
    Kind kind = resource_kind(*e);
    if (kind == Kind::Other) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    aria::AccessibleName name = ctx.aria.name(*e);
    if (!name.text.empty()) {
      // An object of unknown type may not be media at all: passing it would claim too much.
      if (kind == Kind::Media) out.passed(e, kHasName, {name.text, std::string(aria::to_string(name.source))});
    } else if (kind == Kind::Unknown) {
      out.cant_tell(e, kUnknownType);
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden);
    } else {
      out.failed(e, kNoName);
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

// ---- object-alt ----

const Message kAltName{"has-name", {"Objektet har namnet \"{0}\" (från {1}).", "The object has the name \"{0}\" (from "
                                                                               "{1})."}};
const Message kAltFallback{"has-fallback", {"Objektet har reservtexten \"{0}\".", "The object has the fallback "
                                                                                  "text \"{0}\"."}};
const Message kAltNone{"no-alternative",
                       {"Objektet ({0}) har varken namn eller reservtext, så den som inte ser det vet inte vad det "
                        "innehåller.",
                        "The object ({0}) has neither a name nor fallback text, so people who cannot see it do not "
                        "know what it contains."}};
const Message kAltMaybeHidden{"maybe-hidden",
                              {"Objektet saknar textalternativ, men kan vara dolt med CSS som granska inte kunde "
                               "utvärdera. Kontrollera om det syns.",
                               "The object has no text alternative, but may be hidden by CSS that granska could "
                               "not evaluate. Check whether it is visible."}};

const RuleInfo kAltInfo{
    .id = "object-alt",
    .title = {"Inbäddade objekt har textalternativ", "Embedded objects have a text alternative"},
    .description = {"Kontrollerar att varje <object>, till exempel en inbäddad PDF, karta eller webbsida, har ett "
                    "namn eller en reservtext som säger vad det innehåller.",
                    "Checks that every <object>, such as an embedded PDF, map or web page, has a name or fallback "
                    "text that says what it contains."},
    .help = {"Ge <object> ett title eller aria-label, och skriv gärna en länk till innehållet som reservtext "
             "inuti, till exempel <object data=\"taxa.pdf\" title=\"Taxa 2025\"><a href=\"taxa.pdf\">Taxa 2025 "
             "(PDF)</a></object>.",
             "Give the <object> a title or aria-label, and preferably write a link to the content as fallback "
             "text inside, for example <object data=\"rates.pdf\" title=\"Rates 2025\"><a href=\"rates.pdf\">"
             "Rates 2025 (PDF)</a></object>."},
    .criteria = {sc("1.1.1")},
    .axe_rules = {"object-alt"},
    .impact = Impact::Serious,
    .messages = {&kAltName, &kAltFallback, &kAltNone, &kAltMaybeHidden},
};

void evaluate_alt(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("object")) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes || ctx.aria.role(*e) == "none") continue;
    aria::AccessibleName name = ctx.aria.name(*e);
    if (!name.text.empty()) {
      out.passed(e, kAltName, {name.text, std::string(aria::to_string(name.source))});
      continue;
    }
    std::string fallback = text::collapse_whitespace(e->text_content());
    for (const html::Node* d : e->descendant_elements()) {
      if (!fallback.empty()) break;
      if (d->is("img") || d->is("a") || d->is("embed")) {
        std::string n = ctx.aria.name(*d).text;
        if (!n.empty()) fallback = n;
      }
    }
    if (!fallback.empty()) {
      out.passed(e, kAltFallback, {text::truncate_utf8(fallback, 60)});
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kAltMaybeHidden);
    } else {
      auto data = e->attr("data");
      out.failed(e, kAltNone, {data ? text::truncate_utf8(text::trim(*data), 60) : std::string("<object>")});
    }
  }
}

const RuleRegistration kAltRegistration(kAltInfo, evaluate_alt);

}  // namespace
}  // namespace granska::checks
