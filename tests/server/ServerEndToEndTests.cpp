// The real kcfield-server binary on 127.0.0.1, spoken to over HTTP.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "ApiFixture.hpp"

#include "kc/Version.hpp"
#include "kc/json/Json.hpp"
#include "kc/text/Fold.hpp"

#include "store/ServerSchema.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <unistd.h>
#include <iterator>
#include <fstream>
#include <filesystem>
#include <map>
#include <cstdlib>
#include <sys/wait.h>

using kc::json::ObjectReader;
using kc::test::httpRequest;
using kc::test::ServerProcess;

TEST_CASE("GET /healthz reports status, version, store path and schema version", "[e2e]") {
    const auto dir = kc::test::freshTempDir("e2e-health");
    ServerProcess server(dir);
    const auto reply = httpRequest(server.port(), "GET", "/healthz");
    REQUIRE(reply.status == 200);
    CHECK(reply.headers.at("content-type") == "application/json; charset=utf-8");
    const auto body = kc::json::parse(reply.body);
    ObjectReader health(body, "healthz");
    CHECK(health.string("status") == "ok");
    CHECK(health.string("version") == kc::kVersion);
    CHECK(health.string("service") == "kcfield-server");
    ObjectReader store = health.object("store");
    if (kc::test::onPostgres()) {
        CHECK(store.string("engine") == "postgresql");
        CHECK_THAT(store.string("path"), Catch::StartsWith("postgresql://kcfield@"));
    } else {
        CHECK(store.string("engine") == "sqlite");
        CHECK(store.string("path") == (dir / "kcfield.sqlite3").string());
    }
    CHECK(store.int64("schema_version") == kc::server::serverMigrations().back().version);
    CHECK(store.boolean("reachable"));
    CHECK(server.output().find("Seeded the demo province Cao Bằng") != std::string::npos);
    CHECK(server.output().find("Published 6 forms of the library") != std::string::npos);
}

TEST_CASE("every response carries the security headers, errors and attachments too", "[e2e][security]") {
    ServerProcess server(kc::test::freshTempDir("e2e-headers"));
    for (const char* target : {"/healthz", "/v1/pull", "/no/such/page"}) {
        const auto reply = httpRequest(server.port(), "GET", target);
        INFO(target);
        CHECK(reply.headers.at("x-content-type-options") == "nosniff");
        CHECK(reply.headers.at("x-frame-options") == "DENY");
        CHECK(reply.headers.at("referrer-policy") == "no-referrer");
        CHECK(reply.headers.at("content-security-policy").find("default-src 'none'") == 0);
        CHECK_FALSE(reply.headers.count("strict-transport-security"));  // plain HTTP: only over HTTPS
    }
}

TEST_CASE("errors over HTTP use the JSON error body", "[e2e]") {
    ServerProcess server(kc::test::freshTempDir("e2e-errors"), {"--no-demo"});
    const auto missing = httpRequest(server.port(), "GET", "/v1/nothing-here");
    CHECK(missing.status == 404);
    CHECK(ObjectReader(kc::json::parse(missing.body), "").object("error").string("code") == "not_found");

    const auto wrong = httpRequest(server.port(), "POST", "/healthz", "{}");
    CHECK(wrong.status == 405);
    CHECK(wrong.headers.at("allow") == "GET");

    // A body over the limit gets 413 and a JSON error, not a dropped connection.
    const std::string answer = kc::test::rawExchange(
        server.port(), "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 20000000\r\n\r\nabc");
    CHECK_THAT(answer, Catch::StartsWith("HTTP/1.1 413"));
    CHECK_THAT(answer, Catch::Contains("\"code\":\"payload_too_large\""));

    const std::string garbage = kc::test::rawExchange(server.port(), "NOT HTTP AT ALL\r\n\r\n");
    CHECK_THAT(garbage, Catch::StartsWith("HTTP/1.1 400"));
}

TEST_CASE("an error body is valid UTF-8 JSON whatever bytes the request echoed", "[e2e][errors]") {
    ServerProcess server(kc::test::freshTempDir("e2e-error-utf8"));
    const auto token = [&] {
        const auto in = httpRequest(server.port(), "POST", "/v1/auth/sign-in",
                                    R"({"username":"duyet","password":"khuyencong"})");
        REQUIRE(in.status == 200);
        return std::string(kc::json::parse(in.body).at("token").as_string());
    }();
    const std::map<std::string, std::string> auth{{"authorization", "Bearer " + token}};
    for (const std::string& target : {std::string("/v1/\xff\xfe"), std::string("/v1/submissions/\xc3\x28"),
                                     std::string("/v1/submissions?limit=\xff" "9"),
                                     std::string("/v1/reports/programme.json?from=20\xe2\x28\xa1")}) {
        INFO(target);
        const auto reply = httpRequest(server.port(), "GET", target, {}, auth);
        CHECK(reply.status >= 400);
        CHECK(reply.status < 500);
        CHECK(kc::text::isValidUtf8(reply.body));
        const auto body = kc::json::parse(reply.body);  // throws on anything not JSON
        CHECK(body.at("error").at("message").as_string().size() > 0);
    }
}

TEST_CASE("one connection carries several requests (keep-alive)", "[e2e]") {
    ServerProcess server(kc::test::freshTempDir("e2e-keepalive"), {"--no-demo"});
    const std::string answer = kc::test::rawExchange(
        server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                       "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    std::size_t count = 0;
    for (std::size_t at = answer.find("HTTP/1.1 200"); at != std::string::npos;
         at = answer.find("HTTP/1.1 200", at + 1))
        ++count;
    CHECK(count == 2);
}

TEST_CASE("SIGTERM and SIGINT stop the server cleanly with exit code 0", "[e2e]") {
    const auto dir = kc::test::freshTempDir("e2e-sigterm");
    {
        ServerProcess server(dir);
        CHECK(httpRequest(server.port(), "GET", "/healthz").status == 200);
        CHECK(server.stop(SIGTERM) == 0);
    }
    ServerProcess again(dir);  // same store: still there, not seeded twice
    CHECK(again.output().find("Seeded") == std::string::npos);
    CHECK(httpRequest(again.port(), "GET", "/healthz").status == 200);
    CHECK(again.stop(SIGINT) == 0);
}

TEST_CASE("a data folder the server may not write to is named in words at start", "[e2e][storage]") {
    // Run as an unprivileged user (root writes anywhere), on a folder only root may write to.
    if (std::system("command -v runuser >/dev/null 2>&1") != 0 || ::geteuid() != 0) {
        WARN("needs root and runuser to start the server as another user; skipped");
        return;
    }
    const auto dir = kc::test::freshTempDir("e2e-readonly-data");
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all | std::filesystem::perms::group_read |
                                          std::filesystem::perms::group_exec | std::filesystem::perms::others_read |
                                          std::filesystem::perms::others_exec);
    const auto log = dir.parent_path() / (dir.filename().string() + ".log");
    const int status = std::system(("runuser -u nobody -- " + std::string(KC_SERVER_BINARY) +
                                    " serve --listen 127.0.0.1:0 --no-demo --data " + dir.string() + " >" + log.string() +
                                    " 2>&1").c_str());
    std::ifstream in(log);
    const std::string said((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(said);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) != 0));
    CHECK(said.find("the data folder " + dir.string() + " is not writable by this user") != std::string::npos);
    CHECK(said.find("SQLite error") == std::string::npos);
    std::filesystem::remove(log);
}

TEST_CASE("bad command lines are refused with exit code 2", "[e2e]") {
    const std::string binary = KC_SERVER_BINARY;
    const auto run = [&](const std::string& args) {
        const int status = std::system((binary + " " + args + " >/dev/null 2>&1").c_str());
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    CHECK(run("serve --listen nowhere") == 2);
    CHECK(run("serve --threads 0") == 2);
    CHECK(run("serve --bogus") == 2);
    CHECK(run("frobnicate") == 2);
    CHECK(run("version") == 0);
    CHECK(run("serve --listen 999.1.1.1:0 --data /tmp/kc-test-badaddr --no-demo") == 1);
}
