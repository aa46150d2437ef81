#include "reports/site/site_report.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "reports/common/glossary.h"
#include "reports/common/terminal_escape.h"
#include "site/messages.h"

namespace granska::reports::site_report {

namespace {

using ordered = nlohmann::ordered_json;

// As report.json writes strings: '<', '>', '&', U+2028 and U+2029 as \u escapes, so the
// text is inert when embedded in HTML or read by naive tools. In the dump they can only
// be inside strings, so replacing them keeps the JSON valid.
std::string dump(const ordered& j) {
  const std::string raw = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < raw.size() && raw[i + 1] == '\x80' && (raw[i + 2] == '\xA8' || raw[i + 2] == '\xA9')) {
      out += raw[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string note_text(const results::StatementItem& it, Lang lang) {
  return it.note.empty() ? std::string() : site::message_text(it.note, it.note_args, lang);
}

}  // namespace

std::string outcome_words(results::SiteCheck check, engine::Outcome outcome, Lang lang) {
  if (results::best_practice(check) && outcome == engine::Outcome::Failed) {
    return lang == Lang::En ? "Warning (best practice)" : "Varning (god praxis)";
  }
  return std::string(glossary::outcome(outcome).in(lang));
}

void write_site_json(std::ostream& out, const results::SiteSummary& s,
                     const std::vector<const results::SiteFinding*>& findings, Lang lang,
                     const std::function<std::string(const std::string&)>& unit_name) {
  const results::StatementResult& st = s.statement;
  ordered items = ordered::array();
  for (const results::StatementItem& it : st.items) {
    items.push_back({{"id", it.id},
                     {"title", std::string(site::statement_item_title(it.id).in(lang))},
                     {"outcome", std::string(engine::to_string(it.outcome))},
                     {"evidence", it.evidence},
                     {"note_id", it.note},
                     {"note", note_text(it, lang)}});
  }
  ordered checks = ordered::array();
  for (const results::SiteCheckSummary& c : s.checks) {
    checks.push_back({{"check", std::string(results::to_string(c.check))},
                      {"title", std::string(site::check_title(c.check).in(lang))},
                      {"criterion", std::string(results::criterion_of(c.check))},
                      {"best_practice", results::best_practice(c.check)},
                      {"outcome", std::string(engine::to_string(c.outcome))},
                      {"findings", c.findings},
                      {"tested", c.tested}});
  }
  ordered j = {{"id", s.id},
               {"name", s.name},
               {"hosts", s.hosts},
               {"owner", s.owner},
               {"owner_name", unit_name ? unit_name(s.owner) : std::string()},
               {"start_url", s.start_url},
               {"units", s.units},
               {"pages", s.pages},
               {"html_pages", s.html_pages},
               {"statement",
                {{"url", st.url},
                 {"link_text", st.link_text},
                 {"pages", st.pages},
                 {"pages_linking", st.pages_linking},
                 {"linked_from_start", st.linked_from_start},
                 {"format", st.format},
                 {"source", st.source},
                 {"read_error", lang == Lang::En ? st.read_error_en : st.read_error_sv},
                 {"last_updated", st.last_updated},
                 {"items", items}}},
               {"checks", checks},
               {"findings", ordered::array()}};
  // The findings stream one by one into the array the dump ends with ("[]}"): a site with a
  // broken link on every page has hundreds of thousands, and a tree of them all would take
  // gigabytes.
  const std::string head = dump(j);
  out.write(head.data(), static_cast<std::streamsize>(head.size() - 2));
  bool first = true;
  for (const results::SiteFinding* f : findings) {
    const ordered one = {{"check", std::string(results::to_string(f->check))},
                         {"outcome", std::string(engine::to_string(f->outcome))},
                         {"page_url", f->page_url},
                         {"unit", f->unit},
                         {"message_id", f->message_id},
                         {"args", f->args},
                         {"message", site::message_text(f->message_id, f->args, lang)}};
    if (!first) out << ',';
    out << dump(one);
    first = false;
  }
  out << "]}";
}

void write_text(std::ostream& o, const std::vector<results::SiteSummary>& sites,
                const std::vector<results::SiteFinding>& findings, Lang lang,
                const std::function<std::string(const std::string&)>& unit_name) {
  const bool en = lang == Lang::En;
  auto esc = [](std::string_view s) { return escape_for_terminal(s); };
  if (sites.empty()) {
    o << (en ? "No site had checked pages with site facts.\n" : "Ingen webbplats hade granskade sidor med webbplatsuppgifter.\n");
    return;
  }
  for (const results::SiteSummary& s : sites) {
    const std::string owner = unit_name ? unit_name(s.owner) : s.owner;
    o << (en ? "Site " : "Webbplatsen ") << esc(s.name) << " (" << s.html_pages << (en ? " checked pages" : " granskade sidor");
    if (!owner.empty()) o << (en ? ", responsible: " : ", ansvarig: ") << esc(owner);
    o << ")\n";
    const results::StatementResult& st = s.statement;
    o << "  " << site::check_title(results::SiteCheck::Statement).in(lang) << ": ";
    if (st.url.empty()) {
      o << (en ? "no link to one found" : "ingen länk hittades") << "\n";
    } else {
      o << esc(st.url) << "\n    " << (en ? "linked from " : "länkad från ") << st.pages_linking << (en ? " of " : " av ")
        << st.pages << (en ? " pages" : " sidor")
        << (st.linked_from_start ? (en ? ", the start page included" : ", startsidan också")
                                 : (en ? ", not from the start page" : ", inte från startsidan"))
        << "\n";
      for (const results::StatementItem& it : st.items) {
        o << "    - " << site::statement_item_title(it.id).in(lang) << ": " << site::statement_item_outcome(it.outcome).in(lang);
        if (!it.evidence.empty()) o << " – ”" << esc(it.evidence) << "”";
        if (!it.note.empty()) o << " (" << esc(note_text(it, lang)) << ")";
        o << "\n";
      }
    }
    for (const results::SiteCheckSummary& c : s.checks) {
      if (c.check == results::SiteCheck::Statement) continue;
      o << "  " << site::check_title(c.check).in(lang) << ": " << outcome_words(c.check, c.outcome, lang);
      if (c.findings) o << " (" << c.findings << (en ? " findings" : " fynd") << ")";
      o << "\n";
    }
    for (const results::SiteFinding& f : findings) {
      if (f.site != s.id) continue;
      o << "    " << outcome_words(f.check, f.outcome, lang) << ": ";
      if (!f.page_url.empty()) o << esc(f.page_url) << ": ";
      o << esc(site::message_text(f.message_id, f.args, lang)) << "\n";
    }
  }
}

}  // namespace granska::reports::site_report
