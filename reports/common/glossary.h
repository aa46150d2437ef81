// The words granska's reports share, in Swedish and English: one term per idea, so the
// check output, the acceptance report, the committee report and the web page (granska
// serve) say the same thing the same way. Terms that a lower module already defines for its own data
// (outcomes and impacts in engine, statuses in figures, unit types in org) are taken from
// there, so each has one definition; the rest are here.
//
// Counting words come with their plural (Swedish and English inflect differently: "1 fel",
// "2 fel"; "1 underkänd", "2 underkända"; "1 sida", "2 sidor") and are written with
// count(), which also groups digits the Swedish way ("50 000").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/rule.h"
#include "figures/figures.h"
#include "org/profile.h"
#include "util/lang.h"

namespace granska::reports::glossary {

// ---- Outcomes, kinds, impacts (W3C ACT outcomes; engine/rule.h)
// "Godkänd", "Underkänd", "Kräver manuell granskning", "Ej tillämplig".
inline Text outcome(engine::Outcome o) { return engine::label(o); }
// "kritisk", "allvarlig", "måttlig", "mindre".
inline Text impact(engine::Impact i) { return engine::label(i); }
// "krav" / "requirement", "god praxis" / "best practice".
Text rule_kind(engine::RuleKind k);
inline constexpr Text kWarning{"Varning (god praxis)", "Warning (best practice)"};
inline constexpr Text kNeedsReview{"Kräver manuell granskning", "Needs manual review"};
inline constexpr Text kFailure{"Fel", "Failure"};

// ---- Status of a unit on the city's three-level scale (figures::Status)
// Short, for tables: "Ja", "Delvis", "Nej", "Ej bedömd".
Text status_short(figures::Status s);
// Long, for the legend: "Ja, tillfredsställande", … (figures::label).
inline Text status_long(figures::Status s) { return figures::label(s); }
// A symbol for each status, so that it is never told by colour alone.
std::string_view status_symbol(figures::Status s);

// ---- The review's mark of one criterion (figures::ReviewMark)
// "Ja", "Delvis", "Nej", "Ej testat".
Text review_mark(figures::ReviewMark m);
std::string_view review_symbol(figures::ReviewMark m);

// ---- How much of a criterion granska tests (org::Coverage). Not "delvis": that word is
// the status.  "testas automatiskt", "bara varningar (god praxis)", "kräver manuell granskning".
Text coverage(org::Coverage c);

// ---- Why a page was not checked (crawl::PageKind names as stored in results::PageRow)
// "kunde inte hämtas", "stoppad av robots.txt", "inte en webbsida", "omdirigerad", …
Text page_kind(std::string_view kind);

// ---- What became of a document's check (results::DocumentRow::state)
// "granskat", "kunde inte öppnas", "kunde inte hämtas", "för stort", "över gränsen för
// dokument", "format som inte granskas automatiskt", "listat, inte granskat".
Text document_check(std::string_view state);
// The document format as people name it: "PDF", "Word (docx)", …; "" when none.
Text document_format(std::string_view format);

// Where in a document a finding is: "sida 3, /Document[1]/Figure[2], objekt 17" ("page 3,
// …, object 17"), the parts that are known; "hela dokumentet" when none is. `path` is
// untrusted: escape the result for the output format.
std::string document_place(Lang lang, std::uint32_t page, std::string_view path, std::uint32_t object);

// ---- Counting
struct Noun {
  Text one, many;
};
inline constexpr Noun kFailures{{"fel", "failure"}, {"fel", "failures"}};
inline constexpr Noun kFailed{{"underkänd", "failed"}, {"underkända", "failed"}};
inline constexpr Noun kPassed{{"godkänd", "passed"}, {"godkända", "passed"}};
inline constexpr Noun kPages{{"sida", "page"}, {"sidor", "pages"}};
inline constexpr Noun kWarnings{{"varning", "warning"}, {"varningar", "warnings"}};
inline constexpr Noun kCriteria{{"kriterium", "criterion"}, {"kriterier", "criteria"}};
inline constexpr Noun kUnits{{"enhet", "unit"}, {"enheter", "units"}};
inline constexpr Noun kScans{{"genomsökning", "scan"}, {"genomsökningar", "scans"}};
inline constexpr Noun kDocuments{{"dokument", "document"}, {"dokument", "documents"}};
inline constexpr Noun kFindings{{"fynd", "finding"}, {"fynd", "findings"}};
inline constexpr Noun kNeedsReviewItems{{"kräver manuell granskning", "needs manual review"},
                                        {"kräver manuell granskning", "need manual review"}};
inline constexpr Noun kRules{{"regel", "rule"}, {"regler", "rules"}};

// What a group of findings is about, named after the elements' tag ("samma problem på 271
// länkar"): a, img, button, input/select/textarea, h1–h6, table, video/audio, iframe,
// anything else "element".
const Noun& element_noun(std::string_view tag);

// "50 000" (Swedish: a no-break space between groups of three) or "50,000".
std::string number(std::size_t n, Lang lang);
// "1 sida", "2 sidor", "50 000 sidor"; "1 page", "2 pages" (a no-break space after the
// number: for HTML and documents).
std::string count(std::size_t n, const Noun& noun, Lang lang);
// The noun's form for `n` alone ("sida" / "sidor"), for text that spaces it itself.
inline std::string_view form(std::size_t n, const Noun& noun, Lang lang) { return (n == 1 ? noun.one : noun.many).in(lang); }

}  // namespace granska::reports::glossary
