// SPDX-License-Identifier: GPL-3.0-or-later
// Reading one sheet of an Excel workbook (.xlsx, Office Open XML) as rows of text, the text a
// person would have typed into the cells: the zip is read with minizip, the XML with expat, both
// loaded on first use (zip_library.hpp, expat_library.hpp). A damaged workbook is one
// Error(bad_data) naming the sheet and cell ("Tabelle1!D17") and what to do.
#pragma once

#include "core/date.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// The most bytes a workbook's parts may unpack to, all parts together: 256 MiB. A zip bomb (a
// few KiB that inflate to gigabytes) stops there instead of filling memory; a real import (an
// agency's file of 50,000 people with 40 columns unpacks to about 60 MiB) stays well below.
inline constexpr std::uint64_t xlsx_max_unpacked_bytes = std::uint64_t{256} << 20;
// The largest .xlsx file read (it is read into memory whole): 64 MiB.
inline constexpr std::uint64_t xlsx_max_file_bytes = std::uint64_t{64} << 20;

// Return whether `head` (the first bytes of a file) starts like a zip file: "PK\3\4".
bool looks_like_zip(std::string_view head);

// Return the day of Excel serial day number `serial` (the whole days of a date-time), or nothing
// if it is no day: in the 1900 system (`date1904` false) 1 is 1900-01-01 and 59 1900-02-28; 60
// is 29.02.1900, a day Excel counts that never was; from 61 on (1900-03-01) the serial is one
// more than the days since 1899-12-31. In the 1904 system 0 is 1904-01-01. Serials before the
// first day or after 9999-12-31 are nothing.
std::optional<Date> excel_serial_date(std::int64_t serial, bool date1904);

// Return whether a cell with number format `id` and, for a custom format (id 164 and up), its
// format code `code` shows a date: the built-in formats 14 to 22 and 27 to 36, 50 to 58 (the
// East Asian dates), and codes with d, m or y outside quotes, brackets and escapes, except those
// with h or s but no d or y (a time, where "m" means minutes).
bool xlsx_date_format(int id, std::string_view code);

// Return whether format `id` / `code` (a date format) shows a time of day as well.
bool xlsx_format_has_time(int id, std::string_view code);

// Return the text a person would have typed for the number `value` as stored ("6844", "1.5",
// "1.0000000000000002E-3"): integers without ".0", other numbers as the shortest decimal that
// reads back as the same double. Nothing if `value` is not a number.
std::optional<std::string> xlsx_number_text(std::string_view value);

// Return the text of the date-time `value` (an Excel serial day, the time of day as its
// fraction): "2026-11-25", with the time "2026-11-25 14:30" (seconds when there are some) if
// `with_time`. Nothing if it is no day (see excel_serial_date).
std::optional<std::string> xlsx_date_text(double value, bool date1904, bool with_time);

// Return the cell reference of 1-based `column` and `row`: "D17".
std::string xlsx_cell_ref(std::size_t column, std::size_t row);

// How to read a sheet.
struct XlsxReadOptions {
    std::optional<std::string> sheet; // the sheet's name; the first sheet if none
    std::string true_text = "true";   // the text of a TRUE cell (WAHR in German Excel)
    std::string false_text = "false";
    std::size_t max_record_bytes = 1u << 20; // a longer row is an error, not a memory hog
};

// One row of a sheet: its cells' texts from column A to the last it fills (at least to the
// width of the first row read, so that a row with empty cells at its end has every column),
// and its row number in the sheet.
struct XlsxRow {
    std::vector<std::string> cells;
    std::vector<bool> numbers; // per cell: it held a number (not a date, not text)
    std::size_t row = 0;
};

// Reads the rows of one sheet of a workbook held in memory, a bounded number of rows at a time
// (the sheet's XML is unpacked and parsed as the rows are asked for).
class XlsxSheetReader {
  public:
    // Open the workbook `bytes` (the whole .xlsx file; kept by the caller while the reader lives)
    // and find its sheet; `source` names the file in messages. Throw Error(bad_data) for a file
    // that is no zip, a zip without a workbook, a sheet that does not exist (naming those that
    // do), damaged XML or parts bigger than xlsx_max_unpacked_bytes; Error(config) if minizip or
    // expat cannot be loaded.
    XlsxSheetReader(std::string_view bytes, std::string source, XlsxReadOptions options = {});
    ~XlsxSheetReader();
    XlsxSheetReader(const XlsxSheetReader&) = delete;
    XlsxSheetReader& operator=(const XlsxSheetReader&) = delete;

    // Read the next row that has a cell with text into `row`; return false after the last.
    // Empty rows are skipped. Throw Error(bad_data) naming the cell ("Tabelle1!D17") for a
    // formula without a saved value, an error value (#DIV/0!), a date out of range, a shared
    // text that does not exist, or a row longer than options.max_record_bytes.
    bool next(XlsxRow& row);

    // Return the name of the sheet being read ("Tabelle1").
    const std::string& sheet_name() const;
    // Return the names of the workbook's sheets, in their order.
    const std::vector<std::string>& sheet_names() const;
    // Return how much of the sheet has been read, from 0 to 1, for a progress display.
    double share_read() const;
    // Return whether the workbook counts days in the 1904 system.
    bool date1904() const;

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace werkstatt
