// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/file_hash.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <openssl/evp.h>
#include <vector>

namespace werkstatt {

std::string sha256_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(
            ErrorKind::not_found,
            fmt::format("cannot read {}; check the file name and permissions", path.string()));
    }
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                      EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) {
        throw Error(ErrorKind::internal, "cannot start SHA-256; please report this");
    }
    std::vector<char> buffer(1u << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n > 0 && EVP_DigestUpdate(ctx.get(), buffer.data(), n) != 1) {
            throw Error(ErrorKind::internal, "SHA-256 failed; please report this");
        }
    }
    if (in.bad()) {
        throw Error(ErrorKind::storage,
                    fmt::format("cannot read {}; check the disk", path.string()));
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex += fmt::format("{:02x}", digest[i]);
    }
    return hex;
}

} // namespace werkstatt
