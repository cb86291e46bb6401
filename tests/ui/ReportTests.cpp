// A reviewer reads the programme report in the real app against the real server (whose demo
// province has its history): the figures the server computes, a narrower period, a wrong
// date named in words, and the report saved as a PDF and as an Excel workbook.
#include <catch2/catch.hpp>

#include "UiSteps.hpp"
#include "ui/Language.hpp"

#include "../support/HttpClient.hpp"

#include "kc/json/Json.hpp"

#include <QDate>
#include <QFile>
#include <QProcess>

#include <algorithm>
#include <cmath>

#include <cstdio>
#include <QQmlProperty>
#include <QQuickItem>
#include <QQuickWindow>

using namespace kc::test;

namespace {

//! The text of every visible item under `item`, as a person reads the screen.
QStringList visibleTexts(QQuickItem* item) {
    QStringList texts;
    if (!item || !item->isVisible())
        return texts;
    if (const QVariant text = item->property("text"); text.isValid() && !text.toString().isEmpty())
        texts << text.toString();
    for (QQuickItem* child : item->childItems())
        texts << visibleTexts(child);
    return texts;
}

QVariantMap reportShown(AppWindow& app) {
    return QQmlProperty::read(app.waitFor(QStringLiteral("reportPage")), QStringLiteral("report")).toMap();
}

long long figure(const QVariantMap& report, const QString& section, const QString& key) {
    return report.value(section).toMap().value(key).toLongLong();
}

boost::json::value serverReport(const ServerProcess& server, const std::string& query) {
    const auto reply = httpRequest(server.port(), "GET", "/v1/reports/programme.json?" + query, "",
                                   {{"authorization", "Bearer " + signInHttp(server, "duyet")}});
    REQUIRE(reply.status == 200);
    return kc::json::parse(reply.body);
}

} // namespace

TEST_CASE("ui report: a reviewer reads the programme report, narrows the period and saves a PDF and a workbook", "[ui][report]") {
    Language::apply(QStringLiteral("en"));
    const auto dir = freshTempDir("ui-report");
    ServerProcess server(dir / "server", {"--demo-activity"});
    AppWindow reviewer(dir / "reviewer.sqlite3", server.baseUrl(), 1280, 800);
    signInWithPassword(reviewer, "duyet");
    openSection(reviewer, QStringLiteral("reports"));
    reviewer.waitFor(QStringLiteral("reportTitle"), 30'000);

    const QVariantMap shown = reportShown(reviewer);
    const auto whole = serverReport(server, "from=2021");
    CHECK(figure(shown, QStringLiteral("equipment"), QStringLiteral("handovers")) == whole.at("equipment").at("handovers").as_int64());
    CHECK(figure(shown, QStringLiteral("typical_products"), QStringLiteral("total")) == 8);
    // On screen, as the server counts: projects carried out, products with their makers.
    const QStringList texts = visibleTexts(reviewer.window()->contentItem());
    INFO(texts.join(QStringLiteral(" | ")).toStdString());
    CHECK(texts.contains(QStringLiteral("Projects carried out")));
    CHECK(texts.contains(QString::number(whole.at("projects").at("total").as_int64())));
    CHECK(texts.contains(QStringLiteral("%1 products of %2 facilities")
                             .arg(whole.at("typical_products").at("total").as_int64())
                             .arg(whole.at("typical_products").at("facilities").as_int64())));
    CHECK(texts.contains(QStringLiteral("Not carried out: planned / cancelled")));
    // The products chart's axis ticks on whole numbers, so each bar ends on the count it shows.
    QObject* axis = QQmlProperty::read(reviewer.waitFor(QStringLiteral("productChart")), QStringLiteral("axis")).value<QObject*>();
    REQUIRE(axis);
    const double axisMax = axis->property("max").toDouble();
    const int ticks = axis->property("tickCount").toInt();
    REQUIRE(ticks >= 2);
    const double step = axisMax / (ticks - 1);
    CHECK(step >= 1);
    CHECK(step == std::floor(step));
    long long largest = 0;
    for (const auto& level : whole.at("typical_products").at("by_level").as_object())
        largest = std::max<long long>(largest, level.value().as_int64());
    CHECK(axisMax > static_cast<double>(largest));

    reviewer.type(QStringLiteral("reportFrom"), QStringLiteral("2023"));
    reviewer.type(QStringLiteral("reportTo"), QStringLiteral("2023"));
    REQUIRE(waitUntil([&] {
        return reportShown(reviewer).value(QStringLiteral("period")).toMap().value(QStringLiteral("to")) == QStringLiteral("2023-12-31");
    }, 30'000));
    const auto year2023 = serverReport(server, "from=2023&to=2023");
    const QVariantMap narrowed = reportShown(reviewer);
    CHECK(figure(narrowed, QStringLiteral("projects"), QStringLiteral("total")) == year2023.at("projects").at("total").as_int64());
    CHECK(figure(narrowed, QStringLiteral("projects"), QStringLiteral("total")) <
          figure(shown, QStringLiteral("projects"), QStringLiteral("total")));

    // A date not in the calendar: the server's words on screen, the report shown stays.
    reviewer.type(QStringLiteral("reportFrom"), QStringLiteral("2023-02-30"));
    REQUIRE(waitUntil([&] {
        const auto* client = QQmlProperty::read(reviewer.find(QStringLiteral("reportPage")), QStringLiteral("client")).value<QObject*>();
        return client && !client->property("errorString").toString().isEmpty();
    }, 30'000));
    CHECK(reportShown(reviewer) == narrowed);
    reviewer.type(QStringLiteral("reportFrom"), QStringLiteral("2023"));

    reviewer.click(QStringLiteral("savePdf"));
    auto* saved = reviewer.waitFor(QStringLiteral("reportSaved"), 30'000);
    const QString text = saved->property("text").toString();
    const QString path = text.mid(text.indexOf(QLatin1Char('/')));
    INFO(text.toStdString());
    QFile pdf(path);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(5) == "%PDF-");
    pdf.close();
    // Read back as text (poppler's pdftotext): the header and signature block a provincial
    // report carries.
    QProcess text2;
    text2.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    REQUIRE(text2.waitForFinished(30'000));
    const QString pdfText = QString::fromUtf8(text2.readAllStandardOutput());
    INFO(pdfText.left(600).toStdString());
    CHECK(pdfText.contains(QStringLiteral("SOCIALIST REPUBLIC OF VIET NAM")));
    CHECK(pdfText.contains(QStringLiteral("Independence - Freedom - Happiness")));
    CHECK(pdfText.contains(QStringLiteral("INDUSTRIAL EXTENSION CENTRE")));
    CHECK(pdfText.contains(QStringLiteral("day %1 month %2 year %3")
                               .arg(QDate::currentDate().day(), 2, 10, QLatin1Char('0'))
                               .arg(QDate::currentDate().month(), 2, 10, QLatin1Char('0'))
                               .arg(QDate::currentDate().year())));
    CHECK(pdfText.contains(QStringLiteral("DIRECTOR")));
    QFile::remove(path);

    // Saved as Excel: the server's workbook for the period on screen, read back by openpyxl
    // as a spreadsheet program would, with the projects carried out in 2023.
    reviewer.click(QStringLiteral("saveXlsx"));
    REQUIRE(waitUntil([&] { return saved->property("text").toString().endsWith(QStringLiteral(".xlsx")); }, 30'000));
    const QString xlsxText = saved->property("text").toString();
    const QString xlsxPath = xlsxText.mid(xlsxText.indexOf(QLatin1Char('/')));
    INFO(xlsxText.toStdString());
    CHECK(xlsxPath.endsWith(QStringLiteral("-2023-01-01-2023-12-31.xlsx")));
    QProcess reader;
    reader.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import sys, openpyxl\n"
                                 "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
                                 "print([r[1] for r in ws.iter_rows(values_only=True) if r[0] == '\u0110\u1ec1 \u00e1n \u0111\u00e3 th\u1ef1c hi\u1ec7n'][0])\n"),
                  xlsxPath});
    REQUIRE(reader.waitForFinished(30'000));
    INFO(QString::fromUtf8(reader.readAllStandardError()).toStdString());
    CHECK(QString::fromUtf8(reader.readAllStandardOutput()).trimmed() ==
          QString::number(year2023.at("projects").at("total").as_int64()));
    QFile::remove(xlsxPath);
}

TEST_CASE("ui report: a reviewer of two provinces chooses which the report covers", "[ui][report]") {
    Language::apply(QStringLiteral("en"));
    const auto dir = freshTempDir("ui-report-provinces");
    ServerProcess server(dir / "server", {"--demo-activity"});
    // A reviewer of both demo provinces, made with the admin CLI while the server runs.
    const std::string command = std::string(KC_SERVER_BINARY) + " users add lan --role reviewer --province 04,96 --data " +
                                (dir / "server").string() + " > /dev/null";
    FILE* cli = ::popen(command.c_str(), "w");
    REQUIRE(cli != nullptr);
    std::fputs("khuyencong\n", cli);
    REQUIRE(::pclose(cli) == 0);

    AppWindow reviewer(dir / "lan.sqlite3", server.baseUrl(), 1280, 800);
    signInWithPassword(reviewer, "lan");
    openSection(reviewer, QStringLiteral("reports"));
    reviewer.waitFor(QStringLiteral("reportTitle"), 30'000);
    REQUIRE(waitUntil([&] { return reportShown(reviewer).value(QStringLiteral("provinces")).toList().size() == 2; }, 30'000));
    const long long both = figure(reportShown(reviewer), QStringLiteral("projects"), QStringLiteral("total"));

    reviewer.click(QStringLiteral("reportProvince_96"));
    REQUIRE(waitUntil([&] { return reportShown(reviewer).value(QStringLiteral("provinces")).toList().size() == 1; }, 30'000));
    const QVariantMap caoBang = reportShown(reviewer);
    CHECK(caoBang.value(QStringLiteral("provinces")).toList().at(0).toMap().value(QStringLiteral("code")) == QStringLiteral("04"));
    const auto expected = serverReport(server, "provinces=04&from=" + std::to_string(2021));
    CHECK(caoBang.value(QStringLiteral("money")).toMap().value(QStringLiteral("total")).toMap()
              .value(QStringLiteral("extension_funding")).toLongLong() ==
          expected.at("money").at("total").at("extension_funding").as_int64());
    CHECK(figure(caoBang, QStringLiteral("projects"), QStringLiteral("total")) < both);
    // The last province chosen cannot be unchosen: a report always covers one at least.
    CHECK_FALSE(reviewer.find(QStringLiteral("reportProvince_04"))->isEnabled());
}
