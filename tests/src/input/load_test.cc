#include "input/load.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "support/fixture_server.h"
#include "support/test_paths.h"
#include "util/sha256.h"

namespace granska::input {
namespace {

namespace fs = std::filesystem;
using granska::testing::fixture_path;
using granska::testing::read_fixture;

constexpr std::string_view kSwedish = "Välkommen till Malmö stad. Åäö ÅÄÖ é.";

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// A Fetcher that answers from memory (ninja-style fake): no network, exact control.
class FakeFetcher : public fetch::Fetcher {
 public:
  explicit FakeFetcher(Result<fetch::Response> answer) : answer_(std::move(answer)) {}
  Result<fetch::Response> get(const std::string& url, const fetch::Options& opts) override {
    ++calls;
    last_url = url;
    last_opts = opts;
    return answer_;
  }
  int calls = 0;
  std::string last_url;
  fetch::Options last_opts;

 private:
  Result<fetch::Response> answer_;
};

fetch::Response html_response(std::string body, std::string content_type) {
  fetch::Response r;
  r.url = r.final_url = "https://example.se/sida";
  r.status = 200;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

class Load : public ::testing::Test {
 protected:
  Result<Page> load_target(const std::string& target) {
    return load(target, opts_, fetcher_, stdin_);
  }
  Options opts_;
  FakeFetcher fetcher_{Error{"the network must not be used", ""}};
  std::istringstream stdin_;
};

TEST_F(Load, LocalFile) {
  const std::string path = fixture_path("input/page.html");
  const auto page = load_target(path);
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->target, path);
  EXPECT_EQ(page->url, "file://" + fs::path(path).lexically_normal().string());
  EXPECT_EQ(page->http_status, 0);
  EXPECT_EQ(page->decoded.encoding, "utf-8");
  EXPECT_TRUE(contains(page->decoded.text, kSwedish));
  EXPECT_EQ(page->sha256, sha256_hex(read_fixture("input/page.html")));
  EXPECT_TRUE(page->notes.empty());
  EXPECT_EQ(fetcher_.calls, 0);
}

TEST_F(Load, FileUrlIsPercentDecodedAndUrlIsEncoded) {
  const fs::path dir = fs::temp_directory_path() / ("granska-load-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "Malmö sida.html";
  std::ofstream(file, std::ios::binary) << "<p>hej</p>";
  const std::string expected_url = "file://" + dir.string() + "/Malm%C3%B6%20sida.html";

  const auto by_path = load_target(file.string());
  ASSERT_TRUE(by_path.ok()) << by_path.error().message;
  EXPECT_EQ(by_path->url, expected_url);
  const auto by_url = load_target(expected_url);
  ASSERT_TRUE(by_url.ok()) << by_url.error().message;
  EXPECT_EQ(by_url->decoded.text, "<p>hej</p>");
  EXPECT_EQ(by_url->url, expected_url);
  fs::remove_all(dir);
}

TEST_F(Load, MissingFileIsAnError) {
  const std::string path = fixture_path("input/does-not-exist.html");
  const auto page = load_target(path);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().message, "File not found: " + path);
  EXPECT_EQ(page.error().message_sv, "Filen finns inte: " + path);
}

TEST_F(Load, DirectoryIsAnError) {
  const std::string path = fixture_path("input");
  const auto page = load_target(path);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().message, path + " is a directory, not a file");
  EXPECT_EQ(page.error().message_sv, path + " är en katalog, inte en fil");
}

TEST_F(Load, DeviceIsNotARegularFile) {
  const auto page = load_target("/dev/null");
  ASSERT_FALSE(page.ok());
  EXPECT_TRUE(contains(page.error().message, "not a regular file")) << page.error().message;
  EXPECT_TRUE(contains(page.error().message_sv, "inte en vanlig fil"));
}

TEST_F(Load, UnreadableFileIsAnError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root can read any file";
  const fs::path file =
      fs::temp_directory_path() / ("granska-unreadable-" + std::to_string(::getpid()));
  std::ofstream(file) << "<p>x</p>";
  fs::permissions(file, fs::perms::none);
  const auto page = load_target(file.string());
  fs::remove(file);
  ASSERT_FALSE(page.ok());
  EXPECT_TRUE(contains(page.error().message, "Could not read")) << page.error().message;
  EXPECT_TRUE(contains(page.error().message_sv, "Filen kunde inte läsas"));
}

TEST_F(Load, BinaryFileIsAnError) {
  const std::string path = fixture_path("input/document.pdf");
  const auto page = load_target(path);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().message, path + " is not an HTML page (looks like PDF)");
  EXPECT_EQ(page.error().message_sv, path + " är inte en HTML-sida (ser ut som PDF)");
}

TEST_F(Load, EmptyFileIsNotAnError) {
  const auto page = load_target(fixture_path("input/empty.html"));
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->decoded.text, "");
  EXPECT_EQ(page->sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_F(Load, FileOverTheSizeLimitIsAnError) {
  opts_.max_bytes = 100;  // page.html is larger
  const std::string path = fixture_path("input/page.html");
  const auto page = load_target(path);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().message, path + " is larger than the limit of 100 B");
  EXPECT_EQ(page.error().message_sv, path + " är större än gränsen på 100 B");
}

TEST_F(Load, Stdin) {
  stdin_.str("<!doctype html><p>Malmö</p>");
  const auto page = load_target("-");
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->url, "stdin:");
  EXPECT_EQ(page->target, "-");
  EXPECT_EQ(page->decoded.text, "<!doctype html><p>Malmö</p>");
}

TEST_F(Load, StdinOverTheSizeLimitIsAnError) {
  opts_.max_bytes = 10;
  stdin_.str(std::string(11, 'a'));
  const auto page = load_target("-");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().message, "The input on stdin is larger than the limit of 10 B");
  EXPECT_EQ(page.error().message_sv, "Indata på stdin är större än gränsen på 10 B");
}

TEST_F(Load, StdinBinaryIsAnError) {
  stdin_.str(read_fixture("input/document.pdf"));
  const auto page = load_target("-");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().message, "stdin is not an HTML page (looks like PDF)");
}

TEST_F(Load, InvalidBytesAndUndeclaredEncodingAreNoted) {
  const auto invalid = load_target(fixture_path("input/invalid-utf8.html"));
  ASSERT_TRUE(invalid.ok()) << invalid.error().message;
  EXPECT_EQ(invalid->decoded.replaced, 4u);
  ASSERT_EQ(invalid->notes.size(), 1u);
  EXPECT_EQ(invalid->notes[0].message,
            "4 invalid byte sequences were replaced with U+FFFD (encoding: utf-8)");
  EXPECT_EQ(invalid->notes[0].message_sv,
            "4 ogiltiga bytesekvenser ersattes med U+FFFD (teckenkodning: utf-8)");

  const auto undeclared = load_target(fixture_path("charset/no-declaration-latin1.html"));
  ASSERT_TRUE(undeclared.ok());
  ASSERT_EQ(undeclared->notes.size(), 1u);
  EXPECT_TRUE(contains(undeclared->notes[0].message_sv, "Ingen teckenkodning är angiven"));
}

TEST_F(Load, EmptyTargetIsAnError) {
  const auto page = load_target("");
  ASSERT_FALSE(page.ok());
  EXPECT_TRUE(contains(page.error().message_sv, "Ingen sida angiven"));
}

// --- HTTP through the fake fetcher ---------------------------------------------------

TEST_F(Load, HttpMissingContentTypeIsSniffed) {
  FakeFetcher fake(html_response("<p>hej</p>", ""));
  const auto page = load("https://example.se/sida", opts_, fake, stdin_);
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->decoded.text, "<p>hej</p>");
  EXPECT_EQ(page->http_status, 200);
  EXPECT_EQ(page->url, "https://example.se/sida");

  FakeFetcher pdf(html_response(read_fixture("input/document.pdf"), ""));
  const auto refused = load("https://example.se/sida", opts_, pdf, stdin_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "https://example.se/sida is not an HTML page (looks like PDF)");
}

TEST_F(Load, HttpUtf16WithoutBomIsTextWhenTheHeaderSaysSo) {
  const std::string utf16le("<\0p\0>\0\xE5\0", 8);
  FakeFetcher declared(html_response(utf16le, "text/html; charset=utf-16le"));
  const auto page = load("https://example.se/", opts_, declared, stdin_);
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->decoded.text, "<p>å");
  FakeFetcher undeclared(html_response(utf16le, "text/html"));
  const auto refused = load("https://example.se/", opts_, undeclared, stdin_);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(contains(refused.error().message, "looks like binary data"));
  EXPECT_TRUE(contains(refused.error().message_sv, "ser ut som binärdata"));
}

TEST_F(Load, HttpXhtmlIsAccepted) {
  FakeFetcher fake(html_response("<p>hej</p>", "Application/XHTML+XML; charset=utf-8"));
  EXPECT_TRUE(load("http://example.se/", opts_, fake, stdin_).ok());
}

TEST_F(Load, HttpFetchErrorIsPassedThrough) {
  FakeFetcher fake(
      Error{"Could not fetch the page: boom (x)", "Sidan kunde inte hämtas: pang (x)"});
  const auto page = load("https://example.se/", opts_, fake, stdin_);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().message, "Could not fetch the page: boom (x)");
  EXPECT_EQ(page.error().message_sv, "Sidan kunde inte hämtas: pang (x)");
}

TEST_F(Load, HttpBodyLimitIsTheSmallerOfBoth) {
  FakeFetcher fake(html_response("<p>hej</p>", "text/html"));
  opts_.max_bytes = 1000;
  opts_.fetch.max_body_bytes = 5000;
  ASSERT_TRUE(load("https://example.se/", opts_, fake, stdin_).ok());
  EXPECT_EQ(fake.last_opts.max_body_bytes, 1000u);
  EXPECT_EQ(fake.last_url, "https://example.se/");
}

// --- HTTP against the fixture server ---------------------------------------------------

class LoadHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new granska::testing::FixtureServer(fixture_path(""));
    ASSERT_TRUE(server_->start());
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void TearDown() override { fetcher_.reset(); }

  Result<Page> load_url(std::string_view path) {
    return load(server_->url(path), opts_, *fetcher_, stdin_);
  }

  static granska::testing::FixtureServer* server_;
  std::unique_ptr<fetch::Fetcher> fetcher_ = fetch::make_curl_fetcher();
  Options opts_ = [] {
    Options o;
    o.fetch.total_timeout_ms = 5000;
    return o;
  }();
  std::istringstream stdin_;
};

granska::testing::FixtureServer* LoadHttp::server_ = nullptr;

TEST_F(LoadHttp, Latin1PageServedOverHttpDecodesCorrectly) {
  const auto page = load_url("/input/latin1.html");
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->http_status, 200);
  EXPECT_EQ(page->url, server_->url("/input/latin1.html"));
  EXPECT_EQ(page->decoded.encoding, "windows-1252");
  EXPECT_EQ(page->decoded.source, html::CharsetSource::HttpHeader);
  EXPECT_TRUE(contains(page->decoded.text, kSwedish)) << page->decoded.text;
  EXPECT_EQ(page->sha256, sha256_hex(read_fixture("input/latin1.html")));
}

TEST_F(LoadHttp, Status404IsAnErrorWithTheStatus) {
  const auto page = load_url("/_test/status/404");
  ASSERT_FALSE(page.ok());
  const std::string u = server_->url("/_test/status/404");
  EXPECT_EQ(page.error().message,
            "Could not fetch the page: the server answered HTTP 404 Not Found (" + u + ")");
  EXPECT_EQ(
      page.error().message_sv,
      "Sidan kunde inte hämtas: servern svarade HTTP 404 Not Found (sidan finns inte) (" + u + ")");
}

TEST_F(LoadHttp, WrongContentTypeIsAnError) {
  const auto page = load_url("/_test/wrong-type");
  ASSERT_FALSE(page.ok());
  EXPECT_TRUE(contains(page.error().message, "Not an HTML page")) << page.error().message;
  EXPECT_TRUE(contains(page.error().message, "application/pdf"));
  EXPECT_TRUE(
      contains(page.error().message_sv, "Inte en HTML-sida: servern anger typen application/pdf"));
}

TEST_F(LoadHttp, BinaryServedAsHtmlIsAnError) {
  const auto page = load_url("/_test/binary");
  ASSERT_FALSE(page.ok());
  EXPECT_TRUE(contains(page.error().message, "not an HTML page (looks like PDF)"))
      << page.error().message;
}

TEST_F(LoadHttp, RedirectsAreKeptAndNoted) {
  const auto page = load_url("/_test/redirect-chain?to=/input/page.html");
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_EQ(page->url, server_->url("/input/page.html"));
  EXPECT_EQ(page->redirects.size(), 3u);
  ASSERT_EQ(page->notes.size(), 1u);
  EXPECT_EQ(page->notes[0].message,
            "Redirected 3 times; the page checked is " + server_->url("/input/page.html"));
  EXPECT_EQ(page->notes[0].message_sv,
            "Omdirigerades 3 gånger; sidan som granskas är " + server_->url("/input/page.html"));
}

TEST_F(LoadHttp, BodyOverTheSizeLimitIsAnError) {
  opts_.max_bytes = 1024;
  const auto page = load_url("/_test/big?bytes=5000");
  ASSERT_FALSE(page.ok());
  EXPECT_TRUE(contains(page.error().message, "larger than the limit of 1 kB"))
      << page.error().message;
}

TEST(LoadReason, PhraseTable) {
  EXPECT_EQ(http_reason_phrase(404), "Not Found");
  EXPECT_EQ(http_reason_phrase(503), "Service Unavailable");
  EXPECT_EQ(http_reason_phrase(299), "");
}

}  // namespace
}  // namespace granska::input
