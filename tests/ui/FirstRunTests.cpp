// A device's first minutes: right after sign-in it syncs by itself, so "New record" offers the
// forms this person may fill (and only those), and a new reviewer's device shows the queue
// with form titles and never offers a decision on a record whose answers are not on screen.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "ui/Language.hpp"

#include <QQmlProperty>
#include <QTest>

using namespace kc::test;

namespace {
QVariant prop(QObject* o, const char* name) { return QQmlProperty::read(o, QString::fromLatin1(name)); }

//! Closes the form chooser with Escape, as a person would, and waits until it is gone.
void closeChooser(AppWindow& app) {
    QObject* chooser = app.window()->findChild<QObject*>(QStringLiteral("formChooser"));
    QTest::keyClick(app.window(), Qt::Key_Escape);
    if (!waitUntil([&] { return !chooser->property("visible").toBool(); }))
        throw std::runtime_error("the form chooser did not close");
    QTest::qWait(300);  // its fade-out, which takes the taps meanwhile
}

QStringList offeredForms(AppWindow& app) {
    QStringList ids;
    QObject* chooser = app.window()->findChild<QObject*>(QStringLiteral("formChooser"));
    for (const auto& f : prop(chooser, "forms").toList())
        ids << f.toMap().value(QStringLiteral("id")).toString();
    ids.sort();
    return ids;
}
} // namespace

TEST_CASE("ui first run: the forms arrive by themselves after sign-in, as many as the role may fill",
          "[ui][first-run]") {
    Language::apply(QStringLiteral("vi"));
    const auto dir = freshTempDir("ui-first-run");
    ServerProcess server(dir / "server", {"--no-demo-activity"});

    // An officer: no "Sync now" pressed, the forms come.
    AppWindow officer(dir / "officer.sqlite3", server.baseUrl(), 360, 640);
    signInWithPassword(officer, "canbo");
    officer.click(QStringLiteral("newRecordButton"));
    REQUIRE(waitUntil([&] { return offeredForms(officer).contains(QStringLiteral("site_survey")); }, 30'000));
    CHECK(offeredForms(officer).contains(QStringLiteral("progress_report")));
    closeChooser(officer);

    // From a facility, only forms about a facility.
    openSection(officer, QStringLiteral("facilities"));
    officer.click(QStringLiteral("facility_0"));
    officer.click(QStringLiteral("newRecordForFacility"));
    REQUIRE(waitUntil([&] { return !offeredForms(officer).isEmpty(); }));
    CHECK(offeredForms(officer) == QStringList({QStringLiteral("equipment_handover"), QStringLiteral("site_survey"),
                                                QStringLiteral("typical_product")}));
    closeChooser(officer);

    // A collaborator is offered the progress report only: what the server would accept.
    AppWindow collaborator(dir / "collaborator.sqlite3", server.baseUrl(), 360, 640);
    signInWithPassword(collaborator, "ctv");
    collaborator.click(QStringLiteral("newRecordButton"));
    REQUIRE(waitUntil([&] { return !offeredForms(collaborator).isEmpty(); }, 30'000));
    CHECK(offeredForms(collaborator) == QStringList({QStringLiteral("progress_report")}));
    closeChooser(collaborator);
    // Their home lists the projects assigned to them, and what was last reported on each.
    QQuickItem* progress = collaborator.waitFor(QStringLiteral("myProjectProgress_0"), 15'000);
    CHECK(prop(progress, "text").toString() == QStringLiteral("Chưa có báo cáo tiến độ"));
    collaborator.click(QStringLiteral("myProject_0"));
    QObject* form = prop(collaborator.waitFor(QStringLiteral("formPage")), "controller").value<QObject*>();
    CHECK(prop(form, "formId").toString() == QStringLiteral("progress_report"));
}

TEST_CASE("ui first run: a new reviewer's device names the queue's forms and decides only on what it shows",
          "[ui][first-run][review]") {
    Language::apply(QStringLiteral("en"));
    const auto dir = freshTempDir("ui-first-run-review");
    ServerProcess server(dir / "server", {"--no-demo-activity"});
    pushMonitoringVisit(server, "canbo");

    AppWindow reviewer(dir / "reviewer.sqlite3", server.baseUrl(), 1280, 800);
    signInWithPassword(reviewer, "duyet");
    openSection(reviewer, QStringLiteral("review"));
    QObject* client = prop(reviewer.waitFor(QStringLiteral("reviewPage")), "client").value<QObject*>();
    // The queue's entry carries the form's title once the forms have arrived by themselves.
    REQUIRE(waitUntil([&] {
        const auto queue = prop(client, "queue").toList();
        return !queue.isEmpty() && queue[0].toMap().value(QStringLiteral("form_title")) == QStringLiteral("Monitoring visit");
    }, 30'000));
    reviewer.click(QStringLiteral("queue_0"));
    QQuickItem* detail = reviewer.waitFor(QStringLiteral("reviewDetail"));
    // Approve is offered with the answers on screen, never before.
    REQUIRE(waitUntil([&] { return reviewer.find(QStringLiteral("approveButton")) != nullptr; }, 15'000));
    CHECK_FALSE(prop(client, "answers").toList().isEmpty());
    CHECK(prop(detail, "reviewable").toBool());
}
