// granskning.xlsx: the review's view as a workbook, for the committees' status reports to
// the city office. What the CSV cannot promise, a workbook can: a criterion number is a
// text cell (never the date 2001-01-01), a share is a number shown as a percentage, a scan
// time is a date. Sheets:
//   Översikt                  one row per unit, in the overview's order
//   Bedömning                 one row per unit and criterion: Ja / Delvis / Nej / Ej testat
//   Status per genomsökning   one row per unit, one column per scan of the history
//   Om                        scan, profile (and whether its list is a proposal), thresholds
// libxlsxwriter (Debian's libxlsxwriter-dev) lives behind this file alone.
#include <xlsxwriter.h>

#include <ctime>

#include "reports/common/glossary.h"
#include "reports/scan/scan_report_model.h"
#include "util/local_time.h"

namespace granska::reports::scan_report {

namespace {

namespace g = glossary;

std::string tr(Lang lang, std::string_view sv, std::string_view en) { return std::string(lang == Lang::En ? en : sv); }

// "2026-11-23T02:00:05Z" as the Swedish local time Excel shows.
std::optional<lxw_datetime> excel_time(std::string_view iso) {
  std::optional<std::string> t = stockholm_time(iso);  // "YYYY-MM-DD HH:MM"
  if (!t) return std::nullopt;
  lxw_datetime d{};
  d.year = std::stoi(t->substr(0, 4));
  d.month = std::stoi(t->substr(5, 2));
  d.day = std::stoi(t->substr(8, 2));
  d.hour = std::stoi(t->substr(11, 2));
  d.min = std::stoi(t->substr(14, 2));
  return d;
}

// "2026-11-23T02:00:05Z" as seconds since the epoch (the workbook's creation time).
std::time_t epoch_of(std::string_view iso) {
  std::tm tm{};
  if (iso.size() < 19 || ::strptime(std::string(iso.substr(0, 19)).c_str(), "%Y-%m-%dT%H:%M:%S", &tm) == nullptr) return 1;
  return ::timegm(&tm);
}

class Sheet {
 public:
  Sheet(lxw_workbook* wb, const std::string& name, lxw_format* head) : ws_(workbook_add_worksheet(wb, name.c_str())), head_(head) {}
  void header(const std::vector<std::string>& names) {
    for (std::size_t c = 0; c < names.size(); ++c) text(0, c, names[c], head_);
    cols_ = names.size();
    worksheet_freeze_panes(ws_, 1, 0);
  }
  void text(std::size_t r, std::size_t c, const std::string& s, lxw_format* f = nullptr) {
    worksheet_write_string(ws_, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), clean_utf8(s).c_str(), f);
    last_row_ = std::max(last_row_, r);
  }
  void number(std::size_t r, std::size_t c, double v, lxw_format* f = nullptr) {
    worksheet_write_number(ws_, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v, f);
    last_row_ = std::max(last_row_, r);
  }
  void time(std::size_t r, std::size_t c, std::string_view iso, lxw_format* f) {
    if (std::optional<lxw_datetime> d = excel_time(iso)) {
      worksheet_write_datetime(ws_, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), &*d, f);
      last_row_ = std::max(last_row_, r);
    } else {
      text(r, c, std::string(iso));
    }
  }
  void widths(const std::vector<double>& w) {
    for (std::size_t c = 0; c < w.size(); ++c) {
      worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w[c], nullptr);
    }
  }
  void filter() {
    if (cols_ > 0) worksheet_autofilter(ws_, 0, 0, static_cast<lxw_row_t>(last_row_), static_cast<lxw_col_t>(cols_ - 1));
  }

 private:
  lxw_worksheet* ws_;
  lxw_format* head_;
  std::size_t cols_ = 0;
  std::size_t last_row_ = 0;
};

}  // namespace

Status write_review_xlsx(const std::filesystem::path& path, const Model& m) {
  const Lang lang = m.lang;
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Error{"cannot write " + path.string(), "kan inte skriva " + path.string()};
  lxw_doc_properties props{};
  const std::string title = tr(lang, "Tillgänglighetsgranskning per nämnd och bolag", "Accessibility review by committee and company");
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>("granska");
  props.created = epoch_of(m.generated_at);  // the same input gives the same bytes
  workbook_set_properties(wb, &props);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_text_wrap(head);
  format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
  lxw_format* share = workbook_add_format(wb);
  format_set_num_format(share, "0.0%");
  lxw_format* when = workbook_add_format(wb);
  format_set_num_format(when, "yyyy-mm-dd hh:mm");
  const figures::ScanFigures& latest = m.latest();

  {
    Sheet s(wb, tr(lang, "Översikt", "Overview"), head);
    s.header({tr(lang, "Enhet", "Unit"), tr(lang, "Enhet (id)", "Unit (id)"), tr(lang, "Typ", "Type"),
              tr(lang, "Status", "Status"), tr(lang, "Fel", "Failures"), tr(lang, "Granskade sidor", "Checked pages"),
              tr(lang, "Andel utan fel", "Share without failures"), tr(lang, "Kunde inte granskas", "Could not be checked"),
              tr(lang, "Nya fel sedan förra", "New failures since the previous scan"),
              tr(lang, "Åtgärdade fel sedan förra", "Fixed failures since the previous scan"),
              tr(lang, "Sidor till utan fel för Delvis", "More pages without failures for Partly"),
              tr(lang, "Sidor till utan fel för Ja", "More pages without failures for Yes"),
              tr(lang, "Kräver manuell granskning", "Needs manual review"), tr(lang, "Varningar (god praxis)", "Warnings (best practice)")});
    s.widths({28, 22, 10, 16, 10, 12, 12, 12, 12, 12, 14, 14, 14, 14});
    std::size_t r = 1;
    for (std::size_t u : m.order) {
      const figures::UnitFigures& f = latest.units[u];
      s.text(r, 0, std::string(m.unit_name(u)));
      s.text(r, 1, m.units[u].id);
      s.text(r, 2, std::string(org::label(m.units[u].type).in(lang)));
      s.text(r, 3, std::string(g::status_short(m.status[u]).in(lang)));
      s.number(r, 4, static_cast<double>(f.failures));
      s.number(r, 5, static_cast<double>(f.html_pages));
      if (f.html_pages) s.number(r, 6, static_cast<double>(f.pages_without_failures) / static_cast<double>(f.html_pages), share);
      s.number(r, 7, static_cast<double>(f.not_checkable()));
      if (!m.trend.empty()) {
        s.number(r, 8, static_cast<double>(m.trend[u].added));
        s.number(r, 9, static_cast<double>(m.trend[u].fixed));
      }
      const figures::StatusGap partial = figures::gap_to(f, figures::Status::Partial, m.thresholds);
      const figures::StatusGap yes = figures::gap_to(f, figures::Status::Satisfactory, m.thresholds);
      if (partial.assessed) s.number(r, 10, static_cast<double>(partial.pages));
      if (yes.assessed) s.number(r, 11, static_cast<double>(yes.pages));
      s.number(r, 12, static_cast<double>(f.cant_tell));
      s.number(r, 13, static_cast<double>(f.warnings));
      ++r;
    }
    s.filter();
  }
  {
    Sheet s(wb, tr(lang, "Bedömning", "Marks"), head);
    s.header({tr(lang, "Enhet", "Unit"), tr(lang, "Enhet (id)", "Unit (id)"), tr(lang, "Kriterium", "Criterion"),
              tr(lang, "Kriteriets namn", "Criterion title"), tr(lang, "Nivå", "Level"), "EN 301 549",
              tr(lang, "Täckning", "Coverage"), tr(lang, "Bedömning", "Mark"), tr(lang, "Sidor testade", "Pages tested"),
              tr(lang, "Sidor med fel", "Pages with failures"), tr(lang, "Andel utan fel", "Share without failures"),
              tr(lang, "Fel", "Failures"), tr(lang, "Kräver manuell granskning", "Needs manual review")});
    s.widths({28, 22, 10, 36, 6, 12, 24, 12, 12, 12, 12, 10, 14});
    std::size_t r = 1;
    for (std::size_t u : m.order) {
      const figures::UnitFigures& f = latest.units[u];
      for (std::size_t c = 0; c < m.coverage.size(); ++c) {
        const engine::Criterion& crit = *m.coverage[c].criterion;
        s.text(r, 0, std::string(m.unit_name(u)));
        s.text(r, 1, m.units[u].id);
        s.text(r, 2, std::string(crit.number));  // a text cell: never a date
        s.text(r, 3, std::string(crit.title.in(lang)));
        s.text(r, 4, std::string(engine::to_string(crit.level)));
        s.text(r, 5, std::string(crit.en_clause));
        s.text(r, 6, std::string(g::coverage(m.coverage[c].coverage).in(lang)));
        s.text(r, 7, std::string(g::review_mark(m.mark(u, c)).in(lang)));
        if (m.coverage[c].coverage == org::Coverage::Automatic) {
          const std::size_t tested = f.pages_tested_by_criterion[c];
          const std::size_t failed = std::min(tested, f.pages_by_criterion[c]);
          s.number(r, 8, static_cast<double>(tested));
          s.number(r, 9, static_cast<double>(f.pages_by_criterion[c]));
          if (tested) s.number(r, 10, static_cast<double>(tested - failed) / static_cast<double>(tested), share);
          s.number(r, 11, static_cast<double>(f.failures_by_criterion[c]));
          s.number(r, 12, static_cast<double>(f.cant_tell_by_criterion[c]));
        }
        ++r;
      }
    }
    s.filter();
  }
  {
    Sheet s(wb, tr(lang, "Status per genomsökning", "Status per scan"), head);
    std::vector<std::string> names{tr(lang, "Enhet", "Unit"), tr(lang, "Enhet (id)", "Unit (id)")};
    for (const figures::ScanFigures& f : m.history) {
      names.push_back(tr(lang, "nr ", "no. ") + std::to_string(f.scan.id) + " " + display_time(f.scan.started));
    }
    s.header(names);
    std::vector<double> w{28, 22};
    w.resize(names.size(), 18);
    s.widths(w);
    std::size_t r = 1;
    for (std::size_t u : m.order) {
      s.text(r, 0, std::string(m.unit_name(u)));
      s.text(r, 1, m.units[u].id);
      for (std::size_t h = 0; h < m.history.size(); ++h) {
        s.text(r, 2 + h, std::string(g::status_short(figures::status_of(m.history[h].units[u], m.thresholds)).in(lang)));
      }
      ++r;
    }
    s.text(r, 0, tr(lang, "Alla enheter", "All units"));
    for (std::size_t h = 0; h < m.history.size(); ++h) {
      s.text(r, 2 + h, std::string(g::status_short(figures::status_of(m.history[h].total, m.thresholds)).in(lang)));
    }
  }
  {
    Sheet s(wb, tr(lang, "Om", "About"), head);
    s.widths({34, 80});
    std::size_t r = 0;
    auto line = [&](const std::string& k, const std::string& v) {
      s.text(r, 0, k, head);
      s.text(r, 1, v);
      ++r;
    };
    line(tr(lang, "Genomsökning", "Scan"), std::to_string(latest.scan.id));
    s.text(r, 0, tr(lang, "Startad (svensk tid)", "Started (Swedish time)"), head);
    s.time(r++, 1, latest.scan.started, when);
    line(tr(lang, "Granskning", "Review"), (lang == Lang::En ? m.profile->name_en : m.profile->name_sv) + " (" + m.profile->id + ")");
    line(tr(lang, "Kriterielistan", "The list of criteria"),
         m.profile->proposal ? tr(lang, "förslag – fastställs av stadskontoret",
                                  "granska's proposal – to be set by the city office")
                             : tr(lang, "fastställd i inställningsfilen", "set in the configuration"));
    line(tr(lang, "Ja, tillfredsställande", "Yes, satisfactory"),
         tr(lang, "minst ", "at least ") + std::to_string(static_cast<int>(m.thresholds.satisfactory_min_share * 100 + 0.5)) +
             tr(lang, " % av de granskade sidorna utan fel", "% of the checked pages without failures"));
    line(tr(lang, "Delvis, förbättringsområde", "Partly, area for improvement"),
         tr(lang, "minst ", "at least ") + std::to_string(static_cast<int>(m.thresholds.partial_min_share * 100 + 0.5)) +
             tr(lang, " % utan fel", "% without failures"));
    line(tr(lang, "Bedömning per kriterium", "Mark per criterion"),
         tr(lang, "samma gränser för andelen av de sidor där kriteriet testades som är utan fel på kriteriet; "
                  "Ej testat när inget automatiskt test finns eller inget var tillämpligt",
            "the same thresholds for the share of the pages the criterion was tested on that have no failure of it; "
            "Not tested when there is no automated test or none applied"));
    line(tr(lang, "Skapad", "Generated"), display_time(m.generated_at) + tr(lang, " (svensk tid) av granska", " (Swedish time) by granska"));
  }
  const lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Error{"cannot write " + path.string() + ": " + lxw_strerror(err),
                 "kan inte skriva " + path.string() + ": " + lxw_strerror(err)};
  }
  return ok_status();
}

}  // namespace granska::reports::scan_report
