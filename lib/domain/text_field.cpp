// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/text_field.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace werkstatt {

namespace {

bool is_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
}

} // namespace

TextProblem clean_text_into(std::string_view value, std::size_t max_bytes, std::string& out) {
    const auto raw = text::trim(value);
    if (!text::is_valid_utf8(raw)) {
        return TextProblem::invalid_utf8;
    }
    if (std::none_of(raw.begin(), raw.end(), is_control)) {
        if (raw.size() > max_bytes) {
            return TextProblem::too_long;
        }
        out.assign(raw); // the common case: reuses the buffer of `out`
        return TextProblem::none;
    }
    std::string cleaned;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\r') {
            cleaned += '\n'; // CRLF or a lone CR: one line break
            i += i + 1 < raw.size() && raw[i + 1] == '\n' ? 1 : 0;
            continue;
        }
        if (is_control(c) && c != '\n' && c != '\t') {
            return TextProblem::control_character;
        }
        cleaned += c;
    }
    if (cleaned.size() > max_bytes) {
        return TextProblem::too_long;
    }
    out = std::move(cleaned);
    return TextProblem::none;
}

std::string describe(TextProblem problem, std::size_t max_bytes) {
    switch (problem) {
    case TextProblem::invalid_utf8:
        return _("not valid UTF-8 text");
    case TextProblem::control_character:
        return _("contains a control character");
    case TextProblem::too_long:
        return _f("longer than {} bytes", max_bytes);
    case TextProblem::none:
        break;
    }
    return "";
}

std::string clean_text(std::string_view field, std::string_view value, std::size_t max_bytes) {
    std::string out;
    switch (clean_text_into(value, max_bytes, out)) {
    case TextProblem::none:
        return out;
    case TextProblem::invalid_utf8:
        throw Error(ErrorKind::bad_data,
                    _f("{} is not valid UTF-8 text; check the terminal's or file's "
                       "encoding",
                       field));
    case TextProblem::control_character:
        throw Error(ErrorKind::bad_data, _f("{} contains a control character; remove it", field));
    case TextProblem::too_long:
        break;
    }
    throw Error(ErrorKind::bad_data,
                _f("{} is longer than {} bytes; shorten it", field, max_bytes));
}

} // namespace werkstatt
