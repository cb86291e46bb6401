#include "kc/db/Migrations.hpp"

#include "kc/db/DbError.hpp"
#include "kc/db/Transaction.hpp"

#include <sqlite3.h>

namespace kc::db {

int migrate(Database& db, std::span<const Migration> migrations) {
    for (std::size_t i = 0; i < migrations.size(); ++i) {
        if (migrations[i].version != static_cast<int>(i) + 1)
            throw DbError(SQLITE_MISUSE, "migration list is out of order: entry " +
                                             std::to_string(i) + " has version " +
                                             std::to_string(migrations[i].version) +
                                             ", expected " + std::to_string(i + 1));
    }
    const int latest = static_cast<int>(migrations.size());
    const int current = db.userVersion();
    if (current > latest)
        throw DbError(SQLITE_MISUSE, "the database's schema version " + std::to_string(current) +
                                         " is newer than this program knows (" +
                                         std::to_string(latest) + "); upgrade the program");
    for (int version = current + 1; version <= latest; ++version) {
        const Migration& step = migrations[static_cast<std::size_t>(version - 1)];
        Transaction transaction(db, Transaction::Mode::Exclusive);
        try {
            db.exec(step.sql);
        } catch (const DbError& error) {
            throw DbError(error.code(), "migration " + std::to_string(version) + " (" +
                                            std::string(step.description) +
                                            ") failed: " + error.what());
        }
        db.setUserVersion(version);
        transaction.commit();
    }
    return latest;
}

} // namespace kc::db
