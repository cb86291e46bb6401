// The PostgreSQL store going away and coming back: a server waits for it at start, answers 503
// (never a crash, never a half-written push) while it is away, and recovers by itself. The test
// runs a cluster of its own (scripts/pg-test-cluster.sh), since it stops it under load.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "../support/TestStore.hpp"
#include "E2eSteps.hpp"

#include "store/pg/PgCentralStore.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <thread>

using namespace kc::test;

namespace {

//! The script's output (the connection string for start), or a failed REQUIRE.
std::string cluster(const std::string& action, const std::filesystem::path& dir) {
    const std::string command = std::string(KC_SOURCE_ROOT) + "/scripts/pg-test-cluster.sh " + action + " '" +
                                dir.string() + "' --fast 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[512];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, n);
    INFO(output);
    REQUIRE(::pclose(pipe) == 0);
    while (!output.empty() && output.back() == '\n')
        output.pop_back();
    return output;
}

//! Stops and removes the cluster however the test ends.
struct OwnCluster {
    std::filesystem::path dir;
    ~OwnCluster() { std::system(("'" KC_SOURCE_ROOT "/scripts/pg-test-cluster.sh' stop '" + dir.string() + "' >/dev/null 2>&1").c_str()); }
};

} // namespace

TEST_CASE("PostgreSQL away at start, then gone under load and back: 503s, nothing half-written, recovery by itself",
          "[postgres][e2e][outage]") {
    const auto dir = freshTempDir("pg-outage");
    OwnCluster own{dir / "cluster"};
    const std::string conninfo = cluster("start", own.dir);
    cluster("halt", own.dir);

    // The server starts while the database is away: it waits, saying so, and serves once it is back.
    std::thread comesBack([&] {
        std::this_thread::sleep_for(std::chrono::seconds(4));
        cluster("start", own.dir);
    });
    ServerProcess server(dir / "srv", {"--store", conninfo, "--threads", "4"});
    comesBack.join();
    CHECK_THAT(server.output(), Catch::Contains("waiting for the PostgreSQL store"));

    const std::string token = signIn(server, "canbo");
    const std::string project = projectId(server, token, "KCQG-2024-01");
    const std::string photo = upload(server, token, "outage photo");
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::set<std::string> acknowledged, unanswered;
    std::map<int, int> statuses;
    std::vector<std::thread> pushers;
    for (int p = 0; p < 3; ++p)
        pushers.emplace_back([&] {
            while (!stop) {
                const std::string id = kc::Uuid::v7().toString();
                HttpReply reply;
                try {
                    reply = httpRequest(server.port(), "POST", "/v1/push", batch({report(id, project, photo, 30)}),
                                        bearer(token));
                } catch (const std::exception&) {
                    reply.status = -1;  // no answer at all: the server would have dropped the connection
                }
                std::lock_guard lock(mutex);
                ++statuses[reply.status];
                if (reply.status == 200)
                    acknowledged.insert(id);
                else
                    unanswered.insert(id);
                if (reply.status == 503)
                    CHECK_THAT(reply.body, Catch::Contains("store_unavailable"));
            }
        });
    std::this_thread::sleep_for(std::chrono::seconds(2));
    cluster("halt", own.dir);  // the database goes away under load
    std::this_thread::sleep_for(std::chrono::seconds(3));
    const auto health = httpRequest(server.port(), "GET", "/healthz");
    CHECK(health.status == 503);
    CHECK_THAT(health.body, Catch::Contains("\"reachable\":false"));
    cluster("start", own.dir);  // and comes back
    std::size_t before = 0;
    {
        std::lock_guard lock(mutex);
        before = acknowledged.size();
    }
    for (int wait = 0; wait < 100; ++wait) {  // pushes succeed again, with nobody's help
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        std::lock_guard lock(mutex);
        if (acknowledged.size() > before + 10)
            break;
    }
    stop = true;
    for (auto& pusher : pushers)
        pusher.join();
    INFO("statuses: 200 × " << statuses[200] << ", 503 × " << statuses[503] << ", other × "
                            << (statuses.size() - statuses.count(200) - statuses.count(503)));
    CHECK(statuses[503] > 0);
    CHECK(statuses.size() == statuses.count(200) + statuses.count(503));  // no 500, no dropped connection
    CHECK(acknowledged.size() > before + 10);
    CHECK(httpRequest(server.port(), "GET", "/healthz").status == 200);

    // Every acknowledged push is stored once; every unanswered one is stored whole or not at all,
    // and its retry is answered as a device expects (accepted, or duplicate of what landed).
    kc::server::PgCentralStore store(conninfo, {std::chrono::seconds(0), nullptr});
    for (const auto& id : acknowledged)
        CHECK(store.revisions(id).size() == 1);
    for (const auto& id : unanswered) {
        const auto held = store.revisions(id).size();
        CHECK(held <= 1);
        const auto retry = httpRequest(server.port(), "POST", "/v1/push", batch({report(id, project, photo, 30)}),
                                       bearer(token));
        REQUIRE(retry.status == 200);
        const std::string status(kc::json::parse(retry.body).at("receipts").at(0).at("status").as_string());
        CHECK(status == (held ? "duplicate" : "accepted"));
    }
}
