// The device's facility list with 50,000 facilities in its store, as an officer of a large
// province holds them: the first page on opening (target ≤ 100 ms), each keystroke of a search
// (target ≤ 30 ms median) and the process's peak memory (target ≤ 150 MB).
// Baseline in the same run: the same first page read with a bare SQLite query (no model).
#include "DeviceFacilities.hpp"
#include "LoopbackBench.hpp"

#include "models/RegisterListModel.hpp"
#include "store/AppStore.hpp"

#include "kc/db/Transaction.hpp"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <fstream>

using namespace kc;
using namespace kc::bench;

namespace {

//! Peak resident memory of this process, in MB (VmHWM).
double peakMemoryMb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return -1;
}

double ms(Clock::time_point start) { return secondsSince(start) * 1000.0; }

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int count = 50'000;
    int runs = 15;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--count") == 0)
            count = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atoi(argv[i + 1]);
    }
    const auto dir = test::freshTempDir("bench-facility-list");
    const auto file = dir / "device.sqlite3";
    {
        auto store = app::LocalStore::open(file);
        const auto start = Clock::now();
        writeFacilities(store, count);
        std::printf("store: %d facilities written in %.1f s\n", count, secondsSince(start));
    }

    // First page, from opening the store to the model's first rows.
    std::vector<double> firstPage, bare;
    for (int r = 0; r < runs; ++r) {
        auto start = Clock::now();
        AppStore store;
        store.setPath(QString::fromStdString(file.string()));
        store.open();
        FacilityListModel model;
        model.setStore(&store);
        if (model.rowCount() != 50)
            throw std::runtime_error("first page has " + std::to_string(model.rowCount()) + " rows");
        firstPage.push_back(ms(start));

        start = Clock::now();
        auto db = db::Database::open(file);
        auto rows = db.prepare("SELECT id, name, data FROM facilities ORDER BY folded, id LIMIT 50");
        int n = 0;
        while (rows.step())
            n += static_cast<int>(rows.getText(1).size() > 0);
        bare.push_back(ms(start));
    }

    // Search as you type: every keystroke of a few searches, without diacritics.
    AppStore store;
    store.setPath(QString::fromStdString(file.string()));
    store.open();
    FacilityListModel model;
    model.setStore(&store);
    std::vector<double> keystrokes;
    int lastHits = 0;
    for (int r = 0; r < std::max(1, runs / 5); ++r)
        for (const QString& word : {QStringLiteral("tam hoa"), QStringLiteral("det tho cam"),
                                   QStringLiteral("htx che"), QStringLiteral("zzz")}) {
            for (int len = 1; len <= word.size(); ++len) {
                const auto start = Clock::now();
                model.setQuery(word.left(len));
                keystrokes.push_back(ms(start));
            }
            lastHits = model.rowCount();
            model.setQuery({});
        }
    model.setQuery(QStringLiteral("tam hoa"));
    const int tamHoa = model.rowCount();

    const double firstMedian = percentile(firstPage, 50);
    const double bareMedian = percentile(bare, 50);
    const double keyMedian = percentile(keystrokes, 50);
    const double keyP90 = percentile(keystrokes, 90);
    const double memory = peakMemoryMb();
    std::printf("first page (open store + model, 50 rows): median %.1f ms over %d runs "
                "(bare SQLite query %.2f ms; ratio %.1f)\n",
                firstMedian, runs, bareMedian, firstMedian / bareMedian);
    std::printf("search keystrokes: median %.2f ms, p90 %.2f ms over %zu keystrokes; "
                "\"tam hoa\" shows %d rows (first page), \"zzz\" %d\n",
                keyMedian, keyP90, keystrokes.size(), tamHoa, lastHits);
    std::printf("peak memory (VmHWM): %.1f MB\n", memory);
    std::printf("targets: first page <= 100 ms %s, keystroke median <= 30 ms %s, memory <= 150 MB %s\n",
                firstMedian <= 100 ? "met" : "NOT met", keyMedian <= 30 ? "met" : "NOT met",
                memory <= 150 ? "met" : "NOT met");
    std::printf("{\"bench\":\"app_facility_list\",\"facilities\":%d,\"first_page_ms_median\":%.2f,"
                "\"bare_query_ms_median\":%.3f,\"keystroke_ms_median\":%.2f,\"keystroke_ms_p90\":%.2f,"
                "\"peak_memory_mb\":%.1f}\n",
                count, firstMedian, bareMedian, keyMedian, keyP90, memory);
    return 0;
}
