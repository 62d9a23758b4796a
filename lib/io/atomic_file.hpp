// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string_view>

namespace werkstatt {

// Who may read a written file: everyone (0644) or only its owner (0600, for personal data).
enum class FileMode { shared, private_to_owner };

// Write `content` to `path` so that readers see the old file or the whole new one, never a part:
// a temporary file in the same folder, fsync, rename. Throw Error(output) naming the path if it
// cannot be written. `mode` sets the permissions.
void write_file_atomically(const std::filesystem::path& path, std::string_view content,
                           FileMode mode);

} // namespace werkstatt
