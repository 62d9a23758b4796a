// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace werkstatt {

// Who may read a written file: everyone (0644) or only its owner (0600, for personal data).
enum class FileMode { shared, private_to_owner };

// Write `content` to `path` so that readers see the old file or the whole new one, never a part:
// a temporary file in the same folder, fsync, rename. Throw Error(output) naming the path if it
// cannot be written. `mode` sets the permissions.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           FileMode mode);

// Write the file at `path` through `fill`, for writers that take a file name (a library that
// opens the file itself): `fill` gets a temporary path in the same folder, where an empty file
// is, and writes the whole file there; then the file gets `mode`, is fsynced and renamed to
// `path`. If `fill` throws, or a step fails, the temporary file is removed and nothing else is
// touched; the steps here throw Error(output) naming `path`.
void write_file_atomically_via(const std::filesystem::path& path, FileMode mode,
                               const std::function<void(const std::filesystem::path&)>& fill);

} // namespace werkstatt
