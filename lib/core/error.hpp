// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>

namespace werkstatt {

// What went wrong, coarse enough to choose an exit status (see werkstatt(1)).
enum class ErrorKind {
    usage,     // a flag or argument is wrong or missing
    bad_data,  // a value or a file's content is invalid
    not_found, // a file or a record does not exist
    conflict,  // a duplicate key, a record still in use
    internal,  // a bug in werkstatt
    output,    // the output file cannot be written
    storage,   // database or I/O failure, corrupt or too new database
    busy,      // the database stayed locked past the busy timeout
    config,    // unreadable configuration, unknown key, wrong type
};

// The one exception type of libwerkstatt: `message` says what is wrong and what to do.
class Error : public std::runtime_error {
  public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), m_kind(kind) {}
    ErrorKind kind() const { return m_kind; }

  private:
    ErrorKind m_kind;
};

// Exit statuses shared by every command (after BSD sysexits where one fits).
namespace exit_status {
inline constexpr int ok = 0;
inline constexpr int partial = 1;
inline constexpr int usage = 2;
inline constexpr int bad_data = 65;
inline constexpr int not_found = 66;
inline constexpr int conflict = 69;
inline constexpr int internal = 70;
inline constexpr int output = 73;
inline constexpr int storage = 74;
inline constexpr int busy = 75;
inline constexpr int config = 78;
} // namespace exit_status

// Return the exit status for an error of `kind`.
int exit_status_for(ErrorKind kind);

} // namespace werkstatt
