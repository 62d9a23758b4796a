// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csv.hpp"
#include "core/i18n.hpp"
#include "io/csv_header.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace werkstatt {

namespace {
constexpr std::size_t k_chunk = 1u << 16;
constexpr std::string_view k_stray_quote =
    "stray quote (\") inside the field; quote the whole field and double quotes inside it";
constexpr std::string_view k_after_quote =
    "text after the closing quote; quote the whole field and double quotes inside it";
} // namespace

CsvReader::CsvReader(std::istream& in, std::string source, CsvReadOptions options)
    : m_in(in), m_source(std::move(source)), m_options(options), m_delimiter(options.delimiter) {}

bool CsvReader::fill() {
    if (m_pos < m_buffer.size()) {
        return true;
    }
    m_buffer.resize(k_chunk);
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(k_chunk));
    m_buffer.resize(static_cast<std::size_t>(m_in.gcount()));
    m_pos = 0;
    return !m_buffer.empty();
}

int CsvReader::peek() {
    if (!fill()) {
        return -1;
    }
    return static_cast<unsigned char>(m_buffer[m_pos]);
}

// Count candidate delimiters outside quotes on the first line and take the most frequent.
void CsvReader::detect_delimiter() {
    fill();
    if (m_buffer.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        m_pos = 3;
        m_consumed = 3;
    }
    if (m_delimiter != '\0') {
        return;
    }
    std::size_t semicolons = 0;
    std::size_t commas = 0;
    std::size_t tabs = 0;
    bool quoted = false;
    for (std::size_t i = m_pos; i < m_buffer.size(); ++i) {
        const char c = m_buffer[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            break;
        } else if (!quoted) {
            semicolons += c == ';';
            commas += c == ',';
            tabs += c == '\t';
        }
    }
    m_delimiter = ';';
    if (commas > semicolons && commas >= tabs) {
        m_delimiter = ',';
    } else if (tabs > semicolons && tabs > commas) {
        m_delimiter = '\t';
    }
}

bool CsvReader::next(CsvRecord& record) {
    if (!m_started) {
        detect_delimiter();
        m_started = true;
    }
    // The fields are read into the strings of the previous record, keeping their buffers: no
    // allocation per field once the first records are read.
    auto& fields = record.fields;
    std::size_t count = 0;
    const auto next_field = [&]() -> std::string& {
        if (count == fields.size()) {
            fields.emplace_back();
        }
        auto& f = fields[count++];
        f.clear();
        return f;
    };
    if (peek() < 0) {
        fields.clear();
        return false;
    }
    record.line = m_line;
    record.problem.clear();
    record.problem_field = 0;
    const auto note = [&](std::string_view what) {
        if (record.problem.empty()) {
            record.problem = what;
            record.problem_field = count;
        }
    };
    std::string* field = &next_field();
    std::size_t record_bytes = 0;
    bool quoted = false;
    bool was_quoted = false;
    for (;;) {
        // Fast path: take a run of ordinary bytes from the buffer in one append.
        if (m_pos < m_buffer.size()) {
            std::size_t end = m_pos;
            const std::size_t size = m_buffer.size();
            if (quoted) {
                while (end < size && m_buffer[end] != '"' && m_buffer[end] != '\n') {
                    ++end;
                }
            } else {
                while (end < size) {
                    const char b = m_buffer[end];
                    if (b == m_delimiter || b == '\n' || b == '\r' || b == '"') {
                        break;
                    }
                    ++end;
                }
            }
            if (end > m_pos) {
                if (!quoted && was_quoted) {
                    note(k_after_quote);
                }
                const std::size_t n = end - m_pos;
                record_bytes += n;
                if (record_bytes > m_options.max_record_bytes) {
                    throw Error(ErrorKind::bad_data,
                                _f("{}:{}: record is longer than {} bytes; is this "
                                   "really a CSV file with line breaks?",
                                   m_source, record.line, m_options.max_record_bytes));
                }
                field->append(m_buffer, m_pos, n);
                m_pos = end;
                m_consumed += n;
                continue;
            }
        }
        const int c = peek();
        if (c < 0) {
            if (quoted) {
                throw Error(ErrorKind::bad_data,
                            _f("{}:{}: a quoted field is never closed; add the missing "
                               "closing quote (\")",
                               m_source, record.line));
            }
            fields.resize(count);
            return true;
        }
        ++m_pos;
        ++m_consumed;
        if (++record_bytes > m_options.max_record_bytes) {
            throw Error(ErrorKind::bad_data,
                        _f("{}:{}: record is longer than {} bytes; is this really a CSV "
                           "file with line breaks?",
                           m_source, record.line, m_options.max_record_bytes));
        }
        const char ch = static_cast<char>(c);
        if (quoted) {
            if (ch == '"') {
                if (peek() == '"') {
                    ++m_pos;
                    ++m_consumed;
                    *field += '"';
                } else {
                    quoted = false;
                }
            } else {
                if (ch == '\n') {
                    ++m_line;
                }
                *field += ch;
            }
            continue;
        }
        if (ch == m_delimiter) {
            field = &next_field();
            was_quoted = false;
        } else if (ch == '\n' || ch == '\r') {
            if (ch == '\r' && peek() == '\n') {
                ++m_pos;
                ++m_consumed;
            }
            ++m_line;
            fields.resize(count);
            return true;
        } else if (ch == '"') {
            if (!field->empty() || was_quoted) {
                note(k_stray_quote); // kept as text: the row is rejected, not the file
                *field += ch;
            } else {
                quoted = true;
                was_quoted = true;
            }
        } else {
            if (was_quoted) {
                note(k_after_quote);
            }
            *field += ch;
        }
    }
}

namespace {

bool formula_start(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Return true if `field`, after any leading apostrophes, starts like a formula: such text gets
// one apostrophe more on the way out and loses one on the way in, so both are exact inverses.
bool formula_like(std::string_view field) {
    const auto first = field.find_first_not_of('\'');
    return first != std::string_view::npos && formula_start(field[first]);
}

} // namespace

std::string neutralise_formula(std::string_view field) {
    return formula_like(field) ? "'" + std::string(field) : std::string(field);
}

std::string restore_formula(std::string_view field) {
    if (!field.empty() && field.front() == '\'' && formula_like(field.substr(1))) {
        return std::string(field.substr(1));
    }
    return std::string(field);
}

void CsvWriter::write_row(const std::vector<std::string>& fields) {
    write_row(fields, {});
}

void CsvWriter::write_row(const std::vector<std::string>& fields, const std::vector<Field>& kinds) {
    bool first = true;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto& raw = fields[i];
        if (!first) {
            m_out << m_delim;
        }
        first = false;
        const bool number = i < kinds.size() && kinds[i] == Field::number;
        const std::string field = number ? raw : neutralise_formula(raw);
        const bool needs_quotes =
            field.find_first_of(std::string{m_delim, '"', '\r', '\n'}) != std::string::npos ||
            (!field.empty() && (field.front() == ' ' || field.back() == ' '));
        if (!needs_quotes) {
            m_out << field;
            continue;
        }
        m_out << '"';
        for (char c : field) {
            if (c == '"') {
                m_out << '"';
            }
            m_out << c;
        }
        m_out << '"';
    }
    m_out << "\r\n";
}

std::string csv_field_name(const std::vector<std::string>& header, std::size_t number) {
    if (number >= 1 && number <= header.size()) {
        return fmt::format("column \"{}\"", text::printable(text::trim(header[number - 1]), 40));
    }
    return fmt::format("field {}", number);
}

std::string csv_column_key(std::string_view header_name) {
    std::string out;
    for (char c : text::ascii_lower(text::trim(header_name))) {
        out += (c == ' ' || c == '-') ? '_' : c;
    }
    return out;
}

} // namespace werkstatt
