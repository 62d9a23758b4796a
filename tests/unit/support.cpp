// SPDX-License-Identifier: GPL-3.0-or-later
#include "support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace werkstatt::test {

namespace {

std::filesystem::path make_temp_dir() {
    std::string templ = (std::filesystem::temp_directory_path() / "werkstatt-test-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary folder");
    }
    return templ;
}

Database init_at(const std::filesystem::path& path) {
    InitResult ignored;
    return Database::initialise(test_options(path), ignored);
}

} // namespace

TempDir::TempDir() : m_path(make_temp_dir()) {}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

TestDatabase::TestDatabase() : m_db(init_at(m_dir.file("test.db"))) {}

OpenOptions test_options(const std::filesystem::path& path, Access access) {
    return OpenOptions{path, access, 1000, AuditContext{"tester", "werkstatt test"}, {}, {}};
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_text(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

std::string kind_name(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::usage:
        return "usage";
    case ErrorKind::bad_data:
        return "bad_data";
    case ErrorKind::not_found:
        return "not_found";
    case ErrorKind::conflict:
        return "conflict";
    case ErrorKind::internal:
        return "internal";
    case ErrorKind::output:
        return "output";
    case ErrorKind::storage:
        return "storage";
    case ErrorKind::busy:
        return "busy";
    case ErrorKind::config:
        return "config";
    }
    return "unknown";
}

} // namespace werkstatt::test
