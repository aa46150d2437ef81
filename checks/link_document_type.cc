// link-document-type: a link to a document file (PDF, Word, Excel, PowerPoint,
// OpenDocument, RTF) says which format it is.
//
// Applies to named links in the accessibility tree (nameless ones are link-name's
// finding) whose URL path ends in such an extension (query and fragment ignored) or
// whose type attribute names such a MIME type. Passes when
// the accessible name, description or title names the format or a file size (see
// checks/common/wording.h: "PDF", "pdf-fil", "Word-dokument", "2 MB"), or when the text right
// after the link, before the next element, does — "Årsredovisning 2023 (pdf, 2 MB)" with
// the parenthesis outside the link is a common and readable pattern.
//
// Kind: BestPractice. No level A or AA criterion requires naming the format: a link to
// "Årsredovisning 2023" does say where it leads (2.4.4, listed as the closest criterion).
// Opening a PDF unannounced in a screen reader or on a phone is a surprise worth a
// warning, not a failure. The document itself is for document rules, not this one.
#include "checks/common/links.h"
#include "engine/registry.h"
#include "checks/common/wording.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kSaysFormat{"says-format", {"Länken till {0}-filen säger vilket format den har.",
                                          "The link to the {0} file says which format it is."}};
const Message kNoFormat{"no-format", {"Länken \"{0}\" leder till en {1}-fil men säger inte det.",
                                      "The link \"{0}\" leads to a {1} file but does not say so."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Länken \"{0}\" leder till en {1}-fil utan att säga det, men den kan vara dold med CSS "
                            "som granska inte kunde utvärdera. Kontrollera om den syns.",
                            "The link \"{0}\" leads to a {1} file without saying so, but it may be hidden by CSS "
                            "that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "link-document-type",
    .title = {"Länkar till dokument säger filformatet", "Links to documents say the file format"},
    .description = {"Letar efter länkar till PDF-, Word-, Excel- och PowerPoint-filer där länktexten inte säger "
                    "att det är en fil och i vilket format. Besökaren vet då inte att ett dokument öppnas eller "
                    "laddas ner i stället för en webbsida.",
                    "Looks for links to PDF, Word, Excel and PowerPoint files where the link text does not say "
                    "that it is a file and in which format. Visitors then do not know that a document opens or "
                    "downloads instead of a web page."},
    .help = {"Skriv formatet i länktexten, gärna med storleken, till exempel \"Årsredovisning 2023 (pdf, 2 MB)\".",
             "Write the format in the link text, preferably with the size, for example \"Annual report 2023 "
             "(pdf, 2 MB)\"."},
    .criteria = {sc("2.4.4")},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kSaysFormat, &kNoFormat, &kMaybeHidden},
};

// The text after the link up to the next element, where "(pdf, 2 MB)" usually stands.
std::string text_after(const html::Node& link) {
  const html::Node* parent = link.parent();
  if (!parent) return "";
  std::string out;
  bool after = false;
  for (const html::Node* c : parent->children()) {
    if (c == &link) {
      after = true;
    } else if (after) {
      if (!c->is_text()) break;
      out += c->data();
    }
  }
  return out;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : page_links(ctx)) {
    if (e->ns() != html::Namespace::Html) continue;
    auto href = e->attr("href");
    if (!href) continue;
    std::optional<std::string_view> format = wording::document_format_of_url(*href);
    if (!format) {
      if (auto type = e->attr("type")) format = wording::document_format_of_mime(*type);
    }
    if (!format) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    std::string name = ctx.aria.name(*e).text;
    if (name.empty()) continue;  // a link without a name is link-name's finding
    std::string said = name + " " + ctx.aria.description(*e).text + " " + std::string(e->attr("title").value_or(""));
    if (wording::mentions_document_format(said) || wording::mentions_document_format(text_after(*e))) {
      out.passed(e, kSaysFormat, {std::string(*format)});
    } else if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {name, std::string(*format)});
    } else {
      out.failed(e, kNoFormat, {name, std::string(*format)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
