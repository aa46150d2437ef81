// The result page (reports/page/result_page.h). It must itself pass granska's own rules
// and axe-core (tests do both), work at 320 px and 200 % zoom, and with the keyboard only:
// plain document order, real headings, a captioned table, native <details> for the long
// lists, no script.
#include <algorithm>

#include "granska_version.h"
#include "reports/common/criterion_links.h"
#include "reports/common/criterion_why.h"
#include "reports/common/glossary.h"
#include "reports/common/html_page.h"
#include "reports/page/result_page.h"
#include "util/clock.h"

namespace granska::reports {

namespace {

using engine::Outcome;
namespace g = glossary;

std::string esc(std::string_view s) { return html_text(s); }

// Only what the result page needs beyond the shared stylesheet. The kinds of outcome are
// told in words and symbols, the tints only repeat them; every tint keeps the shared text
// colour above 7:1. Long selectors and snippets wrap, so nothing scrolls sideways at 320 px.
constexpr std::string_view kResultCss = R"css(
h1{overflow-wrap:break-word}
@media (max-width:30rem){h1{font-size:1.5rem}h2{font-size:1.25rem}}
.meta{margin:.25rem 0;overflow-wrap:anywhere}
.totals{list-style:none;padding:0;margin:.75rem 0;display:flex;flex-wrap:wrap;gap:.5rem}
.totals li{border:2px solid #1b1b1b;padding:.35rem .75rem;min-width:9rem}
.totals .n{display:block;font-size:1.6rem;font-weight:700;line-height:1.2}
.totals .failed{background:#fde8e8}
.totals .warning,.totals .review{background:#fff5d6}
.totals .ok{background:#e6f4ea}
.verdict{font-weight:600}
.table-wrap{max-width:100%;overflow-x:auto}
table.criteria td{text-align:right;font-variant-numeric:tabular-nums}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin:1rem 0}
.actions form{margin:0}
button,.button{font:inherit;font-weight:600;padding:.45rem 1rem;border:2px solid #0b3d91;background:#0b3d91;color:#fff;border-radius:.25rem;cursor:pointer}
button:focus,button:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
.permalink{overflow-wrap:anywhere}
.group{border-left:6px solid #6b6b6b;padding:.25rem 0 .25rem 1rem;margin:1.25rem 0}
.group.failed{border-left-color:#a61b1b}
.group.warning{border-left-color:#8a5a00}
.group.review{border-left-color:#8a5a00}
.group h4,.group h5{margin:.25rem 0}
.group p{margin:.35rem 0}
.rule{font-size:.9rem}
ol.places{padding-left:1.5rem;margin:.35rem 0}
ol.places li{margin:.35rem 0}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f2f2f2;padding:.35rem .5rem;border:1px solid #6b6b6b;margin:.2rem 0;font-size:.9rem}
details summary{cursor:pointer;color:#0b3d91;text-decoration:underline}
details summary:focus,details summary:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px;background:#fff3bf;color:#1b1b1b}
.changes ul{padding-left:1.25rem}
ul.refs{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:.35rem 0}
@media print{.actions,details summary{display:none}details>*{display:block}}
)css";

// How many places of one kind of problem are shown at once; the next ones are behind a
// disclosure, and at most kPlacesListed in all (the JSON has every one).
constexpr std::size_t kPlacesShown = 3;
constexpr std::size_t kPlacesListed = 100;

std::string h(int level, std::string_view attrs, const std::string& html) {
  const std::string n = std::to_string(std::clamp(level, 1, 6));
  return "<h" + n + (attrs.empty() ? "" : " " + std::string(attrs)) + ">" + html + "</h" + n + ">";
}

// "k-1-4-3": the id of a criterion's section.
std::string criterion_id(const engine::Criterion& c, std::string_view idp) {
  std::string id = std::string(idp) + "k-";
  for (char ch : c.number) id += ch == '.' ? '-' : ch;
  return id;
}

std::string group_class(const FindingGroup& grp) {
  if (grp.outcome == Outcome::CantTell) return "review";
  return grp.warning ? "warning" : "failed";
}

std::string group_label(const FindingGroup& grp, Lang lang) {
  if (grp.warning) return "! " + std::string(g::kWarning.in(lang));
  if (grp.outcome == Outcome::CantTell) return "? " + std::string(g::kNeedsReview.in(lang));
  return "✗ " + std::string(g::outcome(Outcome::Failed).in(lang));
}

void write_place(std::ostream& out, const results::FindingRow& f, Lang lang, bool document) {
  const bool sv = lang == Lang::Sv;
  out << "<li>";
  if (f.selector.empty() && f.page == 0) {
    out << (document ? (sv ? "Gäller hela dokumentet." : "Applies to the whole document.")
                     : (sv ? "Gäller hela sidan." : "Applies to the whole page."));
  } else {
    out << "<p>";
    if (f.line > 0) out << (sv ? "Rad " : "Line ") << f.line << (sv ? ", kolumn " : ", column ") << f.column << ": ";
    if (f.page > 0) out << (sv ? "Sida " : "Page ") << f.page << (f.selector.empty() ? "" : ": ");
    if (!f.selector.empty()) out << "<code>" << esc(f.selector) << "</code>";
    out << "</p>";
    if (!f.snippet.empty()) out << "<pre><code>" << esc(f.snippet) << "</code></pre>";
  }
  out << "</li>\n";
}

void write_places(std::ostream& out, const FindingGroup& grp, Lang lang) {
  const bool sv = lang == Lang::Sv;
  const std::size_t n = grp.where.size();
  if (n > 1) {
    out << "<p>" << (sv ? "Samma problem på " : "The same problem on ") << g::count(n, grp.noun(), lang)
        << (n > kPlacesShown ? (sv ? ". De första:" : ". The first ones:") : ":") << "</p>\n";
  }
  out << "<ol class=\"places\">\n";
  for (std::size_t i = 0; i < std::min(n, kPlacesShown); ++i) write_place(out, *grp.where[i], lang, grp.document());
  out << "</ol>\n";
  if (n > kPlacesShown) {
    const std::size_t listed = std::min(n, kPlacesListed);
    out << "<details><summary>" << (sv ? "Visa " : "Show ")
        << (listed == n ? (sv ? "alla " : "all ") + g::count(n, grp.noun(), lang)
                        : (sv ? "de första " : "the first ") + g::number(listed, lang))
        << "</summary>\n<ol class=\"places\" start=\"" << kPlacesShown + 1 << "\">\n";
    for (std::size_t i = kPlacesShown; i < listed; ++i) write_place(out, *grp.where[i], lang, grp.document());
    out << "</ol>\n";
    if (listed < n) {
      out << "<p>" << (sv ? "… och " : "… and ") << g::number(n - listed, lang)
          << (sv ? " till. Alla finns i JSON-formatet." : " more. The JSON format has them all.") << "</p>\n";
    }
    out << "</details>\n";
  }
}

void write_totals(std::ostream& out, const PageSummary& s, Lang lang) {
  const bool sv = lang == Lang::Sv;
  auto tile = [&](const char* cls, std::size_t n, const g::Noun& noun, std::string_view extra) {
    out << "<li class=\"" << cls << "\"><span class=\"n\">" << g::number(n, lang) << "</span> " << g::form(n, noun, lang)
        << extra << "</li>\n";
  };
  out << "<ul class=\"totals\">\n";
  tile(s.failed ? "failed" : "ok", s.failed, g::kFailed, "");
  tile(s.warnings ? "warning" : "ok", s.warnings, g::kWarnings, sv ? " (god praxis)" : " (best practice)");
  tile(s.needs_review ? "review" : "ok", s.needs_review, g::kNeedsReviewItems, "");
  out << "</ul>\n<p class=\"verdict\">";
  if (s.failed > 0) {
    out << (sv ? "Sidan har brister mot " : "The page fails ")
        << g::count(static_cast<std::size_t>(std::count_if(s.by_criterion.begin(), s.by_criterion.end(),
                                                           [](const CriterionCounts& c) { return c.failed > 0; })),
                    g::kCriteria, lang)
        << (sv ? " som behöver åtgärdas." : ", which need fixing.");
  } else {
    out << (sv ? "granska hittade inga brister på sidan." : "granska found no failures on the page.");
  }
  out << (sv ? " Automatiska kontroller hittar inte allt: resultatet ersätter inte en manuell granskning."
             : " Automated checks do not find everything: this does not replace a manual review.")
      << "</p>\n";
}

void write_criteria_table(std::ostream& out, const PageSummary& s, Lang lang, std::string_view idp) {
  const bool sv = lang == Lang::Sv;
  if (s.by_criterion.empty()) return;
  out << "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" << idp << "per-kriterium\">\n"
      << "<table class=\"criteria\">\n<caption id=\"" << idp << "per-kriterium\">" << (sv ? "Per kriterium" : "By criterion")
      << "</caption>\n<thead><tr><th scope=\"col\">" << (sv ? "Kriterium" : "Criterion") << "</th><th scope=\"col\">"
      << (sv ? "Underkända" : "Failed") << "</th><th scope=\"col\">" << (sv ? "Varningar" : "Warnings")
      << "</th><th scope=\"col\">" << (sv ? "Kräver granskning" : "Need review") << "</th></tr></thead>\n<tbody>\n";
  for (const CriterionCounts& c : s.by_criterion) {
    out << "<tr><th scope=\"row\"><a href=\"#" << criterion_id(*c.criterion, idp) << "\">" << c.criterion->number << " "
        << esc(c.criterion->title.in(lang)) << "</a> (" << engine::to_string(c.criterion->level) << ")</th><td>"
        << g::number(c.failed, lang) << "</td><td>" << g::number(c.warnings, lang) << "</td><td>"
        << g::number(c.needs_review, lang) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n";
}

void write_page_wide(std::ostream& out, const PageSummary& s, Lang lang, int level, std::string_view idp) {
  const bool sv = lang == Lang::Sv;
  bool any = false;
  for (const FindingGroup& grp : s.groups) {
    if (!grp.page_wide) continue;
    if (!any) {
      out << h(level, "", sv ? "Gäller hela sidan" : "Applies to the whole page") << "\n<ul>\n";
      any = true;
    }
    out << "<li><a href=\"#" << criterion_id(*grp.criterion, idp) << "\">" << grp.criterion->number << "</a> "
        << esc(grp.text(lang)) << " (" << g::count(grp.where.size(), grp.noun(), lang) << ")</li>\n";
  }
  if (any) out << "</ul>\n";
}

void write_changes(std::ostream& out, const ResultPageApp& app, Lang lang, int level) {
  const bool sv = lang == Lang::Sv;
  const CheckChanges& c = *app.changes;
  out << "<section class=\"changes\" aria-labelledby=\"andringar\">\n"
      << h(level, "id=\"andringar\"", sv ? "Vad har ändrats?" : "What has changed?") << "\n<p>"
      << (sv ? "Jämfört med " : "Compared with ") << "<a href=\"" << esc(app.previous_href) << "\">"
      << (sv ? "förra granskningen" : "the previous check") << "</a> (" << esc(app.previous_checked) << "): "
      << g::count(c.fixed_count, {{"åtgärdat", "fixed"}, {"åtgärdade", "fixed"}}, lang) << ", "
      << g::count(c.added_count, {{"nytt", "new"}, {"nya", "new"}}, lang) << ", "
      << g::count(c.remaining, {{"kvar", "remaining"}, {"kvar", "remaining"}}, lang) << ".</p>\n";
  auto list = [&](const std::vector<ChangeItem>& items, const char* sv_head, const char* en_head) {
    if (items.empty()) return;
    out << h(level + 1, "", sv ? sv_head : en_head) << "\n<ul>\n";
    for (const ChangeItem& i : items) {
      out << "<li>" << (i.warning ? g::kWarning.in(lang) : g::outcome(i.outcome).in(lang)) << ": <code>" << esc(i.rule_id)
          << "</code> " << esc(sv ? i.text_sv : i.text_en) << " (" << g::number(i.count, lang) << ")</li>\n";
    }
    out << "</ul>\n";
  };
  list(c.fixed, "Åtgärdat", "Fixed");
  list(c.added, "Nytt", "New");
  out << "</section>\n";
}

void write_actions(std::ostream& out, const ResultPageApp& app, Lang lang) {
  const bool sv = lang == Lang::Sv;
  if (!app.permalink.empty()) {
    out << "<p class=\"permalink\">" << (sv ? "Permanent länk till resultatet: " : "Permanent link to this result: ")
        << "<a href=\"" << esc(app.permalink) << "\">" << esc(app.permalink) << "</a>";
    if (!app.kept_until.empty()) out << (sv ? " (sparas till " : " (kept until ") << esc(app.kept_until) << ")";
    out << "</p>\n";
  }
  out << "<div class=\"actions\">\n";
  if (!app.recheck_action.empty()) {
    out << "<form method=\"post\" action=\"" << esc(app.recheck_action) << "\">" << app.recheck_hidden_html << "<button type=\"submit\">"
        << (sv ? "Granska igen – är sidan rättad?" : "Check again – is the page fixed?") << "</button></form>\n";
  }
  out << "<a href=\"" << esc(app.home_href) << "\">" << (sv ? "Granska en annan sida" : "Check another page") << "</a>\n</div>\n";
}

// One page's results; `level` is the summary's heading level.
void write_results(std::ostream& out, const results::PageRow& page, const PageSummary& s, const std::string& checked,
                   const Options& opt, const ResultPageApp* app, int level, std::string_view idp) {
  const Lang lang = opt.lang;
  const bool sv = lang == Lang::Sv;
  const std::string& address = page.final_url.empty() ? page.url : page.final_url;
  out << "<p class=\"meta\">" << (sv ? "Adress: " : "Address: ") << html_link(address, address);
  if (!checked.empty()) out << " · " << (sv ? "granskad " : "checked ") << esc(checked);
  out << " · " << (sv ? "profil: " : "profile: ") << esc(sv ? s.profile->name_sv : s.profile->name_en) << "</p>\n";

  const std::string summary_id = std::string(idp) + "sammanfattning", details_id = std::string(idp) + "detaljer";
  out << "<section aria-labelledby=\"" << summary_id << "\">\n"
      << h(level, "id=\"" + summary_id + "\"", sv ? "Sammanfattning" : "Summary") << "\n";
  write_totals(out, s, lang);
  write_criteria_table(out, s, lang, idp);
  write_page_wide(out, s, lang, level + 1, idp);
  if (s.outside_profile > 0) {
    out << "<p>" << g::count(s.outside_profile, g::kFindings, lang)
        << (sv ? " för kriterier utanför profilen (till exempel nivå AAA) visas inte."
               : " for criteria outside the profile (such as level AAA) are not shown.")
        << "</p>\n";
  }
  if (app) write_actions(out, *app, lang);
  out << "</section>\n";
  if (app && app->changes) write_changes(out, *app, lang, level);

  out << "<section aria-labelledby=\"" << details_id << "\">\n"
      << h(level, "id=\"" + details_id + "\"", sv ? "Detaljer per kriterium" : "Details by criterion")
      << "\n";
  bool any = false;
  const engine::Criterion* current = nullptr;
  for (const FindingGroup& grp : s.groups) {
    if (grp.page_wide) continue;
    if (grp.criterion != current) {
      if (current) out << "</section>\n";
      current = grp.criterion;
      const engine::Criterion& c = *current;
      const std::string id = criterion_id(c, idp);
      out << "<section id=\"" << id << "\" aria-labelledby=\"" << id << "-h\">\n"
          << h(level + 1, "id=\"" + id + "-h\"",
               std::string(c.number) + " " + esc(c.title.in(lang)) + " (" + (sv ? "nivå " : "level ") +
                   std::string(engine::to_string(c.level)) + ")")
          << "\n<p>" << esc(why_it_matters(c).in(lang)) << "</p>\n<ul class=\"refs\">\n<li>"
          << html_link(wcag_url(c, lang), sv ? "Läs kriteriet i WCAG 2.1 (svensk översättning)" : "Read the criterion in WCAG 2.1")
          << "</li>\n";
      const std::string_view clause = engine::en_clause_for(c, grp.document());
      if (!clause.empty()) {
        out << "<li>"
            << html_link(en_301_549_url(),
                         "EN 301 549 " + std::string(sv ? "avsnitt " : "clause ") + std::string(clause) + " (PDF)")
            << "</li>\n";
      }
      out << "</ul>\n";
    }
    any = true;
    out << "<div class=\"group " << group_class(grp) << "\">\n"
        << h(level + 2, "", esc(group_label(grp, lang)) + ": " + esc(grp.text(lang))) << "\n<p class=\"rule\">"
        << (sv ? "Regel " : "Rule ") << "<code>" << esc(grp.rule_id) << "</code> (" << esc(grp.title(lang)) << ") · "
        << (sv ? "allvarlighet: " : "impact: ") << g::impact(grp.impact()).in(lang) << "</p>\n";
    if (!grp.help(lang).empty()) {
      out << "<p><strong>" << (sv ? "Så åtgärdar du:" : "How to fix:") << "</strong> " << esc(grp.help(lang)) << "</p>\n";
    }
    write_places(out, grp, lang);
    out << "</div>\n";
  }
  if (current) out << "</section>\n";
  if (!any) {
    out << "<p>" << (sv ? "Inga fynd att visa för profilens kriterier." : "No findings to show for the profile's criteria.")
        << "</p>\n";
  }
  out << "</section>\n";
}

std::string page_name(const results::PageRow& page) {
  if (!page.title.empty()) return page.title;
  return page.final_url.empty() ? page.url : page.final_url;
}

}  // namespace

std::string display_time(std::string_view utc) {
  if (utc.size() == 20 && utc[10] == 'T' && utc[19] == 'Z') {
    return std::string(utc.substr(0, 10)) + " " + std::string(utc.substr(11, 5)) + " UTC";
  }
  return std::string(utc);
}

void write_result_page(std::ostream& out, const results::PageRow& page, const PageSummary& summary,
                       const std::string& checked, const Options& opt, const ResultPageApp* app) {
  const Lang lang = opt.lang;
  const bool sv = lang == Lang::Sv;
  const std::string title = (sv ? "Granskningsresultat: " : "Check result: ") + page_name(page);
  std::string nav;
  if (app) {
    nav += "<li><a href=\"" + esc(app->home_href) + "\">" + (sv ? "Granska en sida" : "Check a page") + "</a></li>\n";
    if (!app->lang_switch_href.empty()) {
      nav += sv ? "<li><a href=\"" + esc(app->lang_switch_href) + "\" lang=\"en\" hreflang=\"en\">In English</a></li>\n"
                : "<li><a href=\"" + esc(app->lang_switch_href) + "\" lang=\"sv\" hreflang=\"sv\">På svenska</a></li>\n";
    }
  }
  write_html_page_start(out, HtmlPageHead{lang, title, nav, sv ? "Webbplatsen" : "This site"}, kResultCss);
  out << h(1, "", esc(title)) << "\n";
  write_results(out, page, summary, checked, opt, app, 2, "");
  write_html_page_end(out, std::string("granska ") + kVersion +
                               (sv ? " · WCAG 2.1 och EN 301 549 · Malmö stad" : " · WCAG 2.1 and EN 301 549 · City of Malmö"));
}

void write_html(std::ostream& out, std::span<const PageReport> pages, const Options& opt) {
  const std::string checked = display_time(utc_timestamp());
  const org::Profile& profile = people_profile(opt);
  auto summary_of = [&](const PageReport& p, const results::PageRow& row) {
    engine::Registry registry;  // the rules as the evaluation ran them
    for (const engine::RuleResult& r : p.evaluation.rules) registry.add(*r.rule);
    return summarize(row, registry, profile);
  };
  if (pages.size() == 1) {
    const results::PageRow row = page_row(pages.front());
    write_result_page(out, row, summary_of(pages.front(), row), checked, opt);
    return;
  }
  // Several pages (not written by `check`, which has one): one document, a part per page.
  const bool sv = opt.lang == Lang::Sv;
  const std::string title = sv ? "Granskningsresultat" : "Check results";
  write_html_page_start(out, HtmlPageHead{opt.lang, title, "", ""}, kResultCss);
  out << h(1, "", esc(title)) << "\n";
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const results::PageRow row = page_row(pages[i]);
    out << "<article>\n" << h(2, "", esc(page_name(row))) << "\n";
    write_results(out, row, summary_of(pages[i], row), checked, opt, nullptr, 3, "s" + std::to_string(i + 1) + "-");
    out << "</article>\n";
  }
  write_html_page_end(out, std::string("granska ") + kVersion);
}

}  // namespace granska::reports
