// SPDX-License-Identifier: GPL-3.0-or-later
// One Value as JSON: the rule every JSON writer of werkstatt shares (empty is null, the rest as
// it is stored).
#pragma once

#include "io/records.hpp"

#include <nlohmann/json.hpp>

namespace werkstatt {

// Return `v` as JSON: null when empty, else the integer, number, boolean or text.
nlohmann::ordered_json json_value(const Value& v);

} // namespace werkstatt
