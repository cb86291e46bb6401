#pragma once

#include "store/CentralStore.hpp"

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <string>

namespace kc::server {

//! The store `--store` names (or KC_STORE when the option is absent): "" or "sqlite" for the
//! SQLite file in `dataDir`, a PostgreSQL connection string or URI for PostgreSQL. A password
//! in the string is refused (it would show in the process list): PGPASSWORD or ~/.pgpass.
//! `waitAtStart`: how long to wait for a PostgreSQL server that does not answer yet.
std::unique_ptr<CentralStore> openCentralStore(const std::string& store, const std::filesystem::path& dataDir,
                                               std::ostream& log,
                                               std::chrono::seconds waitAtStart = std::chrono::seconds(60));

//! `option` when set, else the KC_STORE environment variable, else "".
std::string storeSetting(const std::string& option);

} // namespace kc::server
