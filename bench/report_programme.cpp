// Programme report over 1,000,000 approved submissions (equipment handovers with 1–3 items
// each, 2021–2025), and the CSV export of those 1,000,000 rows from the real server.
// Targets: the report ≤ 1 s; the export ≤ 30 s with the server's memory flat.
// --count N (1,000,000), --runs N (7), --report-only (no full scan, no exports).
// Baseline in the same run: the same report read by a full scan of the answers (what the
// summary table saves).
#include "BenchStore.hpp"
#include "LoopbackBench.hpp"

#include "report/ProgrammeReportQuery.hpp"
#include "seed/DemoProvince.hpp"
#include "seed/FormLibrarySeed.hpp"
#include "seed/ReportedForms.hpp"
#include "store/ReportFactsSql.hpp"
#include "store/SqliteCentralStore.hpp"
#include "store/StoreCopy.hpp"

#include "kc/db/Database.hpp"
#include "kc/db/Transaction.hpp"
#include "kc/time/Timestamp.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

using namespace kc;
using namespace kc::bench;

namespace {

double residentKb(int pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0)
            return std::atof(line.c_str() + 6);
    return 0;
}

//! Loads `count` approved handovers with SQL, as many as the push path would have written,
//! then fills the summary with the very statement the store runs at each approval.
double load(const std::filesystem::path& file, int count, const std::string& owner,
            const std::vector<std::string>& projects, const std::string& facility, double& summarySeconds) {
    auto database = db::Database::open(file);
    database.exec("PRAGMA synchronous = OFF");
    auto head = database.prepare(
        "INSERT INTO submissions (id, form_id, form_version, owner_id, province_code, project_id, facility_id, state, "
        "current_revision, received_at, updated_at) VALUES (?, 'equipment_handover', 1, ?, '04', ?, ?, 'approved', 1, ?, ?)");
    auto revision = database.prepare("INSERT INTO submission_revisions (submission_id, revision, form_version, "
                                     "content_hash, answers, received_at) VALUES (?, 1, 1, ?, ?, ?)");
    const std::string now = Timestamp::now().toRfc3339();
    const auto start = Clock::now();
    db::Transaction transaction(database);
    for (int i = 0; i < count; ++i) {
        std::vector<server::answers::HandoverItem> items;
        for (int k = 0; k <= i % 3; ++k)
            items.push_back({"Máy sấy " + std::to_string(k), "SN-" + std::to_string(i) + "-" + std::to_string(k),
                             1 + (i + k) % 5, 10'000'000LL * (1 + (i * 7 + k) % 90), "Công ty TNHH Cơ khí Hoàng Long"});
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2021 + i % 5, 1 + i % 12, 1 + i % 28);
        const std::string& project = projects[static_cast<std::size_t>(i) % projects.size()];
        const std::string answers = json::serialize(
            server::answers::equipmentHandover(project, facility, date, items, "Lương Văn Thái", std::string(64, 'a'),
                                               std::string(64, 'b')));
        const std::string id = Uuid::v7().toString();
        head.reset();
        head.bindAll(id, owner, project, facility, now, now).run();
        revision.reset();
        revision.bindAll(id, std::to_string(i), answers, now).run();
    }
    transaction.commit();
    const double loaded = secondsSince(start);
    const auto summaryStart = Clock::now();
    database.exec("INSERT INTO report_facts " + server::reportFactsSelect("1"));
    summarySeconds = secondsSince(summaryStart);
    return loaded;
}

} // namespace

int main(int argc, char** argv) {
    int count = 1'000'000, runs = 7;
    bool reportOnly = false;  // --report-only: no full scan, no exports (a quick look at the report)
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--report-only") == 0)
            reportOnly = true;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--count") == 0)
            count = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atoi(argv[i + 1]);
    }
    const auto dir = test::freshTempDir("bench-report");
    server::ReportScope scope;
    scope.provinces = {"04"};
    scope.fromYear = 2021, scope.toYear = 2025;
    scope.fromDate = "2021-01-01", scope.toDate = "2025-12-31";
    std::vector<double> summary, national, fullScan;
    long long counted = 0;
    {
        server::SqliteCentralStore store(dir);
        std::ostringstream quiet;
        server::installFormLibrary(store, quiet);
        server::seedDemoProvince(store, quiet);
        std::vector<std::string> projects;
        for (const auto& project : store.listProjects({{"04"}, std::nullopt, "", "", 100}))
            projects.push_back(project.id);
        const std::string owner = store.findUserByName("canbo")->id;
        const std::string facility = store.listFacilities({{"04"}, std::nullopt, "", "", 1}).front().id;
        double summarySeconds = 0;
        const double loaded = load(store.location(), count, owner, projects, facility, summarySeconds);
        std::printf("loaded %d approved handovers in %.1f s; summary rows built in %.1f s\n", count, loaded, summarySeconds);
        // The PostgreSQL pass (KC_TEST_STORE): the same store, moved up with `store copy`.
        std::unique_ptr<server::CentralStore> moved;
        if (test::onPostgres()) {
            const auto start = Clock::now();
            std::ostringstream progress;
            server::copySqliteToPostgres(dir, test::postgresFor(dir), progress);
            std::printf("copied the store into PostgreSQL (store copy, counted and hashed) in %.1f s\n",
                        secondsSince(start));
            moved = openBenchStore(dir);
        }
        server::CentralStore& reported = moved ? *moved : static_cast<server::CentralStore&>(store);
        for (int run = 0; run < runs; ++run) {
            auto start = Clock::now();
            const auto report = server::programmeReport(reported, scope);
            summary.push_back(secondsSince(start));
            counted = report.handovers;
            auto sourced = scope;
            sourced.fundingSource = "national";
            start = Clock::now();
            server::programmeReport(reported, sourced);
            national.push_back(secondsSince(start));
        }
        for (int run = 0; run < (reportOnly ? 0 : std::min(runs, 3)); ++run) {
            const auto start = Clock::now();
            const auto report = server::programmeReport(reported, scope, server::FigureSource::FullScan);
            fullScan.push_back(secondsSince(start));
            if (report.handovers != counted || report.itemsHandedOver == 0)
                throw std::runtime_error("the summary and the full scan disagree");
        }
    }
    if (counted != count)
        throw std::runtime_error("the report counted " + std::to_string(counted) + " handovers, not " + std::to_string(count));
    const double reportMedian = percentile(summary, 50);
    if (reportOnly) {
        std::printf("on %s: report over %d approved submissions: median %.3f s (national only: %.3f s); target <= 1 s\n",
                    benchEngine(), count, reportMedian, percentile(national, 50));
        return 0;
    }
    const double fullMedian = percentile(fullScan, 50);
    std::printf("on %s: ", benchEngine());
    std::printf("report over %d approved submissions: median %.3f s (national only: %.3f s), full scan of the answers "
                "%.3f s (ratio %.1fx); target <= 1 s\n",
                count, reportMedian, percentile(national, 50), fullMedian, fullMedian / reportMedian);

    // The export, from the real server, read by curl as a client would save it.
    test::ServerProcess server(dir);
    test::HttpConnection connection(server.port());
    const std::string token = signIn(connection, "duyet");
    struct Measured {
        double seconds = 0, bytes = 0, before = 0, peak = 0;
    };
    // One download, saved by curl as a client would, with the server's memory sampled.
    const auto download = [&](const std::string& file, const std::filesystem::path& to) {
        Measured m;
        m.before = residentKb(server.pid());
        std::atomic<bool> done = false;
        std::atomic<double> peak = m.before;
        std::thread sampler([&] {
            while (!done) {
                peak = std::max(peak.load(), residentKb(server.pid()));
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        });
        const std::string command = "curl -sS -f -o " + to.string() + " -H 'Authorization: Bearer " + token + "' " +
                                    server.baseUrl() + "/v1/exports/" + file;
        const auto start = Clock::now();
        const int status = std::system(command.c_str());
        m.seconds = secondsSince(start);
        done = true;
        sampler.join();
        m.peak = peak;
        if (status != 0)
            throw std::runtime_error("the export failed: " + command);
        m.bytes = static_cast<double>(std::filesystem::file_size(to));
        return m;
    };
    const auto csv = dir / "export.csv";
    const Measured csvRun = download("equipment_handover.csv", csv);
    long long rows = -1;  // the header
    std::ifstream in(csv, std::ios::binary);
    for (std::string line; std::getline(in, line);)
        ++rows;
    const double exportSeconds = csvRun.seconds, bytes = csvRun.bytes, before = csvRun.before, peak = csvRun.peak;
    std::printf("CSV export: %lld rows, %.0f MB in %.1f s (%.1f MB/s); server memory %.0f MB before, peak %.0f MB "
                "during (+%.0f MB); target <= 30 s\n",
                rows, bytes / 1e6, exportSeconds, bytes / 1e6 / exportSeconds, before / 1024.0, peak / 1024.0,
                (peak - before) / 1024.0);
    if (rows != count)
        throw std::runtime_error("the export has " + std::to_string(rows) + " rows, not " + std::to_string(count));
    std::filesystem::remove(csv);
    // The same submissions as an Excel workbook (a sheet of submissions, one of their items),
    // written in libxlsxwriter's constant-memory mode.
    const auto xlsx = dir / "export.xlsx";
    const Measured x = download("equipment_handover.xlsx", xlsx);
    std::printf("Excel export: %.0f MB in %.1f s (%.2fx the CSV's time); server memory %.0f MB before, peak %.0f MB "
                "during (+%.0f MB, the CSV's +%.0f MB)\n",
                x.bytes / 1e6, x.seconds, x.seconds / exportSeconds, x.before / 1024.0, x.peak / 1024.0,
                (x.peak - x.before) / 1024.0, (peak - before) / 1024.0);
    std::filesystem::remove(xlsx);
    std::printf("{\"bench\":\"report_programme\",\"store\":\"%s\",\"submissions\":%d,\"report_median_s\":%.4f,\"report_national_median_s\":%.4f,"
                "\"full_scan_median_s\":%.4f,\"full_scan_ratio\":%.2f,\"export_rows\":%lld,\"export_s\":%.2f,"
                "\"export_mb\":%.1f,\"server_rss_before_mb\":%.1f,\"server_rss_peak_mb\":%.1f,\"xlsx_export_s\":%.2f,"
                "\"xlsx_export_mb\":%.1f,\"xlsx_rss_before_mb\":%.1f,\"xlsx_rss_peak_mb\":%.1f}\n",
                benchEngine(), count, reportMedian, percentile(national, 50), fullMedian, fullMedian / reportMedian, rows, exportSeconds,
                bytes / 1e6, before / 1024.0, peak / 1024.0, x.seconds, x.bytes / 1e6, x.before / 1024.0,
                x.peak / 1024.0);
    return 0;
}
