#pragma once

#include "kc/db/Database.hpp"

#include <span>
#include <string_view>

namespace kc::db {

//! One schema step. Versions start at 1 and follow each other without gaps.
struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
};

//! Applies every migration newer than the database's `user_version`, each in its own
//! transaction that also sets `user_version`, so a failure leaves the last good version.
//! Throws DbError when the list has gaps or the database is newer than this program.
//! Returns the schema version reached.
int migrate(Database& db, std::span<const Migration> migrations);

} // namespace kc::db
