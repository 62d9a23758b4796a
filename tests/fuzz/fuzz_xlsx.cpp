// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the .xlsx reader (lib/io/xlsx_reader, lib/io/row_source): the zip read with
// minizip and the workbook's XML parts (workbook, relationships, shared texts, styles, the sheet)
// with expat, both loaded with dlopen() as werkstatt loads them, and every cell turned into text.
//
// The first byte of the input chooses how to read the rest, the workbook:
//   bit 0  --sheet "Tabelle1" asked for (a missing sheet path), else the first sheet;
//   bit 1  rows limited to 256 bytes, so that the "row is longer than" path runs;
//   bit 2  through open_rows() on a temporary file (the importers' path: chosen by content,
//          hashed), else XlsxSheetReader over the bytes in memory.
// Bad input is rejected with Error(bad_data), naming the sheet and cell where there is one; see
// fuzz_support.hpp for what counts as a bug. Besides crashes, the target checks that every cell
// is valid UTF-8, that a row has as many "was a number" marks as cells, and that no row is empty.
#include "core/error.hpp"
#include "core/text.hpp"
#include "fuzz_support.hpp"
#include "io/row_source.hpp"
#include "io/xlsx_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

void check_cells(const std::vector<std::string>& cells) {
    bool any = false;
    for (const auto& cell : cells) {
        werkstatt::fuzz::require(werkstatt::text::is_valid_utf8(cell), "every cell is UTF-8");
        any = any || !cell.empty();
    }
    werkstatt::fuzz::require(any, "a row read has a cell with text");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const unsigned mode = data[0];
    const std::string_view file(reinterpret_cast<const char*>(data + 1), size - 1);
    werkstatt::XlsxReadOptions options;
    if ((mode & 1u) != 0) {
        options.sheet = "Tabelle1";
    }
    options.max_record_bytes = (mode & 2u) != 0 ? 256 : std::size_t{1} << 20;

    werkstatt::fuzz::expect_errors_only([&] {
        if ((mode & 4u) != 0) {
            werkstatt::fuzz::write_scratch("xlsx", file);
            werkstatt::RowSourceOptions row_options;
            row_options.sheet = options.sheet;
            row_options.max_record_bytes = options.max_record_bytes;
            auto input = werkstatt::open_rows(werkstatt::fuzz::scratch_file("xlsx"), std::nullopt,
                                              row_options);
            werkstatt::CsvRecord record;
            std::size_t rows = 0;
            while (input.rows->next(record) && rows++ < 100000) {
                werkstatt::fuzz::require(!record.fields.empty(), "a record has a field");
                if (input.rows->sheet()) {
                    check_cells(record.fields);
                }
            }
            return;
        }
        werkstatt::XlsxSheetReader reader(file, "fuzz.xlsx", options);
        werkstatt::XlsxRow row;
        while (reader.next(row)) {
            werkstatt::fuzz::require(row.numbers.size() == row.cells.size(),
                                     "a mark per cell whether it was a number");
            werkstatt::fuzz::require(row.row >= 1, "rows are numbered from 1");
            check_cells(row.cells);
        }
    });
    return 0;
}
