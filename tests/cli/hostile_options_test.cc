// Hostile or mistaken command-line input (issue #16): header injection through -H, headers
// without a colon, numbers that overflow or are not numbers, and passwords in URLs. Each
// gets exit 2 and one line saying what is wrong, or is redacted from every output.
#include <gtest/gtest.h>

#include "fetch/fetch.h"
#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using testing::fixture_path;
using testing::run_granska;

TEST(HostileOptions, HeaderNamesAndValuesAreValidated) {
  EXPECT_TRUE(fetch::validate_header("Authorization: Bearer abc"));
  EXPECT_TRUE(fetch::validate_header("X-Empty:"));
  EXPECT_TRUE(fetch::validate_header("X-Tab: a\tb"));
  EXPECT_FALSE(fetch::validate_header("NoColon"));
  EXPECT_FALSE(fetch::validate_header(": value"));
  EXPECT_FALSE(fetch::validate_header("Bad Name: v"));
  EXPECT_FALSE(fetch::validate_header("X: a\r\nInjected: b"));
  EXPECT_FALSE(fetch::validate_header("X: a\nInjected: b"));
  EXPECT_FALSE(fetch::validate_header(std::string("X: a\0b", 6)));
}

TEST(HostileOptions, InjectedHeaderExitsTwo) {
  for (const char* h : {"X: a\r\nInjected: b", "NoColon", "Bad Name: x"}) {
    auto r = run_granska({"check", "-H", h, fixture_path("cli/good.html")});
    EXPECT_EQ(r.exit_code, 2) << h;
    EXPECT_NE(r.err.find("HTTP-huvud"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST(HostileOptions, NumbersOutOfRangeExitTwo) {
  for (auto [option, value] : std::vector<std::pair<std::string, std::string>>{
           {"--max-size", "1e300"}, {"--max-size", "nan"}, {"--max-size", "inf"}, {"--max-size", "0"},
           {"--timeout", "nan"}, {"--timeout", "-1"}, {"--timeout", "1e300"}, {"--connect-timeout", "inf"}}) {
    auto r = run_granska({"check", option, value, fixture_path("cli/good.html")});
    EXPECT_EQ(r.exit_code, 2) << option << " " << value;
    EXPECT_NE(r.err.find("ogiltigt värde '" + value + "'"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("-9223372036854775808"), std::string::npos) << r.err;
  }
  auto ok = run_granska({"check", "--max-size", "0.5", "--timeout", "2.5", fixture_path("cli/good.html")});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(HostileOptions, PasswordInUrlIsNeverShown) {
  testing::FixtureServer server{fixture_path("cli")};
  ASSERT_TRUE(server.start());
  std::string url = server.url("/good.html");
  std::string with_password = "http://anvandarenX:hemligtX@" + url.substr(std::string("http://").size());
  for (const char* format : {"text", "json", "sarif", "junit", "earl"}) {
    auto r = run_granska({"check", "--format", format, with_password});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("hemligtX"), std::string::npos) << format << ": " << r.out;
    EXPECT_EQ(r.out.find("anvandarenX"), std::string::npos) << format;
    EXPECT_EQ(r.err.find("hemligtX"), std::string::npos) << r.err;
  }
}

// Bytes from the network never reach a terminal raw: a Content-Type or a Location with
// escape sequences is shown escaped.
TEST(HostileOptions, EscapeSequencesFromServersAreEscapedInMessages) {
  testing::FixtureServer server{fixture_path("cli")};
  ASSERT_TRUE(server.start());
  for (const char* path : {"/_test/evil-type", "/_test/evil-location"}) {
    auto r = run_granska({"check", server.url(path)});
    EXPECT_EQ(r.exit_code, 2) << path << ": " << r.err;
    EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << path << ": " << r.err;
    EXPECT_EQ(r.err.find('\x07'), std::string::npos) << path;
    EXPECT_NE(r.err.find("\\x1B"), std::string::npos) << path << ": " << r.err;
  }
}

// A 300 KB response header said "out of memory".
TEST(HostileOptions, HugeResponseHeaderIsSaidAsSuch) {
  testing::FixtureServer server{fixture_path("cli")};
  ASSERT_TRUE(server.start());
  auto r = run_granska({"check", "--lang", "en", server.url("/_test/huge-header")});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("response headers are too large"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("out of memory"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace granska
