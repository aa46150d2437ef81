// The acceptance report's JSON and text forms, and the wording all three forms share.
#include <nlohmann/json.hpp>

#include "reports/acceptance/acceptance_report.h"
#include "reports/common/glossary.h"

namespace granska::reports {

std::string login_text(const LoginUsed& login, Lang lang) {
  const bool sv = lang == Lang::Sv;
  if (!login.any()) return sv ? "nej" : "no";
  std::string kinds;
  auto add = [&](const char* k) { kinds += (kinds.empty() ? "" : ", ") + std::string(k); };
  if (login.headers) add(sv ? "HTTP-huvuden" : "HTTP headers");
  if (login.cookie_file) add(sv ? "cookie-fil" : "cookie file");
  if (login.basic_auth) add("Basic");
  return (sv ? "ja (" : "yes (") + kinds + ")";
}

std::string verdict_text(const AcceptanceReport& r, Lang lang) {
  const bool sv = lang == Lang::Sv;
  auto n = [&](std::size_t count, const glossary::Noun& noun) {
    return std::to_string(count) + " " + std::string(glossary::form(count, noun, lang));
  };
  const audit::Acceptance& a = *r.acceptance;
  const std::size_t failed = a.count(audit::CriterionResult::Failed);
  const std::size_t review = a.count(audit::CriterionResult::NeedsReview);
  const std::size_t passed = a.count(audit::CriterionResult::Passed);
  std::string s;
  switch (a.verdict) {
    case audit::Verdict::Failed:
      // Plural forms from the glossary: "1 kriterium", "2 kriterier"; "1 sida", "2 sidor".
      s = (sv ? "Underkänd – brister mot " : "Failed – failures against ") + n(failed, glossary::kCriteria);
      if (a.pages_failed) {
        s += (sv ? ", och " : ", and ") + n(a.pages_failed, glossary::kPages) +
             (sv ? " kunde inte granskas" : " could not be checked");
      }
      s += (sv ? "; manuell granskning krävs dessutom för " : "; manual review is also needed for ") +
           n(review, glossary::kCriteria);
      return s;
    case audit::Verdict::Incomplete:
      return (sv ? "Ofullständig – " : "Incomplete – ") + n(a.pages_failed, glossary::kPages) +
             (sv ? " kunde inte granskas; inga brister på övriga sidor" : " could not be checked; no failures on the others");
    case audit::Verdict::NoFailuresFound:
      break;
  }
  return (sv ? "Inga brister i automatisk granskning – manuell granskning krävs för "
             : "No failures in the automated review – manual review is needed for ") +
         n(review, glossary::kCriteria) +
         (passed == 1 ? (sv ? ", och det godkända är bara delvis testat" : ", and the passed one is only partly tested")
                      : (sv ? ", och de " : ", and the ") + std::to_string(passed) +
                            (sv ? " godkända är bara delvis testade" : " passed ones are only partly tested"));
}

std::string issue_state_text(const audit::Issue& is, const audit::AcceptedList* accepted, Lang lang) {
  const bool sv = lang == Lang::Sv;
  const audit::AcceptedIssue* e =
      accepted && is.accepted >= 0 ? &accepted->entries[static_cast<std::size_t>(is.accepted)] : nullptr;
  switch (is.state) {
    case audit::IssueState::Failed:
      return sv ? "Underkänd" : "Failed";
    case audit::IssueState::AcceptanceExpired:
      return (sv ? "Underkänd – acceptansen gick ut " : "Failed – the acceptance expired on ") + e->expires.iso() + ": " +
             e->justification;
    case audit::IssueState::Accepted: {
      std::string s = (sv ? "Accepterad (till " : "Accepted (until ") + e->expires.iso() + "): " + e->justification;
      if (!e->who.empty()) s += " – " + e->who;
      if (!e->ticket.empty()) s += " [" + e->ticket + "]";
      return s;
    }
    case audit::IssueState::CantTell:
      return sv ? "Kan inte avgöras automatiskt – granska manuellt" : "Cannot be decided automatically – review manually";
    case audit::IssueState::Warning:
      return std::string(glossary::kWarning.in(lang)) + (sv ? " – underkänner inget kriterium" : " – fails no criterion");
  }
  return "";
}

void write_acceptance_json(std::ostream& out, const AcceptanceReport& r, const Options& o) {
  using nlohmann::json;
  const Lang lang = o.lang;
  const audit::Acceptance& a = *r.acceptance;
  json j;
  j["schemaVersion"] = 1;
  j["tool"] = {{"name", "granska"}, {"version", r.version}};
  j["scope"] = {{"service", r.service},
                {"date", r.date},
                {"profile", {{"id", r.profile->id}, {"criteria", r.profile->criteria.size()}}},
                {"ruleSet", {{"rules", r.rule_count}, {"sha256", r.catalogue_sha256}}},
                {"login", {{"headers", r.login.headers}, {"cookieFile", r.login.cookie_file}, {"basicAuth", r.login.basic_auth}}},
                {"acceptedFile", r.accepted_file}};
  j["verdict"] = {{"result", a.verdict == audit::Verdict::Failed       ? "failed"
                             : a.verdict == audit::Verdict::Incomplete ? "incomplete"
                                                                       : "noFailuresFound"},
                  {"text", verdict_text(r, lang)}};
  json rows = json::array();
  for (const audit::CriterionRow& row : a.rows) {
    json issues = json::array();
    for (std::size_t k : row.issues) issues.push_back(a.issues[k].anchor);
    rows.push_back({{"criterion", row.criterion->number},
                    {"level", engine::to_string(row.criterion->level)},
                    {"enClause", row.criterion->en_clause},
                    {"title", row.criterion->title.in(lang)},
                    {"result", audit::to_string(row.result)},
                    {"label", audit::label(row.result).in(lang)},
                    {"coverage", org::to_string(row.coverage)},
                    {"passed", row.passed},
                    {"failed", row.failed},
                    {"accepted", row.accepted},
                    {"cantTell", row.cant_tell},
                    {"warnings", row.warnings},
                    {"pagesApplicable", row.pages_applicable},
                    {"reason", row.reason.in(lang)},
                    {"remains", row.remains.in(lang)},
                    {"issues", issues}});
  }
  j["criteria"] = rows;
  json issues = json::array();
  for (const audit::Issue& is : a.issues) {
    json crit = json::array();
    for (const engine::CriterionRef& c : is.rule->info.criteria) crit.push_back(c.number);
    json issue{{"id", is.anchor},
               {"state", audit::to_string(is.state)},
               {"status", issue_state_text(is, r.accepted, lang)},
               {"rule", is.rule->info.id},
               {"criteria", crit},
               {"url", r.pages[is.page].url},
               {"selector", is.location.selector},
               {"line", is.location.line},
               {"snippet", is.location.snippet},
               {"message", is.finding->text(lang)},
               {"help", is.rule->info.help.in(lang)}};
    if (!r.pages[is.page].document.empty()) {
      // A document finding: where in the document (its path is also the selector).
      issue["location"] = {{"page", is.location.page}, {"path", is.location.selector}, {"object", is.location.object}};
    }
    issues.push_back(std::move(issue));
  }
  j["issues"] = issues;
  json stale = json::array();
  for (std::size_t i : a.stale) {
    const audit::AcceptedIssue& e = r.accepted->entries[i];
    stale.push_back({{"line", e.line}, {"rule", e.rule}, {"url", e.url}, {"urlPrefix", e.url_prefix},
                     {"selector", e.selector}, {"expires", e.expires.iso()}});
  }
  j["staleAccepted"] = stale;
  json pages = json::array();
  for (const AuditedPage& p : r.pages) {
    pages.push_back({{"target", p.target},
                     {"url", p.url},
                     {"document", p.document.empty() ? json(nullptr) : json(p.document)},
                     {"httpStatus", p.http_status},
                     {"mode", p.rendered ? "rendered" : "static"},
                     {"sha256", p.loaded ? json(p.sha256) : json(nullptr)},
                     {"error", p.loaded ? json(nullptr) : json(p.error.text(lang))}});
  }
  j["pages"] = pages;
  // Page text may hold invalid UTF-8: replace rather than throw.
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

void write_acceptance_text(std::ostream& out, const AcceptanceReport& r, const Options& o) {
  const Lang lang = o.lang;
  const bool sv = lang == Lang::Sv;
  const audit::Acceptance& a = *r.acceptance;
  out << (sv ? "Leveransgodkännande: " : "Acceptance report: ") << (r.service.empty() ? "-" : r.service) << '\n'
      << (sv ? "Profil: " : "Profile: ") << r.profile->id << ", " << a.pages_checked << (sv ? " sidor granskade, " : " pages checked, ")
      << a.pages_failed << (sv ? " kunde inte läsas" : " could not be loaded") << '\n'
      << verdict_text(r, lang) << "\n\n";
  for (const audit::CriterionRow& row : a.rows) {
    out << "  " << row.criterion->number << ' ' << row.criterion->title.in(lang) << ": " << audit::label(row.result).in(lang);
    if (row.failed) out << " (" << row.failed << (sv ? " underkända" : " failed") << ')';
    out << '\n';
  }
  bool header = false;
  for (const audit::Issue& is : a.issues) {
    if (is.state != audit::IssueState::Failed && is.state != audit::IssueState::AcceptanceExpired &&
        is.state != audit::IssueState::Accepted) {
      continue;
    }
    if (!header) out << '\n' << (sv ? "Brister:" : "Failures:") << '\n';
    header = true;
    const std::string where =
        !r.pages[is.page].document.empty()
            ? glossary::document_place(lang, is.location.page, is.location.selector, is.location.object)
            : (is.location.selector.empty() ? "-" : is.location.selector);
    out << "  " << r.pages[is.page].url << "  " << is.rule->info.id << "  " << where << "\n    "
        << issue_state_text(is, r.accepted, lang)
        << "\n    " << is.finding->text(lang) << '\n';
  }
  for (const AuditedPage& p : r.pages) {
    if (!p.loaded) out << (sv ? "Fel: " : "Error: ") << p.error.text(lang) << '\n';
  }
  for (std::size_t i : a.stale) {
    const audit::AcceptedIssue& e = r.accepted->entries[i];
    out << (sv ? "Accepterad brist matchade inget (rad " : "Accepted issue matched nothing (line ") << e.line << "): " << e.rule
        << '\n';
  }
}

}  // namespace granska::reports
