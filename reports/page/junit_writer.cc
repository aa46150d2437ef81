// JUnit XML, the format CI dashboards (Jenkins, GitLab, Azure, GitHub test reporters)
// read: one <testsuite> per page, one <testcase> per WCAG criterion the page's requirement
// rules touched. A criterion fails when a requirement rule failed for it, is skipped
// ("needs manual review") when the rules could only say cantTell, and passes otherwise.
// Failures accepted for now (Options::suppressed) fail nothing: a criterion whose only
// failures are accepted is skipped with "accepted until YYYY-MM-DD: justification" (JUnit
// has no suppression; skipped is what dashboards show as "not failing, look at it").
// Best-practice warnings fail no criterion; they are listed in the suite's <system-out>.
//
// Hand-written XML, so every piece of text goes through escape_xml (reports/common/xml_escape.h).
#include <algorithm>
#include <map>
#include <sstream>

#include "granska_version.h"
#include "reports/page/report.h"
#include "reports/common/xml_escape.h"

namespace granska::reports {

namespace {

using engine::Outcome;

// One criterion on one page: the findings of every requirement rule that tests it.
struct CriterionCase {
  const engine::Criterion* criterion = nullptr;
  std::vector<std::pair<const engine::RuleInfo*, const engine::Finding*>> failed, accepted, cant_tell;
  std::vector<const engine::RuleResult*> errors;  // rules that threw (a granska bug)
};

enum class CaseResult { Passed, Failed, Error, Skipped };

CaseResult result_of(const CriterionCase& c) {
  if (!c.failed.empty()) return CaseResult::Failed;
  if (!c.errors.empty()) return CaseResult::Error;
  if (!c.accepted.empty() || !c.cant_tell.empty()) return CaseResult::Skipped;
  return CaseResult::Passed;
}

struct Suite {
  const PageReport* report = nullptr;
  std::vector<CriterionCase> cases;  // WCAG order
  std::vector<std::pair<const engine::RuleInfo*, const engine::Finding*>> warnings;
  std::size_t failures = 0, skipped = 0, errors = 0;
};

Suite build_suite(const PageReport& report, const Suppressions* suppressed) {
  Suite s;
  s.report = &report;
  std::map<const engine::Criterion*, CriterionCase> by;  // the table is in WCAG order
  for (const engine::RuleResult& r : report.evaluation.rules) {
    const engine::RuleInfo& info = r.rule->info;
    if (info.kind == engine::RuleKind::BestPractice) {
      for (const engine::Finding& f : r.findings) {
        if (f.outcome == Outcome::Failed) s.warnings.emplace_back(&info, &f);
      }
      continue;
    }
    if (r.outcome == Outcome::Inapplicable && r.error.empty()) continue;  // not touched
    for (const engine::CriterionRef& ref : info.criteria) {
      const engine::Criterion* c = engine::find_criterion(ref.number);
      if (!c) continue;
      CriterionCase& cc = by[c];
      cc.criterion = c;
      if (!r.error.empty()) cc.errors.push_back(&r);
      for (const engine::Finding& f : r.findings) {
        if (f.outcome == Outcome::Failed) {
          (suppressed && suppressed->count(&f) ? cc.accepted : cc.failed).emplace_back(&info, &f);
        }
        if (f.outcome == Outcome::CantTell) cc.cant_tell.emplace_back(&info, &f);
      }
    }
  }
  for (auto& [c, cc] : by) {
    switch (result_of(cc)) {
      case CaseResult::Failed: ++s.failures; break;
      case CaseResult::Error: ++s.errors; break;
      case CaseResult::Skipped: ++s.skipped; break;
      case CaseResult::Passed: break;
    }
    s.cases.push_back(std::move(cc));
  }
  return s;
}

// "image-alt: Bilden saknar textalternativ (rad 6, kolumn 1, html > body > img)\n  <img …>"
std::string finding_line(const engine::RuleInfo& info, const engine::Finding& f, Lang lang) {
  const bool sv = lang == Lang::Sv;
  engine::Location loc = engine::locate(f);
  std::string s = "- " + std::string(info.id) + ": " + f.text(lang);
  if (!loc.selector.empty() || loc.page > 0) {
    s += " (";
    if (loc.page > 0) s += (sv ? "sida " : "page ") + std::to_string(loc.page) + (loc.selector.empty() ? "" : ", ");
    if (loc.line > 0) {
      s += (sv ? "rad " : "line ") + std::to_string(loc.line) + (sv ? ", kolumn " : ", column ") +
           std::to_string(loc.column) + ", ";
    }
    s += loc.selector + ")";
  }
  if (!loc.snippet.empty()) s += "\n    " + loc.snippet;
  return s + "\n";
}

// "accepterad till 2027-03-31: Logotypen byts i release 4.2" for each distinct acceptance.
std::string accepted_text(const CriterionCase& c, const Suppressions& suppressed, Lang lang) {
  std::vector<std::string> parts;
  for (const auto& [info, f] : c.accepted) {
    const Suppression& sup = suppressed.at(f);
    std::string p = std::string(lang == Lang::Sv ? "accepterad till " : "accepted until ") + sup.expires + ": " +
                    sup.justification;
    if (std::find(parts.begin(), parts.end(), p) == parts.end()) parts.push_back(std::move(p));
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::string case_name(const engine::Criterion& c, Lang lang, bool document) {
  std::string s = std::string(c.number) + " " + std::string(c.title.in(lang)) + " (" +
                  std::string(engine::to_string(c.level));
  const std::string_view clause = engine::en_clause_for(c, document);
  if (!clause.empty()) s += ", EN 301 549 " + std::string(clause);
  return s + ")";
}

}  // namespace

void write_junit(std::ostream& out, std::span<const PageReport> reports, const Options& opt) {
  const Lang lang = opt.lang;
  const bool sv = lang == Lang::Sv;
  std::vector<Suite> suites;
  std::size_t tests = 0, failures = 0, skipped = 0, errors = 0;
  for (const PageReport& r : reports) {
    suites.push_back(build_suite(r, opt.suppressed));
    tests += suites.back().cases.size();
    failures += suites.back().failures;
    skipped += suites.back().skipped;
    errors += suites.back().errors;
  }
  auto a = [](std::string_view s) { return escape_xml(s, true); };
  auto t = [](std::string_view s) { return escape_xml(s, false); };

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"granska " << a(kVersion) << "\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\">\n";
  for (std::size_t i = 0; i < suites.size(); ++i) {
    const Suite& s = suites[i];
    const input::Page& page = s.report->page;
    out << "  <testsuite name=\"" << a(page.url) << "\" id=\"" << i << "\" tests=\"" << s.cases.size()
        << "\" failures=\"" << s.failures << "\" errors=\"" << s.errors << "\" skipped=\"" << s.skipped << "\">\n";
    out << "    <properties>\n";
    out << "      <property name=\"url\" value=\"" << a(page.url) << "\"/>\n";
    if (!page.sha256.empty()) out << "      <property name=\"sha256\" value=\"" << a(page.sha256) << "\"/>\n";
    out << "      <property name=\"granska.version\" value=\"" << a(kVersion) << "\"/>\n";
    out << "    </properties>\n";
    const auto& rules = s.report->evaluation.rules;
    const bool document = !rules.empty() && rules.front().rule->info.subject != engine::Subject::Page;
    for (const CriterionCase& c : s.cases) {
      out << "    <testcase classname=\"" << a(page.url) << "\" name=\"" << a(case_name(*c.criterion, lang, document)) << "\"";
      switch (result_of(c)) {
        case CaseResult::Passed:
          out << "/>\n";
          continue;
        case CaseResult::Failed: {
          std::string body;
          for (const auto& [info, f] : c.failed) body += finding_line(*info, *f, lang);
          if (!c.accepted.empty()) {
            body += (sv ? "Accepterade brister (" : "Accepted issues (") + accepted_text(c, *opt.suppressed, lang) + "):\n";
            for (const auto& [info, f] : c.accepted) body += finding_line(*info, *f, lang);
          }
          if (!c.cant_tell.empty()) {
            body += sv ? "Kräver dessutom manuell granskning:\n" : "Also needs manual review:\n";
            for (const auto& [info, f] : c.cant_tell) body += finding_line(*info, *f, lang);
          }
          std::string msg = std::to_string(c.failed.size()) + (sv ? " underkända element" : " failed elements");
          out << ">\n      <failure message=\"" << a(msg) << "\" type=\"failed\">" << t(body) << "</failure>\n";
          break;
        }
        case CaseResult::Error: {
          std::string body;
          for (const engine::RuleResult* r : c.errors) body += std::string(r->rule->info.id) + ": " + r->error + "\n";
          out << ">\n      <error message=\"" << a(sv ? "regeln kunde inte köras" : "the rule could not run")
              << "\" type=\"rule-error\">" << t(body) << "</error>\n";
          break;
        }
        case CaseResult::Skipped: {
          std::string body, msg = sv ? "kräver manuell granskning" : "needs manual review";
          if (!c.accepted.empty()) {
            msg = accepted_text(c, *opt.suppressed, lang);
            for (const auto& [info, f] : c.accepted) body += finding_line(*info, *f, lang);
            if (!c.cant_tell.empty()) body += sv ? "Kräver dessutom manuell granskning:\n" : "Also needs manual review:\n";
          }
          for (const auto& [info, f] : c.cant_tell) body += finding_line(*info, *f, lang);
          out << ">\n      <skipped message=\"" << a(msg) << "\"/>\n";
          out << "      <system-out>" << t(body) << "</system-out>\n";
          break;
        }
      }
      out << "    </testcase>\n";
    }
    if (!s.warnings.empty()) {
      std::string body = sv ? "Varningar (god praxis, underkänner inget kriterium):\n"
                            : "Warnings (best practice, fail no criterion):\n";
      for (const auto& [info, f] : s.warnings) body += finding_line(*info, *f, lang);
      out << "    <system-out>" << t(body) << "</system-out>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

void write_junit(std::ostream& out, const PageReport& report, const Options& opt) {
  write_junit(out, std::span<const PageReport>(&report, 1), opt);
}

}  // namespace granska::reports
