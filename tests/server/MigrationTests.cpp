// Migrations of the central store that rebuild a table: what was stored before is all there
// after, and the new layout is the one the migration promises.
#include "ApiFixture.hpp"
#include "store/SqliteCentralStore.hpp"
#include "OlderSchemas.hpp"

#include "seed/DemoActivity.hpp"
#include "store/ServerSchema.hpp"

#include "kc/db/Database.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <tuple>

using kc::test::ApiFixture;

namespace {

using RevisionRow = std::tuple<std::string, std::int64_t, std::optional<std::int64_t>, std::int64_t, std::string,
                               std::string, std::optional<std::string>, bool, std::string>;

std::vector<RevisionRow> everyRevision(kc::server::CentralStore& store) {
    kc::server::SubmissionFilter filter;
    filter.provinces = {"04", "96"};
    filter.limit = 1000;
    std::vector<RevisionRow> rows;
    for (const auto& head : store.listSubmissions(filter))
        for (const auto& r : store.revisions(head.id))
            rows.emplace_back(head.id, r.revision, r.baseRevision, r.formVersion, r.contentHash, r.answers,
                              r.capturedAt, r.conflict, r.receivedAt);
    std::sort(rows.begin(), rows.end());
    return rows;
}

std::int64_t scalar(kc::db::Database& db, const std::string& sql) {
    auto statement = db.prepare(sql);
    REQUIRE(statement.step());
    return statement.getInt64(0);
}

} // namespace

TEST_CASE("migration 6 keeps every revision and stores answers of over 1 kB in place, not in an overflow page",
          "[store][migration][sqlite]") {
    ApiFixture api("migration-revisions");
    std::ostringstream quiet;
    kc::server::seedDemoActivity(api.router, quiet);  // surveys, handovers, a corrected revision
    const auto before = everyRevision(*api.store);
    REQUIRE(before.size() >= 20);
    api.context.reset();
    api.store.reset();
    const auto file = api.dir / kc::server::SqliteCentralStore::kFileName;
    {
        // Back to schema 5, whose revisions table was WITHOUT ROWID (and before the feed's indexes).
        auto db = kc::db::Database::open(file);
        db.exec(R"sql(
            CREATE TABLE old_revisions (
              submission_id TEXT NOT NULL REFERENCES submissions(id), revision INTEGER NOT NULL,
              base_revision INTEGER, form_version INTEGER NOT NULL, content_hash TEXT NOT NULL,
              answers TEXT NOT NULL, captured_at TEXT, conflict INTEGER NOT NULL DEFAULT 0,
              received_at TEXT NOT NULL, PRIMARY KEY (submission_id, revision)) WITHOUT ROWID;
            INSERT INTO old_revisions SELECT * FROM submission_revisions;
            DROP TABLE submission_revisions;
            ALTER TABLE old_revisions RENAME TO submission_revisions;
            DROP INDEX changes_by_kind_province;
            DROP INDEX changes_by_kind_owner;
            PRAGMA user_version = 5;)sql");
        db.exec(kc::test::kBeforeSchema8);
        // Answers of over 1 kB (handovers, surveys) outgrow what a WITHOUT ROWID page keeps in place.
        CHECK(scalar(db, "SELECT count(*) FROM dbstat WHERE name = 'submission_revisions' AND pagetype = 'overflow'") > 0);
    }
    {
        kc::server::SqliteCentralStore reopened(api.dir);
        CHECK(reopened.schemaVersion() == kc::server::serverMigrations().back().version);
        CHECK(everyRevision(reopened) == before);
    }
    auto db = kc::db::Database::open(file);
    auto sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'submission_revisions'");
    REQUIRE(sql.step());
    CHECK(sql.getText(0).find("WITHOUT ROWID") == std::string::npos);
    CHECK(scalar(db, "SELECT count(*) FROM dbstat WHERE name = 'submission_revisions' AND pagetype = 'overflow'") == 0);
    CHECK(scalar(db, "SELECT max(length(CAST(answers AS BLOB))) FROM submission_revisions") > 1000);  // bytes
    // The key still refuses a second row for the same revision.
    CHECK_THROWS(db.exec("INSERT INTO submission_revisions SELECT * FROM submission_revisions LIMIT 1"));
}

TEST_CASE("migration 7 indexes the feed so that a pull reads each part of a caller's feed through an index",
          "[store][migration][sqlite]") {
    ApiFixture api("migration-feed");
    const auto file = api.dir / kc::server::SqliteCentralStore::kFileName;
    auto db = kc::db::Database::open(file);
    CHECK(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                     "('changes_by_kind_province', 'changes_by_kind_owner')") == 2);
    // What pull asks for each part, planned by SQLite: a search on the index, never a scan.
    for (const char* where : {"kind = 'facility' AND province_code = '04'", "kind = 'submission' AND owner_id = 'x'",
                              "kind = 'form' AND province_code IS NULL"}) {
        auto plan = db.prepare(std::string("EXPLAIN QUERY PLAN SELECT seq FROM changes WHERE ") + where +
                               " AND seq > 0 ORDER BY seq LIMIT 10");
        std::string steps;
        while (plan.step())
            steps += plan.getText(3) + "; ";
        INFO(where << ": " << steps);
        CHECK(steps.find("SEARCH changes USING") != std::string::npos);
        CHECK(steps.find("rowid>?") != std::string::npos);
        CHECK(steps.find("TEMP B-TREE") == std::string::npos);
    }
}
