// Syncs over the links officers have (tests/support/LinkEmulator): the app's SyncEngine
// against the real server through an emulated 2G, weak 3G or 3G link.
//   day:        a day's sync (sign-in done): 20 finalized progress reports with 40 photos
//               (12 MP workshop photos through the app's photo pipeline), then the pull;
//   first-pull: a new device's first sync of one province: 5,000 facilities, 300 projects,
//               the forms and its assignments.
// Each prints time, bytes on the wire each way, requests, and the ratio to the physical
// limit: the bodies' bytes that crossed divided by the bandwidth, plus one round trip per
// unavoidable exchange (connecting, announcing the photos, uploading, pushing, and each pull
// page, which the cursor makes sequential). "before" runs the same with the engine as it was
// before issue 24 (SyncEngine::NetworkTuning::beforeIssue24(): no gzip, one announce per
// photo, six uploads of 1 MiB chunks, pages of 500, 30 s stall timeout) and its photos as
// they were made then (1600 px JPEG at quality 80).
//   bench_app_link_sync [--scenario day|first-pull|all] [--profiles 2g,3g-weak,3g]
//                       [--before-profiles 3g,3g-weak] [--reports 20] [--facilities 5000]
#include "../tests/support/FieldPhoto.hpp"
#include "../tests/support/LinkEmulator.hpp"
#include "BenchStore.hpp"
#include "LoopbackBench.hpp"

#include "capture/MediaCapture.hpp"
#include "store/AppStore.hpp"
#include "sync/ApiClient.hpp"
#include "sync/Session.hpp"
#include "sync/SyncEngine.hpp"

#include "seed/DemoProvince.hpp"
#include "seed/FormLibrarySeed.hpp"

#include "kc/json/Json.hpp"

#include <QBuffer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QImageReader>
#include <QImageWriter>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>

using namespace kc;
using namespace kc::bench;

namespace {

struct Options {
    std::string scenario = "all";
    std::vector<std::string> profiles{"2g", "3g-weak", "3g"};
    std::vector<std::string> beforeProfiles{"3g", "3g-weak"};
    int reports = 20;
    int facilities = 5000;
    int projects = 300;
};

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty())
            out.push_back(item);
    return out;
}

bool runSync(SyncEngine& sync, int timeoutMs) {
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&sync, &SyncEngine::finished, &loop, [&](bool result, const QString& error) {
        ok = result;
        if (!result)
            std::fprintf(stderr, "  (a sync run ended: %s)\n", error.toStdString().c_str());
        // A run cut by a drop is resumed by the engine itself (automatic); the loop waits on.
        if (result || sync.state() != SyncEngine::State::Waiting)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    sync.syncNow();
    if (sync.state() == SyncEngine::State::Syncing)
        loop.exec();
    return ok;
}

//! Server counters, read on loopback (never through the link).
struct Counters {
    std::int64_t requests = 0, pulls = 0, requestBodies = 0, responseBodies = 0, resent = 0;
};

std::int64_t valueOf(const std::string& text, const std::string& name) {
    const auto at = text.find("\n" + name + " ");
    return at == std::string::npos ? 0 : std::stoll(text.substr(at + name.size() + 2));
}

Counters counters(const test::ServerProcess& server, const std::string& adminToken) {
    test::HttpConnection connection(server.port());
    const auto reply = connection.request("GET", "/metrics", "", bearer(adminToken));
    if (reply.status != 200)
        throw std::runtime_error("metrics: " + reply.body);
    Counters c;
    std::istringstream lines(reply.body);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("kcfield_http_requests_total{", 0) != 0)
            continue;
        const auto n = std::stoll(line.substr(line.rfind(' ') + 1));
        c.requests += n;
        if (line.find("route=\"/v1/pull\"") != std::string::npos)
            c.pulls += n;
    }
    c.requestBodies = valueOf(reply.body, "kcfield_http_request_body_bytes_total");
    c.responseBodies = valueOf(reply.body, "kcfield_http_response_body_bytes_total");
    c.resent = valueOf(reply.body, "kcfield_attachment_bytes_resent_total");
    // This answer counts in the next reading: leave it out of the difference.
    c.requests += 1;
    c.responseBodies += static_cast<std::int64_t>(reply.body.size());
    return c;
}

QByteArray photoBefore(const QByteArray& source) {  // MediaCapture before issue 24
    QBuffer in;
    in.setData(source);
    in.open(QIODevice::ReadOnly);
    QImageReader reader(&in);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    const double scale = 1600.0 / std::max(size.width(), size.height());
    reader.setScaledSize(QSize(int(std::lround(size.width() * scale)), int(std::lround(size.height() * scale))));
    const QImage image = reader.read();
    QByteArray bytes;
    QBuffer out(&bytes);
    out.open(QIODevice::WriteOnly);
    QImageWriter writer(&out, "jpeg");
    writer.setQuality(80);
    writer.setOptimizedWrite(true);
    writer.write(image);
    return bytes;
}

struct Run {
    std::string scenario, profile, mode;
    double seconds = 0, limit = 0;
    std::int64_t up = 0, down = 0, bodies = 0, requests = 0, resent = 0, photoBytes = 0;
    int drops = 0;
    bool ok = false;
};

void print(const Run& r) {
    std::printf("%-10s %-8s %-6s %8.1f s  up %7.0f kB  down %7.0f kB  %4lld requests  limit %7.1f s  ratio %.2f%s%s\n",
                r.scenario.c_str(), r.profile.c_str(), r.mode.c_str(), r.seconds, double(r.up) / 1000.0, double(r.down) / 1000.0,
                static_cast<long long>(r.requests), r.limit, r.limit > 0 ? r.seconds / r.limit : 0.0,
                r.drops ? ("  drops " + std::to_string(r.drops) + ", resent chunk bytes " + std::to_string(r.resent)).c_str() : "",
                r.ok ? "" : r.mode == "before" ? "  (did not finish as it should)" : "  FAILED");
    std::fflush(stdout);
}

struct Device {
    AppStore store;
    Session session;
    SyncEngine sync;
    explicit Device(const std::filesystem::path& dir) {
        store.setPath(QString::fromStdString((dir / "device.sqlite3").string()));
        if (!store.open())
            throw std::runtime_error(store.errorString().toStdString());
        session.setStore(&store);
        sync.setStore(&store);
        sync.setSession(&session);
        sync.setBackoff(1000, 2000);
        sync.setAutomatic(false);
    }
    void signIn(const std::string& url) {
        session.signIn(QString::fromStdString(url), QStringLiteral("canbo"), QStringLiteral("khuyencong"));
        QEventLoop loop;
        QObject::connect(&session, &Session::userChanged, &loop, &QEventLoop::quit);
        QObject::connect(&session, &Session::signInFailed, &loop, &QEventLoop::quit);
        QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
        loop.exec();
        if (!session.signedIn())
            throw std::runtime_error("sign-in failed: " + session.errorString().toStdString());
    }
};

Run measure(const std::string& scenario, const test::LinkProfile& profile, bool before, test::ServerProcess& server,
            Device& device, const std::string& adminToken, int expectedRoundTrips) {
    test::LinkEmulator link(profile, "127.0.0.1", server.port());
    device.session.api()->setServer(QUrl(QString::fromStdString(link.baseUrl())));
    device.sync.setTuning(before ? SyncEngine::NetworkTuning::beforeIssue24() : SyncEngine::NetworkTuning{});
    device.sync.setAutomatic(profile.dropEvery.count() > 0);  // a dropped run resumes by itself
    const Counters start = counters(server, adminToken);
    const auto started = Clock::now();
    Run run{scenario, profile.name, before ? "before" : "now"};
    run.ok = runSync(device.sync, 3'600'000);
    run.seconds = secondsSince(started);
    device.sync.setAutomatic(false);
    const Counters end = counters(server, adminToken);
    run.up = link.bytesUp();
    run.down = link.bytesDown();
    run.requests = end.requests - start.requests;
    run.bodies = (end.requestBodies - start.requestBodies) + (end.responseBodies - start.responseBodies);
    run.resent = end.resent - start.resent;
    run.drops = link.drops();
    const std::int64_t pages = end.pulls - start.pulls;
    run.limit = profile.transferSeconds(run.bodies) +
                std::chrono::duration<double>(profile.rtt).count() * (expectedRoundTrips + static_cast<double>(pages));
    return run;
}

void day(const Options& options, const test::LinkProfile& profile, bool before, std::vector<Run>& runs) {
    const auto serverDir = test::freshTempDir("bench-link-day-server");
    test::ServerProcess server(serverDir);
    const auto deviceDir = test::freshTempDir("bench-link-day-device");
    Device device(deviceDir);
    device.signIn(server.baseUrl());
    if (!runSync(device.sync, 600'000))  // the device as it was at the start of the day
        throw std::runtime_error("the first sync failed");
    auto& local = *device.store.local();
    const auto projects = local.searchProjects("", 1);
    MediaCapture capture;
    capture.setStore(&device.store);
    std::int64_t photoBytes = 0;
    for (int i = 0; i < options.reports; ++i) {
        boost::json::array photos;
        for (int p = 0; p < 2; ++p) {
            const QByteArray source = test::fieldPhoto(static_cast<quint32>(1 + 2 * i + p));
            QString sha;
            if (before) {
                const QByteArray jpeg = photoBefore(source);
                sha = device.store.addAttachment(jpeg, QStringLiteral("image/jpeg"));
            } else {
                sha = capture.importPhotoBytes(source);
            }
            if (sha.isEmpty())
                throw std::runtime_error("a photo could not be made");
            photoBytes += local.attachment(sha.toStdString())->size;
            photos.push_back(boost::json::value(sha.toStdString()));
        }
        const std::string id = local.createDraft(
            "progress_report", boost::json::object{{"project", projects.at(0).id}, {"period_start", "2026-10-01"},
                                                   {"period_end", "2026-10-31"}, {"percent_done", 40 + i},
                                                   {"amount_disbursed", 1'000'000}, {"jobs_created", 2},
                                                   {"has_difficulties", "no"}, {"photos", photos}});
        std::vector<std::string> shas;
        for (const auto& p : photos)
            shas.emplace_back(p.as_string());
        local.finalize(id, shas);
    }
    test::HttpConnection adminConnection(server.port());
    const std::string admin = signIn(adminConnection, "quantri");
    // connect, announce (one per photo before), upload, push; the pull pages are added.
    // The same limit for both codes: what the exchange needs, not what a code did.
    Run run = measure("day", profile, before, server, device, admin, 4);
    run.photoBytes = photoBytes;
    const auto counts = local.countByState();
    run.ok = run.ok && counts.count("sent") && counts.at("sent") == options.reports && run.resent == 0;
    print(run);
    runs.push_back(run);
}

void prepareProvince(const std::filesystem::path& dir, const Options& options) {
    auto opened = openBenchStore(dir);
    auto& store = *opened;
    std::ostringstream quiet;
    server::installFormLibrary(store, quiet);
    server::seedDemoProvince(store, quiet);
    store.atomically([&] {
        std::vector<std::string> ids;
        for (int i = 0; i < options.facilities; ++i) {
            domain::Facility facility;
            facility.name = "Hợp tác xã chế biến miến dong số " + std::to_string(i);
            facility.legalForm = "cooperative";
            facility.sector = i % 2 ? "handicrafts" : "agro_forestry_processing";
            facility.provinceCode = "04";
            facility.communeCode = "04-00" + std::to_string(1 + i % 9);
            facility.village = "Xóm Nà " + std::to_string(i % 300);
            facility.representative = "Nông Văn Thắng " + std::to_string(i);
            facility.workforce = 5 + i % 40;
            facility.latitude = 22.5 + (i % 1000) * 0.0005;
            facility.longitude = 106.0 + (i / 1000) * 0.0005;
            ids.push_back(store.createFacility(facility));
        }
        for (int i = 0; i < options.projects; ++i) {
            domain::Project project;
            project.code = "KCDP-2026-" + std::to_string(100 + i);
            project.title = "Hỗ trợ ứng dụng máy móc tiên tiến trong chế biến nông sản, cơ sở số " + std::to_string(i);
            project.year = 2026;
            project.fundingSource = "local";
            project.activityType = "advanced_machinery";
            project.provinceCode = "04";
            project.extensionFunding = 300'000'000;
            project.counterpartCapital = 450'000'000;
            project.beneficiaryIds = {ids.at(static_cast<std::size_t>(i) % ids.size())};
            store.createProject(project);
        }
    });
}

void firstPull(const Options& options, const test::LinkProfile& profile, bool before, std::vector<Run>& runs) {
    const auto serverDir = test::freshTempDir("bench-link-pull-server");
    prepareProvince(serverDir, options);
    test::ServerProcess server(serverDir);
    const auto deviceDir = test::freshTempDir("bench-link-pull-device");
    Device device(deviceDir);
    device.signIn(server.baseUrl());  // sign-in itself is not measured: the first sync is
    test::HttpConnection adminConnection(server.port());
    const std::string admin = signIn(adminConnection, "quantri");
    Run run = measure("first-pull", profile, before, server, device, admin, 1);
    run.ok = run.ok && device.store.local()->searchFacilities("", 10).size() == 10;
    print(run);
    runs.push_back(run);
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--scenario")
            options.scenario = value;
        else if (flag == "--profiles")
            options.profiles = split(value);
        else if (flag == "--before-profiles")
            options.beforeProfiles = split(value == "none" ? "" : value);
        else if (flag == "--reports")
            options.reports = std::max(1, std::stoi(value));
        else if (flag == "--facilities")
            options.facilities = std::max(1, std::stoi(value));
        else if (flag == "--projects")
            options.projects = std::max(1, std::stoi(value));
    }
    std::vector<Run> runs;
    const auto each = [&](const char* scenario, auto&& body) {
        if (options.scenario != "all" && options.scenario != scenario)
            return;
        for (const auto& name : options.profiles) {
            const auto profile = test::profileNamed(name);
            if (!profile)
                throw std::runtime_error("no link profile " + name);
            body(*profile, false);
            if (std::find(options.beforeProfiles.begin(), options.beforeProfiles.end(), name) != options.beforeProfiles.end())
                body(*profile, true);
        }
    };
    std::printf("%-10s %-8s %-6s %10s  %s\n", "scenario", "link", "code", "time", "bytes on the wire, requests, limit");
    each("day", [&](const test::LinkProfile& p, bool before) { day(options, p, before, runs); });
    each("first-pull", [&](const test::LinkProfile& p, bool before) { firstPull(options, p, before, runs); });
    for (const auto& now : runs)
        for (const auto& was : runs)
            if (now.mode == "now" && was.mode == "before" && now.scenario == was.scenario && now.profile == was.profile)
                std::printf("%s on %s: %.1f s now, %.1f s before (%.2fx faster); bytes down %.2f and up %.2f of "
                            "before's\n",
                            now.scenario.c_str(), now.profile.c_str(), now.seconds, was.seconds, was.seconds / now.seconds,
                            was.down ? double(now.down) / double(was.down) : 0.0,
                            was.up ? double(now.up) / double(was.up) : 0.0);
    bool allOk = true;
    std::printf("{\"benchmark\":\"app_link_sync\",\"runs\":[");
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const auto& r = runs[i];
        allOk = allOk && (r.ok || r.mode == "before");  // the old code's failures are findings
        std::printf("%s{\"scenario\":\"%s\",\"link\":\"%s\",\"code\":\"%s\",\"seconds\":%.2f,\"up_bytes\":%lld,"
                    "\"down_bytes\":%lld,\"requests\":%lld,\"limit_seconds\":%.2f,\"ratio\":%.3f,\"drops\":%d,"
                    "\"resent_chunk_bytes\":%lld,\"ok\":%s}",
                    i ? "," : "", r.scenario.c_str(), r.profile.c_str(), r.mode.c_str(), r.seconds,
                    static_cast<long long>(r.up), static_cast<long long>(r.down), static_cast<long long>(r.requests),
                    r.limit, r.limit > 0 ? r.seconds / r.limit : 0.0, r.drops, static_cast<long long>(r.resent),
                    r.ok ? "true" : "false");
    }
    std::printf("]}\n");
    return allOk ? 0 : 1;
}
