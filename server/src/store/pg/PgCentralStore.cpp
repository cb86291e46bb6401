#include "store/pg/PgCentralStore.hpp"

#include "store/pg/PgConnection.hpp"
#include "store/pg/PgSchema.hpp"

#include <ostream>
#include <stdexcept>
#include <thread>

namespace kc::server {

namespace {

//! Whether a failure to connect will not go away by waiting: a wrong password, no such
//! database or user, a connection string that cannot be read.
bool refusal(const std::string& message) {
    for (const char* words : {"password authentication failed", "does not exist", "no password supplied",
                              "invalid connection option", "missing \"=\"", "invalid URI", "invalid port",
                              "could not translate host name", "authentication failed", "invalid value"})
        if (message.find(words) != std::string::npos)
            return true;
    return false;
}

std::unique_ptr<PgDatabase> connectWaiting(const std::string& conninfo, const PgCentralStore::Options& options) {
    const auto deadline = std::chrono::steady_clock::now() + options.waitAtStart;
    for (int attempt = 1;; ++attempt) {
        try {
            return postgresEngine(conninfo);
        } catch (const StoreUnavailable& error) {
            const std::string message = error.what();
            if (refusal(message))
                throw std::invalid_argument(message);
            if (std::chrono::steady_clock::now() >= deadline)
                throw StoreUnavailable(message + " (waited " + std::to_string(options.waitAtStart.count()) +
                                       " s for it to answer)");
            if (options.log)
                *options.log << "kcfield-server: waiting for the PostgreSQL store (try " << attempt
                             << "): " << message << '\n' << std::flush;
            std::this_thread::sleep_for(std::chrono::seconds(2));
        }
    }
}

int appliedVersion(SqlDatabase& db) {
    auto statement = db.prepareCached("SELECT coalesce(max(version), 0) FROM schema_migrations");
    return statement.step() ? statement.getInt(0) : 0;
}

//! Applies the steps this database lacks, one transaction each, under a lock that keeps two
//! servers starting together from migrating at once. Refuses a schema newer than this program.
void migrate(SqlDatabase& db, const std::string& where) {
    auto version = db.prepareCached("SELECT current_setting('server_version_num')");
    const std::int64_t number = version.step() ? std::stoll(version.getText(0)) : 0;
    if (number < 130000)
        throw std::invalid_argument("the PostgreSQL server at " + where + " is version " + std::to_string(number / 10000) +
                                    "; kcfield-server needs PostgreSQL 13 or later (15 is the version tested)");
    auto collation = db.prepareCached("SELECT datcollate FROM pg_database WHERE datname = current_database()");
    const std::string collate = collation.step() ? collation.getText(0) : "";
    if (collate != "C" && collate != "POSIX" && collate.rfind("C.", 0) != 0)
        throw std::invalid_argument(
            "the PostgreSQL database at " + where + " sorts text by the collation \"" + collate +
            "\"; the store needs byte order (C): create it with CREATE DATABASE kcfield TEMPLATE template0 "
            "ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
    db.exec("SELECT pg_advisory_lock(" + std::to_string(kWriteLockKey + 1) + ")");
    try {
        db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, "
                "applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        const auto steps = pgMigrations();
        const int known = steps.empty() ? 0 : steps.back().version;
        const int current = appliedVersion(db);
        if (current > known)
            throw std::invalid_argument("the PostgreSQL store at " + where + " has schema version " +
                                        std::to_string(current) + ", made by a newer kcfield-server; this one knows "
                                        "up to version " + std::to_string(known) + ": run the newer server");
        for (const auto& step : steps) {
            if (step.version <= current)
                continue;
            SqlTransaction transaction(db);
            db.exec(step.sql);
            db.prepare("INSERT INTO schema_migrations (version, description) VALUES (?, ?)")
                .bindAll(step.version, std::string(step.description))
                .run();
            transaction.commit();
        }
    } catch (...) {
        try {
            db.exec("SELECT pg_advisory_unlock(" + std::to_string(kWriteLockKey + 1) + ")");
        } catch (...) {
        }
        throw;
    }
    db.exec("SELECT pg_advisory_unlock(" + std::to_string(kWriteLockKey + 1) + ")");
}

//! Reading connections per server: pulls, sign-ins and reports of many devices side by side.
constexpr int kReaders = 4;

SqlCentralStore::Engines openEngines(const std::string& conninfo, const PgCentralStore::Options& options) {
    SqlCentralStore::Engines engines;
    auto writer = connectWaiting(conninfo, options);
    migrate(*writer, pg::describeConnection(conninfo));
    engines.writer = std::move(writer);
    for (int i = 0; i < kReaders; ++i)
        engines.readers.push_back(postgresEngine(conninfo));
    return engines;
}

} // namespace

PgCentralStore::PgCentralStore(const std::string& conninfo, const Options& options)
    : PgCentralStore(conninfo, openEngines(conninfo, options)) {}

PgCentralStore::PgCentralStore(const std::string& conninfo, Engines engines)
    : SqlCentralStore(std::move(engines)), m_where("postgresql://" + pg::describeConnection(conninfo)) {}

int PgCentralStore::schemaVersion() {
    std::lock_guard lock(writerMutex());
    return appliedVersion(writer());
}

std::int64_t PgCentralStore::sizeOnDisk() {
    const auto reading = leaseReader();
    auto statement = reading->prepareCached("SELECT pg_database_size(current_database())");
    return statement.step() ? statement.getInt64(0) : 0;
}

void PgCentralStore::backup(const std::filesystem::path&) {
    throw std::invalid_argument("a PostgreSQL store is backed up by PostgreSQL: pg_dump for a copy, or continuous "
                                "archiving for point-in-time recovery (see docs/operations.md)");
}

std::string PgCentralStore::metricsText() {
    const auto figures = stats();
    std::int64_t backends = -1, xidAge = -1;
    try {
        const auto reading = leaseReader();
        auto statement = reading->prepareCached(
            "SELECT (SELECT numbackends FROM pg_stat_database WHERE datname = current_database()), "
            "(SELECT age(datfrozenxid) FROM pg_database WHERE datname = current_database())");
        if (statement.step()) {
            backends = statement.getInt64(0);
            xidAge = statement.getInt64(1);
        }
    } catch (const std::exception&) {
        // the database is away: the connection figures below say so
    }
    std::string out;
    const auto metric = [&out](const char* name, const char* type, const char* help, std::int64_t value) {
        out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" + name + " " +
               std::to_string(value) + "\n";
    };
    const std::string open = "Connections of this server to PostgreSQL open now (of " + std::to_string(1 + kReaders) +
                             ": one writes, the others read).";
    metric("kcfield_pg_connections_open", "gauge", open.c_str(), figures.connected);
    metric("kcfield_pg_statements_total", "counter", "Statements sent to PostgreSQL.", figures.statements);
    out += "# HELP kcfield_pg_statement_seconds_total Time spent waiting for PostgreSQL's answers.\n"
           "# TYPE kcfield_pg_statement_seconds_total counter\nkcfield_pg_statement_seconds_total " +
           std::to_string(static_cast<double>(figures.micros) / 1e6) + "\n";
    metric("kcfield_pg_reconnects_total", "counter", "Connections opened again after PostgreSQL went away.",
           figures.reconnects);
    metric("kcfield_pg_connection_failures_total", "counter", "Statements that failed as PostgreSQL went away.",
           figures.failures);
    if (backends >= 0) {
        metric("kcfield_pg_database_backends", "gauge", "Backends connected to the database (every server).",
               backends);
        metric("kcfield_pg_xid_age", "gauge", "Age of the database's oldest unfrozen transaction id.", xidAge);
    }
    return out;
}

PgEngineStats PgCentralStore::stats() {
    PgEngineStats total;
    {
        std::lock_guard lock(writerMutex());
        total = dynamic_cast<PgDatabase&>(writer()).stats();
    }
    for (std::size_t i = 0; i < readerCount(); ++i) {
        const auto reading = leaseReader(i);
        const auto read = dynamic_cast<PgDatabase&>(*reading).stats();
        total.statements += read.statements;
        total.reconnects += read.reconnects;
        total.failures += read.failures;
        total.micros += read.micros;
        total.connected += read.connected;
    }
    return total;
}

} // namespace kc::server
