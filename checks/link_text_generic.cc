// link-text-generic: a link's accessible name is not only a generic phrase like "Läs mer",
// "Klicka här" or "Read more" (WCAG 2.4.4; the phrase table is checks/common/wording.h).
//
// Applies to links in the accessibility tree whose accessible name is generic or only
// punctuation ("»", ".", "...": it says nothing at all; emoji and arrows are read out as
// words and are left alone), and to links
// whose visible text is generic but whose name was made specific with aria-label,
// aria-labelledby or visually hidden text (those pass: what a screen reader says counts).
//
// Kind: Requirement, because 2.4.4 is level A and a generic name with nothing around it
// fails it (failure technique F84). But 2.4.4 is "in context": the surrounding sentence,
// paragraph, list item, table cell with its headers, or the heading before the link
// (technique H80) may tell the purpose. granska cannot judge whether that context is
// enough, so a generic link with any such context is cantTell, never failed. Failed is
// kept for a generic link with no programmatic context at all: no other text in its
// paragraph/list item/block, not in a table cell, no description, and no heading anywhere
// before it on the page. That is rare on real pages, which is the price of never failing
// a link whose context makes it clear.
#include <string>
#include <vector>

#include "checks/common/links.h"
#include "engine/registry.h"
#include "checks/common/css_classes.h"
#include "checks/common/wording.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kSpecific{"specific-name", {"Länktexten \"{0}\" har fått det tydligare namnet \"{1}\" för skärmläsare.",
                                          "The link text \"{0}\" has the clearer name \"{1}\" for screen readers."}};
const Message kNoContext{"generic-no-context",
                         {"Länktexten \"{0}\" säger inte vart länken leder, och det finns ingen text runt länken "
                          "som förklarar det.",
                          "The link text \"{0}\" does not say where the link leads, and no text around the link "
                          "explains it."}};
const Message kCheckContext{"generic-check-context",
                            {"Länktexten \"{0}\" säger inte själv vart länken leder. Kontrollera att texten runt "
                             "länken (meningen, stycket, listpunkten eller rubriken före) gör det tydligt.",
                             "The link text \"{0}\" does not say by itself where the link leads. Check that the "
                             "text around the link (the sentence, paragraph, list item or the heading before it) "
                             "makes it clear."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Länktexten \"{0}\" säger inte vart länken leder, men länken kan vara dold med CSS som "
                            "granska inte kunde utvärdera. Kontrollera om den syns.",
                            "The link text \"{0}\" does not say where the link leads, but the link may be hidden by "
                            "CSS that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "link-text-generic",
    .title = {"Länktexter säger vart länken leder", "Link texts say where the link leads"},
    .description = {"Letar efter länkar som bara heter till exempel \"Läs mer\", \"Klicka här\" eller \"Mer "
                    "info\". Den som använder skärmläsare hoppar ofta mellan länkarna och hör dem utan texten "
                    "runt omkring, och då säger de ingenting.",
                    "Looks for links that are only called, for example, \"Read more\", \"Click here\" or \"More "
                    "info\". Screen reader users often jump from link to link and hear them without the text "
                    "around them, where they say nothing."},
    .help = {"Skriv vart länken leder i själva länktexten, till exempel \"Läs mer om bygglov\" i stället för "
             "\"Läs mer\". Går det inte att ändra den synliga texten: lägg till en dold text i länken eller "
             "aria-label med hela namnet.",
             "Say where the link leads in the link text itself, for example \"Read more about building "
             "permits\" instead of \"Read more\". If the visible text cannot change, add hidden text inside the "
             "link or an aria-label with the full name."},
    .criteria = {sc("2.4.4")},
    .impact = Impact::Serious,
    .kind = RuleKind::Requirement,
    .messages = {&kSpecific, &kNoContext, &kCheckContext, &kMaybeHidden},
};

bool skipped_tag(const html::Node& e) {
  return e.is("script") || e.is("style") || e.is("template") || e.is("noscript");
}

// The text a sighted reader sees in `e`: text nodes outside visually hidden helpers.
// Walked with an explicit stack, in tree order: no recursion over the DOM (issue #16).
void visible_text(aria::Semantics& aria, const html::Node& e, std::string& out) {
  std::vector<const html::Node*> stack(e.children().rbegin(), e.children().rend());
  while (!stack.empty()) {
    const html::Node* c = stack.back();
    stack.pop_back();
    if (c->is_text()) {
      out += c->data();
    } else if (c->is_element() && !skipped_tag(*c) && !has_visually_hidden_class(*c) &&
               aria.hidden(*c) != aria::Tristate::Yes) {
      stack.insert(stack.end(), c->children().rbegin(), c->children().rend());
    }
  }
}

// Text (and image alt) in `e` outside `skip`, for deciding whether the link has context.
void context_text(aria::Semantics& aria, const html::Node& e, const html::Node& skip, std::string& out) {
  std::vector<const html::Node*> stack(e.children().rbegin(), e.children().rend());
  while (!stack.empty()) {
    const html::Node* c = stack.back();
    stack.pop_back();
    if (c == &skip) continue;
    if (c->is_text()) {
      out += c->data();
      out += ' ';
    } else if (c->is_element() && !skipped_tag(*c) && aria.hidden(*c) != aria::Tristate::Yes) {
      if (c->is("img")) {
        if (auto alt = c->attr("alt")) out.append(*alt).append(" ");
      }
      stack.insert(stack.end(), c->children().rbegin(), c->children().rend());
    }
  }
}

// The nearest ancestor that holds a sentence, paragraph, list item, cell or block.
const html::Node* context_block(const html::Node& link) {
  for (const html::Node* p = link.parent_element(); p; p = p->parent_element()) {
    for (std::string_view t : {"p", "li", "td", "th", "dd", "dt", "div", "section", "article", "aside", "nav",
                               "header", "footer", "main", "figure", "figcaption", "blockquote", "caption",
                               "form", "fieldset", "details", "address", "body", "h1", "h2", "h3", "h4", "h5",
                               "h6", "label", "legend"}) {
      if (p->is(t)) return p;
    }
  }
  return nullptr;
}

bool heading_before(Context& ctx, const html::Node& link) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (e->element_index() >= link.element_index()) return false;
    if (e->contains(link)) continue;
    if (ctx.aria.role(*e) == "heading" && ctx.aria.hidden(*e) != aria::Tristate::Yes) return true;
  }
  return false;
}

bool has_programmatic_context(Context& ctx, const html::Node& link) {
  if (!ctx.aria.description(link).text.empty()) return true;
  const html::Node* block = context_block(link);
  if (!block) return false;
  if (block->is("td") || block->is("th")) return true;  // the cell's headers may say it
  // Everything in the block except the link itself.
  std::string around;
  context_text(ctx.aria, *block, link, around);
  if (!wording::normalise_phrase(around).empty()) return true;
  return heading_before(ctx, link);
}

// Non-empty and made only of punctuation and spaces: ASCII punctuation and the typographic
// marks sites use as link "text" (» « › ‹ – — … · •).
bool only_punctuation(std::string_view s) {
  if (text::trim(s).empty()) return false;
  static constexpr std::string_view kMarks[] = {"»", "«", "›", "‹", "–", "—", "…", "·", "•", "\xC2\xA0"};
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (alnum) return false;
      ++i;
      continue;
    }
    bool matched = false;
    for (std::string_view m : kMarks) {
      if (s.substr(i, m.size()) == m) {
        i += m.size();
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return true;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : page_links(ctx)) {
    if (e->ns() != html::Namespace::Html) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    const aria::AccessibleName& name = ctx.aria.name(*e);
    // A name of only punctuation says as little as "Läs mer".
    bool says_nothing = only_punctuation(name.text);
    if (!says_nothing && !wording::is_generic_link_text(name.text)) {
      std::string seen;
      visible_text(ctx.aria, *e, seen);
      seen = text::collapse_whitespace(seen);
      // Most links show their name: that text was found not generic just above.
      if (seen != name.text && wording::is_generic_link_text(seen) && !name.text.empty()) {
        out.passed(e, kSpecific, {seen, name.text});
      }
      continue;
    }
    if (hidden == aria::Tristate::Unknown) {
      out.cant_tell(e, kMaybeHidden, {name.text});
    } else if (has_programmatic_context(ctx, *e)) {
      out.cant_tell(e, kCheckContext, {name.text});
    } else {
      out.failed(e, kNoContext, {name.text});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
