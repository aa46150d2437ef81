#include "config/crawl_config.h"

#include <toml++/toml.h>

#include "config/toml_text.h"
#include "fetch/fetch.h"
#include "url/url.h"
#include "util/text.h"

namespace granska::config {

namespace {

Error bad(const std::string& path, const std::string& what) {
  return Error{"Configuration " + path + ": " + what, "Inställningsfilen " + path + ": " + what};
}

// Appends the strings of array `key` of `table` to `out`; false when it is not an array of strings.
bool strings(const toml::table& table, const char* key, std::vector<std::string>& out) {
  const toml::node* n = table.get(key);
  if (!n) return true;
  const toml::array* arr = n->as_array();
  if (!arr) return false;
  for (const toml::node& item : *arr) {
    auto s = item.value<std::string>();
    if (!s) return false;
    out.push_back(*s);
  }
  return true;
}

}  // namespace

Result<CrawlConfig> load_crawl_config(const std::string& path) {
  const std::optional<std::string> text = read_text_file(path);
  if (!text) return bad(path, "cannot be read");
  if (std::size_t line = stray_non_ascii_line(*text)) {
    return bad(path, "a non-ASCII character outside quotes (line " + std::to_string(line) + ")");
  }
  toml::table root;
  try {
    root = toml::parse(*text, path);
  } catch (const toml::parse_error& e) {
    return bad(path, std::string(e.description()) + " (line " + std::to_string(e.source().begin.line) + ")");
  }
  CrawlConfig c;
  for (const char* key : {"max_pages", "max_depth", "concurrency_per_host", "delay_ms", "max_documents"}) {
    const toml::node* n = root.get(key);
    if (!n) continue;
    auto v = n->value<long long>();
    if (!v || *v < 0) return bad(path, std::string(key) + " must be a non-negative integer");
    std::string k = key;
    if (k == "max_pages") c.max_pages = v;
    if (k == "max_depth") c.max_depth = v;
    if (k == "concurrency_per_host") c.concurrency_per_host = v;
    if (k == "delay_ms") c.delay_ms = v;
    if (k == "max_documents") c.max_documents = v;
  }
  // Sizes in MB: at least 1, and small enough that bytes fit (1 TB).
  for (const char* key : {"max_document_mb", "max_documents_total_mb"}) {
    const toml::node* n = root.get(key);
    if (!n) continue;
    auto v = n->value<long long>();
    if (!v || *v < 1 || *v > 1024 * 1024) return bad(path, std::string(key) + " must be a whole number of MB from 1 to 1048576");
    (std::string(key) == "max_document_mb" ? c.max_document_mb : c.max_documents_total_mb) = v;
  }
  if (const toml::node* n = root.get("check_documents")) {
    auto v = n->value<bool>();
    if (!v) return bad(path, "check_documents must be true or false");
    c.check_documents = v;
  }
  c.user_agent = root["user_agent"].value_or(std::string());
  const std::string contact = root["contact"].value_or(std::string());
  if (!contact.empty()) {
    if (c.user_agent.empty()) c.user_agent = "granska";
    c.user_agent += " (+" + contact + ")";
  }
  auto read_site = [&](const toml::table& t) -> Status {
    for (auto [key, out] : {std::pair{"seeds", &c.seeds}, std::pair{"sitemaps", &c.sitemaps},
                            std::pair{"allowed_hosts", &c.allowed_hosts}, std::pair{"include", &c.include},
                            std::pair{"exclude", &c.exclude}, std::pair{"headers", &c.headers}}) {
      if (!strings(t, key, *out)) return bad(path, std::string(key) + " must be a list of strings");
    }
    if (const toml::node* n = t.get("cookies")) {
      auto v = n->value<std::string>();
      if (!v) return bad(path, "cookies must be a string");
      c.headers.push_back("Cookie: " + *v);
    }
    if (const toml::node* n = t.get("render")) {
      auto v = n->value<std::string>();
      if (!v || (*v != "never" && *v != "auto" && *v != "always"))
        return bad(path, "render must be \"never\", \"auto\" or \"always\"");
      if (&t == &root) {
        c.render = *v;
      } else {
        std::vector<std::string> seeds, hosts;
        strings(t, "seeds", seeds);
        strings(t, "allowed_hosts", hosts);
        for (const std::string& seed : seeds)
          if (auto u = url::Url::parse(seed)) hosts.emplace_back(u->host());
        for (std::string& h : hosts) c.render_hosts.emplace_back(text::ascii_lower(h), *v);
      }
    }
    // A header that would inject another one, or that has no name, is refused here, not
    // sent (issue #16). The message never repeats the value: it may be a secret.
    for (std::size_t i = 0; i < c.headers.size(); ++i) {
      if (Status st = fetch::validate_header(c.headers[i]); !st) {
        const std::string n = std::to_string(i + 1);
        return Error{"Configuration " + path + ": header " + n + ": " + st.error().message,
                     "Inställningsfilen " + path + ": huvud " + n + ": " + st.error().text(Lang::Sv)};
      }
    }
    return ok_status();
  };
  if (Status st = read_site(root); !st) return st.error();
  if (const toml::node* sites = root.get("site")) {
    const toml::array* arr = sites->as_array();
    if (!arr) return bad(path, "site must be an array of tables ([[site]])");
    for (const toml::node& s : *arr) {
      const toml::table* t = s.as_table();
      if (!t) return bad(path, "site must be an array of tables ([[site]])");
      if (Status st = read_site(*t); !st) return st.error();
    }
  }
  return c;
}

}  // namespace granska::config
