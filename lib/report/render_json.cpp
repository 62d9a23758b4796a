// SPDX-License-Identifier: GPL-3.0-or-later
// A report as JSON, described by schemas/report.schema.json (schema_version 1). Every table has
// three arrays of the same length: `rows` (one object per row, column key -> value), `labels`
// (column key -> the text people read, for text cells whose code differs from it) and `flags`
// (column key -> why a cell holds null: primary, secondary, missing, not_collected, empty). A
// suppressed count is null in `rows`: its value is never written.
#include "report/render.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace werkstatt::report {

namespace {

using Json = nlohmann::ordered_json;

std::string_view totals_name(Totals totals) {
    switch (totals) {
    case Totals::columns:
        return "columns";
    case Totals::both:
        return "both";
    case Totals::none:
        break;
    }
    return "none";
}

std::string_view chart_kind(Chart::Kind kind) {
    switch (kind) {
    case Chart::Kind::funnel:
        return "funnel";
    case Chart::Kind::map:
        return "map";
    case Chart::Kind::bars:
        break;
    }
    return "bars";
}

// Return the flag of a cell that is written as null, or an empty view for one with a value.
std::string_view flag_of(const Cell& cell) {
    if (cell.suppression == Suppression::primary) {
        return "primary";
    }
    if (cell.suppression == Suppression::secondary) {
        return "secondary";
    }
    switch (cell.kind) {
    case Cell::Kind::missing:
        return "missing";
    case Cell::Kind::not_collected:
        return "not_collected";
    case Cell::Kind::empty:
        return "empty";
    case Cell::Kind::date:
        return cell.date ? "" : "empty";
    default:
        return "";
    }
}

Json value_of(const Cell& cell) {
    if (!flag_of(cell).empty()) {
        return nullptr;
    }
    switch (cell.kind) {
    case Cell::Kind::count:
        return cell.count;
    case Cell::Kind::number: {
        const double scale = std::pow(10.0, cell.decimals);
        return std::round(cell.number * scale) / scale;
    }
    case Cell::Kind::date:
        return cell.date->iso();
    case Cell::Kind::text:
        return cell.code.empty() ? cell.text : cell.code;
    default:
        return nullptr;
    }
}

Json table_json(const Table& table) {
    Json columns = Json::array();
    for (const auto& column : table.columns) {
        columns.push_back(Json{{"key", column.key}, {"label", column.label}});
    }
    Json rows = Json::array();
    Json labels = Json::array();
    Json flags = Json::array();
    for (const auto& row : table.rows) {
        Json values = Json::object();
        Json row_labels = Json::object();
        Json row_flags = Json::object();
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            const auto& key = table.columns[i].key;
            const Cell cell = i < row.size() ? row[i] : Cell{};
            values[key] = value_of(cell);
            if (const auto flag = flag_of(cell); !flag.empty()) {
                row_flags[key] = flag;
            }
            if (cell.kind == Cell::Kind::text && !cell.code.empty() && cell.code != cell.text) {
                row_labels[key] = cell.text;
            }
        }
        rows.push_back(std::move(values));
        labels.push_back(std::move(row_labels));
        flags.push_back(std::move(row_flags));
    }
    Json out = Json::object();
    out["id"] = table.id;
    out["title"] = table.title;
    out["note"] = table.note;
    out["totals"] = totals_name(table.totals);
    out["margin_group"] = table.margin_group.empty() ? Json(nullptr) : Json(table.margin_group);
    out["label_columns"] = table.label_columns;
    out["columns"] = std::move(columns);
    out["rows"] = std::move(rows);
    out["labels"] = std::move(labels);
    out["flags"] = std::move(flags);
    return out;
}

Json section_json(const Section& section) {
    Json tables = Json::array();
    for (const auto& table : section.tables) {
        tables.push_back(table_json(table));
    }
    Json charts = Json::array();
    for (const auto& chart : section.charts) {
        charts.push_back(Json{{"kind", chart_kind(chart.kind)},
                              {"table", chart.table},
                              {"column", chart.column},
                              {"title", chart.title},
                              {"description", chart.description}});
    }
    Json out = Json::object();
    out["id"] = section.id;
    out["title"] = section.title;
    out["paragraphs"] = section.paragraphs;
    out["tables"] = std::move(tables);
    out["charts"] = std::move(charts);
    return out;
}

} // namespace

std::string render_json(const Report& report) {
    Json out = Json::object();
    out["schema_version"] = report.schema_version;
    out["kind"] = report.kind;
    out["title"] = report.title;
    out["period"] =
        Json{{"text", report.period}, {"first", report.first.iso()}, {"last", report.last.iso()}};
    out["reference_day"] = report.reference_day.iso();
    out["lang"] = report.lang;
    out["network"] = report.network;
    out["min_cell"] = report.min_cell;
    if (report.generated_at) {
        out["generated_at"] = *report.generated_at;
    }
    Json sections = Json::array();
    for (const auto& section : report.sections) {
        sections.push_back(section_json(section));
    }
    out["sections"] = std::move(sections);
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace werkstatt::report
