#pragma once

#include "kc/db/Statement.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace kc::db {

class StatementCache;

struct OpenOptions {
    bool readOnly = false;
    //! Write-ahead logging: readers do not block the writer (ignored for in-memory databases).
    bool walJournal = true;
    std::chrono::milliseconds busyTimeout{5000};
};

//! One SQLite connection, opened with foreign keys on, WAL and a busy timeout.
//! Not thread-safe: use one connection per thread.
class Database {
public:
    static Database open(const std::filesystem::path& file, const OpenOptions& options = {});
    static Database openInMemory();

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    //! Runs one or more statements that return no rows (schema scripts, pragmas).
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    //! Like prepare(), but the compiled statement is kept for the next call with the same
    //! SQL. For fixed statements on hot paths; SQL built per call belongs in prepare().
    Statement prepareCached(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    //! Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    bool inTransaction() const;

    int userVersion();
    void setUserVersion(int version);
    std::string journalMode();

    //! The file this connection is on ("" for an in-memory database).
    std::string fileName() const;
    sqlite3* handle() const { return m_db; }

private:
    explicit Database(sqlite3* db);
    void close();
    sqlite3* m_db = nullptr;
    std::unique_ptr<StatementCache> m_cache;
};

} // namespace kc::db
