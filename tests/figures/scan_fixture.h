// A small fixture shared by the review and scan report tests: three units (two committees
// on example.se, a company on bolaget.se) and two complete scans plus a running one.
//
// Scan 1: /             image-alt img.a, link-name a.x
//         /bygga/       no failures
//         /bygga/ansok  image-alt img.b
//         bolaget.se/   heading-order (best practice) failed, image-alt cantTell
// Scan 2: /             image-alt img.a (remains), page-title (new); link-name fixed
//         /bygga/       image-alt img.c (new)
//         /bygga/ansok  fixed
//         bolaget.se/   as before
//         fil.pdf (document, ks), a video on / without captions
#pragma once

#include <string>

#include "org/org_map.h"
#include "tests/figures/memory_scan_source.h"

namespace granska::figures::testing {

inline org::OrgMap fixture_map() {
  std::vector<org::Unit> units{
      {"kommunstyrelsen", "Kommunstyrelsen", "City Executive Board", org::UnitType::Committee},
      {"stadsbyggnadsnamnden", "Stadsbyggnadsnämnden", "City Planning Committee", org::UnitType::Committee},
      {"bolaget", "Bolaget AB", "The Company Ltd", org::UnitType::Company},
  };
  std::vector<org::AssignRule> rules{
      {"kommunstyrelsen", org::RuleKind::Host, "example.se"},
      {"stadsbyggnadsnamnden", org::RuleKind::Prefix, "example.se/bygga"},
      {"bolaget", org::RuleKind::Host, "bolaget.se"},
  };
  return std::move(org::OrgMap::build(units, rules, "kommunstyrelsen")).value();
}

inline results::PageRow html_page(std::string url, std::string unit, std::string title) {
  results::PageRow p;
  p.url = p.final_url = std::move(url);
  p.unit = std::move(unit);
  p.kind = "html";
  p.status = 200;
  p.title = std::move(title);
  p.content_type = "text/html";
  p.fetched_at = "2026-11-01T02:00:00Z";
  return p;
}

inline results::FindingRow failed(std::string rule, std::string message, std::string selector,
                         std::vector<std::string> args = {}, engine::Outcome o = engine::Outcome::Failed) {
  results::FindingRow f;
  f.rule = std::move(rule);
  f.outcome = o;
  f.message_id = std::move(message);
  f.args = std::move(args);
  f.selector = std::move(selector);
  f.line = 12;
  f.column = 5;
  f.snippet = f.selector.empty() ? "" : "<" + f.selector + ">";
  return f;
}

inline results::ScanInfo scan_info(results::ScanId id, std::string started, results::ScanStatus status = results::ScanStatus::Complete) {
  results::ScanInfo s;
  s.id = id;
  s.started = started;
  s.finished = status == results::ScanStatus::Complete ? started : "";
  s.status = status;
  s.granska_version = "0.1.0";
  s.ruleset_hash = "abc";
  s.config_name = "demo.toml";
  return s;
}

inline MemoryScanSource fixture_source() {
  MemoryScanSource src;
  MemoryScan s1;
  s1.info = scan_info(1, "2026-11-01T02:00:00Z");
  {
    results::PageRow p = html_page("https://example.se/", "kommunstyrelsen", "Start");
    p.findings = {failed("image-alt", "no-name", "img.a"), failed("link-name", "no-name", "a.x")};
    p.rule_outcomes = {{"image-alt", engine::Outcome::Failed}, {"link-name", engine::Outcome::Failed}};
    s1.pages.push_back(p);
    results::PageRow q = html_page("https://example.se/bygga/", "stadsbyggnadsnamnden", "Bygga");
    q.rule_outcomes = {{"image-alt", engine::Outcome::Passed}};
    s1.pages.push_back(q);
    results::PageRow r = html_page("https://example.se/bygga/ansok", "stadsbyggnadsnamnden", "Ansök");
    r.findings = {failed("image-alt", "no-name", "img.b")};
    s1.pages.push_back(r);
    results::PageRow b = html_page("https://bolaget.se/", "bolaget", "Bolaget");
    b.findings = {failed("heading-order", "skipped-level", "h4", {"4", "2"}),
                  failed("image-alt", "maybe-hidden", "img.logo", {}, engine::Outcome::CantTell)};
    s1.pages.push_back(b);
  }
  src.scans.push_back(s1);

  MemoryScan s2;
  s2.info = scan_info(2, "2026-11-08T02:00:00Z");
  {
    results::PageRow p = html_page("https://example.se/", "kommunstyrelsen", "Start");
    p.findings = {failed("image-alt", "no-name", "img.a"), failed("page-title", "no-title", "")};
    s2.pages.push_back(p);
    results::PageRow q = html_page("https://example.se/bygga/", "stadsbyggnadsnamnden", "Bygga");
    q.findings = {failed("image-alt", "no-name", "img.c")};
    s2.pages.push_back(q);
    results::PageRow r = html_page("https://example.se/bygga/ansok", "stadsbyggnadsnamnden", "Ansök");
    r.rule_outcomes = {{"image-alt", engine::Outcome::Passed}};
    s2.pages.push_back(r);
    s2.pages.push_back(s1.pages[3]);
    results::PageRow d;
    d.url = d.final_url = "https://example.se/fil.pdf";
    d.unit = "kommunstyrelsen";
    d.kind = "document";
    d.status = 200;
    d.content_type = "application/pdf";
    s2.pages.push_back(d);
    results::DocumentRow doc;
    doc.url = doc.final_url = "https://example.se/fil.pdf";
    doc.unit = "kommunstyrelsen";
    doc.content_type = "application/pdf";
    doc.status = 200;
    doc.size = 12345;
    s2.documents.push_back(doc);
    results::MediaRow m;
    m.page_url = "https://example.se/";
    m.unit = "kommunstyrelsen";
    m.kind = "video";
    m.source = "https://example.se/film.mp4";
    m.name = "Film om Malmö";
    m.captions = engine::Outcome::Failed;
    s2.media.push_back(m);
  }
  src.scans.push_back(s2);

  MemoryScan s3;  // running: never reported
  s3.info = scan_info(3, "2026-11-15T02:00:00Z", results::ScanStatus::Running);
  s3.pages.push_back(html_page("https://example.se/", "kommunstyrelsen", "Start"));
  src.scans.push_back(s3);
  return src;
}

}  // namespace granska::figures::testing
