// Initial pull: a fresh device pulls 100,000 changes (facilities in its province) from the
// real server on loopback, 1,000 per page, parsing each page as the app does. Target: ≤ 10 s.
// Baseline in the same run: reading the same rows' JSON straight out of the store with SQLite.
#include "BenchStore.hpp"
#include "LoopbackBench.hpp"

#include "seed/DemoProvince.hpp"
#include "seed/FormLibrarySeed.hpp"
#include "store/SqliteCentralStore.hpp"

#include "kc/db/Database.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>

using namespace kc;
using namespace kc::bench;

int main(int argc, char** argv) {
    int count = 100'000;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--count") == 0)
            count = std::atoi(argv[i + 1]);
    const auto dir = test::freshTempDir("bench-initial-pull");
    {
        auto opened = openBenchStore(dir);
        auto& store = *opened;
        std::ostringstream quiet;
        server::installFormLibrary(store, quiet);
        server::seedDemoProvince(store, quiet);
        const auto start = Clock::now();
        store.atomically([&] {
            for (int i = 0; i < count; ++i) {
                domain::Facility facility;
                facility.name = "Cơ sở sản xuất số " + std::to_string(i);
                facility.legalForm = "household_business";
                facility.sector = i % 2 ? "handicrafts" : "agro_forestry_processing";
                facility.provinceCode = "04";
                facility.communeCode = "04-00" + std::to_string(1 + i % 9);
                facility.village = "Xóm " + std::to_string(i % 300);
                facility.representative = "Nông Văn " + std::to_string(i);
                facility.workforce = 5 + i % 40;
                facility.latitude = 22.5 + (i % 1000) * 0.0005;
                facility.longitude = 106.0 + (i / 1000) * 0.0005;
                store.createFacility(facility);
            }
        });
        std::printf("prepared %d facilities in the store in %.1f s\n", count, secondsSince(start));
    }
    double baseline = 0;
    if (!test::onPostgres()) {  // the SQLite baseline: the file read straight
        auto db = db::Database::open(dir / server::SqliteCentralStore::kFileName);
        const auto start = Clock::now();
        auto rows = db.prepare("SELECT seq, payload FROM changes ORDER BY seq");
        std::size_t bytes = 0;
        while (rows.step())
            bytes += rows.getText(1).size();
        baseline = secondsSince(start);
        std::printf("baseline: reading the feed's %zu bytes of JSON straight from SQLite: %.2f s\n", bytes, baseline);
    }
    test::ServerProcess server(dir);
    test::HttpConnection connection(server.port());
    const std::string token = signIn(connection, "canbo");
    std::size_t changes = 0, bytes = 0, pages = 0;
    std::string since = "0";
    const auto start = Clock::now();
    for (bool more = true; more; ++pages) {
        const auto reply = connection.request("GET", "/v1/pull?limit=1000&since=" + since, "", bearer(token));
        if (reply.status != 200)
            throw std::runtime_error(reply.body);
        bytes += reply.body.size();
        const auto body = json::parse(reply.body);
        changes += body.at("changes").as_array().size();
        since = std::string(body.at("next").as_string());
        more = body.at("more").as_bool();
    }
    const double seconds = secondsSince(start);
    const double mb = static_cast<double>(bytes) / 1e6, n = static_cast<double>(changes);
    std::printf("initial pull on %s: %zu changes in %zu pages, %.1f MB, in %.2f s (%.0f changes/s, %.1f MB/s); "
                "target <= 10 s",
                benchEngine(), changes, pages, mb, seconds, n / seconds, mb / seconds);
    if (baseline > 0)
        std::printf("; %.1fx the time of reading the same JSON straight from SQLite", seconds / baseline);
    std::printf("\n");
    std::printf("{\"benchmark\":\"initial_pull\",\"store\":\"%s\",\"changes\":%zu,\"pages\":%zu,\"mb\":%.2f,\"seconds\":%.3f,"
                "\"baseline_sqlite_seconds\":%.3f,\"target_seconds\":10,\"met\":%s}\n",
                benchEngine(), changes, pages, mb, seconds, baseline, seconds <= 10 ? "true" : "false");
    return 0;
}
