// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/event_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace werkstatt {

namespace {

constexpr const char* k_event_select =
    "SELECT event.id, uid, kind, date, start_time, end_time, host_company_id, company.key, "
    "title, event.capacity, status, cancel_reason, event.notes, sequence, event.updated_at "
    "FROM event JOIN company ON company.id = event.host_company_id ";

std::optional<TimeOfDay> time_column(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : TimeOfDay::parse(c.getString());
}

std::vector<std::string> event_topics(Database& db, std::int64_t event_id) {
    SQLite::Statement q(db.sql(), "SELECT topic.key FROM event_topic JOIN topic ON topic.id = "
                                  "topic_id WHERE event_id = ? ORDER BY position");
    q.bind(1, event_id);
    std::vector<std::string> keys;
    while (q.executeStep()) {
        keys.push_back(q.getColumn(0).getString());
    }
    return keys;
}

Event read_event(Database& db, SQLite::Statement& q) {
    Event e;
    e.id = q.getColumn(0).getInt64();
    e.uid = q.getColumn(1).getString();
    e.kind = parse_event_kind(q.getColumn(2).getString()).value_or(EventKind::werkstatt);
    e.date = Date::parse_iso(q.getColumn(3).getString()).value_or(e.date);
    e.start = time_column(q.getColumn(4));
    e.end = time_column(q.getColumn(5));
    e.host_id = q.getColumn(6).getInt64();
    e.host_key = q.getColumn(7).getString();
    e.title = q.getColumn(8).getString();
    if (!q.getColumn(9).isNull()) {
        e.capacity = q.getColumn(9).getInt64();
    }
    e.status = parse_event_status(q.getColumn(10).getString()).value_or(EventStatus::planned);
    e.cancel_reason = q.getColumn(11).getString();
    e.notes = q.getColumn(12).getString();
    e.sequence = q.getColumn(13).getInt();
    e.updated_at = q.getColumn(14).getString();
    e.topic_keys = event_topics(db, e.id);
    return e;
}

void bind_optional_time(SQLite::Statement& q, int index, const std::optional<TimeOfDay>& t) {
    if (t) {
        q.bind(index, t->str());
    } else {
        q.bind(index);
    }
}

// Bind the fields of `e` to parameters 1..12 (kind .. sequence).
void bind_event(SQLite::Statement& q, const Event& e) {
    q.bind(1, std::string(to_string(e.kind)));
    q.bind(2, e.date.iso());
    bind_optional_time(q, 3, e.start);
    bind_optional_time(q, 4, e.end);
    q.bind(5, e.host_id);
    q.bind(6, e.title);
    if (e.capacity) {
        q.bind(7, *e.capacity);
    } else {
        q.bind(7);
    }
    q.bind(8, std::string(to_string(e.status)));
    q.bind(9, e.cancel_reason);
    q.bind(10, e.notes);
    q.bind(11, e.sequence);
    q.bind(12, utc_timestamp());
}

void write_topics(Database& db, std::int64_t event_id, const std::vector<std::string>& keys) {
    SQLite::Statement del(db.sql(), "DELETE FROM event_topic WHERE event_id = ?");
    del.bind(1, event_id);
    del.exec();
    SQLite::Statement ins(db.sql(), "INSERT INTO event_topic (event_id, topic_id, position) "
                                    "SELECT ?, id, ? FROM topic WHERE key = ?");
    int position = 0;
    for (const auto& key : keys) {
        ins.bind(1, event_id);
        ins.bind(2, ++position);
        ins.bind(3, key);
        ins.exec();
        ins.reset();
    }
}

Registration read_registration(SQLite::Statement& q) {
    Registration r;
    r.id = q.getColumn(0).getInt64();
    r.event_id = q.getColumn(1).getInt64();
    r.company_id = q.getColumn(2).getInt64();
    r.company_key = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull()) {
        r.contact_id = q.getColumn(4).getInt64();
    }
    r.contact_name = q.getColumn(5).getString();
    r.status = parse_attendance(q.getColumn(6).getString()).value_or(AttendanceStatus::registered);
    return r;
}

} // namespace

std::optional<Event> find_event(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), std::string(k_event_select) + "WHERE event.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_event(db, q);
}

std::vector<Event> list_events(Database& db, const EventFilter& filter) {
    std::string sql = std::string(k_event_select) + "WHERE 1 = 1";
    if (filter.period) {
        sql += " AND date BETWEEN :first AND :last";
    }
    if (filter.status) {
        sql += " AND status = :status";
    }
    if (filter.kind) {
        sql += " AND kind = :kind";
    }
    if (filter.host_id) {
        sql += " AND host_company_id = :host";
    }
    sql += " ORDER BY date, start_time, event.id";
    SQLite::Statement q(db.sql(), sql);
    if (filter.period) {
        q.bind(":first", filter.period->first().iso());
        q.bind(":last", filter.period->last().iso());
    }
    if (filter.status) {
        q.bind(":status", std::string(to_string(*filter.status)));
    }
    if (filter.kind) {
        q.bind(":kind", std::string(to_string(*filter.kind)));
    }
    if (filter.host_id) {
        q.bind(":host", *filter.host_id);
    }
    std::vector<Event> out;
    while (q.executeStep()) {
        out.push_back(read_event(db, q));
    }
    return out;
}

std::int64_t insert_event(Database& db, const Event& event) {
    SQLite::Statement q(db.sql(), "INSERT INTO event (kind, date, start_time, end_time, "
                                  "host_company_id, title, capacity, status, cancel_reason, "
                                  "notes, sequence, created_at, updated_at, uid) VALUES (?, ?, ?, "
                                  "?, ?, ?, ?, ?, ?, ?, ?, ?12, ?12, ?13)");
    bind_event(q, event);
    q.bind(13, event.uid);
    q.exec();
    const auto id = db.sql().getLastInsertRowid();
    write_topics(db, id, event.topic_keys);
    return id;
}

void update_event(Database& db, const Event& event) {
    SQLite::Statement q(db.sql(), "UPDATE event SET kind = ?, date = ?, start_time = ?, end_time "
                                  "= ?, host_company_id = ?, title = ?, capacity = ?, status = ?, "
                                  "cancel_reason = ?, notes = ?, sequence = ?, updated_at = ? "
                                  "WHERE id = ?");
    bind_event(q, event);
    q.bind(13, event.id);
    q.exec();
    write_topics(db, event.id, event.topic_keys);
}

std::optional<std::int64_t> find_topic_id(Database& db, std::string_view key) {
    SQLite::Statement q(db.sql(), "SELECT id FROM topic WHERE key = ?");
    q.bind(1, std::string(key));
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return q.getColumn(0).getInt64();
}

std::vector<std::pair<std::string, Date>> topic_last_covered(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT topic.key, max(event.date) FROM event_topic "
                                  "JOIN topic ON topic.id = topic_id JOIN event ON event.id = "
                                  "event_id WHERE event.status <> 'cancelled' GROUP BY topic.key");
    std::vector<std::pair<std::string, Date>> out;
    while (q.executeStep()) {
        if (const auto d = Date::parse_iso(q.getColumn(1).getString())) {
            out.emplace_back(q.getColumn(0).getString(), *d);
        }
    }
    return out;
}

std::vector<Registration> list_registrations(Database& db, std::int64_t event_id) {
    SQLite::Statement q(db.sql(),
                        "SELECT registration.id, event_id, registration.company_id, company.key, "
                        "contact_id, coalesce(contact.name, ''), status FROM registration "
                        "JOIN company ON company.id = registration.company_id LEFT JOIN contact "
                        "ON contact.id = contact_id WHERE event_id = ? ORDER BY company.key, "
                        "contact.name, registration.id");
    q.bind(1, event_id);
    std::vector<Registration> out;
    while (q.executeStep()) {
        out.push_back(read_registration(q));
    }
    return out;
}

std::int64_t insert_registration(Database& db, const Registration& r) {
    SQLite::Statement q(db.sql(), "INSERT INTO registration (event_id, company_id, contact_id, "
                                  "status, registered_at, updated_at) VALUES (?, ?, ?, ?, ?5, ?5)");
    q.bind(1, r.event_id);
    q.bind(2, r.company_id);
    if (r.contact_id) {
        q.bind(3, *r.contact_id);
    } else {
        q.bind(3);
    }
    q.bind(4, std::string(to_string(r.status)));
    q.bind(5, utc_timestamp());
    q.exec();
    return db.sql().getLastInsertRowid();
}

void update_registration_status(Database& db, std::int64_t id, AttendanceStatus status) {
    SQLite::Statement q(db.sql(),
                        "UPDATE registration SET status = ?, updated_at = ? WHERE id = ?");
    q.bind(1, std::string(to_string(status)));
    q.bind(2, utc_timestamp());
    q.bind(3, id);
    q.exec();
}

std::vector<HostBlock> list_host_blocks(Database& db, std::optional<std::int64_t> company_id) {
    std::string sql = "SELECT host_block.id, company_id, company.key, period, reason FROM "
                      "host_block JOIN company ON company.id = company_id ";
    if (company_id) {
        sql += "WHERE company_id = ? ";
    }
    sql += "ORDER BY company.key, first_day, host_block.id";
    SQLite::Statement q(db.sql(), sql);
    if (company_id) {
        q.bind(1, *company_id);
    }
    std::vector<HostBlock> out;
    while (q.executeStep()) {
        const auto period = Period::parse(q.getColumn(3).getString());
        if (!period) {
            continue; // written by werkstatt, so always valid; skip rather than invent
        }
        out.push_back(HostBlock{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(),
                                q.getColumn(2).getString(), *period, q.getColumn(4).getString()});
    }
    return out;
}

std::int64_t insert_host_block(Database& db, const HostBlock& block) {
    SQLite::Statement q(db.sql(), "INSERT INTO host_block (company_id, period, first_day, "
                                  "last_day, reason) VALUES (?, ?, ?, ?, ?)");
    q.bind(1, block.company_id);
    q.bind(2, block.period.str());
    q.bind(3, block.period.first().iso());
    q.bind(4, block.period.last().iso());
    q.bind(5, block.reason);
    q.exec();
    return db.sql().getLastInsertRowid();
}

void delete_host_block(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), "DELETE FROM host_block WHERE id = ?");
    q.bind(1, id);
    q.exec();
}

} // namespace werkstatt
