#include "media/media.h"

#include <algorithm>
#include <array>

#include "url/url.h"
#include "html/language_tag.h"
#include "util/text.h"

namespace granska::media {

namespace {

// Resolves a URL attribute against the page. Protocol-relative URLs ("//www.youtube.com/…")
// take the page's scheme, or https for a local file (that is what a browser reaching the
// site would use). Pages without a usable base keep the reference as written.
std::string resolve(std::string_view page_url, std::string_view ref) {
  std::string_view r = text::trim(ref);
  bool web_page = text::istarts_with(page_url, "http://") || text::istarts_with(page_url, "https://");
  if (r.starts_with("//") && !web_page) return "https:" + std::string(r);
  if (web_page || text::istarts_with(page_url, "file:")) return url::resolve_reference(page_url, r);
  return std::string(r);
}

std::string normalise_track_kind(std::optional<std::string_view> kind) {
  if (!kind) return "subtitles";  // missing value default
  std::string k = text::ascii_lower(text::trim(*kind));
  for (const char* valid : {"subtitles", "captions", "descriptions", "chapters", "metadata"}) {
    if (k == valid) return k;
  }
  return "metadata";  // invalid value default
}

bool is_media_type(std::string_view type) {
  std::string t = text::ascii_lower(text::trim(type));
  return t.starts_with("video/") || t.starts_with("audio/");
}

bool flag_param(std::string_view url, std::string_view name) {
  auto v = query_param(url, name);
  return v && (*v == "1" || *v == "true");
}

void read_native(MediaItem& item, const html::Node& e, std::string_view page_url) {
  if (auto src = e.attr("src"); src && !text::trim(*src).empty()) item.sources.push_back(resolve(page_url, *src));
  for (const html::Node* c : e.children()) {
    if (c->is("source")) {
      if (auto src = c->attr("src"); src && !text::trim(*src).empty()) item.sources.push_back(resolve(page_url, *src));
    } else if (c->is("track")) {
      Track t;
      t.element = c;
      t.kind = normalise_track_kind(c->attr("kind"));
      t.src = std::string(text::trim(c->attr("src").value_or("")));
      if (!t.src.empty()) t.url = resolve(page_url, t.src);
      t.srclang = std::string(text::trim(c->attr("srclang").value_or("")));
      t.label = std::string(c->attr("label").value_or(""));
      t.is_default = c->has_attr("default");
      item.tracks.push_back(std::move(t));
    }
  }
  item.autoplay = e.has_attr("autoplay");
  item.muted = e.has_attr("muted");
  item.controls = e.has_attr("controls");
  item.loop = e.has_attr("loop");
}

void read_embed_url(MediaItem& item, const std::string& url) {
  item.sources.push_back(url);
  item.autoplay = flag_param(url, "autoplay");
  item.muted = flag_param(url, "mute") || flag_param(url, "muted");
  item.loop = flag_param(url, "loop");
  if (item.player && item.player->id == "youtube") {
    item.cc_load_policy = query_param(url, "cc_load_policy");
    item.cc_lang_pref = query_param(url, "cc_lang_pref");
  }
}

std::string name_of(aria::Semantics& aria, const html::Node& e) {
  std::string n = aria.name(e).text;
  if (n.empty()) n = text::collapse_whitespace(e.attr("title").value_or(""));
  return n;
}

constexpr std::array kDescriptionWords{std::string_view("syntolk"), std::string_view("audio description"),
                                       std::string_view("audio-described"), std::string_view("audio described"),
                                       std::string_view("described version")};
constexpr std::array kTranscriptWords{std::string_view("textversion"), std::string_view("text version"),
                                      std::string_view("transkribering"), std::string_view("transkription"),
                                      std::string_view("transcript")};

// The keyword found in `s` (any case), and where.
std::optional<std::pair<std::string_view, std::size_t>> find_keyword(std::string_view s, Alternative what) {
  std::string lower = text::ascii_lower(s);
  auto search = [&](const auto& words) -> std::optional<std::pair<std::string_view, std::size_t>> {
    for (std::string_view w : words) {
      if (auto p = lower.find(w); p != std::string::npos) return std::pair{w, p};
    }
    return std::nullopt;
  };
  return what == Alternative::AudioDescription ? search(kDescriptionWords) : search(kTranscriptWords);
}

std::string excerpt(const std::string& s, std::size_t at) {
  std::size_t start = 0;
  if (at > 40) {
    start = s.find(' ', at - 40);
    start = (start == std::string::npos || start > at) ? at : start + 1;
  }
  return text::truncate_utf8(std::string_view(s).substr(start), 120);
}

std::optional<Evidence> search_in(const html::Node& scope, Alternative what) {
  // Links and buttons first: "Se den syntolkade versionen" is the strongest evidence.
  for (const html::Node* e : scope.descendant_elements()) {
    if (!e->is("a") && !e->is("button")) continue;
    std::string s = text::collapse_whitespace(e->text_content());
    for (const char* a : {"aria-label", "title"}) {
      if (auto v = e->attr(a)) s += " " + text::collapse_whitespace(*v);
    }
    if (auto hit = find_keyword(s, what)) return Evidence{e, std::string(hit->first), excerpt(s, hit->second)};
  }
  std::string s = text::collapse_whitespace(scope.text_content());
  if (auto hit = find_keyword(s, what)) return Evidence{&scope, std::string(hit->first), excerpt(s, hit->second)};
  return std::nullopt;
}

// True when `scope` holds a media element or frame other than `media` (or its content):
// text there may belong to that other clip.
bool holds_other_media(const html::Node& scope, const html::Node& media) {
  for (const html::Node* e : scope.descendant_elements()) {
    if (media.contains(*e)) continue;
    if (e->is("video") || e->is("audio") || e->is("iframe") || e->is("object") || e->is("embed")) return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(MediaKind k) {
  switch (k) {
    case MediaKind::Video: return "video";
    case MediaKind::Audio: return "audio";
    case MediaKind::Object: return "object";
    case MediaKind::Player: return "player";
    case MediaKind::Link: return "link";
  }
  return "video";
}

std::vector<const Track*> MediaItem::caption_tracks() const {
  std::vector<const Track*> out;
  for (const Track& t : tracks) {
    if ((t.kind == "captions" || t.kind == "subtitles") && !t.src.empty()) out.push_back(&t);
  }
  return out;
}

const Track* MediaItem::descriptions_track() const {
  for (const Track& t : tracks) {
    if (t.kind == "descriptions" && !t.src.empty()) return &t;
  }
  return nullptr;
}

std::optional<std::string> query_param(std::string_view url, std::string_view name) {
  std::size_t q = url.find('?');
  if (q == std::string_view::npos) return std::nullopt;
  std::string_view query = url.substr(q + 1);
  if (auto h = query.find('#'); h != std::string_view::npos) query = query.substr(0, h);
  while (!query.empty()) {
    std::size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    std::size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    if (text::iequals(key, name)) {
      return std::string(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    query = query.substr(amp + 1);
  }
  return std::nullopt;
}

bool is_media_file_url(std::string_view url, bool* audio) {
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return false;
  // Asked for every link of every page: compared without a lowercased copy.
  std::string_view ext = path.substr(dot + 1);
  if (ext.size() < 3 || ext.size() > 4) return false;
  static constexpr std::array<std::string_view, 5> kVideo{"mp4", "webm", "mov", "m4v", "ogv"};
  static constexpr std::array<std::string_view, 7> kAudio{"mp3", "m4a", "wav", "ogg", "oga", "aac", "flac"};
  for (std::string_view v : kVideo) {
    if (text::iequals(ext, v)) {
      if (audio) *audio = false;
      return true;
    }
  }
  for (std::string_view a : kAudio) {
    if (text::iequals(ext, a)) {
      if (audio) *audio = true;
      return true;
    }
  }
  return false;
}

std::vector<MediaItem> find_media(const html::Document& doc, aria::Semantics& aria, std::string_view page_url,
                                  const PlayerList& players) {
  std::vector<MediaItem> out;
  const html::Node* inside = nullptr;  // the last media element found: skip its content
  for (const html::Node* e : doc.elements()) {
    if (inside && inside->contains(*e)) continue;
    // Most elements are none of these: decided before a MediaItem is made for them.
    if (e->ns() != html::Namespace::Html) continue;
    std::string_view tag = e->tag();
    if (tag != "video" && tag != "audio" && tag != "iframe" && tag != "object" && tag != "embed" && tag != "a") continue;
    MediaItem item;
    item.element = e;
    if (e->is("video") || e->is("audio")) {
      item.kind = e->is("video") ? MediaKind::Video : MediaKind::Audio;
      read_native(item, *e, page_url);
      item.audio_only = e->is("audio");
    } else if (e->is("iframe") || e->is("object") || e->is("embed")) {
      auto raw = e->is("object") ? e->attr("data") : e->attr("src");
      // Cookie-consent scripts keep the player address in data-src until the visitor agrees.
      if (e->is("iframe") && (!raw || text::trim(*raw).empty() || text::iequals(text::trim(*raw), "about:blank"))) {
        raw = e->attr("data-src");
      }
      if (!raw || text::trim(*raw).empty()) continue;
      std::string url = resolve(page_url, *raw);
      item.player = players.match(url);
      bool media_file = is_media_file_url(url) || is_media_type(e->attr("type").value_or(""));
      if (!item.player && (e->is("iframe") || !media_file)) continue;
      item.kind = item.player && e->is("iframe") ? MediaKind::Player : MediaKind::Object;
      read_embed_url(item, url);
      bool audio_ext = false;
      item.audio_only = !item.player && ((is_media_file_url(url, &audio_ext) && audio_ext) ||
                                         text::istarts_with(text::trim(e->attr("type").value_or("")), "audio/"));
    } else if (e->is("a")) {
      auto href = e->attr("href");
      if (!href || !is_media_file_url(*href)) continue;
      item.kind = MediaKind::Link;
      item.sources.push_back(resolve(page_url, *href));
      is_media_file_url(*href, &item.audio_only);
    } else {
      continue;
    }
    item.name = name_of(aria, *e);
    inside = e;
    out.push_back(std::move(item));
  }
  return out;
}

std::optional<Evidence> find_nearby(const MediaItem& item, Alternative what) {
  const html::Node& media = *item.element;
  if (auto ev = search_in(media, what)) return ev;
  // Widen the scope step by step while it stays a small neighbourhood of the player.
  const html::Node* scope = media.parent_element();
  for (int level = 0; scope && level < 3; ++level) {
    if (scope->is("body") || scope->is("html")) break;
    if (scope->text_content().size() > 3000 || holds_other_media(*scope, media)) break;
    if (auto ev = search_in(*scope, what)) return ev;
    scope = scope->parent_element();
  }
  // A big container (or the body): only the elements right before and after the player.
  const html::Node* parent = media.parent_element();
  if (!parent) return std::nullopt;
  const auto& kids = parent->children();
  auto it = std::find(kids.begin(), kids.end(), &media);
  // Next siblings first (a link under a player belongs to it), then the one before; stop at
  // another clip, whose own links those would be.
  auto is_media = [&](const html::Node* n) {
    return n->is("video") || n->is("audio") || n->is("iframe") || n->is("object") || n->is("embed") ||
           holds_other_media(*n, media);
  };
  std::vector<const html::Node*> near;
  for (auto n = it == kids.end() ? it : it + 1; n != kids.end() && near.size() < 2; ++n) {
    if (!(*n)->is_element()) continue;
    if (is_media(*n)) break;
    near.push_back(*n);
  }
  for (auto p = it; p != kids.begin();) {
    --p;
    if (!(*p)->is_element()) continue;
    if (is_media(*p)) break;
    // Text between two clips belongs to the one above it.
    bool after_media = false;
    for (auto q = p; q != kids.begin();) {
      --q;
      if (!(*q)->is_element()) continue;
      after_media = is_media(*q);
      break;
    }
    if (!after_media) near.push_back(*p);
    break;
  }
  for (const html::Node* n : near) {
    if (n->text_content().size() > 3000) continue;
    if (auto ev = search_in(*n, what)) return ev;
  }
  return std::nullopt;
}

bool is_swedish(std::string_view lang) { return text::iequals(html::primary_language_subtag(text::trim(lang)), "sv"); }

std::string page_language(const html::Document& doc) {
  if (!doc.html()) return "";
  return std::string(text::trim(doc.html()->attr("lang").value_or("")));
}

}  // namespace granska::media
