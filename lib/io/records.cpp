// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/records.hpp"

#include "io/column_headings.hpp"

#include "core/i18n.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/json_value.hpp"
#include "io/xlsx_workbook.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace werkstatt {

namespace {

using Json = nlohmann::ordered_json;

Json to_json(const Value& v) {
    return json_value(v);
}

Json records_json(const Records& records) {
    Json array = Json::array();
    for (const auto& row : records.rows) {
        Json object = Json::object();
        for (std::size_t i = 0; i < records.columns.size() && i < row.size(); ++i) {
            object[records.columns[i]] = to_json(row[i]);
        }
        array.push_back(std::move(object));
    }
    return array;
}

// CSV keeps machine forms: true/false, numbers unformatted, days as ISO 8601; in the German
// Excel dialect a number that is not whole has a decimal comma.
std::string csv_text(const Value& v, CsvDialect dialect) {
    if (const auto* b = std::get_if<bool>(&v)) {
        return *b ? "true" : "false";
    }
    if (const auto* d = std::get_if<Date>(&v)) {
        return d->iso();
    }
    auto text = display_text(v);
    if (dialect == CsvDialect::excel_de && std::holds_alternative<double>(v)) {
        std::replace(text.begin(), text.end(), '.', ',');
    }
    return text;
}

bool is_numeric(const Value& v) {
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v);
}

// A number is written as it is: a negative one is no formula (-34 stays -34, not '-34).
CsvWriter::Field csv_kind(const Value& v) {
    return is_numeric(v) ? CsvWriter::Field::number : CsvWriter::Field::text;
}

// The byte order mark German Excel needs to read UTF-8.
constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// Write the start of a CSV file of `dialect` (the byte order mark) and the header `columns`.
void write_csv_header(std::ostream& out, const std::vector<std::string>& columns,
                      CsvDialect dialect) {
    if (dialect == CsvDialect::excel_de) {
        out << k_utf8_bom;
    }
    CsvWriter(out, dialect == CsvDialect::excel_de ? ';' : ',').write_row(columns);
}

// Write one row of `cells` as CSV of `dialect`.
void write_csv_row(std::ostream& out, const std::vector<Value>& cells, CsvDialect dialect) {
    std::vector<std::string> fields;
    std::vector<CsvWriter::Field> kinds;
    fields.reserve(cells.size());
    kinds.reserve(cells.size());
    for (const auto& v : cells) {
        fields.push_back(csv_text(v, dialect));
        kinds.push_back(csv_kind(v));
    }
    CsvWriter(out, dialect == CsvDialect::excel_de ? ';' : ',').write_row(fields, kinds);
}

// The name of the one sheet of a listing's workbook.
constexpr const char* k_listing_sheet = "werkstatt";

// Write `records` as a workbook to `out` (through a private temporary file).
void write_xlsx_stream(std::ostream& out, const Records& records) {
    copy_workbook_to(out, [&](const std::filesystem::path& file) {
        write_records_workbook(records, file, "standard output", ui_language(), k_listing_sheet);
    });
}

// Return the fields of `detail` as one row under a header (children left out).
Records detail_row(const Detail& detail) {
    Records one;
    one.rows.emplace_back();
    for (const auto& [name, value] : detail.fields) {
        one.columns.push_back(name);
        one.rows.back().push_back(value);
    }
    return one;
}

// Return a number that is not whole the way the UI language writes it: 1.234,5 in German,
// 1,234.5 in English, all its digits (as display_text gives them) kept.
std::string human_number(double x) {
    std::string s = fmt::format("{}", x);
    if (s.find_first_of("eEn") != std::string::npos) {
        return s; // 1e+20, nan, inf: as they are
    }
    const bool german = ui_language() == Language::de;
    const auto point = s.find('.');
    std::string whole = s.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : s.substr(point + 1);
    const bool negative = !whole.empty() && whole.front() == '-';
    std::string digits = negative ? whole.substr(1) : whole;
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            grouped += german ? '.' : ',';
        }
        grouped += digits[i];
    }
    return (negative ? "-" : "") + grouped +
           (fraction.empty() ? "" : (german ? "," : ".") + fraction);
}

// Return `v` as a person reads it in the UI language: yes/no and numbers that are not whole
// in its words and way, days as display_text writes them.
std::string human_text(const Value& v) {
    if (const auto* b = std::get_if<bool>(&v)) {
        return *b ? _("yes") : _("no");
    }
    if (const auto* x = std::get_if<double>(&v)) {
        return human_number(*x);
    }
    return display_text(v);
}

// How many characters of a value a table or a record's view shows (JSON and CSV give it whole).
constexpr std::size_t k_cell_chars = 1000;

// Return `v` as a table or a record's view shows it: on one line (line breaks and tabs as
// blanks), control, bidi and invisible characters escaped, long text cut with its length.
std::string cell_text(const Value& v) {
    std::string s = human_text(v);
    for (char& c : s) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    return text::display_safe(s, k_cell_chars);
}

std::string pad(const std::string& s, std::size_t width, bool right) {
    const auto w = text::display_width(s);
    const std::string fill(width > w ? width - w : 0, ' ');
    return right ? fill + s : s + fill;
}

// Which columns a table shows and how wide each is.
struct Layout {
    std::vector<bool> shown;
    std::vector<std::size_t> widths;
};

// Return the widths of the shown columns with the gaps between them.
std::size_t total_width(const Layout& l) {
    std::size_t total = 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < l.widths.size(); ++i) {
        if (l.shown[i]) {
            total += l.widths[i];
            ++count;
        }
    }
    return total + (count > 0 ? 2 * (count - 1) : 0);
}

// Return the narrowest a column may become: its header, and at least 12 columns of its text.
std::size_t floor_width(std::size_t natural, std::size_t header) {
    return std::max(header, std::min<std::size_t>(natural, 12));
}

// Leave out the shown column with the highest priority number of at least `from` (the rightmost
// among equals); return false if there is none.
bool drop_one(Layout& l, const std::vector<ColumnFit>& fits, int from) {
    std::optional<std::size_t> victim;
    for (std::size_t i = 0; i < fits.size(); ++i) {
        if (l.shown[i] && fits[i].priority >= from &&
            (!victim || fits[i].priority >= fits[*victim].priority)) {
            victim = i;
        }
    }
    if (!victim) {
        return false;
    }
    l.shown[*victim] = false;
    return true;
}

// Return the layout of a table with columns of `natural` and `header` widths that fits `width`:
// low-value columns are left out until it fits; if it still does not, shrinkable columns give up
// their widest parts down to their floors, and while even that is not enough, further columns
// (the least valued first) are left out. Columns of priority 0 always stay.
Layout fit_layout(const std::vector<std::size_t>& natural, const std::vector<std::size_t>& header,
                  const std::vector<ColumnFit>& fits, std::size_t width) {
    Layout l{std::vector<bool>(natural.size(), true), natural};
    while (total_width(l) > width && drop_one(l, fits, ColumnFit::k_low_value)) {
    }
    const auto at_floors = [&] {
        Layout f = l;
        for (std::size_t i = 0; i < f.widths.size(); ++i) {
            if (fits[i].shrinkable) {
                f.widths[i] = floor_width(natural[i], header[i]);
            }
        }
        return total_width(f);
    };
    while (at_floors() > width && drop_one(l, fits, 1)) {
    }
    // Take one column at a time from the widest shrinkable column until the table fits.
    for (auto total = total_width(l); total > width; --total) {
        std::optional<std::size_t> widest;
        for (std::size_t i = 0; i < fits.size(); ++i) {
            if (l.shown[i] && fits[i].shrinkable &&
                l.widths[i] > floor_width(natural[i], header[i]) &&
                (!widest || l.widths[i] > l.widths[*widest])) {
                widest = i;
            }
        }
        if (!widest) {
            break; // as narrow as it gets: longer lines than the terminal, nothing hidden
        }
        --l.widths[*widest];
    }
    return l;
}

void write_table(std::ostream& out, const Records& records, const TableStyle& style) {
    const auto n = records.columns.size();
    std::vector<std::size_t> widths(n, 0);
    std::vector<std::size_t> header_widths(n, 0);
    std::vector<bool> right(n, true);
    std::vector<std::vector<std::string>> cells;
    for (std::size_t i = 0; i < n; ++i) {
        header_widths[i] = widths[i] = text::display_width(column_heading(records.columns[i]));
    }
    for (const auto& row : records.rows) {
        auto& line = cells.emplace_back();
        for (std::size_t i = 0; i < n; ++i) {
            const Value& v = i < row.size() ? row[i] : Value{};
            std::string s = cell_text(v);
            widths[i] = std::max(widths[i], text::display_width(s));
            if (!is_numeric(v) && !std::holds_alternative<std::monostate>(v)) {
                right[i] = false;
            }
            line.push_back(std::move(s));
        }
    }
    Layout layout{std::vector<bool>(n, true), widths};
    if (style.width && style.fit != nullptr) {
        std::vector<ColumnFit> fits;
        for (const auto& c : records.columns) {
            fits.push_back(style.fit(c));
        }
        layout = fit_layout(widths, header_widths, fits, *style.width);
    }
    std::size_t last_shown = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (layout.shown[i]) {
            last_shown = i;
        }
    }
    const auto emit = [&](const std::vector<std::string>& line, bool header) {
        std::string text;
        for (std::size_t i = 0; i < n; ++i) {
            if (!layout.shown[i]) {
                continue;
            }
            const bool last = i == last_shown;
            const auto w = layout.widths[i];
            std::string cell =
                text::display_width(line[i]) > w ? text::cut_to_width(line[i], w) : line[i];
            text += last && !right[i] ? cell : pad(cell, w, right[i]);
            if (!last) {
                text += "  ";
            }
        }
        while (!text.empty() && text.back() == ' ') {
            text.pop_back();
        }
        if (header && style.color == Color::yes) {
            text = "\x1b[1m" + text + "\x1b[0m";
        }
        out << text << '\n';
    };
    std::vector<std::string> header;
    for (const auto& c : records.columns) {
        header.push_back(column_heading(c));
    }
    emit(header, true);
    for (const auto& line : cells) {
        emit(line, false);
    }
}

} // namespace

Value text_or_null(std::string s) {
    if (s.empty()) {
        return std::monostate{};
    }
    return s;
}

Value day_or_text(std::string_view iso) {
    if (iso.empty()) {
        return std::monostate{};
    }
    if (const auto d = Date::parse_iso(iso)) {
        return *d;
    }
    return std::string(iso);
}

Value day_value(const std::optional<Date>& d) {
    if (!d) {
        return std::monostate{};
    }
    return *d;
}

std::optional<CsvDialect> parse_csv_dialect(std::string_view text) {
    if (text == "rfc4180") {
        return CsvDialect::rfc4180;
    }
    if (text == "excel-de") {
        return CsvDialect::excel_de;
    }
    return std::nullopt;
}

Records select_columns(const Records& records, const std::vector<std::string>& names) {
    std::vector<std::size_t> keep;
    Records out;
    for (const auto& name : names) {
        const auto it = std::find(records.columns.begin(), records.columns.end(), name);
        if (it != records.columns.end()) {
            keep.push_back(static_cast<std::size_t>(it - records.columns.begin()));
            out.columns.push_back(name);
        }
    }
    for (const auto& row : records.rows) {
        auto& line = out.rows.emplace_back();
        for (const auto i : keep) {
            line.push_back(i < row.size() ? row[i] : Value{});
        }
    }
    return out;
}

std::optional<Format> parse_format(std::string_view text) {
    if (text == "table") {
        return Format::table;
    }
    if (text == "json") {
        return Format::json;
    }
    if (text == "csv") {
        return Format::csv;
    }
    if (text == "xlsx") {
        return Format::xlsx;
    }
    return std::nullopt;
}

std::string display_text(const Value& v) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return "";
            } else if constexpr (std::is_same_v<T, bool>) {
                return x ? "yes" : "no";
            } else if constexpr (std::is_same_v<T, std::string>) {
                return x;
            } else if constexpr (std::is_same_v<T, Date>) {
                return format_date(x, ui_language());
            } else {
                return fmt::format("{}", x);
            }
        },
        v);
}

void write_records(std::ostream& out, const Records& records, Format format,
                   const TableStyle& style) {
    switch (format) {
    case Format::json:
        out << records_json(records).dump(2) << '\n';
        return;
    case Format::csv:
        write_csv_header(out, records.columns, style.csv);
        for (const auto& row : records.rows) {
            write_csv_row(out, row, style.csv);
        }
        return;
    case Format::table:
        write_table(out, records, style);
        return;
    case Format::xlsx:
        write_xlsx_stream(out, records);
        return;
    }
}

RecordStream::RecordStream(std::ostream& out, std::vector<std::string> columns, Format format,
                           TableStyle style)
    : m_out(out), m_format(format), m_style(style) {
    m_table.columns = std::move(columns);
    if (m_format == Format::csv) {
        write_csv_header(m_out, m_table.columns, m_style.csv);
    }
}

void RecordStream::row(std::vector<Value> cells) {
    switch (m_format) {
    case Format::table:
    case Format::xlsx:
        m_table.rows.push_back(std::move(cells));
        break;
    case Format::csv:
        write_csv_row(m_out, cells, m_style.csv);
        break;
    case Format::json: {
        Json object = Json::object();
        for (std::size_t i = 0; i < m_table.columns.size() && i < cells.size(); ++i) {
            object[m_table.columns[i]] = to_json(cells[i]);
        }
        // As dump(2) of the whole array would indent it: two more spaces on every line.
        std::string text = object.dump(2);
        std::string indented = "  ";
        for (const char c : text) {
            indented += c;
            if (c == '\n') {
                indented += "  ";
            }
        }
        m_out << (m_rows == 0 ? "[\n" : ",\n") << indented;
        break;
    }
    }
    ++m_rows;
}

void RecordStream::finish() {
    switch (m_format) {
    case Format::table:
        write_table(m_out, m_table, m_style);
        break;
    case Format::csv:
        break;
    case Format::json:
        m_out << (m_rows == 0 ? "[]\n" : "\n]\n");
        break;
    case Format::xlsx:
        write_xlsx_stream(m_out, m_table);
        break;
    }
}

void write_detail(std::ostream& out, const Detail& detail, Format format, const TableStyle& style) {
    switch (format) {
    case Format::json: {
        Json object = Json::object();
        for (const auto& [name, value] : detail.fields) {
            object[name] = to_json(value);
        }
        for (const auto& [name, records] : detail.children) {
            object[name] = records_json(records);
        }
        out << object.dump(2) << '\n';
        return;
    }
    case Format::csv:
    case Format::xlsx:
        write_records(out, detail_row(detail), format, style);
        return;
    case Format::table: {
        std::size_t width = 0;
        std::vector<std::string> labels;
        for (const auto& field : detail.fields) {
            labels.push_back(field_label(field.first));
            width = std::max(width, text::display_width(labels.back()));
        }
        for (std::size_t i = 0; i < detail.fields.size(); ++i) {
            std::string line =
                pad(labels[i], width, false) + "  " + cell_text(detail.fields[i].second);
            while (!line.empty() && line.back() == ' ') {
                line.pop_back();
            }
            out << line << '\n';
        }
        for (const auto& [name, records] : detail.children) {
            out << '\n' << field_label(name) << ":\n";
            if (records.rows.empty()) {
                out << _("(none)") << '\n';
            } else {
                write_table(out, records, style);
            }
        }
        return;
    }
    }
}

Json json_value(const Value& v) {
    return std::visit(
        [](const auto& x) -> Json {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return nullptr;
            } else if constexpr (std::is_same_v<T, Date>) {
                return x.iso();
            } else {
                return x;
            }
        },
        v);
}

} // namespace werkstatt
