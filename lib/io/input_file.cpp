// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/input_file.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "io/file_hash.hpp"
#include "io/xlsx_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <unistd.h>
#include <vector>

namespace werkstatt {

namespace {

constexpr const char* k_stdin_name = "standard input";

// A private temporary file (mode 0600: imports carry personal data) holding a copy of a stream
// that cannot be read twice; removed when it goes. Once the copy is open for reading, removing
// the name early is fine: the open file keeps its bytes.
class SpooledCopy {
  public:
    SpooledCopy(std::FILE* from, const std::string& name) {
        std::error_code ec;
        auto folder = std::filesystem::temp_directory_path(ec);
        if (ec) {
            folder = "/tmp";
        }
        std::string templ = (folder / "werkstatt-input-XXXXXX").string();
        const int fd = ::mkstemp(templ.data()); // mkstemp creates it with mode 0600
        if (fd < 0) {
            throw Error(ErrorKind::storage,
                        _f("cannot keep a copy of {} in {}: {}; set TMPDIR to a "
                           "writable folder",
                           name, folder.string(), std::strerror(errno)));
        }
        m_path = templ;
        std::vector<char> buffer(1u << 16);
        for (;;) {
            const auto n = std::fread(buffer.data(), 1, buffer.size(), from);
            if (n > 0 && ::write(fd, buffer.data(), n) != static_cast<ssize_t>(n)) {
                const int error = errno;
                ::close(fd);
                throw Error(ErrorKind::storage,
                            _f("cannot keep a copy of {} in {}: {}; free some space "
                               "or set TMPDIR to another folder",
                               name, folder.string(), std::strerror(error)));
            }
            if (n < buffer.size()) {
                break;
            }
        }
        const bool failed = std::ferror(from) != 0;
        ::close(fd);
        if (failed) {
            throw Error(ErrorKind::storage,
                        _f("reading {} failed; check what feeds it and try again", name));
        }
    }
    SpooledCopy(const SpooledCopy&) = delete;
    SpooledCopy& operator=(const SpooledCopy&) = delete;
    ~SpooledCopy() {
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

// Return "UTF-16LE" or "UTF-16BE" if `head` reads like UTF-16 text without a byte order mark:
// most bytes at odd (LE) or even (BE) offsets are zero, as Latin and German text has, and
// hardly any of the others. Text in UTF-8 or Windows-1252 has no zero bytes at all.
std::optional<Encoding> utf16_without_bom(std::string_view head) {
    std::size_t zero_even = 0;
    std::size_t zero_odd = 0;
    for (std::size_t i = 0; i < head.size(); ++i) {
        if (head[i] == '\0') {
            (i % 2 == 0 ? zero_even : zero_odd) += 1;
        }
    }
    const std::size_t pairs = head.size() / 2;
    if (pairs < 2) {
        return std::nullopt;
    }
    if (zero_odd * 2 > pairs && zero_even * 8 < zero_odd) {
        return Encoding::utf16le;
    }
    if (zero_even * 2 > pairs && zero_odd * 8 < zero_even) {
        return Encoding::utf16be;
    }
    return std::nullopt;
}

std::string read_head(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(encoding_detect_bytes, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

bool has_bom(std::string_view head) {
    return head.starts_with("\xEF\xBB\xBF") || head.starts_with("\xFF\xFE") ||
           head.starts_with("\xFE\xFF");
}

} // namespace

bool is_standard_input(const std::string& path) {
    return path == "-" || path == "/dev/stdin";
}

std::optional<Encoding> encoding_option(const std::optional<std::string>& name) {
    if (!name || *name == "auto") {
        return std::nullopt;
    }
    const auto e = parse_encoding(*name);
    if (!e) {
        throw Error(ErrorKind::usage, _f("encoding '{}' is unknown; use utf-8, "
                                         "windows-1252 or utf-16le",
                                         *name));
    }
    return e;
}

InputFile open_input(const std::string& path, std::optional<Encoding> forced, InputKinds kinds) {
    InputFile input;
    const bool standard = is_standard_input(path);
    input.name = standard ? k_stdin_name : path;
    input.file_name = standard ? "-" : std::filesystem::path(path).filename().string();
    std::error_code ec;
    const auto status = standard ? std::filesystem::file_status(std::filesystem::file_type::fifo)
                                 : std::filesystem::status(path, ec);
    if (!standard) {
        if (status.type() == std::filesystem::file_type::not_found) {
            throw Error(ErrorKind::not_found,
                        _f("cannot read {}: there is no such file; check the name and the "
                           "folder",
                           path));
        }
        if (ec) {
            throw Error(
                ErrorKind::not_found,
                _f("cannot read {}: {}; check the folder's permissions", path, ec.message()));
        }
        if (std::filesystem::is_directory(status)) {
            throw Error(ErrorKind::bad_data, _f("{} is a folder; name a CSV file", path));
        }
    }
    // A pipe, a terminal or standard input is copied first: it can be read only once.
    std::optional<SpooledCopy> copy;
    std::filesystem::path file = path;
    if (!std::filesystem::is_regular_file(status)) {
        if (standard) {
            copy.emplace(stdin, input.name);
        } else {
            const std::unique_ptr<std::FILE, int (*)(std::FILE*)> from(
                std::fopen(path.c_str(), "rb"), &std::fclose);
            if (!from) {
                throw Error(ErrorKind::not_found, _f("cannot read {}: {}; check its permissions",
                                                     path, std::strerror(errno)));
            }
            copy.emplace(from.get(), input.name);
        }
        file = copy->path();
    }
    const auto scan = scan_file(file);
    input.sha256 = scan.sha256;
    const auto head = read_head(file);
    if (kinds == InputKinds::text_or_workbook && looks_like_zip(head)) {
        std::error_code size_error;
        const auto bytes = std::filesystem::file_size(file, size_error);
        if (!size_error && bytes > xlsx_max_file_bytes) {
            throw Error(ErrorKind::bad_data, _f("{} is larger than {} MiB; save the sheet as "
                                                "CSV to import it",
                                                input.name, xlsx_max_file_bytes >> 20));
        }
        std::ifstream in(file, std::ios::binary);
        auto workbook =
            std::make_shared<std::string>(static_cast<std::size_t>(size_error ? 0 : bytes), '\0');
        in.read(workbook->data(), static_cast<std::streamsize>(workbook->size()));
        if (!in || static_cast<std::size_t>(in.gcount()) != workbook->size()) {
            throw Error(ErrorKind::not_found,
                        _f("cannot read {}; check the file's permissions", input.name));
        }
        input.workbook = std::move(workbook);
        return input;
    }
    Encoding encoding = Encoding::utf8;
    if (forced) {
        encoding = *forced;
    } else if (has_bom(head)) {
        encoding = detect_encoding(head);
    } else if (const auto utf16 = utf16_without_bom(head)) {
        const bool le = *utf16 == Encoding::utf16le;
        throw Error(ErrorKind::bad_data,
                    _f("{} looks like {} without a byte order mark; try --encoding {}", input.name,
                       le ? "UTF-16LE" : "UTF-16BE", le ? "utf-16le" : "utf-16be"));
    } else {
        // One read of the whole file tells UTF-8 from Windows-1252 even where the first umlaut
        // comes late: bytes that are not UTF-8 before any UTF-8 character mean Windows-1252;
        // after one, the file is broken UTF-8 and decoding says where.
        encoding =
            scan.valid_utf8 || scan.utf8_before_error ? Encoding::utf8 : Encoding::windows1252;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::not_found,
                    _f("cannot read {}; check the file's permissions", input.name));
    }
    std::error_code size_error;
    auto size = std::filesystem::file_size(file, size_error);
    size = size_error ? 0 : size;
    input.decoded = std::make_unique<DecodedInput>(std::move(in), encoding, size, input.name);
    return input; // the copy's name goes now; the open stream keeps its bytes
}

} // namespace werkstatt
