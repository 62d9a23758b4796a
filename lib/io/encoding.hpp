// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// The character encodings werkstatt reads; everything becomes UTF-8 on the way in.
enum class Encoding { utf8, utf8_bom, windows1252, utf16le, utf16be };

// How many bytes at the start of a file open_decoded hands to detect_encoding.
inline constexpr std::size_t encoding_detect_bytes = 1u << 16;

// Parse `name` ("utf-8", "cp1252", "latin1", "utf-16le", "UTF-8 with BOM", ...; case, spaces,
// hyphens and underscores do not matter) into an encoding, or nothing if it is not one we read.
// ISO-8859-1 and "ansi" (Notepad's name) mean Windows-1252, its superset for printable text;
// "utf-16" and "unicode" mean UTF-16LE, as Windows writes it.
std::optional<Encoding> parse_encoding(std::string_view name);

// Return the name of `encoding` for people: "UTF-8", "UTF-8 with BOM", "Windows-1252",
// "UTF-16LE" or "UTF-16BE".
std::string_view encoding_name(Encoding encoding);

// Guess the encoding of a file from its first bytes `head` (up to encoding_detect_bytes): a byte
// order mark decides (EF BB BF, FF FE, FE FF); without one, valid UTF-8 (a character cut off at
// the end of `head` allowed) is UTF-8 and anything else Windows-1252.
Encoding detect_encoding(std::string_view head);

// A stream buffer that reads bytes in an encoding from a source stream and delivers UTF-8 text,
// 64 KiB at a time whatever the size of the input, skipping a leading byte order mark. UTF-8 is
// validated in place; the other encodings are converted with iconv. Bytes that are invalid in the
// encoding (Windows-1252's undefined 0x81 0x8D 0x8F 0x90 0x9D included) make the read that reaches
// them throw Error(bad_data) naming the source and the byte offset (from 0, in the source's
// bytes); the text before them is delivered first. A std::istream over it must have
// exceptions(std::ios::badbit) set, or it swallows the Error and only sets badbit.
class DecodingStreambuf : public std::streambuf {
  public:
    // Decode the bytes of `source` as `encoding`; `source_name` names the input in error messages
    // ("agency.csv"). Throw Error(internal) if iconv cannot convert from `encoding`.
    DecodingStreambuf(std::istream& source, Encoding encoding, std::string source_name);
    ~DecodingStreambuf() override;
    DecodingStreambuf(const DecodingStreambuf&) = delete;
    DecodingStreambuf& operator=(const DecodingStreambuf&) = delete;

    // Return the encoding being decoded.
    Encoding encoding() const { return m_encoding; }

    // Return how many bytes of the source have been decoded so far, a byte order mark included.
    std::size_t bytes_consumed() const { return m_raw_offset + m_raw_pos; }

  protected:
    int_type underflow() override;

  private:
    struct Converter; // an iconv descriptor, closed when it goes

    void refill();
    void skip_bom();
    void validate_utf8();
    void convert();
    void fail_at(std::size_t pos, std::string_view detail);
    std::string utf16_detail(std::size_t pos, bool at_end) const;

    std::istream& m_source;
    Encoding m_encoding;
    std::string m_source_name;
    std::unique_ptr<Converter> m_converter; // none for UTF-8
    std::vector<char> m_raw;                // source bytes; [m_raw_pos, m_raw_end) not decoded yet
    std::size_t m_raw_pos = 0;
    std::size_t m_raw_end = 0;
    std::size_t m_raw_offset = 0; // offset in the source of m_raw[0]
    std::vector<char> m_text;     // converted text (UTF-8 is delivered straight from m_raw)
    std::string m_error;          // the message the next read throws, if not empty
    bool m_source_done = false;
    bool m_bom_checked = false;
};

// An open file read as UTF-8 text: the file, the decoding stream buffer and a stream over it.
class DecodedInput {
  public:
    // Read `file` as `encoding`; `size` is its size in bytes, `source_name` names it in messages.
    DecodedInput(std::ifstream file, Encoding encoding, std::uintmax_t size,
                 std::string source_name);
    DecodedInput(const DecodedInput&) = delete;
    DecodedInput& operator=(const DecodedInput&) = delete;

    // Return the UTF-8 text of the file; invalid bytes make a read throw Error(bad_data).
    std::istream& stream() { return m_stream; }

    // Return the encoding the file is read as.
    Encoding encoding() const { return m_buffer.encoding(); }

    // Return the size of the file in bytes (0 if it is not a regular file).
    std::uintmax_t size() const { return m_size; }

    // Return how many bytes of the file have been decoded so far, for progress against size().
    std::size_t bytes_consumed() const { return m_buffer.bytes_consumed(); }

  private:
    std::ifstream m_file;
    std::uintmax_t m_size;
    DecodingStreambuf m_buffer;
    std::istream m_stream;
};

// Open the file at `path` for reading as UTF-8, in encoding `forced` or else the one
// detect_encoding finds in its first bytes. Throw Error(not_found) if the file does not exist or
// cannot be read, Error(bad_data) if it is a folder, Error(usage) if it must be detected but
// cannot be read twice (a pipe).
std::unique_ptr<DecodedInput> open_decoded(const std::filesystem::path& path,
                                           std::optional<Encoding> forced);

} // namespace werkstatt
