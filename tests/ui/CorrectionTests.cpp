// Nothing a person types is dropped: an officer correcting a returned record taps from one
// answer to the next and types, as on a phone, and the server ends up with every keystroke.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "ui/Language.hpp"

#include "../support/NoisyPhoto.hpp"

#include <QQmlProperty>
#include <QTest>

using namespace kc::test;

namespace {
QVariant prop(QObject* o, const char* name) { return QQmlProperty::read(o, QString::fromLatin1(name)); }

QString shownText(AppWindow& app, const QString& name) { return prop(app.waitFor(name), "text").toString(); }
} // namespace

TEST_CASE("ui correction: the first edits of a returned record, typed field after field, all reach the server",
          "[ui][correction]") {
    Language::apply(QStringLiteral("vi"));
    const auto dir = freshTempDir("ui-correction");
    ServerProcess server(dir / "server", {"--no-demo-activity"});
    const std::string id = pushSiteSurvey(server, "canbo", "Miến dong", noisyPhoto(4, 640, 480, 80));
    reviewHttp(server, id, "return", "Ghi lại công suất và số lao động");
    REQUIRE(serverState(server, id) == "returned@1");

    AppWindow officer(dir / "officer.sqlite3", server.baseUrl(), 360, 640);
    signInWithPassword(officer, "canbo");
    syncAndWait(officer);
    officer.click(QStringLiteral("returned_0"));
    officer.waitFor(QStringLiteral("reviewBanner"));
    for (int page = 0; page < 10 && !officer.find(QStringLiteral("input_capacity_per_year")); ++page)
        officer.click(QStringLiteral("nextPage"));

    // The first edit turns the returned record into a correction; the next field is tapped
    // and typed in at once, before anything else happens.
    officer.tapAndType(QStringLiteral("input_capacity_per_year"), QStringLiteral("150,5"));
    officer.tapAndType(QStringLiteral("input_workforce"), QStringLiteral("18"));
    officer.tapAndType(QStringLiteral("input_capacity_unit"), QStringLiteral("tấn/năm"));
    // Leaving the page saves the last field too (no Enter, no pause).
    officer.click(QStringLiteral("nextPage"));
    officer.click(QStringLiteral("previousPage"));
    CHECK(shownText(officer, QStringLiteral("input_capacity_per_year")) == QStringLiteral("150,5"));
    CHECK(shownText(officer, QStringLiteral("input_workforce")) == QStringLiteral("18"));
    CHECK(shownText(officer, QStringLiteral("input_capacity_unit")) == QStringLiteral("tấn/năm"));

    while (officer.find(QStringLiteral("nextPage")))
        officer.click(QStringLiteral("nextPage"));
    REQUIRE(finalizeRecord(officer));
    officer.waitFor(QStringLiteral("homePage"));
    syncAndWait(officer);
    REQUIRE(serverState(server, id) == "submitted@2");
    const auto answers = serverAnswers(server, id);
    CHECK(answers.at("capacity_per_year").to_number<double>() == 150.5);
    CHECK(answers.at("workforce").to_number<std::int64_t>() == 18);
    CHECK(answers.at("capacity_unit").as_string() == "tấn/năm");
    CHECK(answers.at("main_product").as_string() == "Miến dong");  // untouched answers stay
}
