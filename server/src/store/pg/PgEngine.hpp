#pragma once

#include "store/SqlEngine.hpp"

#include <cstdint>
#include <memory>
#include <string>

namespace kc::server {

//! What a PostgreSQL connection of the store has done, for /metrics.
struct PgEngineStats {
    std::int64_t statements = 0;   //!< statements sent
    std::int64_t reconnects = 0;   //!< connections opened again after the database went away
    std::int64_t failures = 0;     //!< statements that failed because the database went away
    std::int64_t micros = 0;       //!< time spent waiting for statements' answers
    int connected = 0;             //!< connections open now
};

//! A PostgreSQL connection as one of the store's engines: `?`/`?N` placeholders become $N,
//! PostgreSQL's failures become the store's (db::DbError with SQLite's codes for constraints and
//! a full disk, StoreUnavailable for a database that went away or a statement that timed out),
//! and a connection that broke is opened again on the next statement outside a transaction.
class PgDatabase : public SqlDatabase {
public:
    virtual PgEngineStats stats() const = 0;
};

//! Connects to `conninfo` (a libpq connection string or URI); throws StoreUnavailable when the
//! database cannot be reached, std::invalid_argument when it refuses (password, no database).
std::unique_ptr<PgDatabase> postgresEngine(const std::string& conninfo);

//! `sql` with SQLite's `?` and `?N` placeholders written as PostgreSQL's $N (quotes and
//! comments left alone).
std::string toPgPlaceholders(std::string_view sql);

//! The key of the advisory lock every writing transaction takes (pg_advisory_xact_lock).
inline constexpr std::int64_t kWriteLockKey = 0x4b43'4649'454c'4401;  // "KCFIELD" 1

} // namespace kc::server
