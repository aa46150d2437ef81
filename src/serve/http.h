// Requests and responses as the web app sees them: plain values, independent of the HTTP
// library (cpp-httplib lives in http_server.cc only, the granska-serve module), so every
// handler is tested without a socket.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace granska::serve {

// An uploaded file, held in memory only (never written to disk).
struct Upload {
  std::string file_name;     // as the browser sent it: untrusted
  std::string content_type;  // as the browser sent it: untrusted
  std::string content;
};

struct Request {
  std::string method;  // "GET", "POST", …
  std::string path;    // without the query
  std::multimap<std::string, std::string> query;
  // Header names in lower case.
  std::multimap<std::string, std::string> headers;
  std::string body;
  // The form fields of a POST (application/x-www-form-urlencoded or multipart/form-data).
  std::multimap<std::string, std::string> form;
  std::multimap<std::string, Upload> files;
  std::string remote_address;  // the TCP peer

  std::string header(std::string_view name) const;  // "" when absent; name in lower case
  std::string param(std::string_view name) const;   // query parameter, "" when absent
  std::string field(std::string_view name) const;   // form field, "" when absent
  bool is_multipart() const;                        // a multipart/form-data body
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type = "text/html; charset=utf-8";

  void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  std::string header(std::string_view name) const;  // first with this name (case-sensitive)
};

// "a=1&b=x+y%21" -> {a: 1, b: "x y!"}; invalid percent escapes are kept as they are.
std::multimap<std::string, std::string> parse_query(std::string_view text);
std::string percent_decode(std::string_view text, bool plus_is_space);
std::string percent_encode(std::string_view text);

}  // namespace granska::serve
