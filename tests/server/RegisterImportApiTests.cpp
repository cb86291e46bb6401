// Registers imported through the API, as the console sends them: CSV or a workbook, all or
// nothing, each row only in the caller's provinces; the template downloads.
#include "ApiFixture.hpp"
#include "WorkbookFiles.hpp"

#include "admin/RegisterWorkbook.hpp"

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
