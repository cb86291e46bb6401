// Each main screen at a phone's 360×640 and a desktop's 1280×800, offscreen, with the demo
// data, saved as PNGs under the build tree (screenshots/) to look at. Each must fit its width:
// nothing may need horizontal scrolling.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "ui/Language.hpp"

#include <QQmlProperty>
#include <QSet>

#include <functional>
#include <utility>

using namespace kc::test;

namespace {

const std::filesystem::path kOut = KC_SCREENSHOT_DIR;

void shoot(AppWindow& app, const std::string& name, int width, int height) {
    const auto file = kOut / (name + "-" + std::to_string(width) + "x" + std::to_string(height) + ".png");
    const QImage image = app.grab(file);
    INFO(file.string());
    REQUIRE(image.width() == width);
    REQUIRE(image.height() == height);
    // Something is drawn: many colours, not a blank window.
    QSet<QRgb> colours;
    for (int y = 0; y < height; y += 4)
        for (int x = 0; x < width; x += 4)
            colours.insert(image.pixel(x, y));
    REQUIRE(colours.size() > 8);
    const std::string overflow = overflowingItems(app.window());
    INFO("items past the right edge:\n" << overflow);
    CHECK(overflow.empty());
}

//! Shows a screen at the desktop's size and at the phone's, getting there as a person would
//! at each size (on a phone a detail opens over its list; on a desktop beside it).
void bothSizes(AppWindow& app, const std::string& name, const std::function<void()>& getThere = {}) {
    for (const auto& [w, h] : {std::pair{1280, 800}, std::pair{360, 640}}) {
        app.resize(w, h);
        if (getThere)
            getThere();
        shoot(app, name, w, h);
    }
}

} // namespace

TEST_CASE("ui screenshots: every main screen at 360x640 and 1280x800, in Vietnamese", "[ui][screenshots]") {
    Language::apply(QStringLiteral("vi"));
    const auto dir = freshTempDir("ui-screens");
    ServerProcess server(dir / "server", {"--demo-activity"});  // the demo province's history, for the report

    AppWindow officer(dir / "officer.sqlite3", server.baseUrl(), 360, 640);
    bothSizes(officer, "01-sign-in");
    signInWithPassword(officer, "canbo");
    syncAndWait(officer);
    bothSizes(officer, "02-home", [&] { openSection(officer, QStringLiteral("home")); });
    bothSizes(officer, "03-facilities", [&] {
        openSection(officer, QStringLiteral("facilities"));
        officer.click(QStringLiteral("facility_0"));
    });
    bothSizes(officer, "04-projects", [&] {
        openSection(officer, QStringLiteral("projects"));
        officer.click(QStringLiteral("project_0"));
    });
    bothSizes(officer, "05-form", [&] {
        openSection(officer, QStringLiteral("home"));
        officer.click(QStringLiteral("newRecordButton"));
        officer.click(QStringLiteral("form_equipment_handover"));
        officer.waitFor(QStringLiteral("formPage"));
    });
    // After the last page, the summary; finalizing a blank form lists what is missing.
    while (officer.find(QStringLiteral("nextPage")))
        officer.click(QStringLiteral("nextPage"));
    officer.waitFor(QStringLiteral("summaryList"));
    bothSizes(officer, "06-form-summary");
    REQUIRE_FALSE(finalizeRecord(officer));
    bothSizes(officer, "06-form-missing");
    officer.click(QStringLiteral("missing_0"));
    bothSizes(officer, "07-home-with-draft", [&] { openSection(officer, QStringLiteral("home")); });
    bothSizes(officer, "08-outbox", [&] { openSection(officer, QStringLiteral("outbox")); });
    bothSizes(officer, "09-settings", [&] { openSection(officer, QStringLiteral("settings")); });

    // Two visits awaiting review, sent as a device would, for the reviewer's console.
    pushMonitoringVisit(server, "canbo");
    pushMonitoringVisit(server, "canbo");
    AppWindow reviewer(dir / "reviewer.sqlite3", server.baseUrl(), 1280, 800);
    signInWithPassword(reviewer, "duyet");
    syncAndWait(reviewer);
    bothSizes(reviewer, "12-reports", [&] {
        openSection(reviewer, QStringLiteral("reports"));
        reviewer.waitFor(QStringLiteral("reportTitle"), 30'000);
        reviewer.waitFor(QStringLiteral("fundingChart"));
    });
    bothSizes(reviewer, "10-review", [&] {
        openSection(reviewer, QStringLiteral("review"));
        // After switching records: the second one opened shows its own answers.
        reviewer.click(QStringLiteral("queue_1"));
        reviewer.waitFor(QStringLiteral("reviewAnswers"));
        reviewer.click(QStringLiteral("queue_0"));
        reviewer.waitFor(QStringLiteral("reviewAnswers"));
    });
    // On the phone, the detail over the queue, then returning it with a comment.
    reviewer.click(QStringLiteral("returnButton"));
    reviewer.waitFor(QStringLiteral("decisionDialog"));
    shoot(reviewer, "11-review-return", 360, 640);

    // A collaborator's first screen: the projects assigned, none reported yet; no drafts.
    AppWindow collaborator(dir / "collaborator.sqlite3", server.baseUrl(), 360, 640);
    signInWithPassword(collaborator, "ctv");
    bothSizes(collaborator, "13-collaborator-home", [&] {
        openSection(collaborator, QStringLiteral("home"));
        collaborator.waitFor(QStringLiteral("myProject_0"), 30'000);
    });
    Language::apply(QStringLiteral("en"));
}
