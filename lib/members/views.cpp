// SPDX-License-Identifier: GPL-3.0-or-later
#include "members/members.hpp"
#include "reference/plz_directory.hpp"

namespace werkstatt {

namespace {

Value district_name(const Company& c) {
    if (!c.district_ags) {
        return std::monostate{};
    }
    const auto name = shipped_district_name(*c.district_ags);
    return name ? Value{*name} : Value{*c.district_ags};
}

Value since(const Company& c) {
    return day_value(c.member_since);
}

Value size_of(const Company& c) {
    return c.size ? Value{std::string(to_string(*c.size))} : Value{};
}

Value left_on(const Company& c) {
    return day_value(c.left_on);
}

} // namespace

Records company_records(const std::vector<Company>& companies, Columns columns) {
    Records r;
    if (columns == Columns::brief) {
        r.columns = {"id",   "key",      "name",     "industry", "plz",
                     "city", "district", "can_host", "capacity", "size"};
    } else {
        r.columns = {"id",     "key",      "name",         "industry", "street",   "plz",
                     "city",   "district", "district_ags", "can_host", "capacity", "member_since",
                     "active", "notes",    "size",         "left_on"};
    }
    for (const auto& c : companies) {
        if (columns == Columns::brief) {
            r.rows.push_back({c.id, c.key, c.name, c.industry, c.plz, c.city, district_name(c),
                              c.can_host, optional_value(c.capacity), size_of(c)});
        } else {
            r.rows.push_back({c.id, c.key, c.name, c.industry, c.street, c.plz, c.city,
                              district_name(c), optional_value(c.district_ags), c.can_host,
                              optional_value(c.capacity), since(c), c.active, c.notes, size_of(c),
                              left_on(c)});
        }
    }
    return r;
}

Detail company_detail(const Company& c, const std::vector<Contact>& contacts) {
    Detail d;
    d.fields = {{"id", c.id},
                {"key", c.key},
                {"name", c.name},
                {"industry", c.industry},
                {"street", c.street},
                {"plz", c.plz},
                {"city", c.city},
                {"district", district_name(c)},
                {"district_ags", optional_value(c.district_ags)},
                {"can_host", c.can_host},
                {"capacity", optional_value(c.capacity)},
                {"member_since", since(c)},
                {"active", c.active},
                {"notes", c.notes},
                {"size", size_of(c)},
                {"left_on", left_on(c)}};
    d.children.emplace_back("contacts", contact_records(contacts));
    return d;
}

Detail company_detail(Database& db, std::string_view key) {
    const auto company = require_company(db, key);
    return company_detail(company, list_contacts(db, company.id));
}

Records contact_records(const std::vector<Contact>& contacts) {
    Records r;
    r.columns = {"id", "company", "name", "role", "email", "phone", "salutation", "invited"};
    for (const auto& c : contacts) {
        r.rows.push_back(
            {c.id, c.company_key, c.name, c.role, c.email, c.phone, c.salutation, c.invited});
    }
    return r;
}

Detail contact_detail(const Contact& c) {
    Detail d;
    d.fields = {{"id", c.id},
                {"company", c.company_key},
                {"name", c.name},
                {"role", c.role},
                {"email", c.email},
                {"phone", c.phone},
                {"salutation", c.salutation},
                {"invited", c.invited}};
    return d;
}

} // namespace werkstatt
