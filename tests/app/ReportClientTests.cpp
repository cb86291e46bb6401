// The programme report on the device: fetched from the real server (whose demo province
// has its history), saved as the server's CSV and as a printable PDF.
#include "AppTestSupport.hpp"

#include "reports/ReportClient.hpp"
#include "sync/Session.hpp"

#include "../support/HttpClient.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace kc;
using kc::test::ServerProcess;

TEST_CASE("report client: the report of the demo province, saved as CSV and PDF", "[app][report][e2e]") {
    test::StoreFixture f("report-client");
    ServerProcess server(f.dir / "server", {"--demo-activity"});
    Session session;
    session.setStore(&f.store);
    session.signIn(test::qs(server.baseUrl()), QStringLiteral("duyet"), QStringLiteral("khuyencong"));
    REQUIRE(QTest::qWaitFor([&] { return session.signedIn() || !session.errorString().isEmpty(); }, 60'000));
    REQUIRE(session.signedIn());

    ReportClient client;
    client.setSession(&session);
    client.setFilters({{QStringLiteral("from"), QStringLiteral("2021")}, {QStringLiteral("to"), QStringLiteral("2025")}});
    client.refresh();
    REQUIRE(QTest::qWaitFor([&] { return !client.report().isEmpty() || !client.errorString().isEmpty(); }, 30'000));
    INFO(client.errorString().toStdString());
    const QVariantMap report = client.report();
    REQUIRE_FALSE(report.isEmpty());

    // The same figures as the server's own answer.
    test::HttpConnection http(server.port());
    const auto signedIn = json::parse(http.request("POST", "/v1/auth/sign-in",
                                                   R"({"username":"duyet","password":"khuyencong","device":"check"})").body);
    const auto direct = json::parse(
        http.request("GET", "/v1/reports/programme.json?from=2021&to=2025", "",
                     {{"authorization", "Bearer " + std::string(signedIn.at("token").as_string())}}).body);
    const auto equipment = report.value(QStringLiteral("equipment")).toMap();
    CHECK(equipment.value(QStringLiteral("handovers")).toLongLong() == direct.at("equipment").at("handovers").as_int64());
    CHECK(equipment.value(QStringLiteral("value")).toLongLong() == direct.at("equipment").at("value").as_int64());
    CHECK(equipment.value(QStringLiteral("handovers")).toLongLong() == 4);
    CHECK(report.value(QStringLiteral("money")).toMap().value(QStringLiteral("total")).toMap()
              .value(QStringLiteral("extension_funding")).toLongLong() ==
          direct.at("money").at("total").at("extension_funding").as_int64());

    const QString pdf = QString::fromStdString((f.dir / "reports" / "bao-cao.pdf").string());
    QSignalSpy saved(&client, &ReportClient::saved);
    REQUIRE(client.savePdf(pdf));
    QFile written(pdf);
    REQUIRE(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    CHECK(bytes.size() > 4000);
    CHECK(saved.count() == 1);

    const QString csv = QString::fromStdString((f.dir / "reports" / "bao-cao.csv").string());
    client.saveCsv(csv);
    REQUIRE(saved.wait(30'000));
    QFile table(csv);
    REQUIRE(table.open(QIODevice::ReadOnly));
    const QByteArray rows = table.readAll();
    CHECK(rows.startsWith("\xEF\xBB\xBF" "Chỉ tiêu (mã),Phân theo (mã),Mã,Tên,Giá trị,Đơn vị"));
    CHECK(rows.contains("equipment_handovers,total,,"));

    // A date not in the calendar is refused in words, and the report shown stays.
    client.setFilters({{QStringLiteral("from"), QStringLiteral("2025-02-30")}});
    client.refresh();
    REQUIRE(QTest::qWaitFor([&] { return !client.errorString().isEmpty(); }, 30'000));
    CHECK(client.report() == report);
    CHECK(client.suggestedPath(QStringLiteral("pdf")).endsWith(QStringLiteral("bao-cao-khuyen-cong-2021-01-01-2025-12-31.pdf")));
}
