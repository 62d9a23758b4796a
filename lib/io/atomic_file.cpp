// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/atomic_file.hpp"

#include "core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace werkstatt {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, int err) {
    throw Error(ErrorKind::output,
                fmt::format("cannot write {} ({}); check the folder and its permissions",
                            path.string(), std::generic_category().message(err)));
}

} // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           FileMode mode) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) {
        fail(path, errno);
    }
    std::size_t written = 0;
    while (written < content.size()) {
        const auto n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            fail(path, err);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fchmod(fd, mode == FileMode::shared ? 0644 : 0600) != 0 || ::fsync(fd) != 0 ||
        ::close(fd) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail(path, err);
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail(path, err);
    }
}

void write_file_atomically_via(const std::filesystem::path& path, FileMode mode,
                               const std::function<void(const std::filesystem::path&)>& fill) {
    const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    const int created = mkstemp(temp.data());
    if (created < 0) {
        fail(path, errno);
    }
    ::close(created);
    try {
        fill(temp);
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    const int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail(path, err);
    }
    if (::fchmod(fd, mode == FileMode::shared ? 0644 : 0600) != 0 || ::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        fail(path, err);
    }
    ::close(fd);
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail(path, err);
    }
}

} // namespace werkstatt
