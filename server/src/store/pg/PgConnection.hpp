#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

// A small RAII layer over libpq (PostgreSQL's own client library): a connection, its results,
// statements prepared once per connection and parameters always sent apart from the SQL text,
// never spliced into it.
namespace kc::server::pg {

//! A PostgreSQL failure, with its SQLSTATE ("23505" a unique violation, "08006" a broken
//! connection, "" when the client library failed before the server answered).
class PgError : public std::runtime_error {
public:
    PgError(std::string sqlstate, const std::string& message)
        : std::runtime_error(message), m_sqlstate(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return m_sqlstate; }
    //! The connection is gone (the server stopped, the network broke): worth a retry later.
    bool connectionLost() const;

private:
    std::string m_sqlstate;
};

//! Parameters in text form, sent with the statement ($1, $2, …); nullopt is SQL NULL.
class Params {
public:
    Params() = default;
    template <typename... Values>
    explicit Params(const Values&... values) {
        m_values.reserve(sizeof...(values));
        (add(values), ...);
    }
    Params& add(std::string_view value) { m_values.emplace_back(std::string(value)); return *this; }
    Params& add(const std::string& value) { m_values.emplace_back(value); return *this; }
    Params& add(const char* value) { m_values.emplace_back(std::string(value)); return *this; }
    Params& add(std::int64_t value) { m_values.emplace_back(std::to_string(value)); return *this; }
    Params& add(int value) { m_values.emplace_back(std::to_string(value)); return *this; }
    Params& add(long long value) { m_values.emplace_back(std::to_string(value)); return *this; }
    //! The store keeps flags as integers (as SQLite does): 1 or 0.
    Params& add(bool value) { m_values.emplace_back(value ? "1" : "0"); return *this; }
    Params& add(double value);
    Params& add(std::nullopt_t) { m_values.emplace_back(std::nullopt); return *this; }
    template <typename T>
    Params& add(const std::optional<T>& value) {
        if (value)
            return add(*value);
        return add(std::nullopt);
    }
    //! Each value of a list as its own parameter.
    Params& addAll(const std::vector<std::string>& values) {
        for (const auto& v : values)
            add(v);
        return *this;
    }
    std::size_t size() const { return m_values.size(); }
    const std::vector<std::optional<std::string>>& values() const { return m_values; }

private:
    std::vector<std::optional<std::string>> m_values;
};

//! The rows a statement returned, in text form.
class Result {
public:
    Result() = default;
    explicit Result(pg_result* result);
    int rows() const;
    bool empty() const { return rows() == 0; }
    bool isNull(int row, int column) const;
    std::string text(int row, int column) const;
    std::int64_t int64(int row, int column) const;
    //! Rows an INSERT, UPDATE or DELETE touched.
    std::int64_t affected() const;

private:
    struct Clear {
        void operator()(pg_result* r) const;
    };
    std::unique_ptr<pg_result, Clear> m_result;
};

//! One connection to the server. Not thread-safe: one thread at a time (a Pool hands it out).
class Connection {
public:
    //! Connects with a libpq connection string or URI; throws PgError naming what failed
    //! (the host, the database, the password), never echoing a password.
    explicit Connection(const std::string& conninfo);
    Connection(Connection&&) noexcept = default;
    Connection& operator=(Connection&&) noexcept = default;
    ~Connection();

    //! Runs SQL without parameters (several statements allowed): schema, BEGIN, COMMIT.
    void exec(const std::string& sql);
    //! Runs one statement with its parameters, prepared on this connection the first time
    //! (`prepared`), or parsed for this one run (SQL built per call).
    Result query(const std::string& sql, const std::vector<std::optional<std::string>>& values,
                 bool prepared = true);
    Result query(const std::string& sql, const Params& params = Params()) { return query(sql, params.values()); }
    template <typename... Values>
    Result run(const std::string& sql, const Values&... values) {
        return query(sql, Params(values...));
    }
    //! Sends one statement without waiting for its outcome (libpq's pipeline mode): what it
    //! returns is dropped, and a failure is thrown by the next call that waits, exec(), query()
    //! or settle(), which first reads everything sent before it. Use inside a transaction only.
    void send(const std::string& sql, const std::vector<std::optional<std::string>>& values, bool prepared = true);
    //! Waits for everything sent and throws the first failure among it.
    void settle();
    //! Statements sent and not yet settled.
    std::size_t unsettled() const { return m_sent.size(); }
    //! Whether the connection still works as far as libpq knows.
    bool healthy() const;
    //! Whether a transaction is open on the server (also one a failed statement aborted).
    bool inTransaction() const;
    //! Statements run on this connection since it opened.
    std::int64_t statementsRun() const { return m_statements; }

private:
    struct Finish {
        void operator()(pg_conn* c) const;
    };
    //! Sends `sql` in the pipeline; `keep` marks the one whose rows settle() returns.
    void pipe(const std::string& sql, const std::vector<std::optional<std::string>>& values, bool prepared,
              bool keep);
    Result settleKeeping();
    //! A command sent in the pipeline (a PREPARE counts as one), for messages and its result.
    struct Sent {
        std::string sql;
        bool keep = false;
    };

    std::unique_ptr<pg_conn, Finish> m_conn;
    std::unordered_map<std::string, std::string> m_prepared;  // SQL text → statement name
    std::int64_t m_names = 0;  // names are never reused: a failed pipeline may leave one behind
    std::vector<Sent> m_sent;
    std::int64_t m_statements = 0;
};

//! What a connection string names, for messages and /healthz: host, port, database and user,
//! never the password.
std::string describeConnection(const std::string& conninfo);
//! Whether `text` looks like a PostgreSQL connection string or URI rather than a folder.
bool isConnectionString(std::string_view text);

} // namespace kc::server::pg
