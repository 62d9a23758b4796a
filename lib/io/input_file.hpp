// SPDX-License-Identifier: GPL-3.0-or-later
// The one way every import (candidates, openings, companies, advisory services) opens its input:
// a file or standard input, its SHA-256, its encoding detected or named, decoded to UTF-8.
#pragma once

#include "io/encoding.hpp"

#include <memory>
#include <optional>
#include <string>

namespace werkstatt {

// An input opened for an import.
struct InputFile {
    std::string name;      // for messages: the path as given, or "standard input"
    std::string file_name; // for the batch: the name without its folder, "-" for standard input
    std::string sha256;    // of the bytes as read, so that a file read twice is recognised
    std::unique_ptr<DecodedInput> decoded; // none for a workbook
    // The bytes of an Excel workbook (a zip file) if it is one and open_input was asked for
    // InputKinds::text_or_workbook; then it is not decoded as text.
    std::shared_ptr<const std::string> workbook;

    // Return the UTF-8 text; invalid bytes make a read throw Error(bad_data).
    std::istream& stream() { return decoded->stream(); }
};

// Return true if `path` names standard input: "-" or /dev/stdin.
bool is_standard_input(const std::string& path);

// Return the encoding that `name` (an --encoding value or a profile's `encoding`) asks for, or
// nothing for "auto" or no name: detect it. Throw Error(usage) for a name we do not read.
std::optional<Encoding> encoding_option(const std::optional<std::string>& name);

// What an import reads: CSV text only, or an Excel workbook as well (io/row_source.hpp).
enum class InputKinds { text, text_or_workbook };

// Open `path` for an import: "-" and /dev/stdin read standard input, and any input that is not
// a regular file (a pipe, process substitution) is first copied to a private temporary file
// that is gone when the InputFile is, so that it can be hashed and read twice. Decode it as
// `forced`, or else: a byte order mark decides; bytes that look like UTF-16 without one are
// refused with a hint to --encoding; valid UTF-8 (or a file whose first non-UTF-8 byte comes
// after a UTF-8 character: broken UTF-8) is UTF-8; anything else Windows-1252. Throw
// Error(not_found) for a file that does not exist or cannot be read, Error(bad_data) for a
// folder or UTF-16 without a byte order mark, Error(storage) if the temporary copy fails.
// With `kinds` text_or_workbook, a file that starts like a zip ("PK\3\4") is read into
// InputFile::workbook instead (up to xlsx_max_file_bytes, else Error(bad_data)).
InputFile open_input(const std::string& path, std::optional<Encoding> forced,
                     InputKinds kinds = InputKinds::text);

} // namespace werkstatt
