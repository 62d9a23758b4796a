// SPDX-License-Identifier: GPL-3.0-or-later
// The sign-in sheet (Teilnehmerliste) of an event as a printable HTML page.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "events/events.hpp"
#include "events/ics.hpp"
#include "events/paperwork.hpp"
#include "io/xml.hpp"
#include "members/members.hpp"

#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

constexpr const char* k_sheet_style = R"css(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  font-size: 10.5pt; line-height: 1.35; color: #111; background: #fff;
  max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 17pt; margin: 0 0 .4em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15em 1em; margin: 0 0 1em; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; white-space: pre-line; }
table.signin { border-collapse: collapse; width: 100%; }
table.signin th, table.signin td { border: 1px solid #444; padding: .3em .4em; text-align: left;
  vertical-align: top; }
table.signin th { background: #eee; }
table.signin td { height: 2.1em; }
table.signin { table-layout: fixed; }
table.signin .nr { width: 2.2em; text-align: right; }
table.signin .co { width: 30%; }
table.signin .na { width: 26%; }
table.signin .ro { width: 18%; }
table.signin .sig { width: 22%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
footer { font-size: 8.5pt; color: #333; margin-top: 1em; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
)css";

std::string sheet_esc(std::string_view s) {
    return xml_escape(s);
}

// Return the facts block: one term and its value per line.
std::string sheet_facts(const std::vector<std::pair<std::string, std::string>>& facts) {
    std::string out = "<dl class=\"facts\">\n";
    for (const auto& [term, value] : facts) {
        if (!value.empty()) {
            out += "<dt>" + sheet_esc(term) + "</dt><dd>" + sheet_esc(value) + "</dd>\n";
        }
    }
    return out + "</dl>\n";
}

// Return one row of the table: number, company, name, role and an empty signature cell.
std::string sheet_row(int n, std::string_view company, std::string_view name,
                      std::string_view role) {
    return fmt::format("<tr><td class=\"nr\">{}</td><td>{}</td><td>{}</td><td>{}</td>"
                       "<td class=\"sig\"></td></tr>\n",
                       n, sheet_esc(company), sheet_esc(name), sheet_esc(role));
}

} // namespace

std::string sign_in_sheet_html(Database& db, std::int64_t event_id, Language lang, int empty_rows) {
    const auto e = require_event(db, event_id);
    if (e.status == EventStatus::cancelled) {
        throw Error(ErrorKind::conflict,
                    _f("event {} is cancelled; it needs no sign-in sheet (reinstate it "
                       "with 'werkstatt event confirm {}')",
                       e.id, e.id));
    }
    const auto host = require_company(db, e.host_key);
    const auto title = e.title.empty() ? kind_label(e.kind, lang) : e.title;
    const auto agenda = event_agenda(e, topic_titles(db));
    std::string time;
    if (e.start) {
        time = e.start->str() + (e.end ? " – " + e.end->str() : std::string());
    }
    std::map<std::string, std::string> company_names;
    CompanyFilter all;
    all.include_archived = true;
    for (const auto& c : list_companies(db, all)) {
        company_names[c.key] = c.name;
    }
    const auto heading = tr(lang, "Sign-in sheet");
    std::string out =
        fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta "
                    "charset=\"utf-8\">\n<title>{} – {}</title>\n<style>{}</style>\n"
                    "</head>\n<body>\n<main>\n",
                    to_string(lang), sheet_esc(heading), sheet_esc(title), k_sheet_style);
    out += "<h1>" + sheet_esc(heading) + ": " + sheet_esc(title) + "</h1>\n";
    out += sheet_facts({{tr(lang, "Date"), format_date(e.date, lang)},
                        {tr(lang, "Time"), time},
                        {tr(lang, "Place"), host_address_line(host)},
                        {tr(lang, "Host"), host.name},
                        {tr(lang, "Topics"), text::join(agenda, "\n")}});
    out += fmt::format(
        "<table class=\"signin\">\n<thead><tr><th class=\"nr\">{}</th><th class=\"co\">{}</th>"
        "<th class=\"na\">{}</th><th class=\"ro\">{}</th><th "
        "class=\"sig\">{}</th></tr></thead>\n<tbody>\n",
        sheet_esc(tr(lang, "No.")), sheet_esc(tr(lang, "Company")), sheet_esc(tr(lang, "Name")),
        sheet_esc(tr(lang, "Role")), sheet_esc(tr(lang, "Signature")));
    int n = 0;
    for (const auto& r : list_registrations(db, e.id)) {
        std::string role;
        if (r.contact_id) {
            if (const auto c = find_contact(db, *r.contact_id)) {
                role = c->role;
            }
        }
        const auto name = company_names.find(r.company_key);
        out += sheet_row(++n, name == company_names.end() ? r.company_key : name->second,
                         r.contact_name, role);
    }
    for (int i = 0; i < empty_rows; ++i) {
        out += sheet_row(++n, "", "", "");
    }
    out += "</tbody>\n</table>\n<footer>" +
           sheet_esc(tr(lang, "With my signature I confirm that I took part.")) +
           "</footer>\n</main>\n</body>\n</html>\n";
    return out;
}

} // namespace werkstatt
