// What the web app stores for one check (the result store's payload, JSON) and what its
// API answers. The stored form keeps everything the result page is written from, so a
// permanent link shows the page exactly as it was first shown, in either language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fetch/fetch.h"
#include "reports/page/page_summary.h"
#include "results/scan_data.h"
#include "util/lang.h"
#include "util/result.h"

namespace granska::serve {

enum class SourceKind { Url, Html, File };
std::string_view to_string(SourceKind k);  // "url", "html", "file"

struct StoredCheck {
  SourceKind source = SourceKind::Url;
  std::string file_name;  // an uploaded file's name (untrusted)
  std::string address;    // the address asked for (url checks; "" otherwise)
  std::string profile = "wcag21-aa";
  std::vector<Error> notes;  // decoding remarks (bilingual)
  std::vector<fetch::Redirect> redirects;
  results::PageRow row;  // url, final_url, title, status, fetched_at, rule outcomes, findings
};

std::string to_payload(const StoredCheck& check);
// Nullopt when the text is not a payload this version can read.
std::optional<StoredCheck> from_payload(std::string_view text);

// The API's view of one result (docs/serve-api.md): the summary, the groups with every
// place, and what changed since the previous check of the address.
struct ApiLinks {
  std::string id;
  std::string result_url;  // the HTML page (/r/<id>)
  std::string api_url;     // this JSON (/api/v1/checks/<id>)
  std::string expires_at;  // ISO 8601 UTC
  std::string previous_id;  // "" when none
};
nlohmann::json api_result(const StoredCheck& check, const reports::PageSummary& summary, const reports::CheckChanges* changes,
                          const ApiLinks& links, Lang lang);

}  // namespace granska::serve
