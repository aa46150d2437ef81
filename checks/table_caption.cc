// How a data table says what it is. Twin rules over <table> elements whose role is table,
// grid or treegrid and that are in the accessibility tree:
//
//   table-fake-caption   (best practice; axe-core "table-fake-caption") — the table's title
//                        is not put in a first row with one cell across all columns. That
//                        cell is read as a header or data cell, not as the table's name,
//                        and a <th> there becomes the header of every column.
//   table-duplicate-name (best practice; axe-core "table-duplicate-name") — <caption> and the
//                        summary attribute do not say the same thing: screen readers read
//                        both, so the same words twice.
//
// Both are best practices: the words are there for everyone, only in the wrong place or
// twice; no information is lost (WCAG 1.3.1 is not failed by them alone).
#include "checks/common/table_models.h"
#include "checks/common/wording.h"
#include "engine/registry.h"
#include "html/table.h"
#include "util/text.h"

namespace granska::checks {
namespace {

using namespace engine;

const Message kRealCaption{"caption", {"Tabellen har en riktig tabellrubrik (<caption>) eller ingen rad som "
                                       "ser ut som en.",
                                       "The table has a real title (<caption>) or no row that looks like "
                                       "one."}};
const Message kFakeCaption{"fake-caption",
                           {"Tabellens första rad är en enda cell över alla kolumner (\"{0}\"). Den läses som en "
                            "cell, inte som tabellens rubrik. Flytta texten till <caption> direkt efter <table>.",
                            "The table's first row is a single cell across all columns (\"{0}\"). It is read as "
                            "a cell, not as the table's title. Move the text to a <caption> right after "
                            "<table>."}};

const RuleInfo kFakeInfo{
    .id = "table-fake-caption",
    .title = {"Tabellrubriken ligger i <caption>", "The table title is in <caption>"},
    .description = {"Varnar för datatabeller vars rubrik ligger i en första rad med en enda cell över alla "
                    "kolumner i stället för i <caption>. Skärmläsare läser den då som en vanlig cell eller "
                    "som rubrik för varje kolumn.",
                    "Warns about data tables whose title is in a first row with a single cell across all "
                    "columns instead of in <caption>. Screen readers then read it as an ordinary cell or as "
                    "the header of every column."},
    .help = {"Ta bort den första raden och skriv texten i <caption> direkt efter <table>, till exempel "
             "<caption>Öppettider i juli</caption>.",
             "Remove the first row and put its text in a <caption> right after <table>, for example "
             "<caption>Opening hours in July</caption>."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"table-fake-caption"},
    .impact = Impact::Moderate,
    .kind = RuleKind::BestPractice,
    .messages = {&kRealCaption, &kFakeCaption},
};

const Message kDifferent{"different", {"Tabellens <caption> och summary säger olika saker.",
                                       "The table's <caption> and summary say different things."}};
const Message kSame{"same",
                    {"Tabellens <caption> och summary har samma text (\"{0}\"), så skärmläsare läser upp den två "
                     "gånger. Låt summary beskriva hur tabellen är ordnad, eller ta bort den.",
                     "The table's <caption> and summary have the same text (\"{0}\"), so screen readers read it "
                     "twice. Let summary describe how the table is organised, or remove it."}};

const RuleInfo kDuplicateInfo{
    .id = "table-duplicate-name",
    .title = {"Tabellrubrik och summary upprepar inte varandra", "Table caption and summary do not repeat "
                                                                 "each other"},
    .description = {"Varnar för tabeller där <caption> och attributet summary har samma text, så att "
                    "skärmläsare läser upp den två gånger.",
                    "Warns about tables whose <caption> and summary attribute have the same text, so screen "
                    "readers read it twice."},
    .help = {"Behåll texten i <caption> och ta bort summary (det är föråldrat i HTML). Behövs en förklaring av "
             "hur tabellen är ordnad: skriv den i en text före tabellen.",
             "Keep the text in <caption> and remove summary (it is obsolete in HTML). If the table needs an "
             "explanation of how it is organised, write it in a text before the table."},
    .criteria = {sc("1.3.1")},
    .axe_rules = {"table-duplicate-name"},
    .impact = Impact::Minor,
    .kind = RuleKind::BestPractice,
    .messages = {&kDifferent, &kSame},
};

bool is_data_table(Context& ctx, const html::Node& table) {
  std::string_view role = ctx.aria.role(table);
  return (role == "table" || role == "grid" || role == "treegrid") &&
         ctx.aria.hidden_from_at(table) != aria::Tristate::Yes;
}

// The table's first <caption> child, if any.
const html::Node* caption_of(const html::Node& table) {
  for (const html::Node* c : table.children()) {
    if (c->is("caption")) return c;
  }
  return nullptr;
}

std::string normalised(std::string_view s) { return wording::normalise_phrase(s); }

void evaluate_fake(Context& ctx, Reporter& out) {
  for (const html::Node* table : ctx.doc.elements()) {
    if (!table->is("table") || !is_data_table(ctx, *table)) continue;
    const html::Node* caption = caption_of(*table);
    if (caption && !text::collapse_whitespace(caption->text_content()).empty()) {
      out.passed(table, kRealCaption);
      continue;
    }
    const html::TableModel& model = table_model(ctx, *table);
    if (model.width() < 2 || model.height() < 2) continue;  // a single row or column has no caption row
    const html::TableCell* first = model.cell_at(0, 0);
    if (first && first->width == model.width() && first->height == 1 &&
        !text::collapse_whitespace(first->element->text_content()).empty()) {
      out.failed(first->element, kFakeCaption,
                 {text::truncate_utf8(text::collapse_whitespace(first->element->text_content()), 60)});
    } else {
      out.passed(table, kRealCaption);
    }
  }
}

void evaluate_duplicate(Context& ctx, Reporter& out) {
  for (const html::Node* table : ctx.doc.elements()) {
    if (!table->is("table") || ctx.aria.hidden_from_at(*table) == aria::Tristate::Yes) continue;
    auto summary = table->attr("summary");
    const html::Node* caption = caption_of(*table);
    if (!summary || !caption) continue;
    std::string s = normalised(*summary);
    std::string c = normalised(caption->text_content());
    if (s.empty() || c.empty()) continue;
    if (s == c) {
      out.failed(table, kSame, {text::truncate_utf8(text::collapse_whitespace(*summary), 60)});
    } else {
      out.passed(table, kDifferent);
    }
  }
}

const RuleRegistration kFakeRegistration(kFakeInfo, evaluate_fake);
const RuleRegistration kDuplicateRegistration(kDuplicateInfo, evaluate_duplicate);

}  // namespace
}  // namespace granska::checks
