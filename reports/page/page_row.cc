// The rows a page report leaves, and the profile the formats for people show.
#include "reports/page/report.h"
#include "results/rows_from_page.h"
#include "util/clock.h"

namespace granska::reports {

const org::Profile& people_profile(const Options& options) {
  return options.profile ? *options.profile : *org::find_profile("wcag21-aa");
}

results::PageRow page_row(const PageReport& report) {
  results::PageRow row;
  row.url = report.page.url;
  row.final_url = report.page.url;
  row.kind = "html";
  row.status = report.page.http_status;
  row.title = std::string(report.title);
  row.content_sha256 = report.page.sha256;
  row.fetched_at = utc_timestamp();
  row.rule_outcomes = results::rule_outcome_rows(report.evaluation);
  row.findings = results::finding_rows(report.evaluation);
  return row;
}

}  // namespace granska::reports
