#include "store/result_store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace granska::store {
namespace {

std::unique_ptr<ResultStore> memory_store() {
  auto s = ResultStore::open(":memory:");
  EXPECT_TRUE(s) << s.error().message;
  return std::move(*s);
}

TEST(ResultStore, KeepsAResultUntilItExpires) {
  auto store = memory_store();
  ASSERT_TRUE(store->put({"abc", "https://malmo.se/a", 100, 200, "{\"x\":1}"}));
  auto r = store->get("abc", 150);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->payload, "{\"x\":1}");
  EXPECT_EQ(r->address, "https://malmo.se/a");
  EXPECT_FALSE(store->get("abc", 200));  // expired: gone, even before pruning
  EXPECT_FALSE(store->get("nope", 150));
  auto pruned = store->prune(250);
  ASSERT_TRUE(pruned);
  EXPECT_EQ(*pruned, 1u);
  EXPECT_TRUE(store->put({"abc", "", 1, 2, ""}));  // the id is free again
}

TEST(ResultStore, ThePreviousCheckOfTheSameAddress) {
  auto store = memory_store();
  ASSERT_TRUE(store->put({"first", "https://malmo.se/a", 100, 1000, "1"}));
  ASSERT_TRUE(store->put({"other", "https://malmo.se/b", 101, 1000, "2"}));
  ASSERT_TRUE(store->put({"second", "https://malmo.se/a", 101, 1000, "3"}));
  ASSERT_TRUE(store->put({"third", "https://malmo.se/a", 101, 1000, "4"}));  // same second
  EXPECT_EQ(store->previous_for("https://malmo.se/a", "third", 500)->id, "second");
  EXPECT_EQ(store->previous_for("https://malmo.se/a", "second", 500)->id, "first");
  EXPECT_FALSE(store->previous_for("https://malmo.se/a", "first", 500));
  EXPECT_EQ(store->previous_for("https://malmo.se/a", "", 500)->id, "third");
  EXPECT_FALSE(store->previous_for("", "", 500));  // pasted HTML has no address to compare
  EXPECT_FALSE(store->previous_for("https://malmo.se/a", "second", 1000));  // all expired
}

TEST(ResultStore, RefusesAnotherProgramsFile) {
  const auto dir = std::filesystem::temp_directory_path() / "granska-result-store-test";
  std::filesystem::create_directories(dir);
  const auto text = dir / "not-sqlite.db";
  std::ofstream(text) << "hello, this is not a database at all, but it is long enough to look like one\n";
  EXPECT_FALSE(ResultStore::open(text.string()));
  const auto file = dir / "results.db";
  std::filesystem::remove(file);
  {
    auto s = ResultStore::open(file.string());
    ASSERT_TRUE(s) << s.error().message;
    ASSERT_TRUE((*s)->put({"x", "", 1, 2000000000, "p"}));
  }
  auto again = ResultStore::open(file.string());
  ASSERT_TRUE(again);
  EXPECT_TRUE((*again)->get("x", 5));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace granska::store
