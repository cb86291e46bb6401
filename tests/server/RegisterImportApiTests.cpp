// Registers imported through the API, as the console sends them: CSV or a workbook, all or
// nothing, each row only in the caller's provinces; the template downloads.
#include "ApiFixture.hpp"
#include "WorkbookFiles.hpp"

#include "admin/RegisterWorkbook.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>

using kc::test::ApiFixture;

namespace {
const std::map<std::string, std::string> kCsv{{"content-type", "text/csv; charset=utf-8"}};
const std::map<std::string, std::string> kXlsx{
    {"content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};
const std::string kHeader = "name,legal_form,sector,province,commune\r\n";
} // namespace

TEST_CASE("a register imported through the API is all or nothing, in the caller's provinces only", "[api][registers][import]") {
    ApiFixture api("register-import-api");
    const auto before = api.store->counts().facilities;
    const auto refused = api.as("duyet", "POST", "/v1/registers/facilities/import",
                                kHeader + "HTX Mới,cooperative,handicrafts,04,04-003\r\n"
                                          "HTX Sai,htx,handicrafts,04,\r\n"
                                          "HTX Cà Mau,cooperative,handicrafts,96,\r\n", kCsv);
    REQUIRE(refused.status == 422);
    CHECK(api.errorCode(refused) == "invalid_rows");
    const auto body = api.json(refused);
    std::vector<std::string> rows;
    for (const auto& field : body.at("error").at("fields").as_array())
        rows.emplace_back(field.at("path").as_string());
    CHECK(rows == std::vector<std::string>{"line 3", "line 4"});
    CHECK_THAT(std::string(body.at("error").at("fields").at(1).at("message").as_string()),
               Catch::Contains("province 96 is not one of yours"));
    CHECK(api.store->counts().facilities == before);

    const auto imported = api.as("duyet", "POST", "/v1/registers/facilities/import",
                                 kHeader + "HTX Mới,cooperative,handicrafts,04,04-003\r\n", kCsv);
    REQUIRE(imported.status == 200);
    CHECK(api.json(imported).at("imported") == 1);
    CHECK(api.store->counts().facilities == before + 1);

    CHECK(api.as("canbo", "POST", "/v1/registers/facilities/import", kHeader, kCsv).status == 403);
    CHECK(api.as("duyet", "POST", "/v1/registers/people/import", kHeader, kCsv).status == 404);
    CHECK(api.as("duyet", "POST", "/v1/registers/facilities/import", kHeader, {{"content-type", "application/json"}}).status == 415);
    CHECK(api.as("duyet", "POST", "/v1/registers/facilities/import", "\"unterminated", kCsv).status == 422);
    CHECK(api.as("duyet", "POST", "/v1/registers/facilities/import", "not a zip", kXlsx).status == 422);
    CHECK(api.as("duyet", "POST", "/v1/registers/facilities/import", "", kCsv).status == 422);
    CHECK(api.store->counts().facilities == before + 1);
}

TEST_CASE("the register templates download, and a filled one imports through the API", "[api][registers][import][xlsx]") {
    ApiFixture api("register-template-api");
    const auto file = api.as("duyet", "GET", "/v1/registers/templates/projects.xlsx");
    REQUIRE(file.status == 200);
    CHECK(file.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(file.body.rfind("PK", 0) == 0);
    CHECK(api.as("duyet", "GET", "/v1/registers/templates/../../etc/passwd").status == 404);
    CHECK(api.as("duyet", "GET", "/v1/registers/templates/people.xlsx").status == 404);
    CHECK(api.as("ctv", "GET", "/v1/registers/templates/facilities.xlsx").status == 403);

    // A workbook of facilities as a spreadsheet program writes it.
    const auto dir = api.dir / "sheets";
    std::filesystem::create_directories(dir);
    const auto book = kc::test::writeWorkbook(dir / "co-so.xlsx",
        {{"Cơ sở", {{"Tên cơ sở (name)", "Loại hình (legal_form)", "Ngành nghề (sector)", "Tỉnh (province)"},
                    {"Cơ sở mây tre Phục Hòa", "household_business", "handicrafts", "04"}}}});
    const auto imported = api.as("quantri", "POST", "/v1/registers/facilities/import", kc::test::readBytes(book), kXlsx);
    INFO(imported.body);
    REQUIRE(imported.status == 200);
    CHECK(api.json(imported).at("imported") == 1);
}

TEST_CASE("central staff create and change a project, checked as an import checks its rows", "[api][registers][projects]") {
    ApiFixture api("projects-api");
    const std::string facility = api.facilityId("HTX Tâm Hòa");
    const std::string body = R"({"code":"KCĐP-2026-07","title":"Hỗ trợ máy sấy chè","year":2026,"funding_source":"local",)"
                             R"("activity_type":"advanced_machinery","province":"04","status":"planned",)"
                             R"("extension_funding":350000000,"counterpart_capital":500000000,"investment_attracted":850000000,)"
                             R"("jobs_created":6,"beneficiaries":[")" + facility + R"("]})";
    const auto created = api.as("duyet", "POST", "/v1/projects", body);
    REQUIRE(created.status == 201);
    const std::string id(api.json(created).at("id").as_string());
    CHECK(api.json(created).at("beneficiaries").at(0).as_string() == facility);
    CHECK(api.as("duyet", "POST", "/v1/projects", body).status == 409);  // the code is taken now
    // The officer's device receives it; a collaborator is not staff.
    CHECK(api.as("canbo", "GET", "/v1/projects/" + id).status == 200);
    CHECK(api.as("ctv", "POST", "/v1/projects", body).status == 403);
    CHECK(api.as("duyet_cm", "PUT", "/v1/projects/" + id, body).status == 404);

    // Stalled needs its reason; with one, it is saved and the report lists it.
    auto changed = kc::json::parse(body);
    changed.as_object()["status"] = "stalled";
    const auto noReason = api.as("duyet", "PUT", "/v1/projects/" + id, kc::json::serialize(changed));
    CHECK(noReason.status == 400);
    CHECK(api.json(noReason).at("error").at("fields").at(0).at("path").as_string() == "status_reason");
    changed.as_object()["status_reason"] = "Cơ sở chưa đủ vốn đối ứng";
    REQUIRE(api.as("duyet", "PUT", "/v1/projects/" + id, kc::json::serialize(changed)).status == 200);
    CHECK(api.store->findProject(id)->status == "stalled");
    const auto report = api.json(api.as("duyet", "GET", "/v1/reports/programme.json?from=2026&to=2026"));
    bool listed = false;
    for (const auto& project : report.at("projects").at("stalled_or_cancelled").as_array())
        listed = listed || project.at("code").as_string() == "KCĐP-2026-07";
    CHECK(listed);

    const std::pair<std::string, std::string> bad[] = {
        {"province", "96"}, {"year", "1800"}, {"extension_funding", "-1"}, {"funding_source", "\"foreign\""},
        {"beneficiaries", "[\"" + api.facilityId("HTX Tâm Hòa").substr(0, 8) + "\"]"}, {"title", "\"\""},
    };
    for (const auto& [field, value] : bad) {
        auto wrong = kc::json::parse(kc::json::serialize(changed));
        wrong.as_object()[field] = kc::json::parse(value);
        const auto response = api.as("duyet", "PUT", "/v1/projects/" + id, kc::json::serialize(wrong));
        INFO(field << " = " << value << " -> " << response.body);
        CHECK((response.status == 400 || response.status == 403));
    }
    CHECK(api.store->findProject(id)->status == "stalled");
    CHECK(api.as("duyet", "PUT", "/v1/projects/" + id, R"({"id":"x"})").status == 400);
    const auto log = api.json(api.as("quantri", "GET", "/v1/audit?record=project/" + id));
    CHECK(log.at("entries").as_array().size() == 2);
}

TEST_CASE("a register exports as a workbook in the import's layout, within the caller's provinces", "[api][registers][xlsx]") {
    ApiFixture api("register-export-api");
    const auto mine = api.as("duyet", "GET", "/v1/registers/projects.xlsx");
    REQUIRE(mine.status == 200);
    const auto table = kc::server::tableFromWorkbook(mine.body);
    REQUIRE_FALSE(table.header.empty());
    // The template's very columns, "Mã đề án (code)" first, which the import reads as "code".
    CHECK(table.header == kc::server::tableFromWorkbook(api.as("duyet", "GET", "/v1/registers/templates/projects.xlsx").body).header);
    CHECK(table.header.front() == "Mã đề án (code)");
    const auto projects = api.store->listProjects({{"04"}, std::nullopt, "", "", 1000});
    CHECK(table.rows.size() == projects.size());
    bool found = false;
    for (const auto& row : table.rows)
        found = found || row.front() == "KCQG-2024-01";
    CHECK(found);
    const auto theirs = kc::server::tableFromWorkbook(api.as("duyet_cm", "GET", "/v1/registers/projects.xlsx").body);
    for (const auto& row : theirs.rows)
        CHECK(row.front().rfind("KCQG-2024", 0) == std::string::npos);
    const auto facilities = kc::server::tableFromWorkbook(api.as("duyet", "GET", "/v1/registers/facilities.xlsx").body);
    CHECK(facilities.rows.size() == api.store->listFacilities({{"04"}, std::nullopt, "", "", 1000}).size());
    CHECK(api.as("canbo", "GET", "/v1/registers/projects.xlsx").status == 403);
    CHECK(api.as("duyet", "GET", "/v1/registers/people.xlsx").status == 404);
}
