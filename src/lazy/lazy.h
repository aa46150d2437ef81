// Libraries opened when first used instead of when the program starts.
//
// Linked the usual way, the loader mapped and relocated about 50 shared libraries before
// main() on every run, 9 of the 10 ms `granska rules` took (docs/performance.md, issue
// #22), although most commands need few of them: checking a file needs neither libcurl nor
// qpdf. The C libraries that only some commands use (libcurl, libxml2 with ICU,
// libzip, libxlsxwriter, libcrypto) are reached through forwarders in this folder that open the library on the first
// call; code using them includes the libraries' own headers and is unchanged. The C++
// libraries (qpdf, cpp-httplib) cannot be forwarded that way, so the code using them is built
// as granska's own modules (granska-pdf.so, granska-serve.so) and opened the same way.
#pragma once

#include <string>

namespace granska::lazy {

// The address of `symbol` in the shared library `soname` (e.g. "libcurl.so.4"), opening the
// library on first use. A library or symbol that cannot be found is an installation fault,
// as it was at start before: the program ends with a message naming it (exit status 127).
void* library_symbol(const char* soname, const char* symbol);

// The address of `symbol` in one of granska's own modules (`name` without ".so"), looked
// for beside the running program, in ../lib/granska from it (an installation), then in the
// build folder the program was built in. A missing module ends the program as above.
void* module_symbol(const char* name, const char* symbol);
// The same, but a missing or broken module returns nullptr and says why in `error`, for
// callers that can go on without it (a crawl meeting a PDF).
void* try_module_symbol(const char* name, const char* symbol, std::string& error);

// Converts a symbol's address to a function pointer type.
template <class Fn>
Fn as(void* address) {
  return reinterpret_cast<Fn>(address);
}

}  // namespace granska::lazy
