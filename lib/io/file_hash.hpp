// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace werkstatt {

// Return the SHA-256 of the file at `path` as 64 lower-case hex digits (read in 1 MiB chunks).
// Throw Error(not_found) if it cannot be read.
std::string sha256_file(const std::filesystem::path& path);

} // namespace werkstatt
