// A device sends 1,000 progress reports with one photo each (about 200 kB) to the real server
// on loopback through the app's SyncEngine: seconds and MB/s, beside a plain copy of the same
// bytes to the server's disk (each file written and fsynced) as the physical limit.
#include "LoopbackBench.hpp"
#include "../tests/support/NoisyPhoto.hpp"

#include "store/AppStore.hpp"
#include "sync/Session.hpp"
#include "sync/SyncEngine.hpp"

#include <QEventLoop>
#include <QGuiApplication>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

using namespace kc;
using namespace kc::bench;

namespace {

bool runSync(SyncEngine& sync) {
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&sync, &SyncEngine::finished, &loop, [&](bool result, const QString& error) {
        ok = result;
        if (!result)
            std::fprintf(stderr, "sync failed: %s\n", error.toStdString().c_str());
        loop.quit();
    });
    sync.syncNow();
    if (sync.state() == SyncEngine::State::Syncing)
        loop.exec();
    return ok;
}

} // namespace

int main(int argc, char** argv) {
    QGuiApplication::setAttribute(Qt::AA_Use96Dpi);
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    int count = 1000;
    for (int i = 1; i + 1 < argc; i += 2)
        if (std::strcmp(argv[i], "--count") == 0)
            count = std::atoi(argv[i + 1]);

    const auto serverDir = test::freshTempDir("bench-app-sync-server");
    test::ServerProcess server(serverDir);
    const auto deviceDir = test::freshTempDir("bench-app-sync-device");
    AppStore store;
    store.setPath(QString::fromStdString((deviceDir / "device.sqlite3").string()));
    if (!store.open())
        throw std::runtime_error(store.errorString().toStdString());
    Session session;
    session.setStore(&store);
    SyncEngine sync;
    sync.setStore(&store);
    sync.setSession(&session);
    session.signIn(QString::fromStdString(server.baseUrl()), QStringLiteral("canbo"), QStringLiteral("khuyencong"));
    {
        QEventLoop loop;
        QObject::connect(&session, &Session::userChanged, &loop, &QEventLoop::quit);
        QObject::connect(&session, &Session::signInFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!session.signedIn() || !runSync(sync))
        throw std::runtime_error("sign-in or first sync failed: " + session.errorString().toStdString());

    auto& local = *store.local();
    const auto projects = local.searchProjects("", 1);
    if (projects.empty())
        throw std::runtime_error("no project synced");
    qint64 bytes = 0;
    std::vector<std::string> files;
    for (int i = 0; i < count; ++i) {
        const QByteArray jpeg = test::noisyPhoto(static_cast<quint32>(i + 1), 720, 540, 60); // ~190 kB
        const QString sha = store.addAttachment(jpeg, QStringLiteral("image/jpeg"));
        bytes += jpeg.size();
        files.push_back(sha.toStdString());
        const std::string id = local.createDraft(
            "progress_report",
            boost::json::object{{"project", projects[0].id}, {"period_start", "2026-01-01"},
                                {"period_end", "2026-06-30"}, {"percent_done", 50},
                                {"amount_disbursed", 1000}, {"jobs_created", 2},
                                {"has_difficulties", "no"},
                                {"photos", boost::json::array{sha.toStdString()}}});
        local.finalize(id, {sha.toStdString()});
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("device: %d reports, %d photos, %.1f MB (%.0f kB per photo)\n", count, count, mb,
                static_cast<double>(bytes) / count / 1000.0);

    const auto start = Clock::now();
    if (!runSync(sync))
        return 1;
    const double seconds = secondsSince(start);
    if (std::getenv("KC_BENCH_SERVER_LOG"))
        std::fprintf(stderr, "%s", server.log().c_str());
    const auto counts = local.countByState();
    const auto sent = counts.count("sent") ? counts.at("sent") : 0;
    if (sent != count)
        throw std::runtime_error("only " + std::to_string(sent) + " reports sent");

    // The physical limit: the same bytes copied to the server's disk, each file fsynced.
    const auto copyDir = serverDir / "plain-copy";
    std::filesystem::create_directories(copyDir);
    const auto copyStart = Clock::now();
    for (const auto& sha : files) {
        const auto from = local.attachmentFolder() / sha;
        const auto to = copyDir / sha;
        std::filesystem::copy_file(from, to);
        const int fd = ::open(to.c_str(), O_RDONLY);
        ::fsync(fd);
        ::close(fd);
    }
    const double copySeconds = secondsSince(copyStart);

    std::printf("sync: %.2f s, %.1f MB/s, %.0f reports/s\n", seconds, mb / seconds, count / seconds);
    std::printf("plain copy with fsync: %.2f s, %.1f MB/s\n", copySeconds, mb / copySeconds);
    std::printf("ratio sync / plain copy (throughput): %.2f\n", copySeconds / seconds);
    std::printf("{\"bench\":\"app_sync_photos\",\"reports\":%d,\"megabytes\":%.1f,\"sync_seconds\":%.3f,"
                "\"sync_mb_per_s\":%.2f,\"copy_seconds\":%.3f,\"copy_mb_per_s\":%.2f,\"ratio\":%.3f}\n",
                count, mb, seconds, mb / seconds, copySeconds, mb / copySeconds, copySeconds / seconds);
    return 0;
}
