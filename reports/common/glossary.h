// The words granska's outputs share, in Swedish and English: one term per idea, so the
// check output, the acceptance report, the committee report and the web page (granska
// serve) say the same thing the same way. Terms that a lower module already defines for
// its own data (outcomes and impacts in engine, coverage in org) are taken from there, so
// each has one definition; the rest are here.
//
// Counting words come with their plural (Swedish and English inflect differently: "1 fel",
// "2 fel"; "1 underkänd", "2 underkända"; "1 sida", "2 sidor") and are written with
// count(), which also groups digits the Swedish way ("50 000").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/rule.h"
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
// A best-practice rule's failure: it points at a likely problem but fails no criterion.
inline constexpr Text kWarning{"Varning (god praxis)", "Warning (best practice)"};
inline constexpr Text kNeedsReview{"Kräver manuell granskning", "Needs manual review"};
inline constexpr Text kFailure{"Fel", "Failure"};

// ---- How much of a criterion granska tests (org::Coverage).
Text coverage(org::Coverage c);

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
inline constexpr Noun kProblems{{"problem", "problem"}, {"problem", "problems"}};

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
