// A new officer's first day, through the real app against the real server: enroll, register a
// facility, survey it with a photo and a typed location, sync; a reviewer returns it with a
// comment in the console; the officer sees it, fixes it, resubmits; the reviewer approves.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "../support/NoisyPhoto.hpp"

#include <QFile>
#include <QQmlProperty>

using namespace kc::test;

namespace {

QVariant prop(QObject* o, const char* name) { return QQmlProperty::read(o, QString::fromLatin1(name)); }

QObject* formController(AppWindow& app) {
    return prop(app.waitFor(QStringLiteral("formPage")), "controller").value<QObject*>();
}

//! Fills whatever of the site survey the page shows, then goes to the next page.
void fillSurveyPage(AppWindow& app, const QString& photoFile) {
    const auto typeIf = [&](const char* name, const QString& text) {
        if (app.find(QString::fromLatin1(name)))
            app.type(QString::fromLatin1(name), text);
    };
    typeIf("input_survey_date", QStringLiteral("2026-11-20"));
    if (app.find(QStringLiteral("lat_location"))) {
        app.type(QStringLiteral("lat_location"), QStringLiteral("22.6712"));
        app.type(QStringLiteral("lon_location"), QStringLiteral("106.2551"));
        app.click(QStringLiteral("setPosition_location"));
    }
    typeIf("input_main_product", QStringLiteral("Miến dong"));
    typeIf("input_capacity_per_year", QStringLiteral("120"));
    typeIf("input_capacity_unit", QStringLiteral("tấn"));
    typeIf("input_workforce", QStringLiteral("18"));
    if (app.find(QStringLiteral("choice_needs_machinery")))
        app.click(QStringLiteral("choice_needs_machinery"));
    typeIf("input_needs_detail", QStringLiteral("Máy tráng bánh"));
    if (app.find(QStringLiteral("choice_feasibility_low"))) {
        app.click(QStringLiteral("choice_feasibility_low"));
        // Relevance, live: a project is not recommended when feasibility is low.
        REQUIRE(waitUntil([&] { return !app.find(QStringLiteral("field_recommended_activity")); }));
    }
    typeIf("input_feasibility_reasons", QStringLiteral("Cơ sở chưa thu xếp được vốn đối ứng"));
    if (QQuickItem* photos = app.find(QStringLiteral("field_photos"))) {
        // The file dialog is the platform's; what it hands back goes through the same path.
        QObject* widget = prop(photos, "item").value<QObject*>();
        REQUIRE(QMetaObject::invokeMethod(widget, "add", Q_ARG(QVariant, QUrl::fromLocalFile(photoFile))));
    }
}

} // namespace

TEST_CASE("ui walk: enroll, register a facility, survey it, sync, returned, fixed, approved",
          "[ui][walk]") {
    const auto dir = freshTempDir("ui-walk");
    ServerProcess server(dir / "server");
    const std::string code = enrollmentCode(server, "canbo");

    QString photoFile = QString::fromStdString((dir / "photo.jpg").string());
    {
        QFile f(photoFile);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(noisyPhoto(7, 2400, 1800, 90));
    }

    AppWindow officer(dir / "officer.sqlite3", "http://127.0.0.1:1", 360, 640);

    // Enroll with the QR code's link: it brings the server's address as well.
    officer.waitFor(QStringLiteral("signInPage"));
    officer.click(QStringLiteral("codeTab"));
    officer.type(QStringLiteral("codeField"), QStringLiteral("kcfield://enroll?server=%1&code=%2")
                                                   .arg(QString::fromStdString(server.baseUrl()), QString::fromStdString(code)));
    officer.waitFor(QStringLiteral("shell"), 15'000);
    syncAndWait(officer);

    // Register a facility found in the field.
    openSection(officer, QStringLiteral("facilities"));
    officer.click(QStringLiteral("registerFacilityButton"));
    officer.type(QStringLiteral("facilityName"), QStringLiteral("Cơ sở Miến dong Phja Đén"));
    officer.click(QStringLiteral("saveFacilityButton"));
    officer.type(QStringLiteral("facilitySearch"), QStringLiteral("mien dong phja den"));
    REQUIRE(waitUntil([&] {
        auto* list = officer.find(QStringLiteral("facilityList"));
        return list && prop(list, "count").toInt() == 1;
    }));
    officer.click(QStringLiteral("facility_0"));
    officer.click(QStringLiteral("newRecordForFacility"));
    officer.click(QStringLiteral("form_site_survey"));

    // Survey it, page by page.
    QObject* form = formController(officer);
    for (int page = 0; page < 10; ++page) {
        fillSurveyPage(officer, photoFile);
        if (!officer.find(QStringLiteral("nextPage")))
            break;
        officer.click(QStringLiteral("nextPage"));
    }
    const QString id = prop(form, "submissionId").toString();
    // The summary after the last page shows the answers and the photo before finalizing.
    REQUIRE(officer.waitFor(QStringLiteral("summaryList")));
    CHECK(QQmlProperty::read(officer.waitFor(QStringLiteral("summaryPhotos")), QStringLiteral("text")).toString().startsWith(QStringLiteral("1 ")));
    if (!finalizeRecord(officer)) {
        QStringList missing;
        for (const auto& m : prop(form, "missing").toList())
            missing << m.toMap().value(QStringLiteral("path")).toString();
        FAIL("finalize refused: " << missing.join(QStringLiteral(", ")).toStdString());
    }
    // Back to the facility, whose history now holds the survey.
    REQUIRE(officer.waitFor(QStringLiteral("facilityDetail")) != nullptr);
    syncAndWait(officer);
    REQUIRE(serverState(server, id.toStdString()) == "submitted@1");

    // The reviewer, at a desk, returns it with a comment.
    AppWindow reviewer(dir / "reviewer.sqlite3", server.baseUrl(), 1280, 800);
    signInWithPassword(reviewer, "duyet");
    syncAndWait(reviewer);
    openSection(reviewer, QStringLiteral("review"));
    reviewer.click(QStringLiteral("queue_0"));
    reviewer.waitFor(QStringLiteral("reviewAnswers"));
    reviewer.click(QStringLiteral("returnButton"));
    reviewer.type(QStringLiteral("commentField"), QStringLiteral("Ghi rõ máy cần hỗ trợ"));
    reviewer.click(QStringLiteral("confirmDecision"));
    REQUIRE(waitUntil([&] { return serverState(server, id.toStdString()) == "returned@1"; }));

    // The officer sees it with the comment, fixes it and sends it again.
    syncAndWait(officer);
    officer.click(QStringLiteral("returned_0"));
    REQUIRE(prop(officer.waitFor(QStringLiteral("reviewBanner")), "text").toString().contains(QStringLiteral("Ghi rõ máy cần hỗ trợ")));
    // Page by page to the answer to fix, then scroll to it.
    goToQuestion(officer, QStringLiteral("needs_detail"));
    officer.type(QStringLiteral("input_needs_detail"), QStringLiteral("Máy tráng bánh 2 tầng"));
    while (officer.find(QStringLiteral("nextPage")))
        officer.click(QStringLiteral("nextPage"));
    REQUIRE(finalizeRecord(officer));
    officer.waitFor(QStringLiteral("homePage"));
    REQUIRE(waitUntil([&] { return officer.find(QStringLiteral("returned_0")) == nullptr; }));
    syncAndWait(officer);
    REQUIRE(serverState(server, id.toStdString()) == "submitted@2");

    // Approved, and the officer's device learns it.
    reviewer.click(QStringLiteral("refreshQueue"));
    reviewer.click(QStringLiteral("queue_0"));
    REQUIRE(waitUntil([&] {
        auto* detail = reviewer.find(QStringLiteral("reviewDetail"));
        return detail && prop(detail, "current").toMap().value(QStringLiteral("revision")).toInt() == 2;
    }));
    reviewer.click(QStringLiteral("approveButton"));
    // Approving asks first: nothing is decided by a stray tap.
    reviewer.waitFor(QStringLiteral("decisionDialog"));
    CHECK(serverState(server, id.toStdString()) == "submitted@2");
    reviewer.click(QStringLiteral("confirmDecision"));
    REQUIRE(waitUntil([&] { return serverState(server, id.toStdString()) == "approved@2"; }));
    syncAndWait(officer);
    QObject* store = officer.root()->property("store").value<QObject*>();
    REQUIRE(prop(store, "counts").toMap().value(QStringLiteral("approved")).toInt() == 1);
}
