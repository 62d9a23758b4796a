// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/file_hash.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <nettle/sha2.h>
#include <vector>

namespace werkstatt {

namespace {

// Return how many bytes at the end of `chunk` start a UTF-8 character that continues in the next
// chunk (0 to 3).
std::size_t incomplete_tail(std::string_view chunk) {
    for (std::size_t back = 1; back <= 3 && back <= chunk.size(); ++back) {
        const auto c = static_cast<unsigned char>(chunk[chunk.size() - back]);
        if ((c & 0xC0) == 0x80) {
            continue; // a continuation byte: look further back
        }
        const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

} // namespace

FileScan scan_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::not_found,
                    _f("cannot read {}; check the file name and permissions", path.string()));
    }
    // GNU Nettle's SHA-256: a small library with few relocations, so it costs little at the
    // start of every call (OpenSSL's libcrypto cost about a third of the dynamic loader's work).
    sha256_ctx ctx{};
    sha256_init(&ctx);
    FileScan scan;
    // The file is read into the buffer after the (at most 3) bytes of a character that the
    // previous read cut off, so that each chunk is checked in place.
    constexpr std::size_t k_carry = 3;
    std::vector<char> buffer(k_carry + (1u << 20));
    std::size_t carried = 0;
    while (in) {
        char* const start = buffer.data() + k_carry;
        in.read(start, static_cast<std::streamsize>(buffer.size() - k_carry));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n > 0) {
            sha256_update(&ctx, n, reinterpret_cast<const std::uint8_t*>(start));
        }
        if (scan.valid_utf8 && n > 0) {
            std::string_view chunk(start - carried, carried + n);
            const auto tail = in ? incomplete_tail(chunk) : 0;
            chunk.remove_suffix(tail);
            scan.valid_utf8 = text::is_valid_utf8(chunk);
            const auto upto = scan.valid_utf8 ? chunk.size() : text::valid_utf8_prefix(chunk);
            for (std::size_t i = 0; i < upto && !scan.utf8_before_error; ++i) {
                scan.utf8_before_error = static_cast<unsigned char>(chunk[i]) >= 0x80;
            }
            std::memmove(start - tail, chunk.data() + chunk.size(), tail);
            carried = tail;
        }
    }
    if (in.bad()) {
        throw Error(ErrorKind::storage, _f("cannot read {}; check the disk", path.string()));
    }
    std::uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    for (const auto byte : digest) {
        scan.sha256 += fmt::format("{:02x}", byte);
    }
    return scan;
}

} // namespace werkstatt
