// What the reviewer approves is what the officer sent: whatever was opened before, however
// the filters were switched and the device synced, every answer on the review screen is the
// server's current revision of the record its title names.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "models/AnswerSheet.hpp"
#include "store/AppStore.hpp"
#include "store/LocalStore.hpp"
#include "ui/Language.hpp"

#include "../support/NoisyPhoto.hpp"

#include <QQmlProperty>
#include <QTest>

#include <functional>

using namespace kc::test;

namespace {

QVariant prop(QObject* o, const char* name) { return QQmlProperty::read(o, QString::fromLatin1(name)); }

//! True when every photo in `item`'s tree has arrived and is drawn; `seen` says what each is.
bool photosShown(QQuickItem* item, QStringList& seen) {
    bool all = true;
    if (item->inherits("QQuickImage") && item->isVisible()) {
        seen << item->property("source").toString() + "=" + item->property("status").toString();
        all = item->property("status").toInt() == 1;  // Image.Ready
    }
    for (QQuickItem* child : item->childItems())
        all = photosShown(child, seen) && all;
    return all;
}

QVariantMap current(QQuickItem* detail) { return prop(detail, "current").toMap(); }

} // namespace

TEST_CASE("ui review: whatever was opened before, every answer shown is the server's revision of the record named",
          "[ui][review]") {
    Language::apply(QStringLiteral("en"));
    const auto dir = freshTempDir("ui-review-screen");
    ServerProcess server(dir / "server", {"--no-demo-activity"});
    const std::string first = pushSiteSurvey(server, "canbo", "Miến dong", noisyPhoto(1, 640, 480, 80));
    const std::string second = pushSiteSurvey(server, "canbo", "Chè Giảo cổ lam", noisyPhoto(2, 640, 480, 80));
    pushSiteSurvey(server, "canbo", "Chè Giảo cổ lam loại 1", noisyPhoto(3, 640, 480, 80), second, 1);  // revision 2
    const std::string visit = pushMonitoringVisit(server, "canbo");

    AppWindow reviewer(dir / "reviewer.sqlite3", server.baseUrl(), 1280, 800);
    signInWithPassword(reviewer, "duyet");
    syncAndWait(reviewer);
    openSection(reviewer, QStringLiteral("review"));
    auto* store = reviewer.root()->property("store").value<AppStore*>();
    REQUIRE(store);
    // The review page (and its client) is made anew each time the section is opened.
    QObject* client = nullptr;

    int step = 0;
    const auto openAndCompare = [&](const std::string& id) {
        ++step;
        INFO("step " << step << ": opening " << id << " (first " << first << ", second " << second << ", visit " << visit << ")");
        client = prop(reviewer.waitFor(QStringLiteral("reviewPage")), "client").value<QObject*>();
        REQUIRE(client);
        REQUIRE(waitUntil([&] { return !prop(client, "queue").toList().isEmpty(); }, 15'000));
        int row = -1;
        const auto queue = prop(client, "queue").toList();
        for (int i = 0; i < queue.size(); ++i)
            if (queue[i].toMap().value(QStringLiteral("id")).toString().toStdString() == id)
                row = i;
        REQUIRE(row >= 0);
        reviewer.click(QStringLiteral("queue_%1").arg(row));
        QQuickItem* detail = nullptr;
        REQUIRE(waitUntil([&] {
            detail = reviewer.find(QStringLiteral("reviewDetail"));
            return detail && prop(detail, "current").toMap().value(QStringLiteral("id")).toString().toStdString() == id;
        }, 15'000));
        QQuickItem* list = reviewer.waitFor(QStringLiteral("reviewAnswers"));
        // The photos arrive after the answers: wait for them, they are what broke the screen.
        QStringList seen;
        const bool arrived = waitUntil([&] { seen.clear(); return photosShown(list, seen) && !seen.isEmpty(); }, 20'000);
        INFO("photos: " << seen.join(QStringLiteral(", ")).toStdString());
        if (current(detail).value(QStringLiteral("form_id")) == QStringLiteral("site_survey"))
            REQUIRE(arrived);
        QTest::qWait(100);

        const auto answers = serverAnswers(server, id);
        const auto current = prop(detail, "current").toMap();
        const auto form = store->local()->latestForm(current.value(QStringLiteral("form_id")).toString().toStdString());
        REQUIRE(form);
        const QVariantList expected = answers::readable(*form->form, answers, store->local());
        const QVariantList shown = prop(list, "model").toList();
        REQUIRE(shown.size() == expected.size());
        for (int i = 0; i < shown.size(); ++i) {
            INFO("row " << i << ": " << expected[i].toMap().value(QStringLiteral("path")).toString().toStdString());
            CHECK(shown[i].toMap().value(QStringLiteral("path")) == expected[i].toMap().value(QStringLiteral("path")));
            CHECK(shown[i].toMap().value(QStringLiteral("text")) == expected[i].toMap().value(QStringLiteral("text")));
        }
        const std::string state = serverState(server, id);
        CHECK(state.substr(state.find('@') + 1) == current.value(QStringLiteral("revision")).toString().toStdString());
    };

    openAndCompare(first);
    openAndCompare(second);  // after a record whose photo arrived: the screen moved with it
    openAndCompare(visit);
    openAndCompare(first);

    // Switch the state filter to every state and back, through the widget, then sync.
    client = prop(reviewer.waitFor(QStringLiteral("reviewPage")), "client").value<QObject*>();
    reviewer.click(QStringLiteral("stateFilter"));
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(reviewer.window(), Qt::Key_Down);
    QTest::keyClick(reviewer.window(), Qt::Key_Return);
    REQUIRE(waitUntil([&] { return prop(client, "filters").toMap().value(QStringLiteral("state")).toString().isEmpty(); }));
    openAndCompare(second);
    syncAndWait(reviewer);
    openSection(reviewer, QStringLiteral("review"));
    openAndCompare(visit);
    openAndCompare(second);

    // A photo opens full size and zooms in, to read a nameplate.
    QQuickItem* photo = nullptr;
    std::function<void(QQuickItem*)> firstPhoto = [&](QQuickItem* item) {
        if (!photo && item->inherits("QQuickImage") && item->isVisible() && item->property("status").toInt() == 1)
            photo = item;
        for (QQuickItem* child : item->childItems())
            firstPhoto(child);
    };
    QQuickItem* answersList = reviewer.waitFor(QStringLiteral("reviewAnswers"));
    // The photos end the list: brought whole into view first, as a person scrolls to them.
    QMetaObject::invokeMethod(answersList, "positionViewAtEnd");
    QTest::qWait(300);
    firstPhoto(answersList);
    REQUIRE(photo);
    reviewer.click(photo);
    QQuickItem* area = reviewer.waitFor(QStringLiteral("photoZoomArea"), 15'000);
    CHECK(area->property("contentWidth").toReal() == Approx(area->width()));
    reviewer.click(QStringLiteral("photoZoomIn"));
    reviewer.click(QStringLiteral("photoZoomIn"));
    CHECK(area->property("contentWidth").toReal() == Approx(area->width() * 2.25));
    reviewer.click(QStringLiteral("photoClose"));
    REQUIRE(waitUntil([&] { return reviewer.find(QStringLiteral("photoZoomArea")) == nullptr; }));
}
