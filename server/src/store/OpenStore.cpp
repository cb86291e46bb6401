#include "store/OpenStore.hpp"

#include "store/SqliteCentralStore.hpp"
#include "store/pg/PgCentralStore.hpp"
#include "store/pg/PgConnection.hpp"

#include <cstdlib>
#include <stdexcept>

#include <stdlib.h>

namespace kc::server {

namespace {

//! Whether a connection string carries a password ("password=…" or "user:secret@" in a URI).
bool hasPassword(const std::string& store) {
    if (store.find("password=") != std::string::npos)
        return true;
    const auto scheme = store.find("://");
    if (scheme == std::string::npos)
        return false;
    const auto at = store.find('@', scheme);
    const auto colon = store.find(':', scheme + 3);
    return at != std::string::npos && colon != std::string::npos && colon < at;
}

} // namespace

std::string storeSetting(const std::string& option) {
    if (!option.empty())
        return option;
    const char* environment = std::getenv("KC_STORE");
    return environment ? environment : "";
}

std::unique_ptr<CentralStore> openCentralStore(const std::string& store, const std::filesystem::path& dataDir,
                                               std::ostream& log, std::chrono::seconds waitAtStart) {
    if (store.empty() || store == "sqlite")
        return std::make_unique<SqliteCentralStore>(dataDir);
    if (!pg::isConnectionString(store))
        throw std::invalid_argument("--store \"" + store +
                                    "\" is neither \"sqlite\" nor a PostgreSQL connection string "
                                    "(postgresql://user@host:5432/kcfield or \"host=… dbname=…\")");
    // A database host that does not answer fails a connection in seconds, not minutes
    // (PGCONNECT_TIMEOUT, unless the operator set it, or connect_timeout in the string wins).
    ::setenv("PGCONNECT_TIMEOUT", "5", 0);
    if (hasPassword(store))
        throw std::invalid_argument("--store must not carry a password (it would show in the process list): "
                                    "put it in PGPASSWORD or ~/.pgpass");
    return std::make_unique<PgCentralStore>(store, PgCentralStore::Options{waitAtStart, &log});
}

} // namespace kc::server
