// The PostgreSQL store's own faults: a connection string that is wrong, a database that is not
// there, a password on the command line, a schema made by a newer version. Each is refused
// with a message that names what is wrong, before anything is written.
#include "../support/TestStore.hpp"
#include "../support/ServerProcess.hpp"
#include "ApiFixture.hpp"

#include "cli/AdminCommands.hpp"
#include "store/OpenStore.hpp"
#include "store/pg/PgCentralStore.hpp"
#include "store/pg/PgSchema.hpp"
#include "store/pg/PgConnection.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace kc::server;

TEST_CASE("PostgreSQL store: wrong strings, a missing database and a password on the command line are named",
          "[postgres][store]") {
    const auto dir = kc::test::freshTempDir("pg-faults");
    std::ostringstream log;
    CHECK_THROWS_WITH(openCentralStore("host=" + (dir / "no-server").string() + " user=kcfield dbname=kc_x", dir, log,
                                       std::chrono::seconds(0)),
                      Catch::Contains("cannot connect to PostgreSQL at kcfield@" + (dir / "no-server").string() +
                                      "/kc_x"));
    CHECK_THROWS_AS(openCentralStore("host=" + (dir / "no-server").string() + " dbname=kc_x", dir, log,
                                     std::chrono::seconds(0)),
                    StoreUnavailable);
    CHECK_THROWS_WITH(openCentralStore("postgresql://kcfield:secret@db/kcfield", dir, log, std::chrono::seconds(0)),
                      Catch::Contains("must not carry a password") && Catch::Contains("PGPASSWORD"));
    CHECK_THROWS_WITH(openCentralStore("mysql-database", dir, log, std::chrono::seconds(0)),
                      Catch::Contains("neither \"sqlite\" nor a PostgreSQL connection string"));
    CHECK_THROWS_WITH(openCentralStore("host=/tmp port=notaport", dir, log, std::chrono::seconds(0)),
                      Catch::Contains("invalid"));
    // A database that does not exist is refused at once: waiting would not make it.
    const std::string missing = std::string(std::getenv("KC_TEST_STORE")) + " dbname=kc_no_such_database";
    const auto started = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(openCentralStore(missing, dir, log, std::chrono::seconds(30)), std::invalid_argument);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
    CHECK_THROWS_WITH(openCentralStore(missing, dir, log, std::chrono::seconds(30)),
                      Catch::Contains("kc_no_such_database") && Catch::Contains("does not exist"));
    CHECK(log.str().find("waiting") == std::string::npos);

    // The CLI says the same in words, with its exit code.
    std::ostringstream out, err;
    std::istringstream in;
    CHECK(runAdmin("users", {"list", "--data", dir.string(), "--store", missing}, in, out, err) == 1);
    CHECK_THAT(err.str(), Catch::Contains("does not exist"));
}

TEST_CASE("PostgreSQL store: a schema made by a newer kcfield-server is refused, the store left as it is",
          "[postgres][store][migration]") {
    const auto dir = kc::test::freshTempDir("pg-newer");
    const std::string conninfo = kc::test::postgresFor(dir);
    {
        PgCentralStore store(conninfo, {std::chrono::seconds(0), nullptr});
        CHECK(store.schemaVersion() == kc::server::pgMigrations().back().version);
        CHECK(store.engine() == "postgresql");
        CHECK(store.ping());
        CHECK_THROWS_WITH(store.backup(dir / "copy"), Catch::Contains("pg_dump"));
    }
    {
        pg::Connection raw(conninfo);
        raw.run("INSERT INTO schema_migrations (version, description) VALUES (99, 'from the future')");
    }
    CHECK_THROWS_WITH(PgCentralStore(conninfo, {std::chrono::seconds(0), nullptr}),
                      Catch::Contains("schema version 99, made by a newer kcfield-server") &&
                          Catch::Contains("knows up to version " + std::to_string(kc::server::pgMigrations().back().version)));
    pg::Connection raw(conninfo);
    CHECK(raw.run("SELECT count(*) FROM schema_migrations").int64(0, 0) ==
          static_cast<std::int64_t>(kc::server::pgMigrations().size()) + 1);
}
