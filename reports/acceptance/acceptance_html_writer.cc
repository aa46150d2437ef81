// The acceptance report as one self-contained HTML page: no scripts, no external files,
// printable. It must itself be accessible (lang, landmarks, headings, a captioned table
// with header cells, sufficient contrast) — a test runs granska's own rules over it. The
// page shell (skip link, landmarks, shared CSS with focus ring and print rules) and the
// escaping come from reports/common/html_page.h, as for the scan report.
#include <string>

#include "engine/criteria.h"
#include "reports/acceptance/acceptance_report.h"
#include "reports/common/glossary.h"
#include "reports/common/html_page.h"

namespace granska::reports {

namespace {

std::string esc(std::string_view s) { return html_text(s); }

// What only this page needs on top of the shared stylesheet. The result cells are tinted,
// but the result is always written out in words, so colour is never the only carrier;
// every tint keeps the shared text colour above 7:1.
constexpr std::string_view kAcceptanceCss = R"css(
dl.scope{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.scope dt{font-weight:700}
dl.scope dd{margin:0;overflow-wrap:anywhere}
.verdict{font-size:1.2rem;font-weight:700;padding:.75rem 1rem;border:3px solid #1b1b1b;background:#f2f2f2}
table.criteria{width:100%}
td.failed{background:#fde8e8}
td.passed{background:#e6f4ea}
td.review{background:#fff5d6}
td.accepted{background:#e8eefc}
td.na{background:#f2f2f2}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f2f2f2;padding:.5rem;border:1px solid #6b6b6b}
.hash{overflow-wrap:anywhere}
.issue{border-top:1px solid #6b6b6b;padding-top:.5rem}
@media print{.issue{break-inside:avoid}.verdict{border-width:2px}}
)css";

std::string result_class(audit::CriterionResult r) {
  switch (r) {
    case audit::CriterionResult::Passed: return "passed";
    case audit::CriterionResult::Failed: return "failed";
    case audit::CriterionResult::Accepted: return "accepted";
    case audit::CriterionResult::NeedsReview: return "review";
    case audit::CriterionResult::NotApplicable: return "na";
  }
  return "";
}

void scope_item(std::ostream& out, std::string_view term, const std::string& value_html) {
  out << "<dt>" << esc(term) << "</dt><dd>" << value_html << "</dd>\n";
}

// "1.1.1 Icke-textuellt innehåll"
std::string criterion_name(const engine::Criterion& c, Lang lang) {
  return std::string(c.number) + " " + std::string(c.title.in(lang));
}

std::string join_rules(const std::vector<std::string_view>& ids) {
  std::string s;
  for (std::string_view id : ids) s += (s.empty() ? "" : ", ") + std::string(id);
  return s;
}

}  // namespace

void write_acceptance_html(std::ostream& out, const AcceptanceReport& r, const Options& o) {
  const Lang lang = o.lang;
  const bool sv = lang == Lang::Sv;
  auto t = [&](const char* s, const char* e) { return std::string(sv ? s : e); };
  const audit::Acceptance& a = *r.acceptance;
  const std::string service = r.service.empty() ? t("(ingen tjänst angiven)", "(no service given)") : r.service;

  const std::string title = t("Leveransgodkännande", "Acceptance report") + ": " + service;
  std::string nav;
  auto nav_item = [&](const char* id, const std::string& text) {
    nav += "<li><a href=\"#" + std::string(id) + "\">" + esc(text) + "</a></li>\n";
  };
  nav_item("omfattning", t("Omfattning", "Scope"));
  nav_item("resultat", t("Samlat resultat", "Summary"));
  nav_item("tackning", t("Vad granskningen täcker", "What this review covers"));
  nav_item("kriterier", t("Resultat per kriterium", "Result per criterion"));
  nav_item("fynd", t("Fynd", "Findings"));
  if (r.accepted) nav_item("inaktuella", t("Inaktuella accepterade brister", "Stale accepted issues"));
  nav_item("sidor", t("Granskade sidor", "Pages reviewed"));
  write_html_page_start(out, {lang, title + " – granska", nav, t("Rapportens avsnitt", "Report sections")}, kAcceptanceCss);
  out << "<h1>" << esc(title) << "</h1>\n";

  // Scope: what exactly was tested, with what.
  out << "<section aria-labelledby=\"omfattning\">\n<h2 id=\"omfattning\">" << t("Omfattning", "Scope") << "</h2>\n"
      << "<dl class=\"scope\">\n";
  scope_item(out, t("Tjänst", "Service"), esc(service));
  scope_item(out, t("Datum", "Date"), esc(r.date));  // the one line that differs between identical runs
  scope_item(out, t("granska-version", "granska version"), esc(r.version));
  scope_item(out, t("Regeluppsättning", "Rule set"),
             esc(r.version) + ", " + std::to_string(r.rule_count) + t(" regler", " rules") +
                 ", SHA-256 <code class=\"hash\">" + esc(r.catalogue_sha256) + "</code>");
  scope_item(out, t("Profil", "Profile"),
             esc(sv ? r.profile->name_sv : r.profile->name_en) + " (<code>" + esc(r.profile->id) + "</code>, " +
                 std::to_string(r.profile->criteria.size()) + t(" kriterier)", " criteria)"));
  scope_item(out, t("Inloggning", "Login"), esc(login_text(r.login, lang)));
  scope_item(out, t("Sidor", "Pages"),
             std::to_string(r.pages.size()) + t(" totalt, ", " in all, ") + std::to_string(a.pages_checked) +
                 t(" granskade, ", " checked, ") + std::to_string(a.pages_failed) + t(" kunde inte läsas", " could not be loaded"));
  scope_item(out, t("Accepterade brister", "Accepted issues"),
             r.accepted_file.empty() ? t("ingen fil", "no file")
                                     : esc(r.accepted_file) + " (" + std::to_string(r.accepted->entries.size()) +
                                           t(" poster)", " entries)"));
  out << "</dl>\n</section>\n";

  // Verdict and counts.
  out << "<section aria-labelledby=\"resultat\">\n<h2 id=\"resultat\">" << t("Samlat resultat", "Summary") << "</h2>\n"
      << "<p class=\"verdict\">" << esc(verdict_text(r, lang)) << "</p>\n<ul>\n";
  for (auto res : {audit::CriterionResult::Failed, audit::CriterionResult::Accepted, audit::CriterionResult::NeedsReview,
                   audit::CriterionResult::Passed, audit::CriterionResult::NotApplicable}) {
    out << "<li>" << esc(label(res).in(lang)) << ": " << a.count(res) << "</li>\n";
  }
  out << "</ul>\n</section>\n";

  // Coverage statement: what an automated review can and cannot say.
  std::vector<std::string> by_cov[3];
  for (const audit::CriterionRow& row : a.rows) {
    by_cov[static_cast<int>(row.coverage)].push_back(std::string(row.criterion->number));
  }
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& n : v) s += (s.empty() ? "" : ", ") + n;
    return s.empty() ? std::string("–") : s;
  };
  out << "<section aria-labelledby=\"tackning\">\n<h2 id=\"tackning\">"
      << t("Vad granskningen täcker", "What this review covers") << "</h2>\n<p>"
      << t("Rapporten bygger på automatiska regler som läser sidornas HTML och CSS och dokumentens (PDF, Office) "
           "struktur och egenskaper. Den är inte en fullständig "
           "granskning: automatiska regler testar bara en del av de flesta kriterier, och resten måste bedömas av en "
           "person, till exempel med tangentbord och skärmläsare.",
           "This report is based on automated rules that read the pages' HTML and CSS and the documents' (PDF, Office) "
           "structure and properties. It is not a full audit: "
           "automated rules test only part of most criteria, and a person must judge the rest, for example with a "
           "keyboard and a screen reader.")
      << "</p>\n<ul>\n<li>" << t("Automatiskt testade (regler som kan hitta brister): ",
                                  "Tested automatically (rules that can find failures): ")
      << by_cov[0].size() << " – " << list(by_cov[0]) << "</li>\n<li>"
      << t("Delvis testade (bara varningar om god praxis): ", "Partly tested (best-practice warnings only): ")
      << by_cov[1].size() << " – " << list(by_cov[1]) << "</li>\n<li>"
      << t("Bara manuell granskning (ingen regel): ", "Manual review only (no rule): ") << by_cov[2].size() << " – "
      << list(by_cov[2]) << "</li>\n</ul>\n<p>"
      << t("Även ett godkänt kriterium betyder bara att reglerna inte hittade några brister; kolumnen Kvar att "
           "granska säger vad en person behöver kontrollera.",
           "Even a passed criterion only means the rules found no failures; the column Left to review says what a "
           "person still needs to check.")
      << "</p>\n</section>\n";

  // The table.
  out << "<section aria-labelledby=\"kriterier\">\n<h2 id=\"kriterier\">" << t("Resultat per kriterium", "Result per criterion")
      << "</h2>\n<table class=\"criteria\">\n<caption>"
      << t("Varje kriterium i profilen med resultat, antal fynd över alla sidor och vad som återstår",
           "Every criterion of the profile with its result, findings over all pages and what remains")
      << "</caption>\n<thead>\n<tr><th scope=\"col\">" << t("Kriterium", "Criterion") << "</th><th scope=\"col\">"
      << t("Nivå", "Level") << "</th><th scope=\"col\">" << t("Resultat", "Result") << "</th><th scope=\"col\">"
      << t("Täckning", "Coverage") << "</th><th scope=\"col\">" << t("Fynd", "Findings") << "</th><th scope=\"col\">"
      << t("Motivering och kvar att granska", "Reason and left to review") << "</th></tr>\n</thead>\n<tbody>\n";
  for (const audit::CriterionRow& row : a.rows) {
    const engine::Criterion& c = *row.criterion;
    out << "<tr id=\"kriterium-" << c.number << "\"><th scope=\"row\">" << esc(criterion_name(c, lang));
    if (!c.en_clause.empty()) out << " <span>(EN " << c.en_clause << ")</span>";
    out << "</th><td>" << engine::to_string(c.level) << "</td><td class=\"" << result_class(row.result) << "\">"
        << esc(label(row.result).in(lang)) << "</td><td>" << esc(org::label(row.coverage).in(lang)) << "</td><td>";
    out << t("godkända ", "passed ") << row.passed << ", " << t("underkända ", "failed ") << row.failed;
    if (row.accepted) out << ", " << t("accepterade ", "accepted ") << row.accepted;
    out << ", " << t("oklara ", "can't tell ") << row.cant_tell;
    if (row.warnings) out << ", " << t("varningar ", "warnings ") << row.warnings;
    out << "; " << t("sidor där regler gällde: ", "pages where rules applied: ") << row.pages_applicable << "</td><td>"
        << esc(row.reason.in(lang));
    if (!row.remains.sv.empty()) out << " <strong>" << t("Kvar att granska:", "Left to review:") << "</strong> " << esc(row.remains.in(lang));
    if (!row.requirement_rules.empty() || !row.best_practice_rules.empty()) {
      out << " " << t("Regler: ", "Rules: ") << esc(join_rules(row.requirement_rules));
      if (!row.best_practice_rules.empty()) {
        out << (row.requirement_rules.empty() ? "" : "; ") << t("god praxis: ", "best practice: ")
            << esc(join_rules(row.best_practice_rules));
      }
      out << ".";
    }
    // Links to the findings that decided the row (failures first), capped to keep rows short.
    std::vector<std::size_t> shown;
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t k : row.issues) {
        const audit::IssueState s = a.issues[k].state;
        const bool failing = s == audit::IssueState::Failed || s == audit::IssueState::AcceptanceExpired;
        if ((pass == 0) == failing) shown.push_back(k);
      }
    }
    if (!shown.empty()) {
      constexpr std::size_t kMaxLinks = 20;
      out << "<br>" << t("Fynd: ", "Findings: ");
      for (std::size_t i = 0; i < shown.size() && i < kMaxLinks; ++i) {
        const audit::Issue& is = a.issues[shown[i]];
        out << (i ? ", " : "") << "<a href=\"#" << is.anchor << "\">" << t("fynd ", "finding ")
            << is.anchor.substr(5) << "</a>";
      }
      if (shown.size() > kMaxLinks) out << t(" och ", " and ") << shown.size() - kMaxLinks << t(" till", " more");
    }
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";

  // The findings.
  out << "<section aria-labelledby=\"fynd\">\n<h2 id=\"fynd\">" << t("Fynd", "Findings") << "</h2>\n";
  if (a.issues.empty()) out << "<p>" << t("Inga underkända element och inget som kräver manuell granskning.", "No failed elements and nothing that needs manual review.") << "</p>\n";
  for (const audit::Issue& is : a.issues) {
    const engine::RuleInfo& info = is.rule->info;
    out << "<div class=\"issue\" id=\"" << is.anchor << "\">\n<h3>" << t("Fynd ", "Finding ") << is.anchor.substr(5)
        << ": " << esc(info.title.in(lang)) << " (<code>" << esc(info.id) << "</code>)</h3>\n<dl class=\"scope\">\n";
    scope_item(out, t("Status", "Status"), esc(issue_state_text(is, r.accepted, lang)));
    std::string crit;
    for (const engine::CriterionRef& c : info.criteria) {
      const engine::Criterion* cc = engine::find_criterion(c.number);
      crit += (crit.empty() ? "" : ", ") + esc(cc ? criterion_name(*cc, lang) : std::string(c.number));
    }
    scope_item(out, t("Kriterier", "Criteria"), crit);
    const bool document = !r.pages[is.page].document.empty();
    scope_item(out, document ? t("Dokument", "Document") : t("Sida", "Page"), esc(r.pages[is.page].url));
    if (document) {
      scope_item(out, t("Plats i dokumentet", "Place in the document"),
                 esc(glossary::document_place(lang, is.location.page, is.location.selector, is.location.object)));
    } else if (!is.location.selector.empty()) {
      scope_item(out, t("Element", "Element"),
                 "<code>" + esc(is.location.selector) + "</code>" +
                     (is.location.line ? t(", rad ", ", line ") + std::to_string(is.location.line) : std::string()));
    } else {
      scope_item(out, t("Element", "Element"), t("hela sidan", "the whole page"));
    }
    scope_item(out, t("Meddelande", "Message"), esc(is.finding->text(lang)));
    scope_item(out, t("Så åtgärdar du", "How to fix"), esc(info.help.in(lang)));
    out << "</dl>\n";
    if (!is.location.snippet.empty()) out << "<pre><code>" << esc(is.location.snippet) << "</code></pre>\n";
    out << "</div>\n";
  }
  out << "</section>\n";

  if (r.accepted) {
    out << "<section aria-labelledby=\"inaktuella\">\n<h2 id=\"inaktuella\">"
        << t("Accepterade brister som inte matchade något", "Accepted issues that matched nothing") << "</h2>\n";
    if (a.stale.empty()) {
      out << "<p>" << t("Alla poster matchade minst ett fynd.", "Every entry matched at least one finding.") << "</p>\n";
    } else {
      out << "<p>" << t("Bristerna kan vara åtgärdade: ta bort posterna ur filen.",
                        "The failures may have been fixed: remove the entries from the file.")
          << "</p>\n<ul>\n";
      for (std::size_t i : a.stale) {
        const audit::AcceptedIssue& e = r.accepted->entries[i];
        out << "<li>" << t("rad ", "line ") << e.line << ": <code>" << esc(e.rule) << "</code> "
            << esc(e.url.empty() ? e.url_prefix + "…" : e.url);
        if (!e.selector.empty()) out << " <code>" << esc(e.selector) << "</code>";
        out << " (" << t("till ", "until ") << e.expires.iso() << ")</li>\n";
      }
      out << "</ul>\n";
    }
    out << "</section>\n";
  }

  // Pages and their fingerprints.
  out << "<section aria-labelledby=\"sidor\">\n<h2 id=\"sidor\">" << t("Granskade sidor", "Pages reviewed") << "</h2>\n<table>\n<caption>"
      << t("Varje sida med HTTP-status och SHA-256 av exakt det innehåll som granskades",
           "Every page with its HTTP status and the SHA-256 of exactly the content that was checked")
      << "</caption>\n<thead>\n<tr><th scope=\"col\">" << t("Sida", "Page") << "</th><th scope=\"col\">HTTP</th><th scope=\"col\">"
      << t("SHA-256 eller fel", "SHA-256 or error") << "</th></tr>\n</thead>\n<tbody>\n";
  for (const AuditedPage& p : r.pages) {
    out << "<tr><th scope=\"row\">" << esc(p.url)
        << (p.document.empty() ? std::string()
                               : " (" + t("dokument: ", "document: ") + esc(glossary::document_format(p.document).in(lang)) + ")")
        << (p.rendered ? " (" + t("granskad som webbläsaren visar den; SHA-256 gäller sidan som den levererades",
                                   "checked as the browser shows it; the SHA-256 is of the page as served") + ")"
                       : std::string())
        << "</th><td>" << (p.http_status ? std::to_string(p.http_status) : t("ingen (fil)", "none (file)"))
        << "</td><td>";
    if (p.loaded) {
      out << "<code class=\"hash\">" << esc(p.sha256) << "</code>";
    } else {
      out << "<strong>" << t("Fel:", "Error:") << "</strong> " << esc(p.error.text(lang));
    }
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n</section>\n";
  write_html_page_end(out, t("Skapad av granska ", "Made by granska ") + r.version + ". " +
                               t("Resultaten ska kompletteras med manuell granskning innan tjänsten godkänns.",
                                 "The results must be complemented by a manual review before the service is accepted."));
}

}  // namespace granska::reports
