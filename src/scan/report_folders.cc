#include "scan/report_folders.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>
#include <utility>

#include "store/scan_source.h"
#include "util/clock.h"

namespace granska::scan {

namespace fs = std::filesystem;

namespace {

constexpr const char* kLatest = "senaste";

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "YYYY-MM-DD_HHMM": the part of our names before "-<id>".
bool is_date_time(std::string_view s) {
  if (s.size() != 15 || s[4] != '-' || s[7] != '-' || s[10] != '_') return false;
  return all_digits(s.substr(0, 4)) && all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2)) &&
         all_digits(s.substr(11, 4));
}

}  // namespace

std::string report_folder_name(const std::string& started, results::ScanId id) {
  std::string name;
  if (started.size() >= 16) name = started.substr(0, 10) + "_" + started.substr(11, 2) + started.substr(14, 2);
  if (!is_date_time(name)) name = "scan";
  return name + "-" + std::to_string(id);
}

results::ScanId scan_id_of_report_folder(const std::string& name) {
  const std::size_t dash = name.rfind('-');
  if (dash == std::string::npos) return 0;
  const std::string_view prefix = std::string_view(name).substr(0, dash);
  const std::string_view digits = std::string_view(name).substr(dash + 1);
  if (!all_digits(digits) || (prefix != "scan" && !is_date_time(prefix))) return 0;
  results::ScanId id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  return ec == std::errc() && end == digits.data() + digits.size() ? id : 0;
}

granska::Status point_latest_report(const std::string& reports, const std::string& folder) {
  std::error_code ec;
  const fs::path tmp = fs::path(reports) / ".senaste.tmp";
  fs::remove(tmp, ec);
  fs::create_directory_symlink(folder, tmp, ec);
  if (!ec) fs::rename(tmp, fs::path(reports) / kLatest, ec);
  if (ec) {
    return Error{"cannot point " + (fs::path(reports) / kLatest).string() + " at " + folder + ": " + ec.message(),
                 "kan inte peka " + (fs::path(reports) / kLatest).string() + " på " + folder + ": " + ec.message()};
  }
  return ok_status();
}

Result<WrittenReport> write_report_folder(const std::string& db, const std::string& reports, results::ScanId scan,
                                          const ReportInputs& inputs) {
  auto source = store::open_scan_source(db);
  if (!source) return source.error();
  const std::vector<results::ScanInfo> scans = (*source)->complete_scans();
  if (scans.empty()) {
    return Error{"the database " + db + " holds no complete scan", "databasen " + db + " har ingen avslutad genomsökning"};
  }
  const results::ScanInfo* info = nullptr;
  for (const results::ScanInfo& s : scans) {
    if (scan == 0 ? &s == &scans.back() : s.id == scan) info = &s;
  }
  if (!info) {
    return Error{"scan " + std::to_string(scan) + " is not a complete scan in " + db,
                 "genomsökning " + std::to_string(scan) + " är inte en avslutad genomsökning i " + db};
  }
  WrittenReport out;
  out.scan = info->id;
  out.folder = report_folder_name(info->started, info->id);
  out.latest = info->id == scans.back().id;
  std::error_code ec;
  fs::create_directories(reports, ec);
  reports::ScanReportOptions options = inputs.options;
  options.scan = info->id;
  auto written = reports::write_scan_report(**source, inputs.map, *inputs.profile, *inputs.registry, options,
                                            fs::path(reports) / out.folder);
  if (!written) return written.error();
  out.result = *written;
  source->reset();  // the read connection, before the write below
  if (Status st = store::mark_report_written(db, info->id, utc_timestamp()); !st) out.warnings.push_back(st.error());
  if (out.latest) {
    if (Status st = point_latest_report(reports, out.folder); !st) out.warnings.push_back(st.error());
  }
  return out;
}

Result<std::vector<results::ScanInfo>> unreported_scans(const std::string& db) {
  auto source = store::open_scan_source(db);
  if (!source) return source.error();
  std::vector<results::ScanInfo> out;
  for (results::ScanInfo& s : (*source)->complete_scans()) {
    if (s.report_written.empty()) out.push_back(std::move(s));
  }
  return out;
}

PrunedFolders prune_report_folders(const std::string& reports, std::size_t keep) {
  PrunedFolders out;
  if (keep == 0) return out;
  std::error_code ec;
  std::string latest;
  if (fs::path target = fs::read_symlink(fs::path(reports) / kLatest, ec); !ec) latest = target.filename().string();
  std::vector<std::pair<results::ScanId, std::string>> ours;
  for (fs::directory_iterator it(reports, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const results::ScanId id = scan_id_of_report_folder(name);
    std::error_code e;
    // A real directory (not a link to one elsewhere) holding a report.
    if (id == 0 || it->is_symlink(e) || !it->is_directory(e) || !fs::is_regular_file(it->path() / "index.html", e)) continue;
    ours.emplace_back(id, name);
  }
  if (ours.size() <= keep) return out;
  std::sort(ours.begin(), ours.end());
  ours.resize(ours.size() - keep);
  for (const auto& [id, name] : ours) {
    if (name == latest) continue;
    std::error_code e;
    fs::remove_all(fs::path(reports) / name, e);
    if (e) {
      out.errors.push_back({"cannot remove the old report folder " + (fs::path(reports) / name).string() + ": " + e.message(),
                            "kan inte ta bort den gamla rapportmappen " + (fs::path(reports) / name).string() + ": " +
                                e.message()});
    } else {
      out.removed.push_back(name);
    }
  }
  return out;
}

}  // namespace granska::scan
