// iframe-name: every inline frame has an accessible name (ACT cae760, WCAG 4.1.2).
// Applies to <iframe> elements in the accessibility tree, except those taken out of the
// tab order with a negative tabindex and those marked as decorative with
// role="none"/"presentation". Passes when the accessible name (title, aria-label,
// aria-labelledby) is not empty; the name attribute is not a name.
//
// Twin rule iframe-name-unique (ACT 4b1c6c, axe-core "frame-title-unique", WCAG 4.1.2):
// frames with the same name embed the same or equivalent content. Applies to <iframe>
// elements in the accessibility tree whose non-empty name (compared without regard to case
// and extra spaces) another such frame shares. Per group: the same address (resolved, no
// fragment) passes; two videos of one player (YouTube, Vimeo: same site, different video)
// fail, since they are certainly different content under one name — the common "YouTube
// video player" title; anything else is cantTell, since granska does not load the frames
// to compare their content (a copy of a page under another address is equivalent).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aria/aria_data.h"
#include "checks/common/links.h"
#include "checks/common/name_rule.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kHasName{"has-name", {"Ramen har namnet \"{0}\" (från {1}).",
                                    "The frame has the name \"{0}\" (from {1})."}};
const Message kNoName{"no-name",
                      {"Ramen (iframe) saknar title. En skärmläsare kan inte säga vad den innehåller.",
                       "The frame (iframe) has no title. A screen reader cannot tell what it contains."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Ramen saknar title, men kan vara dold med CSS som granska inte kunde "
                            "utvärdera. Kontrollera om den syns.",
                            "The frame has no title, but may be hidden by CSS that granska could not "
                            "evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "iframe-name",
    .title = {"Inbäddade ramar har en titel", "Inline frames have a title"},
    .description = {"Kontrollerar att varje inbäddad ram (iframe), till exempel en karta, en video eller ett "
                    "formulär från en annan tjänst, har en titel som säger vad den innehåller.",
                    "Checks that every inline frame (iframe), for example a map, a video or a form from "
                    "another service, has a title that says what it contains."},
    .help = {"Ge iframe-elementet ett title-attribut som säger vad ramen innehåller, till exempel "
             "title=\"Karta över återvinningscentraler i Malmö\".",
             "Give the iframe element a title attribute that says what the frame contains, for example "
             "title=\"Map of recycling centres in Malmö\"."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"cae760"},
    .axe_rules = {"frame-title"},
    .impact = Impact::Serious,
    .messages = {&kHasName, &kNoName, &kMaybeHidden},
};

bool negative_tabindex(const html::Node& e) {
  auto t = e.attr("tabindex");
  if (!t) return false;
  std::string_view v = text::trim(*t);
  return v.size() >= 2 && v[0] == '-' && v[1] >= '0' && v[1] <= '9';
}

// Marked as decorative: the first role token granska knows is none or presentation
// (whatever presentational conflict resolution later makes of it).
bool marked_decorative(const html::Node& e) {
  auto roles = e.attr("role");
  if (!roles) return false;
  std::string_view rest = *roles;
  while (!rest.empty()) {
    std::size_t start = rest.find_first_not_of(" \t\n\f\r");
    if (start == std::string_view::npos) break;
    rest.remove_prefix(start);
    std::size_t end = rest.find_first_of(" \t\n\f\r");
    std::string_view token = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    const aria::RoleInfo* info = aria::find_role_token(token);
    if (info && !info->abstract) return info->name == "none" || info->name == "presentation";
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("iframe") || negative_tabindex(*e) || marked_decorative(*e)) continue;
    report_accessible_name(ctx, out, *e, {kHasName, kNoName, kMaybeHidden});
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

// ---- iframe-name-unique ----

const Message kSameContent{"same-content", {"Ramarna med namnet \"{0}\" visar samma adress.",
                                            "The frames named \"{0}\" show the same address."}};
const Message kDifferentVideos{"different-videos",
                               {"Flera ramar heter \"{0}\" men visar olika videor från {1}. Ge varje ram ett "
                                "title som säger vilken video den visar.",
                                "Several frames are named \"{0}\" but show different videos from {1}. Give each "
                                "frame a title that says which video it shows."}};
const Message kCheckContent{"check-content",
                            {"{1} ramar heter \"{0}\" men visar olika adresser. Kontrollera att de visar samma "
                             "innehåll; annars ge dem olika title.",
                             "{1} frames are named \"{0}\" but show different addresses. Check that they show the "
                             "same content; otherwise give them different titles."}};

const RuleInfo kUniqueInfo{
    .id = "iframe-name-unique",
    .title = {"Ramar med samma namn visar samma sak", "Frames with the same name show the same thing"},
    .description = {"Kontrollerar att inbäddade ramar (iframe) med samma titel visar samma innehåll. Två videor "
                    "som båda heter \"YouTube video player\" går inte att skilja åt för den som använder "
                    "skärmläsare.",
                    "Checks that inline frames (iframe) with the same title show the same content. Two videos "
                    "both named \"YouTube video player\" cannot be told apart by screen reader users."},
    .help = {"Ge varje iframe ett title som säger vad just den visar, till exempel title=\"Video: Så sorterar "
             "du matavfall\".",
             "Give each iframe a title that says what it shows, for example title=\"Video: How to sort food "
             "waste\"."},
    .criteria = {sc("4.1.2")},
    .act_rules = {"4b1c6c"},
    .axe_rules = {"frame-title-unique"},
    .impact = Impact::Serious,
    .messages = {&kSameContent, &kDifferentVideos, &kCheckContent},
};

// Video players whose path names one video: two paths on one of these sites are two videos.
bool is_video_player(std::string_view site) {
  for (std::string_view s : {"youtube.com", "youtube-nocookie.com", "player.vimeo.com", "vimeo.com",
                             "player.twitch.tv", "dailymotion.com"}) {
    if (site == s) return true;
  }
  return false;
}

std::string path_of(std::string_view address) {
  std::size_t scheme = address.find("://");
  std::size_t start = address.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (start == std::string_view::npos) return "/";
  std::string_view rest = address.substr(start);
  return std::string(rest.substr(0, rest.find('?')));
}

void evaluate_unique(Context& ctx, Reporter& out) {
  const std::string base = base_url(ctx);
  struct Frame {
    const html::Node* element;
    std::optional<Destination> target;
  };
  std::map<std::string, std::vector<Frame>> groups;
  std::vector<std::string> order;
  std::map<std::string, std::string> shown;
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("iframe") || ctx.aria.hidden_from_at(*e) == aria::Tristate::Yes) continue;
    std::string name = ctx.aria.name(*e).text;
    std::string key = text::ascii_lower(text::collapse_whitespace(name));
    if (key.empty()) continue;
    std::optional<Destination> target;
    if (auto src = e->attr("src")) target = destination(base, *src);
    auto& g = groups[key];
    if (g.empty()) {
      order.push_back(key);
      shown[key] = text::truncate_utf8(name, 60);
    }
    g.push_back({e, std::move(target)});
  }
  for (const std::string& key : order) {
    const auto& g = groups[key];
    if (g.size() < 2) continue;
    bool all_same = true;
    for (const Frame& f : g) {
      all_same = all_same && f.target && g.front().target && f.target->address == g.front().target->address;
    }
    if (all_same) {
      out.passed(g.front().element, kSameContent, {shown[key]});
      continue;
    }
    const Frame* different_video = nullptr;
    for (const Frame& f : g) {
      if (&f == &g.front() || !f.target || !g.front().target) continue;
      const Destination& a = *g.front().target;
      const Destination& b = *f.target;
      if (a.site == b.site && is_video_player(a.site) && path_of(a.address) != path_of(b.address)) {
        different_video = &f;
        break;
      }
    }
    if (different_video) {
      out.failed(different_video->element, kDifferentVideos, {shown[key], g.front().target->site});
    } else {
      out.cant_tell(g[1].element, kCheckContent, {shown[key], std::to_string(g.size())});
    }
  }
}

const RuleRegistration kUniqueRegistration(kUniqueInfo, evaluate_unique);

}  // namespace
}  // namespace granska::checks
