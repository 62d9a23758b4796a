// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the CSV reader with encoding detection and decoding (lib/io/csv, lib/io/encoding,
// lib/io/input_file), as every import reads its file.
//
// The first byte of the input chooses how to read the rest, the file:
//   bits 0-1  the delimiter: detected, ';', ',' or tab;
//   bits 2-4  the way in: 0-3 open_input() on a temporary file (the importers' path: SHA-256,
//             UTF-16 without a byte order mark refused, UTF-8 or Windows-1252 by a scan of the
//             whole file); 4 detect_encoding() on the first 64 KiB and a DecodingStreambuf over
//             the bytes in memory; 5-7 the encoding forced to Windows-1252, UTF-16LE, UTF-16BE;
//   bit 5     records limited to 256 bytes, so that the "record is longer than" path runs.
// Bad input is rejected with Error(bad_data) (a quote never closed, an oversized record, bytes
// invalid in the encoding) or Error(not_found/usage) from open_input; see fuzz_support.hpp for
// what counts as a bug. Besides crashes, the target checks that every field is valid UTF-8 (all
// text is UTF-8 once read), that line numbers never go back, and that a record written by
// CsvWriter reads back as the same fields.
#include "core/error.hpp"
#include "core/text.hpp"
#include "fuzz_support.hpp"
#include "io/csv.hpp"
#include "io/encoding.hpp"
#include "io/input_file.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

using werkstatt::CsvReader;
using werkstatt::CsvReadOptions;
using werkstatt::CsvRecord;
using werkstatt::Encoding;

// A CSV record written by CsvWriter and read back by CsvReader must give the same fields.
void check_round_trip(const std::vector<std::string>& fields, char delimiter) {
    if (fields.empty()) {
        return;
    }
    // A first record, so that the one checked does not start the text: the reader drops a
    // byte order mark there (U+FEFF at the start of a field is kept elsewhere).
    std::ostringstream out;
    werkstatt::CsvWriter writer(out, delimiter);
    writer.write_row({"first"});
    writer.write_row(fields);
    std::istringstream in(out.str());
    CsvReader reader(in, "round trip", CsvReadOptions{delimiter, std::size_t{1} << 24});
    CsvRecord back;
    werkstatt::fuzz::require(reader.next(back) && reader.next(back), "a written record reads back");
    werkstatt::fuzz::require(back.problem.empty(), "a written record reads back without problem");
    werkstatt::fuzz::require(back.fields.size() == fields.size(),
                             "a written record reads back with as many fields");
    for (std::size_t i = 0; i < fields.size(); ++i) {
        werkstatt::fuzz::require(werkstatt::restore_formula(back.fields[i]) == fields[i],
                                 "a written field reads back unchanged");
    }
}

// Read every record of `text` (UTF-8 by now) and check what comes out.
void read_all(std::istream& text, char delimiter, std::size_t max_record) {
    CsvReader reader(text, "fuzz.csv", CsvReadOptions{delimiter, max_record});
    CsvRecord record;
    std::size_t last_line = 0;
    std::size_t records = 0;
    while (reader.next(record)) {
        werkstatt::fuzz::require(record.line >= 1 && record.line >= last_line,
                                 "line numbers start at 1 and never go back");
        last_line = record.line;
        werkstatt::fuzz::require(!record.fields.empty(), "a record has a field");
        for (const auto& field : record.fields) {
            werkstatt::fuzz::require(werkstatt::text::is_valid_utf8(field), "every field is UTF-8");
        }
        if (!record.problem.empty()) {
            werkstatt::fuzz::require(record.problem_field >= 1 &&
                                         record.problem_field <= record.fields.size(),
                                     "a problem names a field of the record");
        } else if (records < 4) {
            check_round_trip(record.fields, reader.delimiter());
        }
        ++records;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const unsigned mode = data[0];
    const std::string_view file(reinterpret_cast<const char*>(data + 1), size - 1);
    constexpr char delimiters[] = {'\0', ';', ',', '\t'};
    const char delimiter = delimiters[mode & 3u];
    const unsigned way = (mode >> 2) & 7u;
    const std::size_t max_record = (mode & 0x20u) != 0 ? 256 : std::size_t{1} << 20;

    werkstatt::fuzz::expect_errors_only([&] {
        if (way < 4) {
            werkstatt::fuzz::write_scratch("csv", file);
            auto input = werkstatt::open_input(werkstatt::fuzz::scratch_file("csv"), std::nullopt);
            read_all(input.stream(), delimiter, max_record);
            return;
        }
        Encoding encoding = Encoding::utf8;
        if (way == 4) {
            encoding = werkstatt::detect_encoding(
                file.substr(0, std::min(file.size(), werkstatt::encoding_detect_bytes)));
        } else {
            constexpr Encoding forced[] = {Encoding::windows1252, Encoding::utf16le,
                                           Encoding::utf16be};
            encoding = forced[way - 5];
        }
        std::istringstream bytes{std::string(file)};
        werkstatt::DecodingStreambuf decoded(bytes, encoding, "fuzz.csv");
        std::istream text(&decoded);
        text.exceptions(std::ios::badbit);
        read_all(text, delimiter, max_record);
        werkstatt::fuzz::require(decoded.bytes_consumed() <= file.size(),
                                 "no more bytes decoded than there are");
    });
    return 0;
}
