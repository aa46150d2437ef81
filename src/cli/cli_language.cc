#include "cli/cli_language.h"

#include <cstdlib>
#include <regex>

namespace granska::cli {

void localize_app(CLI::App& app, Lang lang) {
  if (lang != Lang::Sv) return;
  auto fmt = std::make_shared<CLI::Formatter>();
  fmt->label("Usage", "Användning");
  fmt->label("OPTIONS", "FLAGGOR");
  fmt->label("SUBCOMMAND", "KOMMANDO");
  fmt->label("SUBCOMMANDS", "KOMMANDON");
  fmt->label("Positionals", "Argument");
  fmt->label("REQUIRED", "KRÄVS");
  fmt->label("Excludes", "Utesluter");
  fmt->label("Needs", "Kräver");
  fmt->label("Env", "Miljövariabel");
  app.formatter(fmt);
  app.option_defaults()->group("Flaggor");
  app.set_help_flag("-h,--help", "Visa den här hjälpen och avsluta");
}

namespace {

void localize_options(CLI::App& app) {
  // A subcommand's help flag is made before it inherits the group of options.
  if (CLI::Option* help = app.get_help_ptr()) help->group("Flaggor");
  for (CLI::Option* opt : app.get_options()) {
    // The type name without the validators' descriptions, which CLI11 appends itself.
    const std::string full = opt->get_type_name();
    const std::string base = full.substr(0, full.find(':'));
    if (base == "INT" || base == "UINT") opt->type_name("HELTAL");
    else if (base == "FLOAT") opt->type_name("TAL");
    for (int i = 0;; ++i) {
      CLI::Validator* v = nullptr;
      try {
        v = opt->get_validator(i);
      } catch (const CLI::OptionNotFound&) {
        break;
      }
      const std::string d = v->get_description();
      if (d == "POSITIVE") v->description("POSITIVT");
      else if (d == "NONNEGATIVE") v->description("ICKE-NEGATIVT");
    }
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->group("Kommandon");
    localize_options(*sub);
  }
}

// CLI11 says "Value abc not in range 0.000000 to 1.79e+308" for a word where a number
// belongs; say what is wrong instead.
std::string range_error(const std::smatch& m) {
  const std::string name = m[1], value = m[2];
  char* end = nullptr;
  std::strtod(value.c_str(), &end);
  if (value.empty() || end == value.c_str() || *end != '\0') return name + ": " + value + " är inget tal";
  const double low = std::strtod(m[3].str().c_str(), nullptr), high = std::strtod(m[4].str().c_str(), nullptr);
  auto plain = [](double d) {
    std::string s = std::to_string(d);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  if (high > 1e15) return name + ": " + value + " är för litet (minst " + plain(low) + ")";
  return name + ": " + value + " ligger inte mellan " + plain(low) + " och " + plain(high);
}

struct Pattern {
  std::regex re;
  std::string sv;  // std::regex_replace format
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> kPatterns = [] {
    std::vector<Pattern> p;
    auto add = [&](const char* re, const char* sv) { p.push_back({std::regex(re), sv}); };
    add(R"(^A subcommand is required$)", "ett kommando måste anges");
    add(R"(^A subcommand$)", "ett kommando måste anges");
    add(R"(^(.+) is required$)", "$1 måste anges");
    add(R"(^The following argument was not expected: (.*)$)", "oväntat argument: $1");
    add(R"(^The following arguments were not expected: (.*)$)", "oväntade argument: $1");
    add(R"(^(\S+): (.*) not in (\{.*\})$)", "$1: $2 är inte ett tillåtet värde (tillåtna: $3)");
    add(R"(^(\S+): Value (.*) could not be converted.*$)", "$1: värdet $2 kunde inte tolkas");
    add(R"(^Could not convert: (\S+) = (.*)$)", "$1: $2 är inte ett giltigt värde");
    add(R"(^The value (.*) is not an allowed value for (.*)$)", "$2: $1 är inte ett tillåtet värde");
    add(R"(^(\S+): \d+ required .* missing$)", "$1 behöver ett värde");
    add(R"(^(\S+): At least (\d+) required but received (\d+)$)", "$1 behöver minst $2 värden, fick $3");
    add(R"(^(\S+): At Most (\d+) required but received (\d+)$)", "$1 tar högst $2 värden, fick $3");
    add(R"(^(\S+): too many inputs for a flag$)", "$1 är en flagga och tar inget värde");
    add(R"(^(\S+) excludes (\S+)$)", "$1 kan inte användas tillsammans med $2");
    add(R"(^(\S+) requires (\S+)$)", "$1 kräver $2");
    add(R"(^(\S+) was not readable \(missing\?\)$)", "$1 kunde inte läsas (finns filen?)");
    return p;
  }();
  return kPatterns;
}

}  // namespace

void localize_commands(CLI::App& app, Lang lang) {
  if (lang == Lang::Sv) localize_options(app);
}

std::string parse_error_text(const CLI::ParseError& error, Lang lang) {
  const std::string message = error.what();
  if (lang != Lang::Sv) return message;
  static const std::regex kRange(R"(^(\S+): Value (.*) not in range (\S+) to (\S+)$)");
  std::smatch m;
  if (std::regex_match(message, m, kRange)) return range_error(m);
  for (const Pattern& p : patterns()) {
    if (std::regex_match(message, p.re)) return std::regex_replace(message, p.re, p.sv);
  }
  return message;
}

}  // namespace granska::cli
