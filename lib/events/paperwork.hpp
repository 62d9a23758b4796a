// SPDX-License-Identifier: GPL-3.0-or-later
// A meeting's paperwork: the mail-merge list of who is invited, the invitations as e-mails with
// the event as an iCalendar invitation, the printable sign-in sheet (Teilnehmerliste), and the
// attendance read back from that list.
#pragma once

#include "core/i18n.hpp"
#include "domain/company.hpp"
#include "domain/event.hpp"
#include "events/settings.hpp"
#include "io/mail.hpp"
#include "io/records.hpp"
#include "store/database.hpp"

#include <ctime>
#include <istream>
#include <string>
#include <vector>

namespace werkstatt {

class RowSource;

// Return the greeting of a letter to `contact` in `lang` by its salutation: "Sehr geehrte Frau
// Anna Schulz", "Sehr geehrter Herr ...", or "Guten Tag ..." when not known. The full name is
// used as given, never guessed apart.
std::string contact_greeting(const Contact& contact, Language lang);

// The invitations to an event: one row per contact invited, and how many were left out.
struct InvitationList {
    Records records;
    std::size_t without_email = 0; // contacts of active members left out for want of an address
};

// Return the mail-merge list of event `event_id` in `lang`: every contact of an active member
// company with an e-mail address who receives invitations (Contact::invited), with greeting,
// company, address and the event's date, times, place and topics. Throw Error(not_found) for an
// unknown event, Error(conflict) for a cancelled or held one.
InvitationList event_invitations(Database& db, std::int64_t event_id, Language lang);

// One invitation as an e-mail.
struct InvitationMail {
    Contact contact;
    std::string file_name; // "<event>-<contact id>-<company key>.eml"
    std::string message;   // RFC 5322, CRLF line ends
};

// Return the invitations to event `event_id` as e-mails from `settings.from` with the subject and
// text of the templates in `settings` filled in `lang`, dated `now`, each with the event as an
// iCalendar invitation (METHOD:REQUEST, the contact as ATTENDEE) attached. Throw Error(config)
// when mail.from is empty or not an address, Error(not_found) and Error(conflict) as
// event_invitations does.
std::vector<InvitationMail> invitation_mails(Database& db, std::int64_t event_id,
                                             const MailSettings& settings, Language lang,
                                             std::time_t now);

// Record in the audit log (one row, no message text) that invitations to event `event_id` were
// written to `folder` for `written` contacts, `sent` of them handed to the mail program.
void record_invitations(Database& db, std::int64_t event_id, const std::string& folder,
                        const std::vector<std::int64_t>& written,
                        const std::vector<std::int64_t>& sent, DryRun dry_run);

// Return the sign-in sheet (Teilnehmerliste) of event `event_id` as a printable HTML page on A4
// in `lang`: the event's title, date, times, place, host and topics, one row per registration
// (company, name, role, an empty signature column) and `empty_rows` empty rows for walk-ins;
// every text escaped. Throw Error(not_found) for an unknown event, Error(conflict) for a
// cancelled one.
std::string sign_in_sheet_html(Database& db, std::int64_t event_id, Language lang,
                               int empty_rows = 8);

// What reading attendance back from a list did, or would do.
struct AttendanceListReport {
    std::vector<std::string> problems; // "FILE:LINE: what is wrong; what to do"; nothing written
    std::size_t recorded = 0;          // rows recorded
    std::size_t walk_ins = 0;          // of them, contacts not registered before
    std::size_t skipped = 0;           // rows without a status
};

// Record the attendance at event `event_id` from the CSV list `in` (named `source`) with the
// columns company (key or name), name and status (attended, no-show or excused; anwesend, x, ja
// also mean attended, entschuldigt excused, nicht erschienen and nein no-show; empty: skipped).
// Each row must name a contact of that company; all rows or none are recorded, in one
// transaction with one audit row. Throw Error(bad_data) for a file without those columns.
AttendanceListReport record_attendance_list(Database& db, std::int64_t event_id, std::istream& in,
                                            const std::string& source, DryRun dry_run);
// Record the attendance as record_attendance_list above does, from the rows of a CSV file or a
// sheet of a workbook (open_rows).
AttendanceListReport record_attendance_list(Database& db, std::int64_t event_id, RowSource& rows,
                                            DryRun dry_run);

} // namespace werkstatt
