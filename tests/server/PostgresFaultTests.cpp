// The PostgreSQL side's faults while a server runs or starts: a password the database refuses,
// a statement that runs past statement_timeout, and a full disk under the database. Each is
// named in the answer and changes nothing; the work is accepted once the fault is gone.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "../support/TestStore.hpp"
#include "ApiFixture.hpp"
#include "E2eSteps.hpp"

#include "cli/AdminCommands.hpp"
#include "store/OpenStore.hpp"
#include "store/pg/PgCentralStore.hpp"
#include "store/pg/PgConnection.hpp"
#include "store/pg/PgSchema.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <pwd.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

using namespace kc::test;
using kc::server::pg::Connection;

namespace {

std::string cluster() { return std::getenv("KC_TEST_STORE"); }

std::string statusOf(const HttpReply& reply, std::size_t index = 0) {
    return std::string(kc::json::parse(reply.body).at("receipts").at(index).at("status").as_string());
}

//! PGPASSWORD for the scope of one check.
struct Password {
    explicit Password(const char* value) { ::setenv("PGPASSWORD", value, 1); }
    ~Password() { ::unsetenv("PGPASSWORD"); }
};

} // namespace

TEST_CASE("PostgreSQL store: a password the database refuses is named at once, never waited for",
          "[postgres][store]") {
    const auto dir = freshTempDir("pg-password");
    const std::string own = postgresFor(dir);
    const std::string database = own.substr(own.rfind("dbname=") + 7);
    {
        Connection admin(cluster());
        admin.exec("DO $$ BEGIN CREATE ROLE kc_password_probe LOGIN; "
                   "EXCEPTION WHEN duplicate_object THEN NULL; END $$");  // left by a run that crashed
        admin.exec("ALTER ROLE kc_password_probe PASSWORD 'the right one'");
        admin.exec("ALTER DATABASE " + database + " OWNER TO kc_password_probe");
    }
    const std::string conninfo = own + " user=kc_password_probe";
    std::ostringstream log;
    {
        Password wrong("not the password");
        const auto started = std::chrono::steady_clock::now();
        CHECK_THROWS_AS(kc::server::openCentralStore(conninfo, dir, log, std::chrono::seconds(30)),
                        std::invalid_argument);
        CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
        CHECK_THROWS_WITH(kc::server::openCentralStore(conninfo, dir, log, std::chrono::seconds(30)),
                          Catch::Contains("password authentication failed for user \"kc_password_probe\""));
        CHECK(log.str().find("waiting") == std::string::npos);
        std::ostringstream out, err;
        std::istringstream in;
        CHECK(kc::server::runAdmin("users", {"list", "--data", dir.string(), "--store", conninfo}, in, out, err) == 1);
        CHECK_THAT(err.str(), Catch::Contains("password authentication failed"));
    }
    {
        Password none("");
        CHECK_THROWS_WITH(kc::server::openCentralStore(conninfo, dir, log, std::chrono::seconds(30)),
                          Catch::Contains("password"));
    }
    {
        Password right("the right one");  // the same string with the password from the environment
        auto store = kc::server::openCentralStore(conninfo, dir, log, std::chrono::seconds(0));
        CHECK(store->schemaVersion() == kc::server::pgMigrations().back().version);
    }
    dropPostgresFor(dir);
    Connection(cluster()).exec("DROP ROLE kc_password_probe");
}

TEST_CASE("PostgreSQL store: a statement past statement_timeout answers 503, stores nothing, and the retry lands",
          "[postgres][e2e][outage]") {
    const auto dir = freshTempDir("pg-timeout");
    const std::string conninfo = postgresFor(dir) + " options='-c statement_timeout=400'";
    ServerProcess server(dir / "srv", {"--store", conninfo});
    const std::string token = signIn(server, "canbo");
    const std::string project = projectId(server, token, "KCQG-2024-01");
    const std::string photo = upload(server, token, "timeout photo");
    const std::string id = kc::Uuid::v7().toString();
    const std::string body = batch({report(id, project, photo, 55)});

    Connection blocker(postgresFor(dir));  // another client holds the table the push needs
    blocker.exec("BEGIN");
    blocker.exec("LOCK TABLE submissions IN ACCESS EXCLUSIVE MODE");
    const auto started = std::chrono::steady_clock::now();
    const auto refused = httpRequest(server.port(), "POST", "/v1/push", body, bearer(token));
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    CHECK(refused.status == 503);
    const auto error = kc::json::parse(refused.body).at("error");
    CHECK(error.at("code") == "store_unavailable");
    CHECK_THAT(std::string(error.at("message").as_string()),
               Catch::Contains("statement_timeout") && Catch::Contains("nothing of this request was stored"));
    blocker.exec("ROLLBACK");

    // Nothing of it landed: the same push is accepted as new, once.
    const auto retried = httpRequest(server.port(), "POST", "/v1/push", body, bearer(token));
    REQUIRE(retried.status == 200);
    CHECK(statusOf(retried) == "accepted");
    CHECK(statusOf(httpRequest(server.port(), "POST", "/v1/push", body, bearer(token))) == "duplicate");
    Connection check(postgresFor(dir));
    CHECK(check.run("SELECT count(*) FROM submission_revisions WHERE submission_id = $1", id).int64(0, 0) == 1);
    CHECK(httpRequest(server.port(), "GET", "/healthz").status == 200);
}

TEST_CASE("PostgreSQL store: a full disk under the database answers 507, stores nothing of the refused push",
          "[postgres][e2e][storage]") {
    if (::geteuid() != 0) {
        WARN("not run: mounting a small file system under the database needs root");
        return;
    }
    const auto dir = freshTempDir("pg-disk-full");
    const auto tiny = dir / "tiny";
    std::filesystem::create_directories(tiny);
    if (::mount("tmpfs", tiny.c_str(), "tmpfs", 0, "size=24m") != 0) {
        const int error = errno;
        WARN("not run: cannot mount a small tmpfs: " << std::strerror(error));
        return;
    }
    // The cluster runs as "nobody" under root (scripts/pg-test-cluster.sh): its folder is theirs.
    if (const passwd* nobody = ::getpwnam("nobody"))
        REQUIRE(::chown(tiny.c_str(), nobody->pw_uid, nobody->pw_gid) == 0);
    const std::string name = "kc_tiny_" + std::to_string(::getpid());
    struct Cleanup {
        std::filesystem::path tiny;
        std::string name;
        ~Cleanup() {
            try {
                Connection admin(cluster());
                admin.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                admin.exec("DROP TABLESPACE IF EXISTS " + name);
            } catch (...) {
            }
            ::umount2(tiny.c_str(), MNT_DETACH);
        }
    } cleanup{tiny, name};
    {
        Connection admin(cluster());
        admin.exec("CREATE TABLESPACE " + name + " LOCATION '" + tiny.string() + "'");
        admin.exec("CREATE DATABASE " + name + " TABLESPACE " + name);
    }
    const std::string conninfo = cluster() + " dbname=" + name;
    std::vector<std::string> refusedIds, refusedItems;
    {
        ServerProcess server(dir / "srv", {"--store", conninfo});
        const std::string token = signIn(server, "canbo");
        const std::string project = projectId(server, token, "KCQG-2024-01");
        const std::string photo = upload(server, token, "before the disk filled");
        fillDisk(tiny);
        const RefusedPush push = pushUntilRefused(server, token, project, photo, 200);
        const HttpReply& refused = push.reply;
        refusedIds = push.ids;
        refusedItems = push.items;
        CHECK(refused.status == 507);
        const auto error = kc::json::parse(refused.body).at("error");
        CHECK(error.at("code") == "storage_full");
        CHECK_THAT(std::string(error.at("message").as_string()), Catch::Contains("nothing of this request was stored"));
        // Room again (a new connection needs some too): nothing of the refused push is there,
        // and the same push lands whole, without the server being touched.
        std::filesystem::remove(tiny / "filler");
        {
            Connection check(conninfo);
            for (const auto& id : refusedIds)
                CHECK(check.run("SELECT count(*) FROM submissions WHERE id = $1", id).int64(0, 0) == 0);
        }
        const auto retried = httpRequest(server.port(), "POST", "/v1/push", batch(refusedItems), bearer(token));
        REQUIRE(retried.status == 200);
        for (std::size_t i = 0; i < refusedIds.size(); ++i)
            CHECK(statusOf(retried, i) == "accepted");
    }
}
