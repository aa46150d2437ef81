#include "serve/checker.h"

#include <sstream>

#include "documents/document.h"
#include "html/charset.h"
#include "input/load.h"
#include "pipeline/check_document.h"
#include "util/sha256.h"
#include "results/rows_from_page.h"
#include "util/clock.h"
#include "util/text.h"

namespace granska::serve {

namespace {

class PipelineChecker final : public Checker {
 public:
  PipelineChecker(CheckerSettings s, std::function<std::unique_ptr<fetch::Fetcher>()> make_fetcher)
      : settings_(std::move(s)), make_fetcher_(std::move(make_fetcher)) {
    if (!make_fetcher_) make_fetcher_ = [] { return fetch::make_curl_fetcher(); };
    run_.fetch = settings_.fetch;  // caption tracks go through the same guard and limits
  }

  Result<StoredCheck> check(const Source& source) override {
    std::unique_ptr<fetch::Fetcher> fetcher = make_fetcher_();
    Result<input::Page> page = load(source, *fetcher);
    if (!page) return page.error();
    StoredCheck out;
    out.source = source.kind;
    out.file_name = source.file_name;
    out.address = source.kind == SourceKind::Url ? source.url : std::string();
    out.profile = settings_.profile;
    out.notes = page->notes;
    out.redirects = page->redirects;
    const std::string url = page->url;
    const long status = page->http_status;
    const std::string sha = page->sha256;
    out.row.url = source.kind == SourceKind::Url ? source.url : url;
    out.row.final_url = url;
    out.row.status = status;
    out.row.content_sha256 = sha;
    out.row.fetched_at = utc_timestamp();
    if (page->document) {
      // A PDF or Office file: the document rules (EN 301 549 clause 10) instead of the page's.
      documents::Limits limits;
      limits.max_bytes = settings_.max_bytes;
      Result<std::unique_ptr<pipeline::CheckedDocument>> d = pipeline::check_document(std::move(*page), run_, limits);
      if (!d) return d.error();
      out.row.kind = "document";
      out.notes = (*d)->page.notes;
      out.row.rule_outcomes = results::rule_outcome_rows((*d)->evaluation);
      out.row.findings = results::finding_rows((*d)->evaluation);
      return out;
    }
    const std::unique_ptr<pipeline::CheckedPage> checked = pipeline::check_page(std::move(*page), run_, fetcher.get());
    out.row.kind = "html";
    if (checked->doc) out.row.title = results::page_title(*checked->doc);
    out.row.rule_outcomes = results::rule_outcome_rows(checked->evaluation);
    out.row.findings = results::finding_rows(checked->evaluation);
    return out;
  }

 private:
  Result<input::Page> load(const Source& source, fetch::Fetcher& fetcher) const {
    if (source.kind == SourceKind::Url) {
      // input::load also reads files and standard input: only ever hand it a web address.
      if (!text::istarts_with(source.url, "http://") && !text::istarts_with(source.url, "https://")) {
        return Error{"Only addresses that start with http:// or https:// can be checked",
                     "Bara adresser som börjar med http:// eller https:// kan granskas"};
      }
      input::Options o;
      o.accept_documents = true;  // a PDF or Office address is checked as a document
      o.fetch = settings_.fetch;
      o.fetch.max_body_bytes = settings_.max_bytes;
      o.max_bytes = settings_.max_bytes;
      std::istringstream no_stdin;
      return input::load(source.url, o, fetcher, no_stdin);
    }
    const bool file = source.kind == SourceKind::File;
    const std::string name = file ? source.file_name : std::string("HTML");
    if (source.content.size() > settings_.max_bytes) {
      const std::string limit = fetch::format_size(settings_.max_bytes);
      return Error{(file ? "The file " + name : std::string("The HTML")) + " is larger than the limit of " + limit,
                   (file ? "Filen " + name : std::string("HTML-koden")) + " är större än gränsen på " + limit};
    }
    if (file && documents::sniff(source.content, source.file_name)) {
      // A PDF or Office file, checked as a document (input::load does the same for a path).
      input::Page page;
      page.target = name;
      page.url = name;
      page.sha256 = sha256_hex(source.content);
      page.document = source.content;
      return page;
    }
    const std::string_view kind = html::binary_kind(source.content);
    if (!kind.empty()) {
      const std::string what_sv = kind == "binary data" ? "binärdata" : std::string(kind);
      return Error{(file ? "The file " + name : std::string("The text")) + " is neither an HTML page nor a PDF or Office document (it looks like " +
                       std::string(kind) + ")",
                   (file ? "Filen " + name : std::string("Texten")) + " är varken en HTML-sida eller ett PDF- eller Office-dokument (den ser ut som " +
                       what_sv + ")"};
    }
    // No address: links and tracks are not fetched; rules see "stdin:" as for `check -`.
    return input::make_page(name, "stdin:", {}, 0, source.content, file ? std::string_view{} : "text/html; charset=utf-8");
  }

  CheckerSettings settings_;
  std::function<std::unique_ptr<fetch::Fetcher>()> make_fetcher_;
  pipeline::RunContext run_;
};

}  // namespace

std::unique_ptr<Checker> make_checker(CheckerSettings settings, std::function<std::unique_ptr<fetch::Fetcher>()> make_fetcher) {
  return std::make_unique<PipelineChecker>(std::move(settings), std::move(make_fetcher));
}

}  // namespace granska::serve
