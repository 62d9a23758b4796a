// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/xlsx_workbook.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <utility>

namespace werkstatt {

namespace {

constexpr double k_xlsx_min_width = 6;
constexpr double k_xlsx_max_width = 50;
constexpr std::size_t k_xlsx_max_text = 32767; // Excel's limit of a cell, in characters

// Return the number of characters (code points) of UTF-8 `text`.
std::size_t utf8_length(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Return the first `n` characters of UTF-8 `text`.
std::string_view utf8_prefix(std::string_view text, std::size_t n) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == n) {
            return text.substr(0, i);
        }
    }
    return text;
}

} // namespace

XlsxWorkbook::XlsxWorkbook(const std::filesystem::path& file, const std::filesystem::path& target,
                           Language lang)
    : m_target(target), m_lang(lang), m_book(xlsx_library().workbook_new(file.c_str())) {
    const auto& x = xlsx_library();
    if (m_book == nullptr) {
        throw_error("cannot start the workbook");
    }
    bold = x.workbook_add_format(m_book);
    x.format_set_bold(bold);
    title = x.workbook_add_format(m_book);
    x.format_set_bold(title);
    x.format_set_font_size(title, 14);
    header = x.workbook_add_format(m_book);
    x.format_set_bold(header);
    x.format_set_text_wrap(header);
    x.format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    x.format_set_bottom(header, LXW_BORDER_THIN);
    wrap = x.workbook_add_format(m_book);
    x.format_set_text_wrap(wrap);
    x.format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    marker = x.workbook_add_format(m_book);
    x.format_set_align(marker, LXW_ALIGN_RIGHT);
    absent = x.workbook_add_format(m_book);
    x.format_set_italic(absent);
    x.format_set_align(absent, LXW_ALIGN_RIGHT);
    date = x.workbook_add_format(m_book);
    x.format_set_num_format(date, lang == Language::de ? "dd.mm.yyyy" : "yyyy-mm-dd");
}

XlsxWorkbook::~XlsxWorkbook() {
    if (m_book != nullptr) {
        xlsx_library().workbook_close(m_book); // after an error: the caller removes the file
    }
}

lxw_format* XlsxWorkbook::number(int decimals) {
    decimals = std::clamp(decimals, 0, 15);
    auto& format = m_numbers[decimals];
    if (format == nullptr) {
        format = xlsx_library().workbook_add_format(m_book);
        xlsx_library().format_set_num_format(
            format,
            (decimals == 0 ? std::string("#,##0")
                           : "#,##0." + std::string(static_cast<std::size_t>(decimals), '0'))
                .c_str());
    }
    return format;
}

lxw_worksheet* XlsxWorkbook::add_sheet(const std::string& name) {
    auto* sheet = xlsx_library().workbook_add_worksheet(m_book, name.c_str());
    if (sheet == nullptr) {
        throw_error(fmt::format("cannot add the sheet '{}'", name));
    }
    return sheet;
}

void XlsxWorkbook::set_properties(const std::string& title_text, const std::string& company,
                                  std::time_t created) {
    lxw_doc_properties properties{};
    properties.title = const_cast<char*>(title_text.c_str());
    properties.company = const_cast<char*>(company.c_str());
    properties.author = const_cast<char*>("werkstatt");
    properties.created = created;
    check(xlsx_library().workbook_set_properties(m_book, &properties), "cannot set the properties");
}

void XlsxWorkbook::close() {
    auto* book = std::exchange(m_book, nullptr);
    check(xlsx_library().workbook_close(book), "cannot write the workbook");
}

void XlsxWorkbook::check(lxw_error err, std::string_view what) const {
    if (err != LXW_NO_ERROR) {
        throw_error(fmt::format("{} ({})", what, xlsx_library().lxw_strerror(err)));
    }
}

void XlsxWorkbook::throw_error(const std::string& what) const {
    throw Error(ErrorKind::output, _f("cannot write {}: {}; check the folder, its "
                                      "permissions and the free space",
                                      m_target.string(), what));
}

void XlsxSheet::text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format) {
    const std::string cut(utf8_prefix(value, k_xlsx_max_text));
    m_book.check(xlsx_library().worksheet_write_string(m_sheet, row, col, cut.c_str(), format),
                 "cannot write a text cell");
    measure(col, utf8_length(cut));
}

void XlsxSheet::number(lxw_row_t row, lxw_col_t col, double value, const std::string& shown,
                       lxw_format* format) {
    m_book.check(xlsx_library().worksheet_write_number(m_sheet, row, col, value, format),
                 "cannot write a number cell");
    measure(col, utf8_length(shown));
}

void XlsxSheet::day(lxw_row_t row, lxw_col_t col, const Date& value) {
    if (value.year() < 1900) { // Excel has no dates before 1900
        text(row, col, format_date(value, m_book.lang()), nullptr);
        return;
    }
    lxw_datetime when{value.year(), value.month(), value.day(), 0, 0, 0};
    m_book.check(xlsx_library().worksheet_write_datetime(m_sheet, row, col, &when, m_book.date),
                 "cannot write a date cell");
    measure(col, 10);
}

void XlsxSheet::boolean(lxw_row_t row, lxw_col_t col, bool value) {
    m_book.check(xlsx_library().worksheet_write_boolean(m_sheet, row, col, value ? 1 : 0, nullptr),
                 "cannot write a yes/no cell");
    measure(col, 6); // FALSCH
}

void XlsxSheet::set_widths(const std::map<lxw_col_t, double>& fixed) {
    for (const auto& [col, chars] : m_widths) {
        const auto it = fixed.find(col);
        const double width = it != fixed.end() ? it->second
                                               : std::clamp(static_cast<double>(chars) + 2,
                                                            k_xlsx_min_width, k_xlsx_max_width);
        m_book.check(xlsx_library().worksheet_set_column(m_sheet, col, col, width, nullptr),
                     "cannot set a column width");
    }
}

void XlsxSheet::measure(lxw_col_t col, std::size_t chars) {
    auto& width = m_widths[col];
    width = std::max(width, chars);
}

void write_records_workbook(const Records& records, const std::filesystem::path& file,
                            const std::filesystem::path& target, Language lang,
                            const std::string& sheet_name) {
    XlsxWorkbook book(file, target, lang);
    // A fixed creation time, so the same listing gives the same bytes: 1980-01-01, the time of
    // the zip entries. (libxlsxwriter takes 0 for "now".)
    constexpr std::time_t k_listing_created = 315532800;
    book.set_properties(sheet_name, "", k_listing_created);
    XlsxSheet sheet(book, book.add_sheet(sheet_name));
    for (std::size_t c = 0; c < records.columns.size(); ++c) {
        sheet.text(0, static_cast<lxw_col_t>(c), records.columns[c], book.header);
    }
    xlsx_library().worksheet_freeze_panes(sheet.get(), 1, 0);
    lxw_row_t row = 1;
    for (const auto& cells : records.rows) {
        for (std::size_t c = 0; c < cells.size() && c < records.columns.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            std::visit(
                [&](const auto& v) {
                    using T = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<T, std::monostate>) {
                        return; // an empty cell
                    } else if constexpr (std::is_same_v<T, std::int64_t>) {
                        sheet.number(row, col, static_cast<double>(v), fmt::format("{}", v),
                                     nullptr);
                    } else if constexpr (std::is_same_v<T, double>) {
                        if (std::isfinite(v)) {
                            sheet.number(row, col, v, fmt::format("{}", v), nullptr);
                        }
                    } else if constexpr (std::is_same_v<T, bool>) {
                        sheet.boolean(row, col, v);
                    } else if constexpr (std::is_same_v<T, Date>) {
                        sheet.day(row, col, v);
                    } else {
                        sheet.text(row, col, v, nullptr);
                    }
                },
                cells[c]);
        }
        ++row;
    }
    sheet.set_widths();
    book.close();
}

void copy_workbook_to(std::ostream& out,
                      const std::function<void(const std::filesystem::path&)>& fill) {
    const char* tmp = std::getenv("TMPDIR");
    std::string folder_template =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/werkstatt-xlsx-XXXXXX";
    if (::mkdtemp(folder_template.data()) == nullptr) {
        throw Error(ErrorKind::output,
                    _f("cannot make a temporary folder for the workbook in {} ({}); set "
                       "TMPDIR to a folder you may write, or use --output",
                       folder_template.substr(0, folder_template.rfind('/')),
                       std::strerror(errno)));
    }
    const std::filesystem::path folder = folder_template;
    const auto file = folder / "listing.xlsx";
    const auto remove = [&] {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
    };
    try {
        fill(file);
        std::ifstream in(file, std::ios::binary);
        out << in.rdbuf();
    } catch (...) {
        remove();
        throw;
    }
    remove();
}

} // namespace werkstatt
