// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace werkstatt {

// Return the bytes of the file compiled in under `name` (e.g. "migrations/0001_init.sql").
std::optional<std::string_view> embedded_file(std::string_view name);

// Return the names of all compiled-in files that start with `prefix`, in build order.
std::vector<std::string_view> embedded_names(std::string_view prefix);

} // namespace werkstatt
