// Ingest: progress reports pushed in batches of 100 over loopback to the real server
// (validated, receipts written, synchronous=FULL), against raw SQLite inserts of the same rows
// (submission, revision, receipt) into the same schema with the same durability, measured in
// the same run. Target (issue "Sync server"): ratio ≥ 0.4. Three rounds; medians reported.
#include "LoopbackBench.hpp"

#include "seed/DemoProvince.hpp"
#include "seed/FormLibrarySeed.hpp"
#include "store/SqliteCentralStore.hpp"
#include "sync/PushService.hpp"
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

double serverRate(test::HttpConnection& connection, const std::string& token, const std::string& project,
                  const std::string& photo, int count, int batchSize) {
    std::vector<std::string> bodies;
    for (int done = 0; done < count; done += batchSize) {
        boost::json::array items;
        for (int i = 0; i < batchSize; ++i)
            items.push_back(progressReport(project, photo, (done + i) % 100));
        bodies.push_back(pushBody(items));
    }
    const auto start = Clock::now();
    for (const auto& body : bodies) {
        const auto reply = connection.request("POST", "/v1/push", body, bearer(token));
        if (reply.status != 200 || reply.body.find("\"invalid\"") != std::string::npos)
            throw std::runtime_error("push failed: " + reply.body.substr(0, 400));
    }
    return count / secondsSince(start);
}

double rawRate(db::Database& db, const std::string& owner, const std::string& project,
               const std::string& photo, int count, int batchSize) {
    struct Row {
        std::string id, answers, hash, receipt;
    };
    std::vector<Row> rows;
    for (int i = 0; i < count; ++i) {
        const auto item = progressReport(project, photo, i % 100);
        Row row{std::string(item.at("id").as_string()), json::serialize(item.at("answers")), "", ""};
        row.hash = server::sha256Hex(row.answers);
        row.receipt = R"({"id":")" + row.id + R"(","status":"accepted","revision":1})";
        rows.push_back(std::move(row));
    }
    auto head = db.prepare("INSERT INTO submissions (id, form_id, form_version, owner_id, province_code, project_id, "
                           "state, current_revision, received_at, updated_at) VALUES (?, 'progress_report', 1, ?, '04', ?, "
                           "'submitted', 1, ?, ?)");
    auto revision = db.prepare("INSERT INTO submission_revisions (submission_id, revision, form_version, content_hash, "
                               "answers, received_at) VALUES (?, 1, 1, ?, ?, ?)");
    auto receipt = db.prepare("INSERT INTO receipts (submission_id, content_hash, receipt) VALUES (?, ?, ?)");
    const auto start = Clock::now();
    for (int done = 0; done < count; done += batchSize) {
        db::Transaction transaction(db);
        for (int i = done; i < std::min(count, done + batchSize); ++i) {
            const auto& row = rows[static_cast<std::size_t>(i)];
            const std::string now = Timestamp::now().toRfc3339();
            head.reset();
            head.bindAll(row.id, owner, project, now, now).run();
            revision.reset();
            revision.bindAll(row.id, row.hash, row.answers, now).run();
            receipt.reset();
            receipt.bindAll(row.id, row.hash, row.receipt).run();
        }
        transaction.commit();
    }
    return count / secondsSince(start);
}

} // namespace

int main(int argc, char** argv) {
    int count = 1000, rounds = 3;
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
    const std::string project = projectId(connection, token, "KCQG-2024-01");
    const std::string photoBytes(150'000, 'j');
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
    // The same project id must exist in the raw store for the foreign key.
    std::string rawProject;
    {
        auto find = raw.prepare("SELECT id FROM projects WHERE code = 'KCQG-2024-01'");
        find.step();
        rawProject = find.getText(0);
    }

    std::vector<double> serverRates, rawRates, ratios;
    for (int round = 0; round < rounds; ++round) {
        const double s = serverRate(connection, token, project, photo, count, batchSize);
        const double r = rawRate(raw, owner, rawProject, photo, count, batchSize);
        serverRates.push_back(s);
        rawRates.push_back(r);
        ratios.push_back(s / r);
        std::printf("round %d: server %.0f submissions/s, raw SQLite %.0f rows/s, ratio %.2f\n", round + 1, s, r, s / r);
    }
    const double serverMedian = percentile(serverRates, 50), rawMedian = percentile(rawRates, 50);
    const double ratio = percentile(ratios, 50);
    std::printf("ingest of %d progress reports in batches of %d over loopback: median %.0f/s; raw SQLite inserts "
                "of the same rows: median %.0f/s; ratio %.2f (target >= 0.4)\n",
                count, batchSize, serverMedian, rawMedian, ratio);
    std::printf("{\"benchmark\":\"sync_ingest\",\"count\":%d,\"batch\":%d,\"rounds\":%d,\"server_per_s\":%.0f,"
                "\"raw_sqlite_per_s\":%.0f,\"ratio\":%.3f,\"target_ratio\":0.4,\"met\":%s}\n",
                count, batchSize, rounds, serverMedian, rawMedian, ratio, ratio >= 0.4 ? "true" : "false");
    return 0;
}
