// SPDX-License-Identifier: GPL-3.0-or-later
// What every fuzz target shares: which outcomes of a parser are normal and which are bugs.
//
// A parser rejects bad input by throwing werkstatt::Error with a kind that names the exit status
// (usage, bad data, config, ...): that is the documented outcome, and the command prints its
// message as one line. Everything else is a bug that must crash the run, so that libFuzzer
// (or replay_main under the sanitizers) reports it with the input:
// - Error(internal): the library's own "cannot happen" check tripped;
// - an Error whose message is empty or holds a line break or another control character: the
//   command would print it as more than one line, or pass a terminal escape from the input on;
// - any other exception (std::out_of_range from .at(), std::invalid_argument from std::stoi,
//   toml::parse_error, fmt::format_error, std::bad_alloc, ...) is not caught here: it escapes
//   LLVMFuzzerTestOneInput and std::terminate aborts, as cmd/main.cpp would exit 70 with it;
// - a crash, a leak or undefined behaviour is caught by the sanitizers.
#pragma once

#include "core/error.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unistd.h>

namespace werkstatt::fuzz {

// Abort with `what` and the offending message: libFuzzer saves the input as a crash.
[[noreturn]] inline void bug(const char* what, std::string_view message) {
    std::fprintf(stderr, "fuzz: %s: %.*s\n", what, static_cast<int>(message.size()),
                 message.data());
    std::abort();
}

// Abort unless the condition holds: an invariant of the parser's result.
inline void require(bool condition, const char* what) {
    if (!condition) {
        bug("broken invariant", what);
    }
}

// Check a rejection: a kind that is not internal, and one printable line of text.
inline void check_error(const Error& e) {
    const std::string_view message = e.what();
    if (e.kind() == ErrorKind::internal) {
        bug("internal error", message);
    }
    if (message.empty()) {
        bug("empty error message", message);
    }
    for (const char c : message) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f) {
            bug("control character in an error message", message);
        }
    }
}

// Run `parse`; a werkstatt Error is a normal outcome once checked, anything else escapes.
template <typename F>
void expect_errors_only(F&& parse) {
    try {
        parse();
    } catch (const Error& e) {
        check_error(e);
    }
}

// The temporary file of a target whose code under test reads a path: one per process, named
// after `target` (a string literal), removed at exit.
inline const std::string& scratch_file(const char* target) {
    static const std::string path = [target] {
        std::string templ = std::string("/tmp/werkstatt-fuzz-") + target + "-XXXXXX";
        const int fd = ::mkstemp(templ.data());
        if (fd < 0) {
            std::perror("fuzz: mkstemp");
            std::abort();
        }
        ::close(fd);
        return templ;
    }();
    static const struct Remove {
        ~Remove() { ::unlink(path.c_str()); }
    } remove_at_exit;
    return path;
}

// Replace the scratch file's content by `bytes`.
inline void write_scratch(const char* target, std::string_view bytes) {
    std::FILE* f = std::fopen(scratch_file(target).c_str(), "wb");
    // fwrite must not see the null data() of an empty view (UBSan: nonnull argument).
    if (f == nullptr ||
        (!bytes.empty() && std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) ||
        std::fclose(f) != 0) {
        std::perror("fuzz: writing the scratch file");
        std::abort();
    }
}

} // namespace werkstatt::fuzz
