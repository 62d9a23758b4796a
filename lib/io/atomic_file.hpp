// SPDX-License-Identifier: GPL-3.0-or-later
// THE way werkstatt writes a file (reports, rejected rows, calendars, maps): every file goes
// through here, so that no write follows a planted link, leaves a half-written file, or claims
// success on a full disk.
//
// How a file is written: a fresh temporary in the target's folder, made without a name
// (O_TMPFILE, so that a process killed with SIGKILL leaves nothing behind) or, where the file
// system has no such files, with O_CREAT|O_EXCL|O_NOFOLLOW under a random name (so a file or
// link already there is never opened); the bytes, every write() checked; fsync of the file; a
// fresh random name for the unnamed file (linkat); rename over the target; fsync of the folder.
// On any failure the temporary is removed, the target is left as it was, and Error(output)
// names the target and the system's reason ("No space left on device").
//
// What happens to an existing target, deliberately:
// - Its mode is not kept: a file with personal data is 0600 whatever it was before, a shared
//   file 0644 less what the umask takes away; the new file belongs to the user who runs werkstatt.
// - A symbolic link is replaced by the new file (rename acts on the link itself); werkstatt
//   never writes through it, so the file it pointed to keeps its content.
// - A file with other hard links: the rename gives the name a new file, the other names keep the
//   old content.
// - A target that is not a regular file (a folder, a device, a pipe), and one in /dev or /proc or
//   a link that leads there (/dev/stdout -> /proc/self/fd/1 is a regular file when standard
//   output is redirected to one; renaming over it would replace the system's link), are refused
//   with Error(output).
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace werkstatt {

// Who may read a written file: everyone (0644 less the umask) or only its owner (0600, for
// personal data whatever the umask).
enum class FileMode { shared, private_to_owner };

// A file being written in chunks: the bytes go to a fresh temporary that takes the target's
// place on commit(); if the object goes before commit() (an error, an exception), the temporary
// is removed and the target is untouched.
class AtomicFile {
  public:
    // Start writing `path` with `mode`; throw Error(output) naming `path` if its folder takes no
    // new file or `path` is not a regular file.
    AtomicFile(std::filesystem::path path, FileMode mode);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    // Append `bytes`; on any failure remove the temporary and throw Error(output) naming the
    // target and the reason.
    void write(std::string_view bytes);

    // Make the written bytes the file at the target: fsync, rename, fsync of the folder. Throw
    // Error(output) as write() does; the temporary is gone either way.
    void commit();

    // The file that is written.
    const std::filesystem::path& path() const { return m_path; }

  private:
    [[noreturn]] void abandon(int err);

    std::filesystem::path m_path;
    std::filesystem::path m_temp;
    int m_fd = -1;
    int m_pending = -1;     // its slot among the temporaries a signal removes
    bool m_unnamed = false; // an O_TMPFILE file, named m_temp only in commit()
};

// Write `content` to `path` with `mode` through AtomicFile: readers see the old file or the whole
// new one, never a part. Throw Error(output) naming the path if it cannot be written.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           FileMode mode);

// Make SIGINT, SIGTERM, SIGHUP and SIGQUIT remove the temporaries being written before they end
// the process as they would have (the program calls this once at its start).
void remove_temporaries_on_signals();

// Write the file at `path` through `fill`, for writers that take a file name (a library that
// opens the file itself): `fill` gets a path inside a fresh folder of mode 0700 next to `path`
// (so nobody else can plant anything there) and writes the whole file there; then the file gets
// `mode`, is fsynced and renamed to `path`, and the folder is removed. If `fill` throws, or a
// step fails, the folder and the file in it are removed and nothing else is touched; the steps
// here throw Error(output) naming `path`.
void write_file_atomically_via(const std::filesystem::path& path, FileMode mode,
                               const std::function<void(const std::filesystem::path&)>& fill);

} // namespace werkstatt
