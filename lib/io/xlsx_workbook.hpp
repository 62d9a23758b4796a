// SPDX-License-Identifier: GPL-3.0-or-later
// Writing an XLSX workbook with libxlsxwriter (loaded by xlsx_library.hpp): the workbook with
// the formats every sheet shares, a sheet that keeps the widest text of each column for its
// width, and one listing (Records) as a workbook of one sheet. The reports' renderer
// (report/render_xlsx.cpp) and the listings of every command write through these.
#pragma once

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "io/records.hpp"
#include "io/xlsx_library.hpp"

#include <cstddef>
#include <ctime>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

namespace werkstatt {

// The workbook being written, its shared formats, and the target's path for messages.
class XlsxWorkbook {
  public:
    // Start a workbook in the file `file` (a temporary), for the target `target`; dates are
    // shown the way of `lang` (DD.MM.YYYY in German, YYYY-MM-DD in English). Throw
    // Error(config) when libxlsxwriter is missing, Error(output) when the workbook cannot start.
    XlsxWorkbook(const std::filesystem::path& file, const std::filesystem::path& target,
                 Language lang);
    ~XlsxWorkbook();
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    // Return the format of a number with `decimals` digits after the separator and grouping.
    lxw_format* number(int decimals);
    // Add the sheet `name` (valid and unique already); throw Error(output).
    lxw_worksheet* add_sheet(const std::string& name);
    // Stamp the workbook with `title`, `company`, werkstatt as author and `created` as the time
    // it was made (a fixed time gives the same bytes for the same data; 0 means now).
    void set_properties(const std::string& title, const std::string& company, std::time_t created);
    // Write the workbook to its file; throw Error(output) if that fails.
    void close();
    // Throw Error(output) when `err` is an error, saying `what` failed and why.
    void check(lxw_error err, std::string_view what) const;

    Language lang() const { return m_lang; }

    lxw_format* bold = nullptr;
    lxw_format* title = nullptr;
    lxw_format* header = nullptr;
    lxw_format* wrap = nullptr;
    lxw_format* marker = nullptr;
    lxw_format* absent = nullptr;
    lxw_format* date = nullptr;

  private:
    [[noreturn]] void throw_error(const std::string& what) const;

    std::filesystem::path m_target;
    Language m_lang;
    lxw_workbook* m_book;
    std::map<int, lxw_format*> m_numbers;
};

// Writes cells to one sheet and keeps the widest text of each column for its width.
class XlsxSheet {
  public:
    XlsxSheet(XlsxWorkbook& book, lxw_worksheet* sheet) : m_book(book), m_sheet(sheet) {}

    // Write the text `value` (cut to Excel's 32767 characters) with `format` (may be null).
    void text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format);
    // Write the number `value`, shown as `shown` (for the column's width), with `format`.
    void number(lxw_row_t row, lxw_col_t col, double value, const std::string& shown,
                lxw_format* format);
    // Write `value` as an Excel date (before 1900, which Excel has not: as text).
    void day(lxw_row_t row, lxw_col_t col, const Date& value);
    // Write `value` as an Excel boolean (shown TRUE/FALSE, WAHR/FALSCH in German Excel).
    void boolean(lxw_row_t row, lxw_col_t col, bool value);
    // Give every column the width of its widest text within limits; `fixed` names columns with
    // a width of their own.
    void set_widths(const std::map<lxw_col_t, double>& fixed = {});
    lxw_worksheet* get() { return m_sheet; }

  private:
    void measure(lxw_col_t col, std::size_t chars);

    XlsxWorkbook& m_book;
    lxw_worksheet* m_sheet;
    std::map<lxw_col_t, std::size_t> m_widths;
};

// Write `records` as a workbook of one sheet named `sheet_name` to the file `file` (a
// temporary of the target `target`, named in messages): the column names as a bold, frozen
// header row, integers and numbers as numbers, yes/no as booleans, days as dates shown the
// way of `lang`, text as text (never a formula), every column as wide as its content (within
// limits). Throw Error(config) without libxlsxwriter, Error(output) when it cannot be written.
void write_records_workbook(const Records& records, const std::filesystem::path& file,
                            const std::filesystem::path& target, Language lang,
                            const std::string& sheet_name);

// Write the workbook that `fill` writes to a file to `out`: `fill` gets a path inside a fresh
// private folder (mode 0700) of the temporary directory, which is removed afterwards.
void copy_workbook_to(std::ostream& out,
                      const std::function<void(const std::filesystem::path&)>& fill);

} // namespace werkstatt
