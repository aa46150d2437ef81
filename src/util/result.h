// Result<T>: a value or an error, returned across module boundaries instead of throwing.
// Callers check ok() and return early; the CLI turns an Error into one readable line.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "util/lang.h"

namespace granska {

// What went wrong, in one line, in English and (where the message reaches a user) Swedish.
struct Error {
  std::string message;     // English
  std::string message_sv = {};  // Swedish; empty means "use the English text"
  const std::string& text(Lang lang) const {
    return lang == Lang::Sv && !message_sv.empty() ? message_sv : message;
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // Precondition: !ok().
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

// For operations that return nothing but can fail: Status holds either Ok or an Error.
struct Ok {};
using Status = Result<Ok>;
inline Status ok_status() { return Ok{}; }

}  // namespace granska
