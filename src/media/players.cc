#include "media/players.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "url/url.h"
#include "util/text.h"

namespace granska::media {

namespace {

constexpr std::string_view kBuiltinJson =
#include "granska_players_builtin.inc"
    ;

bool host_matches(std::string_view host, std::string_view domain) {
  if (host == domain) return true;
  return host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.';
}

}  // namespace

const PlayerList& PlayerList::builtin() {
  static const PlayerList list = [] {
    Result<PlayerList> r = parse(kBuiltinJson);
    // config/players.json is tested to parse; an empty list here would be a build error.
    return r ? std::move(r).value() : PlayerList{};
  }();
  return list;
}

Result<PlayerList> PlayerList::parse(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("players") || !j["players"].is_array()) {
    return Error{"player list: not JSON with a \"players\" array", "spelarlistan: inte JSON med en \"players\"-lista"};
  }
  std::vector<Player> out;
  for (const auto& p : j["players"]) {
    Player player;
    if (!p.is_object() || !p.contains("id") || !p["id"].is_string() || !p.contains("hosts") || !p["hosts"].is_array()) {
      return Error{"player list: every player needs an \"id\" and \"hosts\"",
                   "spelarlistan: varje spelare behöver \"id\" och \"hosts\""};
    }
    player.id = p["id"].get<std::string>();
    player.name = p.contains("name") && p["name"].is_string() ? p["name"].get<std::string>() : player.id;
    for (const auto& h : p["hosts"]) {
      if (h.is_string()) player.hosts.push_back(text::ascii_lower(h.get<std::string>()));
    }
    if (p.contains("path_contains") && p["path_contains"].is_array()) {
      for (const auto& s : p["path_contains"]) {
        if (s.is_string()) player.path_contains.push_back(text::ascii_lower(s.get<std::string>()));
      }
    }
    if (player.hosts.empty()) {
      return Error{"player list: player \"" + player.id + "\" has no hosts",
                   "spelarlistan: spelaren \"" + player.id + "\" saknar hosts"};
    }
    out.push_back(std::move(player));
  }
  return PlayerList(std::move(out));
}

Result<PlayerList> PlayerList::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot read the player list " + path, "kan inte läsa spelarlistan " + path};
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse(ss.str());
}

const Player* PlayerList::match(std::string_view url) const {
  Result<url::Url> u = url::Url::parse(url);
  if (!u) return nullptr;
  std::string host = text::ascii_lower(u->host());
  std::string path = text::ascii_lower(u->path());
  for (const Player& p : players_) {
    bool host_ok = false;
    for (const std::string& h : p.hosts) host_ok = host_ok || host_matches(host, h);
    if (!host_ok) continue;
    if (p.path_contains.empty()) return &p;
    for (const std::string& s : p.path_contains) {
      if (path.find(s) != std::string::npos) return &p;
    }
  }
  return nullptr;
}

}  // namespace granska::media
