// The streamed JSON writer must give the bytes nlohmann::json::dump(indent, ' ', false,
// replace) gave before it (docs/json-format.md is a contract), untrusted page text included.
#include "reports/common/json_stream.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <algorithm>
#include <random>
#include <sstream>

#include "engine/evaluate.h"
#include "html/dom.h"
#include "reports/page/report.h"

namespace granska::reports {
namespace {

using nlohmann::json;

std::string nlohmann_string(std::string_view s) {
  return json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string streamed_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(JsonStream, EscapesHostileTextLikeNlohmann) {
  const std::vector<std::string> cases = {
      "",
      "plain åäö – text",
      std::string("nul\0byte", 8),
      "\x01\x08\x09\x0a\x0b\x0c\x0d\x1b\x1f\x7f",
      "quote \" backslash \\ slash / </script>",
      "\xE2\x80\xA8 line and paragraph \xE2\x80\xA9 separators",
      "\xED\xA0\x80 lone high surrogate, \xED\xB0\x80 lone low, \xED\xA0\xBD\xED\xB8\x80 a CESU pair",
      "\xC0\xAF overlong, \xE0\x80\xAF overlong, \xF0\x80\x80\xAF overlong",
      "\xF4\x90\x80\x80 past U+10FFFF, \xF5\x80 invalid lead, \xFF\xFE",
      "\xE2\x82 truncated in the middle, \x80 lone continuation",
      "truncated at the end \xF0\x9F\x98",
      "\xE2\x82\xAC \xF0\x9F\x98\x80 valid",
      "\xC3",
      "\xC3\xC3\xA5",
  };
  for (const std::string& s : cases) EXPECT_EQ(streamed_string(s), nlohmann_string(s)) << s;
}

// Random byte strings, drawn mostly from bytes that start, continue or break UTF-8 and
// JSON escapes: the same bytes as nlohmann, output that parses, and valid text round-trips.
TEST(JsonStream, RandomBytesMatchNlohmannAndRoundTrip) {
  static constexpr unsigned char kAlphabet[] = {0x00, 0x01, 0x08, 0x0a, 0x1f, ' ', '"', '\\', 'a', 0x7f, 0x80, 0x9f,
                                                0xa0, 0xa8, 0xbf, 0xc0, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef,
                                                0xf0, 0xf4, 0xf5, 0xff};
  std::mt19937 rng(22);
  std::uniform_int_distribution<int> length(0, 24), pick(0, sizeof kAlphabet - 1), any(0, 255), coin(0, 3);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (int k = length(rng); k > 0; --k) s += static_cast<char>(coin(rng) == 0 ? any(rng) : kAlphabet[pick(rng)]);
    const std::string streamed = streamed_string(s);
    ASSERT_EQ(streamed, nlohmann_string(s)) << testing::PrintToString(s);
    const json parsed = json::parse(streamed);  // throws on invalid JSON
    ASSERT_TRUE(parsed.is_string());
    if (streamed.find("\xEF\xBF\xBD") == std::string::npos) {
      EXPECT_EQ(parsed.get<std::string>(), s);
    }
  }
}

// Walks a tree the way a writer would stream it (nlohmann::json keeps keys sorted).
void stream_tree(JsonStream& w, const json& j) {
  if (j.is_object()) {
    w.begin_object();
    for (const auto& [k, v] : j.items()) {
      w.key(k);
      stream_tree(w, v);
    }
    w.end_object();
  } else if (j.is_array()) {
    w.begin_array();
    for (const json& v : j) stream_tree(w, v);
    w.end_array();
  } else if (j.is_string()) {
    w.value(j.get_ref<const std::string&>());
  } else if (j.is_boolean()) {
    w.value(j.get<bool>());
  } else if (j.is_number_unsigned()) {
    w.value(j.get<std::uint64_t>());
  } else if (j.is_number_integer()) {
    w.value(j.get<std::int64_t>());
  } else {
    w.null();
  }
}

json random_tree(std::mt19937& rng, int depth) {
  std::uniform_int_distribution<int> kind(0, depth > 3 ? 4 : 6), size(0, 3);
  switch (kind(rng)) {
    case 0: return nullptr;
    case 1: return std::uniform_int_distribution<int>(0, 1)(rng) == 1;
    case 2: return std::uniform_int_distribution<std::int64_t>(-5'000'000'000, 5'000'000'000)(rng);
    case 3: return std::uniform_int_distribution<std::uint64_t>()(rng);
    case 4: return std::string("s\n\"") + std::to_string(size(rng));
    case 5: {
      json a = json::array();
      for (int k = size(rng); k > 0; --k) a.push_back(random_tree(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (int k = size(rng); k > 0; --k) o["k" + std::to_string(size(rng) * 7 + k)] = random_tree(rng, depth + 1);
      return o;
    }
  }
}

TEST(JsonStream, LayoutMatchesNlohmannDumpPrettyAndCompact) {
  std::mt19937 rng(7);
  for (int n = 0; n < 2000; ++n) {
    const json tree = random_tree(rng, 0);
    for (int indent : {-1, 2}) {
      std::string out;
      JsonStream w(out, indent);
      stream_tree(w, tree);
      ASSERT_EQ(out, tree.dump(indent, ' ', false, json::error_handler_t::replace)) << indent;
    }
  }
}

const engine::Message kMsg{"m", {"alt {0}", "alt {0}"}};
const engine::RuleInfo kInfo{.id = "w-test",
                             .title = {"Titel \"x\"", "Title"},
                             .description = {"Beskrivning", "Description"},
                             .help = {"Åtgärda", "Fix it"},
                             .criteria = {engine::sc("1.1.1"), engine::sc("1.4.6")},
                             .act_rules = {"23a2a8"},
                             .impact = engine::Impact::Moderate,
                             .messages = {&kMsg}};

// The page report, with hostile text in messages and snippets: it parses, the text comes
// back, and nlohmann dumping the parsed object gives the same bytes (key order, layout).
TEST(JsonStream, PageReportIsWhatNlohmannWouldDump) {
  engine::Rule rule{kInfo, [](engine::Context& ctx, engine::Reporter& out) {
                      for (const html::Node* e : ctx.doc.elements()) {
                        if (e->is("img")) out.failed(e, kMsg, {std::string(e->attr("alt").value_or(""))});
                        if (e->is("p")) out.passed(e, kMsg, {"p"});
                      }
                    }};
  engine::Registry registry;
  registry.add(rule);
  const std::string hostile = "q\" b\\ \x01\x1f\x7f \xE2\x80\xA8 </script> åäö";
  auto doc = html::Document::parse("<p>x</p><img alt='" + hostile + "' src=x><img alt='\xED\xA0\x80 \xff bad'>");
  input::Page page;
  page.target = page.url = "file:///x \"y\".html";
  page.decoded.encoding = "utf-8";
  page.notes.push_back(Error{"note \x02", "anteckning \x02"});
  const auto ev = engine::evaluate(*doc, page.url, registry);
  for (Lang lang : {Lang::Sv, Lang::En}) {
    std::ostringstream out;
    write_json(out, PageReport{page, ev}, Options{lang, false, true});
    const json j = json::parse(out.str());
    EXPECT_EQ(out.str(), j.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    ASSERT_EQ(j["findings"].size(), 3u);
    std::vector<std::string> messages;
    for (const json& f : j["findings"]) messages.push_back(f["message"].get<std::string>());
    // The parser turns the control characters of the attribute into U+FFFD; the rest comes back.
    EXPECT_NE(std::find(messages.begin(), messages.end(),
                        "alt q\" b\\ \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xE2\x80\xA8 </script> åäö"),
              messages.end())
        << out.str();
    EXPECT_NE(out.str().find("\\u0001\\u001f\x7f \xE2\x80\xA8 </script>"), std::string::npos) << out.str();
    EXPECT_EQ(j["page"]["target"], "file:///x \"y\".html");
    EXPECT_EQ(j["summary"]["rules"]["failed"], 1);
    EXPECT_EQ(j["summary"]["passed"], 1);
    EXPECT_EQ(j["rules"][0]["act_rules"][0], "23a2a8");
  }
}

}  // namespace
}  // namespace granska::reports
