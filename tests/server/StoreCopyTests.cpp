// Moving up: a SQLite store copied whole into an empty PostgreSQL store, and a device synced
// against the SQLite server syncing on against the PostgreSQL one without a full re-pull.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "../support/TestStore.hpp"
#include "E2eSteps.hpp"

#include "cli/StoreCommand.hpp"
#include "store/SqliteCentralStore.hpp"
#include "store/pg/PgCentralStore.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

using namespace kc::test;

namespace {

//! The officer's feed after `since`, paged to its end: the record ids and the last cursor.
std::set<std::string> pullFrom(const ServerProcess& server, const std::string& token, std::string& since) {
    std::set<std::string> records;
    for (;;) {
        const auto reply = httpRequest(server.port(), "GET", "/v1/pull?since=" + since + "&limit=1000", "", bearer(token));
        REQUIRE(reply.status == 200);
        const auto body = kc::json::parse(reply.body);
        for (const auto& change : body.at("changes").as_array())
            records.insert(std::string(change.at("kind").as_string()) + "/" + std::string(change.at("id").as_string()));
        since = std::string(body.at("next").as_string());
        if (!body.at("more").as_bool())
            return records;
    }
}

} // namespace

TEST_CASE("store copy: a whole SQLite store into an empty PostgreSQL store, devices sync on from their cursors",
          "[postgres][copy][admin]") {
    const auto dir = freshTempDir("store-copy");
    std::string token, cursor = "0", photo, project;
    std::size_t firstPull = 0;
    {
        ServerProcess sqlite(dir, {"--store", "sqlite", "--demo-activity"});
        token = signIn(sqlite, "canbo");
        firstPull = pullFrom(sqlite, token, cursor).size();
        project = projectId(sqlite, token, "KCQG-2024-01");
        photo = upload(sqlite, token, "photo taken before the move");
        const auto pushed = httpRequest(sqlite.port(), "POST", "/v1/push",
                                        batch({report(kc::Uuid::v7().toString(), project, photo, 50)}), bearer(token));
        REQUIRE(pushed.status == 200);
        std::string after = cursor;
        REQUIRE(pullFrom(sqlite, token, after).size() == 1);  // the device is now in step
        cursor = after;
    }
    REQUIRE(firstPull > 20);
    kc::server::StoreCounts before;
    std::size_t auditBefore = 0;
    {
        kc::server::SqliteCentralStore source(dir);
        before = source.counts();
        auditBefore = source.listAudit({std::nullopt, std::nullopt, std::nullopt, 100000, std::nullopt}).size();
    }

    const std::string target = postgresFor(dir / "target");
    std::ostringstream out, err;
    INFO(err.str());
    REQUIRE(kc::server::runStore({"copy", "--from", dir.string(), "--to", target}, out, err) == 0);
    CHECK_THAT(out.str(), Catch::Contains("copied changes:") && Catch::Contains("SHA-256 match on both sides"));

    {
        kc::server::PgCentralStore copy(target, {std::chrono::seconds(0), nullptr});
        const auto after = copy.counts();
        CHECK(after.users == before.users);
        CHECK(after.facilities == before.facilities);
        CHECK(after.projects == before.projects);
        CHECK(after.forms == before.forms);
        CHECK(after.submissions == before.submissions);
        CHECK(after.attachments == before.attachments);
        CHECK(copy.listAudit({std::nullopt, std::nullopt, std::nullopt, 100000, std::nullopt}).size() == auditBefore);
    }

    // Into a store that is no longer empty: refused, nothing written.
    std::ostringstream out2, err2;
    CHECK(kc::server::runStore({"copy", "--from", dir.string(), "--to", target}, out2, err2) == 1);
    CHECK_THAT(err2.str(), Catch::Contains("is not empty"));
    CHECK(kc::server::runStore({"copy", "--from", (dir / "nothing-here").string(), "--to", target}, out2, err2) == 1);
    CHECK_THAT(err2.str(), Catch::Contains("there is no SQLite store at"));
    CHECK(kc::server::runStore({"copy", "--from", dir.string()}, out2, err2) == 2);

    // The same folder served on PostgreSQL: the device's token and cursor still hold, the photo is
    // there, and what changes next arrives after the cursor, not as a full re-pull.
    ServerProcess postgres(dir, {"--store", target});
    std::string since = cursor;
    CHECK(pullFrom(postgres, token, since).empty());
    const auto fetched = httpRequest(postgres.port(), "GET", "/v1/attachments/" + photo + "/content", "", bearer(token));
    CHECK(fetched.status == 200);
    CHECK(fetched.body == "\xFF\xD8\xFFphoto taken before the move");
    const std::string id = kc::Uuid::v7().toString();
    const auto pushed = httpRequest(postgres.port(), "POST", "/v1/push", batch({report(id, project, photo, 70)}),
                                    bearer(token));
    REQUIRE(pushed.status == 200);
    CHECK(kc::json::parse(pushed.body).at("receipts").at(0).at("status").as_string() == "accepted");
    const auto next = pullFrom(postgres, token, since);
    CHECK(next == std::set<std::string>{"submission/" + id});
}
