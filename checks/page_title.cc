// page-title: the page has a <title> with text (WCAG 2.4.2, ACT 2779a5).
// The first <title> in tree order is the one browsers use, wherever it sits, so an empty
// first title fails even when a later one has text. Titles inside <template> content and
// SVG titles are not the page's title.
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasTitle{"has-title", {"Sidan har titeln \"{0}\".", "The page has the title \"{0}\"."}};
const Message kNoTitle{"no-title", {"Sidan saknar titel (<title>).", "The page has no title (<title>)."}};
const Message kEmptyTitle{"empty-title", {"Sidans titel är tom.", "The page title is empty."}};

const RuleInfo kInfo{
    .id = "page-title",
    .title = {"Sidan har en titel", "Page has a title"},
    .description = {"Kontrollerar att sidan har ett <title>-element med text, så att besökare ser vad sidan "
                    "handlar om i flikar, bokmärken och sökträffar.",
                    "Checks that the page has a <title> element with text, so visitors can tell what the page "
                    "is about in tabs, bookmarks and search results."},
    .help = {"Ge sidan en titel som beskriver dess innehåll, till exempel \"Bygglov – Malmö stad\". "
             "I de flesta publiceringsverktyg fylls den i som sidans rubrik eller titel.",
             "Give the page a title that describes its content, for example \"Building permits – City of "
             "Malmö\". Most publishing tools fill it in from the page's heading or title field."},
    .criteria = {sc("2.4.2")},
    .act_rules = {"2779a5"},
    .axe_rules = {"document-title"},
    .impact = Impact::Serious,
    .messages = {&kHasTitle, &kNoTitle, &kEmptyTitle},
};

bool in_template_content(const html::Node& n) {
  for (const html::Node* p = n.parent(); p; p = p->parent()) {
    if (p->is("template")) return true;
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  const html::Node* root = ctx.doc.html();
  if (!root) return;
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("title") || in_template_content(*e)) continue;
    std::string title = text::collapse_whitespace(e->text_content());
    if (title.empty()) {
      out.failed(e, kEmptyTitle);
    } else {
      out.passed(e, kHasTitle, {std::move(title)});
    }
    return;
  }
  out.failed(root, kNoTitle);
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
