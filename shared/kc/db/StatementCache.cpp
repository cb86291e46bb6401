#include "kc/db/StatementCache.hpp"

#include <sqlite3.h>

namespace kc::db {

StatementCache::~StatementCache() {
    for (auto& [sql, statement] : m_idle)
        sqlite3_finalize(statement);
}

sqlite3_stmt* StatementCache::take(const std::string& sql) {
    auto found = m_idle.find(sql);
    if (found == m_idle.end())
        return nullptr;
    sqlite3_stmt* statement = found->second;
    m_idle.erase(found);
    return statement;
}

void StatementCache::giveBack(std::string sql, sqlite3_stmt* statement) {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    if (m_idle.size() >= m_capacity) {
        sqlite3_finalize(statement);
        return;
    }
    m_idle.emplace(std::move(sql), statement);
}

} // namespace kc::db
