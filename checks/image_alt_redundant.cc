// image-alt-redundant: an image in a link does not repeat the link's text in its alt.
//
// Applies to <img> elements with a non-empty alt inside a link in the accessibility tree,
// when the link gets its name from its content and either has text besides the image, or
// holds only the image and the link right before or after it (in document order) goes to
// the same address — the usual "picture plus heading" news card. Fails when the alt says
// the same as that text (after normalising case, punctuation and whitespace): a screen
// reader then reads the same words twice, or the same link twice.
//
// Kind: BestPractice. Repeating a text is noise, not a barrier: nothing is missing, every
// criterion (1.1.1, 2.4.4) is still met. The fix (alt="") is simple, hence the warning.
// Criterion 1.1.1 is listed because the alt is what is being judged.
#include <optional>
#include <string>

#include "checks/common/links.h"
#include "engine/registry.h"
#include "checks/common/wording.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kDifferent{"different-text", {"Bildens alt-text \"{0}\" upprepar inte länkens text.",
                                            "The image's alt text \"{0}\" does not repeat the link's text."}};
const Message kRepeatsText{"repeats-link-text",
                           {"Bildens alt-text \"{0}\" är samma som länkens text, så skärmläsare läser upp den två "
                            "gånger.",
                            "The image's alt text \"{0}\" is the same as the link's text, so screen readers read "
                            "it twice."}};
const Message kRepeatsLink{"repeats-adjacent-link",
                           {"Bildens alt-text \"{0}\" är samma som texten i länken bredvid, som går till samma "
                            "sida. Skärmläsare hör samma länk två gånger.",
                            "The image's alt text \"{0}\" is the same as the text of the link next to it, which goes "
                            "to the same page. Screen reader users hear the same link twice."}};

const RuleInfo kInfo{
    .id = "image-alt-redundant",
    .title = {"Bilder i länkar upprepar inte länktexten", "Images in links do not repeat the link text"},
    .description = {"Letar efter bilder i länkar vars alt-text är samma som länkens text eller som texten i "
                    "länken bredvid till samma sida. Skärmläsare läser då upp samma sak två gånger.",
                    "Looks for images in links whose alt text is the same as the link's text, or as the text of "
                    "the link next to it that goes to the same page. Screen readers then read the same thing "
                    "twice."},
    .help = {"Ge bilden ett tomt alt-attribut (alt=\"\") när texten bredvid redan säger samma sak. Ännu bättre "
             "för puffar: lägg bild och rubrik i en och samma länk.",
             "Give the image an empty alt attribute (alt=\"\") when the text next to it already says the same. "
             "For teasers, better still: put the image and the heading in one single link."},
    .criteria = {sc("1.1.1")},
    .axe_rules = {"image-redundant-alt"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kDifferent, &kRepeatsText, &kRepeatsLink},
};

// `e` is one of page_links().
bool is_visible_link(Context& ctx, const html::Node& e) {
  return e.ns() == html::Namespace::Html && ctx.aria.hidden_from_at(e) != aria::Tristate::Yes;
}

// Removes the first occurrence of `part` as whole words from `whole` (both normalised).
std::string without(const std::string& whole, const std::string& part) {
  std::string padded = " " + whole + " ";
  std::size_t at = padded.find(" " + part + " ");
  if (at == std::string::npos) return whole;
  padded.erase(at, part.size() + 1);
  return text::collapse_whitespace(padded);
}

void evaluate(Context& ctx, Reporter& out) {
  std::vector<const html::Node*> links;
  for (const html::Node* e : page_links(ctx)) {
    if (is_visible_link(ctx, *e)) links.push_back(e);
  }
  for (std::size_t i = 0; i < links.size(); ++i) {
    const html::Node* link = links[i];
    const aria::AccessibleName& name = ctx.aria.name(*link);
    if (name.source != aria::NameSource::Contents) continue;  // aria-label: the alt is not read
    // The link's name normalised, once the link is found to hold an image with alt.
    std::optional<std::string> link_name;
    for (const html::Node* img : link->descendant_elements()) {
      if (!img->is("img") || ctx.aria.hidden_from_at(*img) == aria::Tristate::Yes) continue;
      auto alt_attr = img->attr("alt");
      if (!alt_attr) continue;
      std::string alt = wording::normalise_phrase(*alt_attr);
      if (alt.empty()) continue;
      if (!link_name) link_name = wording::normalise_phrase(name.text);
      std::vector<std::string> args{std::string(text::trim(*alt_attr))};
      std::string rest = without(*link_name, alt);
      if (!rest.empty()) {
        if (rest == alt) {
          out.failed(img, kRepeatsText, args);
        } else {
          out.passed(img, kDifferent, args);
        }
        continue;
      }
      // The link holds only the image: compare with its neighbouring links to the same address.
      auto href = link->attr("href");
      if (!href || text::trim(*href).empty()) continue;
      bool compared = false, repeated = false;
      for (std::size_t j : {i - 1, i + 1}) {
        if (j >= links.size()) continue;  // i - 1 wraps around for i == 0
        auto other_href = links[j]->attr("href");
        if (!other_href || text::trim(*other_href) != text::trim(*href)) continue;
        compared = true;
        repeated = repeated || wording::normalise_phrase(ctx.aria.name(*links[j]).text) == alt;
      }
      if (repeated) {
        out.failed(img, kRepeatsLink, args);
      } else if (compared) {
        out.passed(img, kDifferent, args);
      }
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
