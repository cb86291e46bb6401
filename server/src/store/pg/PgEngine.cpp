#include "store/pg/PgEngine.hpp"

#include "store/pg/PgConnection.hpp"
#include "store/pg/PgInsertBatches.hpp"

#include "kc/db/DbError.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <unordered_map>
#include <vector>

namespace kc::server {

std::string toPgPlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int highest = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {  // a literal or a quoted name, copied whole ('' and "" inside)
            const std::size_t end = sql.find(c, i + 1);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
            continue;
        }
        if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment, to the end of its line
            const std::size_t end = sql.find('\n', i);
            const std::size_t stop = end == std::string_view::npos ? sql.size() : end;
            out.append(sql.substr(i, stop - i));
            i = stop - 1;
            continue;
        }
        if (c != '?') {
            out += c;
            continue;
        }
        std::size_t digits = i + 1;
        while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9')
            ++digits;
        int number = highest + 1;
        if (digits > i + 1)
            std::from_chars(sql.data() + i + 1, sql.data() + digits, number);
        highest = std::max(highest, number);
        out += '$' + std::to_string(number);
        i = digits - 1;
    }
    return out;
}

namespace {

using Values = std::vector<std::optional<std::string>>;

//! PostgreSQL's failure as the store's: the codes the rest of the server already understands.
[[noreturn]] void rethrow(const pg::PgError& error, const std::string& where, const std::string& sql) {
    const std::string& state = error.sqlstate();
    if (error.connectionLost() || state == "53300")  // gone, or too many connections for now
        throw StoreUnavailable("the PostgreSQL store at " + where + " does not answer (" + error.what() +
                               "); nothing of this request was stored, try again shortly");
    if (state == "57014")
        throw StoreTimedOut("the PostgreSQL store at " + where +
                               " cancelled a statement that ran past its statement_timeout; nothing of this "
                               "request was stored");
    int code = 1;  // SQLITE_ERROR
    if (state == "23505")
        code = 2067;  // SQLITE_CONSTRAINT_UNIQUE
    else if (state == "23503")
        code = 787;  // SQLITE_CONSTRAINT_FOREIGNKEY
    else if (state == "23514")
        code = 275;  // SQLITE_CONSTRAINT_CHECK
    else if (state == "23502")
        code = 1299;  // SQLITE_CONSTRAINT_NOTNULL
    else if (state.rfind("23", 0) == 0)
        code = 19;  // SQLITE_CONSTRAINT
    else if (state == "53100" || state == "53200")
        code = 13;  // SQLITE_FULL: disk full, out of memory on the database side
    // The message names the statement that failed; `sql` is the one that waited for it, which
    // differs when the failed one was sent ahead in the pipeline.
    const std::string what = error.what();
    throw db::DbError(code, "PostgreSQL " + state + ": " + what,
                      what.find("[in: ") == std::string::npos ? sql : std::string());
}

class Postgres;

class PgStatement final : public SqlStatementImpl {
public:
    PgStatement(Postgres& db, std::string written, std::string sql, bool cached)
        : m_db(db), m_written(std::move(written)), m_sql(std::move(sql)), m_cached(cached) {}
    void bindNull(int index) override { slot(index).reset(); }
    void bindInt64(int index, std::int64_t value) override { slot(index) = std::to_string(value); }
    void bindDouble(int index, double value) override {
        char buffer[40];
        const int written = std::snprintf(buffer, sizeof buffer, "%.17g", value);
        slot(index) = std::string(buffer, static_cast<std::size_t>(written));
    }
    void bindText(int index, std::string_view value) override { slot(index) = std::string(value); }
    bool step() override;
    void send() override;
    void reset() override {
        m_executed = false;
        m_result = pg::Result();
        m_row = -1;
    }
    bool isNull(int column) const override { return m_result.isNull(m_row, column); }
    std::int64_t getInt64(int column) const override {
        if (isNull(column))
            return 0;
        const std::string text = m_result.text(m_row, column);
        if (text == "t" || text == "f")  // a boolean (EXISTS, a comparison) read as SQLite's 1 or 0
            return text == "t" ? 1 : 0;
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc() && end == text.data() + text.size())
            return value;
        if (error == std::errc() && *end == '.')  // a numeric with a scale (sums): its whole part
            return value;
        throw db::DbError(20, "not an integer: \"" + text + "\"", m_sql);  // SQLITE_MISMATCH
    }
    double getDouble(int column) const override {
        return isNull(column) ? 0 : std::strtod(m_result.text(m_row, column).c_str(), nullptr);
    }
    std::string getText(int column) const override {
        return isNull(column) ? std::string() : m_result.text(m_row, column);
    }

private:
    std::optional<std::string>& slot(int index) {
        if (index < 1 || index > 32767)
            throw db::DbError(25, "no parameter " + std::to_string(index), m_sql);  // SQLITE_RANGE
        if (m_values.size() < static_cast<std::size_t>(index))
            m_values.resize(static_cast<std::size_t>(index));
        return m_values[static_cast<std::size_t>(index) - 1];
    }

    Postgres& m_db;
    std::string m_written;  //!< as the store wrote it, with `?`
    std::string m_sql;      //!< as sent, with $N
    bool m_cached;
    Values m_values;
    pg::Result m_result;
    int m_row = -1;
    bool m_executed = false;
};

class Postgres final : public PgDatabase {
public:
    explicit Postgres(std::string conninfo)
        : m_conninfo(std::move(conninfo)), m_where(pg::describeConnection(m_conninfo)) {
        connect();
    }

    Dialect dialect() const override { return Dialect::Postgres; }

    void exec(std::string_view sqlView) override {
        const std::string sql(sqlView);
        const bool ends = sql == "COMMIT" || sql == "ROLLBACK";
        if (m_lost) {  // the transaction died with its connection: nothing of it to commit
            if (ends) {
                m_lost = false;
                m_open = false;
                if (sql == "ROLLBACK")
                    return;
            }
            throw StoreUnavailable("the connection to the PostgreSQL store at " + m_where +
                                   " broke during a transaction; nothing of it was stored");
        }
        usable();
        try {
            if (sql.rfind("ROLLBACK", 0) == 0)
                m_batches.clear();  // rows gathered since the last savepoint: undone unsent
            else
                flushBatches();
            if (m_open && sql.rfind("SAVEPOINT ", 0) == 0)  // nothing to wait for: it rides with the next
                m_connection->send(sql, {}, false);
            else
                m_connection->exec(sql);
            if (ends)
                m_open = false;
        } catch (const pg::PgError& error) {
            if (ends) {
                // A COMMIT that failed by itself ended the transaction; one aborted with the
                // pipeline (a statement sent before it failed) did not: roll that back here.
                m_open = false;
                if (!error.connectionLost() && m_connection->inTransaction()) {
                    try {
                        m_connection->exec("ROLLBACK");
                    } catch (const pg::PgError&) {
                    }
                }
            }
            fail(error, sql);
        }
    }

    SqlStatement prepareCached(std::string_view sql) override {
        auto found = m_translated.find(std::string(sql));
        if (found == m_translated.end())
            found = m_translated.emplace(std::string(sql), toPgPlaceholders(sql)).first;
        return SqlStatement(std::make_unique<PgStatement>(*this, found->first, found->second, true));
    }
    SqlStatement prepare(std::string_view sql) override {
        return SqlStatement(std::make_unique<PgStatement>(*this, std::string(sql), toPgPlaceholders(sql), false));
    }
    int changes() const override { return static_cast<int>(m_changes); }
    bool inTransaction() const override { return m_open; }
    void beginWrite() override {
        begin("BEGIN", "SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLockKey) + ")");
    }
    void beginSnapshot() override { begin("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", ""); }
    PgEngineStats stats() const override {
        PgEngineStats stats = m_stats;
        stats.statements += m_connection ? m_connection->statementsRun() : 0;
        stats.connected = m_connection && m_connection->healthy() ? 1 : 0;
        return stats;
    }

    pg::Result execute(const std::string& sql, const Values& values, bool cached) {
        if (m_lost)
            throw StoreUnavailable("the connection to the PostgreSQL store at " + m_where +
                                   " broke during a transaction; nothing of it was stored");
        usable();
        const auto started = std::chrono::steady_clock::now();
        try {
            flushBatches();
            pg::Result result = m_connection->query(sql, values, cached);
            m_stats.micros += std::chrono::duration_cast<std::chrono::microseconds>(
                                  std::chrono::steady_clock::now() - started).count();
            m_changes = result.affected();
            return result;
        } catch (const pg::PgError& error) {
            fail(error, sql);
        }
    }

    //! A write whose outcome is learned with the next statement that waits; outside a
    //! transaction there is nothing to wait with, so it runs at once.
    //! Single-row INSERTs are gathered into multi-row ones (PgInsertBatches.hpp) until the
    //! next statement of another kind.
    void send(const std::string& written, const std::string& sql, const Values& values, bool cached) {
        if (!m_open) {
            execute(sql, values, cached);
            return;
        }
        if (m_lost)
            throw StoreUnavailable("the connection to the PostgreSQL store at " + m_where +
                                   " broke during a transaction; nothing of it was stored");
        usable();
        try {
            if (knowsReferences() && m_batches.add(written, values)) {
                if (m_batches.rows() >= 2000)
                    flushBatches();
                return;
            }
            flushBatches();
            m_connection->send(sql, values, cached);
        } catch (const pg::PgError& error) {
            m_batches.clear();
            fail(error, sql);
        }
    }

private:
    //! Whether the foreign keys between tables are known, read once a connection (none until
    //! the schema exists: then nothing is gathered).
    bool knowsReferences() {
        if (m_referencesRead)
            return true;
        const pg::Result edges = m_connection->query(
            "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint WHERE contype = 'f'", {},
            false);
        for (int i = 0; i < edges.rows(); ++i)
            m_references.emplace(edges.text(i, 0), edges.text(i, 1));
        m_referencesRead = !m_references.empty();
        return m_referencesRead;
    }
    void flushBatches() {
        if (m_batches.rows() == 0)
            return;
        // A group commit of a few pushes makes the same few multi-row statements again and
        // again: up to kPreparedRows rows they are prepared once on the connection (an INSERT's
        // plan depends on no table's size), longer ones parsed for their one run.
        constexpr std::size_t kPreparedRows = 16;
        for (auto& statement : m_batches.take()) {
            if (statement.rows <= kPreparedRows)
                m_connection->send(prepareCachedText(statement.sql), statement.values, true);
            else
                m_connection->send(toPgPlaceholders(statement.sql), statement.values, false);
        }
    }
    const std::string& prepareCachedText(const std::string& sql) {
        auto found = m_translated.find(sql);
        if (found == m_translated.end())
            found = m_translated.emplace(sql, toPgPlaceholders(sql)).first;
        return found->second;
    }
    //! BEGIN rides with the transaction's first statement that waits (`first` when given).
    void begin(const std::string& sql, const std::string& first) {
        if (m_lost)
            throw StoreUnavailable("the connection to the PostgreSQL store at " + m_where +
                                   " broke during a transaction; nothing of it was stored");
        usable();
        try {
            m_connection->send(sql, {}, false);
            m_open = true;
            if (!first.empty())
                m_connection->exec(first);
        } catch (const pg::PgError& error) {
            // No transaction for the caller: the engine is left ready for the next one.
            m_open = false;
            if (m_connection->healthy()) {
                try {
                    m_connection->exec("ROLLBACK");
                } catch (const pg::PgError&) {
                }
            }
            if (error.connectionLost())
                ++m_stats.failures;
            rethrow(error, m_where, sql);
        }
    }
    void connect() {
        try {
            m_connection = std::make_unique<pg::Connection>(m_conninfo);
        } catch (const pg::PgError& error) {
            throw StoreUnavailable(error.what());
        }
    }
    //! A connection that broke is opened again, outside a transaction only.
    void usable() {
        if (m_connection && m_connection->healthy())
            return;
        if (m_open) {
            m_lost = true;
            throw StoreUnavailable("the connection to the PostgreSQL store at " + m_where +
                                   " broke during a transaction; nothing of it was stored");
        }
        if (m_connection)
            m_stats.statements += m_connection->statementsRun();
        m_connection.reset();
        connect();
        ++m_stats.reconnects;
    }
    [[noreturn]] void fail(const pg::PgError& error, const std::string& sql) {
        m_batches.clear();  // the transaction is aborted: rows not sent yet go with it
        if (error.connectionLost()) {
            ++m_stats.failures;
            if (m_open)
                m_lost = true;
        }
        rethrow(error, m_where, sql);
    }

    std::string m_conninfo;
    std::string m_where;
    std::unique_ptr<pg::Connection> m_connection;
    std::unordered_map<std::string, std::string> m_translated;  // SQL as written → with $N
    std::set<std::pair<std::string, std::string>> m_references;  // (table, table it references)
    bool m_referencesRead = false;
    pg::InsertBatches m_batches{[this](const std::string& from, const std::string& to) {
        return m_references.count({from, to}) > 0;
    }};
    std::int64_t m_changes = 0;
    bool m_open = false;  //!< a transaction is open (as far as the store is concerned)
    bool m_lost = false;  //!< its connection broke: only COMMIT (refused) or ROLLBACK may follow
    PgEngineStats m_stats;
};

bool PgStatement::step() {
    if (!m_executed) {
        m_result = m_db.execute(m_sql, m_values, m_cached);
        m_executed = true;
        m_row = -1;
    }
    return ++m_row < m_result.rows();
}

void PgStatement::send() {
    m_db.send(m_written, m_sql, m_values, m_cached);
    m_executed = true;
    m_result = pg::Result();
    m_row = -1;
}

} // namespace

std::unique_ptr<PgDatabase> postgresEngine(const std::string& conninfo) {
    return std::make_unique<Postgres>(conninfo);
}

} // namespace kc::server
