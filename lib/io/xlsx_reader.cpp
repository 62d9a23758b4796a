// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/xlsx_reader.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "io/expat_library.hpp"
#include "io/zip_library.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <fmt/format.h>
#include <functional>
#include <map>

namespace werkstatt {

bool looks_like_zip(std::string_view head) {
    return head.starts_with(std::string_view("PK\x03\x04", 4));
}

std::optional<Date> excel_serial_date(std::int64_t serial, bool date1904) {
    static const long last = Date::from_ymd(9999, 12, 31)->days();
    long day = 0;
    if (date1904) {
        if (serial < 0) {
            return std::nullopt;
        }
        day = -24107 + static_cast<long>(std::min<std::int64_t>(serial, 4'000'000)); // 1904-01-01
    } else {
        if (serial < 1 || serial == 60) {
            return std::nullopt; // 0 is "1900-01-00", 60 the 29.02.1900 that never was
        }
        const long capped = static_cast<long>(std::min<std::int64_t>(serial, 4'000'000));
        day = serial < 60 ? -25568 + capped  // 1899-12-31 + serial
                          : -25569 + capped; // 1899-12-30 + serial: Excel counted a 29.02.1900
    }
    if (day > last) {
        return std::nullopt;
    }
    return Date::from_days(day);
}

namespace {

// The letters of the first section of number format `code` that say what it shows, lower-case:
// quoted text, [colour] and [$-407] brackets, escaped characters and the fill / space
// characters after * and _ removed. "[h]" (elapsed hours) gives "h".
std::string xlsx_format_letters(std::string_view code) {
    std::string out;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') {
            break;
        }
        if (c == '"') {
            const auto end = code.find('"', i + 1);
            i = end == std::string_view::npos ? code.size() : end;
        } else if (c == '[') {
            const auto end = code.find(']', i + 1);
            const auto inner = code.substr(i + 1, end == std::string_view::npos ? 0 : end - i - 1);
            const auto lower = text::ascii_lower(inner);
            if (!lower.empty() && lower.find_first_not_of("hms") == std::string::npos) {
                out += lower; // [h], [mm], [ss]: elapsed time
            }
            i = end == std::string_view::npos ? code.size() : end;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;
        } else {
            const char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            if (l == 'd' || l == 'm' || l == 'y' || l == 'h' || l == 's' || l == 'e') {
                out += l;
            }
        }
    }
    return out;
}

bool xlsx_letters_have(const std::string& letters, char c) {
    return letters.find(c) != std::string::npos;
}

// Return whether format `id` / `code` shows only a time of day: built-in 18 to 21 and 45 to 47,
// and codes with h or s and no d or y.
bool xlsx_time_format(int id, std::string_view code) {
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) {
        return true;
    }
    if (id < 164) {
        return false;
    }
    const auto letters = xlsx_format_letters(code);
    return (xlsx_letters_have(letters, 'h') || xlsx_letters_have(letters, 's')) &&
           !xlsx_letters_have(letters, 'd') && !xlsx_letters_have(letters, 'y') &&
           !xlsx_letters_have(letters, 'e');
}

} // namespace

bool xlsx_date_format(int id, std::string_view code) {
    if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
        return true;
    }
    if (id < 164) {
        return false;
    }
    const auto letters = xlsx_format_letters(code);
    const bool day_or_year = xlsx_letters_have(letters, 'd') || xlsx_letters_have(letters, 'y') ||
                             xlsx_letters_have(letters, 'e');
    const bool time = xlsx_letters_have(letters, 'h') || xlsx_letters_have(letters, 's');
    return day_or_year || (xlsx_letters_have(letters, 'm') && !time);
}

bool xlsx_format_has_time(int id, std::string_view code) {
    if (id == 22) {
        return true;
    }
    if (id < 164) {
        return false;
    }
    const auto letters = xlsx_format_letters(code);
    return xlsx_letters_have(letters, 'h') || xlsx_letters_have(letters, 's');
}

namespace {

std::optional<double> xlsx_parse_double(std::string_view value) {
    value = text::trim(value);
    if (!value.empty() && value.front() == '+') {
        value.remove_prefix(1);
    }
    double d = 0;
    const auto* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, d);
    if (value.empty() || ec != std::errc() || ptr != end || !std::isfinite(d)) {
        return std::nullopt;
    }
    return d;
}

std::string xlsx_double_text(double d) {
    if (d == std::floor(d) && std::fabs(d) < 9.007199254740992e15) {
        return std::to_string(static_cast<std::int64_t>(d)); // -0 too becomes "0"
    }
    char buffer[64];
    const auto [ptr, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
    return ec == std::errc() ? std::string(buffer, ptr) : std::string();
}

// Return the time of day of `seconds` after midnight: "14:30", "14:30:05".
std::string xlsx_clock_text(long seconds) {
    const long h = seconds / 3600;
    const long m = seconds / 60 % 60;
    const long s = seconds % 60;
    return s != 0 ? fmt::format("{:02}:{:02}:{:02}", h, m, s) : fmt::format("{:02}:{:02}", h, m);
}

} // namespace

std::optional<std::string> xlsx_number_text(std::string_view value) {
    const auto d = xlsx_parse_double(value);
    if (!d) {
        return std::nullopt;
    }
    return xlsx_double_text(*d);
}

std::optional<std::string> xlsx_date_text(double value, bool date1904, bool with_time) {
    if (!std::isfinite(value) || value < -1 || value > 4e6) {
        return std::nullopt;
    }
    auto days = static_cast<std::int64_t>(std::floor(value));
    auto seconds = std::lround((value - static_cast<double>(days)) * 86400.0);
    if (seconds >= 86400) {
        days += 1;
        seconds -= 86400;
    }
    const auto day = excel_serial_date(days, date1904);
    if (!day) {
        return std::nullopt;
    }
    if (!with_time) {
        return day->iso();
    }
    return day->iso() + " " + xlsx_clock_text(seconds);
}

std::string xlsx_cell_ref(std::size_t column, std::size_t row) {
    std::string letters;
    for (std::size_t c = column; c > 0; c = (c - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return letters + std::to_string(row);
}

// Named, not anonymous: XlsxSheetReader::State holds these types.
namespace xlsx_detail {

constexpr std::size_t k_xlsx_max_columns = 16384; // XFD
constexpr std::size_t k_xlsx_max_rows = 1048576;  // Excel's last row
constexpr std::size_t k_xlsx_chunk = std::size_t{1} << 16;
// The most shared texts kept (each costs its text and 32 bytes): 4 Mi, 128 MiB at least.
constexpr std::size_t k_xlsx_max_shared = std::size_t{1} << 22;

// Split a cell reference "D17" into its column (4) and row (17); nothing if it is not one
// within Excel's bounds.
std::optional<std::pair<std::size_t, std::size_t>> xlsx_parse_ref(std::string_view ref) {
    std::size_t i = 0;
    std::size_t column = 0;
    while (i < ref.size() &&
           ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        const char up = static_cast<char>(ref[i] >= 'a' ? ref[i] - 'a' + 'A' : ref[i]);
        column = column * 26 + static_cast<std::size_t>(up - 'A' + 1);
        if (column > k_xlsx_max_columns) {
            return std::nullopt;
        }
        ++i;
    }
    std::size_t row = 0;
    const auto digits = ref.substr(i);
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), row);
    if (column == 0 || digits.empty() || ec != std::errc() ||
        ptr != digits.data() + digits.size() || row == 0 || row > k_xlsx_max_rows) {
        return std::nullopt;
    }
    return std::pair{column, row};
}

// A zip archive in memory, read with minizip through callbacks over the bytes.
class XlsxZip {
  public:
    XlsxZip(std::string_view bytes, const std::string& source) : m_lib(zip_library()) {
        m_stream.data = bytes;
        zlib_filefunc64_def io{};
        io.zopen64_file = &XlsxZip::open_cb;
        io.zread_file = &XlsxZip::read_cb;
        io.zwrite_file = &XlsxZip::write_cb;
        io.ztell64_file = &XlsxZip::tell_cb;
        io.zseek64_file = &XlsxZip::seek_cb;
        io.zclose_file = &XlsxZip::close_cb;
        io.zerror_file = &XlsxZip::error_cb;
        io.opaque = &m_stream;
        m_zip = m_lib.unzOpen2_64("workbook.xlsx", &io);
        if (m_zip == nullptr) {
            throw Error(ErrorKind::bad_data, _f("{} starts like an Excel workbook (.xlsx) but "
                                                "is no zip file that can be read; open it in "
                                                "Excel or LibreOffice and save it again as "
                                                ".xlsx or as CSV",
                                                source));
        }
    }
    ~XlsxZip() {
        if (m_open) {
            m_lib.unzCloseCurrentFile(m_zip);
        }
        m_lib.unzClose(m_zip);
    }
    XlsxZip(const XlsxZip&) = delete;
    XlsxZip& operator=(const XlsxZip&) = delete;

    // Make the entry `name` the one read; false if there is none.
    bool open(const std::string& name) {
        if (m_open) {
            m_lib.unzCloseCurrentFile(m_zip);
            m_open = false;
        }
        if (m_lib.unzLocateFile(m_zip, name.c_str(), 1) != UNZ_OK) {
            return false;
        }
        unz_file_info64 info{};
        if (m_lib.unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) !=
                UNZ_OK ||
            m_lib.unzOpenCurrentFile(m_zip) != UNZ_OK) {
            return false;
        }
        m_open = true;
        m_entry_size = info.uncompressed_size;
        m_entry_read = 0;
        return true;
    }

    // Read up to `size` bytes of the open entry into `buffer`; 0 at its end, -1 if damaged.
    // `unpacked` counts every byte read from the workbook, against xlsx_max_unpacked_bytes.
    long read(char* buffer, unsigned size) {
        const int n = m_lib.unzReadCurrentFile(m_zip, buffer, size);
        if (n < 0) {
            return -1;
        }
        if (n == 0 && m_open) {
            // At the end the entry's checksum is compared: a mismatch is a damaged file.
            m_open = false;
            if (m_lib.unzCloseCurrentFile(m_zip) != UNZ_OK) {
                return -1;
            }
        }
        m_unpacked += static_cast<std::uint64_t>(n);
        m_entry_read += static_cast<std::uint64_t>(n);
        return n;
    }

    std::uint64_t unpacked() const { return m_unpacked; }

    // Return the share of the open entry read so far, from 0 to 1 (by its declared size).
    double entry_share() const {
        return m_entry_size == 0 ? 0.0
                                 : std::min(1.0, static_cast<double>(m_entry_read) /
                                                     static_cast<double>(m_entry_size));
    }

  private:
    struct Stream {
        std::string_view data;
        std::uint64_t pos = 0;
    };
    static voidpf ZCALLBACK open_cb(voidpf opaque, const void*, int) { return opaque; }
    static uLong ZCALLBACK read_cb(voidpf, voidpf stream, void* buf, uLong size) {
        auto* s = static_cast<Stream*>(stream);
        const auto left = s->data.size() - std::min<std::uint64_t>(s->pos, s->data.size());
        const auto n = std::min<std::uint64_t>(left, size);
        std::memcpy(buf, s->data.data() + s->pos, n);
        s->pos += n;
        return static_cast<uLong>(n);
    }
    static uLong ZCALLBACK write_cb(voidpf, voidpf, const void*, uLong) { return 0; }
    static ZPOS64_T ZCALLBACK tell_cb(voidpf, voidpf stream) {
        return static_cast<Stream*>(stream)->pos;
    }
    static long ZCALLBACK seek_cb(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
        auto* s = static_cast<Stream*>(stream);
        std::uint64_t base = 0;
        if (origin == ZLIB_FILEFUNC_SEEK_CUR) {
            base = s->pos;
        } else if (origin == ZLIB_FILEFUNC_SEEK_END) {
            base = s->data.size();
        }
        if (offset > s->data.size() || base + offset > s->data.size()) {
            return -1;
        }
        s->pos = base + offset;
        return 0;
    }
    static int ZCALLBACK close_cb(voidpf, voidpf) { return 0; }
    static int ZCALLBACK error_cb(voidpf, voidpf) { return 0; }

    const ZipLibrary& m_lib;
    Stream m_stream;
    unzFile m_zip = nullptr;
    bool m_open = false;
    std::uint64_t m_unpacked = 0;
    std::uint64_t m_entry_size = 0;
    std::uint64_t m_entry_read = 0;
};

// An XML element's attribute `name` (without its prefix: "r:id" is "id"), or nothing.
std::optional<std::string_view> xlsx_attr(const XML_Char** attrs, std::string_view name) {
    for (std::size_t i = 0; attrs[i] != nullptr && attrs[i + 1] != nullptr; i += 2) {
        std::string_view key(attrs[i]);
        if (const auto colon = key.rfind(':'); colon != std::string_view::npos) {
            key.remove_prefix(colon + 1);
        }
        if (key == name) {
            return std::string_view(attrs[i + 1]);
        }
    }
    return std::nullopt;
}

std::string_view xlsx_local(const XML_Char* name) {
    std::string_view n(name);
    if (const auto colon = n.rfind(':'); colon != std::string_view::npos) {
        n.remove_prefix(colon + 1);
    }
    return n;
}

// What a part's parser does with its elements; set `error` and return to stop it.
struct XlsxHandler {
    std::function<void(std::string_view, const XML_Char**)> start;
    std::function<void(std::string_view)> end;
    std::function<void(std::string_view)> text;
    std::string error;
};

// An expat parser fed a part of the workbook chunk by chunk.
class XlsxXml {
  public:
    explicit XlsxXml(XlsxHandler& handler) : m_lib(expat_library()), m_handler(handler) {
        m_parser = m_lib.XML_ParserCreate(nullptr);
        if (m_parser == nullptr) {
            throw Error(ErrorKind::internal, _("expat cannot create a parser"));
        }
        m_lib.XML_SetUserData(m_parser, this);
        m_lib.XML_SetElementHandler(m_parser, &XlsxXml::on_start, &XlsxXml::on_end);
        m_lib.XML_SetCharacterDataHandler(m_parser, &XlsxXml::on_text);
    }
    ~XlsxXml() { m_lib.XML_ParserFree(m_parser); }
    XlsxXml(const XlsxXml&) = delete;
    XlsxXml& operator=(const XlsxXml&) = delete;

    // Parse the next `size` bytes (the last when `final`); throw Error(bad_data) for damaged
    // XML, naming `source` and `part`, or the handler's error.
    void feed(const char* data, std::size_t size, bool final, const std::string& source,
              const std::string& part) {
        const auto status = m_lib.XML_Parse(m_parser, data, static_cast<int>(size), final ? 1 : 0);
        if (!m_handler.error.empty()) {
            throw Error(ErrorKind::bad_data, m_handler.error);
        }
        if (status != XML_STATUS_OK) {
            const auto* why = m_lib.XML_ErrorString(m_lib.XML_GetErrorCode(m_parser));
            throw Error(ErrorKind::bad_data,
                        _f("{}: the part {} of the workbook is damaged "
                           "(XML, line {}: {}); open the file in Excel or "
                           "LibreOffice and save it again",
                           source, part, m_lib.XML_GetCurrentLineNumber(m_parser),
                           why != nullptr ? why : "?"));
        }
    }

  private:
    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attrs) {
        auto* x = static_cast<XlsxXml*>(self);
        if (x->m_handler.error.empty() && x->m_handler.start) {
            x->m_handler.start(xlsx_local(name), attrs);
            x->stop_on_error();
        }
    }
    static void XMLCALL on_end(void* self, const XML_Char* name) {
        auto* x = static_cast<XlsxXml*>(self);
        if (x->m_handler.error.empty() && x->m_handler.end) {
            x->m_handler.end(xlsx_local(name));
            x->stop_on_error();
        }
    }
    static void XMLCALL on_text(void* self, const XML_Char* s, int len) {
        auto* x = static_cast<XlsxXml*>(self);
        if (x->m_handler.error.empty() && x->m_handler.text) {
            x->m_handler.text(std::string_view(s, static_cast<std::size_t>(len)));
            x->stop_on_error();
        }
    }
    void stop_on_error() {
        if (!m_handler.error.empty()) {
            m_lib.XML_StopParser(m_parser, XML_FALSE);
        }
    }

    const ExpatLibrary& m_lib;
    XlsxHandler& m_handler;
    XML_Parser m_parser = nullptr;
};

std::string xlsx_too_big(const std::string& source) {
    return _f("{} unpacks to more than {} MiB; split the sheet into "
              "smaller files or save it as CSV",
              source, xlsx_max_unpacked_bytes >> 20);
}

// Parse the whole entry `part` of `zip` with `handler`; false if there is no such entry.
bool xlsx_parse_part(XlsxZip& zip, const std::string& part, XlsxHandler& handler,
                     const std::string& source) {
    if (!zip.open(part)) {
        return false;
    }
    XlsxXml xml(handler);
    std::vector<char> buffer(k_xlsx_chunk);
    for (;;) {
        const long n = zip.read(buffer.data(), static_cast<unsigned>(buffer.size()));
        if (n < 0) {
            throw Error(ErrorKind::bad_data, _f("{}: the part {} of the workbook cannot be "
                                                "unpacked; open the file in Excel or "
                                                "LibreOffice and save it again",
                                                source, part));
        }
        if (zip.unpacked() > xlsx_max_unpacked_bytes) {
            throw Error(ErrorKind::bad_data, xlsx_too_big(source));
        }
        xml.feed(buffer.data(), static_cast<std::size_t>(n), n == 0, source, part);
        if (n == 0) {
            return true;
        }
    }
}

// Return the path in the zip of a relationship's `target`, relative to the folder "xl/".
std::string xlsx_part_path(std::string_view target) {
    if (target.starts_with('/')) {
        return std::string(target.substr(1));
    }
    std::string path = "xl/";
    while (target.starts_with("../")) {
        target.remove_prefix(3);
        path.clear();
    }
    return path + std::string(target);
}

// Return `name` quoted for a cell reference as Excel does when it has more than letters and
// digits: 'Meine Daten'!D17.
std::string xlsx_sheet_label(const std::string& name) {
    const bool plain = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || static_cast<unsigned char>(c) >= 0x80;
    });
    if (plain) {
        return name;
    }
    std::string quoted = "'";
    for (const char c : name) {
        quoted += c;
        if (c == '\'') {
            quoted += '\'';
        }
    }
    return quoted + "'";
}

} // namespace xlsx_detail

using namespace xlsx_detail;

struct XlsxSheetReader::State {
    std::string source;
    XlsxReadOptions options;
    std::unique_ptr<XlsxZip> zip;
    std::vector<std::string> sheet_names;
    std::string sheet;
    std::string sheet_label;
    std::string sheet_part;
    bool date1904 = false;
    std::vector<std::string> shared;
    std::vector<int> xf_format;         // cellXfs index -> number format id
    std::map<int, std::string> formats; // custom number format id -> code

    // The sheet being parsed.
    XlsxHandler handler;
    std::unique_ptr<XlsxXml> xml;
    std::vector<char> buffer;
    bool done = false;
    std::deque<XlsxRow> ready;
    std::size_t width = 0; // the first row's width: later rows are padded to it
    bool first_row = true;

    XlsxRow row;
    std::size_t row_bytes = 0;
    std::size_t last_row = 0;
    std::size_t column = 0; // of the current cell
    std::string cell_type;
    int cell_style = 0;
    bool in_cell = false, in_value = false, in_inline = false, in_text = false, has_formula = false,
         has_value = false;
    int phonetic = 0;
    std::string value;

    std::string where(std::size_t col) const {
        return fmt::format("{}!{}", sheet_label, xlsx_cell_ref(col, row.row));
    }

    void fail(std::string message) { handler.error = std::move(message); }

    void start(std::string_view name, const XML_Char** attrs) {
        if (name == "row") {
            std::size_t number = last_row + 1;
            if (const auto r = xlsx_attr(attrs, "r")) {
                std::size_t n = 0;
                const auto [ptr, ec] = std::from_chars(r->data(), r->data() + r->size(), n);
                if (ec != std::errc() || ptr != r->data() + r->size() || n == 0 ||
                    n > k_xlsx_max_rows) {
                    fail(_f("{}: {}: row number '{}' is not one; the "
                            "file is damaged, save it again with Excel "
                            "or LibreOffice",
                            source, sheet_label, text::printable(*r, 20)));
                    return;
                }
                number = n;
            }
            row = XlsxRow{};
            row.row = number;
            last_row = number;
            row_bytes = 0;
            column = 0;
        } else if (name == "c") {
            std::size_t col = column + 1;
            if (const auto r = xlsx_attr(attrs, "r")) {
                const auto ref = xlsx_parse_ref(*r);
                if (!ref) {
                    fail(_f("{}: {}: cell reference '{}' is not one; the "
                            "file is damaged, save it again with Excel "
                            "or LibreOffice",
                            source, sheet_label, text::printable(*r, 20)));
                    return;
                }
                col = ref->first;
            }
            if (col > k_xlsx_max_columns) {
                fail(_f("{}: {}: more columns than Excel has; the file "
                        "is damaged, save it again with Excel or "
                        "LibreOffice",
                        source, where(col)));
                return;
            }
            column = col;
            cell_type = std::string(xlsx_attr(attrs, "t").value_or("n"));
            cell_style = 0;
            if (const auto s = xlsx_attr(attrs, "s")) {
                std::from_chars(s->data(), s->data() + s->size(), cell_style);
            }
            in_cell = true;
            has_formula = has_value = false;
            phonetic = 0;
            value.clear();
        } else if (in_cell && name == "v") {
            in_value = true;
            has_value = true;
        } else if (in_cell && name == "f") {
            has_formula = true;
        } else if (in_cell && name == "is") {
            in_inline = true;
            has_value = true;
        } else if (in_inline && name == "rPh") {
            ++phonetic;
        } else if (in_inline && name == "t") {
            in_text = true;
        }
    }

    void text(std::string_view s) {
        if (in_value || (in_text && phonetic == 0)) {
            row_bytes += s.size();
            if (row_bytes > options.max_record_bytes) {
                fail(_f("{}: {}: row {} is longer than {} bytes; split "
                        "the text of its cells",
                        source, sheet_label, row.row, options.max_record_bytes));
                return;
            }
            value.append(s);
        }
    }

    void end(std::string_view name) {
        if (name == "v") {
            in_value = false;
        } else if (name == "t") {
            in_text = false;
        } else if (name == "rPh") {
            phonetic = std::max(0, phonetic - 1);
        } else if (name == "is") {
            in_inline = false;
        } else if (name == "c" && in_cell) {
            in_cell = false;
            end_cell();
        } else if (name == "row") {
            end_row();
        }
    }

    void end_cell() {
        std::string out;
        bool number = false;
        // An empty <v> is no value either (openpyxl writes one for a formula it cannot compute);
        // only a text result may be empty.
        if (!has_value ||
            (cell_type != "str" && cell_type != "inlineStr" && text::trim(value).empty())) {
            if (has_formula) {
                fail(_f("{}: {}: the formula has no saved result; open "
                        "the file in Excel or LibreOffice, let it "
                        "calculate and save it, or write the value "
                        "instead",
                        source, where(column)));
            }
            return; // an empty (formatted) cell
        }
        if (cell_type == "s") {
            std::size_t index = 0;
            const auto v = text::trim(value);
            const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
            if (ec != std::errc() || ptr != v.data() + v.size() || index >= shared.size()) {
                fail(_f("{}: {}: the cell refers to shared text '{}', "
                        "but the workbook has {}; the file is damaged, "
                        "save it again with Excel or LibreOffice",
                        source, where(column), text::printable(v, 20), shared.size()));
                return;
            }
            out = shared[index];
        } else if (cell_type == "inlineStr" || cell_type == "str") {
            out = value;
        } else if (cell_type == "b") {
            const auto v = text::trim(value);
            out = v == "1" || v == "true" ? options.true_text : options.false_text;
        } else if (cell_type == "e") {
            fail(_f("{}: {}: the cell holds the error {}; correct it in "
                    "the sheet and save the file again",
                    source, where(column), text::printable(text::trim(value), 20)));
            return;
        } else if (cell_type == "d") {
            const auto day = Date::parse_iso(text::trim(value).substr(0, 10));
            if (!day) {
                fail(_f("{}: {}: '{}' is not a date; correct the cell, "
                        "e.g. 25.11.2026",
                        source, where(column), text::printable(value, 30)));
                return;
            }
            out = day->iso();
        } else {
            const auto parsed = xlsx_parse_double(value);
            if (!parsed) {
                fail(_f("{}: {}: '{}' is not a number; the file is "
                        "damaged, save it again with Excel or "
                        "LibreOffice",
                        source, where(column), text::printable(value, 30)));
                return;
            }
            out = number_text(*parsed, number);
            if (!handler.error.empty()) {
                return;
            }
        }
        if (out.empty()) {
            return;
        }
        if (row.cells.size() < column) {
            row.cells.resize(column);
            row.numbers.resize(column);
        }
        row.cells[column - 1] = std::move(out);
        row.numbers[column - 1] = number;
    }

    // Return the text of the number cell `number`; `plain` tells whether it shows as a number
    // (not a date or time).
    std::string number_text(double number, bool& plain) {
        const int id = cell_style >= 0 && static_cast<std::size_t>(cell_style) < xf_format.size()
                           ? xf_format[static_cast<std::size_t>(cell_style)]
                           : 0;
        const auto code_it = formats.find(id);
        // Not a conditional expression: "" and a std::string make a temporary std::string, and
        // the view would outlive it (found by the fuzz target).
        std::string_view code;
        if (code_it != formats.end()) {
            code = code_it->second;
        }
        if (xlsx_date_format(id, code)) {
            const auto text = xlsx_date_text(number, date1904, xlsx_format_has_time(id, code));
            if (!text) {
                const auto serial = xlsx_double_text(number);
                fail(fmt::format(
                    fmt::runtime(
                        std::floor(number) == 60 && !date1904
                            ? _("{}: {}: the date is 29.02.1900 (Excel day {}), a day that never "
                                "was; correct the cell, e.g. 25.11.2026")
                            : _("{}: {}: the date is out of range (Excel day {}); correct the "
                                "cell, e.g. 25.11.2026")),
                    source, where(column), serial));
                return {};
            }
            return *text;
        }
        if (xlsx_time_format(id, code) && number >= 0 && number < 1) {
            return xlsx_clock_text(std::lround(number * 86400.0) % 86400);
        }
        plain = true;
        return xlsx_double_text(number);
    }

    void end_row() {
        while (!row.cells.empty() && row.cells.back().empty()) {
            row.cells.pop_back();
        }
        row.numbers.resize(row.cells.size());
        if (row.cells.empty()) {
            return; // an empty row
        }
        if (first_row) {
            width = row.cells.size();
            first_row = false;
        }
        if (row.cells.size() < width) {
            row.cells.resize(width);
            row.numbers.resize(width);
        }
        ready.push_back(std::move(row));
        row = XlsxRow{};
    }
};

XlsxSheetReader::XlsxSheetReader(std::string_view bytes, std::string source,
                                 XlsxReadOptions options)
    : m_state(std::make_unique<State>()) {
    auto& s = *m_state;
    s.source = std::move(source);
    s.options = std::move(options);
    if (!looks_like_zip(bytes)) {
        throw Error(ErrorKind::bad_data, _f("{} is not an Excel workbook (.xlsx); save it as "
                                            ".xlsx or as CSV",
                                            s.source));
    }
    s.zip = std::make_unique<XlsxZip>(bytes, s.source);

    // The workbook: its sheets (name and relationship) and its day count.
    std::vector<std::pair<std::string, std::string>> sheets;
    XlsxHandler workbook;
    workbook.start = [&](std::string_view name, const XML_Char** attrs) {
        if (name == "workbookPr") {
            const auto v = xlsx_attr(attrs, "date1904");
            s.date1904 = v && (*v == "1" || *v == "true");
        } else if (name == "sheet") {
            sheets.emplace_back(std::string(xlsx_attr(attrs, "name").value_or("")),
                                std::string(xlsx_attr(attrs, "id").value_or("")));
        }
    };
    if (!xlsx_parse_part(*s.zip, "xl/workbook.xml", workbook, s.source)) {
        throw Error(ErrorKind::bad_data, _f("{} is a zip file but no Excel workbook (it has "
                                            "no xl/workbook.xml); save the sheet as .xlsx or "
                                            "as CSV",
                                            s.source));
    }
    if (sheets.empty()) {
        throw Error(ErrorKind::bad_data, _f("{} is a workbook without sheets; save the sheet "
                                            "again as .xlsx or as CSV",
                                            s.source));
    }
    for (const auto& sheet : sheets) {
        s.sheet_names.push_back(sheet.first);
    }

    // Where its parts are.
    std::map<std::string, std::string> targets;
    std::string shared_part = "xl/sharedStrings.xml";
    std::string styles_part = "xl/styles.xml";
    XlsxHandler rels;
    rels.start = [&](std::string_view name, const XML_Char** attrs) {
        if (name != "Relationship") {
            return;
        }
        const auto id = xlsx_attr(attrs, "Id");
        const auto target = xlsx_attr(attrs, "Target");
        const auto type = xlsx_attr(attrs, "Type").value_or("");
        if (!id || !target) {
            return;
        }
        targets[std::string(*id)] = xlsx_part_path(*target);
        if (type.ends_with("/sharedStrings")) {
            shared_part = xlsx_part_path(*target);
        } else if (type.ends_with("/styles")) {
            styles_part = xlsx_part_path(*target);
        }
    };
    xlsx_parse_part(*s.zip, "xl/_rels/workbook.xml.rels", rels, s.source);

    const std::pair<std::string, std::string>* chosen = &sheets.front();
    if (s.options.sheet) {
        chosen = nullptr;
        for (const auto& sheet : sheets) {
            if (sheet.first == *s.options.sheet) {
                chosen = &sheet;
            }
        }
        if (chosen == nullptr) {
            std::vector<std::string> quoted;
            for (const auto& sheet : sheets) {
                quoted.push_back("'" + text::printable(sheet.first, 40) + "'");
            }
            throw Error(ErrorKind::bad_data, _f("{} has no sheet named '{}'; its sheets are "
                                                "{}: name one with --sheet",
                                                s.source, text::printable(*s.options.sheet, 40),
                                                text::join(quoted, ", ")));
        }
    }
    s.sheet = chosen->first;
    s.sheet_label = xlsx_sheet_label(s.sheet);
    const auto target = targets.find(chosen->second);
    s.sheet_part = target != targets.end()
                       ? target->second
                       : fmt::format("xl/worksheets/sheet{}.xml",
                                     1 + static_cast<std::size_t>(chosen - sheets.data()));

    // The shared texts.
    XlsxHandler strings;
    bool in_si = false;
    bool in_t = false;
    int phonetic = 0;
    strings.start = [&](std::string_view name, const XML_Char**) {
        if (name == "si") {
            in_si = true;
            if (s.shared.size() >= k_xlsx_max_shared) {
                strings.error = xlsx_too_big(s.source);
                return;
            }
            s.shared.emplace_back();
        } else if (in_si && name == "rPh") {
            ++phonetic;
        } else if (in_si && name == "t") {
            in_t = true;
        }
    };
    strings.end = [&](std::string_view name) {
        if (name == "si") {
            in_si = false;
        } else if (name == "rPh") {
            phonetic = std::max(0, phonetic - 1);
        } else if (name == "t") {
            in_t = false;
        }
    };
    strings.text = [&](std::string_view t) {
        if (in_si && in_t && phonetic == 0) {
            s.shared.back().append(t);
        }
    };
    xlsx_parse_part(*s.zip, shared_part, strings, s.source);

    // The number formats of the cell styles, to tell dates from numbers.
    XlsxHandler styles;
    bool in_xfs = false;
    styles.start = [&](std::string_view name, const XML_Char** attrs) {
        if (name == "numFmt") {
            int id = 0;
            const auto v = xlsx_attr(attrs, "numFmtId").value_or("");
            std::from_chars(v.data(), v.data() + v.size(), id);
            s.formats[id] = std::string(xlsx_attr(attrs, "formatCode").value_or(""));
        } else if (name == "cellXfs") {
            in_xfs = true;
        } else if (in_xfs && name == "xf") {
            int id = 0;
            const auto v = xlsx_attr(attrs, "numFmtId").value_or("");
            std::from_chars(v.data(), v.data() + v.size(), id);
            s.xf_format.push_back(id);
        }
    };
    styles.end = [&](std::string_view name) {
        if (name == "cellXfs") {
            in_xfs = false;
        }
    };
    xlsx_parse_part(*s.zip, styles_part, styles, s.source);

    // The sheet, parsed as its rows are asked for.
    if (!s.zip->open(s.sheet_part)) {
        throw Error(ErrorKind::bad_data, _f("{}: the sheet '{}' is missing from the workbook; "
                                            "the file is damaged, save it again with Excel or "
                                            "LibreOffice",
                                            s.source, text::printable(s.sheet, 40)));
    }
    s.handler.start = [&s](std::string_view name, const XML_Char** attrs) { s.start(name, attrs); };
    s.handler.end = [&s](std::string_view name) { s.end(name); };
    s.handler.text = [&s](std::string_view t) { s.text(t); };
    s.xml = std::make_unique<XlsxXml>(s.handler);
    s.buffer.resize(k_xlsx_chunk);
}

XlsxSheetReader::~XlsxSheetReader() = default;

bool XlsxSheetReader::next(XlsxRow& row) {
    auto& s = *m_state;
    while (s.ready.empty() && !s.done) {
        const long n = s.zip->read(s.buffer.data(), static_cast<unsigned>(s.buffer.size()));
        if (n < 0) {
            throw Error(ErrorKind::bad_data, _f("{}: the part {} of the workbook cannot be "
                                                "unpacked; open the file in Excel or "
                                                "LibreOffice and save it again",
                                                s.source, s.sheet_part));
        }
        if (s.zip->unpacked() > xlsx_max_unpacked_bytes) {
            throw Error(ErrorKind::bad_data, xlsx_too_big(s.source));
        }
        s.done = n == 0;
        s.xml->feed(s.buffer.data(), static_cast<std::size_t>(n), s.done, s.source, s.sheet_part);
    }
    if (s.ready.empty()) {
        return false;
    }
    row = std::move(s.ready.front());
    s.ready.pop_front();
    return true;
}

const std::string& XlsxSheetReader::sheet_name() const {
    return m_state->sheet;
}

const std::vector<std::string>& XlsxSheetReader::sheet_names() const {
    return m_state->sheet_names;
}

double XlsxSheetReader::share_read() const {
    return m_state->done ? 1.0 : m_state->zip->entry_share();
}

bool XlsxSheetReader::date1904() const {
    return m_state->date1904;
}

} // namespace werkstatt
