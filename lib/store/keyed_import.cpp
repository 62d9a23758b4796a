// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/keyed_import.hpp"
#include "core/i18n.hpp"

namespace werkstatt {

KeyedImport::KeyedImport(Database& db, std::string entity, std::string source, RepeatedKey repeated)
    : m_txn(db), m_entity(std::move(entity)), m_source(std::move(source)), m_repeated(repeated) {}

void KeyedImport::key(const std::string& key) {
    const auto [it, fresh] = m_first_line.emplace(key, m_line);
    if (fresh) {
        return;
    }
    if (m_repeated == RepeatedKey::refused) {
        throw Error(
            ErrorKind::bad_data,
            _f("key '{}' appeared already on line {}; keep one row per key", key, it->second));
    }
    warn(_f("key '{}' appeared already on line {}; the later row wins", key, it->second));
}

void KeyedImport::problem(const std::string& message) {
    ++m_row_problems;
    m_report.problems.push_back(fmt::format("{}:{}: {}", m_source, m_line, message));
}

void KeyedImport::warn(const std::string& warning) {
    m_report.warnings.push_back(fmt::format("{}:{}: {}", m_source, m_line, warning));
}

void KeyedImport::count(RowChange change) {
    switch (change) {
    case RowChange::insert:
        ++m_report.inserted;
        break;
    case RowChange::update:
        ++m_report.updated;
        break;
    case RowChange::none:
        ++m_report.unchanged;
        break;
    }
}

KeyedImportReport KeyedImport::finish(DryRun dry_run) {
    if (m_report.read == 0) {
        throw Error(ErrorKind::bad_data,
                    _f("{} has a header but no rows; nothing to import", m_source));
    }
    if (!m_report.problems.empty()) {
        return m_report; // the transaction rolls back when it goes
    }
    m_txn.audit(m_entity, std::nullopt, "import",
                fmt::format("file={} read={} inserted={} updated={} unchanged={}", m_source,
                            m_report.read, m_report.inserted, m_report.updated,
                            m_report.unchanged));
    m_txn.finish(dry_run);
    return m_report;
}

} // namespace werkstatt
