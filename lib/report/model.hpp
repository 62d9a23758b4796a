// SPDX-License-Identifier: GPL-3.0-or-later
// What a report is, independent of how it is written: sections of text, tables and charts.
// The builders (kinds.hpp) make a Report from the store; disclosure control (disclosure.hpp)
// marks the cells that must not be published; the renderers (render.hpp) write it as Markdown,
// HTML, CSV, JSON or XLSX. Keys (`id`, `key`, codes) never change with the language; labels and
// text are already in the report's language when the builder made them.
#pragma once

#include "core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace werkstatt::report {

// Why a cell is not published (statistische Geheimhaltung).
enum class Suppression {
    none,      // published
    primary,   // a count from 1 to report.min_cell: printed as "<N" (N = min_cell + 1)
    secondary, // suppressed so that no primary cell can be worked out from the totals: "x"
};

// One cell of a table.
struct Cell {
    enum class Kind {
        empty,         // nothing to show (not applicable)
        text,          // `text` (a name, a code, a label)
        count,         // `count`, a number of persons or things; subject to disclosure control
        number,        // `number`, e.g. a median of days or a share in percent
        date,          // `date`
        missing,       // the value is not recorded ("keine Angabe"), never shown as zero
        not_collected, // a sensitive category that is switched off or was not consented to
    };
    Kind kind = Kind::empty;
    std::string text;         // Kind::text: what people read (translated where it is a label)
    std::string code;         // Kind::text: the stable code for CSV/JSON ("female"), else empty
    std::int64_t count = 0;   // Kind::count
    double number = 0;        // Kind::number
    int decimals = 0;         // Kind::number: digits after the decimal separator
    std::optional<Date> date; // Kind::date
    Suppression suppression = Suppression::none;

    static Cell of_text(std::string text, std::string code = {});
    static Cell of_count(std::int64_t count);
    static Cell of_number(double number, int decimals);
    static Cell of_date(const Date& date);
    static Cell of_missing();
    static Cell of_not_collected();
};

// A column: `key` is the CSV column and JSON field (stable), `label` what people read.
struct Column {
    std::string key;
    std::string label;
};

// How the counts of a table add up, for disclosure control and its proof.
enum class Totals {
    none,    // the counts are not additive (or not of persons): no disclosure control applies
    columns, // the last row is a total: each count column's body rows add up to it
    both,    // as `columns`, and the last count column is a total of the other count columns
             // in each row (the grand total in the corner)
};

// A table of a section; the first `label_columns` columns are labels (text), the rest are
// values. Under Totals::columns or Totals::both, every value column holds counts.
struct Table {
    std::string id; // stable name: the CSV file name (<id>.csv), the --table value, the JSON key
    std::string title;
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;
    std::size_t label_columns = 1;
    Totals totals = Totals::none;
    std::string note; // one sentence under the table (how it is counted), may be empty
    // Tables with the same non-empty margin_group count the same persons in their total row
    // (the last row, e.g. the participants by gender): their value columns and total rows must
    // be equal, and disclosure control suppresses the same cells of it in all of them, so that
    // no table publishes what another hides. Empty: the table shares no margin.
    std::string margin_group;
};

// A chart the HTML renderer draws from a table of the same section.
struct Chart {
    enum class Kind {
        bars,   // one bar per body row of `table`, value from column `column`
        funnel, // as bars, drawn as the stages of a funnel (proposed -> hired)
        map,    // Sachsen-Anhalt's districts shaded by `column`; the table's first label
                // column holds the district key (AGS, 5 digits) as the cell's `code`
    };
    Kind kind = Kind::bars;
    std::string table;  // Table::id
    std::string column; // Column::key
    std::string title;
    std::string description; // the text alternative
};

// A section: a heading, paragraphs, tables and charts.
struct Section {
    std::string id; // stable ("events", "exchange", ...)
    std::string title;
    std::vector<std::string> paragraphs;
    std::vector<Table> tables;
    std::vector<Chart> charts;
};

// A whole report.
struct Report {
    int schema_version = 1;
    std::string kind;   // "quarterly", "annual", "esf", "rotation", "exchange", "members"
    std::string title;  // "Quartalsbericht 2027Q1"
    std::string period; // the resolved period as text ("2027Q1")
    Date first;         // the period's first day
    Date last;          // its last day
    Date reference_day; // --date, or today
    std::string lang;   // "de" or "en"
    std::optional<std::string> generated_at; // only with --timestamp
    std::string network;                     // the network's name from the config
    int min_cell = 3;                        // report.min_cell in effect
    std::vector<Section> sections;
};

} // namespace werkstatt::report
