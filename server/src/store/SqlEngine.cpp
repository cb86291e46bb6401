#include "store/SqliteEngine.hpp"

#include "kc/db/Statement.hpp"

namespace kc::server {

SqlTransaction::SqlTransaction(SqlDatabase& db, Mode mode) : m_db(db) {
    if (m_db.inTransaction()) {
        static thread_local unsigned counter = 0;
        m_savepoint = "kc_nested_" + std::to_string(++counter);
        m_db.exec("SAVEPOINT " + m_savepoint);
        return;
    }
    if (mode == Mode::Write)
        m_db.beginWrite();
    else
        m_db.beginSnapshot();
}

SqlTransaction::~SqlTransaction() {
    if (!m_open || !m_db.inTransaction())
        return;
    try {
        if (!m_savepoint.empty())
            m_db.exec("ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint);
        else
            m_db.exec("ROLLBACK");
    } catch (...) {
        // A connection that broke rolls back by itself; SQLite rolls back when it closes.
    }
}

void SqlTransaction::commit() {
    m_db.exec(m_savepoint.empty() ? std::string("COMMIT") : "RELEASE " + m_savepoint);
    m_open = false;
}

namespace {

class SqliteStatement final : public SqlStatementImpl {
public:
    explicit SqliteStatement(db::Statement statement) : m_statement(std::move(statement)) {}
    void bindNull(int index) override { m_statement.bind(index, nullptr); }
    void bindInt64(int index, std::int64_t value) override { m_statement.bind(index, value); }
    void bindDouble(int index, double value) override { m_statement.bind(index, value); }
    void bindText(int index, std::string_view value) override { m_statement.bind(index, value); }
    bool step() override { return m_statement.step(); }
    void reset() override { m_statement.reset(); }
    bool isNull(int column) const override { return m_statement.isNull(column); }
    std::int64_t getInt64(int column) const override { return m_statement.getInt64(column); }
    double getDouble(int column) const override { return m_statement.getDouble(column); }
    std::string getText(int column) const override { return m_statement.getText(column); }

private:
    db::Statement m_statement;
};

class SqliteDatabase final : public SqlDatabase {
public:
    explicit SqliteDatabase(db::Database database) : m_db(std::move(database)) {}
    Dialect dialect() const override { return Dialect::Sqlite; }
    void exec(std::string_view sql) override { m_db.exec(sql); }
    SqlStatement prepareCached(std::string_view sql) override {
        return SqlStatement(std::make_unique<SqliteStatement>(m_db.prepareCached(sql)));
    }
    SqlStatement prepare(std::string_view sql) override {
        return SqlStatement(std::make_unique<SqliteStatement>(m_db.prepare(sql)));
    }
    int changes() const override { return m_db.changes(); }
    bool inTransaction() const override { return m_db.inTransaction(); }
    void beginWrite() override { m_db.exec("BEGIN IMMEDIATE"); }
    void beginSnapshot() override { m_db.exec("BEGIN DEFERRED"); }

private:
    db::Database m_db;
};

} // namespace

std::unique_ptr<SqlDatabase> sqliteEngine(db::Database database) {
    return std::make_unique<SqliteDatabase>(std::move(database));
}

} // namespace kc::server
