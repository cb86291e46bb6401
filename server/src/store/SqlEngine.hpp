#pragma once

// The two engines the central store runs on (SQLite embedded, PostgreSQL for a deployment that
// outgrows one machine) behind one small interface, so the store's queries and rules are
// written once. SQL is written with `?` or `?N` placeholders; the PostgreSQL engine sends each
// value apart from the text ($1, $2, …), never spliced into it.
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kc::server {

enum class Dialect { Sqlite, Postgres };

//! The database went away (it stopped, the network broke) or refuses connections for now:
//! nothing of the work in hand was stored, and it is worth trying again later (503).
class StoreUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

//! The database cancelled a statement that ran past its time limit (PostgreSQL's
//! statement_timeout): nothing of the work in hand was stored (503, saying so).
class StoreTimedOut : public StoreUnavailable {
public:
    using StoreUnavailable::StoreUnavailable;
};

//! What an engine does for one statement.
class SqlStatementImpl {
public:
    virtual ~SqlStatementImpl() = default;
    virtual void bindNull(int index) = 0;
    virtual void bindInt64(int index, std::int64_t value) = 0;
    virtual void bindDouble(int index, double value) = 0;
    virtual void bindText(int index, std::string_view value) = 0;
    virtual bool step() = 0;
    //! Runs a statement whose rows and row count are not read (see SqlStatement::send).
    virtual void send() {
        while (step()) {
        }
    }
    virtual void reset() = 0;
    virtual bool isNull(int column) const = 0;
    virtual std::int64_t getInt64(int column) const = 0;
    virtual double getDouble(int column) const = 0;
    virtual std::string getText(int column) const = 0;
};

//! A statement of either engine. Parameters are 1-based, columns 0-based.
class SqlStatement {
public:
    explicit SqlStatement(std::unique_ptr<SqlStatementImpl> impl) : m_impl(std::move(impl)) {}

    SqlStatement& bind(int index, std::nullptr_t) { m_impl->bindNull(index); return *this; }
    SqlStatement& bind(int index, std::int64_t value) { m_impl->bindInt64(index, value); return *this; }
    SqlStatement& bind(int index, long long value) { return bind(index, static_cast<std::int64_t>(value)); }
    SqlStatement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    SqlStatement& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
    SqlStatement& bind(int index, double value) { m_impl->bindDouble(index, value); return *this; }
    SqlStatement& bind(int index, std::string_view text) { m_impl->bindText(index, text); return *this; }
    SqlStatement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    SqlStatement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    template <class T> SqlStatement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    template <class... Args> SqlStatement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    //! True when a row is available, false when the statement is done.
    bool step() { return m_impl->step(); }
    void run() {
        while (step()) {
        }
    }
    //! Runs a write whose rows and row count are not read. SQLite runs it at once; PostgreSQL,
    //! inside a transaction, sends it without waiting and learns its outcome, a failure too,
    //! with the next statement that waits: a read, the end of a savepoint or the commit. So a
    //! failure is still thrown inside the same savepoint, just a few statements later.
    void send() { m_impl->send(); }
    //! Ready to run again; bindings are kept.
    void reset() { m_impl->reset(); }

    bool isNull(int column) const { return m_impl->isNull(column); }
    std::int64_t getInt64(int column) const { return m_impl->getInt64(column); }
    int getInt(int column) const { return static_cast<int>(getInt64(column)); }
    double getDouble(int column) const { return m_impl->getDouble(column); }
    std::string getText(int column) const { return m_impl->getText(column); }
    std::optional<std::string> getOptionalText(int column) const {
        return isNull(column) ? std::nullopt : std::optional(getText(column));
    }
    std::optional<std::int64_t> getOptionalInt64(int column) const {
        return isNull(column) ? std::nullopt : std::optional(getInt64(column));
    }

private:
    std::unique_ptr<SqlStatementImpl> m_impl;
};

//! One connection of either engine. Not thread-safe: the store guards each with a mutex.
class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual Dialect dialect() const = 0;
    //! Statements without parameters or rows (schema, BEGIN, COMMIT).
    virtual void exec(std::string_view sql) = 0;
    //! A statement kept compiled for the next call with the same SQL (fixed statements).
    virtual SqlStatement prepareCached(std::string_view sql) = 0;
    //! A statement for SQL built per call (lists of placeholders, filters).
    virtual SqlStatement prepare(std::string_view sql) = 0;
    //! Rows changed by the last INSERT, UPDATE or DELETE run (not sent).
    virtual int changes() const = 0;
    virtual bool inTransaction() const = 0;
    //! Opens a transaction that writes. PostgreSQL also takes the store-wide write lock, so
    //! writers of every server commit one after another (see docs/protocol.md, the feed).
    virtual void beginWrite() = 0;
    //! Opens a transaction that reads one committed state for all its statements.
    virtual void beginSnapshot() = 0;
};

//! A transaction that rolls back unless commit() is called; inside another one, a savepoint.
class SqlTransaction {
public:
    enum class Mode { Write, Snapshot };
    explicit SqlTransaction(SqlDatabase& db, Mode mode = Mode::Write);
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;
    ~SqlTransaction();
    void commit();

private:
    SqlDatabase& m_db;
    bool m_open = true;
    std::string m_savepoint;  //!< set when nested
};

template <class Work> auto inSqlTransaction(SqlDatabase& db, Work&& work) {
    SqlTransaction transaction(db);
    if constexpr (std::is_void_v<decltype(work())>) {
        work();
        transaction.commit();
    } else {
        auto result = work();
        transaction.commit();
        return result;
    }
}

} // namespace kc::server
