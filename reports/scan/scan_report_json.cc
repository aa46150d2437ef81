// report.json: the scan report for machines. Streamed (a 50,000-page scan's findings never
// sit in memory at once), with a fixed key order so the same scan gives the same bytes.
// Schema: docs/report-format.md.
#include "reports/scan/scan_report_model.h"
#include "reports/site/site_report.h"
#include "granska_version.h"
#include "util/text.h"

namespace granska::reports::scan_report {

namespace {

std::string num(std::size_t n) { return std::to_string(n); }
std::string str(std::string_view s) { return json_string(s); }

std::string outcome_or_null(const std::optional<engine::Outcome>& o) {
  return o ? str(engine::to_string(*o)) : std::string("null");
}

std::string scan_json(const results::ScanInfo& s) {
  return "{\"id\": " + std::to_string(s.id) + ", \"started\": " + str(s.started) + ", \"finished\": " + str(s.finished) +
         ", \"granska_version\": " + str(s.granska_version) + ", \"ruleset_hash\": " + str(s.ruleset_hash) +
         ", \"config_name\": " + str(s.config_name) + ", \"pages\": " + num(s.pages) +
         ", \"max_pages\": " + num(s.max_pages) + ", \"max_depth\": " + std::to_string(s.max_depth) +
         ", \"page_limit_reached\": " + (s.page_limit_reached() ? "true" : "false") +
         ", \"pages_at_max_depth\": " + num(s.pages_at_max_depth) +
         ", \"rendering\": " + (s.rendering ? "true" : "false") + "}";
}

std::string figures_json(const Model& m, const figures::UnitFigures& f) {
  std::string out = "{\"pages\": " + num(f.pages) + ", \"html_pages\": " + num(f.html_pages) +
                    ", \"pages_without_failures\": " + num(f.pages_without_failures) +
                    ", \"failures\": " + num(f.failures) + ", \"cant_tell\": " + num(f.cant_tell) +
                    ", \"best_practice_warnings\": " + num(f.warnings) + ", \"error_pages\": " + num(f.error_pages) +
                    ", \"blocked\": " + num(f.blocked) + ", \"skipped\": " + num(f.skipped) +
                    ", \"redirected\": " + num(f.redirected) + ", \"aliases\": " + num(f.aliases) +
                    ", \"rendered_pages\": " + num(f.rendered) +
                    ", \"not_checkable\": " + num(f.not_checkable()) +
                    ", \"media\": " + num(f.media) + ", \"media_needing_work\": " + num(f.media_needing_work) +
                    ", \"documents\": " + num(f.docs.documents) +
                    ", \"document_figures\": {\"checked\": " + num(f.docs.checked) + ", \"failing\": " + num(f.docs.failing) +
                    ", \"failures\": " + num(f.docs.failures) + ", \"cant_tell\": " + num(f.docs.cant_tell) +
                    ", \"best_practice_warnings\": " + num(f.docs.warnings) + ", \"not_checked\": " + num(f.docs.not_checked) +
                    ", \"over_cap\": " + num(f.docs.over_cap) + ", \"shared\": " + num(f.docs.shared) + "}" +
                    ", \"criteria_with_failures\": " + num(f.criteria_with_failures()) + ", \"by_criterion\": {";
  const auto& crit = m.rules->criteria();
  for (std::size_t i = 0; i < crit.size(); ++i) {
    out += (i ? ", " : "") + str(crit[i]) + ": {\"failures\": " + num(f.failures_by_criterion[i]) +
           ", \"pages\": " + num(f.pages_by_criterion[i]) + ", \"pages_tested\": " + num(f.pages_tested_by_criterion[i]) +
           ", \"cant_tell\": " + num(f.cant_tell_by_criterion[i]) + ", \"mark\": " +
           str(figures::to_string(figures::review_mark(f, i, m.coverage[i].coverage, m.thresholds))) + "}";
  }
  return out + "}}";
}

std::string gap_json(const figures::UnitFigures& f, const figures::StatusThresholds& t) {
  std::string out = "{";
  bool first = true;
  for (auto [name, target] : {std::pair{"partial", figures::Status::Partial}, std::pair{"satisfactory", figures::Status::Satisfactory}}) {
    const figures::StatusGap g = figures::gap_to(f, target, t);
    out += std::string(first ? "" : ", ") + "\"" + name + "\": " +
           (g.assessed ? "{\"pages\": " + num(g.pages) + ", \"criteria\": " + num(g.criteria) + "}" : std::string("null"));
    first = false;
  }
  return out + "}";
}

std::string trend_json(const std::vector<figures::Trend>& t, std::size_t i) {
  if (t.empty()) return "null";
  return "{\"new\": " + num(t[i].added) + ", \"fixed\": " + num(t[i].fixed) + ", \"remaining\": " + num(t[i].remaining) +
         ", \"not_rechecked\": " + num(t[i].not_rechecked) +
         ", \"not_checked_before\": " + num(t[i].not_checked_before) + "}";
}

}  // namespace

std::string clean_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    // Printable ASCII, tab, CR and LF are copied in runs (nearly all text).
    std::size_t j = i;
    while (j < s.size()) {
      const auto c = static_cast<unsigned char>(s[j]);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c >= 0x7F) break;
      ++j;
    }
    out.append(s, i, j - i);
    i = j;
    if (i == s.size()) break;
    char32_t cp = 0;
    const std::size_t len = text::utf8_sequence(s, i, cp);
    if (len == 0 || cp < 0x20 || cp == 0x7F) {
      out += text::kReplacementUtf8;
      i += len == 0 ? 1 : len;
    } else {
      out.append(s, i, len);
      i += len;
    }
  }
  return out;
}

std::string json_string(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size()) {
      const auto c = static_cast<unsigned char>(s[j]);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&') break;
      ++j;
    }
    out.append(s, i, j - i);
    i = j;
    if (i == s.size()) break;
    char32_t cp = 0;
    const std::size_t len = text::utf8_sequence(s, i, cp);
    if (len == 0) {
      out += text::kReplacementUtf8;
      ++i;
      continue;
    }
    switch (cp) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      // Escaped so the file can be embedded in HTML <script> or read by naive tools safely.
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      case 0x2028: out += "\\u2028"; break;
      case 0x2029: out += "\\u2029"; break;
      default:
        if (cp < 0x20 || cp == 0x7F) {
          out += "\\u00";
          out += kHex[(cp >> 4) & 0xF];
          out += kHex[cp & 0xF];
        } else {
          out.append(s, i, len);
        }
    }
    i += len;
  }
  out += '"';
  return out;
}

void JsonReport::begin() {
  const Model& m = m_;
  std::ostream& o = out_;
  o << "{\n\"schema\": \"granska-scan-report\",\n\"schema_version\": " << kScanReportJsonVersion
    << ",\n\"tool\": {\"name\": \"granska\", \"version\": " << str(kVersion) << "},\n\"generated\": "
    << str(m.generated_at) << ",\n\"lang\": " << str(m.lang == Lang::En ? "en" : "sv")
    << ",\n\"scan\": " << scan_json(m.latest().scan)
    << ",\n\"previous_scan\": " << (m.previous ? scan_json(*m.previous) : std::string("null"));
  o << ",\n\"profile\": {\"id\": " << str(m.profile->id) << ", \"name\": "
    << str(m.lang == Lang::En ? m.profile->name_en : m.profile->name_sv)
    << ", \"proposal\": " << (m.profile->proposal ? "true" : "false") << ", \"criteria\": [";
  for (std::size_t i = 0; i < m.coverage.size(); ++i) {
    const org::CriterionCoverage& c = m.coverage[i];
    o << (i ? "," : "") << "\n  {\"number\": " << str(c.criterion->number) << ", \"title\": "
      << str(c.criterion->title.in(m.lang)) << ", \"level\": " << str(engine::to_string(c.criterion->level))
      << ", \"en_301_549\": " << str(c.criterion->en_clause) << ", \"coverage\": " << str(org::to_string(c.coverage))
      << ", \"requirement_rules\": [";
    for (std::size_t r = 0; r < c.requirement_rules.size(); ++r) o << (r ? ", " : "") << str(c.requirement_rules[r]);
    o << "], \"best_practice_rules\": [";
    for (std::size_t r = 0; r < c.best_practice_rules.size(); ++r) o << (r ? ", " : "") << str(c.best_practice_rules[r]);
    o << "]}";
  }
  const figures::StatusThresholds& t = m.thresholds;
  o << "]},\n\"status_thresholds\": {\"satisfactory_min_share\": " << t.satisfactory_min_share
    << ", \"partial_min_share\": " << t.partial_min_share
    << ", \"satisfactory_max_failed_criteria\": " << t.satisfactory_max_failed_criteria
    << ", \"partial_max_failed_criteria\": " << t.partial_max_failed_criteria << "}";
  o << ",\n\"total\": {\"status\": " << str(figures::to_string(m.total_status))
    << ", \"figures\": " << figures_json(m, m.latest().total) << ", \"trend\": "
    << trend_json(m.trend, m.units.size()) << ", \"to_reach\": " << gap_json(m.latest().total, m.thresholds) << "}";
  o << ",\n\"overview_order\": [";
  for (std::size_t i = 0; i < m.order.size(); ++i) o << (i ? ", " : "") << str(m.units[m.order[i]].id);
  o << "]";
  o << ",\n\"units\": [";
  for (std::size_t u = 0; u < m.units.size(); ++u) {
    const org::Unit& unit = m.units[u];
    o << (u ? "," : "") << "\n  {\"id\": " << str(unit.id) << ", \"name\": " << str(m.unit_name(u))
      << ", \"type\": " << str(org::to_string(unit.type)) << ", \"status\": " << str(figures::to_string(m.status[u]))
      << ", \"figures\": " << figures_json(m, m.latest().units[u]) << ", \"trend\": " << trend_json(m.trend, u)
      << ", \"to_reach\": " << gap_json(m.latest().units[u], m.thresholds) << ", \"worst_pages\": [";
    const auto& worst = m.latest().units[u].worst_pages;
    for (std::size_t w = 0; w < worst.size(); ++w) {
      o << (w ? ", " : "") << "{\"url\": " << str(worst[w].url) << ", \"title\": " << str(worst[w].title)
        << ", \"failures\": " << num(worst[w].failures) << "}";
    }
    o << "]}";
  }
  o << "],\n\"history\": [";
  for (std::size_t h = 0; h < m.history.size(); ++h) {
    const figures::ScanFigures& f = m.history[h];
    o << (h ? "," : "") << "\n  {\"scan\": " << scan_json(f.scan) << ", \"total\": {\"status\": "
      << str(figures::to_string(figures::status_of(f.total, m.thresholds))) << ", \"figures\": " << figures_json(m, f.total)
      << "}, \"units\": [";
    for (std::size_t u = 0; u < m.units.size(); ++u) {
      o << (u ? ", " : "") << "{\"id\": " << str(m.units[u].id) << ", \"status\": "
        << str(figures::to_string(figures::status_of(f.units[u], m.thresholds)))
        << ", \"pages\": " << num(f.units[u].pages) << ", \"html_pages\": " << num(f.units[u].html_pages)
        << ", \"pages_without_failures\": " << num(f.units[u].pages_without_failures)
        << ", \"failures\": " << num(f.units[u].failures) << "}";
    }
    o << "]}";
  }
  o << "],\n\"pages\": [";
}

void JsonReport::page(const results::PageRow& page, std::size_t unit, const figures::Alias* alias) {
  // One entry per page record, its findings inside: page fields are written once, not
  // once per finding (a third of the file on a large scan).
  std::size_t failures = 0;
  for (const results::FindingRow& f : page.findings) {
    failures += f.outcome == engine::Outcome::Failed && m_.rules->facts(f.rule).counts() ? 1 : 0;
  }
  const bool document = page.kind == "document";
  out_ << (first_ ? "" : ",") << "\n  {\"url\": " << str(page.url) << ", \"final_url\": " << str(page.final_url)
       << ", \"title\": " << str(page.title) << ", \"unit\": " << str(m_.units[unit].id) << ", \"kind\": "
       << str(page.kind) << ", \"status\": " << page.status << ", \"error\": "
       << str(m_.lang == Lang::En && !page.error_en.empty() ? page.error_en : page.error)
       << ", \"canonical\": " << str(page.canonical) << ", \"rendered\": " << (page.rendered ? "true" : "false")
       << ", \"alias_of\": "
       << (alias ? "{\"url\": " + str(alias->primary) + ", \"reason\": " + str(figures::to_string(alias->reason)) + "}"
                 : std::string("null"))
       << ", \"failures\": " << (alias ? 0 : failures) << ", \"findings\": [";
  first_ = false;
  bool first = true;
  for (const results::FindingRow& f : page.findings) {
    const figures::RuleFacts& facts = m_.rules->facts(f.rule);
    out_ << (first ? "" : ",") << "\n    {\"rule\": " << str(f.rule) << ", \"kind\": "
         << str(facts.rule ? engine::to_string(facts.rule->info.kind) : std::string_view("unknown"))
         << ", \"counts\": " << (facts.counts() ? "true" : "false") << ", \"outcome\": " << str(engine::to_string(f.outcome))
         << ", \"criteria\": [";
    first = false;
    if (facts.rule) {
      const auto& cs = facts.rule->info.criteria;
      for (std::size_t i = 0; i < cs.size(); ++i) out_ << (i ? ", " : "") << str(cs[i].number);
    }
    out_ << "], \"message_id\": " << str(f.message_id) << ", \"message\": " << str(message_text(facts, f, m_.lang))
         << ", \"args\": [";
    for (std::size_t i = 0; i < f.args.size(); ++i) out_ << (i ? ", " : "") << str(f.args[i]);
    if (document) {
      // Where in the document: its page, the structure path (or Office part), the PDF object.
      out_ << "], \"location\": {\"page\": " << f.page << ", \"path\": " << str(f.selector) << ", \"object\": " << f.object
           << "}, \"snippet\": " << str(f.snippet) << "}";
    } else {
      out_ << "], \"selector\": " << str(f.selector) << ", \"line\": " << f.line << ", \"column\": " << f.column
           << ", \"snippet\": " << str(f.snippet) << "}";
    }
  }
  out_ << "]}";
}

void JsonReport::end() {
  std::ostream& o = out_;
  o << "\n],\n\"media\": [";
  bool first = true;
  for (std::size_t u = 0; u < m_.units.size(); ++u) {
    for (const results::MediaRow& r : m_.media[u]) {
      o << (first ? "" : ",") << "\n  {\"page_url\": " << str(r.page_url) << ", \"unit\": " << str(m_.units[u].id)
        << ", \"kind\": " << str(r.kind) << ", \"source\": " << str(r.source) << ", \"name\": " << str(r.name)
        << ", \"player\": " << str(r.player) << ", \"captions\": " << outcome_or_null(r.captions)
        << ", \"description\": " << outcome_or_null(r.description) << ", \"transcript\": " << outcome_or_null(r.transcript)
        << ", \"autoplay\": " << outcome_or_null(r.autoplay)
        << ", \"needs_work\": " << (figures::media_needs_work(r) ? "true" : "false") << "}";
      first = false;
    }
  }
  o << "\n],\n\"documents\": [";
  first = true;
  for (std::size_t d = 0; d < m_.document_rows.size(); ++d) {
    const results::DocumentRow& doc = m_.document_rows[d];
    const figures::DocumentScore& sc = m_.document_scores[d];
    o << (first ? "" : ",") << "\n  {\"url\": " << str(doc.url) << ", \"final_url\": " << str(doc.final_url)
      << ", \"title\": " << str(doc.title) << ", \"units\": [";
    for (std::size_t i = 0; i < m_.document_units[d].size(); ++i) {
      o << (i ? ", " : "") << str(m_.units[m_.document_units[d][i]].id);
    }
    o << "], \"content_type\": " << str(doc.content_type) << ", \"status\": " << doc.status << ", \"size\": " << doc.size
      << ", \"check\": " << str(doc.state) << ", \"format\": " << str(doc.format)
      << ", \"reason\": " << str(m_.lang == Lang::En && !doc.error_en.empty() ? doc.error_en : doc.error)
      << ", \"unchanged\": " << (doc.unchanged ? "true" : "false") << ", \"sha256\": " << str(doc.content_sha256)
      << ", \"failed\": " << (doc.checked() && sc.failed ? "true" : "false") << ", \"failures\": " << sc.failures
      << ", \"cant_tell\": " << sc.cant_tell << ", \"best_practice_warnings\": " << sc.warnings << ", \"linked_from\": [";
    for (std::size_t i = 0; i < doc.linked_from.size(); ++i) {
      o << (i ? ", " : "") << "{\"url\": " << str(doc.linked_from[i].url) << ", \"unit\": " << str(doc.linked_from[i].unit)
        << "}";
    }
    o << "]}";
    first = false;
  }
  // The site-level checks (reports/site/site_report.h), each site with its findings.
  o << "\n],\n\"sites\": [";
  first = true;
  for (const results::SiteSummary& site : m_.sites) {
    std::vector<const results::SiteFinding*> findings;
    for (const results::SiteFinding& f : m_.site_findings) {
      if (f.site == site.id) findings.push_back(&f);
    }
    o << (first ? "" : ",") << "\n  ";
    site_report::write_site_json(o, site, findings, m_.lang, [&](const std::string& id) { return unit_name_of(m_, id); });
    first = false;
  }
  o << "\n]\n}\n";
}

}  // namespace granska::reports::scan_report
