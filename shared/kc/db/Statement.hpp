#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kc::db {

class StatementCache;
using Blob = std::vector<unsigned char>;

//! A prepared statement. Parameters are 1-based (`?`) or named (`:name`); columns are 0-based.
//! Binding or reading the wrong index or type throws DbError naming the statement.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    //! Wraps `statement` (prepared from `sql`, or nullptr to prepare it now); when the
    //! Statement ends, it goes back to `home` instead of being finalized.
    Statement(sqlite3* db, sqlite3_stmt* statement, std::string sql, StatementCache* home);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::nullptr_t);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const Blob& blob);
    template <class T> Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    //! Binds a named parameter such as ":name"; an unknown name throws.
    template <class T> Statement& bind(std::string_view name, const T& value) {
        return bind(parameterIndex(name), value);
    }
    //! Binds every argument in order to parameters 1..N.
    template <class... Args> Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    //! Steps once: true when a row is available, false when the statement is done.
    bool step();
    //! Steps to completion (for statements that return no rows).
    void run();
    //! Resets for another execution; bindings are kept until clearBindings().
    void reset();
    void clearBindings();

    int columnCount() const;
    std::string columnName(int column) const;
    bool isNull(int column) const;
    std::int64_t getInt64(int column) const;
    int getInt(int column) const;
    double getDouble(int column) const;
    std::string getText(int column) const;
    Blob getBlob(int column) const;
    std::optional<std::string> getOptionalText(int column) const;
    std::optional<std::int64_t> getOptionalInt64(int column) const;

    const std::string& sql() const { return m_sql; }

private:
    int parameterIndex(std::string_view name) const;
    void check(int rc) const;
    void checkColumn(int column) const;

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_sql;
    StatementCache* m_home = nullptr;
};

} // namespace kc::db
