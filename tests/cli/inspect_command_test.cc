// End-to-end tests of `granska inspect`: what the semantics layer says about chosen elements.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run_program.h"
#include "support/test_paths.h"

namespace granska {
namespace {

using testing::fixture_path;
using testing::run_granska;

TEST(InspectCommand, JsonHasOneObjectPerMatchingElement) {
  auto r = run_granska({"inspect", fixture_path("cli/inspect.html"), "--selector", "input, img, nav, button, .dold a",
                        "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 5u) << r.out;
  const auto& nav = j[0];
  EXPECT_EQ(nav["selector"], "html > body > nav");
  EXPECT_EQ(nav["role"], "navigation");
  EXPECT_EQ(nav["name"], "Huvudmeny");
  EXPECT_EQ(nav["name_source"], "aria-label");
  const auto& input = j[1];
  EXPECT_EQ(input["selector"], "#namn");
  EXPECT_EQ(input["role"], "textbox");
  EXPECT_EQ(input["name"], "Ditt namn");
  EXPECT_EQ(input["name_source"], "label");
  EXPECT_EQ(input["description"], "Som det står i folkbokföringen");
  EXPECT_EQ(input["focusable"], true);
  EXPECT_EQ(input["hidden"], false);
  EXPECT_EQ(j[2]["role"], "img");
  EXPECT_EQ(j[2]["name_source"], "alt");
  const auto& button = j[3];
  EXPECT_EQ(button["hidden"], true);     // aria-hidden
  EXPECT_EQ(button["focusable"], true);  // but still focusable: what ACT 6cfa84 looks for
  EXPECT_EQ(j[4]["hidden"], true);       // display:none from the page's <style>
  EXPECT_EQ(j[4]["focusable"], false);
}

TEST(InspectCommand, SwedishTextByDefault) {
  auto r = run_granska({"inspect", fixture_path("cli/inspect.html"), "-s", "#l1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("roll:         link"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("namn:         \"Bygglov\" (från contents)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fokuserbar:   ja"), std::string::npos) << r.out;
}

TEST(InspectCommand, BadSelectorOrInputExitsTwo) {
  auto bad = run_granska({"inspect", fixture_path("cli/inspect.html"), "-s", "a:bogus"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("ogiltig selektor"), std::string::npos) << bad.err;
  auto missing = run_granska({"inspect", fixture_path("cli/nope.html"), "-s", "a"});
  EXPECT_EQ(missing.exit_code, 2);
  auto none = run_granska({"inspect", fixture_path("cli/inspect.html"), "-s", "table"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_NE(none.out.find("Inga element matchar"), std::string::npos);
}

}  // namespace
}  // namespace granska
