// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/mail.hpp"
#include "core/i18n.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <random>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace werkstatt {

namespace {

constexpr std::string_view k_mail_base64_digits =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::size_t k_mail_line_limit = 76;
// 48 base64 characters + 12 = 60 per encoded word: with "Subject: " a line stays within 76.
constexpr std::size_t k_mail_word_bytes = 36;

// Return `bytes` base64 encoded, no line breaks.
std::string mail_base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const auto b0 = static_cast<unsigned char>(bytes[i]);
        const auto b1 = i + 1 < bytes.size() ? static_cast<unsigned char>(bytes[i + 1]) : 0u;
        const auto b2 = i + 2 < bytes.size() ? static_cast<unsigned char>(bytes[i + 2]) : 0u;
        const unsigned n = (b0 << 16u) | (b1 << 8u) | b2;
        out += k_mail_base64_digits[(n >> 18u) & 63u];
        out += k_mail_base64_digits[(n >> 12u) & 63u];
        out += i + 1 < bytes.size() ? k_mail_base64_digits[(n >> 6u) & 63u] : '=';
        out += i + 2 < bytes.size() ? k_mail_base64_digits[n & 63u] : '=';
    }
    return out;
}

// Return `bytes` base64 encoded in lines of 76 characters, each ended by CRLF.
std::string mail_base64_lines(std::string_view bytes) {
    const auto flat = mail_base64(bytes);
    std::string out;
    for (std::size_t i = 0; i < flat.size(); i += k_mail_line_limit) {
        out += flat.substr(i, k_mail_line_limit);
        out += "\r\n";
    }
    return out;
}

bool mail_is_printable_ascii(std::string_view s) {
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20u || b > 0x7Eu) {
            return false;
        }
    }
    return true;
}

// Throw Error(bad_data) unless `value`, the `what` of a message, is one line of UTF-8 text.
void mail_check_line(std::string_view what, std::string_view value) {
    if (!text::is_valid_utf8(value)) {
        throw Error(ErrorKind::bad_data,
                    _f("the e-mail's {} is not valid UTF-8; correct it", what));
    }
    for (const char c : value) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20u || b == 0x7Fu) {
            throw Error(ErrorKind::bad_data,
                        _f("the e-mail's {} '{}' holds a line break or control "
                           "character; make it one line",
                           what, text::display_safe(value)));
        }
    }
}

// Throw Error(bad_data) unless `address` looks like name@domain in printable ASCII.
void mail_check_address(std::string_view what, std::string_view address) {
    const auto at = address.find('@');
    const bool ok = !address.empty() && mail_is_printable_ascii(address) &&
                    address.find_first_of(" <>\"(),;:\\[]") == std::string_view::npos &&
                    at != std::string_view::npos && at > 0 && at + 1 < address.size();
    if (!ok) {
        throw Error(ErrorKind::bad_data,
                    _f("the e-mail's {} address '{}' is not like name@example.org; "
                       "correct it",
                       what, text::display_safe(address)));
    }
}

// Return `mailbox` as a header value: "Name" <address>, the name encoded where needed.
std::string mail_mailbox(const MailAddress& mailbox) {
    if (mailbox.name.empty()) {
        return mailbox.address;
    }
    std::string name;
    if (mail_is_printable_ascii(mailbox.name)) {
        name = "\"";
        for (const char c : mailbox.name) {
            if (c == '"' || c == '\\') {
                name += '\\';
            }
            name += c;
        }
        name += '"';
    } else {
        // The address on a line of its own, so that no line of encoded words grows past 76.
        return encode_header_text(mailbox.name) + "\r\n <" + mailbox.address + ">";
    }
    return name + " <" + mailbox.address + ">";
}

// Return 32 random hex digits.
std::string mail_random_hex() {
    std::random_device random;
    std::string hex;
    for (int i = 0; i < 4; ++i) {
        hex += fmt::format("{:08x}", random());
    }
    return hex;
}

} // namespace

std::string encode_header_text(std::string_view text) {
    if (mail_is_printable_ascii(text)) {
        return std::string(text);
    }
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = std::min(text.size(), pos + k_mail_word_bytes);
        while (end < text.size() && end > pos &&
               (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) {
            --end; // never split a UTF-8 character between two words
        }
        if (!out.empty()) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + mail_base64(text.substr(pos, end - pos)) + "?=";
        pos = end;
    }
    return out;
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::string line;
    const auto flush_line = [&](bool hard) {
        out += line;
        out += hard ? "\r\n" : "=\r\n";
        line.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            // A blank before the line end would be lost in transport: encode it.
            if (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
                const char last = line.back();
                line.pop_back();
                if (line.size() + 3 > k_mail_line_limit - 1) {
                    flush_line(false);
                }
                line += fmt::format("={:02X}", static_cast<unsigned char>(last));
            }
            flush_line(true);
            continue;
        }
        const auto b = static_cast<unsigned char>(c);
        std::string piece;
        if ((b >= 0x21u && b <= 0x7Eu && c != '=') || c == ' ' || c == '\t') {
            piece = std::string(1, c);
        } else {
            piece = fmt::format("={:02X}", b);
        }
        if (line.size() + piece.size() > k_mail_line_limit - 1) {
            flush_line(false);
        }
        line += piece;
    }
    if (!line.empty()) {
        if (line.back() == ' ' || line.back() == '\t') {
            const char last = line.back();
            line.pop_back();
            line += fmt::format("={:02X}", static_cast<unsigned char>(last));
        }
        flush_line(true);
    }
    return out;
}

std::string mail_date(std::time_t time) {
    static constexpr std::array<const char*, 7> days{"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm local{};
    localtime_r(&time, &local);
    const long offset = local.tm_gmtoff / 60;
    const long magnitude = offset < 0 ? -offset : offset;
    return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} {}{:02}{:02}", days.at(local.tm_wday),
                       local.tm_mday, months.at(local.tm_mon), local.tm_year + 1900, local.tm_hour,
                       local.tm_min, local.tm_sec, offset < 0 ? '-' : '+', magnitude / 60,
                       magnitude % 60);
}

std::string new_message_id(std::string_view domain) {
    return mail_random_hex() + "@" + std::string(domain.empty() ? "werkstatt" : domain);
}

std::string write_mail(const MailMessage& m) {
    mail_check_address("sender", m.from.address);
    mail_check_address("recipient", m.to.address);
    mail_check_line("sender name", m.from.name);
    mail_check_line("recipient name", m.to.name);
    mail_check_line("subject", m.subject);
    if (!text::is_valid_utf8(m.text)) {
        throw Error(ErrorKind::bad_data, _("the e-mail's text is not valid UTF-8; correct it"));
    }
    std::string out;
    out += "Date: " + mail_date(m.date) + "\r\n";
    out += "From: " + mail_mailbox(m.from) + "\r\n";
    out += "To: " + mail_mailbox(m.to) + "\r\n";
    out += "Subject: " + encode_header_text(m.subject) + "\r\n";
    out += "Message-ID: <" + m.message_id + ">\r\n";
    out += "MIME-Version: 1.0\r\n";
    const std::string text_headers = "Content-Type: text/plain; charset=UTF-8\r\n"
                                     "Content-Transfer-Encoding: quoted-printable\r\n";
    if (m.attachments.empty() && !m.invitation) {
        return out + text_headers + "\r\n" + quoted_printable(m.text);
    }
    // Neither quoted-printable ("=" is always =3D) nor base64 can hold "=_", so the boundary
    // cannot occur in a part.
    const std::string boundary = "=_werkstatt_" + mail_random_hex();
    out += "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
    out += "This is a message in MIME format.\r\n";
    std::vector<MailAttachment> files = m.attachments;
    if (m.invitation) {
        // The text and the invitation as alternatives (what iMIP clients read), then the
        // invitation as a file.
        const auto& inv = *m.invitation;
        mail_check_line("invitation type", inv.content_type);
        const std::string inner = boundary + "_alt";
        out += "--" + boundary + "\r\n";
        out += "Content-Type: multipart/alternative;\r\n boundary=\"" + inner + "\"\r\n\r\n";
        out += "--" + inner + "\r\n" + text_headers + "\r\n" + quoted_printable(m.text);
        out += "--" + inner + "\r\n";
        out += "Content-Type: " + inv.content_type + "\r\n";
        out += "Content-Transfer-Encoding: base64\r\n\r\n";
        out += mail_base64_lines(inv.content);
        out += "--" + inner + "--\r\n";
        files.insert(files.begin(), {"application/ics", inv.file_name, inv.content});
    } else {
        out += "--" + boundary + "\r\n" + text_headers + "\r\n" + quoted_printable(m.text);
    }
    for (const auto& a : files) {
        mail_check_line("attachment type", a.content_type);
        mail_check_line("attachment name", a.file_name);
        out += "--" + boundary + "\r\n";
        out += "Content-Type: " + a.content_type + ";\r\n name=\"" + a.file_name + "\"\r\n";
        out += "Content-Transfer-Encoding: base64\r\n";
        out += "Content-Disposition: attachment; filename=\"" + a.file_name + "\"\r\n\r\n";
        out += mail_base64_lines(a.content);
    }
    return out + "--" + boundary + "--\r\n";
}

std::vector<std::string> split_command(std::string_view command) {
    std::vector<std::string> argv;
    std::string word;
    bool in_word = false; // '' and "" make a word even when empty
    char quote = 0;       // the quote open, or 0
    for (std::size_t i = 0; i < command.size(); ++i) {
        const char c = command[i];
        if (quote == '\'') {
            if (c == '\'') {
                quote = 0;
            } else {
                word += c;
            }
        } else if (quote == '"') {
            if (c == '"') {
                quote = 0;
            } else if (c == '\\' && i + 1 < command.size() &&
                       std::string_view("\"\\$`").find(command[i + 1]) != std::string_view::npos) {
                word += command[++i];
            } else {
                word += c;
            }
        } else if (c == ' ' || c == '\t') {
            if (in_word) {
                argv.push_back(std::move(word));
                word.clear();
                in_word = false;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
            in_word = true;
        } else if (c == '\\' && i + 1 < command.size()) {
            word += command[++i];
            in_word = true;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (quote != 0) {
        throw Error(ErrorKind::config,
                    _f("the command {} has an unclosed {} quote; close it or leave it out",
                       std::string(command), quote));
    }
    if (in_word) {
        argv.push_back(std::move(word));
    }
    return argv;
}

bool program_found(const std::vector<std::string>& argv) {
    if (argv.empty()) {
        return false;
    }
    const auto runnable = [](const std::string& path) {
        struct stat st {};
        return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
               ::access(path.c_str(), X_OK) == 0;
    };
    if (argv.front().find('/') != std::string::npos) {
        return runnable(argv.front());
    }
    const char* path = std::getenv("PATH");
    for (const auto& dir : text::split(path != nullptr ? path : "/usr/bin:/bin", ':')) {
        if (!dir.empty() && runnable(std::string(dir) + "/" + argv.front())) {
            return true;
        }
    }
    return false;
}

SendResult send_with_program(const std::vector<std::string>& argv, std::string_view message) {
    if (argv.empty()) {
        return {false, "no program is configured"};
    }
    std::array<int, 2> pipe_fds{};
    if (::pipe2(pipe_fds.data(), O_CLOEXEC) != 0) {
        return {false, fmt::format("cannot make a pipe: {}", std::strerror(errno))};
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv) {
        args.push_back(const_cast<char*>(a.c_str()));
    }
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, args.front(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[0]);
    if (spawned != 0) {
        ::close(pipe_fds[1]);
        return {false, fmt::format("cannot run {}: {}", argv.front(), std::strerror(spawned))};
    }
    // A program that stops reading early must not end werkstatt with SIGPIPE.
    struct sigaction ignore {};
    struct sigaction previous {};
    ignore.sa_handler = [](int) {}; // write() then fails with EPIPE instead
    ::sigaction(SIGPIPE, &ignore, &previous);
    std::size_t written = 0;
    while (written < message.size()) {
        const auto n = ::write(pipe_fds[1], message.data() + written, message.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    ::close(pipe_fds[1]);
    ::sigaction(SIGPIPE, &previous, nullptr);
    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0) {
        if (errno != EINTR) {
            return {false, fmt::format("lost {}: {}", argv.front(), std::strerror(errno))};
        }
    }
    if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0) {
        if (written < message.size()) {
            return {false, fmt::format("{} did not read the whole message", argv.front())};
        }
        return {true, ""};
    }
    if (WIFEXITED(wstatus)) {
        return {false, fmt::format("{} exited with status {}", argv.front(), WEXITSTATUS(wstatus))};
    }
    return {false, fmt::format("{} was ended by signal {}", argv.front(), WTERMSIG(wstatus))};
}

} // namespace werkstatt
