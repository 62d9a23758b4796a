// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/text.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <utility>

namespace werkstatt::text {

std::string_view trim(std::string_view s) {
    const auto is_space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    };
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const auto pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) {
            out += sep;
        }
        out += parts[i];
    }
    return out;
}

namespace {

// Decode one code point at `i`; return its length, or 0 if the bytes there are not UTF-8.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_combining(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0xFE00 && cp <= 0xFE0F);
}

} // namespace

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        // ASCII, the common case: eight bytes at a time while none has the high bit set.
        std::uint64_t word = 0;
        if (i + sizeof word <= s.size() &&
            (std::memcpy(&word, s.data() + i, sizeof word), (word & 0x8080808080808080u) == 0)) {
            i += sizeof word;
            continue;
        }
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i; // no decoding
            continue;
        }
        char32_t cp = 0;
        const auto len = decode_utf8(s, i, cp);
        if (len == 0) {
            return false;
        }
        i += len;
    }
    return true;
}

std::size_t valid_utf8_prefix(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        char32_t cp = 0;
        const auto len = decode_utf8(s, i, cp);
        if (len == 0) {
            break;
        }
        i += len;
    }
    return i;
}

namespace {

// Return how display_safe() shows the code point `cp`: "" if as it is. Escaped: C0 and C1
// controls, bidirectional marks and overrides, zero-width and other invisible characters (soft
// hyphen, the Mongolian vowel separator, Hangul fillers, interlinear annotation marks, tag
// characters). The zero-width joiner and non-joiner (U+200C, U+200D) and the variation selectors
// (U+FE00 to U+FE0F) stay: Persian spelling and emoji need them.
std::string escaped_point(char32_t cp, LineBreaks breaks) {
    if (cp < 0x20 || cp == 0x7F) {
        if (breaks == LineBreaks::keep && (cp == '\n' || cp == '\t')) {
            return "";
        }
        return fmt::format("\\x{:02X}", static_cast<unsigned>(cp));
    }
    const bool hidden = (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200B ||
                        cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
                        (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) ||
                        cp == 0xFEFF || cp == 0x00AD || cp == 0x180E || cp == 0x115F ||
                        cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 ||
                        (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
    if (!hidden) {
        return "";
    }
    return cp > 0xFFFF ? fmt::format("\\U{:08X}", static_cast<unsigned>(cp))
                       : fmt::format("\\u{:04X}", static_cast<unsigned>(cp));
}

// Append to `out` how display_safe() shows the code point (or stray byte) at `i` of `s`; return
// its length in bytes, and in `shown` how many characters it took.
std::size_t append_safe(std::string& out, std::string_view s, std::size_t i, LineBreaks breaks,
                        std::size_t& shown) {
    char32_t cp = 0;
    const auto len = decode_utf8(s, i, cp);
    if (len == 0) {
        out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[i]));
        shown = 4;
        return 1;
    }
    const auto escape = escaped_point(cp, breaks);
    if (escape.empty()) {
        out.append(s.substr(i, len));
        shown = 1;
    } else {
        out += escape;
        shown = escape.size();
    }
    return len;
}

} // namespace

std::string printable(std::string_view s, std::size_t max_bytes) {
    std::string out;
    std::size_t i = 0;
    while (i < s.size() && out.size() < max_bytes) {
        std::size_t shown = 0;
        i += append_safe(out, s, i, LineBreaks::escape, shown);
    }
    if (i < s.size()) { // something was left out
        out += "…";
    }
    return out;
}

std::string display_safe(std::string_view s, std::size_t max_chars, LineBreaks breaks) {
    // Most values are short printable ASCII: nothing to do.
    if (s.size() <= max_chars &&
        std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) {
        return std::string(s);
    }
    std::string out;
    std::size_t chars = 0;  // characters of `out`
    std::size_t source = 0; // characters of `s` read so far
    std::size_t i = 0;
    bool cut = false;
    while (i < s.size()) {
        const auto before = out.size();
        std::size_t shown = 0;
        const auto len = append_safe(out, s, i, breaks, shown);
        if (chars + shown > max_chars) {
            out.resize(before); // an escape is never cut in half
            cut = true;
            break;
        }
        chars += shown;
        i += len;
        ++source;
    }
    if (!cut) {
        return out;
    }
    for (; i < s.size(); ++source) {
        char32_t cp = 0;
        const auto len = decode_utf8(s, i, cp);
        i += len == 0 ? 1 : len;
    }
    return fmt::format("{}… ({} characters)", out, source);
}

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        auto len = decode_utf8(s, i, cp);
        if (len == 0) {
            len = 1; // a stray byte shows as one replacement character
            cp = 0xFFFD;
        }
        i += len;
        if (!is_combining(cp)) {
            width += is_wide(cp) ? 2 : 1;
        }
    }
    return width;
}

namespace {

// Return the length in bytes of the code point at `i` of `s` and its width in columns.
std::pair<std::size_t, std::size_t> next_point(std::string_view s, std::size_t i) {
    char32_t cp = 0;
    auto len = decode_utf8(s, i, cp);
    if (len == 0) {
        return {1, 1};
    }
    const std::size_t width = is_combining(cp) ? 0 : (is_wide(cp) ? 2 : 1);
    return {len, width};
}

} // namespace

std::string cut_to_width(std::string_view s, std::size_t width) {
    if (display_width(s) <= width) {
        return std::string(s);
    }
    if (width == 0) {
        return "";
    }
    std::string out;
    std::size_t used = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto [len, w] = next_point(s, i);
        if (used + w > width - 1) {
            break;
        }
        out.append(s.substr(i, len));
        used += w;
        i += len;
    }
    return out + "…";
}

std::vector<std::string> wrap_words(std::string_view s, std::size_t width) {
    width = std::max<std::size_t>(width, 1);
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_width = 0;
    const auto flush = [&] {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
    };
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            ++i;
            continue;
        }
        auto end = s.find_first_of(" \t\n\r", i);
        if (end == std::string_view::npos) {
            end = s.size();
        }
        std::string_view word = s.substr(i, end - i);
        i = end;
        auto word_width = display_width(word);
        if (!line.empty() && line_width + 1 + word_width <= width) {
            line += ' ';
            line.append(word);
            line_width += 1 + word_width;
            continue;
        }
        if (!line.empty()) {
            flush();
        }
        // A word wider than a line is broken where the line is full.
        while (word_width > width) {
            std::size_t cut = 0;
            std::size_t used = 0;
            while (cut < word.size()) {
                const auto [len, w] = next_point(word, cut);
                if (used + w > width && used > 0) {
                    break;
                }
                cut += len;
                used += w;
            }
            line.append(word.substr(0, cut));
            flush();
            word.remove_prefix(cut);
            word_width = display_width(word);
        }
        line.append(word);
        line_width = word_width;
    }
    if (!line.empty() || lines.empty()) {
        lines.push_back(std::move(line));
    }
    return lines;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
    if (s.empty()) {
        return std::nullopt;
    }
    if (s.front() == '+') {
        s.remove_prefix(1);
        if (s.empty() || s.front() == '-') {
            return std::nullopt;
        }
    }
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parse_double(std::string_view s) {
    if (s.empty()) {
        return std::nullopt;
    }
    // Digits, one '.', a leading '-' and an exponent only: no "nan" or "inf".
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
            return std::nullopt;
        }
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) {
        return std::nullopt;
    }
    return value;
}

std::string fold_german(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            const auto d = static_cast<unsigned char>(s[i + 1]);
            const char* folded = nullptr;
            switch (d) {
            case 0xA4:
            case 0x84:
                folded = "ae";
                break;
            case 0xB6:
            case 0x96:
                folded = "oe";
                break;
            case 0xBC:
            case 0x9C:
                folded = "ue";
                break;
            case 0x9F:
                folded = "ss";
                break;
            default:
                break;
            }
            if (folded != nullptr) {
                out += folded;
                ++i;
                continue;
            }
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
    return out;
}

std::string fold_for_match(std::string_view s) {
    const auto folded = fold_german(trim(s));
    std::string out;
    for (char c : folded) {
        if (c == ' ' && !out.empty() && out.back() == ' ') {
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace werkstatt::text
