// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/company_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace werkstatt {

namespace {

constexpr const char* k_company_columns =
    "id, key, name, industry, street, plz, city, district_ags, can_host, capacity, member_since, "
    "active, notes, size, left_on";

Company read_company(SQLite::Statement& q) {
    Company c;
    c.id = q.getColumn(0).getInt64();
    c.key = q.getColumn(1).getString();
    c.name = q.getColumn(2).getString();
    c.industry = q.getColumn(3).getString();
    c.street = q.getColumn(4).getString();
    c.plz = q.getColumn(5).getString();
    c.city = q.getColumn(6).getString();
    if (!q.getColumn(7).isNull()) {
        c.district_ags = q.getColumn(7).getString();
    }
    c.can_host = q.getColumn(8).getInt() != 0;
    if (!q.getColumn(9).isNull()) {
        c.capacity = q.getColumn(9).getInt64();
    }
    if (!q.getColumn(10).isNull()) {
        c.member_since = Date::parse_iso(q.getColumn(10).getString());
    }
    c.active = q.getColumn(11).getInt() != 0;
    c.notes = q.getColumn(12).getString();
    if (!q.getColumn(13).isNull()) {
        c.size = parse_company_size(q.getColumn(13).getString());
    }
    if (!q.getColumn(14).isNull()) {
        c.left_on = Date::parse_iso(q.getColumn(14).getString());
    }
    return c;
}

// Bind the fields of `c` to parameters 1..14 in the order of k_company_columns without id.
void bind_company(SQLite::Statement& q, const Company& c) {
    q.bind(1, c.key);
    q.bind(2, c.name);
    q.bind(3, c.industry);
    q.bind(4, c.street);
    q.bind(5, c.plz);
    q.bind(6, c.city);
    if (c.district_ags) {
        q.bind(7, *c.district_ags);
    } else {
        q.bind(7);
    }
    q.bind(8, c.can_host ? 1 : 0);
    if (c.capacity) {
        q.bind(9, *c.capacity);
    } else {
        q.bind(9);
    }
    if (c.member_since) {
        q.bind(10, c.member_since->iso());
    } else {
        q.bind(10);
    }
    q.bind(11, c.active ? 1 : 0);
    q.bind(12, c.notes);
    if (c.size) {
        q.bind(13, std::string(to_string(*c.size)));
    } else {
        q.bind(13);
    }
    if (c.left_on) {
        q.bind(14, c.left_on->iso());
    } else {
        q.bind(14);
    }
}

Contact read_contact(SQLite::Statement& q) {
    Contact c;
    c.id = q.getColumn(0).getInt64();
    c.company_id = q.getColumn(1).getInt64();
    c.company_key = q.getColumn(2).getString();
    c.name = q.getColumn(3).getString();
    c.role = q.getColumn(4).getString();
    c.email = q.getColumn(5).getString();
    c.phone = q.getColumn(6).getString();
    c.salutation = q.getColumn(7).getString();
    c.invited = q.getColumn(8).getInt() != 0;
    return c;
}

constexpr const char* k_contact_select =
    "SELECT contact.id, company_id, company.key, contact.name, role, email, phone, salutation, "
    "invited "
    "FROM contact JOIN company ON company.id = contact.company_id ";

} // namespace

std::optional<Company> find_company(Database& db, std::string_view key) {
    SQLite::Statement q(db.sql(),
                        std::string("SELECT ") + k_company_columns + " FROM company WHERE key = ?");
    q.bind(1, std::string(key));
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_company(q);
}

std::vector<Company> list_companies(Database& db, const CompanyFilter& filter) {
    std::string sql = std::string("SELECT ") + k_company_columns + " FROM company WHERE 1 = 1";
    if (!filter.include_archived) {
        sql += " AND active = 1";
    }
    if (filter.district_ags) {
        sql += " AND district_ags = :district";
    }
    if (filter.only_hosts) {
        sql += " AND can_host = 1";
    }
    sql += " ORDER BY key";
    SQLite::Statement q(db.sql(), sql);
    if (filter.district_ags) {
        q.bind(":district", *filter.district_ags);
    }
    std::vector<Company> out;
    while (q.executeStep()) {
        out.push_back(read_company(q));
    }
    return out;
}

std::int64_t insert_company(Database& db, const Company& company) {
    SQLite::Statement q(db.sql(), "INSERT INTO company (key, name, industry, street, plz, city, "
                                  "district_ags, can_host, capacity, member_since, active, notes, "
                                  "size, left_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                                  "?, ?, ?, ?, ?, ?, ?, ?, ?, ?15, ?15)");
    bind_company(q, company);
    q.bind(15, utc_timestamp());
    q.exec();
    return db.sql().getLastInsertRowid();
}

void update_company(Database& db, const Company& company) {
    SQLite::Statement q(db.sql(), "UPDATE company SET key = ?, name = ?, industry = ?, street = ?, "
                                  "plz = ?, city = ?, district_ags = ?, can_host = ?, capacity = "
                                  "?, member_since = ?, active = ?, notes = ?, size = ?, left_on "
                                  "= ?, updated_at = ? WHERE id = ?");
    bind_company(q, company);
    q.bind(15, utc_timestamp());
    q.bind(16, company.id);
    q.exec();
}

std::optional<Contact> find_contact(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), std::string(k_contact_select) + "WHERE contact.id = ?");
    q.bind(1, id);
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return read_contact(q);
}

std::vector<Contact> list_contacts(Database& db, std::optional<std::int64_t> company_id) {
    std::string sql = k_contact_select;
    if (company_id) {
        sql += "WHERE company_id = ? ";
    }
    sql += "ORDER BY company.key, contact.name, contact.id";
    SQLite::Statement q(db.sql(), sql);
    if (company_id) {
        q.bind(1, *company_id);
    }
    std::vector<Contact> out;
    while (q.executeStep()) {
        out.push_back(read_contact(q));
    }
    return out;
}

std::int64_t insert_contact(Database& db, const Contact& contact) {
    SQLite::Statement q(db.sql(), "INSERT INTO contact (company_id, name, role, email, phone, "
                                  "salutation, invited, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?8, ?8)");
    q.bind(1, contact.company_id);
    q.bind(2, contact.name);
    q.bind(3, contact.role);
    q.bind(4, contact.email);
    q.bind(5, contact.phone);
    q.bind(6, contact.salutation);
    q.bind(7, contact.invited ? 1 : 0);
    q.bind(8, utc_timestamp());
    q.exec();
    return db.sql().getLastInsertRowid();
}

void update_contact(Database& db, const Contact& contact) {
    SQLite::Statement q(db.sql(), "UPDATE contact SET company_id = ?, name = ?, role = ?, email = "
                                  "?, phone = ?, salutation = ?, invited = ?, updated_at = ? "
                                  "WHERE id = ?");
    q.bind(1, contact.company_id);
    q.bind(2, contact.name);
    q.bind(3, contact.role);
    q.bind(4, contact.email);
    q.bind(5, contact.phone);
    q.bind(6, contact.salutation);
    q.bind(7, contact.invited ? 1 : 0);
    q.bind(8, utc_timestamp());
    q.bind(9, contact.id);
    q.exec();
}

void delete_contact(Database& db, std::int64_t id) {
    SQLite::Statement q(db.sql(), "DELETE FROM contact WHERE id = ?");
    q.bind(1, id);
    q.exec();
}

std::vector<Topic> list_topics(Database& db) {
    SQLite::Statement q(db.sql(), "SELECT id, key, title FROM topic ORDER BY sort_order, id");
    std::vector<Topic> out;
    while (q.executeStep()) {
        out.push_back(Topic{q.getColumn(0).getInt64(), q.getColumn(1).getString(),
                            q.getColumn(2).getString()});
    }
    return out;
}

std::vector<std::int64_t> close_company_openings(Database& db, std::int64_t company_id,
                                                 const std::string& now) {
    std::vector<std::int64_t> ids;
    SQLite::Statement q(db.sql(), "SELECT id FROM opening WHERE company_id = ? AND status = "
                                  "'open' ORDER BY id");
    q.bind(1, company_id);
    while (q.executeStep()) {
        ids.push_back(q.getColumn(0).getInt64());
    }
    SQLite::Statement u(db.sql(), "UPDATE opening SET status = 'closed', updated_at = ? WHERE "
                                  "company_id = ? AND status = 'open'");
    u.bind(1, now);
    u.bind(2, company_id);
    u.exec();
    return ids;
}

std::vector<std::int64_t> reopen_company_openings(Database& db, std::int64_t company_id,
                                                  const std::vector<std::int64_t>& ids,
                                                  const std::string& now) {
    std::vector<std::int64_t> reopened;
    SQLite::Statement u(db.sql(), "UPDATE opening SET status = 'open', updated_at = ? WHERE id = "
                                  "? AND company_id = ? AND status = 'closed'");
    for (const auto id : ids) {
        u.bind(1, now);
        u.bind(2, id);
        u.bind(3, company_id);
        if (u.exec() > 0) {
            reopened.push_back(id);
        }
        u.reset();
    }
    return reopened;
}

std::vector<std::pair<std::int64_t, std::int64_t>> placements_under_way(Database& db,
                                                                        std::int64_t company_id) {
    SQLite::Statement q(db.sql(),
                        "SELECT opening.id, count(*) FROM placement JOIN opening ON opening.id = "
                        "placement.opening_id WHERE opening.company_id = ? AND placement.status "
                        "IN ('introduced', 'interview') GROUP BY opening.id ORDER BY opening.id");
    q.bind(1, company_id);
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    while (q.executeStep()) {
        out.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getInt64());
    }
    return out;
}

std::optional<std::string> last_audit_details(Database& db, std::string_view entity,
                                              std::int64_t id, std::string_view action) {
    SQLite::Statement q(db.sql(), "SELECT details FROM audit_log WHERE entity = ? AND entity_id "
                                  "= ? AND action = ? ORDER BY id DESC LIMIT 1");
    q.bind(1, std::string(entity));
    q.bind(2, id);
    q.bind(3, std::string(action));
    if (!q.executeStep()) {
        return std::nullopt;
    }
    return q.getColumn(0).getString();
}

std::vector<AuditEntry> list_audit(Database& db, std::optional<std::string> entity,
                                   std::int64_t limit) {
    std::string sql = "SELECT id, at, os_user, command, entity, entity_id, action, details "
                      "FROM audit_log ";
    if (entity) {
        sql += "WHERE entity = :entity ";
    }
    sql += "ORDER BY id DESC LIMIT :limit";
    SQLite::Statement q(db.sql(), sql);
    if (entity) {
        q.bind(":entity", *entity);
    }
    q.bind(":limit", limit);
    std::vector<AuditEntry> out;
    while (q.executeStep()) {
        AuditEntry e;
        e.id = q.getColumn(0).getInt64();
        e.at = q.getColumn(1).getString();
        e.os_user = q.getColumn(2).getString();
        e.command = q.getColumn(3).getString();
        e.entity = q.getColumn(4).getString();
        if (!q.getColumn(5).isNull()) {
            e.entity_id = q.getColumn(5).getInt64();
        }
        e.action = q.getColumn(6).getString();
        e.details = q.getColumn(7).getString();
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace werkstatt
