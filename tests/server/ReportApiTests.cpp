// The programme report through the real handlers, over datasets whose totals the tests
// add up themselves.
#include "ApiFixture.hpp"
#include "store/SqliteCentralStore.hpp"
#include "OlderSchemas.hpp"

#include "report/ProgrammeReport.hpp"
#include "seed/DemoActivity.hpp"
#include "seed/ReportedForms.hpp"

#include "kc/db/Database.hpp"
#include "kc/json/Json.hpp"

#include "store/ServerSchema.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <set>

using kc::test::ApiFixture;
using kc::test::newId;
namespace bj = boost::json;
namespace answers = kc::server::answers;

namespace {

const char* const kReport = "/v1/reports/programme.json";

bj::value report(ApiFixture& api, const std::string& user, const std::string& query) {
    const auto response = api.as(user, "GET", std::string(kReport) + "?" + query);
    INFO(response.body);
    REQUIRE(response.status == 200);
    return api.json(response);
}

void review(ApiFixture& api, const std::string& id, const std::string& action, int revision) {
    const std::string comment = action == "approve" ? "" : R"(,"comment":"Chưa khớp biên bản")";
    const auto response = api.as("duyet", "POST", "/v1/submissions/" + id + "/review",
                                 R"({"action":")" + action + R"(","revision":)" + std::to_string(revision) + comment + "}");
    INFO(response.body);
    REQUIRE(response.status == 200);
}

struct Handover {
    std::vector<answers::HandoverItem> items;
    long long quantity() const {
        long long sum = 0;
        for (const auto& item : items)
            sum += item.quantity;
        return sum;
    }
    long long value() const {
        long long sum = 0;
        for (const auto& item : items)
            sum += item.quantity * item.unitPrice;
        return sum;
    }
};

Handover randomHandover(std::mt19937& random) {
    Handover handover;
    const int count = std::uniform_int_distribution<int>(1, 4)(random);
    for (int i = 0; i < count; ++i)
        handover.items.push_back({"Máy " + std::to_string(i + 1), "SN-" + std::to_string(random()),
                                  std::uniform_int_distribution<int>(1, 12)(random),
                                  std::uniform_int_distribution<long long>(1, 900)(random) * 1'000'000LL + 123,
                                  "Công ty TNHH Cơ khí Hoàng Long"});
    return handover;
}

bj::object handoverItem(ApiFixture& api, const std::string& id, const Handover& handover, const std::string& photo,
                        const std::string& date) {
    return answers::pushItem(id, "equipment_handover",
                             answers::equipmentHandover(api.projectId("KCQG-2023-01"), api.facilityId("HTX nông nghiệp Cai Bộ"),
                                                        date, handover.items, "Lương Văn Thái", photo, photo));
}

kc::server::ReportScope wholeYear(std::vector<std::string> provinces, int year) {
    kc::server::ReportScope scope;
    scope.provinces = std::move(provinces);
    scope.fromYear = scope.toYear = year;
    scope.fromDate = std::to_string(year) + "-01-01";
    scope.toDate = std::to_string(year) + "-12-31";
    return scope;
}

bool sameGroups(const std::vector<kc::server::ApprovedGroup>& a, const std::vector<kc::server::ApprovedGroup>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].formId != b[i].formId || a[i].year != b[i].year || a[i].level != b[i].level ||
            a[i].submissions != b[i].submissions || a[i].quantity != b[i].quantity || a[i].value != b[i].value)
            return false;
    return true;
}

} // namespace

TEST_CASE("report: only approved handovers count, each once at its approved revision", "[api][report]") {
    ApiFixture api("report-approved");
    std::mt19937 random(20261201);
    const std::string photo = api.upload("canbo", "ảnh bàn giao");
    long long handovers = 0, items = 0, value = 0;
    for (int i = 0; i < 24; ++i) {
        const std::string id = newId();
        const std::string date = "2026-" + std::string(i % 11 + 1 < 10 ? "0" : "") + std::to_string(i % 11 + 1) + "-15";
        const Handover first = randomHandover(random);
        REQUIRE(api.push("canbo", {handoverItem(api, id, first, photo, date)})[0].at("status") == "accepted");
        const Handover second = randomHandover(random);
        switch (i % 6) {
        case 0: // approved as sent
            review(api, id, "approve", 1);
            ++handovers, items += first.quantity(), value += first.value();
            break;
        case 1: // returned, never corrected
            review(api, id, "return", 1);
            break;
        case 2: // rejected
            review(api, id, "reject", 1);
            break;
        case 3: // waiting for review
            break;
        case 4: { // returned, corrected, the correction approved: counts once, as corrected
            review(api, id, "return", 1);
            auto fix = handoverItem(api, id, second, photo, date);
            fix["base_revision"] = 1;
            REQUIRE(api.push("canbo", {fix})[0].at("status") == "revision");
            review(api, id, "approve", 2);
            ++handovers, items += second.quantity(), value += second.value();
            break;
        }
        case 5: { // approved, then a conflicting edit arrives: stored beside, not counted
            review(api, id, "approve", 1);
            auto edit = handoverItem(api, id, second, photo, date);
            edit["base_revision"] = 1;
            REQUIRE(api.push("canbo", {edit})[0].at("status") == "conflict");
            ++handovers, items += first.quantity(), value += first.value();
            break;
        }
        }
    }
    // One approved outside the period does not count.
    {
        const std::string id = newId();
        REQUIRE(api.push("canbo", {handoverItem(api, id, randomHandover(random), photo, "2025-12-31")})[0].at("status") == "accepted");
        review(api, id, "approve", 1);
    }
    const auto figures = report(api, "duyet", "from=2026&to=2026");
    CHECK(figures.at("equipment").at("handovers") == handovers);
    CHECK(figures.at("equipment").at("items") == items);
    CHECK(figures.at("equipment").at("value") == value);
    CHECK(handovers == 12);

    const auto byDates = report(api, "duyet", "from=2026-01-01&to=2026-03-31");
    CHECK(byDates.at("equipment").at("handovers").as_int64() < handovers);
    CHECK(byDates.at("period").at("to") == "2026-03-31");

    const auto scope = wholeYear({"04", "96"}, 2026);
    CHECK(sameGroups(api.store->approvedFigures(scope, kc::server::FigureSource::Summary),
                     api.store->approvedFigures(scope, kc::server::FigureSource::FullScan)));
}

TEST_CASE("report: surveys, visits, progress and typical products by level, summary equal to a full scan", "[api][report]") {
    ApiFixture api("report-forms");
    const std::string photo = api.upload("canbo", "ảnh khảo sát");
    const std::string project = api.projectId("KCQG-2024-01");
    const std::string tamhoa = api.facilityId("HTX Tâm Hòa");
    const char* levels[] = {"provincial", "provincial", "regional", "national", "district", "provincial"};
    std::map<std::string, long long> approvedLevels;
    for (int i = 0; i < 6; ++i) {
        const std::string id = newId();
        REQUIRE(api.push("canbo", {answers::pushItem(id, "typical_product",
                                                     answers::typicalProduct(tamhoa, "Lạp sườn hun khói " + std::to_string(i),
                                                                             "agro_forestry_processing", levels[i], 2024 + i % 2,
                                                                             "QĐ-" + std::to_string(i), photo))})[0]
                    .at("status") == "accepted");
        if (i != 5) {
            review(api, id, "approve", 1);
            ++approvedLevels[levels[i]];
        }
    }
    for (int i = 0; i < 3; ++i) {
        const std::string survey = newId(), visit = newId(), progress = newId();
        api.push("canbo", {answers::pushItem(survey, "site_survey",
                                             answers::siteSurvey(tamhoa, "2025-0" + std::to_string(i + 1) + "-10", 22.7, 106.16,
                                                                 "Lạp sườn", 35, photo)),
                           answers::pushItem(visit, "monitoring_visit",
                                             answers::monitoringVisit(project, "2025-0" + std::to_string(i + 4) + "-02",
                                                                      "Lê Thị Thu", "Đúng tiến độ")),
                           answers::pushItem(progress, "progress_report",
                                             answers::progressReport(project, "2025-01-01", "2025-0" + std::to_string(i + 6) + "-30",
                                                                     40 + i * 10, 100'000'000, 5, photo))});
        review(api, survey, "approve", 1);
        review(api, visit, i == 0 ? "reject" : "approve", 1);
        review(api, progress, "approve", 1);
    }
    const auto figures = report(api, "duyet", "from=2024&to=2025");
    CHECK(figures.at("surveys") == 3);
    CHECK(figures.at("monitoring_visits") == 2);
    CHECK(figures.at("progress_reports") == 3);
    CHECK(figures.at("typical_products").at("total") == 5);
    for (const char* level : kc::server::kProductLevels)
        CHECK(figures.at("typical_products").at("by_level").at(level) == approvedLevels[level]);
    CHECK(figures.at("typical_products").at("by_year").at("2024").at("provincial") == 1);
    CHECK(figures.at("typical_products").at("by_year").at("2025").at("provincial") == 1);
    CHECK(figures.at("typical_products").at("facilities") == 1);  // every product above is Tâm Hòa's
    CHECK(figures.at("typical_products").at("facilities_by_level").at("provincial") == 1);
    {
        const std::string other = newId();
        REQUIRE(api.push("canbo", {answers::pushItem(other, "typical_product",
                                                     answers::typicalProduct(api.facilityId("HTX Miến dong Phia Đén"), "Miến dong",
                                                                             "agro_forestry_processing", "provincial", 2025,
                                                                             "QĐ-9", photo))})[0]
                    .at("status") == "accepted");
        review(api, other, "approve", 1);
        const auto more = report(api, "duyet", "from=2024&to=2025");
        CHECK(more.at("typical_products").at("total") == 6);
        CHECK(more.at("typical_products").at("facilities") == 2);
        CHECK(more.at("typical_products").at("facilities_by_level").at("provincial") == 2);
        CHECK(more.at("typical_products").at("facilities_by_level").at("national") == 1);
    }

    kc::server::ReportScope scope = wholeYear({"04"}, 2024);
    scope.toYear = 2025;
    scope.toDate = "2025-12-31";
    CHECK(sameGroups(api.store->approvedFigures(scope, kc::server::FigureSource::Summary),
                     api.store->approvedFigures(scope, kc::server::FigureSource::FullScan)));
}

TEST_CASE("report: projects, money and results from the register, split as provincial reports split them", "[api][report]") {
    ApiFixture api("report-projects");
    // The test adds the register up itself.
    long long projects = 0, funding = 0, counterpart = 0, investment = 0, jobs = 0, fairs = 0;
    std::map<std::string, long long> bySourceFunding, byStatus, byActivity;
    std::set<std::string> beneficiaries;
    long long planned = 0, cancelled = 0, cancelledFunding = 0;
    for (const auto& p : api.store->listProjects({{"04"}, std::nullopt, "", "", 1000})) {
        if (p.year < 2021 || p.year > 2025)
            continue;
        ++byStatus[p.status];
        // Provincial reports count the projects carried out; planned and cancelled apart.
        if (p.status == "planned") {
            ++planned;
            continue;
        }
        if (p.status == "cancelled") {
            ++cancelled, cancelledFunding += p.extensionFunding;
            continue;
        }
        ++projects, funding += p.extensionFunding, counterpart += p.counterpartCapital;
        investment += p.investmentAttracted, jobs += p.jobsCreated;
        bySourceFunding[p.fundingSource] += p.extensionFunding;
        ++byActivity[p.activityType];
        beneficiaries.insert(p.beneficiaryIds.begin(), p.beneficiaryIds.end());
        if (p.activityType == "trade_fair")
            fairs += static_cast<long long>(p.beneficiaryIds.size());
    }
    REQUIRE(projects > 5);
    REQUIRE(cancelled + planned > 0);  // the demo register has both kinds, so the split is tested
    const auto figures = report(api, "duyet", "from=2021&to=2025");
    CHECK(figures.at("not_carried_out").at("planned").at("projects") == planned);
    CHECK(figures.at("not_carried_out").at("cancelled").at("projects") == cancelled);
    CHECK(figures.at("not_carried_out").at("cancelled").at("extension_funding") == cancelledFunding);
    CHECK(figures.at("provinces").at(0).at("name") == "Cao Bằng");
    CHECK(figures.at("labels").at("level").at("national") == "Cấp quốc gia");
    CHECK(figures.at("labels").at("funding_source").at("national") == "Khuyến công quốc gia");
    CHECK(figures.at("labels").at("activity_type").at("trade_fair") == "Hội chợ triển lãm");
    CHECK(figures.at("projects").at("total") == projects);
    CHECK(figures.at("money").at("total").at("extension_funding") == funding);
    CHECK(figures.at("money").at("total").at("counterpart_capital") == counterpart);
    CHECK(figures.at("money").at("total").at("investment_attracted") == investment);
    CHECK(figures.at("jobs_created") == jobs);
    CHECK(figures.at("fair_participations") == fairs);
    CHECK(figures.at("facilities_supported") == static_cast<long long>(beneficiaries.size()));
    for (const auto& [source, amount] : bySourceFunding)
        CHECK(figures.at("money").at("by_funding_source").at(source).at("extension_funding") == amount);
    for (const auto& [status, count] : byStatus)
        CHECK(figures.at("projects").at("by_status").at(status) == count);
    for (const auto& [activity, count] : byActivity)
        CHECK(figures.at("money").at("by_activity_type").at(activity).at("projects") == count);
    long long yearly = 0;
    for (const auto& [year, money] : figures.at("money").at("by_year").as_object())
        yearly += money.at("extension_funding").as_int64();
    CHECK(yearly == funding);
    for (const auto& noted : figures.at("projects").at("stalled_or_cancelled").as_array())
        CHECK_FALSE(noted.at("reason").as_string().empty());
    CHECK(figures.at("projects").at("stalled_or_cancelled").as_array().size() ==
          static_cast<std::size_t>(byStatus["stalled"] + byStatus["cancelled"]));

    const auto national = report(api, "duyet", "from=2021&to=2025&source=national");
    CHECK(national.at("money").at("total").at("extension_funding") == bySourceFunding["national"]);
    CHECK_FALSE(national.at("money").at("by_funding_source").as_object().contains("local"));
}

TEST_CASE("report: a reviewer of one province never sees another's money, field roles see none", "[api][report]") {
    ApiFixture api("report-scope");
    const auto own = report(api, "duyet_cm", "from=2025&to=2025");
    REQUIRE(own.at("provinces").as_array().size() == 1);
    CHECK(own.at("provinces").at(0).at("code") == "96");
    long long camau = 0;
    for (const auto& p : api.store->listProjects({{"96"}, std::nullopt, "", "", 1000}))
        camau += p.year == 2025 ? p.extensionFunding : 0;
    CHECK(own.at("money").at("total").at("extension_funding") == camau);

    const auto foreign = api.as("duyet_cm", "GET", std::string(kReport) + "?provinces=04&from=2025");
    CHECK(foreign.status == 403);
    CHECK(foreign.body.find("04") != std::string::npos);
    CHECK(api.as("duyet", "GET", std::string(kReport) + "?provinces=04,96").status == 403);
    for (const char* user : {"canbo", "ctv"})
        CHECK(api.as(user, "GET", kReport).status == 403);
    CHECK(api.call("GET", kReport).status == 401);
    CHECK(api.as("quantri", "GET", "/v1/reports/programme.csv?from=2021&to=2025").status == 200);
}

TEST_CASE("report: an empty period gives zeros, bad parameters are named, CSV opens in Excel", "[api][report]") {
    ApiFixture api("report-empty");
    const auto empty = report(api, "duyet", "from=1995&to=1996");
    CHECK(empty.at("projects").at("total") == 0);
    CHECK(empty.at("money").at("total").at("extension_funding") == 0);
    CHECK(empty.at("money").at("by_funding_source").at("national").at("projects") == 0);
    CHECK(empty.at("money").at("by_year").at("1995").at("extension_funding") == 0);
    CHECK(empty.at("typical_products").at("by_level").at("national") == 0);
    CHECK(empty.at("equipment").at("value") == 0);

    const std::pair<const char*, const char*> bad[] = {{"from=2025&to=2021", "to"},
                                                       {"from=2025-02-30", "from"},
                                                       {"from=last-year", "from"},
                                                       {"to=2200", "to"},
                                                       {"source=foreign", "source"},
                                                       {"provinces=04,,96", "provinces"}};
    for (const auto& [query, parameter] : bad) {
        const auto response = api.as("duyet", "GET", std::string(kReport) + "?" + query);
        INFO(query << " -> " << response.body);
        CHECK(response.status == 400);
        CHECK(api.json(response).at("error").at("fields").at(0).at("path") == parameter);
    }
    CHECK(api.as("duyet", "GET", "/v1/reports/programme.pdf").status == 404);

    const auto csv = api.as("duyet", "GET", "/v1/reports/programme.csv?from=2021&to=2025");
    REQUIRE(csv.status == 200);
    CHECK(csv.contentType.find("text/csv") == 0);
    CHECK(csv.body.rfind("\xEF\xBB\xBF" "Chỉ tiêu (mã),Phân theo (mã),Mã,Tên,Giá trị,Đơn vị\r\n", 0) == 0);
    CHECK(csv.body.find("extension_funding,funding_source,national,Khuyến công quốc gia,") != std::string::npos);
}

TEST_CASE("report: the text report reads like a provincial one", "[report]") {
    kc::server::ReportScope scope = wholeYear({"04"}, 2021);
    scope.toYear = 2025;
    scope.toDate = "2025-12-31";
    kc::server::ProjectFigures projects;
    projects.groups.push_back({"national", "advanced_machinery", 2023, "completed", 7, 2'550'000'000, 5'000'000'000,
                               7'550'000'000, 40, 0, 8});
    projects.groups.push_back({"local", "trade_fair", 2024, "completed", 16, 1'810'000'000, 5'800'000'000,
                               7'610'000'000, 0, 30, 30});
    // Not carried out, so not among the 23 nor in their 4.36 billion: shown apart.
    projects.groups.push_back({"local", "study_tour", 2025, "cancelled", 1, 40'000'000, 0, 0, 0, 0, 1});
    projects.groups.push_back({"national", "advanced_machinery", 2025, "planned", 2, 900'000'000, 100, 200, 0, 0, 2});
    projects.facilitiesSupported = 25;
    std::vector<kc::server::ApprovedGroup> approved(1);
    approved[0].formId = "typical_product";
    approved[0].year = 2024;
    approved[0].level = "provincial";
    approved[0].submissions = 19;
    kc::server::ProductFacilities makers{17, {{"provincial", 17}}};
    const auto built = kc::server::buildProgrammeReport(scope, {{"04", "Cao Bằng"}}, projects, approved, makers);
    CHECK(built.total.projects == 23);
    CHECK(built.total.extensionFunding == 4'360'000'000);
    CHECK(built.cancelled.projects == 1);
    CHECK(built.cancelled.extensionFunding == 40'000'000);
    CHECK(built.planned.projects == 2);
    CHECK(built.byStatus.at("planned") == 2);
    CHECK(built.bySource.at("national").projects == 7);
    CHECK(built.fairParticipations == 30);
    CHECK(built.byYear.size() == 5);
    const std::string text = kc::server::reportText(built);
    CHECK(text.find("BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG") == 0);
    CHECK(text.find("Cao Bằng — giai đoạn 2021–2025") != std::string::npos);
    CHECK(text.find("Kinh phí khuyến công hỗ trợ: 4,36 tỷ đồng") != std::string::npos);
    CHECK(text.find("Khuyến công quốc gia: 7 đề án, kinh phí 2,55 tỷ đồng") != std::string::npos);
    CHECK(text.find("Đề án khuyến công đã thực hiện: 23 đề án") != std::string::npos);
    CHECK(text.find("2 đề án chưa thực hiện, kinh phí 0,90 tỷ đồng; 1 đề án hủy bỏ, kinh phí 0,04 tỷ đồng") != std::string::npos);
    CHECK(text.find("Sản phẩm CNNT tiêu biểu được công nhận: 19 sản phẩm của 17 cơ sở") != std::string::npos);
    const std::string csv = kc::server::reportCsv(built);
    CHECK(csv.find("projects,total,,Tổng cộng,23,dự án") != std::string::npos);
    CHECK(csv.find("extension_funding,not_carried_out,cancelled,Hủy bỏ,40000000,đồng") != std::string::npos);
    CHECK(csv.find("typical_product_facilities,total,,Cơ sở có sản phẩm tiêu biểu,17,cơ sở") != std::string::npos);
    const auto json = kc::server::reportJson(built);
    CHECK(json.at("not_carried_out").at("planned").at("extension_funding") == 900'000'000);
    CHECK(json.at("typical_products").at("facilities") == 17);
    CHECK(json.at("typical_products").at("facilities_by_level").at("provincial") == 17);

    SECTION("totals that would pass 2^63 are refused, never wrapped") {
        kc::server::ProjectFigures huge;
        huge.groups.push_back({"local", "trade_fair", 2024, "completed", 1, INT64_MAX - 5, 0, 0, 0, 0, 0});
        huge.groups.push_back({"national", "trade_fair", 2024, "completed", 1, 10, 0, 0, 0, 0, 0});
        CHECK_THROWS_WITH(kc::server::buildProgrammeReport(scope, {}, huge, {}, {}),
                          Catch::Contains("extension funding") && Catch::Contains("64-bit"));
    }
}

TEST_CASE("report: the demo province's history, pushed and reviewed through the API, reads like its reports", "[api][report][demo]") {
    ApiFixture api("report-demo");
    std::ostringstream out;
    kc::server::seedDemoActivity(api.router, out);
    CHECK(out.str().find("approved submissions") != std::string::npos);
    const auto figures = report(api, "duyet", "from=2021&to=2025");
    CHECK(figures.at("equipment").at("handovers") == 4);
    CHECK(figures.at("equipment").at("items").as_int64() >= 10);
    CHECK(figures.at("equipment").at("value").as_int64() > 3'000'000'000);
    CHECK(figures.at("surveys") == 5);                 // the sixth was returned
    CHECK(figures.at("progress_reports") == 1);        // the second was rejected
    CHECK(figures.at("monitoring_visits") == 3);
    CHECK(figures.at("typical_products").at("total") == 8);
    CHECK(figures.at("typical_products").at("by_level").at("national") == 1);
    CHECK(figures.at("projects").at("total").as_int64() >= 9);  // carried out: not the planned or the cancelled one
    CHECK(figures.at("not_carried_out").at("planned").at("projects") == 1);
    CHECK(figures.at("not_carried_out").at("cancelled").at("projects") == 1);
    // Through the API means the owners, reviews and audit trail are real.
    const auto returned = api.as("canbo", "GET", "/v1/submissions?state=returned");
    CHECK(api.json(returned).at("submissions").as_array().size() == 1);
    CHECK(api.store->listAudit({std::nullopt, std::nullopt, std::nullopt, 1000, std::nullopt}).size() >= 22);
}

TEST_CASE("report: a store migrated from schema 4 gets its summary from the submissions already approved", "[api][report][store][sqlite]") {
    ApiFixture api("report-migrated");
    std::ostringstream quiet;
    kc::server::seedDemoActivity(api.router, quiet);
    const auto scope = wholeYear({"04"}, 2022);
    auto before = api.store->approvedFigures(scope, kc::server::FigureSource::Summary);
    REQUIRE_FALSE(before.empty());
    api.context.reset();
    api.store.reset();
    {
        // Back to schema 4, as a store written before programme reports existed.
        auto db = kc::db::Database::open(api.dir / kc::server::SqliteCentralStore::kFileName);
        db.exec(std::string(kc::test::kBeforeSchema8) + "DROP TABLE report_facts; ALTER TABLE projects DROP COLUMN people_trained; "
                "DROP INDEX changes_by_kind_province; DROP INDEX changes_by_kind_owner; PRAGMA user_version = 4");
    }
    kc::server::SqliteCentralStore reopened(api.dir);
    CHECK(reopened.schemaVersion() == kc::server::serverMigrations().back().version);
    CHECK(sameGroups(reopened.approvedFigures(scope, kc::server::FigureSource::Summary), before));
    CHECK(sameGroups(reopened.approvedFigures(scope, kc::server::FigureSource::FullScan), before));
}
