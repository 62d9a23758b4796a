// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace werkstatt {

// What one read of a whole file tells: its SHA-256 and whether all of it is UTF-8.
struct FileScan {
    std::string sha256;
    bool valid_utf8 = true;
    bool utf8_before_error = false; // a multi-byte UTF-8 character came before the first bad byte
};

// Read the file at `path` once, in 1 MiB chunks, and return its SHA-256 and whether it is valid
// UTF-8 throughout (a byte order mark allowed). Throw Error(not_found) if it cannot be read.
FileScan scan_file(const std::filesystem::path& path);

} // namespace werkstatt
