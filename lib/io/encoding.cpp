// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/encoding.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <iconv.h>

namespace werkstatt {

namespace {

constexpr std::size_t k_chunk = 1u << 16;
// The longest partial character carried from one chunk to the next, plus one.
constexpr std::size_t k_max_carry = 4;
// Converted text per chunk: Windows-1252 German text grows by a few per cent, UTF-16 by half at
// most; a chunk of nothing but € (three bytes each) stops at E2BIG and goes on in the next call.
constexpr std::size_t k_text_buffer = 2 * k_chunk;

// How a run of bytes scans as UTF-8.
enum class Utf8Status { complete, incomplete, invalid };

// The outcome of scan_utf8: the length of the valid prefix, and for invalid input how many bytes
// from there make up the bad sequence.
struct Utf8Scan {
    Utf8Status status = Utf8Status::complete;
    std::size_t valid = 0;
    std::size_t bad_length = 0;
};

// Scan `s` as UTF-8 (Unicode's table of well-formed sequences: no overlongs, no surrogates,
// nothing above U+10FFFF); a sequence cut off by the end of `s` is incomplete, not invalid.
Utf8Scan scan_utf8(std::string_view s) {
    const char* p = s.data();
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // ASCII eight bytes at a time, then straight to the first byte that is not ASCII.
        while (i + 8 <= n) {
            std::uint64_t word = 0;
            std::memcpy(&word, p + i, 8);
            word &= 0x8080808080808080ull;
            if (word != 0) {
                i += static_cast<std::size_t>(std::endian::native == std::endian::little
                                                  ? std::countr_zero(word)
                                                  : std::countl_zero(word)) /
                     8;
                break;
            }
            i += 8;
        }
        if (i == n) {
            break;
        }
        const auto lead = static_cast<unsigned char>(p[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned lo = 0x80;
        unsigned hi = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            lo = lead == 0xE0 ? 0xA0 : lo;
            hi = lead == 0xED ? 0x9F : hi;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            lo = lead == 0xF0 ? 0x90 : lo;
            hi = lead == 0xF4 ? 0x8F : hi;
        } else {
            return {Utf8Status::invalid, i, 1};
        }
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k == n) {
                return {Utf8Status::incomplete, i, 0};
            }
            const auto next = static_cast<unsigned char>(p[i + k]);
            if (next < lo || next > hi) {
                return {Utf8Status::invalid, i, k + 1};
            }
            lo = 0x80;
            hi = 0xBF;
        }
        i += length;
    }
    return {Utf8Status::complete, n, 0};
}

std::string_view byte_order_mark(Encoding encoding) {
    switch (encoding) {
    case Encoding::utf8:
    case Encoding::utf8_bom:
        return "\xEF\xBB\xBF";
    case Encoding::utf16le:
        return "\xFF\xFE";
    case Encoding::utf16be:
        return "\xFE\xFF";
    case Encoding::windows1252:
        break;
    }
    return {};
}

// Return the iconv name of `encoding`, or nothing for UTF-8, which is not converted.
const char* iconv_name(Encoding encoding) {
    switch (encoding) {
    case Encoding::windows1252:
        return "WINDOWS-1252";
    case Encoding::utf16le:
        return "UTF-16LE";
    case Encoding::utf16be:
        return "UTF-16BE";
    case Encoding::utf8:
    case Encoding::utf8_bom:
        break;
    }
    return nullptr;
}

// Return `bytes` as "0xC3 0x28".
std::string hex_bytes(std::string_view bytes) {
    std::string out;
    for (char c : bytes) {
        out += fmt::format("{}0x{:02X}", out.empty() ? "" : " ", static_cast<unsigned char>(c));
    }
    return out;
}

} // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    std::string key;
    for (char c : name) {
        if (c == '-' || c == '_' || c == ' ') {
            continue;
        }
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    if (key == "utf8" || key == "ascii" || key == "usascii") {
        return Encoding::utf8;
    }
    if (key == "utf8withbom" || key == "utf8bom" || key == "utf8sig") {
        return Encoding::utf8_bom;
    }
    if (key == "windows1252" || key == "cp1252" || key == "win1252" || key == "ansi" ||
        key == "latin1" || key == "iso88591") {
        return Encoding::windows1252;
    }
    if (key == "utf16le" || key == "utf16" || key == "unicode") {
        return Encoding::utf16le;
    }
    if (key == "utf16be") {
        return Encoding::utf16be;
    }
    return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) {
    switch (encoding) {
    case Encoding::utf8:
        return "UTF-8";
    case Encoding::utf8_bom:
        return "UTF-8 with BOM";
    case Encoding::windows1252:
        return "Windows-1252";
    case Encoding::utf16le:
        return "UTF-16LE";
    case Encoding::utf16be:
        return "UTF-16BE";
    }
    return "UTF-8";
}

Encoding detect_encoding(std::string_view head) {
    for (const auto encoding : {Encoding::utf8_bom, Encoding::utf16le, Encoding::utf16be}) {
        if (head.starts_with(byte_order_mark(encoding))) {
            return encoding;
        }
    }
    return scan_utf8(head).status == Utf8Status::invalid ? Encoding::windows1252 : Encoding::utf8;
}

struct DecodingStreambuf::Converter {
    explicit Converter(iconv_t descriptor) : cd(descriptor) {}
    ~Converter() { iconv_close(cd); }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    iconv_t cd;
};

DecodingStreambuf::DecodingStreambuf(std::istream& source, Encoding encoding,
                                     std::string source_name)
    : m_source(source), m_encoding(encoding), m_source_name(std::move(source_name)),
      m_raw(k_chunk + k_max_carry) {
    if (const char* from = iconv_name(encoding)) {
        const iconv_t cd = iconv_open("UTF-8", from);
        if (cd == reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1))) {
            throw Error(ErrorKind::internal,
                        _f("cannot convert from {}: {}; the system's iconv lacks it, "
                           "please report this",
                           encoding_name(encoding), std::strerror(errno)));
        }
        m_converter = std::make_unique<Converter>(cd);
        m_text.resize(k_text_buffer);
    }
}

DecodingStreambuf::~DecodingStreambuf() = default;

DecodingStreambuf::int_type DecodingStreambuf::underflow() {
    while (gptr() == egptr()) {
        if (!m_error.empty()) {
            throw Error(ErrorKind::bad_data, m_error);
        }
        if (m_raw_end - m_raw_pos < k_max_carry && !m_source_done) {
            refill();
        }
        if (!m_bom_checked) {
            skip_bom();
        }
        if (m_raw_pos == m_raw_end) {
            return traits_type::eof();
        }
        if (m_converter) {
            convert();
        } else {
            validate_utf8();
        }
    }
    return traits_type::to_int_type(*gptr());
}

// Move the undecoded bytes to the front and read the next chunk after them.
void DecodingStreambuf::refill() {
    const std::size_t carry = m_raw_end - m_raw_pos;
    std::memmove(m_raw.data(), m_raw.data() + m_raw_pos, carry);
    m_raw_offset += m_raw_pos;
    m_raw_pos = 0;
    m_source.read(m_raw.data() + carry, static_cast<std::streamsize>(k_chunk));
    const auto got = static_cast<std::size_t>(m_source.gcount());
    m_raw_end = carry + got;
    if (m_source.bad()) {
        throw Error(ErrorKind::storage,
                    _f("{}: reading failed after byte {}; check the disk or network "
                       "share and try again",
                       m_source_name, m_raw_offset + m_raw_end));
    }
    m_source_done = got < k_chunk;
}

void DecodingStreambuf::skip_bom() {
    m_bom_checked = true;
    const std::string_view bom = byte_order_mark(m_encoding);
    const std::string_view head(m_raw.data() + m_raw_pos, m_raw_end - m_raw_pos);
    if (!bom.empty() && head.starts_with(bom)) {
        m_raw_pos += bom.size();
    }
}

// Deliver the valid UTF-8 in the chunk straight from m_raw; carry a cut-off character over.
void DecodingStreambuf::validate_utf8() {
    char* begin = m_raw.data() + m_raw_pos;
    const auto scan = scan_utf8(std::string_view(begin, m_raw_end - m_raw_pos));
    setg(begin, begin, begin + scan.valid);
    m_raw_pos += scan.valid;
    if (scan.status == Utf8Status::invalid) {
        const std::string_view bad(m_raw.data() + m_raw_pos, scan.bad_length);
        fail_at(m_raw_pos, fmt::format("{} is not a character", hex_bytes(bad)));
    } else if (scan.status == Utf8Status::incomplete && m_source_done) {
        fail_at(m_raw_pos, "the file ends inside a character");
    }
}

// Convert the undecoded bytes into m_text with iconv.
void DecodingStreambuf::convert() {
    char* in = m_raw.data() + m_raw_pos;
    std::size_t in_left = m_raw_end - m_raw_pos;
    char* out = m_text.data();
    std::size_t out_left = m_text.size();
    const std::size_t result = ::iconv(m_converter->cd, &in, &in_left, &out, &out_left);
    const int error = errno;
    m_raw_pos = static_cast<std::size_t>(in - m_raw.data());
    setg(m_text.data(), m_text.data(), out);
    if (result != static_cast<std::size_t>(-1) || error == E2BIG) {
        return;
    }
    const bool utf16 = m_encoding == Encoding::utf16le || m_encoding == Encoding::utf16be;
    if (error == EINVAL) {
        // A character cut off at the end of the chunk: it is completed by the next one.
        if (m_source_done) {
            fail_at(m_raw_pos, utf16 ? utf16_detail(m_raw_pos, true)
                                     : std::string("the file ends inside a character"));
        }
        return;
    }
    if (error == EILSEQ) {
        fail_at(m_raw_pos,
                utf16 ? utf16_detail(m_raw_pos, false)
                      : fmt::format("{} is not assigned to any character",
                                    hex_bytes(std::string_view(m_raw.data() + m_raw_pos, 1))));
        return;
    }
    throw Error(ErrorKind::internal, _f("{}: iconv failed: {}; please report this", m_source_name,
                                        std::strerror(error)));
}

// Describe the UTF-16 code unit at `pos` that iconv rejected, or that the input ends in.
std::string DecodingStreambuf::utf16_detail(std::size_t pos, bool at_end) const {
    const std::size_t left = m_raw_end - pos;
    if (left % 2 != 0 && (at_end || left < 2)) {
        return "the file has an odd number of bytes, so its last character is cut off";
    }
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(m_raw[pos + k]); };
    const unsigned unit =
        m_encoding == Encoding::utf16le ? byte(0) | (byte(1) << 8) : (byte(0) << 8) | byte(1);
    if (unit >= 0xD800 && unit <= 0xDBFF) {
        return at_end
                   ? fmt::format("the file ends after the high surrogate 0x{:04X}", unit)
                   : fmt::format("the high surrogate 0x{:04X} is not followed by a low one", unit);
    }
    if (unit >= 0xDC00 && unit <= 0xDFFF) {
        return fmt::format("the low surrogate 0x{:04X} has no high one before it", unit);
    }
    return fmt::format("0x{:04X} is not a character", unit);
}

void DecodingStreambuf::fail_at(std::size_t pos, std::string_view detail) {
    const Encoding shown = m_encoding == Encoding::utf8_bom ? Encoding::utf8 : m_encoding;
    m_error = fmt::format("{}: byte {}: invalid {} ({}); save the file as UTF-8 or name its "
                          "encoding with --encoding",
                          m_source_name, m_raw_offset + pos, encoding_name(shown), detail);
}

DecodedInput::DecodedInput(std::ifstream file, Encoding encoding, std::uintmax_t size,
                           std::string source_name)
    : m_file(std::move(file)), m_size(size), m_buffer(m_file, encoding, std::move(source_name)),
      m_stream(&m_buffer) {
    m_stream.exceptions(std::ios::badbit);
}

std::unique_ptr<DecodedInput> open_decoded(const std::filesystem::path& path,
                                           std::optional<Encoding> forced) {
    const std::string name = path.string();
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (status.type() == std::filesystem::file_type::not_found) {
        throw Error(ErrorKind::not_found, _f("no file {}; check the name and the folder", name));
    }
    if (ec) {
        throw Error(ErrorKind::not_found,
                    _f("cannot read {}: {}; check the folder's permissions", name, ec.message()));
    }
    if (std::filesystem::is_directory(status)) {
        throw Error(ErrorKind::bad_data, _f("{} is a folder; name a file", name));
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        throw Error(ErrorKind::not_found, _f("cannot read {}; check the file's permissions", name));
    }
    std::uintmax_t size = 0;
    if (std::filesystem::is_regular_file(status)) {
        size = std::filesystem::file_size(path, ec);
        size = ec ? 0 : size;
    }
    Encoding encoding = forced.value_or(Encoding::utf8);
    if (!forced) {
        std::string head(encoding_detect_bytes, '\0');
        file.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(file.gcount()));
        if (file.bad()) {
            throw Error(ErrorKind::not_found,
                        _f("cannot read {}; check the disk and the file", name));
        }
        file.clear();
        if (!file.seekg(0)) {
            throw Error(ErrorKind::usage,
                        _f("cannot detect the encoding of {}, it cannot be read twice; "
                           "name its encoding with --encoding",
                           name));
        }
        encoding = detect_encoding(head);
    }
    return std::make_unique<DecodedInput>(std::move(file), encoding, size, name);
}

} // namespace werkstatt
