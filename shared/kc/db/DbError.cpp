#include "kc/db/DbError.hpp"

#include <sqlite3.h>

namespace kc::db {

namespace {
std::string describe(int code, const std::string& message, const std::string& sql) {
    std::string text = "SQLite error " + std::to_string(code) + " (" + sqlite3_errstr(code) +
                       "): " + message;
    if (!sql.empty())
        text += " [in: " + sql + "]";
    return text;
}
} // namespace

DbError::DbError(int code, const std::string& message, std::string sql)
    : std::runtime_error(describe(code, message, sql)), m_code(code), m_sql(std::move(sql)) {}

} // namespace kc::db

namespace kc::db {
bool DbError::storageFull() const { return primaryCode() == SQLITE_FULL; }
} // namespace kc::db
