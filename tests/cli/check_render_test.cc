// `granska check --render` end to end: the real binary driving the real headless Chromium
// (Debian's chromium, installed by scripts/install-deps.sh) over the fixture pages, with
// --loopback-only so the browser resolves no name but 127.0.0.1. Skipped with a message
// where Chromium is missing; CI installs it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "render/chromium.h"
#include "support/chromium.h"
#include "support/fixture_server.h"
#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using nlohmann::json;
using testing::fixture_path;
using testing::run_granska;

json check_json(std::vector<std::string> args) {
  std::vector<std::string> all = {"check", "--format", "json", "--show-passed"};  // the tests look at passed elements too
  all.insert(all.end(), args.begin(), args.end());
  auto r = run_granska(all);
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  return r.exit_code == 0 || r.exit_code == 1 ? json::parse(r.out) : json::object();
}

std::string rule_outcome(const json& report, const std::string& rule) {
  for (const json& r : report["rules"])
    if (r["id"] == rule) return r["outcome"];
  return "not run";
}

bool has_finding(const json& report, const std::string& rule, const std::string& outcome, const std::string& selector) {
  for (const json& f : report["findings"])
    if (f["rule"] == rule && f["outcome"] == outcome && f.value("selector", "") == selector) return true;
  return false;
}

TEST(CheckRender, ScriptBuiltPageIsEmptyToTheStaticCheckAndCheckedWhenRendered) {
  REQUIRE_CHROMIUM();
  const std::string page = fixture_path("render/script-built.html");
  json fixed = check_json({page});
  EXPECT_EQ(fixed["page"]["mode"], "static");
  EXPECT_EQ(rule_outcome(fixed, "image-alt"), "inapplicable");
  EXPECT_EQ(rule_outcome(fixed, "form-field-name"), "inapplicable");

  json rendered = check_json({"--render", "--loopback-only", page});
  EXPECT_EQ(rendered["page"]["mode"], "rendered");
  EXPECT_TRUE(has_finding(rendered, "image-alt", "failed", "#logo")) << rendered["findings"].dump();
  EXPECT_TRUE(has_finding(rendered, "form-field-name", "failed", "#nolabel"));
  EXPECT_EQ(rule_outcome(rendered, "heading-name"), "passed");
  // The script's console.error is told, not hidden.
  EXPECT_NE(rendered["page"]["notes"].dump().find("1 fel"), std::string::npos) << rendered["page"]["notes"].dump();
}

TEST(CheckRender, CompareListsWhatOnlyOneModeFinds) {
  REQUIRE_CHROMIUM();
  auto r = run_granska({"check", "--render", "--compare", "--loopback-only", "--format", "json",
                        fixture_path("render/script-built.html")});
  ASSERT_EQ(r.exit_code, 1) << r.err;
  json c = json::parse(r.out);
  bool logo = false;
  for (const json& f : c["findings"]) {
    if (f["rule"] == "image-alt" && f["selector"] == "#logo") {
      logo = true;
      EXPECT_EQ(f["mode"], "rendered");
    }
    if (f["rule"] == "landmark-one-main") {
      EXPECT_EQ(f["mode"], "both");
    }
  }
  EXPECT_TRUE(logo) << r.out;
  bool differs = false;
  for (const json& d : c["rules"])
    if (d["id"] == "form-field-name") differs = d["static"] == "inapplicable" && d["rendered"] == "failed";
  EXPECT_TRUE(differs) << c["rules"].dump();

  auto text = run_granska({"check", "--render", "--compare", "--loopback-only", fixture_path("render/script-built.html")});
  EXPECT_NE(text.out.find("Bara i den renderade granskningen: "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("[underkänd] image-alt  #logo"), std::string::npos) << text.out;
}

TEST(CheckRender, ReflowFailsOnlyWhereThePageOverflowsAt320Pixels) {
  REQUIRE_CHROMIUM();
  json wide = check_json({"--render", "--loopback-only", "--rules", "reflow", fixture_path("render/overflow.html")});
  EXPECT_TRUE(has_finding(wide, "reflow", "failed", "#wide")) << wide["findings"].dump();
  json fits = check_json({"--render", "--loopback-only", "--rules", "reflow", fixture_path("render/reflow-ok.html")});
  EXPECT_EQ(rule_outcome(fits, "reflow"), "passed") << fits["findings"].dump();
  // Without a browser the rule cannot decide: it reports nothing, never a pass.
  json fixed = check_json({"--rules", "reflow", fixture_path("render/overflow.html")});
  EXPECT_EQ(rule_outcome(fixed, "reflow"), "inapplicable");
}

TEST(CheckRender, FocusVisibleFailsWhereTheOutlineIsRemoved) {
  REQUIRE_CHROMIUM();
  json r = check_json({"--render", "--loopback-only", "--rules", "focus-visible", fixture_path("render/focus.html")});
  EXPECT_TRUE(has_finding(r, "focus-visible", "failed", "#no-outline")) << r["findings"].dump();
  EXPECT_TRUE(has_finding(r, "focus-visible", "passed", "#shadow-ring"));
  EXPECT_TRUE(has_finding(r, "focus-visible", "passed", "#default"));
  EXPECT_TRUE(has_finding(r, "focus-visible", "passed", "#skip"));  // moves onto the page when focused
}

TEST(CheckRender, ContrastComesFromTheBrowsersStyles) {
  REQUIRE_CHROMIUM();
  // A linked sheet makes the text pale, served over HTTP.
  testing::FixtureServer server(fixture_path(""));
  ASSERT_TRUE(server.start());
  json linked = check_json({"--render", "--loopback-only", "--allow-private-addresses", "--rules",
                            "text-contrast-minimum", server.url("/render/linked-contrast.html")});
  EXPECT_TRUE(has_finding(linked, "text-contrast-minimum", "failed", "#pale")) << linked["findings"].dump();
  EXPECT_TRUE(has_finding(linked, "text-contrast-minimum", "passed", "#dark"));
  // A script makes the text pale: only the rendered check can know.
  const std::string scripted = fixture_path("render/script-styled.html");
  json fixed = check_json({"--rules", "text-contrast-minimum", scripted});
  EXPECT_TRUE(has_finding(fixed, "text-contrast-minimum", "passed", "#faded")) << fixed["findings"].dump();
  json rendered = check_json({"--render", "--loopback-only", "--rules", "text-contrast-minimum", scripted});
  EXPECT_TRUE(has_finding(rendered, "text-contrast-minimum", "failed", "#faded")) << rendered["findings"].dump();
}

TEST(CheckRender, RefusesWhatItCannotRenderWithAClearMessage) {
  auto stdin_page = run_granska({"check", "--render", "-"}, "<p>hej</p>");
  EXPECT_EQ(stdin_page.exit_code, 2);
  EXPECT_NE(stdin_page.err.find("--render"), std::string::npos) << stdin_page.err;
  auto missing = run_granska({"check", "--render", "--chromium", "/nonexistent/chromium", fixture_path("cli/good.html")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/chromium"), std::string::npos) << missing.err;
  auto compare_alone = run_granska({"check", "--compare", fixture_path("cli/good.html")});
  EXPECT_EQ(compare_alone.exit_code, 2) << compare_alone.err;
}

}  // namespace
}  // namespace granska
