#include "figures/figures.h"

#include <algorithm>

#include "figures/aliases.h"
#include "figures/trend.h"

namespace granska::figures {

RuleIndex::RuleIndex(const engine::Registry& registry, const org::Profile* profile) : registry_(&registry) {
  if (profile) {
    criteria_ = profile->criteria;
  } else {
    // Every criterion some rule tests, in WCAG order.
    for (const engine::Criterion& c : engine::all_criteria()) {
      bool tested = false;
      for (const engine::Rule* r : registry.rules()) {
        for (const engine::CriterionRef& ref : r->info.criteria) tested = tested || ref.number == c.number;
      }
      if (tested) criteria_.emplace_back(c.number);
    }
  }
  for (const engine::Rule* r : registry.rules()) {
    RuleFacts f;
    f.rule = r;
    f.index = rules_.size();
    f.requirement = r->info.kind == engine::RuleKind::Requirement;
    for (const engine::CriterionRef& ref : r->info.criteria) {
      auto it = std::find(criteria_.begin(), criteria_.end(), ref.number);
      if (it != criteria_.end()) f.criteria.push_back(static_cast<std::size_t>(it - criteria_.begin()));
    }
    std::sort(f.criteria.begin(), f.criteria.end());
    f.criteria.erase(std::unique(f.criteria.begin(), f.criteria.end()), f.criteria.end());
    f.in_profile = !f.criteria.empty();
    rules_.emplace(std::string(r->info.id), std::move(f));
  }
}

const RuleFacts& RuleIndex::facts(std::string_view rule_id) const {
  auto it = rules_.find(rule_id);
  return it == rules_.end() ? unknown_ : it->second;
}

UnitResolver::UnitResolver(const org::OrgMap* map) : map_(map) {
  if (map_) units_ = map_->units();
}

std::size_t UnitResolver::unit_of(std::string_view url, std::string_view stored_unit) {
  if (map_) return map_->assign(url).unit;
  auto it = by_id_.find(stored_unit);
  if (it != by_id_.end()) return it->second;
  org::Unit u;
  u.id = std::string(stored_unit);
  u.name_sv = u.name_en = u.id.empty() ? std::string("–") : u.id;
  units_.push_back(u);
  by_id_.emplace(u.id, units_.size() - 1);
  return units_.size() - 1;
}

std::size_t UnitFigures::criteria_with_failures() const {
  return static_cast<std::size_t>(
      std::count_if(failures_by_criterion.begin(), failures_by_criterion.end(), [](std::size_t n) { return n > 0; }));
}

bool media_needs_work(const results::MediaRow& m) {
  for (const auto& o : {m.captions, m.description, m.transcript, m.autoplay}) {
    if (o && (*o == engine::Outcome::Failed || *o == engine::Outcome::CantTell)) return true;
  }
  return false;
}

Aggregator::Aggregator(const RuleIndex& rules) : rules_(rules) {}

UnitFigures& Aggregator::unit(std::size_t i) {
  while (units_.size() <= i) units_.push_back(empty_figures(rules_.criteria().size()));
  return units_[i];
}

namespace {

bool worse(const PageScore& a, const PageScore& b) {
  return a.failures != b.failures ? a.failures > b.failures : a.url < b.url;
}

// Keeps the kWorstPages worst pages, sorted.
void offer_worst(std::vector<PageScore>& worst, const results::PageRow& page, std::size_t failures) {
  if (failures == 0) return;
  PageScore s{page.url, page.title, failures};
  if (worst.size() == kWorstPages && !worse(s, worst.back())) return;
  worst.insert(std::upper_bound(worst.begin(), worst.end(), s, worse), std::move(s));
  if (worst.size() > kWorstPages) worst.pop_back();
}

void add_figures(UnitFigures& into, const UnitFigures& f) {
  into.pages += f.pages;
  into.html_pages += f.html_pages;
  into.pages_without_failures += f.pages_without_failures;
  into.failures += f.failures;
  into.cant_tell += f.cant_tell;
  into.warnings += f.warnings;
  into.error_pages += f.error_pages;
  into.blocked += f.blocked;
  into.skipped += f.skipped;
  into.redirected += f.redirected;
  into.aliases += f.aliases;
  into.rendered += f.rendered;
  into.media += f.media;
  into.media_needing_work += f.media_needing_work;
  for (std::size_t i = 0; i < f.failures_by_criterion.size(); ++i) {
    into.failures_by_criterion[i] += f.failures_by_criterion[i];
    into.pages_by_criterion[i] += f.pages_by_criterion[i];
    into.pages_tested_by_criterion[i] += f.pages_tested_by_criterion[i];
    into.cant_tell_by_criterion[i] += f.cant_tell_by_criterion[i];
  }
  for (const PageScore& s : f.worst_pages) {
    if (into.worst_pages.size() == kWorstPages && !worse(s, into.worst_pages.back())) continue;
    into.worst_pages.insert(std::upper_bound(into.worst_pages.begin(), into.worst_pages.end(), s, worse), s);
    if (into.worst_pages.size() > kWorstPages) into.worst_pages.pop_back();
  }
}

void sort_unique(std::vector<std::size_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

UnitFigures empty_figures(std::size_t criteria) {
  UnitFigures f;
  f.failures_by_criterion.assign(criteria, 0);
  f.pages_by_criterion.assign(criteria, 0);
  f.pages_tested_by_criterion.assign(criteria, 0);
  f.cant_tell_by_criterion.assign(criteria, 0);
  return f;
}

void Aggregator::add_page(const results::PageRow& page, std::size_t u, const Alias* alias) {
  UnitFigures& f = unit(u);
  ++f.pages;
  if (page.kind == "failed") ++f.error_pages;
  if (page.kind == "blocked") ++f.blocked;
  if (page.kind == "skipped") ++f.skipped;
  if (page.kind == "redirected") ++f.redirected;
  if (page.kind != "html") return;
  if (alias) {
    ++f.aliases;
    return;
  }
  ++f.html_pages;
  if (page.rendered) ++f.rendered;
  std::size_t failures = 0;
  page_criteria_.clear();
  tested_criteria_.clear();
  for (const results::FindingRow& finding : page.findings) {
    const RuleFacts& facts = rules_.facts(finding.rule);
    if (!facts.rule) continue;
    if (facts.counts()) tested_criteria_.insert(tested_criteria_.end(), facts.criteria.begin(), facts.criteria.end());
    if (finding.outcome == engine::Outcome::Failed) {
      if (facts.counts()) {
        ++failures;
        for (std::size_t c : facts.criteria) {
          ++f.failures_by_criterion[c];
          page_criteria_.push_back(c);
        }
      } else if (!facts.requirement) {
        ++f.warnings;
      }
    } else if (finding.outcome == engine::Outcome::CantTell && facts.counts()) {
      ++f.cant_tell;
      for (std::size_t c : facts.criteria) ++f.cant_tell_by_criterion[c];
    }
  }
  // A rule whose page-level outcome is failed always stored its failed elements, but a
  // page-level failure without an element finding (a store that kept outcomes only)
  // still makes the page fail.
  bool page_failed = failures > 0;
  for (const results::RuleOutcome& o : page.rule_outcomes) {
    const RuleFacts& facts = rules_.facts(o.rule);
    if (!facts.counts() || o.outcome == engine::Outcome::Inapplicable) continue;
    tested_criteria_.insert(tested_criteria_.end(), facts.criteria.begin(), facts.criteria.end());
    if (o.outcome != engine::Outcome::Failed) continue;
    page_failed = true;
    for (std::size_t c : facts.criteria) page_criteria_.push_back(c);
  }
  f.failures += failures;
  sort_unique(page_criteria_);
  sort_unique(tested_criteria_);
  for (std::size_t c : page_criteria_) ++f.pages_by_criterion[c];
  for (std::size_t c : tested_criteria_) ++f.pages_tested_by_criterion[c];
  if (!page_failed) ++f.pages_without_failures;
  offer_worst(f.worst_pages, page, failures);
}

void Aggregator::add_media(const results::MediaRow& media, std::size_t u) {
  UnitFigures& f = unit(u);
  ++f.media;
  if (media_needs_work(media)) ++f.media_needing_work;
}

DocumentScore score_document(const results::DocumentRow& doc, const RuleIndex& rules) {
  DocumentScore s;
  for (const results::FindingRow& f : doc.findings) {
    const RuleFacts& facts = rules.facts(f.rule);
    if (!facts.rule) continue;
    if (f.outcome == engine::Outcome::Failed) {
      if (facts.counts()) {
        ++s.failures;
      } else if (!facts.requirement) {
        ++s.warnings;
      }
    } else if (f.outcome == engine::Outcome::CantTell && facts.counts()) {
      ++s.cant_tell;
    }
  }
  s.failed = s.failures > 0;
  for (const results::RuleOutcome& o : doc.rule_outcomes) {
    if (o.outcome == engine::Outcome::Failed && rules.facts(o.rule).counts()) s.failed = true;
  }
  return s;
}

namespace {

void add_document_to(DocumentFigures& f, const results::DocumentRow& doc, const DocumentScore& s, bool shared) {
  ++f.documents;
  if (shared) ++f.shared;
  if (doc.checked()) {
    ++f.checked;
    if (s.failed) ++f.failing;
    f.failures += s.failures;
    f.cant_tell += s.cant_tell;
    f.warnings += s.warnings;
  } else if (doc.state != "listed") {
    ++f.not_checked;
    if (doc.state == "over-cap") ++f.over_cap;
  }
}

}  // namespace

void Aggregator::add_document(const results::DocumentRow& doc, const std::vector<std::size_t>& units) {
  const DocumentScore s = score_document(doc, rules_);
  const bool shared = units.size() > 1;
  for (std::size_t u : units) {
    UnitFigures& f = unit(u);
    add_document_to(f.docs, doc, s, shared);
    f.documents = f.docs.documents;
  }
  add_document_to(documents_total_, doc, s, shared);
}

std::vector<std::size_t> document_units(const results::DocumentRow& doc, UnitResolver& units) {
  std::vector<std::size_t> out;
  for (const results::DocumentReferrer& r : doc.linked_from) out.push_back(units.unit_of(r.url, r.unit));
  if (out.empty()) out.push_back(units.unit_of(doc.url, doc.unit));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

ScanFigures Aggregator::take(const results::ScanInfo& scan, std::size_t unit_count) {
  if (unit_count > 0) unit(unit_count - 1);
  ScanFigures out;
  out.scan = scan;
  out.total = empty_figures(rules_.criteria().size());
  for (const UnitFigures& f : units_) add_figures(out.total, f);
  // Documents count once in the total, however many units they count for.
  out.total.docs = documents_total_;
  out.total.documents = documents_total_.documents;
  documents_total_ = {};
  out.units = std::move(units_);
  units_.clear();
  return out;
}

ScanFigures aggregate_scan(results::ScanSource& source, const results::ScanInfo& scan, const RuleIndex& rules, UnitResolver& units,
                           KeyCollector* keys) {
  const AliasIndex aliases = AliasIndex::build(source, scan.id, units);
  Aggregator agg(rules);
  source.for_each_page(scan.id, [&](const results::PageRow& page) {
    const std::size_t u = units.unit_of(page.url, page.unit);
    const Alias* alias = aliases.alias_of(page.url);
    agg.add_page(page, u, alias);
    if (keys && !alias) keys->add_page(page, u, rules);
  });
  source.for_each_media(scan.id, [&](const results::MediaRow& m) { agg.add_media(m, units.unit_of(m.page_url, m.unit)); });
  source.for_each_document(scan.id, [&](const results::DocumentRow& d) { agg.add_document(d, document_units(d, units)); });
  return agg.take(scan, units.units().size());
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::Satisfactory: return "satisfactory";
    case Status::Partial: return "partial";
    case Status::Unsatisfactory: return "unsatisfactory";
    case Status::NotAssessed: return "not-assessed";
  }
  return "";
}

Text label(Status s) {
  switch (s) {
    case Status::Satisfactory: return {"Ja, tillfredsställande", "Yes, satisfactory"};
    case Status::Partial: return {"Delvis, förbättringsområde", "Partly, area for improvement"};
    case Status::Unsatisfactory: return {"Nej, behöver ses över omgående", "No, needs attention immediately"};
    case Status::NotAssessed: return {"Ej bedömd (inga granskade sidor)", "Not assessed (no checked pages)"};
  }
  return {};
}

Status status_of(const UnitFigures& f, const StatusThresholds& t) {
  if (f.html_pages == 0) return Status::NotAssessed;
  const double share = static_cast<double>(f.pages_without_failures) / static_cast<double>(f.html_pages);
  const auto criteria = static_cast<long long>(f.criteria_with_failures());
  auto within = [&](double min_share, int max_criteria) {
    return share + 1e-12 >= min_share && (max_criteria < 0 || criteria <= max_criteria);
  };
  if (within(t.satisfactory_min_share, t.satisfactory_max_failed_criteria)) return Status::Satisfactory;
  if (within(t.partial_min_share, t.partial_max_failed_criteria)) return Status::Partial;
  return Status::Unsatisfactory;
}

}  // namespace granska::figures

namespace granska::figures {

StatusGap gap_to(const UnitFigures& f, Status target, const StatusThresholds& t) {
  StatusGap gap;
  if (f.html_pages == 0) return gap;
  gap.assessed = true;
  const double min_share = target == Status::Satisfactory ? t.satisfactory_min_share : t.partial_min_share;
  const int max_criteria =
      target == Status::Satisfactory ? t.satisfactory_max_failed_criteria : t.partial_max_failed_criteria;
  // The fewest pages without failures that reach the share, as status_of compares it.
  const double needed = min_share * static_cast<double>(f.html_pages);
  auto reaches = [&](std::size_t n) {
    return static_cast<double>(n) / static_cast<double>(f.html_pages) + 1e-12 >= min_share;
  };
  std::size_t n = static_cast<std::size_t>(std::max(0.0, needed - 1.0));
  while (n < f.html_pages && !reaches(n)) ++n;
  gap.pages = n > f.pages_without_failures ? n - f.pages_without_failures : 0;
  const std::size_t criteria = f.criteria_with_failures();
  if (max_criteria >= 0 && criteria > static_cast<std::size_t>(max_criteria)) {
    gap.criteria = criteria - static_cast<std::size_t>(max_criteria);
  }
  return gap;
}

std::vector<std::size_t> overview_order(const std::vector<Status>& status, const std::vector<UnitFigures>& units) {
  auto rank = [](Status s) {
    switch (s) {
      case Status::Unsatisfactory: return 0;
      case Status::Partial: return 1;
      case Status::Satisfactory: return 2;
      case Status::NotAssessed: return 3;
    }
    return 3;
  };
  std::vector<std::size_t> order(std::min(status.size(), units.size()));
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (rank(status[a]) != rank(status[b])) return rank(status[a]) < rank(status[b]);
    return units[a].failures > units[b].failures;
  });
  return order;
}

std::string_view to_string(ReviewMark m) {
  switch (m) {
    case ReviewMark::Yes: return "yes";
    case ReviewMark::Partly: return "partly";
    case ReviewMark::No: return "no";
    case ReviewMark::NotTested: return "not-tested";
  }
  return "";
}

ReviewMark review_mark(const UnitFigures& f, std::size_t c, org::Coverage coverage, const StatusThresholds& t) {
  if (coverage != org::Coverage::Automatic || c >= f.pages_tested_by_criterion.size()) return ReviewMark::NotTested;
  const std::size_t tested = f.pages_tested_by_criterion[c];
  if (tested == 0) return ReviewMark::NotTested;
  const std::size_t failed = std::min(f.pages_by_criterion[c], tested);
  const double share = static_cast<double>(tested - failed) / static_cast<double>(tested);
  if (share + 1e-12 >= t.satisfactory_min_share) return ReviewMark::Yes;
  if (share + 1e-12 >= t.partial_min_share) return ReviewMark::Partly;
  return ReviewMark::No;
}

}  // namespace granska::figures
