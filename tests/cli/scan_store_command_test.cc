// End-to-end: `granska crawl --db` keeps every scan in one file with structured results
// and units; a second scan in the same file asks conditionally and carries the results of
// unchanged pages over; `granska prune` removes old scans.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "store/scan_source.h"
#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

namespace fs = std::filesystem;
using testing::run_granska;

std::map<std::string, results::PageRow> pages_by_url(results::ScanSource& src, results::ScanId scan) {
  std::map<std::string, results::PageRow> out;
  src.for_each_page(scan, [&](const results::PageRow& p) { out[p.url] = p; });
  return out;
}

TEST(ScanStoreCommand, ScansAccumulateCarryUnchangedPagesOverAndPrune) {
  const fs::path dir = fs::temp_directory_path() / ("granska-scans-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "site");
  fs::copy(testing::fixture_path("crawl/site"), dir / "site", fs::copy_options::recursive);
  {  // a film on om.html, for the media rows
    std::ofstream f(dir / "site" / "om.html", std::ios::app);
    f << "<video src=\"/film.mp4\" controls></video>\n";
  }
  testing::FixtureServer server((dir / "site").string());
  ASSERT_TRUE(server.start());
  const std::string db = (dir / "scans.db").string();
  const std::string host = server.url("/").substr(7, server.url("/").size() - 8);  // 127.0.0.1:port
  const std::string config = (dir / "malmo-test.toml").string();
  {
    std::ofstream f(config);
    f << "fallback = \"ks\"\ndelay_ms = 0\n"
      << "[[unit]]\nid = \"ks\"\nname_sv = \"Kommunstyrelsen\"\ntype = \"namnd\"\nhosts = [\"" << host << "\"]\n"
      << "[[unit]]\nid = \"kn\"\nname_sv = \"Kulturnämnden\"\ntype = \"namnd\"\nprefixes = [\"" << host
      << "/nyheter\"]\n";
  }
  auto crawl = [&] {
    return run_granska({"crawl", server.url("/"), "--db", db, "--config", config, "--format", "json", "--quiet",
                        "--exclude", "calendar|429-once"});
  };
  auto first = crawl();
  ASSERT_EQ(first.exit_code, 1) << first.err;
  {  // change one page between the scans
    std::ofstream f(dir / "site" / "kontakt.html", std::ios::app);
    f << "<!-- ändrad -->\n";
  }
  auto second = crawl();
  ASSERT_EQ(second.exit_code, 1) << second.err;
  EXPECT_EQ(nlohmann::json::parse(first.out)["pages"].size(), nlohmann::json::parse(second.out)["pages"].size());
  EXPECT_GE(nlohmann::json::parse(second.out)["summary"]["unchanged"].get<int>(), 3)
      << "the previous scan in the same file is the reference";

  auto src = store::open_scan_source(db);
  ASSERT_TRUE(src.ok()) << src.error().message;
  auto scans = (*src)->complete_scans();
  ASSERT_EQ(scans.size(), 2u);
  EXPECT_EQ(scans[0].config_name, "malmo-test.toml");
  EXPECT_EQ(scans[0].ruleset_hash.size(), 16u);
  EXPECT_EQ(scans[0].ruleset_hash, scans[1].ruleset_hash);
  EXPECT_FALSE(scans[0].granska_version.empty());
  EXPECT_EQ(scans[0].pages, scans[1].pages);
  auto a = pages_by_url(**src, scans[0].id), b = pages_by_url(**src, scans[1].id);
  ASSERT_EQ(a.size(), scans[0].pages);

  const results::PageRow& om1 = a.at(server.url("/om.html"));
  EXPECT_EQ(om1.kind, "html");
  EXPECT_EQ(om1.unit, "ks");
  EXPECT_EQ(om1.content_sha256.size(), 64u);
  EXPECT_FALSE(om1.rule_outcomes.empty());
  ASSERT_FALSE(om1.findings.empty()) << "om.html has an image without alt";
  bool image_alt = false;
  for (const results::FindingRow& f : om1.findings) {
    EXPECT_TRUE(f.outcome == engine::Outcome::Failed || f.outcome == engine::Outcome::CantTell);
    if (f.rule == "image-alt" && f.outcome == engine::Outcome::Failed) image_alt = true;
  }
  EXPECT_TRUE(image_alt);
  const results::PageRow& om2 = b.at(server.url("/om.html"));
  EXPECT_TRUE(om2.unchanged);
  EXPECT_EQ(om2.status, 304);
  EXPECT_EQ(om2.title, om1.title);
  EXPECT_EQ(om2.content_sha256, om1.content_sha256);
  EXPECT_EQ(om2.findings.size(), om1.findings.size()) << "carried over from the first scan";
  EXPECT_EQ(om2.rule_outcomes.size(), om1.rule_outcomes.size());
  EXPECT_FALSE(b.at(server.url("/kontakt.html")).unchanged);
  EXPECT_EQ(a.at(server.url("/nyheter/")).unit, "kn");
  EXPECT_EQ(a.at(server.url("/saknas.html")).kind, "failed");
  EXPECT_FALSE(a.at(server.url("/saknas.html")).error_en.empty());
  EXPECT_FALSE(a.at(server.url("/saknas.html")).error.empty());
  std::size_t documents = 0;
  (*src)->for_each_document(scans[0].id, [&](const results::DocumentRow& d) {
    ++documents;
    EXPECT_EQ(d.url, server.url("/dokument/budget-2026.pdf"));
    EXPECT_EQ(d.unit, "ks");
  });
  EXPECT_EQ(documents, 1u);
  for (results::ScanId scan : {scans[0].id, scans[1].id}) {
    std::size_t media = 0;
    (*src)->for_each_media(scan, [&](const results::MediaRow& m) {
      ++media;
      EXPECT_EQ(m.page_url, server.url("/om.html"));
      EXPECT_EQ(m.kind, "video");
      EXPECT_EQ(m.unit, "ks");
      EXPECT_TRUE(m.captions.has_value());
    });
    EXPECT_EQ(media, 1u) << "scan " << scan;
  }
  src->reset();

  auto pruned = run_granska({"prune", "--db", db, "--keep", "1", "--lang", "en"});
  EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
  EXPECT_NE(pruned.out.find("Removed scan " + std::to_string(scans[0].id) + " ("), std::string::npos) << pruned.out;
  EXPECT_NE(pruned.out.find("Scans removed: 1"), std::string::npos) << pruned.out;
  auto after = store::open_scan_source(db);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ((*after)->complete_scans().size(), 1u);
  EXPECT_EQ((*after)->complete_scans()[0].id, scans[1].id);
  auto nothing = run_granska({"prune", "--db", db, "--keep", "1"});
  EXPECT_EQ(nothing.exit_code, 0);
  EXPECT_NE(nothing.out.find("Inget att ta bort"), std::string::npos) << nothing.out;
  EXPECT_EQ(run_granska({"prune", "--db", (dir / "saknas.db").string()}).exit_code, 2);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace granska
