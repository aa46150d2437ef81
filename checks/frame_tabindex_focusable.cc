// frame-tabindex-focusable: an <iframe> with a negative tabindex has nothing inside that
// sits in the tab order (ACT akn7bn, WCAG 2.1.1). tabindex="-1" on a frame takes every
// link and field inside it out of keyboard reach. Applies to rendered <iframe> elements
// with a negative tabindex whose content has something to tab to. The content is known
// only for srcdoc, which is parsed here; a src document is not loaded (cantTell), and so
// is a frame so small or inert that its content may not be reachable anyway.
#include <charconv>
#include <string>

#include "aria/semantics.h"
#include "engine/registry.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kNothingToTab{"nothing-to-tab", {"Ramens innehåll har inget som man kan tabba till.",
                                              "The frame's content has nothing to tab to."}};
const Message kExcluded{"excluded",
                        {"Ramen har tabindex=\"{0}\", så tangentbordet når inte <{1}> i den.",
                         "The frame has tabindex=\"{0}\", so the keyboard cannot reach <{1}> inside it."}};
const Message kUnknownContent{"unknown-content",
                              {"Ramen har tabindex=\"{0}\" och visar {1}, som granska inte läser in. "
                               "Kontrollera om den innehåller länkar, knappar eller fält.",
                               "The frame has tabindex=\"{0}\" and shows {1}, which granska does not load. Check "
                               "whether it contains links, buttons or fields."}};
const Message kMaybeInvisible{"maybe-invisible",
                              {"Ramen har tabindex=\"{0}\" och innehåller <{1}>, men den kan vara för liten eller "
                               "dold för att visa något. Kontrollera om innehållet syns.",
                               "The frame has tabindex=\"{0}\" and contains <{1}>, but it may be too small or "
                               "hidden to show anything. Check whether the content is visible."}};

const RuleInfo kInfo{
    .id = "frame-tabindex-focusable",
    .title = {"Ramar med kontroller går att nå med tangentbordet",
              "Frames with controls can be reached with the keyboard"},
    .description = {"Kontrollerar att en <iframe> med länkar, knappar eller fält inte har ett negativt "
                    "tabindex. tabindex=\"-1\" på ramen gör att inget i den går att nå med tabbtangenten.",
                    "Checks that an <iframe> with links, buttons or fields does not have a negative tabindex. "
                    "tabindex=\"-1\" on the frame makes nothing inside it reachable with the Tab key."},
    .help = {"Ta bort tabindex=\"-1\" från <iframe>-elementet, så att länkarna och fälten i ramen går att nå "
             "med tabbtangenten.",
             "Remove tabindex=\"-1\" from the <iframe> element, so the links and fields in the frame can be "
             "reached with the Tab key."},
    .criteria = {sc("2.1.1")},
    .act_rules = {"akn7bn"},
    .axe_rules = {"frame-focusable-content"},
    .impact = Impact::Serious,
    .messages = {&kNothingToTab, &kExcluded, &kUnknownContent, &kMaybeInvisible},
};

std::optional<long> html_integer(std::string_view s) {
  s = text::trim(s);
  bool negative = !s.empty() && s.front() == '-';
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  long value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  return negative ? -value : value;
}

// A width or height attribute so small the frame shows (almost) nothing.
bool tiny(const html::Node& frame) {
  for (std::string_view dim : {"width", "height"}) {
    if (auto v = frame.attr(dim)) {
      if (auto n = html_integer(*v); n && *n <= 10) return true;
    }
  }
  return false;
}

// The first element in the tab order of a srcdoc document, or nullptr.
const html::Node* first_tabbable(const html::Document& doc) {
  aria::Semantics sem(doc);
  for (const html::Node* e : doc.elements()) {
    if (!sem.focusable(*e)) continue;
    if (auto t = e->attr("tabindex")) {
      if (auto n = html_integer(*t); n && *n < 0) continue;
    }
    return e;
  }
  return nullptr;
}

void evaluate(Context& ctx, Reporter& out) {
  for (const html::Node* e : ctx.doc.elements()) {
    if (!e->is("iframe")) continue;
    auto tabindex = e->attr("tabindex");
    if (!tabindex) continue;
    auto n = html_integer(*tabindex);
    if (!n || *n >= 0) continue;
    aria::Tristate hidden = ctx.aria.hidden(*e);
    if (hidden == aria::Tristate::Yes || ctx.aria.inert(*e)) continue;
    std::string t(text::trim(*tabindex));
    if (auto srcdoc = e->attr("srcdoc")) {
      auto inner = html::Document::parse(std::string(*srcdoc));
      const html::Node* target = first_tabbable(*inner);
      if (!target) {
        out.passed(e, kNothingToTab);
      } else if (hidden == aria::Tristate::Unknown || tiny(*e)) {
        out.cant_tell(e, kMaybeInvisible, {t, std::string(target->tag())});
      } else {
        out.failed(e, kExcluded, {t, std::string(target->tag())});
      }
      continue;
    }
    if (auto src = e->attr("src"); src && !text::trim(*src).empty()) {
      out.cant_tell(e, kUnknownContent, {t, std::string(text::trim(*src))});
    }
  }
}

const RuleRegistration kRegistration(kInfo, evaluate);

}  // namespace
}  // namespace granska::checks
