// Pushes that arrive together are committed together: one transaction a group, on PostgreSQL
// without a savepoint a push (their writes streamed) and with what they look up read for the
// whole group at once. What a crowd of devices is told must be what one device alone is told.
// On PostgreSQL two servers share the store, as behind a load balancer; on SQLite one serves.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "../support/TestStore.hpp"
#include "E2eSteps.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <barrier>
#include <map>
#include <mutex>
#include <thread>

using namespace kc::test;
namespace bj = boost::json;

TEST_CASE("e2e: one new report pushed at once on many connections is accepted once, the others are told "
          "it is a duplicate, and each device's own report beside it is accepted",
          "[e2e][group]") {
    const auto dir = freshTempDir("group-same-id");
    std::vector<std::unique_ptr<ServerProcess>> servers;
    if (onPostgres()) {
        const std::vector<std::string> shared{"--store", postgresFor(dir), "--attachments", (dir / "shared").string()};
        servers.push_back(std::make_unique<ServerProcess>(dir / "a", shared));
        servers.push_back(std::make_unique<ServerProcess>(dir / "b", shared));
    } else {
        servers.push_back(std::make_unique<ServerProcess>(dir));
    }
    const std::string token = signIn(*servers.front(), "canbo");
    const std::string reviewer = signIn(*servers.front(), "duyet");
    const std::string project = projectId(*servers.front(), token, "KCQG-2024-01");
    const std::string photo = upload(*servers.front(), token, "group commit photo");

    constexpr int kDevices = 12, kRounds = 4;
    for (int round = 0; round < kRounds; ++round) {
        const std::string shared = kc::Uuid::v7().toString();
        const std::string sharedItem = report(shared, project, photo, 50 + round);
        std::vector<std::string> own(kDevices);
        std::vector<bj::value> answers(kDevices);
        std::vector<int> statuses(kDevices, 0);
        std::barrier start(kDevices);
        std::vector<std::thread> devices;
        for (int d = 0; d < kDevices; ++d)
            devices.emplace_back([&, d] {
                own[d] = kc::Uuid::v7().toString();
                HttpConnection connection(servers[d % servers.size()]->port());
                const std::string body = batch({sharedItem, report(own[d], project, photo, d)});
                start.arrive_and_wait();
                const auto reply = connection.request("POST", "/v1/push", body, bearer(token));
                statuses[d] = reply.status;
                if (reply.status == 200)
                    answers[d] = kc::json::parse(reply.body);
            });
        for (auto& device : devices)
            device.join();

        std::map<std::string, int> sharedStatus;
        std::string accepted;  // the receipt of the one push that stored the shared report
        for (int d = 0; d < kDevices; ++d) {
            INFO("device " << d << " round " << round);
            REQUIRE(statuses[d] == 200);
            const auto& receipts = answers[d].at("receipts").as_array();
            REQUIRE(receipts.size() == 2);
            CHECK(receipts[0].at("id").as_string() == shared);
            ++sharedStatus[std::string(receipts[0].at("status").as_string())];
            if (receipts[0].at("status").as_string() == "accepted")
                accepted = kc::json::serialize(receipts[0]);
            CHECK(receipts[1].at("id").as_string() == own[d]);
            CHECK(receipts[1].at("status").as_string() == "accepted");
        }
        CHECK(sharedStatus["accepted"] == 1);
        CHECK(sharedStatus["duplicate"] == kDevices - 1);
        for (int d = 0; d < kDevices; ++d) {
            const auto& receipt = answers[d].at("receipts").at(0);
            if (receipt.at("status").as_string() == "duplicate")
                CHECK(kc::json::serialize(receipt.at("original")) == accepted);  // the one stored, word for word
        }
        // Stored once, with one revision; every device's own report stored too.
        const auto head = httpRequest(servers.back()->port(), "GET", "/v1/submissions/" + shared, "", bearer(reviewer));
        REQUIRE(head.status == 200);
        const auto stored = kc::json::parse(head.body);
        CHECK(stored.at("revision").to_number<int>() == 1);
        CHECK(stored.at("revisions").as_array().size() == 1);
        for (const auto& id : own)
            CHECK(httpRequest(servers.front()->port(), "GET", "/v1/submissions/" + id, "", bearer(reviewer)).status == 200);
    }
}
