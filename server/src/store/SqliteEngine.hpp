#pragma once

#include "store/SqlEngine.hpp"

#include "kc/db/Database.hpp"

#include <memory>

namespace kc::server {

//! A SQLite connection as one of the store's engines.
std::unique_ptr<SqlDatabase> sqliteEngine(db::Database database);

} // namespace kc::server
