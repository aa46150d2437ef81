#include "render/login.h"

#include <fstream>
#include <sstream>

#include "util/text.h"

namespace granska::render {

std::vector<std::pair<std::string, std::string>> parse_header_lines(const std::vector<std::string>& lines) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& line : lines) {
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name(text::trim(std::string_view(line).substr(0, colon)));
    std::string value(text::trim(std::string_view(line).substr(colon + 1)));
    if (name.empty()) continue;
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

Result<nlohmann::json> cookies_from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error{"cannot read the cookie file " + path, "kan inte läsa cookie-filen " + path};
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string data = buf.str();
  if (data.size() > (10u << 20)) {
    return Error{"the cookie file " + path + " is larger than 10 MB", "cookie-filen " + path + " är större än 10 MB"};
  }
  nlohmann::json cookies = nlohmann::json::array();
  std::istringstream lines(data);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool http_only = false;
    static constexpr std::string_view kHttpOnly = "#HttpOnly_";
    if (line.compare(0, kHttpOnly.size(), kHttpOnly) == 0) {
      http_only = true;
      line.erase(0, kHttpOnly.size());
    } else if (line.empty() || line[0] == '#') {
      continue;
    }
    std::vector<std::string> f;
    std::size_t start = 0;
    for (;;) {
      std::size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (f.size() != 7 || f[0].empty() || f[5].empty()) continue;
    std::string host = f[0];
    bool subdomains = text::iequals(f[1], "TRUE") || host[0] == '.';
    if (host[0] == '.') host.erase(0, 1);
    bool secure = text::iequals(f[3], "TRUE");
    std::string cookie_path = f[2].empty() ? "/" : f[2];
    nlohmann::json c = {{"name", f[5]}, {"value", f[6]}, {"path", cookie_path}, {"secure", secure},
                        {"httpOnly", http_only}};
    long long expires = std::atoll(f[4].c_str());
    if (expires > 0) c["expires"] = expires;
    if (subdomains) {
      c["domain"] = "." + host;
    } else {
      c["url"] = std::string(secure ? "https://" : "http://") + host + cookie_path;
    }
    cookies.push_back(std::move(c));
  }
  return cookies;
}

}  // namespace granska::render
