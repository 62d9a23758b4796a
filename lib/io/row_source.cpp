// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/row_source.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "io/xlsx_reader.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace werkstatt {

namespace {

class CsvRowSource final : public RowSource {
  public:
    CsvRowSource(std::istream& in, const std::string& name, const RowSourceOptions& options)
        : m_name(name),
          m_reader(in, name, CsvReadOptions{options.delimiter, options.max_record_bytes}) {}
    bool next(CsvRecord& record) override { return m_reader.next(record); }
    const std::string& where() const override { return m_name; }
    char delimiter() const override { return m_reader.delimiter(); }
    std::size_t bytes_read(std::uint64_t) const override { return m_reader.bytes_read(); }
    std::optional<std::string> sheet() const override { return std::nullopt; }
    bool was_number(std::size_t) const override { return false; }

  private:
    std::string m_name;
    CsvReader m_reader;
};

class SheetRowSource final : public RowSource {
  public:
    SheetRowSource(std::string_view bytes, const std::string& name, const RowSourceOptions& options)
        : m_reader(bytes, name,
                   XlsxReadOptions{options.sheet, options.true_text, options.false_text,
                                   options.max_record_bytes}),
          m_where(fmt::format("{}, {}", name, m_reader.sheet_name())) {}
    bool next(CsvRecord& record) override {
        XlsxRow row;
        if (!m_reader.next(row)) {
            return false;
        }
        record.fields = std::move(row.cells);
        m_numbers = std::move(row.numbers);
        record.line = row.row;
        record.problem.clear();
        record.problem_field = 0;
        return true;
    }
    const std::string& where() const override { return m_where; }
    char delimiter() const override { return ','; }
    std::size_t bytes_read(std::uint64_t file_bytes) const override {
        return static_cast<std::size_t>(m_reader.share_read() * static_cast<double>(file_bytes));
    }
    std::optional<std::string> sheet() const override { return m_reader.sheet_name(); }
    bool was_number(std::size_t index) const override {
        return index < m_numbers.size() && m_numbers[index];
    }

  private:
    XlsxSheetReader m_reader;
    std::string m_where;
    std::vector<bool> m_numbers;
};

} // namespace

std::unique_ptr<RowSource> csv_row_source(std::istream& in, const std::string& name,
                                          const RowSourceOptions& options) {
    return std::make_unique<CsvRowSource>(in, name, options);
}

RowInput open_rows(const std::string& path, std::optional<Encoding> forced,
                   const RowSourceOptions& options) {
    RowInput input{open_input(path, forced, InputKinds::text_or_workbook), nullptr};
    if (input.file.workbook) {
        input.rows =
            std::make_unique<SheetRowSource>(*input.file.workbook, input.file.name, options);
    } else {
        // Chosen by content; but a file named .xlsx that is no zip is a damaged workbook, not
        // a CSV file to guess columns from.
        const auto extension = text::ascii_lower(std::filesystem::path(path).extension().string());
        if (extension == ".xlsx" || extension == ".xlsm") {
            throw Error(ErrorKind::bad_data, _f("{} is named like an Excel workbook but is "
                                                "none (it is no zip file); open it in Excel "
                                                "or LibreOffice and save it again as .xlsx, "
                                                "or as CSV under a .csv name",
                                                input.file.name));
        }
        if (options.sheet) {
            throw Error(ErrorKind::usage, _f("--sheet names a sheet of an Excel workbook, "
                                             "but {} is a text (CSV) file; leave it out",
                                             input.file.name));
        }
        input.rows = std::make_unique<CsvRowSource>(input.file.stream(), input.file.name, options);
    }
    return input;
}

} // namespace werkstatt
