// SPDX-License-Identifier: GPL-3.0-or-later
// Free text a person typed or a file brought (names, notes, titles): the one rule for what may be
// stored.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace werkstatt {

// What keeps a text from being stored.
enum class TextProblem { none, invalid_utf8, control_character, too_long };

// Put `value` cleaned into `out`: blanks around it trimmed, a line break (CRLF, CR or LF) kept as
// LF, tabs kept. Return the problem instead, and leave `out` alone, if it is not valid UTF-8,
// holds another control character, or is longer than `max_bytes` once cleaned.
TextProblem clean_text_into(std::string_view value, std::size_t max_bytes, std::string& out);

// Return the problem in words for a message about one value ("longer than 200 bytes").
std::string describe(TextProblem problem, std::size_t max_bytes);

// Return `value` cleaned as clean_text_into() does. Throw Error(bad_data) naming `field` and what
// to do if it cannot be stored.
std::string clean_text(std::string_view field, std::string_view value, std::size_t max_bytes);

} // namespace werkstatt
