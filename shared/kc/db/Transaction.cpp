#include "kc/db/Transaction.hpp"

namespace kc::db {

Transaction::Transaction(Database& db, Mode mode) : m_db(db) {
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
            m_db.exec("ROLLBACK");
        } catch (...) {
            // A failed rollback leaves SQLite to roll back when the connection closes.
        }
    }
}

void Transaction::commit() {
    m_db.exec("COMMIT");
    m_open = false;
}

void Transaction::rollback() {
    m_open = false;
    m_db.exec("ROLLBACK");
}

} // namespace kc::db
