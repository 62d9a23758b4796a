// SPDX-License-Identifier: GPL-3.0-or-later
// E-mail messages as files (RFC 5322, MIME RFC 2045-2049): UTF-8 headers as RFC 2047 encoded
// words, the text quoted-printable, attachments base64, every line ended by CRLF; and handing a
// message to a sendmail-compatible program.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace werkstatt {

// A mailbox: a display name (may be empty) and an address (name@example.org).
struct MailAddress {
    std::string name;
    std::string address;
};

// A file attached to a message.
struct MailAttachment {
    std::string content_type; // e.g. "text/calendar; charset=UTF-8; method=REQUEST"
    std::string file_name;    // ASCII, e.g. "einladung.ics"
    std::string content;      // the bytes, sent base64
};

// One message.
struct MailMessage {
    MailAddress from;
    MailAddress to;
    std::string subject;    // UTF-8, one line
    std::string text;       // UTF-8 body; line breaks LF or CRLF
    std::time_t date = 0;   // the Date header, written in the local time zone
    std::string message_id; // without angle brackets: "<random>@<domain>"
    std::vector<MailAttachment> attachments;
    // An iCalendar invitation (iMIP, RFC 6047), e.g. METHOD:REQUEST: sent as the text's
    // alternative (text/calendar; method=...), where Outlook and other calendars look for a
    // meeting request, and attached once more as `file_name` for those that only open files.
    std::optional<MailAttachment> invitation;
};

// Return `text` as RFC 2047 encoded words ("=?UTF-8?B?...?=", each at most 75 characters,
// separated by CRLF and a blank) when it holds anything but printable ASCII, else unchanged.
std::string encode_header_text(std::string_view text);

// Return `text` quoted-printable (RFC 2045 6.7): lines ended by CRLF, at most 76 characters with
// soft line breaks, '=', non-ASCII bytes and blanks before a line end as =XX.
std::string quoted_printable(std::string_view text);

// Return `time` as an RFC 5322 date in the local time zone: "Thu, 11 Feb 2027 14:00:00 +0100".
std::string mail_date(std::time_t time);

// Return a new Message-ID "<32 hex digits>@`domain`" without the angle brackets.
std::string new_message_id(std::string_view domain);

// Return `message` as an RFC 5322 message with CRLF line ends: text/plain alone, or
// multipart/mixed with the attachments. Throw Error(bad_data) if an address is not one line of
// printable ASCII with an @, or a name or the subject holds a line break or control character.
std::string write_mail(const MailMessage& message);

// The result of handing one message to a sendmail-compatible program.
struct SendResult {
    bool sent = false;
    std::string problem; // why not ("exited with status 1"), empty when sent
};

// Split `command` ("/usr/sbin/sendmail -t -i", "msmtp -a 'IQ Büro' -t") into the program and
// its arguments the way a POSIX shell splits words: at blanks, with '...' and "..." keeping
// blanks, and a backslash keeping the next character (inside "..." only before " $ ` and itself).
// Nothing is expanded ($, *, ~ stay as written) and no shell runs. Return an empty list for a
// command of blanks only; an unclosed quote is Error(config).
std::vector<std::string> split_command(std::string_view command);

// Return whether the program of `argv` (a path, or a name looked up in PATH) exists and may be
// run.
bool program_found(const std::vector<std::string>& argv);

// Run `argv` without a shell with `message` on its standard input (its standard output goes to
// standard error) and wait for it; sent when it exits with status 0.
SendResult send_with_program(const std::vector<std::string>& argv, std::string_view message);

} // namespace werkstatt
