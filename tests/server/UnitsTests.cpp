// Administrative units: the register an empty store is set up with, validity and successors
// (1 July 2025: Bạc Liêu became part of Cà Mau), and the README's production steps from an
// empty store to a first sync and a first report, with the real binary.
#include "ApiFixture.hpp"
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"

#include "admin/RegisterImport.hpp"
#include "seed/ReportedForms.hpp"
#include "util/Sha256.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <sys/wait.h>
#include <fstream>

using kc::test::ApiFixture;
using kc::test::httpRequest;
using kc::test::ServerProcess;
namespace bj = boost::json;

namespace {

const char* const kUnits =
    "code,name,kind,parent,valid_from,valid_to,successor\n"
    "04,Cao Bằng,province,,,,\n"
    "04-101,Phường Thục Phán,commune,04,2025-07-01,,\n"
    "04-102,Xã Hòa An,commune,04,2025-07-01,,\n";

struct Ran {
    int code;
    std::string output;
};

//! The real kcfield-server with `args`, `input` on its stdin; what it printed, both streams.
Ran runBinary(const std::string& args, const std::string& input = {}) {
    const std::string command = "printf '%s\\n' '" + input + "' | '" KC_SERVER_BINARY "' " + args + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, n);
    const int status = pclose(pipe);
    return {WEXITSTATUS(status), output};
}

std::filesystem::path write(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
    return dir / name;
}

std::map<std::string, std::string> bearer(const std::string& token) { return {{"authorization", "Bearer " + token}}; }

std::string signIn(const ServerProcess& server, const std::string& user, const std::string& password) {
    const auto reply = httpRequest(server.port(), "POST", "/v1/auth/sign-in",
                                   R"({"username":")" + user + R"(","password":")" + password + R"(","device":"test"})");
    INFO(reply.body);
    REQUIRE(reply.status == 200);
    return std::string(kc::json::parse(reply.body).at("token").as_string());
}

} // namespace

TEST_CASE("units: a CSV of the GSO's units imports all rows or none, each problem named by line", "[units][admin]") {
    ApiFixture api("units-import");
    const auto bad = kc::server::importUnits(*api.store,
                                             "code,name,kind,parent,valid_from,valid_to,successor\n"
                                             "19,Thái Nguyên,province,,,,\n"
                                             "06,Bắc Kạn,province,,,2025-06-30,19\n"
                                             "06-001,Xã Lạ,commune,,,,\n"
                                             "07,Tỉnh X,district,,,,\n"
                                             "08,Tỉnh Y,province,,2025-13-01,,\n"
                                             "09,Tỉnh Z,province,,,,77\n");
    REQUIRE(bad.errors.size() == 4);
    CHECK_THAT(bad.errors[0], Catch::Contains("line 4: parent: a commune needs the code of its province"));
    CHECK_THAT(bad.errors[1], Catch::Contains("line 5: kind: unknown code \"district\""));
    CHECK_THAT(bad.errors[2], Catch::Contains("line 6: valid_from: expected a date as YYYY-MM-DD"));
    CHECK_THAT(bad.errors[3], Catch::Contains("line 7: valid_to: a unit with a successor needs the last day"));
    CHECK_FALSE(api.store->provinceName("19"));

    const auto missingSuccessor = kc::server::importUnits(*api.store, "code,name,kind,valid_to,successor\n"
                                                                      "06,Bắc Kạn,province,2025-06-30,19\n");
    REQUIRE(missingSuccessor.errors.size() == 1);
    CHECK_THAT(missingSuccessor.errors[0], Catch::Contains("unit 06: successor: province 19 is in neither"));
    CHECK_FALSE(api.store->provinceName("06"));

    const auto loop = kc::server::importUnits(*api.store, "code,name,kind,valid_to,successor\n"
                                                          "61,A,province,2025-06-30,62\n"
                                                          "62,B,province,2025-06-30,61\n");
    REQUIRE(loop.errors.size() == 1);
    CHECK_THAT(loop.errors[0], Catch::Contains("leads back to"));

    const auto good = kc::server::importUnits(*api.store, "code,name,kind,parent,valid_from,valid_to,successor\n"
                                                          "19,Thái Nguyên,province,,,,\n"
                                                          "06,Bắc Kạn,province,,,2025-06-30,19\n"
                                                          "06-001,Phường Đức Xuân,commune,06,,2025-06-30,19-001\n"
                                                          "19-001,Phường Bắc Kạn,commune,19,2025-07-01,,\n");
    INFO((good.errors.empty() ? "" : good.errors[0]));
    REQUIRE(good.errors.empty());
    CHECK(good.imported == 4);
    CHECK(api.store->withPredecessors({"19"}) == std::vector<std::string>{"06", "19"});
    CHECK(api.store->withPredecessors({"06"}) == std::vector<std::string>{"06"});
    const auto units = api.store->listUnits();
    const auto found = std::find_if(units.begin(), units.end(), [](const auto& u) { return u.code == "06-001"; });
    REQUIRE(found != units.end());
    CHECK(found->successor == std::optional<std::string>("19-001"));
    CHECK(found->validTo == std::optional<std::string>("2025-06-30"));
}

TEST_CASE("units: the successor's scopes and reports include what was recorded under the merged unit",
          "[units][api][report]") {
    ApiFixture api("units-merged");
    // Bạc Liêu (95) joined Cà Mau (96) on 1 July 2025; its 2024 project and facility keep code 95.
    REQUIRE(kc::server::importUnits(*api.store, "code,name,kind,parent,valid_to,successor\n"
                                                "95,Bạc Liêu,province,,2025-06-30,96\n"
                                                "95-001,Phường 1,commune,95,2025-06-30,96-001\n")
                .errors.empty());
    kc::domain::Facility facility;
    facility.name = "HTX muối Đông Hải";
    facility.legalForm = "cooperative";
    facility.sector = "agro_forestry_processing";
    facility.provinceCode = "95";
    facility.communeCode = "95-001";
    const std::string facilityId = api.store->createFacility(facility);
    kc::domain::Project project;
    project.code = "KCĐP-2024-95";
    project.title = "Hỗ trợ máy sấy muối";
    project.year = 2024;
    project.fundingSource = "local";
    project.activityType = "advanced_machinery";
    project.provinceCode = "95";
    project.status = "completed";
    project.extensionFunding = 300'000'000;
    project.beneficiaryIds = {facilityId};
    api.store->createProject(project);

    const auto camau = api.json(api.as("duyet_cm", "GET", "/v1/reports/programme.json?provinces=96&from=2024&to=2024"));
    CHECK(camau.at("money").at("total").at("extension_funding") == 300'000'000);
    CHECK(camau.at("facilities_supported") == 1);
    const auto caoBang = api.json(api.as("duyet", "GET", "/v1/reports/programme.json?provinces=04&from=2024&to=2024"));
    CHECK(caoBang.at("money").at("total").at("extension_funding").as_int64() != 300'000'000);

    CHECK(api.as("canbo_cm", "GET", "/v1/facilities/" + facilityId).status == 200);
    CHECK(api.as("canbo", "GET", "/v1/facilities/" + facilityId).status == 404);
    const auto listed = api.json(api.as("canbo_cm", "GET", "/v1/facilities?q=muoi"));
    CHECK(listed.at("facilities").as_array().size() == 1);
}

TEST_CASE("units: the API lists units to everyone and lets an admin keep only their own", "[units][api]") {
    ApiFixture api("units-api");
    const auto listed = api.json(api.as("ctv", "GET", "/v1/units"));
    bool caoBang = false;
    for (const auto& unit : listed.at("units").as_array())
        caoBang = caoBang || (unit.at("code") == "04" && unit.at("kind") == "province" && unit.at("valid_to").is_null());
    CHECK(caoBang);
    CHECK(api.call("GET", "/v1/units").status == 401);

    const std::string commune = R"({"units":[{"code":"04-201","name":"Xã Minh Khai","kind":"commune","parent":"04"}]})";
    CHECK(api.as("duyet", "POST", "/v1/units", commune).status == 403);
    const auto added = api.as("quantri", "POST", "/v1/units", commune);
    INFO(added.body);
    CHECK(added.status == 200);
    CHECK(api.store->communeProvince("04-201") == std::optional<std::string>("04"));
    const auto foreign = api.as("quantri", "POST", "/v1/units",
                                R"({"units":[{"code":"96-201","name":"Xã Lạ","kind":"commune","parent":"96"}]})");
    CHECK(foreign.status == 403);
    CHECK_FALSE(api.store->communeProvince("96-201"));
    const auto newProvince = api.as("quantri", "POST", "/v1/units", R"({"units":[{"code":"77","name":"Tỉnh","kind":"province"}]})");
    CHECK(newProvince.status == 403);
    const auto badDate = api.as("quantri", "POST", "/v1/units",
                                R"({"units":[{"code":"04-202","name":"Xã","kind":"commune","parent":"04","valid_to":"30/06/2025"}]})");
    CHECK(badDate.status == 400);
    CHECK(api.json(badDate).at("error").at("fields").at(0).at("path") == "units[0].valid_to");
    const auto noSuccessor = api.as("quantri", "POST", "/v1/units",
                                    R"({"units":[{"code":"04-102","name":"Xã","kind":"commune","parent":"04","valid_to":"2025-06-30","successor":"04-999"}]})");
    CHECK(noSuccessor.status == 422);
    CHECK_FALSE(api.store->communeProvince("04-102"));
}

TEST_CASE("units: the README's production steps, from an empty store to a first sync and a first report",
          "[units][admin][e2e]") {
    const auto dir = kc::test::freshTempDir("production");
    std::string data = " --data '" + dir.string() + "'";
    if (kc::test::onPostgres())  // the engine under test: the CLI and the server on one store
        data += " --store '" + kc::test::postgresFor(dir) + "'";
    const auto early = runBinary("users add lan --role officer --province 04 --name 'Lò Thị Lan'" + data, "matkhau-lan-1");
    CHECK(early.code == 1);
    CHECK_THAT(early.output, Catch::Contains("province 04 is not in the store; import the administrative units first"));
    CHECK(early.output.find("SQLite") == std::string::npos);
    const auto facilitiesFirst = runBinary("import facilities '" +
                                           write(dir, "facilities.csv",
                                                 "name,legal_form,sector,province,commune\n"
                                                 "HTX Tâm Hòa,cooperative,agro_forestry_processing,04,04-102\n")
                                               .string() + "'" + data);
    CHECK(facilitiesFirst.code == 1);
    CHECK_THAT(facilitiesFirst.output, Catch::Contains("kcfield-server units import"));

    const auto units = runBinary("units import '" + write(dir, "units.csv", kUnits).string() + "'" + data);
    INFO(units.output);
    REQUIRE(units.code == 0);
    CHECK_THAT(units.output, Catch::Contains("imported 3 administrative units"));
    REQUIRE(runBinary("users add lan --role officer --province 04 --name 'Lò Thị Lan'" + data, "matkhau-lan-1").code == 0);
    REQUIRE(runBinary("users add thu --role reviewer --province 04 --name 'Lê Thị Thu'" + data, "matkhau-thu-1").code == 0);
    REQUIRE(runBinary("import facilities '" + (dir / "facilities.csv").string() + "'" + data).code == 0);
    const auto projects = runBinary(
        "import projects '" +
        write(dir, "projects.csv",
              "code,title,year,funding_source,activity_type,province,status,status_reason,extension_funding,"
              "counterpart_capital,investment_attracted,jobs_created,beneficiaries\n"
              "KCĐP-2026-01,Hỗ trợ máy sấy,2026,local,advanced_machinery,04,in_progress,,250000000,100000000,350000000,4,HTX Tâm Hòa\n"
              "KCĐP-2026-02,Hội chợ,2026,local,trade_fair,04,cancelled,Cơ sở đổi kế hoạch,50000000,0,0,0,\n")
            .string() + "'" + data);
    INFO(projects.output);
    REQUIRE(projects.code == 0);

    ServerProcess server(dir, {"--no-demo"});
    const std::string lan = signIn(server, "lan", "matkhau-lan-1");
    const auto pulled = kc::json::parse(httpRequest(server.port(), "GET", "/v1/pull?since=0&limit=1000", "", bearer(lan)).body);
    std::string facilityId;
    for (const auto& change : pulled.at("changes").as_array())
        if (change.at("kind") == "facility")
            facilityId = std::string(change.at("id").as_string());
    REQUIRE_FALSE(facilityId.empty());
    const std::string photo = "\xFF\xD8\xFF a survey photo";
    const std::string sha = kc::server::sha256Hex(photo);
    REQUIRE(httpRequest(server.port(), "POST", "/v1/attachments",
                        kc::json::serialize(bj::object{{"sha256", sha}, {"size", photo.size()}, {"content_type", "image/jpeg"}}),
                        bearer(lan)).status == 201);
    auto patch = bearer(lan);
    patch["upload-offset"] = "0";
    patch["content-type"] = "application/offset+octet-stream";
    REQUIRE(httpRequest(server.port(), "PATCH", "/v1/attachments/" + sha, photo, patch).status == 200);
    const std::string id = kc::Uuid::v7().toString();
    const auto item = kc::server::answers::pushItem(
        id, "site_survey", kc::server::answers::siteSurvey(facilityId, "2026-03-02", 22.67, 106.25, "Lạp sườn", 12, sha));
    const auto pushed = httpRequest(server.port(), "POST", "/v1/push",
                                    kc::json::serialize(bj::object{{"submissions", bj::array{item}}}), bearer(lan));
    INFO(pushed.body);
    REQUIRE(kc::json::parse(pushed.body).at("receipts").at(0).at("status") == "accepted");

    const std::string thu = signIn(server, "thu", "matkhau-thu-1");
    REQUIRE(httpRequest(server.port(), "POST", "/v1/submissions/" + id + "/review", R"({"action":"approve","revision":1})",
                        bearer(thu)).status == 200);
    const auto report = kc::json::parse(
        httpRequest(server.port(), "GET", "/v1/reports/programme.json?from=2026&to=2026", "", bearer(thu)).body);
    CHECK(report.at("surveys") == 1);
    CHECK(report.at("projects").at("total") == 1);
    CHECK(report.at("money").at("total").at("extension_funding") == 250'000'000);
    CHECK(report.at("not_carried_out").at("cancelled").at("projects") == 1);
    CHECK(report.at("facilities_supported") == 1);
}
