#include "results/rows_from_page.h"

#include "util/text.h"

namespace granska::results {

std::vector<FindingRow> finding_rows(const engine::PageEvaluation& ev) {
  std::vector<FindingRow> out;
  for (const engine::RuleResult& r : ev.rules) {
    for (const engine::Finding& f : r.findings) {
      if (f.outcome != engine::Outcome::Failed && f.outcome != engine::Outcome::CantTell) continue;
      engine::Location loc = engine::locate(f);
      FindingRow row;
      row.rule = std::string(r.rule->info.id);
      row.outcome = f.outcome;
      row.message_id = f.message ? std::string(f.message->id) : std::string();
      row.args = f.args;
      row.selector = std::move(loc.selector);
      row.line = loc.line;
      row.column = loc.column;
      row.snippet = std::move(loc.snippet);
      row.page = loc.page;
      out.push_back(std::move(row));
    }
  }
  return out;
}

std::vector<RuleOutcome> rule_outcome_rows(const engine::PageEvaluation& ev) {
  std::vector<RuleOutcome> out;
  out.reserve(ev.rules.size());
  for (const engine::RuleResult& r : ev.rules) {
    if (r.outcome == engine::Outcome::Inapplicable) continue;
    out.push_back(RuleOutcome{std::string(r.rule->info.id), r.outcome});
  }
  return out;
}

std::vector<MediaRow> media_rows(const media::Inventory& inv) {
  std::vector<MediaRow> out;
  out.reserve(inv.rows.size());
  auto outcome = [](const engine::Finding* f) -> std::optional<engine::Outcome> {
    if (!f) return std::nullopt;
    return f->outcome;
  };
  for (const media::InventoryRow& r : inv.rows) {
    if (!r.item) continue;
    MediaRow m;
    m.kind = std::string(media::to_string(r.item->kind));
    if (!r.item->sources.empty()) m.source = r.item->sources.front();
    m.name = r.item->name;
    if (r.item->player) m.player = r.item->player->name;
    m.captions = outcome(r.captions);
    m.description = outcome(r.description);
    m.transcript = outcome(r.transcript);
    m.autoplay = outcome(r.autoplay);
    out.push_back(std::move(m));
  }
  return out;
}

namespace {
bool in_template(const html::Node& n) {
  for (const html::Node* p = n.parent(); p; p = p->parent()) {
    if (p->is("template")) return true;
  }
  return false;
}
}  // namespace

std::string page_title(const html::Document& doc) {
  for (const html::Node* e : doc.elements()) {
    if (e->is("title") && !in_template(*e)) return text::collapse_whitespace(e->text_content());
  }
  return {};
}

}  // namespace granska::results
