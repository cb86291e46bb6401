// Ingest on PostgreSQL: site surveys pushed in batches of 100 through the real server on a
// PostgreSQL store, against raw inserts of the same five rows per survey (submission, revision,
// photo use, change-feed row, receipt) by libpq, as multi-row INSERTs of a batch each, one
// transaction per batch, with the same durability (synchronous_commit = on). The same pushes
// to a server on SQLite, in the same run, for comparison. Target (issue 23): ratio >= 0.4.
// Needs KC_TEST_STORE (a PostgreSQL server; ./kc bench starts a throwaway cluster for it).
#include "LoopbackBench.hpp"
#include "SiteSurveys.hpp"

#include "../tests/support/TestStore.hpp"
#include "seed/ReportedForms.hpp"
#include "store/pg/PgCentralStore.hpp"
#include "store/pg/PgConnection.hpp"
#include "util/Sha256.hpp"

#include "kc/time/Timestamp.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace kc;
using namespace kc::bench;

namespace {


struct Pushed {
    std::string token, facility, photo;
};

Pushed prepare(test::ServerProcess& server) {
    test::HttpConnection connection(server.port());
    Pushed p;
    p.token = signIn(connection, "canbo");
    const auto body = json::parse(connection.request("GET", "/v1/facilities?limit=1", "", bearer(p.token)).body);
    p.facility = std::string(body.at("facilities").as_array().at(0).at("id").as_string());
    const std::string bytes = "\xFF\xD8\xFF" + std::string(150'000, 'j');
    p.photo = uploadPhoto(connection, p.token, bytes, server::sha256Hex(bytes));
    return p;
}

double serverRate(test::ServerProcess& server, const Pushed& p, int count, int batch) {
    std::vector<std::string> bodies;
    for (int done = 0; done < count; done += batch) {
        boost::json::array items;
        for (int i = 0; i < batch; ++i)
            items.push_back(siteSurvey(p.facility, p.photo, done + i));
        bodies.push_back(pushBody(items));
    }
    test::HttpConnection connection(server.port());
    const auto start = Clock::now();
    for (const auto& body : bodies) {
        const auto reply = connection.request("POST", "/v1/push", body, bearer(p.token));
        if (reply.status != 200 || reply.body.find("\"invalid\"") != std::string::npos)
            throw std::runtime_error("push failed: " + reply.body.substr(0, 400));
    }
    return count / secondsSince(start);
}

//! "($1, $2, ...), (...)" for `rows` rows of `columns` parameters.
std::string valuesList(int rows, int columns) {
    std::string sql;
    int n = 0;
    for (int r = 0; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (int c = 0; c < columns; ++c)
            sql += (c ? ", $" : "$") + std::to_string(++n);
        sql += ")";
    }
    return sql;
}

double rawRate(server::pg::Connection& db, const std::string& owner, const std::string& facility,
               const std::string& photo, int count, int batch) {
    struct Row {
        std::string id, answers, hash, receipt, feed;
    };
    std::vector<Row> rows;
    for (int i = 0; i < count; ++i) {
        const auto item = siteSurvey(facility, photo, i);
        Row row{std::string(item.at("id").as_string()), json::serialize(item.at("answers")), "", "", ""};
        row.hash = server::sha256Hex(row.answers);
        const std::string now = Timestamp::now().toRfc3339();
        row.receipt = R"({"id":")" + row.id + R"(","status":"accepted","received_at":")" + now + R"(","revision":1})";
        row.feed = R"({"id":")" + row.id + R"(","form_id":"site_survey","form_version":1,"state":"submitted"})";
        rows.push_back(std::move(row));
    }
    const std::string heads = "INSERT INTO submissions (id, form_id, form_version, owner_id, province_code, facility_id, "
                              "state, current_revision, conflict, received_at, updated_at) SELECT v.id, 'site_survey', 1, "
                              "v.owner, '04', v.facility, 'submitted', 1, 0, v.at, v.at FROM (VALUES " +
                              valuesList(batch, 4) + ") AS v(id, owner, facility, at)";
    const std::string revisions = "INSERT INTO submission_revisions (submission_id, revision, form_version, content_hash, "
                                  "answers, conflict, received_at) SELECT v.id, 1, 1, v.hash, v.answers, 0, v.at FROM (VALUES " +
                                  valuesList(batch, 4) + ") AS v(id, hash, answers, at)";
    const std::string uses = "INSERT INTO submission_attachments (submission_id, revision, sha256) SELECT v.id, 1, v.sha "
                             "FROM (VALUES " + valuesList(batch, 2) + ") AS v(id, sha)";
    const std::string feed = "INSERT INTO changes (kind, record_id, province_code, owner_id, deleted, payload, changed_at) "
                             "SELECT 'submission', v.id, '04', v.owner, 0, v.payload, v.at FROM (VALUES " +
                             valuesList(batch, 4) + ") AS v(id, owner, payload, at)";
    const std::string receipts = "INSERT INTO receipts (submission_id, content_hash, receipt) VALUES " + valuesList(batch, 3);
    const auto start = Clock::now();
    for (int done = 0; done + batch <= count; done += batch) {
        const std::string now = Timestamp::now().toRfc3339();
        server::pg::Params h, r, u, f, c;
        for (int i = done; i < done + batch; ++i) {
            const auto& row = rows[static_cast<std::size_t>(i)];
            h.add(row.id).add(owner).add(facility).add(now);
            r.add(row.id).add(row.hash).add(row.answers).add(now);
            u.add(row.id).add(photo);
            f.add(row.id).add(owner).add(row.feed).add(now);
            c.add(row.id).add(row.hash).add(row.receipt);
        }
        db.exec("BEGIN");
        db.query(heads, h);
        db.query(revisions, r);
        db.query(uses, u);
        db.query(feed, f);
        db.query(receipts, c);
        db.exec("COMMIT");
    }
    return count / secondsSince(start);
}

} // namespace

int main(int argc, char** argv) {
    int count = 1000, rounds = 5;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--count") == 0)
            count = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--rounds") == 0)
            rounds = std::atoi(argv[i + 1]);
    }
    if (!test::onPostgres()) {
        std::fprintf(stderr, "bench_pg_ingest needs KC_TEST_STORE (a PostgreSQL connection string); ./kc bench "
                             "starts a throwaway cluster for it\n");
        return 2;
    }
    const int batch = 100;
    count = std::max(batch, count / batch * batch);
    const auto pgDir = test::freshTempDir("bench-pg-ingest");
    const auto sqliteDir = test::freshTempDir("bench-pg-ingest-sqlite");
    const auto rawDir = test::freshTempDir("bench-pg-ingest-raw");
    test::ServerProcess onPostgres(pgDir);  // KC_TEST_STORE: its own database
    test::ServerProcess onSqlite(sqliteDir, {"--store", "sqlite"});
    const Pushed pg = prepare(onPostgres), sqlite = prepare(onSqlite);

    // The raw baseline's database: the same schema, the demo registers for its foreign keys.
    const std::string rawStore = test::postgresFor(rawDir);
    std::string owner, facility;
    {
        test::ServerProcess seeding(rawDir, {"--store", rawStore});
        test::HttpConnection connection(seeding.port());
        const std::string token = signIn(connection, "canbo");
        const auto body = json::parse(connection.request("GET", "/v1/facilities?limit=1", "", bearer(token)).body);
        facility = std::string(body.at("facilities").as_array().at(0).at("id").as_string());
        owner = std::string(json::parse(connection.request("GET", "/v1/me", "", bearer(token)).body).at("id").as_string());
    }
    server::pg::Connection raw(rawStore);
    raw.exec("SET synchronous_commit = on");

    std::vector<double> pgRates, rawRates, sqliteRates, ratios;
    for (int round = 0; round < rounds; ++round) {
        const double s = serverRate(onPostgres, pg, count, batch);
        const double r = rawRate(raw, owner, facility, pg.photo, count, batch);
        const double q = serverRate(onSqlite, sqlite, count, batch);
        pgRates.push_back(s);
        rawRates.push_back(r);
        sqliteRates.push_back(q);
        ratios.push_back(s / r);
        std::printf("round %d: server on PostgreSQL %.0f surveys/s; raw libpq inserts of the five rows %.0f/s "
                    "(ratio %.2f); server on SQLite %.0f/s\n", round + 1, s, r, s / r, q);
    }
    const double ratio = percentile(ratios, 50);
    std::printf("ingest of %d site surveys in batches of %d over loopback: on PostgreSQL median %.0f/s; raw libpq "
                "multi-row inserts of the same rows %.0f/s; ratio %.2f (target >= 0.4). The same pushes on SQLite: "
                "%.0f/s\n", count, batch, percentile(pgRates, 50), percentile(rawRates, 50), ratio,
                percentile(sqliteRates, 50));
    std::printf("{\"benchmark\":\"pg_ingest\",\"count\":%d,\"batch\":%d,\"rounds\":%d,\"postgresql_per_s\":%.0f,"
                "\"raw_libpq_per_s\":%.0f,\"ratio\":%.3f,\"sqlite_per_s\":%.0f,\"target_ratio\":0.4,\"met\":%s}\n",
                count, batch, rounds, percentile(pgRates, 50), percentile(rawRates, 50), ratio,
                percentile(sqliteRates, 50), ratio >= 0.4 ? "true" : "false");
    return 0;
}
