// SPDX-License-Identifier: GPL-3.0-or-later
// Fixtures shared by the unit tests.
#pragma once

#include "store/database.hpp"

#include <filesystem>
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

} // namespace werkstatt::test
