#pragma once

#include <stdexcept>
#include <string>

namespace kc::db {

//! A failed SQLite call: SQLite's extended code and message, and the statement it ran.
class DbError : public std::runtime_error {
public:
    DbError(int code, const std::string& message, std::string sql = {});

    int code() const { return m_code; }
    //! The primary result code (SQLITE_CONSTRAINT for SQLITE_CONSTRAINT_UNIQUE, ...).
    int primaryCode() const { return m_code & 0xff; }
    const std::string& sql() const { return m_sql; }
    //! SQLITE_FULL: the disk (or the database's size limit) has no room for the write.
    bool storageFull() const;

private:
    int m_code;
    std::string m_sql;
};

} // namespace kc::db
