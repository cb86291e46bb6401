// Ingest: site surveys pushed in batches of 100 over loopback to the real server (read,
// validated by the form engine, content-hashed, receipts written, synchronous=FULL), against
// raw SQLite inserts of the same rows into the same schema with the same durability,
// measured in the same run. The server stores five rows for each survey: the submission, its
// revision, the photo it uses, its change-feed row and its receipt; the baseline inserts
// those five, prepared in advance. For comparison with earlier figures it also inserts only
// the submission, revision and receipt rows. Target (issue "Sync server"): ratio >= 0.4.
// Rounds alternate server and raw; medians reported.
#include "LoopbackBench.hpp"
#include "SiteSurveys.hpp"

#include "seed/DemoProvince.hpp"
#include "seed/FormLibrarySeed.hpp"
#include "seed/ReportedForms.hpp"
#include "store/SqliteCentralStore.hpp"
#include "util/Sha256.hpp"

#include "kc/db/Transaction.hpp"
#include "kc/time/Timestamp.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

using namespace kc;
using namespace kc::bench;

namespace {


double serverRate(test::HttpConnection& connection, const std::string& token, const std::string& facility,
                  const std::string& photo, int count, int batchSize) {
    std::vector<std::string> bodies;
    for (int done = 0; done < count; done += batchSize) {
        boost::json::array items;
        for (int i = 0; i < batchSize; ++i)
            items.push_back(siteSurvey(facility, photo, done + i));
        bodies.push_back(pushBody(items));
    }
    const auto start = Clock::now();
    for (const auto& body : bodies) {
        const auto reply = connection.request("POST", "/v1/push", body, bearer(token));
        if (reply.status != 200 || reply.body.find("\"accepted\"") == std::string::npos ||
            reply.body.find("\"invalid\"") != std::string::npos)
            throw std::runtime_error("push failed: " + reply.body.substr(0, 400));
    }
    return count / secondsSince(start);
}

//! The rows the server writes for one survey, made before the clock starts.
struct Rows {
    std::string id, answers, hash, receipt, feed;
};

std::vector<Rows> rawRows(const std::string& facility, const std::string& photo, int count) {
    std::vector<Rows> rows;
    for (int i = 0; i < count; ++i) {
        const auto item = siteSurvey(facility, photo, i);
        Rows row{std::string(item.at("id").as_string()), json::serialize(item.at("answers")), "", "", ""};
        row.hash = server::sha256Hex(row.answers);
        const std::string now = Timestamp::now().toRfc3339();
        row.receipt = R"({"id":")" + row.id + R"(","status":"accepted","received_at":")" + now + R"(","revision":1})";
        row.feed = R"({"id":")" + row.id + R"(","form_id":"site_survey","form_version":1,"state":"submitted",)"
                   R"("revision":1,"conflict":false,"updated_at":")" + now +
                   R"(","review_comment":null,"review_fields":[],"reviewed_at":null})";
        rows.push_back(std::move(row));
    }
    return rows;
}

//! Inserts `rows` in batches, each a transaction; `allRows` adds the photo and feed rows.
double rawRate(db::Database& db, const std::string& owner, const std::string& facility, const std::string& photo,
               const std::vector<Rows>& rows, int batchSize, bool allRows) {
    auto head = db.prepare("INSERT INTO submissions (id, form_id, form_version, owner_id, province_code, facility_id, "
                           "state, current_revision, conflict, received_at, updated_at) VALUES (?, 'site_survey', 1, ?, "
                           "'04', ?, 'submitted', 1, 0, ?, ?)");
    auto revision = db.prepare("INSERT INTO submission_revisions (submission_id, revision, form_version, content_hash, "
                               "answers, conflict, received_at) VALUES (?, 1, 1, ?, ?, 0, ?)");
    auto uses = db.prepare("INSERT INTO submission_attachments (submission_id, revision, sha256) VALUES (?, 1, ?)");
    auto feed = db.prepare("INSERT INTO changes (kind, record_id, province_code, owner_id, deleted, payload, "
                           "changed_at) VALUES ('submission', ?, '04', ?, 0, ?, ?)");
    auto receipt = db.prepare("INSERT INTO receipts (submission_id, content_hash, receipt) VALUES (?, ?, ?)");
    const int count = static_cast<int>(rows.size());
    const auto start = Clock::now();
    for (int done = 0; done < count; done += batchSize) {
        db::Transaction transaction(db);
        for (int i = done; i < std::min(count, done + batchSize); ++i) {
            const auto& row = rows[static_cast<std::size_t>(i)];
            const std::string now = Timestamp::now().toRfc3339();
            head.reset();
            head.bindAll(row.id, owner, facility, now, now).run();
            revision.reset();
            revision.bindAll(row.id, row.hash, row.answers, now).run();
            if (allRows) {
                uses.reset();
                uses.bindAll(row.id, photo).run();
                feed.reset();
                feed.bindAll(row.id, owner, row.feed, now).run();
            }
            receipt.reset();
            receipt.bindAll(row.id, row.hash, row.receipt).run();
        }
        transaction.commit();
    }
    return count / secondsSince(start);
}

std::string firstFacility(test::HttpConnection& connection, const std::string& token) {
    const auto body = json::parse(connection.request("GET", "/v1/facilities?limit=1", "", bearer(token)).body);
    return std::string(body.at("facilities").as_array().at(0).at("id").as_string());
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
    const int batchSize = 100;
    const auto serverDir = test::freshTempDir("bench-ingest-server");
    const auto rawDir = test::freshTempDir("bench-ingest-raw");
    test::ServerProcess server(serverDir);
    test::HttpConnection connection(server.port());
    const std::string token = signIn(connection, "canbo");
    const std::string facility = firstFacility(connection, token);
    const std::string photoBytes = "\xFF\xD8\xFF" + std::string(150'000, 'j');
    const std::string photo = uploadPhoto(connection, token, photoBytes, server::sha256Hex(photoBytes));

    std::string owner;
    {
        server::SqliteCentralStore store(rawDir);  // the same schema, migrated the same way
        std::ostringstream quiet;
        server::installFormLibrary(store, quiet);
        server::seedDemoProvince(store, quiet);
        owner = store.findUserByName("canbo")->id;
    }
    auto raw = db::Database::open(rawDir / server::SqliteCentralStore::kFileName);
    raw.exec("PRAGMA synchronous = FULL");
    // The raw store has its own ids: the facility's (a foreign key) and the photo's (none).
    std::string rawFacility;
    {
        auto find = raw.prepare("SELECT id FROM facilities ORDER BY id LIMIT 1");
        find.step();
        rawFacility = find.getText(0);
    }

    std::vector<double> serverRates, rawRates, subsetRates, ratios, subsetRatios;
    for (int round = 0; round < rounds; ++round) {
        const double s = serverRate(connection, token, facility, photo, count, batchSize);
        const double r = rawRate(raw, owner, rawFacility, photo, rawRows(rawFacility, photo, count), batchSize, true);
        const double r3 = rawRate(raw, owner, rawFacility, photo, rawRows(rawFacility, photo, count), batchSize, false);
        serverRates.push_back(s);
        rawRates.push_back(r);
        subsetRates.push_back(r3);
        ratios.push_back(s / r);
        subsetRatios.push_back(s / r3);
        std::printf("round %d: server %.0f surveys/s; raw SQLite, the five rows %.0f/s (ratio %.2f); "
                    "three rows %.0f/s (ratio %.2f)\n",
                    round + 1, s, r, s / r, r3, s / r3);
    }
    const double serverMedian = percentile(serverRates, 50), rawMedian = percentile(rawRates, 50);
    const double ratio = percentile(ratios, 50), subsetMedian = percentile(subsetRates, 50);
    const double subsetRatio = percentile(subsetRatios, 50);
    std::printf("ingest of %d site surveys in batches of %d over loopback: median %.0f/s; raw SQLite inserts of "
                "the same five rows per survey: median %.0f/s; ratio %.2f (target >= 0.4). Against the submission, "
                "revision and receipt rows alone: %.0f/s, ratio %.2f\n",
                count, batchSize, serverMedian, rawMedian, ratio, subsetMedian, subsetRatio);
    std::printf("{\"benchmark\":\"sync_ingest\",\"form\":\"site_survey\",\"count\":%d,\"batch\":%d,\"rounds\":%d,"
                "\"server_per_s\":%.0f,\"raw_sqlite_per_s\":%.0f,\"ratio\":%.3f,\"raw_three_rows_per_s\":%.0f,"
                "\"ratio_three_rows\":%.3f,\"target_ratio\":0.4,\"met\":%s}\n",
                count, batchSize, rounds, serverMedian, rawMedian, ratio, subsetMedian, subsetRatio,
                ratio >= 0.4 ? "true" : "false");
    return 0;
}
