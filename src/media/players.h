// The video and audio players granska recognises when a page embeds them in an <iframe>,
// <object> or <embed>. The list is data: config/players.json is compiled in as the
// built-in list, and another file with the same shape can be loaded at run time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace granska::media {

struct Player {
  std::string id;    // stable, kebab-case: "youtube", "vimeo", ...
  std::string name;  // for people: "YouTube"
  // The embed URL's host equals one of these or ends with "." + one of them (lowercase).
  std::vector<std::string> hosts;
  // When non-empty, the URL's path must also contain one of these (case-insensitive).
  std::vector<std::string> path_contains;
};

class PlayerList {
 public:
  PlayerList() = default;
  explicit PlayerList(std::vector<Player> players) : players_(std::move(players)) {}

  // The list compiled in from config/players.json. Never empty.
  static const PlayerList& builtin();
  // Reads a list in the players.json format: {"players": [{"id", "name", "hosts",
  // "path_contains"?}]}. An Error names the problem (bad JSON, a player without id or hosts).
  static Result<PlayerList> parse(std::string_view json);
  static Result<PlayerList> load_file(const std::string& path);

  // The player serving an absolute http(s) URL, or nullptr.
  const Player* match(std::string_view url) const;
  const std::vector<Player>& players() const { return players_; }

 private:
  std::vector<Player> players_;
};

}  // namespace granska::media
