// SPDX-License-Identifier: GPL-3.0-or-later
// The candidate card as Markdown and as printable HTML, in the document's language.
#include "applicants/card.hpp"

#include "core/text.hpp"
#include "io/xml.hpp"

#include <fmt/format.h>
#include <map>

namespace werkstatt {

namespace {

// One line of the card's table: what, and the value as a person reads it.
struct Row {
    std::string label;
    std::string value;
};

// The work permission in plain words and the employer's steps.
struct PermissionText {
    std::string summary;
    std::vector<std::string> steps;
    std::string note;
};

std::string not_stated(Language lang) {
    return tr(lang, "not stated");
}

std::string level_name(const CefrLevel& level, Language lang) {
    return level.str() == "native" ? tr(lang, "native language") : std::string(level.str());
}

// Return the language of ISO 639-1 `code` by its name in `lang`, or the code for one not in the
// list of the languages the exchange meets most.
std::string language_name(const std::string& code, Language lang) {
    const std::map<std::string, std::string, std::less<>> names = {
        {"am", tr(lang, "Amharic")},    {"ar", tr(lang, "Arabic")},
        {"bg", tr(lang, "Bulgarian")},  {"bn", tr(lang, "Bengali")},
        {"bs", tr(lang, "Bosnian")},    {"cs", tr(lang, "Czech")},
        {"el", tr(lang, "Greek")},      {"en", tr(lang, "English")},
        {"es", tr(lang, "Spanish")},    {"fa", tr(lang, "Persian")},
        {"fr", tr(lang, "French")},     {"hi", tr(lang, "Hindi")},
        {"hr", tr(lang, "Croatian")},   {"hu", tr(lang, "Hungarian")},
        {"it", tr(lang, "Italian")},    {"ku", tr(lang, "Kurdish")},
        {"pl", tr(lang, "Polish")},     {"ps", tr(lang, "Pashto")},
        {"pt", tr(lang, "Portuguese")}, {"ro", tr(lang, "Romanian")},
        {"ru", tr(lang, "Russian")},    {"so", tr(lang, "Somali")},
        {"sq", tr(lang, "Albanian")},   {"sr", tr(lang, "Serbian")},
        {"ta", tr(lang, "Tamil")},      {"ti", tr(lang, "Tigrinya")},
        {"tr", tr(lang, "Turkish")},    {"uk", tr(lang, "Ukrainian")},
        {"ur", tr(lang, "Urdu")},       {"vi", tr(lang, "Vietnamese")},
        {"zh", tr(lang, "Chinese")},
    };
    const auto it = names.find(code);
    return it == names.end() ? code : it->second;
}

std::string requirement_text(RequirementLevel level, Language lang) {
    switch (level) {
    case RequirementLevel::helper:
        return tr(lang, "Helper: helper and semi-skilled tasks");
    case RequirementLevel::skilled:
        return tr(lang, "Skilled worker: specialised tasks");
    case RequirementLevel::specialist:
        return tr(lang, "Specialist: complex specialist tasks");
    case RequirementLevel::expert:
        return tr(lang, "Expert: highly complex tasks");
    }
    return "";
}

std::string recognition_text(const std::optional<Recognition>& r, Language lang) {
    if (!r) {
        return not_stated(lang);
    }
    return recognition_phrase(*r, lang);
}

std::string occupation_text(const CandidateCard& c, Language lang) {
    if (!c.kldb) {
        return c.occupation.empty() ? not_stated(lang) : c.occupation;
    }
    const auto code = fmt::format("KldB {}", c.kldb->str());
    return c.occupation.empty() ? code : fmt::format("{} ({})", c.occupation, code);
}

std::string languages_text(const CandidateCard& c, Language lang) {
    if (c.languages.empty()) {
        return tr(lang, "none stated");
    }
    std::vector<std::string> parts;
    for (const auto& skill : c.languages) {
        parts.push_back(
            fmt::format("{} ({})", language_name(skill.code, lang), level_name(skill.level, lang)));
    }
    return text::join(parts, ", ");
}

std::string available_text(const CandidateCard& c, const CardContext& x) {
    if (!c.available_from) {
        return not_stated(x.lang);
    }
    if (*c.available_from <= x.day) {
        return tr(x.lang, "now");
    }
    return trf(x.lang, "from {}", format_date(*c.available_from, x.lang));
}

PermissionText permission_text(const CandidateCard& c, const CardContext& x) {
    const auto lang = x.lang;
    PermissionText p;
    const bool abroad = c.status == ResidenceStatus::ausland;
    switch (c.work_rule.permission) {
    case WorkPermission::free:
        p.summary = tr(lang, "May take up any employment; no authority has to approve it.");
        break;
    case WorkPermission::title_job:
        p.summary = tr(lang, "May work only in the job or training the residence title was issued "
                             "for; the supplementary sheet (Zusatzblatt) names it.");
        if (c.work_rule.job_change == JobChange::notice) {
            p.steps.push_back(tr(lang, "A change of employer needs no approval; in the first 12 "
                                       "months of employment the person reports the new job to "
                                       "the Ausländerbehörde."));
        } else {
            p.steps.push_back(tr(lang, "Check that the title covers this job; for another job or "
                                       "employer the Ausländerbehörde must change the title "
                                       "first, usually with the consent of the Bundesagentur für "
                                       "Arbeit."));
        }
        break;
    case WorkPermission::limited:
        p.summary = tr(lang, "May work without approval, but only within the hours or days the "
                             "residence title allows.");
        p.steps.push_back(tr(lang, "Agree hours and days within these limits and keep a record "
                                   "of them; work beyond them needs a permit of the "
                                   "Ausländerbehörde."));
        break;
    case WorkPermission::permit_required:
        if (abroad) {
            p.summary = tr(lang, "Lives abroad: needs a visa for this job from the German "
                                 "mission.");
            p.steps.push_back(tr(lang, "With the person's power of attorney the employer can "
                                       "apply for the accelerated procedure for skilled workers "
                                       "at the Ausländerbehörde (§ 81a AufenthG)."));
        } else {
            p.summary = tr(lang, "Needs a work permit (Beschäftigungserlaubnis) of the "
                                 "Ausländerbehörde for this job, usually with the consent of the "
                                 "Bundesagentur für Arbeit.");
            p.steps.push_back(tr(lang, "The person applies for the permit; the employer fills in "
                                       "the description of the job (Erklärung zum "
                                       "Beschäftigungsverhältnis: pay, hours, tasks). Work may "
                                       "start only once the permit is on the document."));
        }
        break;
    case WorkPermission::not_allowed:
        p.summary = tr(lang, "May not work at present.");
        p.steps.push_back(tr(lang, "Do not employ the person while the ban lasts; employing them "
                                   "anyway is an administrative offence."));
        break;
    case WorkPermission::unknown:
        p.summary = tr(lang, "Not clarified yet: the residence document decides whether this job "
                             "is allowed.");
        p.steps.push_back(tr(lang, "Before any contract, have the document and its annotation "
                                   "read; if in doubt ask the Ausländerbehörde or the IQ Faire "
                                   "Integration counselling."));
        break;
    }
    if (c.status != ResidenceStatus::eu && c.work_rule.permission != WorkPermission::not_allowed) {
        p.steps.push_back(tr(lang, "Before the first working day, check the residence document "
                                   "and keep a copy of it for the whole employment."));
    }
    if (p.steps.empty()) {
        p.steps.push_back(tr(lang, "Nothing to apply for."));
    }
    p.note = trf(lang,
                 "General rules as of {}, not legal advice: the annotation on the "
                 "residence document (Nebenbestimmung) prevails.",
                 format_date_text(c.work_rules_valid_as_of, lang));
    return p;
}

std::vector<Row> card_rows(const CandidateCard& c, const CardContext& x) {
    const auto lang = x.lang;
    std::vector<Row> rows;
    rows.push_back({tr(lang, "Target occupation"), occupation_text(c, lang)});
    rows.push_back(
        {tr(lang, "Requirement level"),
         c.kldb ? requirement_text(c.kldb->requirement_level(), lang) : not_stated(lang)});
    rows.push_back({tr(lang, "German"), c.german ? level_name(*c.german, lang) : not_stated(lang)});
    rows.push_back({tr(lang, "Other languages"), languages_text(c, lang)});
    rows.push_back(
        {tr(lang, "Recognition of the qualification"), recognition_text(c.recognition, lang)});
    rows.push_back(
        {tr(lang, "Driving licences"), c.licences.empty() ? tr(lang, "none") : c.licences});
    rows.push_back({tr(lang, "Available"), available_text(c, x)});
    rows.push_back(
        {tr(lang, "Lives in (district)"), c.district.empty() ? not_stated(lang) : c.district});
    rows.push_back({tr(lang, "Willing to travel"),
                    c.radius_km ? trf(lang, "up to {} km", *c.radius_km) : not_stated(lang)});
    return rows;
}

std::string title_of(const CandidateCard& c, Language lang) {
    return trf(lang, "Application {}", c.pseudonym);
}

// The lines under the title: the opening and the matching's score.
std::vector<std::string> opening_lines(const CandidateCard& c, Language lang) {
    std::vector<std::string> lines;
    if (!c.opening) {
        return lines;
    }
    const auto& o = *c.opening;
    lines.push_back(
        trf(lang, "For the opening “{}” at {} (opening {})", o.title, o.company_name, o.id));
    if (o.score_milli) {
        lines.push_back(trf(lang, "Fit found by the matching: {} of 100",
                            format_number(static_cast<double>(*o.score_milli) / 1000.0, 0, lang)));
    }
    return lines;
}

std::string footer_text(const CardContext& x) {
    return trf(x.lang,
               "Pseudonymised profile from {}, as of {}. The card names no person: the "
               "network's coordinators arrange the contact. Use it only for this "
               "application, pass it on to no one, and destroy it when the position is "
               "filled.",
               x.network, format_date(x.day, x.lang));
}

// Return `s` with the characters that Markdown reads as markup escaped, on one line.
std::string md(std::string_view s) {
    std::string out;
    for (const char ch : s) {
        switch (ch) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '|':
        case '#':
            out += '\\';
            out += ch;
            break;
        case '\n':
        case '\r':
        case '\t':
            out += ' ';
            break;
        default:
            out += ch;
        }
    }
    return out;
}

std::string esc(std::string_view s) {
    return xml_escape(s);
}

constexpr const char* k_style = R"css(
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #111; background: #fff;
  max-width: 46em; margin: 2em auto; padding: 0 1em; }
.card { border: 1px solid #999; padding: 1em 1.5em; margin-bottom: 2em; }
h1 { font-size: 18pt; margin: 0 0 .3em; }
h2 { font-size: 13pt; border-bottom: 1px solid #666; margin-top: 1.2em; }
.for { font-size: 12pt; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .8em 0; }
th, td { border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }
th { width: 35%; background: #f0f0f0; font-weight: normal; }
.note, footer { font-size: 9pt; color: #333; }
footer { border-top: 1px solid #999; margin-top: 1.5em; padding-top: .4em; }
@page { size: A4; margin: 18mm 18mm 20mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  .card { border: none; padding: 0; margin: 0; break-inside: avoid; }
  .card + .card { break-before: page; }
}
)css";

std::string card_article(const CandidateCard& c, const CardContext& x) {
    const auto lang = x.lang;
    std::string out =
        "<article class=\"card\">\n<header>\n<h1>" + esc(title_of(c, lang)) + "</h1>\n";
    for (const auto& line : opening_lines(c, lang)) {
        out += "<p class=\"for\">" + esc(line) + "</p>\n";
    }
    out += "</header>\n<table>\n<tbody>\n";
    for (const auto& row : card_rows(c, x)) {
        out += "<tr><th scope=\"row\">" + esc(row.label) + "</th><td>" + esc(row.value) +
               "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    const auto p = permission_text(c, x);
    out += "<h2>" + esc(tr(lang, "Permission to work")) + "</h2>\n<p>" + esc(p.summary) + "</p>\n";
    out += "<h2>" + esc(tr(lang, "What the employer has to do")) + "</h2>\n<ul>\n";
    for (const auto& step : p.steps) {
        out += "<li>" + esc(step) + "</li>\n";
    }
    out += "</ul>\n<p class=\"note\">" + esc(p.note) + "</p>\n";
    out += "<footer>" + esc(footer_text(x)) + "</footer>\n</article>\n";
    return out;
}

} // namespace

std::string card_markdown(const CandidateCard& c, const CardContext& x) {
    const auto lang = x.lang;
    std::string out = "# " + md(title_of(c, lang)) + "\n\n";
    for (const auto& line : opening_lines(c, lang)) {
        out += md(line) + "  \n";
    }
    if (c.opening) {
        out += "\n";
    }
    out += "| | |\n|---|---|\n";
    for (const auto& row : card_rows(c, x)) {
        out += "| " + md(row.label) + " | " + md(row.value) + " |\n";
    }
    const auto p = permission_text(c, x);
    out += "\n## " + md(tr(lang, "Permission to work")) + "\n\n" + md(p.summary) + "\n";
    out += "\n## " + md(tr(lang, "What the employer has to do")) + "\n\n";
    for (const auto& step : p.steps) {
        out += "- " + md(step) + "\n";
    }
    out += "\n*" + md(p.note) + "*\n\n" + md(footer_text(x)) + "\n";
    return out;
}

std::string cards_html(const std::vector<CandidateCard>& cards, const CardContext& x,
                       const std::string& company) {
    const auto heading = !company.empty() ? trf(x.lang, "Applications for {}", company)
                                          : (cards.size() == 1 ? title_of(cards.front(), x.lang)
                                                               : tr(x.lang, "Applications"));
    std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta "
                                  "charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n"
                                  "</head>\n<body>\n<main>\n",
                                  to_string(x.lang), esc(heading), k_style);
    for (const auto& card : cards) {
        out += card_article(card, x);
    }
    return out + "</main>\n</body>\n</html>\n";
}

} // namespace werkstatt
