// SPDX-License-Identifier: GPL-3.0-or-later
// Fixtures shared by the unit tests.
#pragma once

#include "core/date.hpp"
#include "core/error.hpp"
#include "store/database.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>
#include <string>

namespace werkstatt::test {

// A fresh temporary folder, removed with everything in it when the object goes.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    // Return the path of `name` inside the folder.
    std::filesystem::path file(const std::string& name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

// A temporary folder with an initialised werkstatt database in it.
class TestDatabase {
  public:
    TestDatabase();
    Database& db() { return m_db; }
    const TempDir& dir() const { return m_dir; }

  private:
    TempDir m_dir;
    Database m_db;
};

// Return OpenOptions for `path` with a test audit context.
OpenOptions test_options(const std::filesystem::path& path, Access access = Access::read_write);

// Return the text of the file at `path`.
std::string read_text(const std::filesystem::path& path);

// Write `text` to the file at `path` (replacing it).
void write_text(const std::filesystem::path& path, const std::string& text);

// Return the day `iso` (YYYY-MM-DD); the test fails if it is none.
inline Date day(const char* iso) {
    const auto d = Date::parse_iso(iso);
    REQUIRE(d.has_value());
    return *d;
}

// Return the name of `kind` ("bad_data").
std::string kind_name(ErrorKind kind);

// What a call threw: the kind and message of a werkstatt::Error, or nothing if it returned.
struct Failure {
    std::optional<ErrorKind> kind;
    std::string message;
};

// Call `f` and return the werkstatt::Error it threw (other exceptions pass through).
template <typename F>
Failure failure_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return Failure{e.kind(), e.what()};
    }
    return Failure{};
}

} // namespace werkstatt::test

namespace Catch {
template <>
struct StringMaker<werkstatt::ErrorKind> {
    static std::string convert(werkstatt::ErrorKind kind) {
        return werkstatt::test::kind_name(kind);
    }
};
template <>
struct StringMaker<std::optional<werkstatt::ErrorKind>> {
    static std::string convert(const std::optional<werkstatt::ErrorKind>& kind) {
        return kind ? werkstatt::test::kind_name(*kind) : "(no error)";
    }
};
} // namespace Catch
