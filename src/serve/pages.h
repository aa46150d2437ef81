// The web app's own pages (the form, and the pages that say why something did not work),
// built on the reports' accessible page shell; the result page is reports/page/result_page.h.
// Everything a user typed is escaped.
#pragma once

#include <string>
#include <vector>

#include "util/lang.h"

namespace granska::serve {

// Links every page shares: the form, the same page in the other language.
struct PageLinks {
  std::string home;         // "/" or "/?lang=en"
  std::string lang_switch;  // this page in the other language
};

// What the form shows: the sites it may fetch from, how long results are kept, and after
// a failed attempt which form it was, what was typed and why it did not work.
struct FormState {
  std::vector<std::string> allowed_hosts;  // empty with any_host false: addresses cannot be checked
  bool any_host = false;
  std::size_t max_bytes = 0;
  int keep_days = 30;
  std::string error;        // plain text; "" when none
  std::string error_field;  // "url", "html" or "file": the form the error belongs to
  std::string url;          // as typed
  std::string html;         // as pasted
};

std::string form_page(const FormState& state, const PageLinks& links, Lang lang);
// A page with a heading and a message (plain text), and a link back to the form.
std::string message_page(const std::string& heading, const std::string& message, const PageLinks& links, Lang lang);

}  // namespace granska::serve
