// The app's sync through an emulated mobile link (tests/support/LinkEmulator): on 2G, weak 3G
// and 3G it ends where it ends on loopback, and a signal lost mid-upload and mid-push is
// resumed by itself with nothing lost, stored twice, or any byte of a finished chunk resent.
#include "SyncDevice.hpp"

#include "capture/MediaCapture.hpp"

#include "../support/HttpClient.hpp"
#include "../support/ExifPhoto.hpp"
#include "../support/LinkEmulator.hpp"
#include "../support/NoisyPhoto.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <filesystem>
#include <set>

using namespace kc;
using kc::test::Device;
using kc::test::LinkEmulator;
using kc::test::ServerProcess;

namespace {

//! What the centre holds of progress reports, without the ids the device chose:
//! (percent done, photos, state) sorted, and each submission id once.
std::multiset<std::string> serverReports(const ServerProcess& server) {
    const auto reply = test::httpRequest(server.port(), "GET", "/v1/exports/progress_report.json", "",
                                         {{"authorization", "Bearer " + test::signInHttp(server, "duyet")}});
    REQUIRE(reply.status == 200);
    std::multiset<std::string> out;
    std::set<std::string> ids;
    const auto rows = json::parse(reply.body);
    for (const auto& row : rows.as_array()) {
        CHECK(ids.insert(std::string(row.at("id").as_string())).second);
        const auto& answers = row.at("answers").as_object();
        if (!answers.contains("photos"))
            continue;  // the demo's own reports
        out.insert(std::to_string(answers.at("percent_done").as_int64()) + " " + json::serialize(answers.at("photos")) +
                   " " + std::string(row.at("state").as_string()));
    }
    return out;
}

std::int64_t metric(const ServerProcess& server, const std::string& name) {
    const auto reply = test::httpRequest(server.port(), "GET", "/metrics", "",
                                         {{"authorization", "Bearer " + test::signInHttp(server, "quantri")}});
    REQUIRE(reply.status == 200);
    const auto at = reply.body.find("\n" + name + " ");
    REQUIRE(at != std::string::npos);
    return std::stoll(reply.body.substr(at + name.size() + 2));
}

//! A day's work in small: `reports` progress reports, each with a photo made from a 1.2 MP
//! capture by the app's own photo pipeline (the same bytes for the same seed).
std::vector<std::string> makeReports(Device& device, int reports, quint32 seed, int width = 1280, int height = 960) {
    MediaCapture capture;
    capture.setStore(&device.f.store);
    const std::string project = device.firstProject();
    std::vector<std::string> ids;
    for (int i = 0; i < reports; ++i) {
        const QString photo = capture.importPhotoBytes(
            test::withExif(test::noisyPhoto(seed + i, width, height, 85), "2026:10:12 09:14:05", "+07:00", 22.6667, 106.25));
        REQUIRE_FALSE(photo.isEmpty());
        ids.push_back(device.report(project, 10 + i, photo));
    }
    return ids;
}

} // namespace

TEST_CASE("e2e link: a sync over 2G, weak 3G and 3G ends in the same server state as on loopback",
          "[app][e2e][link]") {
    std::optional<std::multiset<std::string>> onLoopback;
    for (const std::string name : {"loopback", "2g", "3g-weak", "3g"}) {
        INFO("over " << name);
        auto profile = *test::profileNamed(name);
        profile.dropEvery = std::chrono::milliseconds(0);  // drops have their own test below
        ServerProcess server(test::freshTempDir("e2e-link-" + name));
        LinkEmulator link(profile, "127.0.0.1", server.port());
        Device device("e2e-link-device-" + name);
        device.signIn(link.baseUrl(), "canbo");
        const bool first = device.syncOnce();
        if (!first)
            std::fprintf(stderr, "%s\n", server.log().c_str());
        REQUIRE(first);
        makeReports(device, 4, 7, 320, 240);
        const auto upBefore = link.bytesUp();
        REQUIRE(device.syncOnce());
        CHECK(device.local().countByState().at("sent") == 4);
        const auto state = serverReports(server);
        CHECK(state.size() == 4);
        if (!onLoopback)
            onLoopback = state;
        CHECK(state == *onLoopback);
        // The photos went up whole and once; the rest of what went up is small, compressed JSON.
        const auto photos = metric(server, "kcfield_attachment_bytes_stored_total");
        CHECK(metric(server, "kcfield_attachment_bytes_resent_total") == 0);
        CHECK(link.bytesUp() - upBefore < photos + photos / 20 + 10'000);
        CHECK(metric(server, "kcfield_http_gzip_requests_total") >= 1);  // the push of 4 reports
        CHECK(metric(server, "kcfield_http_gzip_responses_total") >= 1); // the pull
        // Each photo's time and place went with it, though its file has no EXIF.
        const std::string token = test::signInHttp(server, "canbo");
        for (const auto& file : std::filesystem::directory_iterator(device.local().attachmentFolder())) {
            const auto reply = test::httpRequest(server.port(), "GET", "/v1/attachments/" + file.path().filename().string(),
                                                 "", {{"authorization", "Bearer " + token}});
            REQUIRE(reply.status == 200);
            CHECK(json::parse(reply.body).at("origin").at("taken_at") == "2026-10-12T09:14:05+07:00");
        }
    }
}

TEST_CASE("e2e link: the signal drops mid-upload and mid-push and the sync resumes by itself: "
          "nothing is lost, stored twice or sent again", "[app][e2e][link]") {
    auto profile = test::profile3GWeak();
    profile.dropEvery = std::chrono::milliseconds(0);  // dropped by hand at the moments that matter
    ServerProcess server(test::freshTempDir("e2e-link-drops"));
    LinkEmulator link(profile, "127.0.0.1", server.port());
    Device device("e2e-link-drops-device");
    device.signIn(link.baseUrl(), "canbo");
    REQUIRE(device.syncOnce());
    makeReports(device, 4, 100);  // about 4 x 130 kB at 48 kB/s

    // Mid-upload: when a third of the photos' bytes went through.
    bool droppedUpload = false, droppedPush = false;
    QObject::connect(&device.sync, &SyncEngine::progressChanged, [&] {
        if (!droppedUpload && device.sync.phase() == SyncEngine::Phase::Attachments &&
            device.sync.bytesSent() > 0 && device.sync.bytesDone() > device.sync.bytesTotal() / 3) {
            droppedUpload = true;
            link.dropNow();
        }
    });
    // Mid-push: once the server has had time to take the batch, so that its answer is lost.
    QObject::connect(&device.sync, &SyncEngine::batchSent, [&](int) {
        if (!droppedPush && droppedUpload) {
            droppedPush = true;
            QTimer::singleShot(profile.rtt.count(), [&] { link.dropNow(); });
        }
    });
    device.sync.setAutomatic(true);  // resumes by itself after each drop
    QSignalSpy finished(&device.sync, &SyncEngine::finished);
    REQUIRE(QTest::qWaitFor([&] {
        return !finished.isEmpty() && finished.last().at(0).toBool();
    }, 240'000));
    device.sync.setAutomatic(false);
    CHECK(droppedUpload);
    CHECK(droppedPush);
    CHECK(link.drops() == 2);
    CHECK(finished.size() >= 3);  // two runs cut, one that finished

    CHECK(device.local().countByState().at("sent") == 4);
    CHECK(device.local().attachmentsToUpload().empty());
    CHECK(serverReports(server).size() == 4);  // each once
    CHECK(metric(server, "kcfield_attachment_bytes_resent_total") == 0);
    std::int64_t photoBytes = 0;
    for (const auto& file : std::filesystem::directory_iterator(device.local().attachmentFolder()))
        photoBytes += static_cast<std::int64_t>(file.file_size());
    CHECK(metric(server, "kcfield_attachment_bytes_stored_total") == photoBytes);
}

TEST_CASE("e2e link: a pull page cut after its first bytes is asked again by itself, not read as a broken answer",
          "[app][e2e][link]") {
    // 16 kbit/s: the first pull's page takes seconds to come down, time to lose the signal.
    // Gzipped and chunked, and plain with a Content-Length (a client that asks no gzip).
    for (const bool compress : {true, false}) {
        INFO((compress ? "gzip" : "plain"));
        test::LinkProfile slow{"slow", 16'000, std::chrono::milliseconds(600), std::chrono::milliseconds(0),
                               std::chrono::milliseconds(1000)};
        ServerProcess server(test::freshTempDir("e2e-link-cut-pull"));
        LinkEmulator link(slow, "127.0.0.1", server.port());
        Device device(compress ? "e2e-link-cut-pull-gzip" : "e2e-link-cut-pull-plain");
        SyncEngine::NetworkTuning tuning;
        tuning.compress = compress;
        device.sync.setTuning(tuning);
        device.signIn(link.baseUrl(), "canbo");
        std::int64_t downAtPull = -1;
        bool dropped = false;
        QTimer watch;
        watch.setInterval(20);
        QObject::connect(&watch, &QTimer::timeout, [&] {
            if (device.sync.phase() != SyncEngine::Phase::Pulling || dropped)
                return;
            if (downAtPull < 0)
                downAtPull = link.bytesDown();
            else if (link.bytesDown() - downAtPull > 1500) {
                // The page is on its way; two seconds on, its headers and a first part of
                // it have reached the phone (the emulator counts bytes as it takes them).
                dropped = true;
                QTimer::singleShot(2000, [&] { link.dropNow(); });
            }
        });
        watch.start();
        QSignalSpy finished(&device.sync, &SyncEngine::finished);
        device.sync.setAutomatic(true);
        REQUIRE(QTest::qWaitFor([&] { return !finished.isEmpty() && finished.last().at(0).toBool(); }, 180'000));
        device.sync.setAutomatic(false);
        CHECK(dropped);
        REQUIRE(finished.size() >= 2);
        // The cut run was told as the network's failure, and tried again.
        CHECK(finished.first().at(0).toBool() == false);
        CHECK(finished.first().at(1).toString().contains(QStringLiteral("Cannot reach the server")));
        CHECK_FALSE(device.local().searchProjects("", 5).empty());
    }
}
