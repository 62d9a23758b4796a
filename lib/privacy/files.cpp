// SPDX-License-Identifier: GPL-3.0-or-later
#include "privacy/files.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

namespace werkstatt {

namespace {

// Return the permission bits of the file at `path`, or -1 if there is none.
int file_mode(const std::filesystem::path& path) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
        return -1;
    }
    return static_cast<int>(st.st_mode & 07777);
}

} // namespace

const char* to_string(WrittenKind kind) {
    switch (kind) {
    case WrittenKind::rejects:
        return "rejects";
    case WrittenKind::export_:
        return "export";
    case WrittenKind::card:
        return "card";
    case WrittenKind::report:
        return "report";
    }
    return "report";
}

void record_written_file(Database& db, const std::filesystem::path& path, WrittenKind kind,
                         std::int64_t persons, const std::vector<std::int64_t>& candidate_ids) {
    std::error_code ec;
    auto absolute = std::filesystem::absolute(path, ec);
    if (ec) {
        absolute = path;
    }
    const int mode = file_mode(absolute);
    if (mode < 0) {
        return;
    }
    WriteTransaction txn(db);
    WrittenFile file;
    file.path = absolute.lexically_normal().string();
    file.kind = to_string(kind);
    file.written_at = utc_timestamp();
    file.persons = persons;
    file.mode = mode;
    file.candidate_ids = candidate_ids;
    const auto id = insert_written_file(db, file);
    txn.audit("written_file", id, "record", fmt::format("kind={},persons={}", file.kind, persons));
    txn.finish(DryRun::no);
}

Records written_file_records(Database& db, const Date& today) {
    Records r;
    r.columns = {"id", "path", "kind", "written_at", "age_days", "persons", "mode", "exists"};
    for (const auto& f : list_written_files(db)) {
        std::vector<Value> row;
        row.emplace_back(f.id);
        row.emplace_back(f.path);
        row.emplace_back(f.kind);
        row.emplace_back(f.written_at);
        if (const auto written = Date::parse_iso(f.written_at.substr(0, 10))) {
            row.emplace_back(static_cast<std::int64_t>(today.days() - written->days()));
        } else {
            row.emplace_back(std::monostate{});
        }
        row.emplace_back(f.persons);
        row.emplace_back(fmt::format("{:04o}", f.mode));
        row.emplace_back(file_mode(f.path) >= 0);
        r.rows.push_back(std::move(row));
    }
    return r;
}

std::vector<WrittenFile> files_holding(Database& db, std::int64_t candidate_id) {
    std::vector<WrittenFile> out;
    for (auto& f : files_that_may_hold(db, candidate_id)) {
        if (file_mode(f.path) >= 0) {
            out.push_back(std::move(f));
        }
    }
    return out;
}

} // namespace werkstatt
