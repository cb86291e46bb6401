#include "store/pg/PgConnection.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <cstring>

namespace kc::server::pg {

namespace {

std::string trimmed(const char* text) {
    std::string s = text ? text : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

//! The failure of `result` (or of the connection when libpq returned none) as a PgError.
PgError failure(pg_conn* conn, const pg_result* result, const std::string& context) {
    std::string state;
    std::string message;
    if (result) {
        if (const char* code = PQresultErrorField(result, PG_DIAG_SQLSTATE))
            state = code;
        message = trimmed(PQresultErrorMessage(result));
    }
    if (message.empty())
        message = trimmed(PQerrorMessage(conn));
    if (state.empty() && PQstatus(conn) == CONNECTION_BAD)
        state = "08006";
    return PgError(state, message + (context.empty() ? "" : " [in: " + context.substr(0, 200) + "]"));
}

} // namespace

bool PgError::connectionLost() const {
    // Class 08 (connection exception), 57P01-57P03 (the server shutting down or starting).
    return m_sqlstate.rfind("08", 0) == 0 || m_sqlstate == "57P01" || m_sqlstate == "57P02" ||
           m_sqlstate == "57P03";
}

Params& Params::add(double value) {
    char buffer[64];
    const auto written = std::snprintf(buffer, sizeof buffer, "%.17g", value);
    m_values.emplace_back(std::string(buffer, static_cast<std::size_t>(written)));
    return *this;
}

void Result::Clear::operator()(pg_result* r) const { PQclear(r); }

Result::Result(pg_result* result) : m_result(result) {}

int Result::rows() const { return m_result ? PQntuples(m_result.get()) : 0; }

bool Result::isNull(int row, int column) const { return PQgetisnull(m_result.get(), row, column) != 0; }

std::string Result::text(int row, int column) const {
    return std::string(PQgetvalue(m_result.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(m_result.get(), row, column)));
}

std::int64_t Result::int64(int row, int column) const {
    if (isNull(row, column))
        return 0;
    const char* value = PQgetvalue(m_result.get(), row, column);
    std::int64_t out = 0;
    const auto [end, error] = std::from_chars(value, value + std::strlen(value), out);
    if (error != std::errc())
        throw PgError("", std::string("not an integer: \"") + value + "\"");
    (void)end;
    return out;
}

std::int64_t Result::affected() const {
    const char* n = PQcmdTuples(m_result.get());
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

void Connection::Finish::operator()(pg_conn* c) const { PQfinish(c); }

Connection::Connection(const std::string& conninfo) : m_conn(PQconnectdb(conninfo.c_str())) {
    if (!m_conn)
        throw PgError("08001", "out of memory connecting to PostgreSQL");
    if (PQstatus(m_conn.get()) != CONNECTION_OK)
        throw PgError("08001", "cannot connect to PostgreSQL at " + describeConnection(conninfo) + ": " +
                                   trimmed(PQerrorMessage(m_conn.get())));
    // Every text sent and read is UTF-8, and times are read back in UTC.
    exec("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET client_min_messages = warning");
}

Connection::~Connection() = default;

void Connection::exec(const std::string& sql) {
    if (!m_sent.empty()) {
        if (sql.find(';') == std::string::npos) {  // one command: it rides in the pipeline too
            pipe(sql, {}, false, true);
            settle();
            return;
        }
        try {
            settle();
        } catch (const PgError& error) {
            // Rolling back undoes the failed statement anyway; only a lost connection matters.
            if (sql.rfind("ROLLBACK", 0) != 0 || error.connectionLost())
                throw;
        }
    }
    ++m_statements;
    pg_result* result = PQexec(m_conn.get(), sql.c_str());
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        PgError error = failure(m_conn.get(), result, sql);
        PQclear(result);
        if (error.connectionLost())
            m_prepared.clear();
        throw error;
    }
    PQclear(result);
}

namespace {
std::vector<const char*> pointers(const std::vector<std::optional<std::string>>& params) {
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& v : params)
        values.push_back(v ? v->c_str() : nullptr);
    return values;
}
} // namespace

Result Connection::query(const std::string& sql, const std::vector<std::optional<std::string>>& params,
                         bool prepare) {
    if (!m_sent.empty()) {  // sent with what is waiting, and everything read in one round trip
        pipe(sql, params, prepare, true);
        return settleKeeping();
    }
    const std::vector<const char*> values = pointers(params);
    auto found = m_prepared.find(sql);
    if (!prepare && found == m_prepared.end()) {
        ++m_statements;
        pg_result* result = PQexecParams(m_conn.get(), sql.c_str(), static_cast<int>(values.size()), nullptr,
                                         values.data(), nullptr, nullptr, 0);
        const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
            PgError error = failure(m_conn.get(), result, sql);
            PQclear(result);
            throw error;
        }
        return Result(result);
    }
    if (found == m_prepared.end()) {
        const std::string name = "kc" + std::to_string(++m_names);
        pg_result* prepared = PQprepare(m_conn.get(), name.c_str(), sql.c_str(), 0, nullptr);
        const bool ok = prepared && PQresultStatus(prepared) == PGRES_COMMAND_OK;
        if (!ok) {
            PgError error = failure(m_conn.get(), prepared, sql);
            PQclear(prepared);
            throw error;
        }
        PQclear(prepared);
        found = m_prepared.emplace(sql, name).first;
    }
    ++m_statements;
    pg_result* result = PQexecPrepared(m_conn.get(), found->second.c_str(), static_cast<int>(values.size()),
                                       values.data(), nullptr, nullptr, 0);
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        PgError error = failure(m_conn.get(), result, sql);
        PQclear(result);
        if (error.connectionLost())
            m_prepared.clear();  // a new session will not know them
        throw error;
    }
    return Result(result);
}

void Connection::send(const std::string& sql, const std::vector<std::optional<std::string>>& values,
                      bool prepared) {
    pipe(sql, values, prepared, false);
    // A long pipeline is read now and then, so neither side's buffers fill while the other
    // waits for them.
    if (m_sent.size() >= 256)
        settle();
}

void Connection::pipe(const std::string& sql, const std::vector<std::optional<std::string>>& params,
                      bool prepare, bool keep) {
    pg_conn* conn = m_conn.get();
    if (PQpipelineStatus(conn) == PQ_PIPELINE_OFF && PQenterPipelineMode(conn) != 1)
        throw failure(conn, nullptr, sql);
    const std::vector<const char*> values = pointers(params);
    const int count = static_cast<int>(values.size());
    int sent = 0;
    if (!prepare) {
        sent = PQsendQueryParams(conn, sql.c_str(), count, nullptr, values.data(), nullptr, nullptr, 0);
    } else {
        auto found = m_prepared.find(sql);
        if (found == m_prepared.end()) {
            const std::string name = "kc" + std::to_string(++m_names);
            if (PQsendPrepare(conn, name.c_str(), sql.c_str(), 0, nullptr) != 1)
                throw failure(conn, nullptr, sql);
            m_sent.push_back({sql, false});
            found = m_prepared.emplace(sql, name).first;
        }
        sent = PQsendQueryPrepared(conn, found->second.c_str(), count, values.data(), nullptr, nullptr, 0);
    }
    if (sent != 1)
        throw failure(conn, nullptr, sql);
    m_sent.push_back({sql, keep});
    ++m_statements;
}

void Connection::settle() { settleKeeping(); }

Result Connection::settleKeeping() {
    if (m_sent.empty())
        return Result();
    pg_conn* conn = m_conn.get();
    std::vector<Sent> sent;
    sent.swap(m_sent);
    if (PQpipelineSync(conn) != 1)
        throw failure(conn, nullptr, sent.back().sql);
    // Each command's results end with a null; the sync point's result ends the pipeline.
    std::optional<PgError> first;
    Result kept;
    std::size_t command = 0;
    for (;;) {
        pg_result* result = PQgetResult(conn);
        if (!result) {
            if (PQstatus(conn) == CONNECTION_BAD || ++command > sent.size()) {
                m_prepared.clear();
                throw first ? *first : failure(conn, nullptr, sent.back().sql);
            }
            continue;
        }
        const auto status = PQresultStatus(result);
        if (status == PGRES_PIPELINE_SYNC) {
            PQclear(result);
            break;
        }
        const Sent& which = sent[std::min(command, sent.size() - 1)];
        if (status == PGRES_FATAL_ERROR && !first)
            first = failure(conn, result, which.sql);
        if ((status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) && which.keep)
            kept = Result(result);
        else
            PQclear(result);
    }
    PQexitPipelineMode(conn);
    if (first) {
        if (first->connectionLost())
            m_prepared.clear();
        else  // a PREPARE aborted with the pipeline left nothing behind under its name
            for (const auto& one : sent)
                if (!one.keep)
                    m_prepared.erase(one.sql);
        throw *first;
    }
    return kept;
}

bool Connection::healthy() const { return m_conn && PQstatus(m_conn.get()) == CONNECTION_OK; }

bool Connection::inTransaction() const {
    const auto status = m_conn ? PQtransactionStatus(m_conn.get()) : PQTRANS_UNKNOWN;
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

std::string describeConnection(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (!options) {
        std::string message = error ? trimmed(error) : "unreadable";
        PQfreemem(error);
        return "(a connection string that cannot be read: " + message + ")";
    }
    std::string host, port, db, user;
    for (auto* o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const std::string key = o->keyword;
        if (key == "host") host = o->val;
        else if (key == "port") port = o->val;
        else if (key == "dbname") db = o->val;
        else if (key == "user") user = o->val;
    }
    PQconninfoFree(options);
    std::string text = (user.empty() ? "" : user + "@") + (host.empty() ? "localhost" : host) +
                       (port.empty() ? "" : ":" + port) + "/" + (db.empty() ? (user.empty() ? "(default)" : user) : db);
    return text;
}

bool isConnectionString(std::string_view text) {
    return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0 ||
           text.find('=') != std::string_view::npos;
}

} // namespace kc::server::pg
