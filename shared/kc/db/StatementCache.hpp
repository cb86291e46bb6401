#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>

struct sqlite3_stmt;

namespace kc::db {

//! Idle prepared statements of one connection, keyed by their SQL, so that a hot statement
//! is compiled once rather than on every call. Statements come back reset with their
//! bindings cleared; beyond `capacity` idle statements, returned ones are finalized.
class StatementCache {
public:
    explicit StatementCache(std::size_t capacity = 256) : m_capacity(capacity) {}
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;
    ~StatementCache();

    //! An idle statement for `sql`, or nullptr when there is none.
    sqlite3_stmt* take(const std::string& sql);
    void giveBack(std::string sql, sqlite3_stmt* statement);
    std::size_t idle() const { return m_idle.size(); }

private:
    std::unordered_multimap<std::string, sqlite3_stmt*> m_idle;
    std::size_t m_capacity;
};

} // namespace kc::db
