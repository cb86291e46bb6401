// The app's core against the real kcfield-server on 127.0.0.1: a device store in a real
// SQLite file, the Session and SyncEngine on Qt Network, the server started, killed and
// restarted by the test.
#include "AppTestSupport.hpp"
#include "SyncDevice.hpp"

#include "capture/MediaCapture.hpp"
#include "models/FormController.hpp"
#include "sync/ApiClient.hpp"
#include "sync/Session.hpp"
#include "sync/SyncEngine.hpp"

#include "../support/HttpClient.hpp"
#include "../support/NoisyPhoto.hpp"

#include "kc/forms/FormLibrary.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <QTranslator>

#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <fstream>
#include <set>

using namespace kc;
using kc::test::ServerProcess;
using kc::test::Device;
using kc::test::signInHttp;

namespace {

std::map<std::string, std::string> bearer(const std::string& token) {
    return {{"authorization", "Bearer " + token}};
}

boost::json::value serverSubmission(const ServerProcess& server, const std::string& token,
                                    const std::string& id) {
    const auto reply = test::httpRequest(server.port(), "GET", "/v1/submissions/" + id, {}, bearer(token));
    INFO(reply.body);
    REQUIRE(reply.status == 200);
    return json::parse(reply.body);
}

//! Every submission id the reviewer sees, with how many times each is listed.
std::map<std::string, int> serverIds(const ServerProcess& server, const std::string& token) {
    std::map<std::string, int> ids;
    std::string before;
    for (;;) {
        const auto reply = test::httpRequest(server.port(), "GET",
                                             "/v1/submissions?limit=200" + (before.empty() ? "" : "&before=" + before),
                                             {}, bearer(token));
        REQUIRE(reply.status == 200);
        const auto page = json::parse(reply.body);
        for (const auto& s : page.at("submissions").as_array())
            ++ids[std::string(s.at("id").as_string())];
        if (page.at("next").is_null())
            return ids;
        before = std::string(page.at("next").as_string());
    }
}

//! A reviewer's POST /v1/submissions/{id}/{what} ("review", "resolve"), which must succeed.
void decide(const ServerProcess& server, const std::string& token, const std::string& id, const std::string& what,
            const std::string& body) {
    const auto reply = test::httpRequest(server.port(), "POST", "/v1/submissions/" + id + "/" + what,
                                         body, bearer(token));
    INFO(reply.body);
    REQUIRE(reply.status == 200);
}
void review(const ServerProcess& server, const std::string& token, const std::string& id,
            const std::string& body) {
    decide(server, token, id, "review", body);
}

std::vector<std::string> args(unsigned short port) {
    return {"--listen", "127.0.0.1:" + std::to_string(port)};
}

} // namespace

TEST_CASE("e2e app: made offline, synced later: the server holds it once, the device its receipt",
          "[app][e2e]") {
    const auto dataDir = test::freshTempDir("app-e2e-offline");
    auto server = std::make_unique<ServerProcess>(dataDir);
    const unsigned short port = server->port();
    Device device("app-e2e-offline-device");
    device.signIn(*server, "canbo");
    CHECK(device.session.role() == QStringLiteral("officer"));
    CHECK(device.session.provinces() == QStringList{QStringLiteral("04")});
    REQUIRE(device.syncOnce());
    CHECK(device.local().latestForm("progress_report"));
    CHECK(device.local().facilityCount() > 0);
    CHECK(device.sync.lastSync().isValid());

    REQUIRE(server->stop(SIGTERM) == 0); // out of signal
    const std::string id = device.report(device.firstProject(), 0);
    CHECK_FALSE(device.syncOnce());
    CHECK(device.sync.lastError().contains(QStringLiteral("Cannot reach the server")));
    CHECK(device.local().submission(id)->state == "queued"); // kept, waiting

    server = std::make_unique<ServerProcess>(dataDir, args(port));
    REQUIRE(device.syncOnce());
    const auto held = device.local().submission(id);
    CHECK(held->state == "sent");
    CHECK(held->revision == 1);
    REQUIRE(held->receipt);
    CHECK_THAT(*held->receipt, Catch::Contains("\"accepted\""));

    REQUIRE(device.syncOnce()); // nothing left to send: nothing sent twice
    const std::string reviewer = signInHttp(*server, "duyet");
    const auto ids = serverIds(*server, reviewer);
    REQUIRE(ids.count(id) == 1);
    CHECK(ids.at(id) == 1);
    CHECK(serverSubmission(*server, reviewer, id).at("revisions").as_array().size() == 1);
}

TEST_CASE("e2e app: the server is killed mid-upload and mid-push, after restarts nothing is lost or "
          "doubled, and uploads resume", "[app][e2e][kill]") {
    const auto dataDir = test::freshTempDir("app-e2e-kill");
    auto server = std::make_unique<ServerProcess>(dataDir);
    const unsigned short port = server->port();
    Device device("app-e2e-kill-device");
    device.sync.setChunkSize(64 * 1024);
    device.signIn(*server, "canbo");
    REQUIRE(device.syncOnce());

    MediaCapture capture;
    capture.setStore(&device.f.store);
    const std::string project = device.firstProject();
    std::vector<std::string> ids;
    qint64 totalBytes = 0;
    for (quint32 i = 0; i < 24; ++i) {
        const QString photo = capture.importPhotoBytes(test::noisyPhoto(i + 1, 900, 675, 60));
        REQUIRE(photo.size() == 64);
        totalBytes += device.local().attachment(photo.toStdString())->size;
        ids.push_back(device.report(project, 50, photo));
    }

    // 1. Killed while the photos go up.
    const int serverPid = server->pid();
    bool killed = false;
    auto killMidUpload = QObject::connect(&device.sync, &SyncEngine::progressChanged, [&] {
        if (!killed && device.sync.phase() == SyncEngine::Phase::Attachments &&
            device.sync.bytesSent() > totalBytes / 3) {
            killed = true;
            ::kill(serverPid, SIGKILL);
        }
    });
    CHECK_FALSE(device.syncOnce());
    QObject::disconnect(killMidUpload);
    REQUIRE(killed);
    CHECK(server->stop(SIGKILL) >= 0);
    const qint64 acknowledgedBefore = device.sync.bytesSent();
    for (const auto& id : ids)
        CHECK(device.local().submission(id)->state == "queued");

    // 2. Restarted, then killed the moment the batch of reports has been handed over.
    server = std::make_unique<ServerProcess>(dataDir, args(port));
    const int secondPid = server->pid();
    killed = false;
    qint64 resumedBytes = -1;
    auto killMidPush = QObject::connect(&device.sync, &SyncEngine::batchSent, [&] {
        if (!killed) {
            killed = true;
            resumedBytes = device.sync.bytesSent();
            ::kill(secondPid, SIGKILL);
        }
    });
    CHECK_FALSE(device.syncOnce());
    QObject::disconnect(killMidPush);
    REQUIRE(killed);
    server->stop(SIGKILL);
    // The photos were resumed from the server's offsets, not sent again from the start.
    CHECK(resumedBytes > 0);
    CHECK(resumedBytes <= totalBytes - acknowledgedBefore);
    for (const auto& id : ids) {
        const auto state = device.local().submission(id)->state;
        CHECK((state == "queued" || state == "sent")); // never stuck in "sending"
    }

    // 3. Restarted again: the sync completes.
    server = std::make_unique<ServerProcess>(dataDir, args(port));
    REQUIRE(device.syncOnce());
    CHECK(device.sync.bytesSent() == 0); // every photo was already complete on the server
    const std::string reviewer = signInHttp(*server, "duyet");
    const auto onServer = serverIds(*server, reviewer);
    for (const auto& id : ids) {
        const auto held = device.local().submission(id);
        CHECK(held->state == "sent");
        CHECK(held->receipt);
        REQUIRE(onServer.count(id) == 1);
        CHECK(onServer.at(id) == 1);
        CHECK(serverSubmission(*server, reviewer, id).at("revisions").as_array().size() == 1);
    }
    CHECK(device.local().outbox(100).empty());
}

TEST_CASE("e2e app: a returned submission arrives with the comment, the fix is a new revision, "
          "approved", "[app][e2e][review]") {
    ServerProcess server(test::freshTempDir("app-e2e-review"));
    Device device("app-e2e-review-device");
    device.signIn(server, "canbo");
    REQUIRE(device.syncOnce());
    const std::string id = device.report(device.firstProject(), 0);
    REQUIRE(device.syncOnce());

    const std::string reviewer = signInHttp(server, "duyet");
    review(server, reviewer, id,
           R"({"action":"return","revision":1,"comment":"Số lao động chưa đúng","fields":["jobs_created"]})");
    REQUIRE(device.syncOnce());
    auto held = device.local().submission(id);
    CHECK(held->state == "returned");
    CHECK(held->reviewComment == "Số lao động chưa đúng");
    CHECK(held->reviewFields == std::vector<std::string>{"jobs_created"});

    FormController form;
    form.setStore(&device.f.store);
    REQUIRE(form.open(test::qs(id)));
    CHECK(form.reviewComment() == QStringLiteral("Số lao động chưa đúng"));
    CHECK(form.editable());
    REQUIRE(form.setAnswer(QStringLiteral("jobs_created"), 7));
    CHECK(form.state() == QStringLiteral("draft"));
    REQUIRE(form.finalize());
    REQUIRE(device.syncOnce());
    held = device.local().submission(id);
    CHECK(held->state == "sent");
    CHECK(held->revision == 2);

    const auto onServer = serverSubmission(server, reviewer, id);
    CHECK(onServer.at("revision").as_int64() == 2);
    CHECK(onServer.at("state").as_string() == "submitted");
    CHECK(onServer.at("conflict").as_bool() == false);
    review(server, reviewer, id, R"({"action":"approve","revision":2})");
    REQUIRE(device.syncOnce());
    CHECK(device.local().submission(id)->state == "approved");
}

TEST_CASE("e2e app: two phones of one officer fix the same return, and each shows the revision the reviewer lets stand",
          "[app][e2e][review][conflict]") {
    ServerProcess server(test::freshTempDir("app-e2e-conflict"));
    Device first("app-e2e-conflict-first");
    Device second("app-e2e-conflict-second");
    first.signIn(server, "canbo");
    second.signIn(server, "canbo");
    REQUIRE(first.syncOnce());
    const std::string id = first.report(first.firstProject(), 0);
    REQUIRE(first.syncOnce());
    const std::string reviewer = signInHttp(server, "duyet");
    review(server, reviewer, id, R"({"action":"return","revision":1,"comment":"Sửa số lao động"})");
    REQUIRE(first.syncOnce());
    REQUIRE(second.syncOnce());  // the second phone never held it: the answers are fetched
    REQUIRE(second.local().submission(id)->answers.contains("percent_done"));

    // Both correct revision 1: the first phone's is revision 2, the second's a conflict (3).
    const auto fix = [&](Device& device, int jobs) {
        FormController form;
        form.setStore(&device.f.store);
        REQUIRE(form.open(test::qs(id)));
        REQUIRE(form.setAnswer(QStringLiteral("jobs_created"), jobs));
        REQUIRE(form.finalize());
        REQUIRE(device.syncOnce());
    };
    fix(first, 7);
    fix(second, 9);
    CHECK(second.local().submission(id)->conflict);
    // While the reviewer has not chosen, each phone shows what its officer sent.
    CHECK(second.local().submission(id)->answers.at("jobs_created").to_number<std::int64_t>() == 9);
    REQUIRE(first.syncOnce());
    CHECK(first.local().submission(id)->answers.at("jobs_created").to_number<std::int64_t>() == 7);
    CHECK(serverSubmission(server, reviewer, id).at("conflict").as_bool());

    SECTION("the reviewer keeps the first phone's revision: the second phone shows it") {
        decide(server, reviewer, id, "resolve", R"({"revision":2,"seen":3})");
        REQUIRE(second.syncOnce());
        const auto held = second.local().submission(id);
        CHECK(held->revision == 2);
        CHECK_FALSE(held->conflict);
        CHECK(held->answers.at("jobs_created").to_number<std::int64_t>() == 7);
        REQUIRE(first.syncOnce());
        CHECK(first.local().submission(id)->answers.at("jobs_created").to_number<std::int64_t>() == 7);
    }
    SECTION("the reviewer lets the second phone's revision stand: the first phone shows it") {
        decide(server, reviewer, id, "resolve", R"({"revision":3,"seen":3})");
        REQUIRE(first.syncOnce());
        const auto held = first.local().submission(id);
        CHECK(held->revision == 3);
        CHECK(held->state == "sent");
        CHECK(held->answers.at("jobs_created").to_number<std::int64_t>() == 9);
        REQUIRE(second.syncOnce());
        CHECK_FALSE(second.local().submission(id)->conflict);
        CHECK(second.local().submission(id)->answers.at("jobs_created").to_number<std::int64_t>() == 9);
    }
}

TEST_CASE("e2e app: the form changes version while a draft is open, the draft survives and is sent "
          "on the new version", "[app][e2e][forms]") {
    const auto dataDir = test::freshTempDir("app-e2e-version");
    ServerProcess server(dataDir);
    Device device("app-e2e-version-device");
    device.signIn(server, "canbo");
    REQUIRE(device.syncOnce());
    const std::string project = device.firstProject();

    FormController form;
    form.setStore(&device.f.store);
    REQUIRE(form.begin(QStringLiteral("progress_report"), {{QStringLiteral("project"), test::qs(project)}}));
    form.setAnswer(QStringLiteral("period_start"), QStringLiteral("2026-01-01"));
    form.setAnswer(QStringLiteral("jobs_created"), 3);
    const QString id = form.submissionId();

    // Version 2 drops jobs_created and adds a note field.
    auto definition = json::parse([] {
        for (const auto& f : forms::formLibrary())
            if (f.id == "progress_report")
                return std::string(f.json);
        return std::string();
    }());
    auto& d = definition.as_object();
    d["version"] = 2;
    auto& questions = d["questions"].as_array();
    for (auto it = questions.begin(); it != questions.end(); ++it)
        if (it->as_object().at("name") == "jobs_created") {
            questions.erase(it);
            break;
        }
    questions.push_back(boost::json::object{{"name", "remarks"}, {"type", "text"},
                                            {"label", {{"vi", "Ghi chú"}, {"en", "Remarks"}}}});
    const auto file = dataDir / "progress_report_v2.json";
    std::ofstream(file) << json::serialize(definition);
    const std::string publish = std::string(KC_SERVER_BINARY) + " forms publish " + file.string() +
                                " --data " + dataDir.string() + " > /dev/null";
    REQUIRE(std::system(publish.c_str()) == 0);

    REQUIRE(device.syncOnce());
    CHECK(device.local().latestForm("progress_report")->version == 2);
    // The open draft keeps working on the version it was begun on.
    REQUIRE(form.setAnswer(QStringLiteral("period_end"), QStringLiteral("2026-06-30")));
    CHECK(form.formVersion() == 1);

    FormController reopened;
    reopened.setStore(&device.f.store);
    REQUIRE(reopened.open(id));
    CHECK(reopened.formVersion() == 2);
    CHECK(reopened.answer(QStringLiteral("period_end")).toString() == QStringLiteral("2026-06-30"));
    REQUIRE(reopened.lostAnswers().size() == 1);
    CHECK(reopened.lostAnswers().at(0).toMap().value(QStringLiteral("path")).toString() ==
          QStringLiteral("jobs_created"));
    reopened.setAnswer(QStringLiteral("percent_done"), 0);
    reopened.setAnswer(QStringLiteral("amount_disbursed"), 1000);
    reopened.setAnswer(QStringLiteral("has_difficulties"), QStringLiteral("no"));
    reopened.setAnswer(QStringLiteral("remarks"), QStringLiteral("Đã bổ sung"));
    REQUIRE(reopened.finalize());
    REQUIRE(device.syncOnce());
    CHECK(device.local().submission(id.toStdString())->state == "sent");

    const std::string reviewer = signInHttp(server, "duyet");
    CHECK(serverSubmission(server, reviewer, id.toStdString()).at("form_version").as_int64() == 2);
}

TEST_CASE("e2e app: a revoked sign-in asks to sign in again and keeps the outbox", "[app][e2e][auth]") {
    ServerProcess server(test::freshTempDir("app-e2e-revoked"));
    Device device("app-e2e-revoked-device");
    device.signIn(server, "canbo");
    REQUIRE(device.syncOnce());
    const std::string id = device.report(device.firstProject(), 0);

    // The token is revoked elsewhere (signed out from the server side).
    const auto out = test::httpRequest(server.port(), "POST", "/v1/auth/sign-out", "{}",
                                       bearer(device.session.token().toStdString()));
    REQUIRE(out.status == 204);
    CHECK_FALSE(device.syncOnce());
    CHECK(device.sync.state() == SyncEngine::State::SignInNeeded);
    CHECK_FALSE(device.session.signedIn());
    CHECK(device.session.errorString().contains(QStringLiteral("Sign in again")));
    CHECK(device.local().submission(id)->state == "queued");

    // A wrong password says so; the right one resumes the sync by itself when automatic.
    device.session.signIn(test::qs(server.baseUrl()), QStringLiteral("canbo"), QStringLiteral("sai"));
    REQUIRE(QTest::qWaitFor([&] { return !device.session.busy(); }, 30'000));
    REQUIRE(QTest::qWaitFor([&] { return !device.session.errorString().isEmpty(); }, 30'000));
    CHECK(device.session.errorString().contains(QStringLiteral("Wrong username or password")));
    device.signIn(server, "canbo");
    REQUIRE(device.syncOnce());
    CHECK(device.local().submission(id)->state == "sent");

    // Another account cannot sign in over unsent work of this one.
    const std::string second = device.report(device.firstProject(), 0);
    device.session.signIn(test::qs(server.baseUrl()), QStringLiteral("duyet"), QStringLiteral("khuyencong"));
    REQUIRE(QTest::qWaitFor([&] { return !device.session.errorString().isEmpty(); }, 60'000));
    CHECK(device.session.errorString().contains(QStringLiteral("another account")));
    CHECK(device.session.username() == QStringLiteral("canbo"));
    CHECK(device.local().submission(second)->state == "queued");
}

TEST_CASE("e2e app: a device enrols with the QR code's link, and a used code is refused in plain words",
          "[app][e2e][auth]") {
    ServerProcess server(test::freshTempDir("app-e2e-enroll"));
    const std::string admin = signInHttp(server, "quantri");
    const auto issued = test::httpRequest(server.port(), "POST", "/v1/admin/enrollment-codes",
                                          R"({"username":"ctv","device":"Máy của chị Lan"})", bearer(admin));
    REQUIRE(issued.status == 201);
    const std::string code(json::parse(issued.body).at("code").as_string());
    const QString link = QStringLiteral("kcfield://enroll?server=%1&code=%2")
                             .arg(QString::fromStdString(server.baseUrl()), test::qs(code));

    Device device("app-e2e-enroll-device");
    device.session.enroll(QString(), link); // the server comes from the link
    REQUIRE(QTest::qWaitFor([&] { return device.session.signedIn() || !device.session.errorString().isEmpty(); },
                            30'000));
    REQUIRE(device.session.signedIn());
    CHECK(device.session.username() == QStringLiteral("ctv"));
    CHECK(device.session.role() == QStringLiteral("collaborator"));
    REQUIRE(device.syncOnce());
    CHECK_FALSE(device.local().searchProjects("", 10).empty()); // the assigned project arrived

    Device second("app-e2e-enroll-second");
    second.session.enroll(test::qs(server.baseUrl()), test::qs(code));
    REQUIRE(QTest::qWaitFor([&] { return !second.session.errorString().isEmpty(); }, 30'000));
    CHECK(second.session.errorString().contains(QStringLiteral("already used")));
    CHECK_FALSE(second.session.signedIn());
}

TEST_CASE("e2e app: a sync can be cancelled, and with the server gone it retries with backoff",
          "[app][e2e][backoff]") {
    const auto dataDir = test::freshTempDir("app-e2e-backoff");
    auto server = std::make_unique<ServerProcess>(dataDir);
    const unsigned short port = server->port();
    Device device("app-e2e-backoff-device");
    device.signIn(*server, "canbo");
    REQUIRE(device.syncOnce());
    const std::string id = device.report(device.firstProject(), 0);

    QSignalSpy done(&device.sync, &SyncEngine::finished);
    device.sync.syncNow();
    CHECK(device.sync.state() == SyncEngine::State::Syncing);
    device.sync.cancel();
    CHECK(device.sync.state() == SyncEngine::State::Idle);
    REQUIRE(done.count() == 1);
    CHECK(device.sync.lastError().contains(QStringLiteral("cancelled")));
    CHECK(device.local().submission(id)->state == "queued");

    REQUIRE(server->stop(SIGTERM) == 0);
    device.sync.setBackoff(300, 2'000);
    device.sync.setAutomatic(true);
    CHECK_FALSE(device.syncOnce());
    CHECK(device.sync.state() == SyncEngine::State::Waiting);
    CHECK(device.sync.retryIn() > 0);
    CHECK(device.sync.retryIn() <= 315); // the first pause is at most 300 ms (Qt rounds timers by up to 5 %)
    // It keeps trying by itself; once the server is back, the report goes through.
    server = std::make_unique<ServerProcess>(dataDir, args(port));
    REQUIRE(QTest::qWaitFor([&] {
        return device.local().submission(id)->state == "sent" &&
               device.sync.state() == SyncEngine::State::Idle;
    }, 30'000));
    CHECK(device.sync.lastError().isEmpty());
    device.sync.setAutomatic(false);
}

TEST_CASE("a busy or full server is explained to the officer in their language, with when it is tried again",
          "[app][sync][errors]") {
    ApiResult busy;
    busy.status = 503;
    busy.errorCode = QStringLiteral("busy");
    busy.retryAfter = 2;
    ApiResult full;
    full.status = 507;
    full.errorCode = QStringLiteral("storage_full");
    full.retryAfter = 60;
    const QUrl server(QStringLiteral("http://127.0.0.1:8080"));
    CHECK(ApiClient::describe(busy, server) ==
          QStringLiteral("The server is busy. Your work is kept on this device; it is sent again in 2 second(s)."));
    CHECK(ApiClient::describe(full, server).contains(QStringLiteral("storage is full")));
    QTranslator vietnamese;
    REQUIRE(vietnamese.load(QStringLiteral(":/i18n/kcfield_vi.qm")));
    QCoreApplication::installTranslator(&vietnamese);
    const QString busyVi = ApiClient::describe(busy, server);
    const QString fullVi = ApiClient::describe(full, server);
    QCoreApplication::removeTranslator(&vietnamese);
    CHECK(busyVi == QStringLiteral("Máy chủ đang bận. Công việc của bạn vẫn được giữ trên máy; sẽ gửi lại sau 2 giây."));
    CHECK(fullVi.startsWith(QStringLiteral("Bộ nhớ của máy chủ đã đầy")));
}
