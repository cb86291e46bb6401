// A reviewer decides on facilities flagged as likely duplicates: side by side, then kept
// apart or merged; a merged one leaves the lists and the devices, its records follow the kept
// one, and nothing of another province can be touched.
#include "ApiFixture.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>

using kc::test::ApiFixture;
using kc::test::newId;
namespace bj = boost::json;

namespace {

//! "HTX Tâm Hòa" typed again without diacritics, in the same commune: flagged.
std::string registerDuplicate(ApiFixture& api) {
    const std::string id = newId();
    bj::object facility{{"id", id}, {"name", "htx tam hoa"}, {"legal_form", "cooperative"},
                        {"sector", "agro_forestry_processing"}, {"province", "04"}, {"commune", "04-003"}};
    const auto created = api.as("canbo", "POST", "/v1/facilities", kc::json::serialize(facility));
    REQUIRE(created.status == 201);
    REQUIRE(api.json(created).at("needs_review").as_bool());
    return id;
}

bj::array flagged(ApiFixture& api, const std::string& user) {
    const auto response = api.as(user, "GET", "/v1/facility-duplicates");
    REQUIRE(response.status == 200);
    return api.json(response).at("facilities").as_array();
}

} // namespace

TEST_CASE("a flagged facility is shown with its candidates, and merged: its records follow the kept one", "[api][registers][duplicates]") {
    ApiFixture api("duplicates-merge");
    const std::string original = api.facilityId("HTX Tâm Hòa");
    const std::string duplicate = registerDuplicate(api);
    // A project names both as beneficiaries, another the duplicate alone.
    auto both = *api.store->findProject(api.projectId("KCQG-2024-01"));
    both.id.clear();
    both.code = "KCĐP-2026-91";
    both.beneficiaryIds = {original, duplicate};
    const std::string bothId = api.store->createProject(both);
    both.code = "KCĐP-2026-92";
    both.beneficiaryIds = {duplicate};
    const std::string aloneId = api.store->createProject(both);

    const auto list = flagged(api, "duyet");
    REQUIRE(list.size() == 1);
    CHECK(list[0].at("facility").at("id").as_string() == duplicate);
    REQUIRE(list[0].at("candidates").as_array().size() == 1);
    CHECK(list[0].at("candidates").at(0).at("facility").at("id").as_string() == original);
    CHECK(list[0].at("candidates").at(0).at("facility").at("name") == "HTX Tâm Hòa");
    CHECK(list[0].at("candidates").at(0).at("reason") == "same_name_same_commune");
    CHECK(flagged(api, "duyet_cm").empty());
    CHECK(api.as("canbo", "GET", "/v1/facility-duplicates").status == 403);
    CHECK(api.as("ctv", "POST", "/v1/facilities/" + duplicate + "/merge", R"({"into":")" + original + R"("})").status == 403);
    CHECK(api.as("duyet_cm", "POST", "/v1/facilities/" + duplicate + "/merge", R"({"into":")" + original + R"("})").status == 404);

    const auto pulledBefore = api.json(api.as("canbo", "GET", "/v1/pull?since=0&limit=1000")).at("next");
    const auto merged = api.as("duyet", "POST", "/v1/facilities/" + duplicate + "/merge", R"({"into":")" + original + R"("})");
    REQUIRE(merged.status == 200);
    CHECK(api.json(merged).at("kept").at("id").as_string() == original);
    CHECK(api.json(merged).at("merged").as_string() == duplicate);

    // Gone from the lists and the flags; the officer's device receives a tombstone.
    CHECK(flagged(api, "duyet").empty());
    const auto search = api.json(api.as("canbo", "GET", "/v1/facilities?q=tam%20hoa")).at("facilities").as_array();
    REQUIRE(search.size() == 1);
    CHECK(search[0].at("id").as_string() == original);
    bool tombstone = false;
    const auto changes = api.json(api.as("canbo", "GET", "/v1/pull?since=" + std::string(pulledBefore.as_string()) + "&limit=1000"));
    for (const auto& change : changes.at("changes").as_array())
        tombstone = tombstone || (change.at("id").as_string() == duplicate && change.at("deleted").as_bool());
    CHECK(tombstone);
    CHECK(api.store->mergedInto(duplicate) == original);
    CHECK(api.store->findProject(bothId)->beneficiaryIds == std::vector<std::string>{original});
    CHECK(api.store->findProject(aloneId)->beneficiaryIds == std::vector<std::string>{original});
    // Decided once: the duplicate cannot be merged or kept again.
    CHECK(api.as("duyet", "POST", "/v1/facilities/" + duplicate + "/keep").status == 404);
    // Logged, and shown to the province's admin.
    const auto log = api.json(api.as("quantri", "GET", "/v1/audit?record=facility/" + duplicate));
    REQUIRE(log.at("entries").as_array().size() == 1);
    CHECK(log.at("entries").at(0).at("action") == "facility.merge");
}

TEST_CASE("a flagged facility kept apart stays, unflagged, and bad merges change nothing", "[api][registers][duplicates]") {
    ApiFixture api("duplicates-keep");
    const std::string original = api.facilityId("HTX Tâm Hòa");
    const std::string duplicate = registerDuplicate(api);
    const auto before = api.store->counts().facilities;

    const std::pair<std::string, int> bad[] = {
        {R"({"into":")" + duplicate + R"("})", 400},           // itself
        {R"({"into":"nobody"})", 400},
        {R"({"into":")" + newId() + R"("})", 400},             // no such facility
        {R"({})", 400},
        {R"({"into":)" + std::string("42") + "}", 400},
    };
    for (const auto& [body, status] : bad) {
        INFO(body);
        CHECK(api.as("duyet", "POST", "/v1/facilities/" + duplicate + "/merge", body).status == status);
    }
    // Another province's facility is not the reviewer's to keep, nor to merge into.
    bj::object foreign{{"id", newId()}, {"name", "HTX Cà Mau"}, {"legal_form", "cooperative"},
                       {"sector", "agro_forestry_processing"}, {"province", "96"}};
    const auto made = api.as("canbo_cm", "POST", "/v1/facilities", kc::json::serialize(foreign));
    REQUIRE(made.status == 201);
    const std::string foreignId(foreign.at("id").as_string());
    CHECK(api.as("duyet", "POST", "/v1/facilities/" + duplicate + "/merge", R"({"into":")" + foreignId + R"("})").status == 400);
    CHECK(api.as("duyet", "POST", "/v1/facilities/" + foreignId + "/keep").status == 404);
    CHECK(api.as("duyet", "POST", "/v1/facilities/" + duplicate.substr(0, 8) + "/keep").status == 400);
    CHECK(api.store->mergedInto(duplicate) == std::nullopt);

    REQUIRE(api.as("duyet", "POST", "/v1/facilities/" + duplicate + "/keep").status == 200);
    CHECK(flagged(api, "duyet").empty());
    CHECK(api.store->counts().facilities == before + 1);  // the foreign one only; nothing merged
    CHECK(api.as("duyet", "GET", "/v1/facilities/" + duplicate).status == 200);
    (void)original;
}

TEST_CASE("central staff correct a facility: checked, logged, sent to devices again", "[api][registers]") {
    ApiFixture api("facility-update");
    const std::string id = api.facilityId("HTX Tâm Hòa");
    auto facility = api.json(api.as("duyet", "GET", "/v1/facilities/" + id));
    facility.as_object()["representative"] = "Nông Văn Tâm";
    facility.as_object()["workforce"] = 40;
    const auto since = api.json(api.as("canbo", "GET", "/v1/pull?since=0&limit=1000")).at("next");
    const auto updated = api.as("duyet", "PUT", "/v1/facilities/" + id, kc::json::serialize(facility));
    REQUIRE(updated.status == 200);
    CHECK(api.store->findFacility(id)->representative == "Nông Văn Tâm");
    CHECK(api.store->findFacility(id)->workforce == 40);
    bool resent = false;
    const auto changes = api.json(api.as("canbo", "GET", "/v1/pull?since=" + std::string(since.as_string()) + "&limit=1000"));
    for (const auto& change : changes.at("changes").as_array())
        resent = resent || change.at("id").as_string() == id;
    CHECK(resent);
    const auto log = api.json(api.as("quantri", "GET", "/v1/audit?record=facility/" + id));
    CHECK(log.at("entries").at(0).at("action") == "facility.update");

    // Nothing wrong is stored: another province, a commune elsewhere, a new id, a bad code, officers.
    const std::pair<const char*, const char*> bad[] = {{"province", "\"96\""}, {"commune", "\"96-001\""},
                                                       {"id", "\"01a2b3c4-0000-7000-8000-000000000000\""},
                                                       {"legal_form", "\"htx\""}, {"name", "\"\""}, {"needs_review", "false"}};
    for (const auto& [field, value] : bad) {
        auto wrong = facility;
        wrong.as_object()[field] = kc::json::parse(value);
        const auto response = api.as("duyet", "PUT", "/v1/facilities/" + id, kc::json::serialize(wrong));
        INFO(field << " -> " << response.body);
        CHECK((response.status == 400 || response.status == 403));
    }
    CHECK(api.as("canbo", "PUT", "/v1/facilities/" + id, kc::json::serialize(facility)).status == 403);
    CHECK(api.as("duyet_cm", "PUT", "/v1/facilities/" + id, kc::json::serialize(facility)).status == 404);
    CHECK(api.store->findFacility(id)->provinceCode == "04");
    CHECK(api.store->findFacility(id)->legalForm == "cooperative");
}

TEST_CASE("a project's assignments and the collaborators who could take it, for staff", "[api][registers]") {
    ApiFixture api("project-assignments");
    const std::string project = api.projectId("KCQG-2024-01");
    const auto listed = api.json(api.as("duyet", "GET", "/v1/projects/" + project + "/assignments"));
    REQUIRE(listed.at("assignments").as_array().size() == 1);  // the demo's ctv
    CHECK(listed.at("assignments").at(0).at("username").as_string() == "ctv");
    bool offered = false;
    for (const auto& user : listed.at("collaborators").as_array())
        offered = offered || user.at("username").as_string() == "ctv";
    CHECK(offered);
    CHECK(api.as("ctv", "GET", "/v1/projects/" + project + "/assignments").status == 403);
    CHECK(api.as("duyet_cm", "GET", "/v1/projects/" + project + "/assignments").status == 404);
    const std::string other = api.projectId("KCQG-2023-01");
    REQUIRE(api.as("duyet", "POST", "/v1/assignments", R"({"project_id":")" + other + R"(","username":"ctv"})").status == 201);
    CHECK(api.json(api.as("duyet", "GET", "/v1/projects/" + other + "/assignments")).at("assignments").as_array().size() == 1);
}
