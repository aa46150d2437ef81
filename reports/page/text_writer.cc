// Human-readable report: findings grouped by success criterion, in WCAG order, each with
// where it is and what to do. Colour only when asked (the CLI asks on a terminal).
#include <algorithm>
#include <map>

#include "granska_version.h"
#include "reports/page/report.h"
#include "reports/common/glossary.h"
#include "reports/common/terminal_escape.h"

namespace granska::reports {

namespace {

using engine::Outcome;

struct Style {
  bool on;
  std::string_view operator()(std::string_view code) const { return on ? code : ""; }
};
constexpr std::string_view kRed = "\x1b[31m", kYellow = "\x1b[33m", kGreen = "\x1b[32m",
                           kBold = "\x1b[1m", kDim = "\x1b[2m", kReset = "\x1b[0m";

std::string_view outcome_mark(Outcome o) {
  switch (o) {
    case Outcome::Failed: return "✗";
    case Outcome::CantTell: return "?";
    case Outcome::Passed: return "✓";
    case Outcome::Inapplicable: return "–";
  }
  return "";
}

std::string_view outcome_color(Outcome o) {
  switch (o) {
    case Outcome::Failed: return kRed;
    case Outcome::CantTell: return kYellow;
    case Outcome::Passed: return kGreen;
    case Outcome::Inapplicable: return kDim;
  }
  return "";
}

std::string criterion_heading(const engine::Criterion& c, Lang lang, bool document) {
  std::string out = std::string(c.number) + " " + std::string(c.title.in(lang)) + " — ";
  out += lang == Lang::Sv ? "nivå " : "level ";
  out += engine::to_string(c.level);
  const std::string_view clause = engine::en_clause_for(c, document);
  if (!clause.empty()) out += ", EN 301 549 " + std::string(clause);
  return out;
}

// The criterion a rule's findings are listed under. Every built-in rule names one (a
// catalogue test enforces it); a rule without any is listed under 4.1.2 rather than crash.
const engine::Criterion& primary_criterion(const engine::RuleInfo& info) {
  const engine::Criterion* c = info.criteria.empty() ? nullptr : engine::find_criterion(info.criteria.front().number);
  return c ? *c : *engine::find_criterion("4.1.2");
}

}  // namespace

std::string document_kind(const documents::Document& d, Lang lang) {
  const bool sv = lang == Lang::Sv;
  switch (d.format) {
    case documents::Format::Pdf: {
      std::string s = "PDF";
      if (!d.pdf.version.empty()) s += " " + d.pdf.version;
      if (d.pdf.security.password_required) return s + (sv ? ", lösenordsskyddad" : ", password protected");
      const std::size_t n = d.pdf.pages.size();
      s += ", " + std::to_string(n) + (sv ? (n == 1 ? " sida" : " sidor") : (n == 1 ? " page" : " pages"));
      s += d.pdf.catalog.has_struct_tree ? (sv ? ", taggad" : ", tagged") : (sv ? ", otaggad" : ", untagged");
      return s;
    }
    case documents::Format::Docx: return "Word (docx)";
    case documents::Format::Xlsx: return "Excel (xlsx)";
    case documents::Format::Pptx: {
      const std::size_t n = d.office.slides.size();
      return "PowerPoint (pptx), " + std::to_string(n) + (sv ? " bilder" : " slides");
    }
    case documents::Format::LegacyOffice: return sv ? "äldre Office-format (doc/xls/ppt)" : "older Office format (doc/xls/ppt)";
  }
  return {};
}

void write_text(std::ostream& out, const PageReport& report, const Options& opt) {
  const Lang lang = opt.lang;
  const bool sv = lang == Lang::Sv;
  Style st{opt.color};
  const input::Page& page = report.page;

  out << st(kBold) << "granska " << kVersion << " — " << escape_for_terminal(page.url) << st(kReset) << "\n";
  if (!page.redirects.empty()) {
    out << (sv ? "Omdirigerad " : "Redirected ") << page.redirects.size() << (sv ? " gång(er): " : " time(s): ");
    for (const auto& r : page.redirects) out << escape_for_terminal(r.from) << " → (" << r.status << ") ";
    out << escape_for_terminal(page.url) << "\n";
  }
  if (const documents::Document* d = report.document) {
    out << (sv ? "Dokument: " : "Document: ") << document_kind(*d, lang) << "\n";
  } else {
    out << (sv ? "Teckenkodning: " : "Encoding: ") << page.decoded.encoding << " ("
        << html::to_string(page.decoded.source) << ")\n";
  }
  for (const Error& note : page.notes) {
    out << st(kYellow) << (sv ? "Obs: " : "Note: ") << escape_for_terminal(note.text(lang)) << st(kReset) << "\n";
  }

  // Group the rules by their primary criterion, in WCAG order.
  std::map<std::string_view, std::vector<const engine::RuleResult*>> by_criterion;
  for (const engine::RuleResult& r : report.evaluation.rules) {
    by_criterion[primary_criterion(r.rule->info).number].push_back(&r);
  }
  std::vector<const engine::Criterion*> order;
  for (const auto& [number, rules] : by_criterion) order.push_back(engine::find_criterion(number));
  std::sort(order.begin(), order.end());  // the table is in WCAG order, so pointer order is WCAG order

  for (const engine::Criterion* c : order) {
    const auto& rules = by_criterion[c->number];
    auto shown = [&](const engine::Finding& f) {
      return f.outcome == Outcome::Failed || f.outcome == Outcome::CantTell ||
             (opt.show_passed && f.outcome == Outcome::Passed);
    };
    // Findings past the per-outcome cap (engine::Reporter) that would have been shown.
    auto omitted_shown = [&](const engine::RuleResult& r) {
      return r.omitted[static_cast<std::size_t>(Outcome::Failed)] +
             r.omitted[static_cast<std::size_t>(Outcome::CantTell)] +
             (opt.show_passed ? r.omitted[static_cast<std::size_t>(Outcome::Passed)] : 0);
    };
    bool any = std::any_of(rules.begin(), rules.end(), [&](const engine::RuleResult* r) {
      return std::any_of(r->findings.begin(), r->findings.end(), shown);
    });
    if (!any) continue;
    const bool document = rules.front()->rule->info.subject != engine::Subject::Page;
    out << "\n" << st(kBold) << criterion_heading(*c, lang, document) << st(kReset) << "\n";
    for (const engine::RuleResult* r : rules) {
      const engine::RuleInfo& info = r->rule->info;
      bool rule_shown = false;
      for (const engine::Finding& f : r->findings) {
        if (!shown(f)) continue;
        rule_shown = true;
        // A best-practice rule points at a likely problem but fails no criterion by itself,
        // so its failures read as warnings, not as "Underkänd".
        if (f.outcome == Outcome::Failed && info.kind == engine::RuleKind::BestPractice) {
          out << "  " << st(kYellow) << "! " << glossary::kWarning.in(lang) << st(kReset);
        } else {
          out << "  " << st(outcome_color(f.outcome)) << outcome_mark(f.outcome) << " "
              << engine::label(f.outcome).in(lang) << st(kReset);
        }
        if (f.outcome != Outcome::Passed) out << " [" << engine::label(info.impact).in(lang) << "]";
        out << " " << info.id << ": " << escape_for_terminal(f.text(lang)) << "\n";
        engine::Location loc = engine::locate(f);
        if (!loc.selector.empty() || loc.page > 0) {
          out << "      " << st(kDim);
          if (loc.line > 0) out << (sv ? "rad " : "line ") << loc.line << (sv ? ", kolumn " : ", column ") << loc.column << " · ";
          if (loc.page > 0) out << (sv ? "sida " : "page ") << loc.page << (loc.selector.empty() ? "" : " · ");
          out << escape_for_terminal(loc.selector) << st(kReset) << "\n";
          if (!loc.snippet.empty()) out << "      " << escape_for_terminal(loc.snippet) << "\n";
        }
      }
      if (std::size_t more = omitted_shown(*r); rule_shown && more > 0) {
        out << "    " << st(kDim)
            << (sv ? "… och " + std::to_string(more) + " till av samma regel (högst " +
                         std::to_string(engine::kMaxFindingsPerOutcome) + " per utfall och regel visas)"
                   : "… and " + std::to_string(more) + " more of the same rule (at most " +
                         std::to_string(engine::kMaxFindingsPerOutcome) + " per outcome and rule are shown)")
            << st(kReset) << "\n";
      }
      if (rule_shown && r->outcome != Outcome::Passed) {
        out << "    " << (sv ? "Så åtgärdar du: " : "How to fix: ") << info.help.in(lang) << "\n";
      }
    }
  }

  const auto& ev = report.evaluation;
  std::size_t rules_inapplicable = static_cast<std::size_t>(std::count_if(
      ev.rules.begin(), ev.rules.end(), [](const engine::RuleResult& r) { return r.outcome == Outcome::Inapplicable; }));
  std::size_t warnings = 0;
  for (const engine::RuleResult& r : ev.rules) {
    if (r.rule->info.kind != engine::RuleKind::BestPractice) continue;
    warnings += static_cast<std::size_t>(std::count_if(r.findings.begin(), r.findings.end(),
                                                       [](const engine::Finding& f) { return f.outcome == Outcome::Failed; }));
    warnings += r.omitted[static_cast<std::size_t>(Outcome::Failed)];
  }
  namespace g = glossary;
  const std::size_t failed = ev.count(Outcome::Failed) - warnings, cant_tell = ev.count(Outcome::CantTell),
                    passed = ev.count(Outcome::Passed);
  out << "\n" << st(kBold) << (sv ? "Sammanfattning: " : "Summary: ") << st(kReset)
      << st(kRed) << failed << " " << g::form(failed, g::kFailed, lang) << st(kReset) << ", "
      << st(kYellow) << warnings << " " << g::form(warnings, g::kWarnings, lang) << (sv ? " (god praxis)" : " (best practice)")
      << st(kReset) << ", " << st(kYellow) << cant_tell << " " << g::form(cant_tell, g::kNeedsReviewItems, lang) << st(kReset)
      << ", " << st(kGreen) << passed << " " << g::form(passed, g::kPassed, lang) << st(kReset) << ". "
      << ev.rules.size() << (sv ? " regler körda, " : " rules run, ") << rules_inapplicable
      << (report.document ? (sv ? " ej tillämpliga på dokumentet." : " not applicable to the document.")
                          : (sv ? " ej tillämpliga på sidan." : " not applicable to the page."))
      << "\n";
  if (sv) {
    out << "Automatiska kontroller hittar inte alla brister: resultatet ersätter inte en manuell granskning.\n";
  } else {
    out << "Automated checks do not find every problem: this result does not replace a manual review.\n";
  }
}

void write_catalogue_text(std::ostream& out, const engine::Registry& registry, const Options& opt) {
  const Lang lang = opt.lang;
  for (const engine::Rule* rule : registry.rules()) {
    const engine::RuleInfo& info = rule->info;
    out << info.id << "  " << info.title.in(lang) << "\n    ";
    for (std::size_t i = 0; i < info.criteria.size(); ++i) {
      const engine::Criterion* c = engine::find_criterion(info.criteria[i].number);
      out << (i ? ", " : "") << "WCAG " << c->number << " (" << engine::to_string(c->level) << ")";
      const std::string_view clause = engine::en_clause_for(*c, info.subject != engine::Subject::Page);
      if (!clause.empty()) out << " / EN " << clause;
    }
    out << " · " << engine::label(info.impact).in(lang);
    if (info.kind == engine::RuleKind::BestPractice) out << " · " << glossary::rule_kind(info.kind).in(lang);
    if (info.subject != engine::Subject::Page) out << " · " << engine::label(info.subject).in(lang);
    if (!info.pdfua.empty()) out << " · PDF/UA " << info.pdfua;
    if (!info.act_rules.empty()) {
      out << " · ACT";
      for (std::string_view a : info.act_rules) out << " " << a;
    }
    out << "\n";
  }
}

}  // namespace granska::reports
