// Each main screen at a phone's 360×640 and a desktop's 1280×800, offscreen, with the demo
// data, saved as PNGs under the build tree (screenshots/) to look at. Each must fit its width:
// nothing may need horizontal scrolling.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "ui/Language.hpp"

#include <QQmlProperty>

using namespace kc::test;

namespace {

const std::filesystem::path kOut = KC_SCREENSHOT_DIR;

void shoot(AppWindow& app, const std::string& name, int width, int height) {
    app.resize(width, height);
    const auto file = kOut / (name + "-" + std::to_string(width) + "x" + std::to_string(height) + ".png");
    const QImage image = app.grab(file);
    INFO(file.string());
    REQUIRE(image.width() == width);
    REQUIRE(image.height() == height);
    // Something is drawn: more than one colour in the picture.
    const bool drawn = image.pixel(width / 2, height / 3) != image.pixel(2, 2) ||
                       image.pixel(width / 3, height / 2) != image.pixel(2, 2) ||
                       image.pixel(width / 4, height / 4) != image.pixel(2, 2);
    REQUIRE(drawn);
    const std::string overflow = overflowingItems(app.window());
    INFO("items past the right edge:\n" << overflow);
    CHECK(overflow.empty());
}

void bothSizes(AppWindow& app, const std::string& name) {
    shoot(app, name, 1280, 800);
    shoot(app, name, 360, 640);
}

} // namespace

TEST_CASE("ui screenshots: every main screen at 360x640 and 1280x800, in Vietnamese", "[ui][screenshots]") {
    Language::apply(QStringLiteral("vi"));
    const auto dir = freshTempDir("ui-screens");
    ServerProcess server(dir / "server");

    AppWindow officer(dir / "officer.sqlite3", server.baseUrl(), 360, 640);
    bothSizes(officer, "01-sign-in");
    signInWithPassword(officer, "canbo");
    syncAndWait(officer);
    bothSizes(officer, "02-home");

    openSection(officer, QStringLiteral("facilities"));
    officer.click(QStringLiteral("facility_0"));
    bothSizes(officer, "03-facilities");
    openSection(officer, QStringLiteral("projects"));
    officer.click(QStringLiteral("project_0"));
    bothSizes(officer, "04-projects");

    openSection(officer, QStringLiteral("home"));
    officer.click(QStringLiteral("newRecordButton"));
    officer.click(QStringLiteral("form_equipment_handover"));
    officer.waitFor(QStringLiteral("formPage"));
    bothSizes(officer, "05-form");
    officer.click(QStringLiteral("finalize"));
    while (!officer.find(QStringLiteral("missingDialog")) && officer.find(QStringLiteral("nextPage"))) {
        officer.click(QStringLiteral("nextPage"));
        if (officer.find(QStringLiteral("finalize")))
            officer.click(QStringLiteral("finalize"));
    }
    officer.waitFor(QStringLiteral("missingDialog"));
    bothSizes(officer, "06-form-missing");

    AppWindow other(dir / "officer2.sqlite3", server.baseUrl(), 360, 640);
    signInWithPassword(other, "canbo_cm");
    syncAndWait(other);
    openSection(other, QStringLiteral("outbox"));
    bothSizes(other, "07-outbox");
    openSection(other, QStringLiteral("settings"));
    bothSizes(other, "08-settings");

    AppWindow reviewer(dir / "reviewer.sqlite3", server.baseUrl(), 1280, 800);
    signInWithPassword(reviewer, "duyet");
    syncAndWait(reviewer);
    openSection(reviewer, QStringLiteral("review"));
    bothSizes(reviewer, "09-review");
    Language::apply(QStringLiteral("en"));
}
