// A parsed page plus its Semantics, for the aria test suites.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "aria/semantics.h"
#include "html/dom.h"

namespace granska::aria::testing {

class Page {
 public:
  explicit Page(std::string html)
      : doc_(html::Document::parse(std::move(html))), sem_(std::make_unique<Semantics>(*doc_)) {}

  // The element with this id; fails the test (and returns the root) when there is none.
  const html::Node& el(std::string_view id) const {
    const html::Node* n = doc_->element_by_id(id);
    EXPECT_NE(n, nullptr) << "no element with id " << id;
    return n ? *n : doc_->root();
  }
  std::string role(std::string_view id = "t") { return std::string(sem_->role(el(id))); }
  AccessibleName name(std::string_view id = "t") { return sem_->name(el(id)); }
  AccessibleName description(std::string_view id = "t") { return sem_->description(el(id)); }
  Tristate hidden(std::string_view id = "t") { return sem_->hidden(el(id)); }
  Tristate hidden_from_at(std::string_view id = "t") { return sem_->hidden_from_at(el(id)); }
  bool focusable(std::string_view id = "t") { return sem_->focusable(el(id)); }
  Semantics& semantics() { return *sem_; }
  const html::Document& doc() const { return *doc_; }

 private:
  std::unique_ptr<html::Document> doc_;
  std::unique_ptr<Semantics> sem_;
};

// Names parameterised cases after their `name` field.
struct CaseName {
  template <class P>
  std::string operator()(const ::testing::TestParamInfo<P>& param_info) const {
    return param_info.param.name;
  }
};

inline const char* to_cstr(Tristate t) {
  return t == Tristate::Yes ? "Yes" : t == Tristate::No ? "No" : "Unknown";
}

}  // namespace granska::aria::testing

namespace granska::aria {
inline void PrintTo(Tristate t, std::ostream* os) { *os << testing::to_cstr(t); }
inline void PrintTo(NameSource s, std::ostream* os) { *os << to_string(s); }
}  // namespace granska::aria
