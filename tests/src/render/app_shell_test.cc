// `render = "auto"`: which static pages are application shells.
#include "render/app_shell.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_paths.h"

namespace granska::render {
namespace {

ShellVerdict verdict(const std::string& fixture) {
  auto doc = html::Document::parse(testing::read_fixture(fixture));
  return detect_app_shell(*doc);
}

TEST(RenderAppShell, EmptyMountPointsAreShells) {
  ShellVerdict react = verdict("render/shell/react-root.html");
  EXPECT_TRUE(react.shell);
  EXPECT_TRUE(react.root_container);
  EXPECT_EQ(react.text_chars, 0u);
  EXPECT_EQ(react.reasons, (std::vector<std::string>{"little-text", "empty-root", "scripts-only"}));

  ShellVerdict angular = verdict("render/shell/angular-root.html");
  EXPECT_TRUE(angular.shell);
  EXPECT_TRUE(angular.root_container);  // <app-root>
  EXPECT_TRUE(angular.noscript_notice);
  EXPECT_EQ(angular.scripts, 2u);

  ShellVerdict built = verdict("render/script-built.html");
  EXPECT_TRUE(built.shell);
  EXPECT_TRUE(built.root_container);
  EXPECT_TRUE(built.noscript_notice);
}

TEST(RenderAppShell, ANoscriptNoticeAndLittleTextIsAShell) {
  ShellVerdict v = verdict("render/shell/noscript-notice.html");
  EXPECT_TRUE(v.shell);
  EXPECT_FALSE(v.root_container);
  EXPECT_TRUE(v.noscript_notice);
  EXPECT_GT(v.text_chars, 0u);  // the header's links
}

TEST(RenderAppShell, PagesWithContentOrWithoutScriptsAreNot) {
  ShellVerdict content = verdict("render/shell/content-page.html");
  EXPECT_FALSE(content.shell);  // scripts and an #app, but the text is there
  EXPECT_GE(content.text_chars, 200u);
  EXPECT_TRUE(content.reasons.empty());

  ShellVerdict short_static = verdict("render/shell/static-short.html");
  EXPECT_FALSE(short_static.shell);  // little text, but nothing would build more
  EXPECT_EQ(short_static.scripts, 0u);

  ShellVerdict data_only = verdict("render/shell/json-data-only.html");
  EXPECT_FALSE(data_only.shell);  // JSON-LD is data, not code
  EXPECT_EQ(data_only.scripts, 0u);

  EXPECT_FALSE(detect_app_shell(*html::Document::parse("")).shell);
}

// The demo (config/demo.toml, render = "auto") renders its booking e-service and nothing
// else: of every page of both demo sites, only that one is a shell.
TEST(RenderAppShell, OnTheDemoOnlyTheBookingServiceIsAShell) {
  std::vector<std::string> shells;
  for (const char* site : {"demo-site", "demo-bolag"}) {
    for (const auto& e : std::filesystem::directory_iterator(testing::fixture_path(site))) {
      if (e.path().extension() != ".html") continue;
      const std::string name = std::string(site) + "/" + e.path().filename().string();
      if (verdict(name).shell) shells.push_back(name);
    }
  }
  EXPECT_EQ(shells, std::vector<std::string>{"demo-site/boka-radgivning.html"});
  EXPECT_EQ(verdict("demo-site/boka-radgivning.html").reasons,
            (std::vector<std::string>{"little-text", "empty-root", "noscript-js", "scripts-only"}));
}

}  // namespace
}  // namespace granska::render
