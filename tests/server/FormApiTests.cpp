// Publishing forms through the API, as the console does: JSON or an XLSForm workbook, checked
// first with every problem named by its place, published only when clean, versions forward.
#include "ApiFixture.hpp"
#include "WorkbookFiles.hpp"

#include "../support/ServerProcess.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>

using kc::test::ApiFixture;

namespace {

const std::map<std::string, std::string> kJson{{"content-type", "application/json"}};
const std::map<std::string, std::string> kXlsx{
    {"content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}};

std::string simpleForm(int version, const std::string& relevant = "${so} > 0") {
    return R"({"id":"khao_sat_nhanh","version":)" + std::to_string(version) +
           R"(,"title":{"vi":"Khảo sát nhanh","en":"Quick survey"},"questions":[)"
           R"({"name":"so","type":"integer","label":{"vi":"Số lao động"}},)"
           R"({"name":"ghi","type":"text","label":{"vi":"Ghi chú"},"relevant":")" + relevant + R"("}]})";
}

std::vector<std::string> paths(ApiFixture& api, const kc::server::Response& response) {
    std::vector<std::string> out;
    const auto body = api.json(response);
    for (const auto& field : body.at("error").at("fields").as_array())
        out.emplace_back(field.at("path").as_string());
    return out;
}

} // namespace

TEST_CASE("a form is checked, then published, and its versions only go forward", "[api][forms]") {
    ApiFixture api("forms-publish");
    // Broken: every problem named by its path, nothing published.
    const auto broken = api.as("quantri", "POST", "/v1/admin/forms", simpleForm(1, "${s0} > 0"), kJson);
    REQUIRE(broken.status == 422);
    CHECK(api.errorCode(broken) == "invalid_form");
    CHECK(paths(api, broken) == std::vector<std::string>{"questions[1].relevant"});
    CHECK_THAT(std::string(api.json(broken).at("error").at("fields").at(0).at("message").as_string()),
               Catch::Contains("did you mean ${so}?"));
    CHECK_FALSE(api.store->findForm("khao_sat_nhanh", 1));

    // Checked only: the summary, nothing published.
    const auto checked = api.as("quantri", "POST", "/v1/admin/forms?check=true", simpleForm(1), kJson);
    REQUIRE(checked.status == 200);
    CHECK(api.json(checked).at("published") == false);
    CHECK(api.json(checked).at("questions") == 2);
    CHECK_FALSE(api.store->findForm("khao_sat_nhanh", 1));

    const auto published = api.as("quantri", "POST", "/v1/admin/forms", simpleForm(1), kJson);
    REQUIRE(published.status == 201);
    CHECK(api.json(published).at("published") == true);
    REQUIRE(api.store->findForm("khao_sat_nhanh", 1));
    // Every device learns of it by pull; the form list shows it.
    bool listed = false;
    const auto list = api.json(api.as("canbo", "GET", "/v1/forms"));
    for (const auto& form : list.at("forms").as_array())
        listed = listed || form.at("id") == "khao_sat_nhanh";
    CHECK(listed);

    // The same again changes nothing; another definition under version 1 is refused; version 2 goes.
    CHECK(api.as("quantri", "POST", "/v1/admin/forms", simpleForm(1), kJson).status == 200);
    const auto taken = api.as("quantri", "POST", "/v1/admin/forms", simpleForm(1, "${so} > 5"), kJson);
    CHECK(taken.status == 409);
    CHECK(api.errorCode(taken) == "version_taken");
    CHECK(api.as("quantri", "POST", "/v1/admin/forms", simpleForm(3, "${so} > 5"), kJson).status == 201);
    const auto behind = api.as("quantri", "POST", "/v1/admin/forms", simpleForm(2, "${so} > 9"), kJson);
    CHECK(behind.status == 409);
    CHECK(api.errorCode(behind) == "version_behind");
    const auto forms = api.json(api.as("duyet", "GET", "/v1/forms")).at("forms").as_array();  // a copy
    for (const auto& form : forms)
        if (form.at("id") == "khao_sat_nhanh") {
            CHECK(form.at("version") == 3);
            CHECK(kc::json::serialize(form.at("versions")) == "[1,3]");
        }
    // Logged once per version published.
    const auto log = api.json(api.as("quantri", "GET", "/v1/audit?record=form/khao_sat_nhanh&limit=10"));
    CHECK(log.at("entries").as_array().size() == 2);
}

TEST_CASE("an XLSForm workbook is published as it is, its problems named by sheet and row", "[api][forms][xlsform]") {
    ApiFixture api("forms-xlsx");
    const auto dir = api.dir / "sheets";
    std::filesystem::create_directories(dir);
    const auto good = kc::test::writeWorkbook(dir / "good.xlsx",
        {{"survey", {{"type", "name", "label::Tiếng Việt (vi)"}, {"integer", "so", "Số lao động"}, {"text", "ghi", "Ghi chú"}}},
         {"settings", {{"form_id", "version"}, {"tu_excel", "2"}}}});
    const auto published = api.as("quantri", "POST", "/v1/admin/forms", kc::test::readBytes(good), kXlsx);
    REQUIRE(published.status == 201);
    CHECK(api.json(published).at("id") == "tu_excel");
    CHECK(api.json(published).at("version") == 2);

    const auto bad = kc::test::writeWorkbook(dir / "bad.xlsx",
        {{"survey", {{"type", "name", "label"}, {"integr", "so", "Số"}, {"text", "ghi", "Ghi", }, {"begin group", "nhom", "Nhóm"}}}});
    const auto refused = api.as("quantri", "POST", "/v1/admin/forms?name=bad.xlsx", kc::test::readBytes(bad), kXlsx);
    REQUIRE(refused.status == 422);
    const auto named = paths(api, refused);
    CHECK(std::find(named.begin(), named.end(), "survey, row 2, type") != named.end());
    CHECK(std::find(named.begin(), named.end(), "survey, row 4, type") != named.end());
    CHECK_FALSE(api.store->findForm("bad", 1));
}

TEST_CASE("what a careless or hostile client sends to publishing changes nothing", "[api][forms]") {
    ApiFixture api("forms-hostile");
    const auto before = api.store->latestForms().size();
    CHECK(api.as("duyet", "POST", "/v1/admin/forms", simpleForm(1), kJson).status == 403);
    CHECK(api.as("canbo", "POST", "/v1/admin/forms", simpleForm(1), kJson).status == 403);
    CHECK(api.call("POST", "/v1/admin/forms", simpleForm(1), {}, kJson).status == 401);
    CHECK(api.as("quantri", "POST", "/v1/admin/forms", simpleForm(1), {{"content-type", "text/plain"}}).status == 415);
    CHECK(api.as("quantri", "POST", "/v1/admin/forms", "", kJson).status == 400);
    CHECK(api.as("quantri", "POST", "/v1/admin/forms", "{\"id\":", kJson).status == 422);
    CHECK(api.as("quantri", "POST", "/v1/admin/forms", "not a zip", kXlsx).status == 422);
    CHECK(api.as("quantri", "POST", "/v1/admin/forms?check=maybe", simpleForm(1), kJson).status == 400);
    // A library form cannot be rewritten under its own version.
    auto library = kc::json::parse(api.store->findForm("monitoring_visit", 1)->definition);
    library.as_object()["title"].as_object()["vi"] = "Đổi tên";
    CHECK(api.as("quantri", "POST", "/v1/admin/forms", kc::json::serialize(library), kJson).status == 409);
    CHECK(api.store->latestForms().size() == before);
}
