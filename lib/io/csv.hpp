// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// How to read a CSV file.
struct CsvReadOptions {
    char delimiter = '\0';                   // '\0': detect ';', ',' or tab from the first line
    std::size_t max_record_bytes = 1u << 20; // a longer record is an error, not a memory hog
};

// One record of a CSV file and the line it starts on (1-based).
struct CsvRecord {
    std::vector<std::string> fields;
    std::size_t line = 0;
    // Why the record cannot be trusted though it was read ("a stray quote ..."), "" if it can,
    // and the 1-based number of the field it concerns: an importer rejects this row, not the
    // file, and names the field's column.
    std::string problem;
    std::size_t problem_field = 0;
};

// Reads RFC 4180 CSV from a UTF-8 stream, one record at a time: quoted fields with delimiters,
// doubled quotes and line breaks inside, CRLF or LF, a leading UTF-8 byte order mark skipped.
class CsvReader {
  public:
    // Read from `in`; `source` names the input in error messages ("agency.csv").
    CsvReader(std::istream& in, std::string source, CsvReadOptions options = {});

    // Read the next record into `record`; return false at the end of input. A quote inside an
    // unquoted field, or text after a closing quote, is kept as text and noted in
    // record.problem; the next record starts after the line as usual. Throw Error(bad_data)
    // naming source and line on a quoted field that is never closed or an oversized record.
    bool next(CsvRecord& record);

    // Return the delimiter in use (detected once the first record is read).
    char delimiter() const { return m_delimiter; }

    // Return how many bytes have been consumed so far.
    std::size_t bytes_read() const { return m_consumed; }

  private:
    bool fill();
    int peek();
    void detect_delimiter();

    std::istream& m_in;
    std::string m_source;
    CsvReadOptions m_options;
    char m_delimiter;
    std::string m_buffer;
    std::size_t m_pos = 0;
    std::size_t m_consumed = 0;
    std::size_t m_line = 1;
    bool m_started = false;
};

// Writes RFC 4180 CSV: fields quoted where needed, CRLF line ends as Excel expects.
class CsvWriter {
  public:
    // Write to `out` with `delimiter`.
    explicit CsvWriter(std::ostream& out, char delimiter = ',') : m_out(out), m_delim(delimiter) {}

    // Write one record of `fields`. Text that a spreadsheet would run as a formula (starting with
    // = + - @ or a control character) is prefixed with an apostrophe so that it stays text.
    void write_row(const std::vector<std::string>& fields);

    // How write_row treats a field: text is guarded against formulas as above; a number the
    // program wrote itself ("-1.5") is written as it is, so that a spreadsheet reads a number.
    enum class Field { text, number };
    // Write one record of `fields`, field i treated as `kinds[i]` (text where `kinds` ends).
    void write_row(const std::vector<std::string>& fields, const std::vector<Field>& kinds);

  private:
    std::ostream& m_out;
    char m_delim;
};

// Return `field` made safe for a spreadsheet: an apostrophe before text that starts, after any
// apostrophes, with = + - @ tab or CR.
std::string neutralise_formula(std::string_view field);

// Undo `neutralise_formula`: drop one leading apostrophe where neutralise_formula added it.
std::string restore_formula(std::string_view field);

} // namespace werkstatt
