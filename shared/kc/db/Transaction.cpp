#include "kc/db/Transaction.hpp"

namespace kc::db {

Transaction::Transaction(Database& db, Mode mode) : m_db(db) {
    if (m_db.inTransaction()) {
        static thread_local unsigned counter = 0;
        m_savepoint = "kc_nested_" + std::to_string(++counter);
        m_db.exec("SAVEPOINT " + m_savepoint);
        return;
    }
    switch (mode) {
    case Mode::Deferred:
        m_db.exec("BEGIN DEFERRED");
        break;
    case Mode::Immediate:
        m_db.exec("BEGIN IMMEDIATE");
        break;
    case Mode::Exclusive:
        m_db.exec("BEGIN EXCLUSIVE");
        break;
    }
}

Transaction::~Transaction() {
    if (m_open && m_db.inTransaction()) {
        try {
            if (!m_savepoint.empty())
                m_db.exec("ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint);
            else
                m_db.exec("ROLLBACK");
        } catch (...) {
            // A failed rollback leaves SQLite to roll back when the connection closes.
        }
    }
}

void Transaction::commit() {
    m_db.exec(m_savepoint.empty() ? std::string("COMMIT") : "RELEASE " + m_savepoint);
    m_open = false;
}

void Transaction::rollback() {
    m_open = false;
    if (!m_savepoint.empty())
        m_db.exec("ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint);
    else
        m_db.exec("ROLLBACK");
}

} // namespace kc::db
