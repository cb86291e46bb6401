// A sync over a weak 3G link (tests/support/LinkEmulator), watched on the real screens: the
// home screen says how many bytes of photos wait; while they go up the sync card names the
// photo (n of m), the bytes and the time left, and the window keeps answering; at the end
// nothing waits, and the server holds every photo whole.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "store/AppStore.hpp"
#include "ui/Language.hpp"

#include "../support/HttpClient.hpp"
#include "../support/LinkEmulator.hpp"
#include "../support/NoisyPhoto.hpp"

#include "kc/json/Json.hpp"

#include <QElapsedTimer>
#include <QQmlProperty>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <set>

using namespace kc::test;

TEST_CASE("ui slow link: over weak 3G the sync card shows the photo, the bytes and the time left, "
          "and the server ends with every photo", "[ui][link]") {
    Language::apply(QStringLiteral("vi"));
    const auto dir = freshTempDir("ui-slow-link");
    ServerProcess server(dir / "server", {"--no-demo-activity"});
    auto profile = profile3GWeak();
    profile.dropEvery = std::chrono::milliseconds(0);
    LinkEmulator link(profile, "127.0.0.1", server.port());
    AppWindow officer(dir / "officer.sqlite3", link.baseUrl(), 360, 640);
    signInWithPassword(officer, "canbo");
    syncAndWait(officer);

    // Three finalized progress reports with a photo each, as the form would leave them.
    auto* store = qvariant_cast<AppStore*>(officer.root()->property("store"));
    REQUIRE(store);
    auto& local = *store->local();
    const auto projects = local.searchProjects("", 1);
    REQUIRE_FALSE(projects.empty());
    std::set<std::string> photos;
    qint64 photoBytes = 0;
    for (int i = 0; i < 3; ++i) {
        const QByteArray jpeg = noisyPhoto(static_cast<quint32>(40 + i), 720, 540, 70);
        const QString sha = store->addAttachment(jpeg, QStringLiteral("image/jpeg"));
        photos.insert(sha.toStdString());
        photoBytes += jpeg.size();
        const std::string id = local.createDraft(
            "progress_report", boost::json::object{{"project", projects[0].id}, {"period_start", "2026-10-01"},
                                                   {"period_end", "2026-10-31"}, {"percent_done", 30 + i},
                                                   {"amount_disbursed", 1000}, {"jobs_created", 1},
                                                   {"has_difficulties", "no"},
                                                   {"photos", boost::json::array{sha.toStdString()}}});
        local.finalize(id, {sha.toStdString()});
    }
    openSection(officer, QStringLiteral("home"));
    auto* waiting = officer.waitFor(QStringLiteral("unsentBytesLabel"));
    const QString kb = QString::number(std::lround(double(photoBytes) / 1000.0));
    CHECK(waiting->property("text").toString() == QStringLiteral("Ảnh và chữ ký còn phải gửi: %1 kB").arg(kb));

    // While it syncs: what the card says, and how long the window ever went without a frame's
    // worth of events.
    QObject* sync = officer.root()->property("sync").value<QObject*>();
    std::set<QString> seen;
    qint64 longestStall = 0;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer ticker;
    ticker.setInterval(20);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestStall = std::max(longestStall, sinceTick.restart());
        if (auto* label = officer.find(QStringLiteral("syncProgressLabel")))
            seen.insert(label->property("text").toString());
    });
    QSignalSpy finished(sync, SIGNAL(finished(bool, QString)));
    ticker.start();
    officer.click(QStringLiteral("syncNowButton"));
    REQUIRE(waitUntil([&] { return finished.count() > 0; }, 120'000));
    ticker.stop();
    INFO(finished.first().at(1).toString().toStdString());
    REQUIRE(finished.first().at(0).toBool());

    bool namedPhoto = false, namedTimeLeft = false;
    for (const QString& text : seen) {
        UNSCOPED_INFO(text.toStdString());
        namedPhoto = namedPhoto || (text.startsWith(QStringLiteral("Đang gửi ảnh ")) && text.contains(QStringLiteral("/3 (")) &&
                                    text.contains(QStringLiteral(" kB")));
        namedTimeLeft = namedTimeLeft || text.contains(QStringLiteral("còn khoảng"));
    }
    CHECK(namedPhoto);
    CHECK(namedTimeLeft);
    CHECK(longestStall < 500);  // the sync never holds the interface up
    CHECK(waitUntil([&] { return officer.find(QStringLiteral("unsentBytesLabel")) == nullptr; }));

    // The server holds each photo, complete, of the size the device sent.
    const std::string token = signInHttp(server, "canbo");
    for (const auto& sha : photos) {
        const auto reply = httpRequest(server.port(), "GET", "/v1/attachments/" + sha, "",
                                       {{"authorization", "Bearer " + token}});
        REQUIRE(reply.status == 200);
        const auto status = kc::json::parse(reply.body);
        CHECK(status.at("complete") == true);
        CHECK(status.at("size") == local.attachment(sha)->size);
    }
}
