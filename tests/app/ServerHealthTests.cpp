#include "sync/ServerHealth.hpp"

#include "../support/ServerProcess.hpp"
#include "kc/Version.hpp"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include <csignal>

namespace {
bool waitUntilSettled(ServerHealth& health) {
    return QTest::qWaitFor([&] { return health.state() != ServerHealth::State::Checking; }, 15000);
}
} // namespace

TEST_CASE("ServerHealth sees a running server, then notices when it stops", "[app][e2e]") {
    kc::test::ServerProcess server(kc::test::freshTempDir("app-health"), {"--no-demo"});
    ServerHealth health;
    QSignalSpy changes(&health, &ServerHealth::stateChanged);
    QSignalSpy urlChanges(&health, &ServerHealth::serverUrlChanged);

    health.setServerUrl(QUrl(QString::fromStdString(server.baseUrl())));
    CHECK(urlChanges.count() == 1);
    CHECK(health.state() == ServerHealth::State::Checking);
    REQUIRE(waitUntilSettled(health));
    CHECK(health.state() == ServerHealth::State::Reachable);
    CHECK(health.serverVersion() == QString::fromLatin1(kc::kVersion));
    CHECK(health.schemaVersion() >= 2); // the server reports its migrated schema
    CHECK(health.errorString().isEmpty());
    CHECK(health.lastChecked().isValid());
    CHECK(changes.count() == 2);  // Checking, then Reachable

    REQUIRE(server.stop(SIGTERM) == 0);
    health.check();
    REQUIRE(waitUntilSettled(health));
    CHECK(health.state() == ServerHealth::State::Unreachable);
    CHECK(health.errorString().startsWith(QStringLiteral("Cannot reach the server")));
}

TEST_CASE("ServerHealth explains an address that is not a KCField server", "[app][e2e]") {
    kc::test::ServerProcess server(kc::test::freshTempDir("app-health-wrong"), {"--no-demo"});
    ServerHealth health;
    health.setServerUrl(QUrl(QString::fromStdString(server.baseUrl() + "/elsewhere")));
    REQUIRE(waitUntilSettled(health));
    CHECK(health.state() == ServerHealth::State::Unreachable);
    CHECK(health.errorString().contains(QStringLiteral("not as a KCField server (HTTP 404)")));
}

TEST_CASE("ServerHealth refuses an invalid address with a message", "[app]") {
    ServerHealth health;
    health.setServerUrl(QUrl(QStringLiteral("192.168.1.10")));  // no scheme
    CHECK(health.state() == ServerHealth::State::Unreachable);
    CHECK(health.errorString().contains(QStringLiteral("is not valid")));
}

TEST_CASE("only the newest check's answer counts", "[app][e2e]") {
    kc::test::ServerProcess server(kc::test::freshTempDir("app-health-stale"), {"--no-demo"});
    ServerHealth health;
    health.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));  // nothing listens there
    health.setServerUrl(QUrl(QString::fromStdString(server.baseUrl())));
    REQUIRE(waitUntilSettled(health));
    CHECK(health.state() == ServerHealth::State::Reachable);
    QTest::qWait(200);  // a late answer from the abandoned request must not flip it
    CHECK(health.state() == ServerHealth::State::Reachable);
}

TEST_CASE("automatic checks follow the interval", "[app]") {
    ServerHealth health;
    QSignalSpy intervalChanges(&health, &ServerHealth::intervalChanged);
    health.setInterval(50);
    health.setInterval(50);
    CHECK(intervalChanges.count() == 1);
    health.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    REQUIRE(waitUntilSettled(health));
    const QDateTime first = health.lastChecked();
    REQUIRE(QTest::qWaitFor([&] { return health.lastChecked() > first; }, 5000));
    health.setInterval(0);
    CHECK(health.interval() == 0);
}
