#pragma once

#include "kc/db/Database.hpp"

#include <exception>
#include <string>

namespace kc::db {

//! A transaction that rolls back unless commit() is called: an exception that escapes
//! the scope leaves the database as it was. Inside another transaction it is a savepoint, so
//! an action made of smaller actions is still one transaction.
class Transaction {
public:
    enum class Mode { Deferred, Immediate, Exclusive };

    explicit Transaction(Database& db, Mode mode = Mode::Immediate);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    void commit();
    void rollback();

private:
    Database& m_db;
    bool m_open = true;
    std::string m_savepoint; //!< set when nested
};

//! Runs `work` inside a transaction and commits; rolls back and rethrows if it throws.
template <class Work> auto inTransaction(Database& db, Work&& work) {
    Transaction transaction(db);
    if constexpr (std::is_void_v<decltype(work())>) {
        work();
        transaction.commit();
    } else {
        auto result = work();
        transaction.commit();
        return result;
    }
}

} // namespace kc::db
