// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/atomic_file.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <random>
#include <string>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace werkstatt {

namespace {

// What a person can do about `err`.
std::string_view hint(int err) {
    switch (err) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return "free some space or write to another folder";
    case ENOENT:
    case ENOTDIR:
        return "create the folder first or name another one";
    case EACCES:
    case EPERM:
    case EROFS:
        return "check the folder and its permissions";
    default:
        return "check the folder and the disk";
    }
}

[[noreturn]] void fail(const std::filesystem::path& path, int err) {
    throw Error(ErrorKind::output, _f("cannot write {} ({}); {}", path.string(),
                                      std::generic_category().message(err), hint(err)));
}

// The file is in place, but its folder could not be synced: it may be lost in a power cut.
[[noreturn]] void not_synced(const std::filesystem::path& path, int err) {
    throw Error(ErrorKind::output,
                _f("wrote {}, but could not make sure it reached the disk ({}); check "
                   "the disk and write it again",
                   path.string(), std::generic_category().message(err)));
}

std::filesystem::path folder_of(const std::filesystem::path& path) {
    return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// Refuse a target that exists and is not a regular file once the links are followed (a folder,
// a device such as /dev/stdout, a pipe): renaming over it would replace a node of the system.
// A target in /dev or /proc, or a link that leads there (/dev/stdout -> /proc/self/fd/1, which
// is a regular file when standard output is redirected to one), is refused too: the rename would
// replace the system's link, not write to the file behind it.
bool in_system_tree(const std::filesystem::path& path) {
    const auto under = [](const std::filesystem::path& p) {
        const auto text = p.lexically_normal().string();
        return text.rfind("/dev/", 0) == 0 || text.rfind("/proc/", 0) == 0;
    };
    std::error_code ec;
    auto at = std::filesystem::absolute(path, ec);
    if (ec) {
        return false;
    }
    // The folder the rename happens in, with its links followed.
    const auto folder = std::filesystem::weakly_canonical(at.parent_path(), ec);
    if (under(at) || (!ec && under(folder / at.filename()))) {
        return true;
    }
    // Each hop of a chain of links (not canonical(): /proc/self/fd/N would resolve to the file).
    for (int hop = 0; hop < 40 && std::filesystem::is_symlink(at, ec); ++hop) {
        auto next = std::filesystem::read_symlink(at, ec);
        if (ec) {
            return false;
        }
        at = next.is_absolute() ? next : at.parent_path() / next;
        if (under(at)) {
            return true;
        }
    }
    return false;
}

void check_target(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        throw Error(ErrorKind::output,
                    _f("cannot write {}: it is not a regular file (a folder, a device or "
                       "a pipe); name a file",
                       path.string()));
    }
    if (in_system_tree(path)) {
        throw Error(ErrorKind::output,
                    _f("cannot write {}: it is a device or a link into /dev or /proc; "
                       "name a file (without --output the text goes to standard output)",
                       path.string()));
    }
}

// Return ".NAME." for temporaries next to `path`, NAME shortened so that the whole name stays
// far below the 255 bytes a folder entry may have.
std::string temp_prefix(const std::filesystem::path& path) {
    auto name = path.filename().string();
    if (name.size() > 100) {
        name.resize(100);
    }
    return "." + name + ".";
}

// Return `count` random letters and digits.
std::string random_suffix(std::size_t count) {
    static constexpr std::string_view k_chars =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::uniform_int_distribution<std::size_t> pick(0, k_chars.size() - 1);
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += k_chars[pick(device)];
    }
    return out;
}

// Create a fresh file next to `path` with `perms` (the umask applies) and return its descriptor,
// its name in `temp`. O_EXCL|O_NOFOLLOW: a file or link already at the name is never opened.
int create_temporary(const std::filesystem::path& path, mode_t perms, std::filesystem::path& temp) {
    const auto folder = folder_of(path);
    const auto prefix = temp_prefix(path);
    for (int attempt = 0; attempt < 100; ++attempt) {
        temp = folder / (prefix + random_suffix(12));
        const int fd =
            ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, perms);
        if (fd >= 0) {
            return fd;
        }
        if (errno != EEXIST) {
            fail(path, errno);
        }
    }
    fail(path, EEXIST);
}

// Make sure the rename in `folder` reaches the disk; return 0 or the errno. A file system that
// cannot sync a folder (EINVAL) has nothing to make sure of.
int sync_folder(const std::filesystem::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    int err = 0;
    if (::fsync(fd) != 0 && errno != EINVAL) {
        err = errno;
    }
    ::close(fd);
    return err;
}

// The temporaries being written, so that a signal that ends werkstatt (Ctrl-C, kill, a closed
// terminal) removes them: fixed slots, because a signal handler may not allocate.
struct PendingSlot {
    std::atomic<bool> used{false};
    char file[4096] = {};   // a temporary file, or ""
    char folder[4096] = {}; // a temporary folder (write_file_atomically_via), or ""
};
std::array<PendingSlot, 8> g_pending;

// Claim a slot for `file` and `folder`; return its index, or -1 if the paths are too long or
// every slot is taken (the temporary is then only removed on a normal exit).
int claim_pending(const std::filesystem::path& file, const std::filesystem::path& folder) {
    const auto& f = file.native();
    const auto& d = folder.native();
    if (f.size() >= sizeof(PendingSlot::file) || d.size() >= sizeof(PendingSlot::folder)) {
        return -1;
    }
    for (std::size_t i = 0; i < g_pending.size(); ++i) {
        auto& slot = g_pending[i];
        if (slot.used.load()) {
            continue;
        }
        std::memcpy(slot.file, f.c_str(), f.size() + 1);
        std::memcpy(slot.folder, d.c_str(), d.size() + 1);
        slot.used.store(true);
        return static_cast<int>(i);
    }
    return -1;
}

void release_pending(int& index) {
    if (index >= 0) {
        g_pending[static_cast<std::size_t>(index)].used.store(false);
        index = -1;
    }
}

extern "C" void remove_pending_and_die(int sig) {
    for (auto& slot : g_pending) {
        if (slot.used.load()) {
            if (slot.file[0] != '\0') {
                ::unlink(slot.file);
            }
            if (slot.folder[0] != '\0') {
                ::rmdir(slot.folder);
            }
        }
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

} // namespace

void remove_temporaries_on_signals() {
    for (const int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
        struct sigaction action {};
        action.sa_handler = remove_pending_and_die;
        sigemptyset(&action.sa_mask);
        ::sigaction(sig, &action, nullptr);
    }
}

namespace {

// Open an unnamed file (O_TMPFILE) in the folder of `path` with `perms`; return its descriptor,
// or -1 if the file system has no unnamed files (then a named temporary is used). Throw
// Error(output) naming `path` for any other failure.
int create_unnamed(const std::filesystem::path& path, mode_t perms) {
    const int fd = ::open(folder_of(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, perms);
    if (fd >= 0) {
        return fd;
    }
    if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL) {
        return -1;
    }
    fail(path, errno);
}

// Give the unnamed file `fd` the name `temp` next to `path` (a fresh random one); return 0 or
// the errno. Through /proc/self/fd, as linkat(2) documents for O_TMPFILE; AT_EMPTY_PATH first,
// which needs no /proc but a privilege only root usually has.
int name_unnamed(int fd, const std::filesystem::path& path, std::filesystem::path& temp) {
    const auto folder = folder_of(path);
    const auto prefix = temp_prefix(path);
    const auto proc = fmt::format("/proc/self/fd/{}", fd);
    for (int attempt = 0; attempt < 100; ++attempt) {
        temp = folder / (prefix + random_suffix(12));
        if (::linkat(fd, "", AT_FDCWD, temp.c_str(), AT_EMPTY_PATH) == 0 ||
            ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            return 0;
        }
        if (errno != EEXIST) {
            return errno;
        }
    }
    return EEXIST;
}

} // namespace

AtomicFile::AtomicFile(std::filesystem::path path, FileMode mode) : m_path(std::move(path)) {
    check_target(m_path);
    const mode_t perms = mode == FileMode::shared ? 0644 : 0600;
    m_fd = create_unnamed(m_path, perms);
    m_unnamed = m_fd >= 0;
    if (!m_unnamed) {
        m_fd = create_temporary(m_path, perms, m_temp);
        m_pending = claim_pending(m_temp, {});
    }
    // Personal data is 0600 even under an odd umask that took the owner's bits away.
    if (mode == FileMode::private_to_owner && ::fchmod(m_fd, 0600) != 0) {
        abandon(errno);
    }
}

AtomicFile::~AtomicFile() {
    if (m_fd >= 0) {
        ::close(m_fd);
        ::unlink(m_temp.c_str());
    }
    release_pending(m_pending);
}

void AtomicFile::abandon(int err) {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
        ::unlink(m_temp.c_str());
    }
    release_pending(m_pending);
    fail(m_path, err);
}

void AtomicFile::write(std::string_view bytes) {
    if (m_fd < 0) {
        fail(m_path, EBADF);
    }
    while (!bytes.empty()) {
        const auto n = ::write(m_fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            abandon(errno);
        }
        if (n == 0) {
            abandon(ENOSPC);
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

void AtomicFile::commit() {
    if (m_fd < 0) {
        fail(m_path, EBADF);
    }
    if (::fsync(m_fd) != 0) {
        abandon(errno);
    }
    if (m_unnamed) {
        // The file gets a name only now, for the moment until the rename: a process killed
        // while it wrote (SIGKILL, a power cut) leaves nothing in the folder.
        if (const int err = name_unnamed(m_fd, m_path, m_temp); err != 0) {
            m_temp.clear();
            abandon(err);
        }
        m_pending = claim_pending(m_temp, {});
    }
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(m_temp.c_str());
        release_pending(m_pending);
        fail(m_path, err);
    }
    const bool renamed = std::rename(m_temp.c_str(), m_path.c_str()) == 0;
    const int err = renamed ? 0 : errno;
    if (!renamed) {
        ::unlink(m_temp.c_str());
    }
    release_pending(m_pending);
    if (!renamed) {
        fail(m_path, err);
    }
    if (const int synced = sync_folder(folder_of(m_path)); synced != 0) {
        not_synced(m_path, synced);
    }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           FileMode mode) {
    AtomicFile file(path, mode);
    file.write(content);
    file.commit();
}

void write_file_atomically_via(const std::filesystem::path& path, FileMode mode,
                               const std::function<void(const std::filesystem::path&)>& fill) {
    check_target(path);
    const auto folder = folder_of(path);
    std::string dir_name = (folder / (temp_prefix(path) + "XXXXXX")).string();
    if (::mkdtemp(dir_name.data()) == nullptr) { // mode 0700, never an existing name
        fail(path, errno);
    }
    const std::filesystem::path dir(dir_name);
    const auto temp = dir / "file";
    int pending = claim_pending(temp, dir);
    const auto clean = [&] {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        release_pending(pending);
    };
    try {
        fill(temp);
    } catch (...) {
        clean();
        throw;
    }
    const int fd = ::open(temp.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        clean();
        fail(path, err);
    }
    struct stat st {};
    int err = 0;
    if (::fstat(fd, &st) != 0) {
        err = errno;
    } else if (!S_ISREG(st.st_mode)) {
        err = EINVAL;
    } else if (::fchmod(fd, mode == FileMode::shared ? (st.st_mode & 0644) : 0600) != 0 ||
               ::fsync(fd) != 0) {
        err = errno;
    }
    if (::close(fd) != 0 && err == 0) {
        err = errno;
    }
    if (err == 0 && std::rename(temp.c_str(), path.c_str()) != 0) {
        err = errno;
    }
    clean();
    if (err != 0) {
        fail(path, err);
    }
    if (const int synced = sync_folder(folder); synced != 0) {
        not_synced(path, synced);
    }
}

} // namespace werkstatt
