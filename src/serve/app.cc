#include "serve/app.h"

#include <algorithm>
#include <array>
#include <ctime>
#include <exception>
#include <random>
#include <sstream>

#include "fetch/site_guard.h"
#include "org/profile.h"
#include "reports/page/page_summary.h"
#include "reports/page/result_page.h"
#include "serve/pages.h"
#include "url/url.h"
#include "util/sha256.h"
#include "util/text.h"

namespace granska::serve {

namespace {

using nlohmann::json;

constexpr std::chrono::seconds kBusyRetry{10};

std::string base64(const std::uint8_t* data, std::size_t n, bool url) {
  const char* table = url ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                          : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < n; i += 3) {
    const std::uint32_t b = (std::uint32_t{data[i]} << 16) | (i + 1 < n ? std::uint32_t{data[i + 1]} << 8 : 0u) |
                            (i + 2 < n ? std::uint32_t{data[i + 2]} : 0u);
    out += table[(b >> 18) & 63];
    out += table[(b >> 12) & 63];
    if (i + 1 < n) out += table[(b >> 6) & 63];
    else if (!url) out += '=';
    if (i + 2 < n) out += table[b & 63];
    else if (!url) out += '=';
  }
  return out;
}

std::string random_id() {
  std::random_device rd;  // /dev/urandom
  std::array<std::uint8_t, 16> bytes{};
  for (std::size_t i = 0; i < bytes.size(); i += 4) {
    const std::uint32_t r = rd();
    for (std::size_t k = 0; k < 4; ++k) bytes[i + k] = static_cast<std::uint8_t>(r >> (8 * k));
  }
  return base64(bytes.data(), bytes.size(), true);
}

bool valid_id(std::string_view id) {
  return id.size() >= 4 && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
         });
}

std::string iso_utc(std::int64_t seconds, bool date_only) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, date_only ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string with_lang(const std::string& path, Lang lang) { return lang == Lang::En ? path + "?lang=en" : path; }
std::string other_lang(const std::string& path, Lang lang) { return lang == Lang::En ? path + "?lang=sv" : path + "?lang=en"; }

void security_headers(Response& r) {
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Referrer-Policy", "no-referrer");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Cross-Origin-Opener-Policy", "same-origin");
  r.set_header("Cross-Origin-Resource-Policy", "same-origin");
  if (r.content_type.starts_with("text/html")) {
    r.set_header("Content-Security-Policy", content_security_policy(r.body));
  } else {
    r.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  }
}

std::string json_body(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

bool has_scheme(std::string_view s) {
  // RFC 3986 scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = s[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!(alpha || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))) return false;
  }
  // "malmo.se:8080/x" is a host and port, not a scheme.
  const std::string_view rest = s.substr(colon + 1);
  return !(rest.size() > 0 && rest[0] >= '0' && rest[0] <= '9' && s.substr(0, colon).find('.') != std::string_view::npos);
}

}  // namespace

// A validation failure: its HTTP status, the API's code, and the message.
struct FormError {
  int status = 400;
  std::string code;
  std::string text;
  std::string field;  // "url", "html", "file"
  std::chrono::seconds retry_after{0};
};

struct App::Context {
  Lang lang = Lang::Sv;
  std::string origin;  // "https://granska.malmo.se": what permanent links start with
  PageLinks links;
  std::string form_url, form_html;  // what the form sent, shown again after an error
};

struct App::Outcome {
  std::string id;  // set on success
  FormError error;
};

Lang negotiate_language(const Request& request) {
  if (auto lang = parse_lang(request.param("lang"))) return *lang;
  if (auto lang = parse_lang(request.field("lang"))) return *lang;
  // "sv-SE,sv;q=0.9,en;q=0.8": the sv or en range with the highest weight, first on a tie.
  const std::string header = text::ascii_lower(request.header("accept-language"));
  double best_q = 0;
  Lang best = Lang::Sv;
  std::istringstream items(header);
  for (std::string item; std::getline(items, item, ',');) {
    std::string range(text::trim(item.substr(0, item.find(';'))));
    double q = 1;
    if (const auto at = item.find("q="); at != std::string::npos) q = std::atof(item.c_str() + at + 2);
    const std::string primary = range.substr(0, range.find('-'));
    const std::optional<Lang> lang = primary == "sv" ? std::optional(Lang::Sv) : primary == "en" ? std::optional(Lang::En) : std::nullopt;
    if (lang && q > best_q) {
      best_q = q;
      best = *lang;
    }
  }
  return best;
}

std::string content_security_policy(std::string_view html) {
  std::string style_src = "'none'";
  const std::size_t open = html.find("<style>");
  const std::size_t close = open == std::string_view::npos ? open : html.find("</style>", open);
  if (close != std::string_view::npos) {
    Sha256 h;
    h.update(html.substr(open + 7, close - open - 7));
    const Sha256::Digest d = h.finish();
    style_src = "'sha256-" + base64(d.data(), d.size(), false) + "'";
  }
  return "default-src 'none'; style-src " + style_src +
         "; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}

App::App(AppSettings settings, AppDeps deps)
    : settings_(std::move(settings)),
      deps_(std::move(deps)),
      limiter_(settings_.burst, settings_.refill),
      admission_(settings_.workers, settings_.queue) {
  if (!deps_.now) deps_.now = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
  if (!deps_.steady) deps_.steady = [] { return Clock::now(); };
  if (!deps_.new_id) deps_.new_id = random_id;
}

Response App::handle(const Request& request) {
  Context ctx;
  ctx.lang = negotiate_language(request);
  ctx.links.home = with_lang("/", ctx.lang);
  ctx.origin = origin(request);
  Response r;
  try {
    r = route(request, ctx);
  } catch (const std::exception&) {
    r = message(ctx, 500, ctx.lang == Lang::Sv ? "Något gick fel" : "Something went wrong",
                ctx.lang == Lang::Sv ? "Ett internt fel hindrade granskningen. Försök igen om en stund."
                                     : "An internal error stopped the check. Try again in a while.");
  }
  security_headers(r);
  return r;
}

Response App::route(const Request& req, Context& ctx) {
  const bool sv = ctx.lang == Lang::Sv;
  const std::string& path = req.path;
  const bool get = req.method == "GET" || req.method == "HEAD";
  const bool post = req.method == "POST";
  auto not_allowed = [&](const char* allow) {
    Response r = message(ctx, 405, sv ? "Metoden stöds inte" : "Method not allowed",
                         sv ? "Den här adressen tar inte emot den sortens anrop." : "This address does not take that kind of request.");
    r.set_header("Allow", allow);
    return r;
  };
  if (path == "/healthz") {
    Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "ok\n";
    return r;
  }
  const bool api = path.starts_with("/api/");
  if (!settings_.user_header.empty() && req.header(text::ascii_lower(settings_.user_header)).empty()) {
    if (api) return api_error(403, "sign-in-required", "requests must come through the city's sign-in");
    return message(ctx, 403, sv ? "Inloggning krävs" : "Sign-in required",
                   sv ? "granska nås bara genom stadens inloggning." : "granska is only reachable through the city's sign-in.");
  }
  // A form posted from another site (cross-site request forgery) is refused; tools like the
  // CMS send no Sec-Fetch-Site.
  if (post && req.header("sec-fetch-site") == "cross-site") {
    if (api) return api_error(403, "cross-site", "a browser on another site may not post checks");
    return message(ctx, 403, sv ? "Otillåtet anrop" : "Request refused",
                   sv ? "Formuläret skickades från en annan webbplats." : "The form was sent from another site.");
  }
  if (path == "/") {
    if (!get) return not_allowed("GET, HEAD");
    ctx.links.lang_switch = other_lang("/", ctx.lang);
    return form(ctx, 200, nullptr);
  }
  if (path == "/granska") {
    if (!post) return not_allowed("POST");
    ctx.links.lang_switch = other_lang("/", ctx.lang);
    return submit(req, ctx);
  }
  if (path.starts_with("/r/")) {
    std::string id = path.substr(3);
    const bool again = id.ends_with("/igen");
    if (again) id.resize(id.size() - 5);
    if (valid_id(id)) {
      if (again) {
        if (!post) return not_allowed("POST");
        return recheck(req, ctx, id);
      }
      if (!get) return not_allowed("GET, HEAD");
      return result_page(ctx, id);
    }
  }
  if (path == "/api/v1/checks") {
    if (!post) {
      Response r = api_error(405, "method-not-allowed", "POST a check here; GET /api/v1/checks/<id> reads one");
      r.set_header("Allow", "POST");
      return r;
    }
    return api_submit(req, ctx);
  }
  if (path.starts_with("/api/v1/checks/")) {
    const std::string id = path.substr(15);
    if (valid_id(id)) {
      if (!get) {
        Response r = api_error(405, "method-not-allowed", "results are read with GET");
        r.set_header("Allow", "GET, HEAD");
        return r;
      }
      return api_result(ctx, id, 200);
    }
  }
  if (api) return api_error(404, "not-found", "no such API address (see docs/serve-api.md)");
  ctx.links.lang_switch = other_lang("/", ctx.lang);
  return message(ctx, 404, sv ? "Sidan finns inte" : "Page not found",
                 sv ? "Det finns ingen sida på den här adressen." : "There is no page at this address.");
}

Response App::form(const Context& ctx, int status, const FormError* error) {
  FormState s;
  s.allowed_hosts = settings_.allowed_hosts;
  s.any_host = settings_.any_host;
  s.max_bytes = settings_.max_bytes;
  s.keep_days = static_cast<int>(std::max<long long>(1, settings_.keep.count() / 86400));
  s.url = ctx.form_url;
  s.html = ctx.form_html;
  if (error) {
    s.error = error->text;
    s.error_field = error->field;
  }
  Response r;
  r.status = status;
  r.body = form_page(s, ctx.links, ctx.lang);
  r.set_header("Cache-Control", "no-store");
  if (error && error->retry_after.count() > 0) r.set_header("Retry-After", std::to_string(error->retry_after.count()));
  return r;
}

Response App::message(const Context& ctx, int status, const std::string& heading, const std::string& text) {
  Response r;
  r.status = status;
  r.body = message_page(heading, text, ctx.links, ctx.lang);
  r.set_header("Cache-Control", "no-store");
  return r;
}

Response App::api_error(int status, std::string_view code, const std::string& text) {
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = json_body(json{{"error", {{"status", status}, {"code", code}, {"message", text}}}});
  r.set_header("Cache-Control", "no-store");
  return r;
}

namespace {

// Checks what a source says before anything is fetched: the address's form and host, and
// sizes. The messages say what to do instead.
std::optional<FormError> validate(Source& source, const AppSettings& settings, Lang lang) {
  const bool sv = lang == Lang::Sv;
  auto error = [&](int status, const char* code, std::string sv_text, std::string en_text, const char* field) {
    return FormError{status, code, sv ? std::move(sv_text) : std::move(en_text), field, std::chrono::seconds(0)};
  };
  const std::string limit = fetch::format_size(settings.max_bytes);
  switch (source.kind) {
    case SourceKind::Url: {
      std::string u(text::trim(source.url));
      if (!has_scheme(u)) u = "https://" + u;  // "malmo.se/sida" is meant as https
      if (!text::istarts_with(u, "http://") && !text::istarts_with(u, "https://")) {
        return error(400, "not-http",
                     "Bara adresser som börjar med http:// eller https:// kan granskas. En fil på din dator laddar du upp "
                     "under En fil.",
                     "Only addresses that start with http:// or https:// can be checked. Upload a file from your computer "
                     "under A file instead.",
                     "url");
      }
      Result<url::Url> parsed = url::Url::parse(u);
      if (!parsed) return error(400, "bad-address", parsed.error().text(Lang::Sv), parsed.error().text(Lang::En), "url");
      fetch::AddressPolicy policy;
      policy.allowed_hosts = settings.allowed_hosts;
      policy.any_host = settings.any_host;
      const std::string host(parsed->host());
      if (!fetch::host_allowed(host, policy)) {
        std::string list;
        for (const std::string& h : settings.allowed_hosts) list += (list.empty() ? "" : ", ") + h;
        if (list.empty()) {
          return error(403, "host-not-allowed",
                       "Den här installationen av granska får inte hämta några adresser. Klistra in sidans kod eller "
                       "ladda upp den som fil i stället.",
                       "This installation of granska may not fetch any address. Paste the page's code or upload it as a "
                       "file instead.",
                       "url");
        }
        return error(403, "host-not-allowed",
                     "granska får bara hämta sidor från " + list + ". " + host + " hör inte dit.",
                     "granska may only fetch pages from " + list + ". " + host + " is not one of them.", "url");
      }
      source.url = parsed->str();
      return std::nullopt;
    }
    case SourceKind::Html:
      if (source.content.size() > settings.max_bytes) {
        return error(413, "too-large", "Koden är större än gränsen på " + limit + ".",
                     "The code is larger than the limit of " + limit + ".", "html");
      }
      return std::nullopt;
    case SourceKind::File:
      if (source.content.empty()) {
        return error(400, "empty-file", "Filen är tom.", "The file is empty.", "file");
      }
      if (source.content.size() > settings.max_bytes) {
        return error(413, "too-large", "Filen är större än gränsen på " + limit + ".",
                     "The file is larger than the limit of " + limit + ".", "file");
      }
      return std::nullopt;
  }
  return std::nullopt;
}

// What a form or API request asks to check; nullopt when it names nothing.
std::optional<Source> source_of(const Request& req, const json* body) {
  Source s;
  if (auto f = req.files.find("file"); f != req.files.end() && (!f->second.content.empty() || !f->second.file_name.empty())) {
    s.kind = SourceKind::File;
    s.content = f->second.content;
    s.file_name = f->second.file_name.empty() ? "fil.html" : f->second.file_name;
    return s;
  }
  std::string url = body ? body->value("url", "") : req.field("url");
  std::string html = body ? body->value("html", "") : req.field("html");
  if (!text::trim(url).empty()) {
    s.kind = SourceKind::Url;
    s.url = url;
    return s;
  }
  if (!html.empty()) {
    s.kind = SourceKind::Html;
    s.content = html;
    return s;
  }
  return std::nullopt;
}

}  // namespace

App::Outcome App::run_check(const Request& req, const Source& source) {
  const Lang lang = negotiate_language(req);
  const bool sv = lang == Lang::Sv;
  Outcome out;
  if (std::optional<std::chrono::seconds> wait = limiter_.take(client_key(req), deps_.steady())) {
    out.error = FormError{429, "rate-limited",
                          sv ? "Du har gjort många granskningar på kort tid. Vänta " + std::to_string(wait->count()) +
                                   " sekunder och försök igen."
                             : "You have made many checks in a short time. Wait " + std::to_string(wait->count()) +
                                   " seconds and try again.",
                          "", *wait};
    return out;
  }
  std::optional<Admission::Ticket> ticket = admission_.enter();
  if (!ticket) {
    out.error = FormError{503, "busy",
                          sv ? "granska har många granskningar på gång just nu. Försök igen om en liten stund."
                             : "granska has many checks under way right now. Try again in a little while.",
                          "", kBusyRetry};
    return out;
  }
  Result<StoredCheck> checked = deps_.checker->check(source);
  ticket.reset();
  if (!checked) {
    const char* field = source.kind == SourceKind::Url ? "url" : source.kind == SourceKind::Html ? "html" : "file";
    out.error = FormError{422, "check-failed", checked.error().text(lang), field, std::chrono::seconds(0)};
    return out;
  }
  const std::int64_t now = deps_.now();
  store::StoredResult stored{deps_.new_id(), checked->address, now, now + settings_.keep.count(), to_payload(*checked)};
  if (Status s = deps_.store->put(stored); !s) {
    out.error = FormError{500, "store-failed",
                          sv ? "Resultatet kunde inte sparas: " + s.error().text(Lang::Sv)
                             : "The result could not be stored: " + s.error().text(Lang::En),
                          "", std::chrono::seconds(0)};
    return out;
  }
  out.id = stored.id;
  return out;
}

Response App::submit(const Request& req, Context& ctx) {
  const bool sv = ctx.lang == Lang::Sv;
  std::optional<Source> source = source_of(req, nullptr);
  ctx.form_url = req.field("url");
  ctx.form_html = req.field("html").size() <= settings_.max_bytes ? req.field("html") : std::string();
  if (!source) {
    FormError e{400, "nothing", sv ? "Skriv en adress, klistra in kod eller välj en fil." : "Type an address, paste code or choose a file.",
                req.is_multipart() ? "file" : "url", std::chrono::seconds(0)};
    return form(ctx, 400, &e);
  }
  if (std::optional<FormError> e = validate(*source, settings_, ctx.lang)) return form(ctx, e->status, &*e);
  Outcome o = run_check(req, *source);
  if (o.id.empty()) return form(ctx, o.error.status, &o.error);
  Response r;
  r.status = 303;
  r.set_header("Location", with_lang("/r/" + o.id, ctx.lang));
  r.content_type = "text/plain; charset=utf-8";
  return r;
}

Response App::recheck(const Request& req, Context& ctx, const std::string& id) {
  const bool sv = ctx.lang == Lang::Sv;
  std::optional<store::StoredResult> stored = deps_.store->get(id, deps_.now());
  std::optional<StoredCheck> check = stored ? from_payload(stored->payload) : std::nullopt;
  if (!check) return result_page(ctx, id);  // says it is gone
  if (check->source != SourceKind::Url) {
    return message(ctx, 400, sv ? "Kan inte granskas igen" : "Cannot be checked again",
                   sv ? "Resultatet gäller inklistrad kod eller en fil. Granska den nya versionen från formuläret."
                      : "The result is for pasted code or a file. Check the new version from the form.");
  }
  Source source;
  source.kind = SourceKind::Url;
  source.url = check->address;
  ctx.form_url = check->address;
  ctx.links.lang_switch = other_lang("/", ctx.lang);
  if (std::optional<FormError> e = validate(source, settings_, ctx.lang)) return form(ctx, e->status, &*e);
  Outcome o = run_check(req, source);
  if (o.id.empty()) return form(ctx, o.error.status, &o.error);
  Response r;
  r.status = 303;
  r.set_header("Location", with_lang("/r/" + o.id, ctx.lang));
  r.content_type = "text/plain; charset=utf-8";
  return r;
}

Response App::result_page(Context& ctx, const std::string& id) {
  const bool sv = ctx.lang == Lang::Sv;
  const std::int64_t now = deps_.now();
  ctx.links.lang_switch = other_lang("/r/" + id, ctx.lang);
  std::optional<store::StoredResult> stored = deps_.store->get(id, now);
  std::optional<StoredCheck> check = stored ? from_payload(stored->payload) : std::nullopt;
  if (!check) {
    const std::string days = std::to_string(std::max<long long>(1, settings_.keep.count() / 86400));
    return message(ctx, 404, sv ? "Resultatet finns inte" : "No such result",
                   sv ? "Det finns inget resultat på den här länken. Resultat sparas i " + days +
                            " dagar; granska sidan igen för att få ett nytt."
                      : "There is no result at this link. Results are kept for " + days +
                            " days; check the page again to get a new one.");
  }
  const org::Profile* profile = org::find_profile(check->profile);
  if (!profile) profile = org::find_profile("wcag21-aa");
  const engine::Registry& registry = engine::Registry::builtin();
  const reports::PageSummary summary = reports::summarize(check->row, registry, *profile);

  std::optional<StoredCheck> previous;
  std::string previous_id;
  if (std::optional<store::StoredResult> p = deps_.store->previous_for(stored->address, id, now)) {
    previous = from_payload(p->payload);
    previous_id = p->id;
  }
  reports::CheckChanges changes;
  if (previous) changes = reports::compare_checks(previous->row, check->row, registry, *profile);

  reports::ResultPageApp app;
  app.home_href = ctx.links.home;
  app.lang_switch_href = ctx.links.lang_switch;
  app.permalink = ctx.origin + "/r/" + id;
  app.kept_until = iso_utc(stored->expires_at, true);
  if (check->source == SourceKind::Url) {
    app.recheck_action = "/r/" + id + "/igen";
    app.recheck_hidden_html = std::string("<input type=\"hidden\" name=\"lang\" value=\"") + (sv ? "sv" : "en") + "\">";
  }
  if (previous) {
    app.changes = &changes;
    app.previous_href = with_lang("/r/" + previous_id, ctx.lang);
    app.previous_checked = reports::display_time(previous->row.fetched_at);
  }
  // A page without an address is named by what it was.
  results::PageRow row = check->row;
  if (check->source != SourceKind::Url) {
    row.url = row.final_url = check->source == SourceKind::File ? check->file_name : (sv ? "inklistrad kod" : "pasted code");
  }
  reports::Options o;
  o.lang = ctx.lang;
  o.profile = profile;
  std::ostringstream body;
  reports::write_result_page(body, row, summary, reports::display_time(check->row.fetched_at), o, &app);
  Response r;
  r.body = body.str();
  r.set_header("Cache-Control", "private, no-store");
  r.set_header("X-Robots-Tag", "noindex");
  return r;
}

Response App::api_submit(const Request& req, Context& ctx) {
  json body;
  const std::string type = text::ascii_lower(req.header("content-type"));
  if (type.starts_with("application/json")) {
    body = json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      return api_error(400, "bad-json", "the body is not a JSON object: send {\"url\": \"…\"} or {\"html\": \"…\"}");
    }
    if (body.contains("lang") && body["lang"].is_string()) {
      if (auto l = parse_lang(body["lang"].get<std::string>())) ctx.lang = *l;
    }
  } else if (!req.is_multipart()) {
    return api_error(415, "unsupported-media-type", "send application/json, or multipart/form-data with a file field");
  }
  std::optional<Source> source = source_of(req, req.is_multipart() ? nullptr : &body);
  if (!source) return api_error(400, "nothing-to-check", "give \"url\" or \"html\" (or a \"file\" part)");
  if (std::optional<FormError> e = validate(*source, settings_, ctx.lang)) return api_error(e->status, e->code, e->text);
  Request localized = req;  // run_check reads the language from the request
  localized.query.emplace("lang", ctx.lang == Lang::En ? "en" : "sv");
  Outcome o = run_check(localized, *source);
  if (o.id.empty()) {
    Response r = api_error(o.error.status, o.error.code, o.error.text);
    if (o.error.retry_after.count() > 0) r.set_header("Retry-After", std::to_string(o.error.retry_after.count()));
    return r;
  }
  Response r = api_result(ctx, o.id, 201);
  r.set_header("Location", "/api/v1/checks/" + o.id);
  return r;
}

Response App::api_result(Context& ctx, const std::string& id, int status) {
  const std::int64_t now = deps_.now();
  std::optional<store::StoredResult> stored = deps_.store->get(id, now);
  std::optional<StoredCheck> check = stored ? from_payload(stored->payload) : std::nullopt;
  if (!check) return api_error(404, "not-found", "no result with this id (results expire)");
  const org::Profile* profile = org::find_profile(check->profile);
  if (!profile) profile = org::find_profile("wcag21-aa");
  const engine::Registry& registry = engine::Registry::builtin();
  const reports::PageSummary summary = reports::summarize(check->row, registry, *profile);
  std::optional<StoredCheck> previous;
  ApiLinks links{id, ctx.origin + "/r/" + id, ctx.origin + "/api/v1/checks/" + id, iso_utc(stored->expires_at, false), ""};
  if (std::optional<store::StoredResult> p = deps_.store->previous_for(stored->address, id, now)) {
    previous = from_payload(p->payload);
    links.previous_id = p->id;
  }
  reports::CheckChanges changes;
  if (previous) changes = reports::compare_checks(previous->row, check->row, registry, *profile);
  Response r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  r.body = json_body(serve::api_result(*check, summary, previous ? &changes : nullptr, links, ctx.lang));
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

std::string App::client_key(const Request& req) const {
  if (!settings_.user_header.empty()) {
    const std::string user = req.header(text::ascii_lower(settings_.user_header));
    if (!user.empty()) return "user:" + user;
  }
  if (settings_.trust_proxy) {
    // The proxy appends the address it saw; what comes before can be forged by the client.
    const std::string xff = req.header("x-forwarded-for");
    const std::size_t comma = xff.rfind(',');
    const std::string last(text::trim(comma == std::string::npos ? std::string_view(xff) : std::string_view(xff).substr(comma + 1)));
    if (!last.empty()) return "ip:" + last;
  }
  return "ip:" + req.remote_address;
}

std::string App::origin(const Request& req) const {
  std::string base = settings_.public_url;
  if (base.empty()) {
    // From the request: only characters a host and port can have, so a forged Host header
    // cannot put anything else on the page (it is escaped there as well).
    const std::string host = req.header("host");
    const bool plain = !host.empty() && host.size() < 256 && std::all_of(host.begin(), host.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == ':' ||
             c == '[' || c == ']';
    });
    if (!plain) return "";
    const bool https = settings_.trust_proxy && text::ascii_lower(req.header("x-forwarded-proto")) == "https";
    base = (https ? "https://" : "http://") + host;
  }
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base;
}

}  // namespace granska::serve
