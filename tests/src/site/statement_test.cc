// Reading an accessibility statement with the built-in phrases: each of DIGG's eleven
// contents found, not found or needing review, with the sentence that matched.
#include "site/statement.h"

#include <gtest/gtest.h>

#include <map>

#include "results/site_facts.h"

namespace granska::site {
namespace {

using engine::Outcome;

const config::StatementPhrases& phrases() {
  static const config::StatementPhrases p = [] {
    auto loaded = config::load_statement_phrases({});
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().message);
    return loaded.ok() ? *loaded : config::StatementPhrases{};
  }();
  return p;
}

std::map<std::string, results::StatementItem> read(const std::string& text, std::vector<std::string> links = {},
                                                   bool form = false, std::string scan_date = "2026-12-01") {
  StatementContext ctx;
  ctx.owner_names = {"Malmö stad", "City of Malmö"};
  ctx.site_names = {"malmo.se"};
  ctx.scan_date = std::move(scan_date);
  StatementReading r = read_statement({text, std::move(links), form}, ctx, phrases());
  std::map<std::string, results::StatementItem> out;
  for (auto& it : r.items) out[it.id] = it;
  EXPECT_EQ(out.size(), 11u);
  return out;
}

const char* kComplete =
    "Tillgänglighetsredogörelse för malmo.se\n"
    "Malmö stad står bakom den här webbplatsen.\n"
    "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service.\n"
    "Innehåll som inte är tillgängligt\n"
    "Vissa filmer saknar undertexter eftersom de spelades in före 2020.\n"
    "Vi åberopar 12 § för kartor: att göra dem tillgängliga vore oskäligt betungande.\n"
    "Inspelade sändningar från före september 2020 omfattas inte av lagen.\n"
    "Vi har gjort en självskattning av webbplatsen.\n"
    "Bedömningen gjordes den 1 september 2026.\n"
    "Redogörelsen uppdaterades senast den 2:a oktober 2026. Nästa översyn sker i mars 2027.\n"
    "Hör av dig om du hittar brister: mejla webb@malmo.se.\n"
    "Du kan anmäla till DIGG.\n";

TEST(Statement, ACompleteStatementHasEveryItemWithTheSentenceThatMatched) {
  auto r = read(kComplete, {"https://www.digg.se/tdosanmalan"});
  for (const auto& [id, it] : r) EXPECT_EQ(it.outcome, Outcome::Passed) << id << ": " << it.note;
  EXPECT_EQ(r["public-body"].evidence, "Malmö stad står bakom den här webbplatsen.");
  EXPECT_EQ(r["compliance"].evidence,
            "Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service.");
  EXPECT_EQ(r["last-updated"].evidence, "Redogörelsen uppdaterades senast den 2:a oktober 2026.");
  EXPECT_EQ(r["digg-link"].evidence, "https://www.digg.se/tdosanmalan");
  EXPECT_EQ(r["method"].evidence, "Vi har gjort en självskattning av webbplatsen.");
  EXPECT_TRUE(r["last-updated"].note.empty());
}

TEST(Statement, MissingItemsAreNotFoundAndDiggWithoutTheLinkNeedsReview) {
  auto r = read(kComplete);  // the text names DIGG but links nowhere
  EXPECT_EQ(r["digg-link"].outcome, Outcome::CantTell);
  EXPECT_EQ(r["digg-link"].note, "digg-not-linked");
  auto bare = read("Om webbplatsen\nVi gör vårt bästa.\n");
  for (const char* id : {"public-body", "service-name", "compliance", "non-accessible-content", "assessment-date",
                         "last-updated", "method", "feedback", "digg-link"}) {
    EXPECT_EQ(bare[id].outcome, Outcome::Failed) << id;
  }
  // Needed only when something is exempted: a person checks that nothing is.
  EXPECT_EQ(bare["disproportionate-burden"].outcome, Outcome::CantTell);
  EXPECT_EQ(bare["outside-scope"].note, "only-if-exempted");
}

TEST(Statement, CompliancePhrasedOtherwiseNeedsReviewAndFullComplianceNeedsNoList) {
  auto other = read("Webbplatsen uppfyller kraven i stort.\n");
  EXPECT_EQ(other["compliance"].outcome, Outcome::CantTell);
  EXPECT_EQ(other["compliance"].note, "not-in-digg-words");
  auto fully = read("Webbplatsen är helt förenlig med lagen.\n");
  EXPECT_EQ(fully["compliance"].outcome, Outcome::Passed);
  EXPECT_EQ(fully["non-accessible-content"].outcome, Outcome::Inapplicable);
  EXPECT_EQ(fully["disproportionate-burden"].outcome, Outcome::Inapplicable);
  auto not_fully = read("Webbplatsen är inte helt förenlig med lagen.\n");
  EXPECT_EQ(not_fully["non-accessible-content"].outcome, Outcome::Failed) << "\"inte helt förenlig\" is not full";
}

TEST(Statement, ADateIsNeededAndAnUpdateOlderThanAYearIsFlagged) {
  auto no_date = read("Redogörelsen uppdaterades nyligen.\n");
  EXPECT_EQ(no_date["last-updated"].outcome, Outcome::CantTell);
  EXPECT_EQ(no_date["last-updated"].note, "no-date");
  auto heading = read("Senast uppdaterad\n2025-11-30\n");
  EXPECT_EQ(heading["last-updated"].outcome, Outcome::Passed) << "the date on the line under the heading";
  auto stale = read("Redogörelsen uppdaterades senast 2024-06-01.\n");
  EXPECT_EQ(stale["last-updated"].outcome, Outcome::Passed);
  EXPECT_EQ(stale["last-updated"].note, "stale");
  EXPECT_EQ(stale["last-updated"].note_args, (std::vector<std::string>{"2024-06-01", "2026-12-01"}));
}

TEST(Statement, FeedbackNeedsAWayToReachSomeone) {
  EXPECT_EQ(read("Kontakta oss om något inte fungerar.\n")["feedback"].outcome, Outcome::CantTell);
  EXPECT_EQ(read("Kontakta oss om något inte fungerar.\nRing 040-34 10 00.\n")["feedback"].outcome, Outcome::Passed);
  EXPECT_EQ(read("Kontakta oss.\n", {}, /*form=*/true)["feedback"].outcome, Outcome::Passed);
  EXPECT_EQ(read("Contact us at web@example.org if something does not work.\n")["feedback"].outcome, Outcome::Passed);
}

TEST(Statement, EnglishPhrasesAreReadToo) {
  auto r = read("Accessibility statement for malmo.se\nThe website is partially compliant with the law.\n"
                "This statement was prepared on 5 March 2026. It was last reviewed on March 20, 2026.\n");
  EXPECT_EQ(r["compliance"].outcome, Outcome::Passed);
  EXPECT_EQ(r["service-name"].outcome, Outcome::Passed);
  EXPECT_EQ(r["last-updated"].outcome, Outcome::Passed);
}

TEST(Statement, DatesInTheirCommonForms) {
  const auto& p = phrases();
  auto date = [&](const std::string& s) { return find_date(results::fold_case(s), p).value_or("none"); };
  EXPECT_EQ(date("uppdaterad 2025-01-31"), "2025-01-31");
  EXPECT_EQ(date("den 10 mars 2026"), "2026-03-10");
  EXPECT_EQ(date("den 1:a april 2026"), "2026-04-01");
  EXPECT_EQ(date("March 20, 2026"), "2026-03-20");
  EXPECT_EQ(date("i februari 2024"), "2024-02-29") << "a month alone counts as its last day";
  EXPECT_EQ(date("2024-02-30 och 123-45"), "none");
  EXPECT_EQ(date("marknaden 2024"), "none") << "\"mar\" in a word is no month";
  EXPECT_EQ(date("1 mars 2024 och 2 maj 2025"), "2025-05-02") << "the latest";
  EXPECT_EQ(days_of("1970-01-02"), 1);
  EXPECT_FALSE(days_of("2026-13-01"));
  EXPECT_EQ(sentence_at("Första meningen. Andra 3. meningen här! Tredje.", 20), "Andra 3. meningen här!");
}

TEST(StatementPhrases, BadFilesAreRefusedWithTheReason) {
  auto missing = config::parse_statement_phrases({{"x.toml", "[[item]]\nid = \"compliance\"\n"}});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("\"public-body\" is missing"), std::string::npos) << missing.error().message;
  auto unknown = config::parse_statement_phrases({{"x.toml", "[[item]]\nid = \"compliance\"\nfoo = 1\n"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("unknown key \"foo\""), std::string::npos);
  auto syntax = config::parse_statement_phrases({{"x.toml", "[[item]\n"}});
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(syntax.error().message.find("line 1"), std::string::npos) << syntax.error().message;
  EXPECT_EQ(phrases().items.size(), 11u);
  EXPECT_EQ(phrases().items.front().id, "public-body");
  EXPECT_FALSE(phrases().sources_sv.front().empty());
}

}  // namespace
}  // namespace granska::site
