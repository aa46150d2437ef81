#include "reports/crawl/crawl_stream.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "granska_version.h"
#include "reports/common/json_stream.h"
#include "reports/common/terminal_escape.h"

namespace granska::reports {

namespace {

// An earlier result reused for a page that answered 304: the same block, marked unchanged.
std::string reuse_output(const std::string& old, bool json, Lang lang) {
  if (json) {
    try {
      nlohmann::ordered_json j = nlohmann::ordered_json::parse(old);
      j["http_status"] = 304;
      j["unchanged"] = true;
      return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const std::exception&) {
      return old;
    }
  }
  // Text: "== 200 html URL" becomes "== 304 html URL" plus a note.
  std::string out = old;
  if (out.starts_with("== ")) {
    const std::size_t sp = out.find(' ', 3);
    if (sp != std::string::npos) out.replace(3, sp - 3, "304");
  }
  const std::size_t eol = out.find('\n');
  const std::string note = std::string("   ") + (lang == Lang::Sv ? "Oförändrad sedan förra granskningen; resultatet därifrån gäller"
                                                                       : "Unchanged since the earlier crawl; its result stands") + "\n";
  if (eol == std::string::npos) return out + "\n" + note;
  return out.insert(eol + 1, note);
}

std::string redirects_text(const crawl::PageRecord& r) {
  std::string out;
  for (const auto& h : r.redirects) {
    out += escape_for_terminal(fetch::url_for_message(h.from)) + " → (" + std::to_string(h.status) + ") ";
  }
  return out;
}

// The page's facts as one compact line (streamed: keys in byte order, as the nlohmann::json
// object it replaced sorted them).
std::string record_json(const crawl::PageRecord& r, Lang lang) {
  std::string out;
  JsonStream w(out, -1);
  w.begin_object().member("attempts", r.attempts);
  if (r.canonical.empty()) {
    w.member_null("canonical");
  } else {
    w.member("canonical", r.canonical);
  }
  w.member("content_type", r.content_type).member("depth", r.depth);
  if (r.kind == crawl::PageKind::Document) {
    w.member("document_check", crawl::to_string(r.document));
    if (r.document_format.empty()) {
      w.member_null("document_format");
    } else {
      w.member("document_format", r.document_format);
    }
  }
  if (r.has_error) {
    w.member("error", r.error.text(lang));
  } else {
    w.member_null("error");
  }
  w.member("final_url", r.final_url).member("http_status", r.status).member("kind", crawl::to_string(r.kind));
  w.member("links", r.links);
  if (!r.has_error && !r.error.message.empty()) {
    w.member("reason", r.error.text(lang));
  } else {
    w.member_null("reason");
  }
  w.key("redirects").begin_array();
  for (const auto& h : r.redirects) {
    w.begin_object().member("from", h.from).member("status", h.status).member("to", h.to).end_object();
  }
  w.end_array().member("size", r.size).member("unchanged", r.unchanged).member("url", r.url).end_object();
  return out;
}

}  // namespace

std::string crawl_summary(std::size_t pages, std::size_t html, std::size_t errors, bool interrupted, Lang lang) {
  const bool sv = lang == Lang::Sv;
  return std::string(sv ? "Sammanfattning: " : "Summary: ") + std::to_string(pages) + (sv ? " adresser, " : " addresses, ") +
         std::to_string(html) + (sv ? " sidor granskade, " : " pages checked, ") + std::to_string(errors) +
         (sv ? " fel" : " errors") + (interrupted ? (sv ? " (avbruten)" : " (interrupted)") : "");
}

void CrawlStream::render(const pipeline::CheckedPage& checked, crawl::PageRecord& rec) const {
  rec.findings_at_threshold = checked.evaluation.fails_at(threshold_);
  PageReport report{checked.page, checked.evaluation};
  report.rendered = checked.rendered != nullptr;
  if (json_) {
    rec.report.clear();
    write_json(rec.report, report, ro_);
    return;
  }
  std::ostringstream out;
  write_text(out, report, ro_);
  rec.report = out.str();
}

void CrawlStream::render(const pipeline::CheckedDocument& checked, crawl::PageRecord& rec) const {
  rec.findings_at_threshold = checked.evaluation.fails_at(threshold_);
  const PageReport report{checked.page, checked.evaluation, nullptr, &checked.document};
  if (json_) {
    rec.report.clear();
    write_json(rec.report, report, ro_);
    return;
  }
  std::ostringstream out;
  write_text(out, report, ro_);
  rec.report = out.str();
}

std::string CrawlStream::block(crawl::PageRecord& r) const {
  const bool sv = lang_ == Lang::Sv;
  std::ostringstream out;
  if (json_) {
    std::string s = record_json(r, lang_);
    if (!r.report.empty()) {
      while (!r.report.empty() && (r.report.back() == '\n' || r.report.back() == ' ')) r.report.pop_back();
      s.pop_back();
      s += ",\"check\":" + r.report + "}";
    }
    return s;
  }
  out << "== " << (r.status ? std::to_string(r.status) : std::string("---")) << " " << crawl::to_string(r.kind)
      << " " << escape_for_terminal(fetch::url_for_message(r.url)) << "\n";
  if (!r.redirects.empty()) {
    out << (sv ? "   Omdirigerad: " : "   Redirected: ") << redirects_text(r)
        << escape_for_terminal(fetch::url_for_message(r.final_url)) << "\n";
  }
  if (!r.error.message.empty()) {
    out << (r.has_error ? (sv ? "   Fel: " : "   Error: ") : (sv ? "   Obs: " : "   Note: "))
        << escape_for_terminal(r.error.text(lang_)) << "\n";
  }
  if (r.kind != crawl::PageKind::Html && r.kind != crawl::PageKind::Failed && !r.content_type.empty()) {
    out << (sv ? "   Typ: " : "   Type: ") << escape_for_terminal(r.content_type);
    if (r.size >= 0) out << ", " << r.size << (sv ? " byte" : " bytes");
    out << "\n";
  }
  out << r.report;
  if (!r.report.empty()) out << "\n";
  return out.str();
}

std::string CrawlStream::block(crawl::PageRecord& r, const store::CrawlStore::Stored* earlier) const {
  return earlier ? reuse_output(earlier->output, json_, lang_) : block(r);
}

void CrawlStream::head() {
  if (!json_) return;
  nlohmann::json head{{"schema_version", kJsonSchemaVersion},
                      {"tool", {{"name", "granska"}, {"version", kVersion}}},
                      {"lang", lang_ == Lang::Sv ? "sv" : "en"}};
  std::string h = head.dump();
  h.pop_back();
  out_ << h << ",\"pages\":[\n";
}

void CrawlStream::abort() {
  if (json_) out_ << "]}\n";
}

void CrawlStream::print(std::string_view block) {
  if (json_) out_ << (first_ ? "" : ",\n");
  out_ << block;
  first_ = false;
}

std::string render_summary(const crawl::CrawlStats& stats, Lang lang) {
  if (stats.rendered == 0 && stats.render_failures == 0) return {};
  const bool sv = lang == Lang::Sv;
  std::string out = sv ? "Visade i webbläsaren (headless Chromium): " : "Rendered in the browser (headless Chromium): ";
  out += std::to_string(stats.rendered);
  if (stats.render_failures > 0) {
    out += sv ? "; kunde inte visas och granskades som de levererades: "
              : "; could not be rendered and were checked as served: ";
    out += std::to_string(stats.render_failures);
  }
  return out;
}

void CrawlStream::summary(std::size_t pages, std::size_t html, std::size_t errors, const crawl::CrawlStats& stats,
                          bool show_text) {
  if (json_) {
    nlohmann::json summary{{"pages", pages}, {"checked", html}, {"errors", errors}, {"unchanged", stats.unchanged},
                           {"seconds", stats.seconds}, {"interrupted", stats.interrupted},
                           {"stylesheets", {{"loaded", stats.stylesheets.loaded}, {"failed", stats.stylesheets.failed},
                                            {"evicted", stats.stylesheets.evicted}}},
                           {"rendered", stats.rendered}, {"render_failures", stats.render_failures}};
    out_ << "\n],\"summary\":" << summary.dump() << "}\n";
  } else if (show_text) {
    out_ << crawl_summary(pages, html, errors, stats.interrupted, lang_) << "\n";
    if (std::string r = render_summary(stats, lang_); !r.empty()) out_ << r << "\n";
  }
  out_.flush();
}

}  // namespace granska::reports
