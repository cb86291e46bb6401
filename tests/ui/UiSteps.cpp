#include "UiSteps.hpp"

#include "../support/HttpClient.hpp"
#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

#include <stdexcept>

namespace kc::test {

std::string signInHttp(const ServerProcess& server, const std::string& user) {
    const auto reply = httpRequest(server.port(), "POST", "/v1/auth/sign-in",
                                   R"({"username":")" + user + R"(","password":"khuyencong"})");
    if (reply.status != 200)
        throw std::runtime_error("sign-in of " + user + " failed: " + reply.body);
    return std::string(json::parse(reply.body).at("token").as_string());
}

std::string enrollmentCode(const ServerProcess& server, const std::string& user) {
    const auto reply = httpRequest(server.port(), "POST", "/v1/admin/enrollment-codes",
                                   R"({"username":")" + user + R"(","device":"Test phone"})",
                                   {{"authorization", "Bearer " + signInHttp(server, "quantri")}});
    if (reply.status != 201)
        throw std::runtime_error("no enrollment code: " + reply.body);
    return std::string(json::parse(reply.body).at("code").as_string());
}

std::string serverState(const ServerProcess& server, const std::string& id) {
    const auto reply = httpRequest(server.port(), "GET", "/v1/submissions/" + id, {},
                                   {{"authorization", "Bearer " + signInHttp(server, "duyet")}});
    if (reply.status != 200)
        throw std::runtime_error("submission " + id + " not on the server: " + reply.body);
    const auto head = json::parse(reply.body).as_object();
    return std::string(head.at("state").as_string()) + "@" + std::to_string(head.at("revision").to_number<int>());
}

std::string pushMonitoringVisit(const ServerProcess& server, const std::string& user) {
    const std::map<std::string, std::string> auth{{"authorization", "Bearer " + signInHttp(server, user)}};
    const auto projects = httpRequest(server.port(), "GET", "/v1/projects?limit=1", {}, auth);
    if (projects.status != 200)
        throw std::runtime_error("no projects: " + projects.body);
    const std::string project(json::parse(projects.body).at("projects").at(0).at("id").as_string());
    const std::string id = Uuid::v7().toString();
    const boost::json::object visit{
        {"id", id}, {"form_id", "monitoring_visit"}, {"form_version", 1},
        {"captured_at", "2026-11-18T02:30:00.000Z"},
        {"answers", boost::json::object{
            {"project", project}, {"visit_date", "2026-11-18"},
            {"location", boost::json::object{{"lat", 22.6657}, {"lon", 106.2583}, {"accuracy", 8}}},
            {"inspectors", "Nông Văn Hải, Lê Thị Thu"},
            {"findings", "Máy đã lắp đặt, vận hành ổn định; công suất đạt 80% thiết kế."},
            {"compliance", "minor_deviation"},
            {"deviation_detail", "Chậm lắp đặt 3 tuần so với kế hoạch do đường vào xã sạt lở."},
            {"recommendations", "Bổ sung sổ theo dõi vận hành; tập huấn thêm cho 2 công nhân."},
            {"follow_up_date", "2026-12-15"}}}};
    const auto reply = httpRequest(server.port(), "POST", "/v1/push",
                                   json::serialize(boost::json::object{{"submissions", boost::json::array{visit}}}), auth);
    if (reply.status != 200 || reply.body.find("\"accepted\"") == std::string::npos)
        throw std::runtime_error("the visit was not accepted: " + reply.body);
    return id;
}

std::string pushSiteSurvey(const ServerProcess& server, const std::string& user, const std::string& mainProduct,
                           const QByteArray& jpeg, const std::string& editOf, int base) {
    const std::map<std::string, std::string> auth{{"authorization", "Bearer " + signInHttp(server, user)}};
    const std::string bytes(jpeg.constData(), static_cast<std::size_t>(jpeg.size()));
    const std::string sha = QCryptographicHash::hash(jpeg, QCryptographicHash::Sha256).toHex().toStdString();
    const auto started = httpRequest(server.port(), "POST", "/v1/attachments",
                                     json::serialize(boost::json::object{{"sha256", sha}, {"size", bytes.size()},
                                                                         {"content_type", "image/jpeg"}}),
                                     auth);
    if (started.status == 201) {
        auto headers = auth;
        headers["upload-offset"] = "0";
        const auto sent = httpRequest(server.port(), "PATCH", "/v1/attachments/" + sha, bytes, headers);
        if (sent.status != 200)
            throw std::runtime_error("the photo was not taken: " + sent.body);
    }
    const auto facilities = httpRequest(server.port(), "GET", "/v1/facilities?limit=1", {}, auth);
    const std::string facility(json::parse(facilities.body).at("facilities").at(0).at("id").as_string());
    const std::string id = editOf.empty() ? Uuid::v7().toString() : editOf;
    boost::json::object survey{
        {"id", id}, {"form_id", "site_survey"}, {"form_version", 1},
        {"answers", boost::json::object{
            {"facility", facility}, {"survey_date", "2026-11-18"},
            {"location", boost::json::object{{"lat", 22.6657}, {"lon", 106.2583}, {"accuracy", 8.0}}},
            {"main_product", mainProduct}, {"capacity_per_year", 40}, {"capacity_unit", "tấn"},
            {"workforce", 12 + base}, {"needs", boost::json::array{"machinery"}},
            {"needs_detail", "Cần thay máy cũ để nâng công suất"}, {"feasibility", "high"},
            {"feasibility_reasons", "Có mặt bằng và vùng nguyên liệu"}, {"recommended_activity", "advanced_machinery"},
            {"expected_counterpart_capital", 300'000'000}, {"photos", boost::json::array{boost::json::value(sha)}}}}};
    if (base > 0)
        survey["base_revision"] = base;
    const auto reply = httpRequest(server.port(), "POST", "/v1/push",
                                   json::serialize(boost::json::object{{"submissions", boost::json::array{survey}}}), auth);
    if (reply.status != 200 || (reply.body.find("\"accepted\"") == std::string::npos &&
                                reply.body.find("\"revision\"") == std::string::npos))
        throw std::runtime_error("the survey was not accepted: " + reply.body);
    return id;
}

boost::json::object serverAnswers(const ServerProcess& server, const std::string& id) {
    const auto reply = httpRequest(server.port(), "GET", "/v1/submissions/" + id, "",
                                   {{"authorization", "Bearer " + signInHttp(server, "duyet")}});
    if (reply.status != 200)
        throw std::runtime_error("submission " + id + " not on the server: " + reply.body);
    const auto body = json::parse(reply.body).as_object();
    for (const auto& revision : body.at("revisions").as_array())
        if (revision.at("revision") == body.at("revision"))
            return revision.at("answers").as_object();
    throw std::runtime_error("submission " + id + " has no current revision");
}

void reviewHttp(const ServerProcess& server, const std::string& id, const std::string& action,
                const std::string& comment) {
    const std::string state = serverState(server, id);
    boost::json::object body{{"action", action}, {"revision", std::stoi(state.substr(state.find('@') + 1))}};
    if (!comment.empty())
        body["comment"] = comment;
    const auto reply = httpRequest(server.port(), "POST", "/v1/submissions/" + id + "/review", json::serialize(body),
                                   {{"authorization", "Bearer " + signInHttp(server, "duyet")}});
    if (reply.status != 200)
        throw std::runtime_error("the review of " + id + " was refused: " + reply.body);
}

bool finalizeRecord(AppWindow& app) {
    app.click(QStringLiteral("finalize"));
    if (!waitUntil([&] { return app.find(QStringLiteral("finalizeDialog")) || app.find(QStringLiteral("missingDialog")); }))
        throw std::runtime_error("\"Finalize…\" neither asked for a confirmation nor listed what is missing");
    if (app.find(QStringLiteral("missingDialog")))
        return false;
    app.click(QStringLiteral("confirmFinalize"));
    return true;
}

void goToQuestion(AppWindow& app, const QString& path) {
    QQuickItem* list = app.waitFor(QStringLiteral("fieldList"));
    const auto row = [&] {
        int found = -1;
        QMetaObject::invokeMethod(list->property("model").value<QObject*>(), "rowOf", Q_RETURN_ARG(int, found),
                                  Q_ARG(QString, path));
        return found;
    };
    for (int page = 0; page < 10 && row() < 0 && app.find(QStringLiteral("nextPage")); ++page)
        app.click(QStringLiteral("nextPage"));
    if (row() < 0)
        throw std::runtime_error("no page of the form holds " + path.toStdString());
    QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row()), Q_ARG(int, 1 /* ListView.Center */));
    QTest::qWait(200);
}

void signInWithPassword(AppWindow& app, const std::string& user) {
    app.waitFor(QStringLiteral("signInPage"));
    app.type(QStringLiteral("usernameField"), QString::fromStdString(user));
    app.type(QStringLiteral("passwordField"), QStringLiteral("khuyencong"));
    app.waitFor(QStringLiteral("shell"), 15'000);
}

void openSection(AppWindow& app, const QString& key) {
    const QString item = QStringLiteral("nav_") + key;
    // Right after sign-in the shell may not have laid out its navigation yet: wait for the
    // side list (wide screen) or the menu button (phone) before telling which this is.
    waitUntil([&] { return app.find(item) != nullptr || app.find(QStringLiteral("menuButton")) != nullptr; }, 15'000);
    const bool drawer = !app.find(item);
    // "Back" until the menu shows (a detail or a form may be open over the section).
    for (int i = 0; drawer && i < 6 && !app.find(item); ++i) {
        app.click(QStringLiteral("menuButton"));
        QTest::qWait(300);
    }
    app.click(item);
    // On a phone the drawer slides away; its shade takes clicks until it is gone.
    if (drawer && !waitUntil([&] { return app.find(item) == nullptr; }))
        throw std::runtime_error("the menu did not close");
    QTest::qWait(300);
}

void syncAndWait(AppWindow& app) {
    QObject* sync = app.root()->property("sync").value<QObject*>();
    openSection(app, QStringLiteral("home"));
    // An automatic sync may be under way (after sign-in): let it end, then sync on request.
    if (!waitUntil([&] { return sync->property("state").toInt() != 1; }, 60'000))
        throw std::runtime_error("the automatic sync never ended");
    QSignalSpy finished(sync, SIGNAL(finished(bool, QString)));
    app.click(QStringLiteral("syncNowButton"));
    if (!waitUntil([&] { return finished.count() > 0; }, 60'000))
        throw std::runtime_error("the sync never ended (state " + sync->property("state").toString().toStdString() +
                                 ", phase " + sync->property("phase").toString().toStdString() + ", button " +
                                 app.find(QStringLiteral("syncNowButton"))->property("text").toString().toStdString() + ")");
    if (!finished.first().at(0).toBool())
        throw std::runtime_error("the sync failed: " + finished.first().at(1).toString().toStdString());
}

} // namespace kc::test
