// SPDX-License-Identifier: GPL-3.0-or-later
// Output of listings and single records as an aligned table, JSON, CSV or an Excel workbook.
#pragma once

#include "core/date.hpp"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace werkstatt {

// One cell: empty (null), integer, number, yes/no, text, or a calendar day (JSON and CSV write
// it as ISO "2026-11-25", a table in the UI language's way, an Excel file as a date).
using Value = std::variant<std::monostate, std::int64_t, double, bool, std::string, Date>;

// Return `v` as a Value, empty when `v` is empty.
template <typename T>
Value optional_value(const std::optional<T>& v) {
    if (!v) {
        return std::monostate{};
    }
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        return static_cast<std::int64_t>(*v);
    } else {
        return *v;
    }
}

// Return `s` as a Value, empty when `s` is the empty string.
Value text_or_null(std::string s);

// Return the stored day `iso` ("2026-11-25") as a Date cell, empty when `iso` is empty, and as
// text when it is not a day (a value stored before it was checked shows as it is).
Value day_or_text(std::string_view iso);
// Return `d` as a Date cell, empty when there is none.
Value day_value(const std::optional<Date>& d);

// A listing: named columns (the JSON field names) and rows of cells.
struct Records {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;
};

// One record shown in detail, with lists that belong to it (a company's contacts).
struct Detail {
    std::vector<std::pair<std::string, Value>> fields;
    std::vector<std::pair<std::string, Records>> children;
};

// How to print: a table for people, JSON or CSV for scripts, an Excel workbook (one sheet).
enum class Format { table, json, csv, xlsx };

// Parse `text` ("table", "json", "csv", "xlsx"), or nothing.
std::optional<Format> parse_format(std::string_view text);

// How CSV is written: RFC 4180 (`,`, CRLF, no byte order mark, a point in numbers), or as
// German Excel saves it and reads it on a double click (`;`, CRLF, UTF-8 with a byte order mark,
// a decimal comma in numbers that are not whole). The column names are the same in both.
enum class CsvDialect { rfc4180, excel_de };

// Parse `text` ("rfc4180", "excel-de"), or nothing.
std::optional<CsvDialect> parse_csv_dialect(std::string_view text);

// Whether a table may use colour (bold header); only on a terminal and without NO_COLOR.
enum class Color { no, yes };

// How a table column gives way when the table must fit a width (a terminal's).
struct ColumnFit {
    // 0: never left out; a higher number is left out earlier (the rightmost first among equals).
    // From k_low_value up a column is left out before any text is shortened; below it only when
    // shortening is not enough.
    int priority = 1;
    // Whether its text may be shortened, ending in "…".
    bool shrinkable = false;
    static constexpr int k_low_value = 5;
};

// Return how the column named `column` gives way.
using ColumnFitFn = ColumnFit (*)(std::string_view column);

// How to draw a table: colour, and the width in terminal columns to fit (none: as wide as the
// content, every column whole). `fit` names each column's priority; without it every column is
// kept and none is shortened. `csv` is the dialect of CSV output.
struct TableStyle {
    Color color = Color::no;
    std::optional<std::size_t> width;
    ColumnFitFn fit = nullptr;
    CsvDialect csv = CsvDialect::rfc4180;
};

// Write `records` to `out` in `format`. JSON is an array of objects with the column names as keys.
// XLSX is a workbook of one sheet (xlsx_workbook.hpp), made in a private temporary folder;
// a detail's fields are one row there, as in CSV.
// A table fits `style.width` if given: low-value columns are left out first, then long text is
// shortened with "…", then more columns are left out; JSON and CSV always hold everything.
void write_records(std::ostream& out, const Records& records, Format format,
                   const TableStyle& style);
// Write `records` as write_records does, the table as wide as its content.
inline void write_records(std::ostream& out, const Records& records, Format format, Color color) {
    write_records(out, records, format, TableStyle{color, std::nullopt, nullptr});
}

// Write `detail` to `out` in `format`. JSON is one object; children are arrays in it. CSV writes
// the fields as one row under a header and leaves children out. Children tables fit `style`.
void write_detail(std::ostream& out, const Detail& detail, Format format, const TableStyle& style);
// Write `detail` as write_detail does, tables as wide as their content.
inline void write_detail(std::ostream& out, const Detail& detail, Format format, Color color) {
    write_detail(out, detail, format, TableStyle{color, std::nullopt, nullptr});
}

// Writes a listing row by row, for listings too long to hold: CSV and JSON rows go out as they
// come (the same bytes write_records would write), a table and XLSX when `finish` is called.
class RecordStream {
  public:
    RecordStream(std::ostream& out, std::vector<std::string> columns, Format format,
                 TableStyle style);
    // Write (or, for a table and XLSX, keep) one row.
    void row(std::vector<Value> cells);
    // Write what is still due (the table, the end of the JSON array, the workbook).
    void finish();

  private:
    std::ostream& m_out;
    Records m_table;
    Format m_format;
    TableStyle m_style;
    std::size_t m_rows = 0;
};

// Return `records` with only the columns named in `names`, in that order (unknown names are
// left out).
Records select_columns(const Records& records, const std::vector<std::string>& names);

// Return `v` as text the way a table shows it ("" for empty, yes/no, numbers as written).
std::string display_text(const Value& v);

} // namespace werkstatt
