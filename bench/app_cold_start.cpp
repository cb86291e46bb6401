// Cold start of the app (issue "The interface"): a new kcfield process, signed in, with 50,000
// facilities in its store, until its first frame, and until the first frame drawn with the
// store open (the home screen). QML is compiled ahead (qmlcachegen); the database opens on a
// worker thread. Baseline, measured in the same run: the same app with an empty store.
// Prints each figure, then one JSON line.
#include "DeviceFacilities.hpp"
#include "LoopbackBench.hpp"


#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

using namespace kc;
using namespace kc::bench;

namespace {

double median(const std::vector<double>& v) { return percentile(v, 50); }

//! A device that signed in before: the token and the user are in its store.
void signedIn(app::LocalStore& store) {
    store.setMeta("server_url", "http://127.0.0.1:1");
    store.setMeta("token", "kct_benchmark");
    store.setMeta("user", R"({"id":"u1","username":"canbo","display_name":"Hoàng Văn Minh",)"
                          R"("role":"officer","provinces":["04"]})");
}

struct Start {
    double firstFrame = 0;
    double readyFrame = 0;
};

Start launch(const std::string& file) {
    QProcess app;
    auto env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(KC_APP_BINARY),
              {QStringLiteral("--first-frame"), QStringLiteral("--store"), QString::fromStdString(file)});
    if (!app.waitForFinished(60'000) || app.exitCode() != 0)
        throw std::runtime_error("kcfield did not start: " + app.readAllStandardError().toStdString());
    Start s;
    for (const auto& line : app.readAllStandardOutput().split('\n')) {
        if (line.startsWith("first_frame_ms "))
            s.firstFrame = line.mid(15).toDouble();
        if (line.startsWith("ready_frame_ms "))
            s.readyFrame = line.mid(15).toDouble();
    }
    if (s.firstFrame <= 0 || s.readyFrame <= 0)
        throw std::runtime_error("kcfield printed no frame times");
    return s;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication qapp(argc, argv);
    int count = 50'000;
    int runs = 9;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--count") == 0)
            count = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::atoi(argv[i + 1]);
    }
    const auto dir = test::freshTempDir("bench-cold-start");
    const auto full = dir / "full.sqlite3";
    const auto empty = dir / "empty.sqlite3";
    {
        auto store = app::LocalStore::open(full);
        writeFacilities(store, count);
        signedIn(store);
        auto bare = app::LocalStore::open(empty);
        signedIn(bare);
    }
    std::vector<double> first, ready, baseFirst, baseReady;
    for (int r = 0; r < runs; ++r) {
        // Alternated, so that the machine's noise falls on both alike.
        const Start s = launch(full.string());
        first.push_back(s.firstFrame);
        ready.push_back(s.readyFrame);
        const Start b = launch(empty.string());
        baseFirst.push_back(b.firstFrame);
        baseReady.push_back(b.readyFrame);
    }
    const double f = median(first), rd = median(ready), bf = median(baseFirst), br = median(baseReady);
    std::printf("%d facilities, %d runs each, medians:\n", count, runs);
    std::printf("  first frame           %7.1f ms (target <= 1000)   empty store %7.1f ms   ratio %.2f\n", f, bf, f / bf);
    std::printf("  first frame with data %7.1f ms                    empty store %7.1f ms   ratio %.2f\n", rd, br, rd / br);
    std::printf("{\"bench\":\"app_cold_start\",\"facilities\":%d,\"runs\":%d,\"first_frame_ms\":%.1f,"
                "\"ready_frame_ms\":%.1f,\"empty_first_frame_ms\":%.1f,\"empty_ready_frame_ms\":%.1f,"
                "\"first_frame_ratio\":%.2f,\"target_ms\":1000,\"met\":%s}\n",
                count, runs, f, rd, bf, br, f / bf, f <= 1000 ? "true" : "false");
    return 0;
}
