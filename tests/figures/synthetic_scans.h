// A city-sized scan history for report tests: 20 units (committees on malmo.se under path
// prefixes, companies on their own hosts, one committee without pages) and a number of
// complete scans, each with `pages` page records, synthesised page by page as they are
// streamed (memory stays flat at 50,000 pages). Deterministic: the same shape gives the
// same rows. Pages come unit by unit (the report does not depend on URL order).
//
// Per unit and scan: most pages pass; a unit-specific share fails (improving from scan to
// scan for some units, worsening for others, so every status occurs), with failures of
// several rules, needs-review items and best-practice warnings; a few pages could not be
// fetched (404, 500), a few are blocked by robots.txt, each unit's start page is also
// reached as index.html (the same body: an alias), and the last page of every unit names
// its start page as canonical.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "org/org_map.h"
#include "results/scan_data.h"

namespace granska::figures::testing {

struct SyntheticUnit {
  const char* id;
  const char* name_sv;
  const char* name_en;
  org::UnitType type;
  const char* base;  // URL of the unit's part of the site, ending in '/'
  const char* rule;  // its org map rule: a host or a prefix
  bool host;
};

inline const std::vector<SyntheticUnit>& synthetic_units() {
  static const std::vector<SyntheticUnit> kUnits{
      {"kommunstyrelsen", "Kommunstyrelsen", "City Executive Board", org::UnitType::Committee, "https://malmo.se/", "malmo.se", true},
      {"stadsbyggnadsnamnden", "Stadsbyggnadsnämnden", "City Planning Committee", org::UnitType::Committee,
       "https://malmo.se/Bo-och-bygga/", "malmo.se/Bo-och-bygga", false},
      {"miljonamnden", "Miljönämnden", "Environment Committee", org::UnitType::Committee, "https://malmo.se/Miljo-och-klimat/",
       "malmo.se/Miljo-och-klimat", false},
      {"kulturnamnden", "Kulturnämnden", "Culture Committee", org::UnitType::Committee, "https://malmo.se/Kultur/",
       "malmo.se/Kultur", false},
      {"fritidsnamnden", "Fritidsnämnden", "Leisure Committee", org::UnitType::Committee, "https://malmo.se/Idrott/",
       "malmo.se/Idrott", false},
      {"forskolenamnden", "Förskolenämnden", "Preschool Committee", org::UnitType::Committee, "https://malmo.se/Forskola/",
       "malmo.se/Forskola", false},
      {"grundskolenamnden", "Grundskolenämnden", "Compulsory School Committee", org::UnitType::Committee,
       "https://malmo.se/Grundskola/", "malmo.se/Grundskola", false},
      {"gymnasie-och-vuxenutbildningsnamnden", "Gymnasie- och vuxenutbildningsnämnden",
       "Upper Secondary and Adult Education Committee", org::UnitType::Committee, "https://malmo.se/Gymnasieskola/",
       "malmo.se/Gymnasieskola", false},
      {"arbetsmarknads-och-socialnamnden", "Arbetsmarknads- och socialnämnden", "Labour Market and Social Services Committee",
       org::UnitType::Committee, "https://malmo.se/Arbete/", "malmo.se/Arbete", false},
      {"halsa-vard-och-omsorgsnamnden", "Hälsa-, vård- och omsorgsnämnden", "Health, Care and Welfare Committee",
       org::UnitType::Committee, "https://malmo.se/Aldreomsorg/", "malmo.se/Aldreomsorg", false},
      {"funktionsstodsnamnden", "Funktionsstödsnämnden", "Disability Support Committee", org::UnitType::Committee,
       "https://malmo.se/Funktionsstod/", "malmo.se/Funktionsstod", false},
      {"tekniska-namnden", "Tekniska nämnden", "Technical Committee", org::UnitType::Committee,
       "https://malmo.se/Gator-och-trafik/", "malmo.se/Gator-och-trafik", false},
      {"servicenamnden", "Servicenämnden", "Service Committee", org::UnitType::Committee, "https://malmo.se/Upphandling/",
       "malmo.se/Upphandling", false},
      {"valnamnden", "Valnämnden", "Election Committee", org::UnitType::Committee, "https://malmo.se/Val/", "malmo.se/Val", false},
      {"overformyndarnamnden", "Överförmyndarnämnden", "Chief Guardian Committee", org::UnitType::Committee,
       "https://malmo.se/Overformyndare/", "malmo.se/Overformyndare", false},
      {"revisorskollegiet", "Revisorskollegiet", "Board of Auditors", org::UnitType::Committee, "https://malmo.se/Stadsrevisionen/",
       "malmo.se/Stadsrevisionen", false},
      {"namnden-utan-sidor", "Nämnden utan sidor", "Committee without pages", org::UnitType::Committee,
       "https://malmo.se/Tom/", "malmo.se/Tom", false},
      {"mkb", "MKB Fastighets AB", "MKB Fastighets AB", org::UnitType::Company, "https://mkbfastighet.se/", "mkbfastighet.se", true},
      {"malmo-stadsteater", "Malmö Stadsteater AB", "Malmö Stadsteater AB", org::UnitType::Company,
       "https://malmostadsteater.se/", "malmostadsteater.se", true},
      {"boplats-syd", "Boplats Syd AB", "Boplats Syd AB", org::UnitType::Company, "https://boplatssyd.se/", "boplatssyd.se", true},
  };
  return kUnits;
}

inline org::OrgMap synthetic_map() {
  std::vector<org::Unit> units;
  std::vector<org::AssignRule> rules;
  for (const SyntheticUnit& u : synthetic_units()) {
    units.push_back({u.id, u.name_sv, u.name_en, u.type});
    rules.push_back({u.id, u.host ? org::RuleKind::Host : org::RuleKind::Prefix, u.rule});
  }
  return std::move(org::OrgMap::build(units, rules, "kommunstyrelsen")).value();
}

class SyntheticScanSource : public results::ScanSource {
 public:
  SyntheticScanSource(std::size_t scans, std::size_t pages) : scans_(scans), pages_(pages) {
    // Every unit but the empty one gets an equal share of the pages, in URL order.
    const auto& units = synthetic_units();
    std::vector<std::size_t> order;
    for (std::size_t u = 0; u < units.size(); ++u) {
      if (std::string(units[u].id) != "namnden-utan-sidor") order.push_back(u);
    }
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::string(units[a].base) < std::string(units[b].base);
    });
    order_ = order;
  }

  std::vector<results::ScanInfo> complete_scans() override {
    std::vector<results::ScanInfo> out;
    for (std::size_t s = 1; s <= scans_; ++s) out.push_back(info(static_cast<results::ScanId>(s)));
    return out;
  }

  void for_each_page(results::ScanId scan, const std::function<void(const results::PageRow&)>& fn) override {
    each(scan, [&](const results::PageRow& p) { fn(p); });
  }
  void for_each_media(results::ScanId scan, const std::function<void(const results::MediaRow&)>& fn) override {
    for (std::size_t u : order_) {
      results::MediaRow m;
      m.page_url = std::string(synthetic_units()[u].base) + "film.html";
      m.unit = synthetic_units()[u].id;
      m.kind = "video";
      m.source = std::string(synthetic_units()[u].base) + "film.mp4";
      m.name = "Film";
      m.captions = (u + static_cast<std::size_t>(scan)) % 3 == 0 ? engine::Outcome::Failed : engine::Outcome::Passed;
      m.description = engine::Outcome::CantTell;
      fn(m);
    }
  }
  void for_each_document(results::ScanId, const std::function<void(const results::DocumentRow&)>& fn) override {
    for (std::size_t u : order_) {
      fn(results::DocumentRow{std::string(synthetic_units()[u].base) + "blankett.pdf", synthetic_units()[u].id,
                              "application/pdf", 200, 48213});
    }
  }

  static results::ScanInfo info(results::ScanId s) {
    results::ScanInfo i;
    i.id = s;
    // Monthly, at 02:30 Swedish time in winter and summer alike (01:30 / 00:30 UTC).
    const int month = static_cast<int>((s - 1) % 12) + 1;
    const bool summer = month >= 4 && month <= 10;
    char buf[32];
    std::snprintf(buf, sizeof buf, "2026-%02d-01T%s:30:00Z", month, summer ? "00" : "01");
    i.started = buf;
    i.finished = i.started;
    i.status = results::ScanStatus::Complete;
    i.granska_version = "0.1.0";
    i.ruleset_hash = "abc";
    i.config_name = "malmo.toml";
    i.report_written = "";
    i.max_pages = 60000;
    i.max_depth = 50;
    return i;
  }

 private:
  static std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    return x ^ (x >> 33);
  }

  template <class Fn>
  void each(results::ScanId scan, Fn&& fn) const {
    const auto& units = synthetic_units();
    const std::size_t per_unit = std::max<std::size_t>(6, pages_ / order_.size());
    results::PageRow p;
    const std::size_t s = static_cast<std::size_t>(scan);
    for (std::size_t rank = 0; rank < order_.size(); ++rank) {
      const std::size_t u = order_[rank];
      const std::string base = units[u].base;
      // Failing share per unit and scan: 0 % to 60 %, moving by the unit's direction.
      const int direction = static_cast<int>(u % 3) - 1;
      const int share = std::clamp(static_cast<int>((u * 7) % 45) + direction * 6 * static_cast<int>(s), 0, 60);
      // URL order within the unit: base, then base + "index.html", then "sida-NNNNN".
      for (std::size_t i = 0; i < per_unit; ++i) {
        p = results::PageRow{};
        p.unit = units[u].id;
        p.fetched_at = info(scan).started;
        p.status = 200;
        p.kind = "html";
        p.content_type = "text/html";
        if (i == 0) {
          p.url = base;
        } else if (i == 1) {
          p.url = base + "index.html";
        } else {
          char n[32];
          std::snprintf(n, sizeof n, "sida-%05zu", i);
          p.url = base + n;
        }
        p.final_url = p.url;
        const std::uint64_t h = mix(s * 1000003 + u * 7919 + i);
        p.title = "Sida " + std::to_string(i) + " – " + units[u].name_sv;
        p.content_sha256 = i <= 1 ? "start-" + std::string(units[u].id) + "-" + std::to_string(s) : std::to_string(h);
        if (i == per_unit - 1) p.canonical = base;  // names the start page: an alias of it
        if (i == 2) {
          p.kind = "failed";
          p.status = 404;
          p.error = "Servern svarade HTTP 404 Not Found (" + p.url + ")";
          p.error_en = "The server answered HTTP 404 Not Found (" + p.url + ")";
        } else if (i == 3 && u % 2 == 0) {
          p.kind = "blocked";
          p.status = 0;
          p.error = "Hämtades inte: robots.txt förbjuder det (" + p.url + ")";
          p.error_en = "Not fetched: robots.txt disallows it (" + p.url + ")";
        } else if (i == 4 && u % 4 == 1) {
          p.kind = "failed";
          p.status = 500;
          p.error = "Servern svarade HTTP 500 Internal Server Error (" + p.url + ")";
          p.error_en = "The server answered HTTP 500 Internal Server Error (" + p.url + ")";
        }
        if (p.kind == "html") {
          p.rule_outcomes = {{"image-alt", engine::Outcome::Passed},
                             {"page-title", engine::Outcome::Passed},
                             {"html-has-lang", engine::Outcome::Passed},
                             {"link-name", engine::Outcome::Passed},
                             {"text-contrast-minimum", engine::Outcome::Passed}};
          const bool start = i <= 1;  // the start page and its alias have the same body
          const std::uint64_t r = start ? mix(s * 31 + u) : h;
          if (static_cast<int>(r % 100) < share) {
            auto finding = [&](const char* rule, const char* message, std::string selector, engine::Outcome o) {
              results::FindingRow f;
              f.rule = rule;
              f.outcome = o;
              f.message_id = message;
              f.selector = std::move(selector);
              f.line = static_cast<std::uint32_t>(10 + r % 90);
              f.column = 5;
              f.snippet = "<" + f.selector + ">";
              p.findings.push_back(std::move(f));
            };
            finding("image-alt", "no-name", "main > img:nth-of-type(" + std::to_string(1 + r % 3) + ")", engine::Outcome::Failed);
            p.rule_outcomes[0].outcome = engine::Outcome::Failed;
            if (r % 5 == 0) {
              finding("link-name", "no-name", "main > a:nth-of-type(2)", engine::Outcome::Failed);
              p.rule_outcomes[3].outcome = engine::Outcome::Failed;
            }
            if (r % 7 == 0) finding("heading-order", "skipped-level", "main > h4", engine::Outcome::Failed);
            if (r % 11 == 0) finding("image-alt", "maybe-hidden", "header > img", engine::Outcome::CantTell);
          }
        }
        fn(p);
      }
    }
  }

  std::size_t scans_;
  std::size_t pages_;
  std::vector<std::size_t> order_;
};

}  // namespace granska::figures::testing
