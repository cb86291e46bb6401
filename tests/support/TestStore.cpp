#include "TestStore.hpp"

#include <libpq-fe.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace kc::test {

namespace {

const char* base() {
    const char* value = std::getenv("KC_TEST_STORE");
    return value && *value ? value : nullptr;
}

std::string databaseName(const std::filesystem::path& dir) {
    std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a of the folder's absolute path
    for (unsigned char c : std::filesystem::absolute(dir).lexically_normal().string())
        hash = (hash ^ c) * 1099511628211ULL;
    char name[32];
    std::snprintf(name, sizeof name, "kc_%016llx", static_cast<unsigned long long>(hash));
    return name;
}

//! Runs one statement on the cluster's maintenance database.
void maintenance(const std::string& sql, bool tolerateDuplicate = false) {
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(base()), &PQfinish);
    if (PQstatus(conn.get()) != CONNECTION_OK)
        throw std::runtime_error(std::string("KC_TEST_STORE: cannot connect: ") + PQerrorMessage(conn.get()));
    PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);  // "does not exist, skipping"
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
    if (PQresultStatus(result.get()) == PGRES_COMMAND_OK)
        return;
    const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
    if (tolerateDuplicate && state && std::string(state) == "42P04")  // duplicate_database
        return;
    throw std::runtime_error("KC_TEST_STORE: " + sql + ": " + PQerrorMessage(conn.get()));
}

} // namespace

bool onPostgres() { return base() != nullptr; }

std::string postgresFor(const std::filesystem::path& dir) {
    if (!onPostgres())
        throw std::logic_error("postgresFor() without KC_TEST_STORE");
    const std::string name = databaseName(dir);
    maintenance("CREATE DATABASE " + name, true);  // a name of hex digits: nothing to quote
    return std::string(base()) + " dbname=" + name;
}

void dropPostgresFor(const std::filesystem::path& dir) {
    if (onPostgres())
        maintenance("DROP DATABASE IF EXISTS " + databaseName(dir) + " WITH (FORCE)");
}

std::vector<std::string> storeArgs(const std::filesystem::path& dir) {
    if (!onPostgres())
        return {};
    return {"--store", postgresFor(dir)};
}

} // namespace kc::test
