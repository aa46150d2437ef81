// Human-readable report. By default the summary first, then the profile's findings grouped
// by criterion and by kind of problem (reports/page/page_summary.h); with --all the flat
// list of every finding of every rule, each with where it is and what to do. Colour only
// when asked (the CLI asks on a terminal).
#include <algorithm>
#include <map>
#include <set>

#include "granska_version.h"
#include "reports/common/criterion_links.h"
#include "reports/common/glossary.h"
#include "reports/common/terminal_escape.h"
#include "reports/page/page_summary.h"
#include "reports/page/report.h"

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

namespace {

// "1 underkänd", "2 underkända": the glossary's plural, with an ordinary space (terminal text).
std::string counted(std::size_t n, const glossary::Noun& noun, Lang lang) {
  return glossary::number(n, lang) + " " + std::string(glossary::form(n, noun, lang));
}

// The lines every text report starts with: tool, address, redirects, encoding or document
// kind, notes.
void write_page_head(std::ostream& out, const PageReport& report, Lang lang, const Style& st) {
  const bool sv = lang == Lang::Sv;
  const input::Page& page = report.page;
  out << st(kBold) << "granska " << kVersion << " — " << escape_for_terminal(page.url) << st(kReset) << "\n";
  if (!page.redirects.empty()) {
    out << (sv ? "Omdirigerad " : "Redirected ")
        << (page.redirects.size() == 1 ? (sv ? "en gång: " : "once: ")
                                       : std::to_string(page.redirects.size()) + (sv ? " gånger: " : " times: "));
    for (const auto& r : page.redirects) out << escape_for_terminal(r.from) << " → (" << r.status << ") ";
    out << escape_for_terminal(page.url) << "\n";
  }
  if (const documents::Document* d = report.document) {
    out << (sv ? "Dokument: " : "Document: ") << document_kind(*d, lang) << "\n";
  } else if (report.rendered) {
    out << (sv ? "Granskad som webbläsaren visar den (headless Chromium): innehållet efter skripten, webbläsarens stilar\n"
               : "Checked as the browser shows it (headless Chromium): the content after scripts, the browser's styles\n");
  } else {
    out << (sv ? "Teckenkodning: " : "Encoding: ") << page.decoded.encoding << " ("
        << html::to_string(page.decoded.source) << ")\n";
  }
  for (const Error& note : page.notes) {
    out << st(kYellow) << (sv ? "Obs: " : "Note: ") << escape_for_terminal(note.text(lang)) << st(kReset) << "\n";
  }
}

void write_disclaimer(std::ostream& out, Lang lang) {
  if (lang == Lang::Sv) {
    out << "Automatiska kontroller hittar inte alla brister: resultatet ersätter inte en manuell granskning.\n";
  } else {
    out << "Automated checks do not find every problem: this result does not replace a manual review.\n";
  }
}

// The flat list (--all): every failed and cantTell element of every rule (passed ones with
// show_passed), grouped only by criterion, and the counts last.
void write_flat_text(std::ostream& out, const PageReport& report, const Options& opt) {
  const Lang lang = opt.lang;
  const bool sv = lang == Lang::Sv;
  Style st{opt.color};
  write_page_head(out, report, lang, st);

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
      << st(kRed) << counted(failed, g::kFailed, lang) << st(kReset) << ", "
      << st(kYellow) << counted(warnings, g::kWarnings, lang) << (sv ? " (god praxis)" : " (best practice)") << st(kReset) << ", "
      << st(kYellow) << counted(cant_tell, g::kNeedsReviewItems, lang) << st(kReset) << ", "
      << st(kGreen) << counted(passed, g::kPassed, lang) << st(kReset) << ". "
      << counted(ev.rules.size(), g::kRules, lang) << (sv ? " körda, " : " run, ") << rules_inapplicable
      << (report.document ? (sv ? " ej tillämpliga på dokumentet." : " not applicable to the document.")
                          : (sv ? " ej tillämpliga på sidan." : " not applicable to the page."))
      << "\n";
  write_disclaimer(out, lang);
}

// How many places of one kind of problem the grouped text shows; --all shows every one.
constexpr std::size_t kPlacesShown = 3;

void write_place(std::ostream& out, const results::FindingRow& f, Lang lang, const Style& st, bool document) {
  const bool sv = lang == Lang::Sv;
  if (f.selector.empty() && f.page > 0) {
    out << "      " << st(kDim) << (sv ? "sida " : "page ") << f.page << st(kReset) << "\n";
    if (!f.snippet.empty()) out << "      " << escape_for_terminal(f.snippet) << "\n";
    return;
  }
  if (f.selector.empty()) {
    out << "      " << st(kDim)
        << (document ? (sv ? "gäller hela dokumentet" : "applies to the whole document")
                     : (sv ? "gäller hela sidan" : "applies to the whole page"))
        << st(kReset) << "\n";
    return;
  }
  out << "      " << st(kDim);
  if (f.line > 0) out << (sv ? "rad " : "line ") << f.line << (sv ? ", kolumn " : ", column ") << f.column << " · ";
  if (f.page > 0) out << (sv ? "sida " : "page ") << f.page << " · ";
  out << escape_for_terminal(f.selector) << st(kReset) << "\n";
  if (!f.snippet.empty()) out << "      " << escape_for_terminal(f.snippet) << "\n";
}

// "✗ Underkänd [allvarlig] image-alt: <message>" (the group's first line).
void write_group_line(std::ostream& out, const FindingGroup& g, Lang lang, const Style& st) {
  out << "  ";
  if (g.warning) {
    out << st(kYellow) << "! " << glossary::kWarning.in(lang) << st(kReset);
  } else {
    out << st(outcome_color(g.outcome)) << outcome_mark(g.outcome) << " " << glossary::outcome(g.outcome).in(lang) << st(kReset);
  }
  out << " [" << glossary::impact(g.impact()).in(lang) << "] " << escape_for_terminal(g.rule_id) << ": "
      << escape_for_terminal(g.text(lang)) << "\n";
}

std::string criterion_counts(const CriterionCounts& c, Lang lang) {
  std::string out;
  auto add = [&](std::size_t n, std::string text) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += text;
  };
  const bool sv = lang == Lang::Sv;
  add(c.failed, counted(c.failed, glossary::kFailed, lang));
  add(c.warnings, counted(c.warnings, glossary::kWarnings, lang) + (sv ? " (god praxis)" : " (best practice)"));
  add(c.needs_review, counted(c.needs_review, glossary::kNeedsReviewItems, lang));
  return out;
}

void write_grouped_text(std::ostream& out, const PageReport& report, const Options& opt) {
  const Lang lang = opt.lang;
  const bool sv = lang == Lang::Sv;
  Style st{opt.color};
  namespace g = glossary;
  const results::PageRow row = page_row(report);
  const org::Profile& profile = people_profile(opt);
  // The rules as the evaluation ran them (a test may run its own registry).
  engine::Registry registry;
  for (const engine::RuleResult& r : report.evaluation.rules) registry.add(*r.rule);
  const PageSummary s = summarize(row, registry, profile);

  write_page_head(out, report, lang, st);
  const bool document = report.document != nullptr;
  out << (sv ? "Profil: " : "Profile: ") << (sv ? profile.name_sv : profile.name_en) << " (" << profile.id << ")\n";

  // The summary: one line of counts, one line per criterion, what applies to the whole page.
  out << "\n" << st(kBold) << (sv ? "Sammanfattning: " : "Summary: ") << st(kReset)
      << st(s.failed ? kRed : "") << counted(s.failed, g::kFailed, lang) << st(s.failed ? kReset : "") << ", "
      << st(s.warnings ? kYellow : "") << counted(s.warnings, g::kWarnings, lang) << (sv ? " (god praxis)" : " (best practice)")
      << st(s.warnings ? kReset : "") << ", " << st(s.needs_review ? kYellow : "")
      << counted(s.needs_review, g::kNeedsReviewItems, lang) << st(s.needs_review ? kReset : "") << ". "
      << (sv ? "Av " : "Of ") << counted(s.rules_run, g::kRules, lang)
      << (document ? (sv ? " som gällde dokumentet hittade " : " that applied to the document, ")
                   : (sv ? " som gällde sidan hittade " : " that applied to the page, "))
      << s.rules_passed
      << (sv ? " inget att anmärka på." : " found nothing to remark on.") << "\n";
  if (!s.by_criterion.empty()) {
    out << "\n" << (sv ? "Per kriterium:" : "By criterion:") << "\n";
    for (const CriterionCounts& c : s.by_criterion) {
      out << "  " << c.criterion->number << " " << c.criterion->title.in(lang) << " (" << engine::to_string(c.criterion->level)
          << "): " << criterion_counts(c, lang) << "\n";
    }
  }
  bool any_page_wide = false;
  for (const FindingGroup& grp : s.groups) {
    if (!grp.page_wide) continue;
    if (!any_page_wide) {
      out << "\n"
          << (document ? (sv ? "Gäller hela dokumentet:" : "Applies to the whole document:")
                       : (sv ? "Gäller hela sidan:" : "Applies to the whole page:"))
          << "\n";
    }
    any_page_wide = true;
    out << "  " << st(kYellow) << "? " << st(kReset) << grp.criterion->number << " " << escape_for_terminal(grp.rule_id) << ": "
        << escape_for_terminal(grp.text(lang)) << " (" << counted(grp.where.size(), grp.noun(), lang) << ")\n";
  }
  if (s.outside_profile > 0) {
    out << "\n"
        << (sv ? "Utanför profilen: " : "Outside the profile: ") << counted(s.outside_profile, g::kFindings, lang)
        << (sv ? " för kriterier som profilen inte omfattar visas inte (--profile wcag21-aaa visar nivå AAA, --all allt)."
               : " for criteria the profile does not cover are not shown (--profile wcag21-aaa shows level AAA, --all everything).")
        << "\n";
  }
  write_disclaimer(out, lang);

  // The details: per criterion, each kind of problem once with its first places.
  const engine::Criterion* current = nullptr;
  std::set<std::string_view> helped;  // rules whose "how to fix" this criterion has shown
  for (std::size_t i = 0; i < s.groups.size(); ++i) {
    const FindingGroup& grp = s.groups[i];
    if (grp.page_wide) continue;
    if (grp.criterion != current) {
      current = grp.criterion;
      helped.clear();
      out << "\n" << st(kBold) << criterion_heading(*current, lang, grp.document()) << st(kReset) << "\n"
          << "  " << st(kDim) << wcag_url(*current, lang) << st(kReset) << "\n";
    }
    write_group_line(out, grp, lang, st);
    const std::size_t n = grp.where.size();
    if (n > 1) {
      out << "      " << (sv ? "Samma problem på " : "The same problem on ") << counted(n, grp.noun(), lang);
      if (n > kPlacesShown) out << (sv ? ", de första " : ", the first ") << kPlacesShown;
      out << ":\n";
    }
    for (std::size_t k = 0; k < std::min(n, kPlacesShown); ++k) write_place(out, *grp.where[k], lang, st, document);
    if (n > kPlacesShown) {
      out << "      " << st(kDim) << (sv ? "… och " : "… and ") << glossary::number(n - kPlacesShown, lang)
          << (sv ? " till (--all visar alla)" : " more (--all shows them all)") << st(kReset) << "\n";
    }
    // How to fix: once per rule, after its last group under this criterion.
    const bool last_of_rule = i + 1 == s.groups.size() || s.groups[i + 1].rule_id != grp.rule_id ||
                              s.groups[i + 1].criterion != grp.criterion || s.groups[i + 1].page_wide;
    if (last_of_rule && !grp.help(lang).empty() && helped.insert(grp.rule_id).second) {
      out << "    " << (sv ? "Så åtgärdar du: " : "How to fix: ") << grp.help(lang) << "\n";
    }
  }
}

}  // namespace

void write_text(std::ostream& out, const PageReport& report, const Options& opt) {
  if (opt.all || opt.show_passed) {
    write_flat_text(out, report, opt);
  } else {
    write_grouped_text(out, report, opt);
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
