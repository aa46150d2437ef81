// End-to-end tests of the CI formats of `granska check`: several --format values written
// to --output-dir, SARIF/JUnit/EARL from the real binary, and hostile page content (raw
// control characters, markup that tries to close XML elements) in every one of them.
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::fixture_path;
using testing::run_granska;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool named(xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

int int_attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  int out = v ? std::atoi(reinterpret_cast<const char*>(v)) : -1;
  xmlFree(v);
  return out;
}

// Parses JUnit XML, asserts its counts match its elements, returns the failures per suite.
std::vector<int> junit_failures(const std::string& xml) {
  std::vector<int> out;
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "junit.xml", nullptr, XML_PARSE_NONET);
  EXPECT_NE(doc, nullptr) << "not well-formed:\n" << xml;
  if (!doc) return out;
  xmlNode* root = xmlDocGetRootElement(doc);
  EXPECT_TRUE(named(root, "testsuites"));
  int tests = 0, failures = 0, skipped = 0;
  for (xmlNode* s = root->children; s; s = s->next) {
    if (!named(s, "testsuite")) continue;
    int t = 0, f = 0, sk = 0;
    for (xmlNode* c = s->children; c; c = c->next) {
      if (!named(c, "testcase")) continue;
      ++t;
      for (xmlNode* k = c->children; k; k = k->next) {
        f += named(k, "failure");
        sk += named(k, "skipped");
        EXPECT_FALSE(named(k, "injected")) << "page markup became XML";
      }
    }
    EXPECT_EQ(int_attr(s, "tests"), t);
    EXPECT_EQ(int_attr(s, "failures"), f);
    EXPECT_EQ(int_attr(s, "skipped"), sk);
    tests += t, failures += f, skipped += sk;
    out.push_back(f);
  }
  EXPECT_EQ(int_attr(root, "tests"), tests);
  EXPECT_EQ(int_attr(root, "failures"), failures);
  EXPECT_EQ(int_attr(root, "skipped"), skipped);
  xmlFreeDoc(doc);
  return out;
}

class CheckFormats : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("granska-formats-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(CheckFormats, SeveralFormatsGoToTheOutputDirectory) {
  auto r = run_granska({"check", "--format", "text,json,sarif,junit,earl", "--output-dir", dir_.string(),
                        fixture_path("cli/bad.html")});
  EXPECT_EQ(r.exit_code, 1) << r.err;  // the verdict does not depend on the formats
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_TRUE(r.err.empty()) << r.err;

  EXPECT_NE(slurp(dir_ / "granska.txt").find("Sammanfattning:"), std::string::npos);
  EXPECT_EQ(json::parse(slurp(dir_ / "granska.json"))["schema_version"], 2);

  json sarif = json::parse(slurp(dir_ / "granska.sarif"));
  EXPECT_EQ(sarif["version"], "2.1.0");
  const json& run = sarif["runs"][0];
  bool image_alt = false;
  for (const json& res : run["results"]) {
    const json& rule = run["tool"]["driver"]["rules"][res["ruleIndex"].get<std::size_t>()];
    EXPECT_EQ(rule["id"], res["ruleId"]);
    if (res["ruleId"] != "image-alt") continue;
    image_alt = true;
    EXPECT_EQ(res["level"], "error");
    const json& loc = res["locations"][0];
    EXPECT_TRUE(loc["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().ends_with("bad.html"));
    EXPECT_EQ(loc["physicalLocation"]["region"]["startLine"], 6);
    EXPECT_EQ(loc["physicalLocation"]["region"]["startColumn"], 1);
    EXPECT_EQ(loc["logicalLocations"][0]["fullyQualifiedName"], "html > body > main > img");
    EXPECT_EQ(rule["properties"]["wcag"][0], "1.1.1");
    EXPECT_EQ(rule["properties"]["en_301_549"][0], "9.1.1.1");
  }
  EXPECT_TRUE(image_alt) << run.dump(1);

  std::vector<int> failures = junit_failures(slurp(dir_ / "granska.junit.xml"));
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_GE(failures[0], 2);  // 1.1.1 (image-alt) and 3.1.1 (html-has-lang)

  json earl = json::parse(slurp(dir_ / "granska.earl.jsonld"));
  EXPECT_EQ(earl["@context"], "https://www.w3.org/WAI/content-assets/wcag-act-rules/earl-context.json");
  EXPECT_TRUE(earl["@graph"][1]["source"].get<std::string>().ends_with("bad.html"));
  EXPECT_FALSE(earl["@graph"][1]["assertions"].empty());
}

TEST_F(CheckFormats, RepeatedFormatEqualsCommaList) {
  auto r = run_granska({"check", "--format", "sarif", "--format", "junit", "--format", "sarif", "--output-dir",
                        dir_.string(), fixture_path("cli/good.html")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir_ / "granska.sarif"));
  EXPECT_TRUE(fs::exists(dir_ / "granska.junit.xml"));
  EXPECT_FALSE(fs::exists(dir_ / "granska.txt"));
  // A good page fails nothing; it may still ask for a manual look (images-of-text), which
  // SARIF carries as a "review" note.
  const json sarif = json::parse(slurp(dir_ / "granska.sarif"));  // kept: the loop reads into it
  for (const auto& result : sarif["runs"][0]["results"]) {
    EXPECT_EQ(result["kind"], "review") << result.dump();
  }
  EXPECT_EQ(junit_failures(slurp(dir_ / "granska.junit.xml")), std::vector<int>{0});
}

TEST_F(CheckFormats, OneFormatStillGoesToStdoutOrOutput) {
  auto r = run_granska({"check", "--format", "junit", fixture_path("cli/bad.html")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("<?xml", 0), 0u) << r.out;
  fs::create_directories(dir_);
  const std::string file = (dir_ / "x.sarif").string();
  r = run_granska({"check", "--format", "sarif", "-o", file, fixture_path("cli/bad.html")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(json::parse(slurp(file))["version"], "2.1.0");
}

TEST_F(CheckFormats, BadCombinationsFailClearly) {
  auto r = run_granska({"check", "--format", "text,sarif", fixture_path("cli/good.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--output-dir"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
  r = run_granska({"check", "--format", "sarif", "-o", "x", "--output-dir", dir_.string(), fixture_path("cli/good.html")});
  EXPECT_EQ(r.exit_code, 2);
  r = run_granska({"check", "--format", "sarif,xml", "--output-dir", dir_.string(), fixture_path("cli/good.html")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("xml"), std::string::npos) << r.err;
}

// Raw ESC, BEL, VT and U+0001 in the page, and markup that tries to end the XML element.
TEST_F(CheckFormats, HostileContentStaysInert) {
  auto r = run_granska({"check", "--format", "sarif,junit,earl,json", "--output-dir", dir_.string(),
                        fixture_path("cli/hostile-controls.html")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string xml = slurp(dir_ / "granska.junit.xml");
  std::vector<int> failures = junit_failures(xml);
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0], 3);  // 1.1.1 image-alt; 2.4.4 and 4.1.2 link-name
  for (char c : {'\x1b', '\x07', '\x0b', '\x01'}) EXPECT_EQ(xml.find(c), std::string::npos) << int(c);
  EXPECT_NE(xml.find("]]&gt;&lt;/failure&gt;&lt;injected/&gt;"), std::string::npos) << xml;

  json sarif = json::parse(slurp(dir_ / "granska.sarif"));
  bool seen = false;
  for (const json& res : sarif["runs"][0]["results"]) {
    if (res["ruleId"] != "image-alt") continue;
    seen = true;
    // JSON carries the exact text; escaping it for display is the reader's job.
    EXPECT_NE(res["locations"][0]["physicalLocation"]["region"]["snippet"]["text"].get<std::string>().find(
                  "\x1b[31mritning\x07.png"),
              std::string::npos);
  }
  EXPECT_TRUE(seen);
  EXPECT_TRUE(json::accept(slurp(dir_ / "granska.earl.jsonld")));
}

}  // namespace
}  // namespace granska
