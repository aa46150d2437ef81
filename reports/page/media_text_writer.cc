// The media inventory as a plain-text table: one row per clip with the status the media
// rules gave it, then its source and the checks of its text tracks. Page text is untrusted
// and goes through escape_for_terminal.
#include <algorithm>
#include <array>

#include "reports/page/report.h"
#include "reports/common/terminal_escape.h"
#include "util/text.h"

namespace granska::reports {

namespace {

std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string cell(std::string s, std::size_t max) {
  if (width(s) > max) s = text::truncate_utf8(s, max);  // ends with "…"
  return s;
}

std::string status(const engine::Finding* f, Lang lang) {
  if (!f) return "–";
  bool sv = lang == Lang::Sv;
  switch (f->outcome) {
    case engine::Outcome::Passed: return sv ? "godkänd" : "passed";
    case engine::Outcome::Failed: return sv ? "UNDERKÄND" : "FAILED";
    case engine::Outcome::CantTell: return sv ? "kontrollera" : "check";
    case engine::Outcome::Inapplicable: break;
  }
  return "–";
}

std::string_view kind_label(media::MediaKind k, bool audio, Lang lang) {
  bool sv = lang == Lang::Sv;
  switch (k) {
    case media::MediaKind::Video: return sv ? "video" : "video";
    case media::MediaKind::Audio: return sv ? "ljud" : "audio";
    case media::MediaKind::Object: return audio ? (sv ? "ljud (object)" : "audio (object)") : (sv ? "video (object)" : "video (object)");
    case media::MediaKind::Player: return sv ? "spelare" : "player";
    case media::MediaKind::Link: return audio ? (sv ? "länk till ljud" : "audio link") : (sv ? "länk till video" : "video link");
  }
  return "";
}

}  // namespace

void write_media_text(std::ostream& out, const media::Inventory& inv, const Options& opt) {
  const Lang lang = opt.lang;
  const bool sv = lang == Lang::Sv;
  out << "\n" << (sv ? "Video och ljud på sidan" : "Video and audio on the page") << " (" << inv.rows.size() << ")\n";
  if (inv.rows.empty()) {
    out << (sv ? "  Inga video- eller ljudklipp hittades.\n" : "  No video or audio clips found.\n");
    return;
  }
  constexpr std::size_t kCols = 8;
  std::array<std::string, kCols> head =
      sv ? std::array<std::string, kCols>{"#", "typ", "spelare", "namn", "undertexter", "syntolkning", "textversion", "autostart"}
         : std::array<std::string, kCols>{"#", "kind", "player", "name", "captions", "description", "transcript", "autoplay"};
  std::vector<std::array<std::string, kCols>> rows;
  for (std::size_t i = 0; i < inv.rows.size(); ++i) {
    const media::InventoryRow& r = inv.rows[i];
    const media::MediaItem& m = *r.item;
    rows.push_back({std::to_string(i + 1), std::string(kind_label(m.kind, m.audio_only, lang)),
                    m.player ? m.player->name : "–", cell(escape_for_terminal(m.name.empty() ? "–" : m.name), 30),
                    status(r.captions, lang), status(r.description, lang), status(r.transcript, lang),
                    status(r.autoplay, lang)});
  }
  std::array<std::size_t, kCols> w{};
  for (std::size_t c = 0; c < kCols; ++c) {
    w[c] = width(head[c]);
    for (const auto& row : rows) w[c] = std::max(w[c], width(row[c]));
  }
  auto print = [&](const std::array<std::string, kCols>& row) {
    out << " ";
    for (std::size_t c = 0; c < kCols; ++c) {
      out << " " << row[c];
      if (c + 1 < kCols) out << std::string(w[c] - width(row[c]) + 1, ' ');
    }
    out << "\n";
  };
  print(head);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    print(rows[i]);
    const media::InventoryRow& r = inv.rows[i];
    const media::MediaItem& m = *r.item;
    engine::Location loc = engine::locate(m.element);
    out << "      " << (sv ? "rad " : "line ") << loc.line << ": "
        << escape_for_terminal(m.sources.empty() ? loc.snippet : m.sources.front()) << "\n";
    if (m.cc_load_policy || m.cc_lang_pref) {
      out << "      cc_load_policy=" << escape_for_terminal(m.cc_load_policy.value_or("–"))
          << " cc_lang_pref=" << escape_for_terminal(m.cc_lang_pref.value_or("–")) << "\n";
    }
    for (const media::Track& t : m.tracks) {
      out << "      " << (sv ? "textspår " : "track ") << t.kind << " " << escape_for_terminal(t.srclang.empty() ? "?" : t.srclang)
          << (t.is_default ? " default" : "") << ": " << escape_for_terminal(t.src.empty() ? "(src saknas)" : t.src);
      for (const media::TrackCheck* c : r.track_checks) {
        if (c->track != &t) continue;
        if (c->problem) {
          engine::Finding f{engine::Outcome::Failed, nullptr, c->problem, c->args};
          out << " — " << escape_for_terminal(f.text(lang));
        } else {
          out << " — OK (" << c->cues << (sv ? " repliker)" : " cues)");
        }
      }
      out << "\n";
    }
  }
}

}  // namespace granska::reports
