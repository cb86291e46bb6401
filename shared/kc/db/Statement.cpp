#include "kc/db/Statement.hpp"

#include "kc/db/DbError.hpp"
#include "kc/db/StatementCache.hpp"

#include <sqlite3.h>

namespace kc::db {

namespace {
sqlite3_stmt* compile(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &statement, &tail);
    if (rc != SQLITE_OK)
        throw DbError(sqlite3_extended_errcode(db), sqlite3_errmsg(db), sql);
    if (!statement)
        throw DbError(SQLITE_MISUSE, "the statement is empty", sql);
    for (; tail && *tail; ++tail) {
        if (*tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != '\r' && *tail != ';') {
            sqlite3_finalize(statement);
            throw DbError(SQLITE_MISUSE, "more than one statement given to prepare()", sql);
        }
    }
    return statement;
}
} // namespace

Statement::Statement(sqlite3* db, std::string_view sql)
    : m_db(db), m_stmt(nullptr), m_sql(sql) {
    m_stmt = compile(db, m_sql);
}

Statement::Statement(sqlite3* db, sqlite3_stmt* statement, std::string sql, StatementCache* home)
    : m_db(db), m_stmt(statement), m_sql(std::move(sql)), m_home(home) {
    if (!m_stmt)
        m_stmt = compile(db, m_sql);
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql)), m_home(other.m_home) {
    other.m_stmt = nullptr;
}

Statement::~Statement() {
    if (m_home && m_stmt)
        m_home->giveBack(std::move(m_sql), m_stmt);
    else
        sqlite3_finalize(m_stmt);
}

void Statement::check(int rc) const {
    if (rc != SQLITE_OK)
        throw DbError(rc, sqlite3_errmsg(m_db), m_sql);
}

Statement& Statement::bind(int index, std::nullptr_t) {
    check(sqlite3_bind_null(m_stmt, index));
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check(sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    check(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, const Blob& blob) {
    check(sqlite3_bind_blob64(m_stmt, index, blob.data(), blob.size(), SQLITE_TRANSIENT));
    return *this;
}

int Statement::parameterIndex(std::string_view name) const {
    const std::string key(name);
    int index = sqlite3_bind_parameter_index(m_stmt, key.c_str());
    if (index == 0)
        throw DbError(SQLITE_RANGE, "no parameter named " + key, m_sql);
    return index;
}

bool Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    int code = sqlite3_extended_errcode(m_db);
    std::string message = sqlite3_errmsg(m_db);
    sqlite3_reset(m_stmt);
    throw DbError(code, message, m_sql);
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() { sqlite3_reset(m_stmt); }

void Statement::clearBindings() { sqlite3_clear_bindings(m_stmt); }

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

void Statement::checkColumn(int column) const {
    if (column < 0 || column >= sqlite3_data_count(m_stmt))
        throw DbError(SQLITE_RANGE,
                      "column " + std::to_string(column) + " is not in the current row (" +
                          std::to_string(sqlite3_data_count(m_stmt)) + " columns)",
                      m_sql);
}

std::string Statement::columnName(int column) const {
    const char* name = sqlite3_column_name(m_stmt, column);
    if (!name)
        throw DbError(SQLITE_RANGE, "no column " + std::to_string(column), m_sql);
    return name;
}

bool Statement::isNull(int column) const {
    checkColumn(column);
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::getInt64(int column) const {
    checkColumn(column);
    int type = sqlite3_column_type(m_stmt, column);
    if (type != SQLITE_INTEGER)
        throw DbError(SQLITE_MISMATCH,
                      "column " + columnName(column) + " is not an integer (type " +
                          std::to_string(type) + ")",
                      m_sql);
    return sqlite3_column_int64(m_stmt, column);
}

int Statement::getInt(int column) const {
    std::int64_t value = getInt64(column);
    if (value < INT32_MIN || value > INT32_MAX)
        throw DbError(SQLITE_MISMATCH,
                      "column " + columnName(column) + " does not fit in an int: " +
                          std::to_string(value),
                      m_sql);
    return static_cast<int>(value);
}

double Statement::getDouble(int column) const {
    checkColumn(column);
    int type = sqlite3_column_type(m_stmt, column);
    if (type != SQLITE_FLOAT && type != SQLITE_INTEGER)
        throw DbError(SQLITE_MISMATCH, "column " + columnName(column) + " is not a number",
                      m_sql);
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::getText(int column) const {
    checkColumn(column);
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL)
        throw DbError(SQLITE_MISMATCH, "column " + columnName(column) + " is NULL", m_sql);
    const auto* text = sqlite3_column_text(m_stmt, column);
    int size = sqlite3_column_bytes(m_stmt, column);
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

Blob Statement::getBlob(int column) const {
    checkColumn(column);
    const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
    int size = sqlite3_column_bytes(m_stmt, column);
    return data ? Blob(data, data + size) : Blob{};
}

std::optional<std::string> Statement::getOptionalText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return getText(column);
}

std::optional<std::int64_t> Statement::getOptionalInt64(int column) const {
    if (isNull(column))
        return std::nullopt;
    return getInt64(column);
}

} // namespace kc::db
