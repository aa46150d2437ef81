// aria-required-children: an element whose role requires owned elements owns only those
// and at least one (ACT bc4a75), e.g. a list owns list items and a tablist owns tabs.
// Applies to every element in the accessibility tree whose role (given or native) has
// required owned elements, unless aria-busy="true" says it is still being filled.
// Owned elements are found through plain <div>/<span> and role="none" wrappers and by
// aria-owns (see aria/ownership.h). "group>menuitem" in the role tables means a group
// that itself owns menu items (groups may nest). A caption belongs to its table.
// A native list or table that owns nothing, or any empty one on a page with scripts, may
// be filled later: that is cantTell rather than failed.
#include <string>

#include "aria/aria_data.h"
#include "aria/ownership.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kOwnsRequired{"owns-required",
                            {"Rollen {0} innehåller bara element den får innehålla.",
                             "The role {0} contains only elements it may contain."}};
const Message kWrongChild{"wrong-child",
                          {"Rollen {0} får bara innehålla {1}, men innehåller {2}.",
                           "The role {0} may only contain {1}, but contains {2}."}};
const Message kEmpty{"empty", {"Rollen {0} måste innehålla minst ett element med rollen {1}, men är tom.",
                               "The role {0} must contain at least one element with the role {1}, but is "
                               "empty."}};
const Message kMaybeFilled{"maybe-filled-later",
                           {"Rollen {0} innehåller inget {1} i sidans HTML. Kontrollera om ett skript fyller i "
                            "innehållet.",
                            "The role {0} contains no {1} in the page's HTML. Check whether a script fills it "
                            "in."}};
const Message kMaybeHidden{"maybe-hidden",
                           {"Rollen {0} innehåller {2}, som inte hör hemma där, men elementet kan vara dolt med "
                            "CSS som granska inte kunde utvärdera. Kontrollera om det syns.",
                            "The role {0} contains {2}, which does not belong there, but the element may be "
                            "hidden by CSS that granska could not evaluate. Check whether it is visible."}};

const RuleInfo kInfo{
    .id = "aria-required-children",
    .title = {"Roller innehåller rätt delar", "Roles contain their required parts"},
    .description = {"Kontrollerar att element med roller som består av delar, som listor, menyer, flikrader och "
                    "tabeller, bara innehåller rätt sorts delar: en lista listpunkter, en flikrad flikar. Annars "
                    "kan skärmläsare inte berätta hur många delar det finns eller läsa upp dem rätt.",
                    "Checks that elements with roles made of parts, such as lists, menus, tab lists and tables, "
                    "contain only the right kind of parts: a list list items, a tab list tabs. Otherwise screen "
                    "readers cannot tell how many parts there are or announce them correctly."},
    .help = {"Ge varje del den roll som står i meddelandet, till exempel role=\"listitem\" i role=\"list\", och "
             "flytta annat innehåll utanför. Element som bara finns för utseendets skull kan få "
             "role=\"none\". Enklast är ofta att använda <ul> med <li>.",
             "Give each part the role named in the message, for example role=\"listitem\" in role=\"list\", and "
             "move other content outside. Elements that are only there for the layout can get role=\"none\". "
             "Often it is simplest to use <ul> with <li>."},
    .criteria = {sc("1.3.1")},
    .act_rules = {"bc4a75"},
    .axe_rules = {"aria-required-children"},
    .impact = Impact::Serious,
    .messages = {&kOwnsRequired, &kWrongChild, &kEmpty, &kMaybeFilled, &kMaybeHidden},
};

// Splits "group>menuitem" into ("group", "menuitem"); a plain "listitem" has no group.
std::pair<std::string_view, std::string_view> split(std::string_view entry) {
  std::size_t gt = entry.find('>');
  if (gt == std::string_view::npos) return {{}, entry};
  return {entry.substr(0, gt), entry.substr(gt + 1)};
}

bool is_one_of(std::string_view role, std::initializer_list<std::string_view> roles) {
  for (std::string_view r : roles) {
    if (role == r) return true;
  }
  return false;
}

class Checker {
 public:
  explicit Checker(aria::Ownership& tree) : tree_(tree) {}

  // The first owned element of `owner` that does not belong there (nullptr: all fit);
  // `count` is set to the number of owned elements that fit.
  const html::Node* first_misfit(const html::Node& owner, const aria::RoleInfo& info, int& count, int depth = 0) {
    count = 0;
    for (const html::Node* child : tree_.owned(owner)) {
      if (fits(*child, info, depth)) {
        ++count;
      } else {
        return child;
      }
    }
    return nullptr;
  }

 private:
  bool direct_fit(std::string_view role, const aria::RoleInfo& info) {
    for (std::string_view entry : info.required_owned) {
      auto [group, item] = split(entry);
      if (group.empty() && aria::role_is_a(role, item)) return true;
    }
    // A role that names this one as its required context belongs here (caption in table).
    if (const aria::RoleInfo* r = aria::find_role(role)) {
      if (r->required_context.contains(info.name) && is_one_of(role, {"caption"})) return true;
    }
    return false;
  }

  // A group is allowed when the required list has "group>X" and the group owns only X
  // (or nested groups of X) and at least one of them.
  bool group_fits(const html::Node& group, std::string_view group_role, const aria::RoleInfo& info, int depth) {
    if (depth > 16) return false;
    int items = 0;
    for (const html::Node* child : tree_.owned(group)) {
      std::string_view r = tree_.role(*child);
      bool ok = false;
      for (std::string_view entry : info.required_owned) {
        auto [g, item] = split(entry);
        if (g.empty()) continue;
        if (aria::role_is_a(r, item)) ok = true;
        if (r == g && r == group_role && group_fits(*child, r, info, depth + 1)) ok = true;
      }
      if (!ok) return false;
      ++items;
    }
    return items > 0;
  }

  bool fits(const html::Node& child, const aria::RoleInfo& info, int depth) {
    std::string_view role = tree_.role(child);
    if (role.empty()) return false;
    if (direct_fit(role, info)) return true;
    for (std::string_view entry : info.required_owned) {
      auto [group, item] = split(entry);
      if (!group.empty() && role == group && group_fits(child, role, info, depth)) return true;
    }
    return false;
  }

  aria::Ownership& tree_;
};

std::string describe(aria::Ownership& tree, const html::Node& e) {
  std::string_view role = tree.role(e);
  if (role.empty()) return "<" + std::string(e.tag()) + ">";
  return "role=\"" + std::string(role) + "\" (<" + std::string(e.tag()) + ">)";
}

std::string wanted(const aria::RoleInfo& info) {
  std::string out;
  for (std::string_view entry : info.required_owned) {
    if (entry.find('>') != std::string_view::npos) continue;
    if (!out.empty()) out += ", ";
    out += entry;
  }
  return out;
}

bool page_has_script(const html::Document& doc) {
  for (const html::Node* e : doc.elements()) {
    if (e->is("script")) return true;
  }
  return false;
}

void evaluate(Context& ctx, Reporter& out) {
  aria::Ownership tree(ctx.aria);
  Checker checker(tree);
  const bool scripted = page_has_script(ctx.doc);
  for (const html::Node* e : ctx.doc.elements()) {
    std::string_view role = ctx.aria.role(*e);
    const aria::RoleInfo* info = role.empty() ? nullptr : aria::find_role(role);
    if (!info || info->required_owned.empty()) continue;
    aria::Tristate hidden = ctx.aria.hidden_from_at(*e);
    if (hidden == aria::Tristate::Yes) continue;
    if (auto busy = e->attr("aria-busy"); busy && text::iequals(text::trim(*busy), "true")) continue;
    int fitting = 0;
    const html::Node* misfit = checker.first_misfit(*e, *info, fitting);
    std::string r(role);
    if (misfit) {
      if (hidden == aria::Tristate::Unknown || ctx.aria.hidden_from_at(*misfit) == aria::Tristate::Unknown) {
        out.cant_tell(e, kMaybeHidden, {r, wanted(*info), describe(tree, *misfit)});
      } else {
        out.failed(e, kWrongChild, {r, wanted(*info), describe(tree, *misfit)});
      }
    } else if (fitting > 0) {
      out.passed(e, kOwnsRequired, {r});
    } else if (scripted || !ctx.aria.has_explicit_role(*e) || hidden == aria::Tristate::Unknown ||
               !tree.missing_owned_ids(*e).empty()) {
      out.cant_tell(e, kMaybeFilled, {r, wanted(*info)});
    } else {
      out.failed(e, kEmpty, {r, wanted(*info)});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
