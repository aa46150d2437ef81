#include "site/statement.h"

#include <algorithm>
#include <cstdio>

#include "results/site_facts.h"
#include "util/text.h"

namespace granska::site {

namespace {

using engine::Outcome;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// A letter or digit, with any non-ASCII byte counted as a letter (å, ä, ö, é …).
bool word_char(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// The first place in `folded` where a phrase starts at a word boundary.
struct Match {
  std::size_t line = 0, pos = 0;
  std::string phrase;
};
std::optional<std::size_t> find_word(std::string_view folded, std::string_view phrase, std::size_t from = 0) {
  for (std::size_t p = folded.find(phrase, from); p != std::string_view::npos; p = folded.find(phrase, p + 1)) {
    if (p == 0 || !word_char(folded[p - 1])) return p;
  }
  return std::nullopt;
}

struct Lines {
  std::vector<std::string> text, folded;
  explicit Lines(std::string_view all) {
    std::size_t i = 0;
    while (i < all.size()) {
      std::size_t j = all.find('\n', i);
      if (j == std::string_view::npos) j = all.size();
      if (j > i) {
        text.emplace_back(all.substr(i, j - i));
        folded.push_back(results::fold_case(text.back()));
      }
      i = j + 1;
    }
  }
  std::optional<Match> first(const std::vector<std::string>& phrases) const {
    std::optional<Match> best;
    for (std::size_t l = 0; l < folded.size(); ++l) {
      for (const std::string& ph : phrases) {
        if (auto p = find_word(folded[l], ph)) {
          if (!best || l < best->line || (l == best->line && *p < best->pos)) best = Match{l, *p, ph};
        }
      }
      if (best) return best;  // the first line with any match
    }
    return best;
  }
};

results::StatementItem item(const config::StatementItemPhrases& p, Outcome o, std::string evidence = {},
                            std::string note = {}, std::vector<std::string> note_args = {}) {
  return results::StatementItem{p.id, o, std::move(evidence), std::move(note), std::move(note_args)};
}

bool mentions_means(std::string_view folded) {
  if (folded.find("mailto:") != std::string_view::npos || folded.find("tel:") != std::string_view::npos) return true;
  // An e-mail address: "@" with a dot after it.
  const std::size_t at = folded.find('@');
  if (at != std::string_view::npos && at > 0 && folded.find('.', at) != std::string_view::npos) return true;
  // A telephone number: at least six digits in a run of digits, spaces and dashes.
  std::size_t digits = 0;
  for (char c : folded) {
    if (is_digit(c)) {
      if (++digits >= 6) return true;
    } else if (c != ' ' && c != '-' && c != '\xe2' && c != '\x80' && c != '\x93') {
      digits = 0;
    }
  }
  return folded.find("http") != std::string_view::npos || folded.find("formulär") != std::string_view::npos ||
         folded.find(" form ") != std::string_view::npos;
}

long days_from_civil(long y, unsigned m, unsigned d) {  // Howard Hinnant's algorithm
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

unsigned last_day(int y, int m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::string iso(int y, int m, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Reads digits at p (at most `max`); returns the count read.
std::size_t number_at(std::string_view s, std::size_t p, std::size_t max, int& value) {
  std::size_t n = 0;
  value = 0;
  while (p + n < s.size() && n < max && is_digit(s[p + n])) value = value * 10 + (s[p + n++] - '0');
  return (p + n < s.size() && is_digit(s[p + n])) ? 0 : n;  // more digits than allowed: no number
}

std::size_t skip_spaces(std::string_view s, std::size_t p) {
  while (p < s.size() && (s[p] == ' ' || s[p] == ',')) ++p;
  return p;
}

}  // namespace

std::optional<long> days_of(std::string_view d) {
  int y = 0, m = 0, day = 0;
  if (d.size() < 10 || number_at(d, 0, 4, y) != 4 || d[4] != '-' || number_at(d, 5, 2, m) != 2 || d[7] != '-' ||
      number_at(d, 8, 2, day) != 2 || m < 1 || m > 12 || day < 1 || static_cast<unsigned>(day) > last_day(y, m)) {
    return std::nullopt;
  }
  return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(day));
}

std::optional<std::string> find_date(std::string_view s, const config::StatementPhrases& phrases) {
  std::optional<std::string> best;
  auto consider = [&](int y, int m, int d) {
    if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > last_day(y, m)) return;
    std::string v = iso(y, m, d);
    if (!best || v > *best) best = std::move(v);
  };
  // The month named at p, or 0.
  auto month_at = [&](std::size_t p, std::size_t& len) {
    for (const auto& [name, number] : phrases.months) {
      if (s.substr(p, name.size()) == name) {
        len = name.size();
        // Abbreviations are not months ("mar" in "marknad"): the name must end the word.
        if (p + len < s.size() && word_char(s[p + len])) continue;
        return number;
      }
    }
    return 0;
  };
  for (std::size_t p = 0; p < s.size(); ++p) {
    if (p > 0 && word_char(s[p - 1])) continue;
    int a = 0;
    const std::size_t n = number_at(s, p, 4, a);
    if (n == 4 && p + 10 <= s.size() && s[p + 4] == '-') {  // 2024-03-01
      int m = 0, d = 0;
      if (number_at(s, p + 5, 2, m) == 2 && s[p + 7] == '-' && number_at(s, p + 8, 2, d) == 2) {
        consider(a, m, d);
        p += 9;
      }
      continue;
    }
    if (n == 1 || n == 2) {  // 1 mars 2024, 1:a mars 2024, 1. März
      std::size_t q = p + n;
      if (q + 1 < s.size() && s[q] == ':') q += 2;
      else if (q < s.size() && s[q] == '.') q += 1;
      else if (s.substr(q, 2) == "st" || s.substr(q, 2) == "nd" || s.substr(q, 2) == "rd" || s.substr(q, 2) == "th") q += 2;
      q = skip_spaces(s, q);
      std::size_t len = 0;
      if (const int m = month_at(q, len)) {
        int y = 0;
        const std::size_t yp = skip_spaces(s, q + len);
        if (number_at(s, yp, 4, y) == 4) {
          consider(y, m, a);
          p = yp + 3;  // the month is this date's, not "mars 2024" on its own
        }
      }
      continue;
    }
    std::size_t len = 0;
    if (const int m = month_at(p, len)) {  // March 1, 2024 / mars 2024
      std::size_t q = skip_spaces(s, p + len);
      int d = 0, y = 0;
      const std::size_t dn = number_at(s, q, 2, d);
      if (dn > 0) {
        const std::size_t yp = skip_spaces(s, q + dn);
        if (number_at(s, yp, 4, y) == 4) {
          consider(y, m, d);
          p = yp + 3;
        }
      } else if (number_at(s, q, 4, y) == 4) {
        consider(y, m, static_cast<int>(last_day(y, m)));
      }
    }
  }
  return best;
}

// A period after one or two digits is an ordinal ("1. März", "3. Punkt"), not a sentence's
// end; after a year ("... 2026. Nästa ...") it ends the sentence.
bool ordinal_period(std::string_view line, std::size_t dot) {
  std::size_t digits = 0;
  while (digits < dot && is_digit(line[dot - 1 - digits])) ++digits;
  return digits == 1 || digits == 2;
}

std::string sentence_at(std::string_view line, std::size_t pos) {
  std::size_t start = 0;
  for (std::size_t i = std::min(pos, line.size()); i > 1; --i) {
    const char c = line[i - 2];
    if ((c == '.' || c == '!' || c == '?') && line[i - 1] == ' ' && !(c == '.' && ordinal_period(line, i - 2))) {
      start = i;
      break;
    }
  }
  std::size_t end = line.size();
  for (std::size_t i = pos; i < line.size(); ++i) {
    const char c = line[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == line.size() || line[i + 1] == ' ') &&
        !(c == '.' && i + 1 < line.size() && ordinal_period(line, i))) {
      end = i + 1;
      break;
    }
  }
  return text::truncate_utf8(text::trim(line.substr(start, end - start)), 300);
}

StatementReading read_statement(const StatementText& st, const StatementContext& ctx,
                                const config::StatementPhrases& phrases) {
  StatementReading out;
  const Lines lines(st.text);
  auto sentence = [&](const Match& m) { return sentence_at(lines.text[m.line], m.pos); };
  const std::optional<long> scan_day = days_of(ctx.scan_date);

  // Compliance first: "helt förenlig" makes some contents unnecessary.
  for (const config::StatementItemPhrases& p : phrases.items) {
    if (p.kind != "compliance") continue;
    if (auto m = lines.first(p.found)) {
      const bool fully = std::find(p.fully.begin(), p.fully.end(), m->phrase) != p.fully.end();
      const std::string_view before = std::string_view(lines.folded[m->line]).substr(0, m->pos);
      const bool negated = before.ends_with("inte ") || before.ends_with("ej ") || before.ends_with("not ");
      out.fully_compliant = fully && !negated;
    }
  }

  for (const config::StatementItemPhrases& p : phrases.items) {
    const std::optional<Match> found = lines.first(p.found);
    const std::optional<Match> review = found ? std::nullopt : lines.first(p.review);
    results::StatementItem it = item(p, Outcome::Failed);
    if (p.kind == "link") {
      for (const std::string& link : st.links) {
        const std::string f = results::fold_case(link);
        if (std::any_of(p.links.begin(), p.links.end(), [&](const std::string& l) { return f.find(l) != std::string::npos; })) {
          it = item(p, Outcome::Passed, link);
          break;
        }
      }
      if (it.outcome != Outcome::Passed) {
        std::optional<Match> text_link;
        for (const std::string& l : p.links) {
          if (auto m = lines.first({l}); m && (!text_link || m->line < text_link->line)) text_link = m;
        }
        if (text_link || review) it = item(p, Outcome::CantTell, sentence(text_link ? *text_link : *review), "digg-not-linked");
      }
    } else if (p.kind == "dated") {
      if (found) {
        const config::StatementPhrases& ph = phrases;
        std::string evidence = sentence(*found);
        std::optional<std::string> date = find_date(results::fold_case(evidence), ph);
        if (!date) date = find_date(lines.folded[found->line], ph);
        if (!date && found->line + 1 < lines.text.size()) {  // "Senast uppdaterad" as a heading, the date below
          date = find_date(lines.folded[found->line + 1], ph);
          if (date) evidence += " " + text::truncate_utf8(lines.text[found->line + 1], 100);
        }
        if (!date) {
          it = item(p, Outcome::CantTell, evidence, "no-date");
        } else {
          it = item(p, Outcome::Passed, evidence);
          if (p.stale_after_days > 0) {
            if (p.id == "last-updated") out.last_updated = *date;
            const std::optional<long> day = days_of(*date);
            if (day && scan_day && *scan_day - *day > p.stale_after_days) {
              it.note = "stale";
              it.note_args = {*date, ctx.scan_date};
            }
          } else if (p.id == "last-updated") {
            out.last_updated = *date;
          }
        }
      }
    } else if (p.kind == "contact") {
      if (found) {
        bool means = st.has_form;
        for (std::size_t l = found->line; l < lines.folded.size() && l <= found->line + 2 && !means; ++l) {
          means = mentions_means(lines.folded[l]);
        }
        it = means ? item(p, Outcome::Passed, sentence(*found)) : item(p, Outcome::CantTell, sentence(*found), "no-means");
      }
    } else {
      if (found) it = item(p, Outcome::Passed, sentence(*found));
      if (!found && (p.kind == "body" || p.kind == "service")) {
        const std::vector<std::string>& names = p.kind == "body" ? ctx.owner_names : ctx.site_names;
        std::vector<std::string> folded;
        for (const std::string& n : names) {
          if (!n.empty()) folded.push_back(results::fold_case(n));
        }
        if (auto m = lines.first(folded)) {
          it = item(p, Outcome::Passed, sentence(*m), p.kind == "body" ? "names-owner" : "",
                    p.kind == "body" ? std::vector<std::string>{lines.text[m->line].substr(m->pos, m->phrase.size())}
                                     : std::vector<std::string>{});
        }
      }
      if (it.outcome == Outcome::Failed && review) {
        it = item(p, Outcome::CantTell, sentence(*review), p.kind == "compliance" ? "not-in-digg-words" : "general-phrase");
      }
    }
    if (it.outcome == Outcome::Failed && p.missing_needs_review) it = item(p, Outcome::CantTell, "", "only-if-exempted");
    if (it.outcome != Outcome::Passed && p.not_needed_when_fully_compliant && out.fully_compliant) {
      it = item(p, Outcome::Inapplicable, "", "fully-compliant");
    }
    out.items.push_back(std::move(it));
  }
  return out;
}

}  // namespace granska::site
