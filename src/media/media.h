// The media inventory of a page: every video and audio clip a visitor can meet there —
// <video>, <audio>, media in <object>/<embed>, iframes of known players (see players.h)
// (also when a cookie-consent script keeps the address in data-src) and plain links to
// media files — with what the markup tells about each: sources, the
// player, its accessible name, caption/description tracks, autoplay/muted/controls, and
// the caption settings of a YouTube embed URL.
//
// Pure: reads the Document only (no network). Rules and the inventory report both start
// here so they always agree on what a media item is. Pointers point into the Document.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aria/semantics.h"
#include "html/dom.h"
#include "media/players.h"

namespace granska::media {

enum class MediaKind : unsigned char {
  Video,   // <video>
  Audio,   // <audio>
  Object,  // <object>/<embed> with a media type or a media file / player URL
  Player,  // <iframe> of a known player
  Link,    // <a href> to a media file
};
std::string_view to_string(MediaKind k);  // "video", "audio", "object", "player", "link"

struct Track {
  const html::Node* element = nullptr;
  std::string kind;     // lowercase, normalised per HTML: missing/invalid → "subtitles"
  std::string src;      // as written (trimmed)
  std::string url;      // src resolved against the page (absolute when the page URL is)
  std::string srclang;  // as written
  std::string label;
  bool is_default = false;
};

struct MediaItem {
  const html::Node* element = nullptr;
  MediaKind kind = MediaKind::Video;
  const Player* player = nullptr;    // known player, or nullptr; points into the PlayerList used
  std::vector<std::string> sources;  // src and <source src>, resolved against the page
  std::string name;                  // accessible name, else title attribute
  std::vector<Track> tracks;
  bool autoplay = false;  // autoplay attribute, or autoplay=1 in a player URL
  bool muted = false;     // muted attribute, or mute=1/muted=1 in a player URL
  bool controls = false;  // controls attribute (native elements only)
  bool loop = false;
  // Sound only: <audio>, or an object/embed/link whose type or file extension is audio.
  bool audio_only = false;
  // From YouTube embed URLs: the cc_load_policy and cc_lang_pref parameters, when present.
  std::optional<std::string> cc_load_policy;
  std::optional<std::string> cc_lang_pref;

  bool is_native() const { return kind == MediaKind::Video || kind == MediaKind::Audio; }
  // Tracks with kind captions or subtitles and a non-empty src.
  std::vector<const Track*> caption_tracks() const;
  const Track* descriptions_track() const;
};

// Every media item of `doc` in tree order. `page_url` resolves relative URLs (left as
// written when the page has no http(s) or file URL). Media inside another media element
// (a fallback <a> inside <video>) is not listed separately.
std::vector<MediaItem> find_media(const html::Document& doc, aria::Semantics& aria, std::string_view page_url,
                                  const PlayerList& players = PlayerList::builtin());

// True for a URL whose path ends in a media file extension (.mp4 .webm .mov .m4v .ogv
// .mp3 .m4a .wav .ogg .oga .aac .flac), ignoring query and fragment; `audio` tells which.
bool is_media_file_url(std::string_view url, bool* audio = nullptr);

// A value of a query parameter in a URL ("cc_load_policy" of ".../embed/x?cc_load_policy=1").
std::optional<std::string> query_param(std::string_view url, std::string_view name);

// Text near a media element that points to an alternative: "syntolkad", "transcript", ...
struct Evidence {
  const html::Node* element = nullptr;  // the link or element holding the text
  std::string keyword;                  // the keyword found (lowercase)
  std::string text;                     // the text it was found in (whitespace-collapsed, ≤ 120 chars)
};
enum class Alternative : unsigned char { AudioDescription, Transcript };
// Searches the media element's surroundings — its own fallback content, its siblings, and
// up to three ancestor levels while they stay small (≤ 3000 characters of text) and hold
// no other media element or frame — for
// links or text naming an audio-described version ("syntolkad", "syntolkning",
// "audio description", ...) or a transcript ("textversion", "transkribering",
// "transcript", ...). Case-insensitive; link text, aria-label and title count.
std::optional<Evidence> find_nearby(const MediaItem& item, Alternative what);

// True when `lang` (a BCP 47 tag) is Swedish ("sv", "sv-SE", "SV").
bool is_swedish(std::string_view lang);
// The page's language: <html lang> (trimmed), "" when absent.
std::string page_language(const html::Document& doc);

}  // namespace granska::media
