// One network owner: every client of the app (sync, review, reports) makes its requests
// through the Session's ApiClient, against the real kcfield-server on 127.0.0.1; and the
// device's store says itself what it changed.
#include "AppTestSupport.hpp"

#include "reports/ReportClient.hpp"
#include "review/ReviewClient.hpp"
#include "sync/ApiClient.hpp"
#include "sync/Session.hpp"
#include "sync/SyncEngine.hpp"

#include "../support/HttpClient.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace kc;
using kc::test::ServerProcess;

namespace {

void signIn(Session& session, const ServerProcess& server, const char* user, const char* password = "khuyencong") {
    session.signIn(test::qs(server.baseUrl()), QString::fromLatin1(user), QString::fromLatin1(password));
    REQUIRE(QTest::qWaitFor([&] { return !session.busy(); }, 60'000));
    INFO(session.errorString().toStdString());
}

} // namespace

TEST_CASE("one client: review, reports and sync use the session's sign-in, and a revoked one ends it for all",
          "[app][e2e][auth]") {
    test::StoreFixture f("one-client");
    ServerProcess server(f.dir / "server", {"--demo-activity"});
    Session session;
    session.setStore(&f.store);
    signIn(session, server, "duyet");
    REQUIRE(session.signedIn());
    SyncEngine sync;
    sync.setStore(&f.store);
    sync.setSession(&session);
    ReviewClient review;
    review.setStore(&f.store);
    review.setSession(&session);
    ReportClient report;
    report.setSession(&session);

    QSignalSpy finished(&sync, &SyncEngine::finished);
    sync.syncNow();
    REQUIRE(finished.wait(120'000));
    CHECK(finished.first().at(0).toBool());
    review.setFilters({{QStringLiteral("state"), QString()}});  // every state; this loads the queue
    REQUIRE(QTest::qWaitFor([&] { return !review.busy(); }, 30'000));
    INFO(review.errorString().toStdString());
    CHECK(review.errorString().isEmpty());
    CHECK_FALSE(review.queue().isEmpty());
    for (const auto& item : review.queue()) {  // only a submitted record may be decided on
        const auto head = item.toMap();
        CHECK(head.value(QStringLiteral("reviewable")).toBool() ==
              (head.value(QStringLiteral("state")).toString() == QStringLiteral("submitted")));
    }

    // Revoked elsewhere: the next request of any client ends the sign-in on this device,
    // once, and keeps everything on it.
    const auto out = test::httpRequest(server.port(), "POST", "/v1/auth/sign-out", "{}",
                                       {{"authorization", "Bearer " + session.token().toStdString()}});
    REQUIRE(out.status == 204);
    QSignalSpy userChanges(&session, &Session::userChanged);
    report.refresh();
    REQUIRE(QTest::qWaitFor([&] { return !report.busy(); }, 30'000));
    CHECK_FALSE(session.signedIn());
    CHECK(session.errorString().contains(QStringLiteral("Sign in again")));
    CHECK(report.errorString().contains(QStringLiteral("Sign in again")));
    CHECK(userChanges.count() == 1);
    CHECK_FALSE(f.local().latestForms().empty());

    // Signed in again, every client has the new token without being told.
    signIn(session, server, "duyet");
    REQUIRE(session.signedIn());
    report.refresh();
    REQUIRE(QTest::qWaitFor([&] { return !report.busy(); }, 30'000));
    INFO(report.errorString().toStdString());
    CHECK_FALSE(report.report().isEmpty());
    review.refresh();
    REQUIRE(QTest::qWaitFor([&] { return !review.busy(); }, 30'000));
    CHECK(review.errorString().isEmpty());
    CHECK_FALSE(review.queue().isEmpty());
}

TEST_CASE("one client: a wrong password while signed in says so and ends nothing", "[app][e2e][auth]") {
    test::StoreFixture f("one-client-wrong-password");
    ServerProcess server(f.dir / "server");
    Session session;
    session.setStore(&f.store);
    signIn(session, server, "canbo");
    REQUIRE(session.signedIn());
    const QByteArray token = session.token();
    signIn(session, server, "canbo", "sai");
    CHECK(session.errorString().contains(QStringLiteral("Wrong username or password")));
    CHECK(session.signedIn());
    CHECK(session.token() == token);
}

TEST_CASE("one client: cancelling one owner's requests leaves the others', and a gone owner is not called back",
          "[app][e2e]") {
    test::StoreFixture f("one-client-owners");
    ServerProcess server(f.dir / "server");
    ApiClient api;
    api.setServer(QUrl(test::qs(server.baseUrl())));
    QObject sync, review;
    int syncAnswers = 0, reviewAnswers = 0, goneAnswers = 0;
    api.getJson(&sync, QStringLiteral("/healthz"), [&](const ApiResult&) { ++syncAnswers; });
    api.getJson(&review, QStringLiteral("/healthz"), [&](const ApiResult& r) {
        CHECK(r.ok());
        ++reviewAnswers;
    });
    {
        auto gone = std::make_unique<QObject>();
        api.getJson(gone.get(), QStringLiteral("/healthz"), [&](const ApiResult&) { ++goneAnswers; });
        CHECK(api.busy(gone.get()));
    }
    CHECK(api.busy(&sync));
    api.cancel(&sync);
    CHECK_FALSE(api.busy(&sync));
    CHECK(api.busy(&review));
    REQUIRE(QTest::qWaitFor([&] { return reviewAnswers == 1; }, 15'000));
    QTest::qWait(200);
    CHECK(syncAnswers == 0);
    CHECK(goneAnswers == 0);
    CHECK_FALSE(api.busy(&review));
}

TEST_CASE("the device's store tells what it changed, once per change or per group, and nothing for reads",
          "[app][store]") {
    test::StoreFixture f("store-changes");
    test::putLibraryForm(f.local(), "progress_report");
    QSignalSpy submissions(&f.store, &AppStore::submissionsChanged);
    QSignalSpy registers(&f.store, &AppStore::registersChanged);
    QSignalSpy forms(&f.store, &AppStore::formsChanged);
    auto& local = f.local();

    const std::string id = local.createDraft("progress_report");
    CHECK(submissions.count() == 1);
    local.saveDraft(id, {{"percent_done", 10}});
    CHECK(submissions.count() == 2);
    (void)local.submission(id);
    (void)local.countByState();
    (void)local.outbox(10);
    CHECK(submissions.count() == 2);
    {
        const app::LocalStore::ChangeGroup group(local);
        local.finalize(id, {});
        local.markSending({id});
        local.requeueSending();
        CHECK(submissions.count() == 2);  // not yet: the group is open
    }
    CHECK(submissions.count() == 3);
    CHECK(registers.count() == 0);
    CHECK(forms.count() == 0);

    // A refused change changes nothing and says nothing.
    CHECK_THROWS(local.saveDraft(id, {}));
    CHECK(submissions.count() == 3);

    local.putProject(json::parse(R"({"id":"p1","code":"KC-01","title":"Lò sấy","year":2026,
        "funding_source":"local","activity_type":"advanced_machinery","province":"04",
        "status":"in_progress","extension_funding":300000000,"counterpart_capital":100000000,
        "investment_attracted":0,"jobs_created":4,"beneficiaries":[]})").as_object());
    CHECK(registers.count() == 1);
    CHECK(submissions.count() == 3);
}
