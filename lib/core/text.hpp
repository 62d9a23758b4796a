// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt::text {

// Return `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

// Return `s` with ASCII letters lowered (other bytes unchanged).
std::string ascii_lower(std::string_view s);

// Split `s` at every `sep`; empty parts are kept.
std::vector<std::string_view> split(std::string_view s, char sep);

// Return `parts` joined with `sep` between them.
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// Return true if `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Return the length of the longest prefix of `s` that is well-formed UTF-8.
std::size_t valid_utf8_prefix(std::string_view s);

// Return `s` fit for one line of a message: escaped as display_safe() escapes, cut to
// `max_bytes` with "…".
std::string printable(std::string_view s, std::size_t max_bytes);

// Whether display_safe() keeps line breaks and tabs (a block of text) or escapes them (a value).
enum class LineBreaks { escape, keep };

// How many characters display_safe() keeps of a value echoed in a message.
inline constexpr std::size_t k_value_display_chars = 80;

// Return `s` safe to show on a terminal, for people: C0 controls, DEL and bytes that are not
// UTF-8 as \xNN (ESC as \x1B), C1 controls, bidirectional controls (U+061C, U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069), line and paragraph separators and zero-width or invisible
// characters (U+00AD, U+115F, U+1160, U+180E, U+200B, U+2060-U+2064, U+3164, U+FEFF, U+FFA0,
// U+FFF9-U+FFFB) as \uNNNN, tag characters (U+E0000-U+E007F) as \UNNNNNNNN; letters of every
// script, the joiners U+200C and U+200D and the variation selectors stay.
// With `breaks` keep, line feeds and tabs stay. If the result would be longer than `max_chars`
// characters, it is cut there and ends in "… (N characters)", N counting the characters of `s`.
std::string display_safe(std::string_view s, std::size_t max_chars = k_value_display_chars,
                         LineBreaks breaks = LineBreaks::escape);

// Return the number of terminal columns `s` takes (code points; East Asian wide counts 2).
std::size_t display_width(std::string_view s);

// Return `s` cut so that it takes at most `width` terminal columns, ending in "…" if it was cut
// (only "…" when `width` is 1, "" when it is 0); `s` itself if it fits.
std::string cut_to_width(std::string_view s, std::size_t width);

// Return `s` broken into lines of at most `width` terminal columns at blanks; a word longer than
// `width` is broken inside, nothing is left out, and blanks between words are not kept (runs of
// blanks count as one). Joining the lines with " " gives back `s` with its blanks so folded.
std::vector<std::string> wrap_words(std::string_view s, std::size_t width);

// Parse `s` as a whole decimal integer, or nothing if it is not one or out of range.
std::optional<std::int64_t> parse_int(std::string_view s);

// Parse `s` as a whole decimal number with `.` as separator, or nothing.
std::optional<double> parse_double(std::string_view s);

// Return `s` with ä, ö, ü, ß and their capitals folded to ae, oe, ue, ss and lowered, for
// comparing place names as people type them.
std::string fold_german(std::string_view s);

// Return `s` folded the way column headers and agencies' spellings compare: trimmed, folded as by
// fold_german(), runs of blanks as one blank ("  Straße  Nr " and "strasse nr" compare equal).
std::string fold_for_match(std::string_view s);

} // namespace werkstatt::text
