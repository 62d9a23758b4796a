// SPDX-License-Identifier: GPL-3.0-or-later
// The rows every import reads, whatever the file: a CSV file's records or the rows of one sheet
// of an Excel workbook (.xlsx), as fields of text. Which one is decided by the file's content (a
// zip file, "PK\3\4", is a workbook), not by its name; what comes after the reader (header
// binding, the field normalisers) sees the same rows either way.
#pragma once

#include "io/csv.hpp"
#include "io/input_file.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace werkstatt {

// How to read the rows.
struct RowSourceOptions {
    char delimiter = '\0';                   // CSV: '\0' detects ';', ',' or tab
    std::size_t max_record_bytes = 1u << 20; // a longer record or row is an error
    std::optional<std::string> sheet;        // .xlsx: the sheet's name (--sheet); the first if none
    std::string true_text = "true";          // .xlsx: the text of a TRUE / FALSE cell
    std::string false_text = "false";
};

// Rows of text fields, each with where it is for messages.
class RowSource {
  public:
    virtual ~RowSource() = default;

    // Read the next row into `record` (fields, and in `line` the CSV line or the sheet's row
    // number); return false after the last. Throw Error(bad_data) naming the place (the line,
    // or the sheet and cell: "Tabelle1!D17") for input that cannot be read.
    virtual bool next(CsvRecord& record) = 0;

    // Return what to put before ":<line>" in a message about a row: "agency.csv", or for a
    // sheet "agency.xlsx, Tabelle1" (its rows are numbered as in the sheet).
    virtual const std::string& where() const = 0;

    // Return the CSV delimiter in use (after the first record), ',' for a sheet.
    virtual char delimiter() const = 0;

    // Return how many bytes of the file have been read so far; for a sheet, the share of the
    // sheet read times the file's size `file_bytes` (its rows unpack as they are read).
    virtual std::size_t bytes_read(std::uint64_t file_bytes) const = 0;

    // Return whether field `index` (from 0) of the last row read held a number in a sheet (not
    // a date, not text): its leading zeros are lost ("06844" stored as 6844). False for CSV.
    virtual bool was_number(std::size_t index) const = 0;

    // Return the name of the sheet read, or nothing for a CSV file.
    virtual std::optional<std::string> sheet() const = 0;
};

// Return the rows of the CSV text `in` (UTF-8), named `name` in messages.
std::unique_ptr<RowSource> csv_row_source(std::istream& in, const std::string& name,
                                          const RowSourceOptions& options = {});

// An import's input opened as rows: the file (its name, SHA-256 of its bytes, its decoded text
// for CSV) and the rows read from it.
struct RowInput {
    InputFile file;
    std::unique_ptr<RowSource> rows;
};

// Open `path` (a file, "-" for standard input) as open_input does, and read it as a workbook if
// it is a zip file, else as CSV in encoding `forced` or the one detected. Throw what open_input
// and XlsxSheetReader throw, Error(bad_data) for a file named .xlsx or .xlsm that is no zip file,
// and Error(usage) for options.sheet with a CSV file.
RowInput open_rows(const std::string& path, std::optional<Encoding> forced,
                   const RowSourceOptions& options = {});

} // namespace werkstatt
