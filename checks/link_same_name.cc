// link-same-name-same-target: links with the same name lead to the same place, or to
// equivalent content (WCAG 2.4.9 Link Purpose (Link Only), AAA; ACT b20e66; axe-core
// "identical-links-same-purpose").
//
// Applies to links in the accessibility tree (HTML and SVG <a>/<area> with href, role=link)
// whose accessible name, compared without regard to case and extra spaces, is shared with
// another link on the page. One outcome per group of links with the same name:
//   - every link leads to the same address (resolved against the page and its <base>,
//     without the fragment): passed;
//   - two of them lead to different sites (hosts, with "www." ignored): failed. One name
//     for two sites almost never means equivalent content, and a visitor who follows one
//     cannot know the other goes elsewhere;
//   - otherwise (different pages on one site, links without an address granska can read):
//     cantTell. Whether two pages of one site are "equivalent" (a copy, a redirect, the same
//     contact page in two sections) takes a person to judge; granska does not fetch them.
//
// Kind: Requirement for 2.4.9, a AAA criterion: it fails that criterion, which the
// wcag21-aa and dos-review profiles do not include, so there it is in effect a warning.
// At level A, 2.4.4 allows the surrounding context to tell links apart, which this rule
// does not judge.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/common/links.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kSameTarget{"same-target", {"Alla {1} länkar med texten \"{0}\" leder till samma adress.",
                                          "All {1} links with the text \"{0}\" lead to the same address."}};
const Message kDifferentSites{"different-sites",
                              {"Länkar med samma text \"{0}\" leder till olika webbplatser ({1} och {2}). Ge "
                               "länkarna texter som säger vart de leder.",
                               "Links with the same text \"{0}\" lead to different websites ({1} and {2}). Give "
                               "the links texts that say where they lead."}};
const Message kCheckTargets{"check-targets",
                            {"{1} länkar med texten \"{0}\" leder till olika adresser. Kontrollera att de leder till "
                             "samma innehåll; annars ge dem texter som säger vart de leder.",
                             "{1} links with the text \"{0}\" lead to different addresses. Check that they lead to "
                             "the same content; otherwise give them texts that say where they lead."}};

const RuleInfo kInfo{
    .id = "link-same-name-same-target",
    .title = {"Länkar med samma text leder till samma sak", "Links with the same text lead to the same thing"},
    .description = {"Kontrollerar att länkar med samma text på en sida leder till samma sida eller till "
                    "likvärdigt innehåll. Flera \"Läs mer\" till olika sidor går inte att skilja åt när man "
                    "listar sidans länkar (WCAG 2.4.9, nivå AAA).",
                    "Checks that links with the same text on a page lead to the same page or to equivalent "
                    "content. Several \"Read more\" to different pages cannot be told apart when the page's "
                    "links are listed (WCAG 2.4.9, level AAA)."},
    .help = {"Skriv länktexter som säger vart varje länk leder, till exempel \"Läs mer om bygglov\" och "
             "\"Läs mer om marklov\".",
             "Write link texts that say where each link leads, for example \"Read more about building "
             "permits\" and \"Read more about land permits\"."},
    .criteria = {sc("2.4.9")},
    .act_rules = {"b20e66"},
    .axe_rules = {"identical-links-same-purpose"},
    .impact = Impact::Minor,
    .messages = {&kSameTarget, &kDifferentSites, &kCheckTargets},
};

struct LinkInfo {
  const html::Node* element;
  std::optional<Destination> target;  // resolved only for links that share their name
};

std::optional<std::string_view> href_of(const html::Node& e) {
  if (auto h = e.attr("href")) return h;
  if (e.ns() == html::Namespace::Svg) return e.attr("xlink:href");
  return std::nullopt;
}

void evaluate(Context& ctx, Reporter& out) {
  // Links grouped by name, ignoring case (accessible names are whitespace-normalised),
  // groups in the order of their first link.
  struct Group {
    std::vector<LinkInfo> links;  // the first one's name is shown
  };
  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> index;
  for (const html::Node* e : page_links(ctx)) {
    if (ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    const std::string& name = ctx.aria.name(*e).text;
    if (name.empty()) continue;
    auto [it, inserted] = index.try_emplace(text::ascii_lower(name), groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].links.push_back({e, std::nullopt});
  }
  // Only links that share a name are compared, so only theirs are resolved.
  std::optional<std::string> base;
  for (Group& group : groups) {
    std::vector<LinkInfo>& g = group.links;
    if (g.size() < 2) continue;
    const std::string name = text::truncate_utf8(ctx.aria.name(*g.front().element).text, 60);
    if (!base) base = base_url(ctx);
    for (LinkInfo& l : g) {
      if (auto href = href_of(*l.element)) l.target = destination(*base, *href);
    }
    bool all_same = true;
    for (const LinkInfo& l : g) {
      all_same = all_same && l.target && g.front().target && l.target->address == g.front().target->address;
    }
    if (all_same) {
      out.passed(g.front().element, kSameTarget, {name, std::to_string(g.size())});
      continue;
    }
    // Two different sites among the links that have one.
    const LinkInfo* first_site = nullptr;
    const LinkInfo* other_site = nullptr;
    for (const LinkInfo& l : g) {
      if (!l.target || l.target->site.empty()) continue;
      if (!first_site) {
        first_site = &l;
      } else if (l.target->site != first_site->target->site) {
        other_site = &l;
        break;
      }
    }
    if (other_site) {
      out.failed(other_site->element, kDifferentSites, {name, first_site->target->site, other_site->target->site});
    } else {
      out.cant_tell(g[1].element, kCheckTargets, {name, std::to_string(g.size())});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
