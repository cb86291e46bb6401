// Every endpoint × every role × a foreign province: who may read and write what.
#include "ApiFixture.hpp"

#include "kc/json/Json.hpp"
#include "auth/PasswordHasher.hpp"
#include "util/Sha256.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using kc::test::ApiFixture;
using kc::test::newId;
namespace bj = boost::json;

TEST_CASE("scope matrix: every endpoint answers each role as the protocol says", "[api][scope]") {
    ApiFixture api("scope-matrix");
    const std::string photo = api.upload("canbo", "a photo only canbo and staff may fetch");
    const std::string submission = newId();
    REQUIRE(api.push("canbo", {api.progressReport(submission, "KCQG-2024-01", photo)})[0].at("status") == "accepted");
    const std::string project = api.projectId("KCQG-2024-01");        // assigned to ctv
    const std::string otherProject = api.projectId("KCQG-2023-01");   // Cao Bằng, not ctv's
    const std::string facility = api.facilityId("HTX Tâm Hòa");       // beneficiary of ctv's project
    const std::string otherFacility = api.facilityId("HTX Miến dong Phia Đén");
    const std::string foreignProject = api.projectId("KCĐP-2025-11"); // Cà Mau

    struct Row {
        const char* method;
        std::string target;
        std::string body;
        // Expected status for: quantri (admin), duyet (reviewer), canbo (officer), ctv
        // (collaborator), duyet_cm (reviewer of Cà Mau), canbo_cm (officer of Cà Mau).
        std::array<int, 6> expected;
    };
    const std::vector<Row> rows = {
        {"GET", "/v1/me", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/v1/pull", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/v1/facilities/" + facility, "", {200, 200, 200, 200, 404, 404}},
        {"GET", "/v1/facilities/" + otherFacility, "", {200, 200, 200, 404, 404, 404}},
        {"GET", "/v1/projects/" + project, "", {200, 200, 200, 200, 404, 404}},
        {"GET", "/v1/projects/" + otherProject, "", {200, 200, 200, 404, 404, 404}},
        {"GET", "/v1/projects/" + foreignProject, "", {404, 404, 404, 404, 200, 200}},
        {"GET", "/v1/submissions/" + submission, "", {200, 200, 200, 404, 404, 404}},
        {"GET", "/v1/submissions/" + submission + "/diff", "", {200, 200, 200, 404, 404, 404}},
        {"GET", "/v1/attachments/" + photo + "/content", "", {200, 200, 200, 404, 404, 404}},
        {"GET", "/v1/exports/progress_report.csv", "", {200, 200, 403, 403, 200, 403}},
        {"GET", "/v1/reports/programme.json", "", {200, 200, 403, 403, 200, 403}},
        {"GET", "/v1/reports/programme.csv?provinces=04", "", {200, 200, 403, 403, 403, 403}},
        {"GET", "/v1/reports/programme.json?provinces=96", "", {403, 403, 403, 403, 200, 403}},
        {"GET", "/v1/audit", "", {200, 403, 403, 403, 403, 403}},
        {"GET", "/metrics", "", {200, 403, 403, 403, 403, 403}},
        {"POST", "/v1/admin/enrollment-codes", R"({"username":"canbo"})", {201, 403, 403, 403, 403, 403}},
        {"GET", "/v1/forms", "", {200, 200, 200, 200, 200, 200}},
        {"GET", "/v1/admin/users", "", {200, 403, 403, 403, 403, 403}},
        {"POST", "/v1/admin/users/canbo/enable", "{}", {200, 403, 403, 403, 403, 403}},
        {"POST", "/v1/admin/users/canbo_cm/sign-out", "{}", {404, 403, 403, 403, 403, 403}},
        {"POST", "/v1/admin/users", R"({"username":"moi","display_name":"Mới","role":"officer","provinces":["96"]})",
         {403, 403, 403, 403, 403, 403}},
        {"POST", "/v1/assignments", R"({"project_id":")" + otherProject + R"(","username":"ctv"})",
         {201, 409, 403, 403, 404, 403}},
        {"POST", "/v1/submissions/" + submission + "/review", R"({"action":"reject","revision":1,"comment":"x"})",
         {409, 409, 403, 403, 404, 403}},
    };
    const std::array<std::string, 6> users{"quantri", "duyet", "canbo", "ctv", "duyet_cm", "canbo_cm"};
    for (const auto& row : rows)
        for (std::size_t u = 0; u < users.size(); ++u) {
            // Reviewing happens once; later rows see the state it left (409 invalid_state).
            if (row.target.ends_with("/review") && u == 0) {
                const auto response = api.as(users[u], row.method, row.target, row.body);
                INFO(row.method << ' ' << row.target << " as " << users[u] << ": " << response.body);
                CHECK((response.status == 200 || response.status == 409));
                continue;
            }
            const auto response = api.as(users[u], row.method, row.target, row.body);
            INFO(row.method << ' ' << row.target << " as " << users[u] << ": " << response.body);
            CHECK(response.status == row.expected[u]);
        }
    // Nothing any refused call could have written: the submission is as the one reviewer left it.
    CHECK(api.store->findSubmission(submission)->reviewedBy == api.store->findUserByName("quantri")->id);
}

TEST_CASE("scope matrix: the audit log shows an admin what concerns their provinces only", "[api][scope][audit]") {
    ApiFixture api("scope-audit");
    // An admin of Cà Mau only, beside the demo's admin of Cao Bằng.
    api.store->createUser({"quantri_cm", "Quản trị Cà Mau", kc::domain::Role::Admin,
                           kc::server::hashPassword("khuyencong"), {"96"}});
    // Cao Bằng work: a report pushed, returned with a comment; an assignment made.
    const std::string photo = api.upload("canbo", "a photo of the dryer");
    const std::string submission = newId();
    REQUIRE(api.push("canbo", {api.progressReport(submission, "KCQG-2024-01", photo)})[0].at("status") == "accepted");
    REQUIRE(api.as("duyet", "POST", "/v1/submissions/" + submission + "/review",
                   R"({"action":"return","revision":1,"comment":"Bổ sung ảnh máy sấy"})").status == 200);
    // Cà Mau work: an enrollment code for its officer.
    REQUIRE(api.as("quantri_cm", "POST", "/v1/admin/enrollment-codes", R"({"username":"canbo_cm","device":"Máy A"})")
                .status == 201);

    const auto records = [&](const std::string& admin) {
        const auto listed = api.as(admin, "GET", "/v1/audit?limit=1000");
        REQUIRE(listed.status == 200);
        std::vector<std::string> out;
        const auto body = api.json(listed);
        for (const auto& entry : body.at("entries").as_array())
            out.emplace_back(entry.at("record").as_string());
        return out;
    };
    const auto caoBang = records("quantri");
    const auto caMau = records("quantri_cm");
    const auto has = [](const std::vector<std::string>& list, const std::string& record) {
        return std::find(list.begin(), list.end(), record) != list.end();
    };
    CHECK(has(caoBang, "submission/" + submission));
    CHECK_FALSE(has(caMau, "submission/" + submission));  // who sent it, and the comment, stay in 04
    const std::string officerCm = "user/" + api.store->findUserByName("canbo_cm")->id;
    CHECK(has(caMau, officerCm));
    CHECK_FALSE(has(caoBang, officerCm));
    // Asking for a foreign record by name changes nothing.
    const auto asked = api.as("quantri_cm", "GET", "/v1/audit?record=submission/" + submission);
    REQUIRE(asked.status == 200);
    CHECK(api.json(asked).at("entries").as_array().empty());
}

TEST_CASE("attachments: a server stopped after the last chunk's file was in place, before the store knew, "
          "counts the upload complete and asks for no byte again", "[api][attachments]") {
    ApiFixture api("attachments-crash");
    const std::string bytes = "\xFF\xD8\xFF" + std::string(199'997, 'y');  // a JPEG's signature first
    const std::string sha = kc::server::sha256Hex(bytes);
    const std::string start = kc::json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()},
                                                             {"content_type", "image/jpeg"}});
    REQUIRE(api.as("canbo", "POST", "/v1/attachments", start).status == 201);
    // What the last PATCH did before the kill: the bytes appended and checked, the file renamed.
    const std::string canbo = api.store->findUserByName("canbo")->id;
    REQUIRE(api.files->append(sha, canbo, 0, bytes).atOffset);
    REQUIRE(api.files->finish(sha, canbo));
    REQUIRE_FALSE(api.store->findAttachment(sha));
    // The device asks again where to resume: nowhere, it is done.
    const auto where = api.as("canbo", "GET", "/v1/attachments/" + sha);
    CHECK(api.json(where).at("complete").as_bool());
    CHECK(api.json(where).at("offset") == 200'000);
    const auto again = api.as("canbo", "POST", "/v1/attachments", start);
    CHECK(again.status == 200);
    CHECK(api.json(again).at("complete").as_bool());
    REQUIRE(api.store->findAttachment(sha));
    CHECK(api.store->findAttachment(sha)->uploadedBy == canbo);
    CHECK(api.as("canbo", "GET", "/v1/attachments/" + sha + "/content").body == bytes);
    // Someone else's upload of other bytes is not completed by it.
    const std::string other = "\xFF\xD8\xFF" + std::string(1'000, 'z');
    const std::string otherSha = kc::server::sha256Hex(other);
    REQUIRE(api.as("canbo", "POST", "/v1/attachments",
                   kc::json::serialize(bj::object{{"sha256", otherSha}, {"size", other.size()},
                                                  {"content_type", "image/jpeg"}})).status == 201);
    CHECK_FALSE(api.json(api.as("canbo", "GET", "/v1/attachments/" + otherSha)).at("complete").as_bool());
}

TEST_CASE("attachments: a server stopped during the last chunk, its bytes written but not checked, "
          "answers complete at once", "[api][attachments]") {
    ApiFixture api("attachments-crash-last-chunk");
    const std::string bytes = "\xFF\xD8\xFF" + std::string(99'997, 'q');
    const std::string sha = kc::server::sha256Hex(bytes);
    const std::string start = kc::json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()},
                                                             {"content_type", "image/jpeg"}});
    REQUIRE(api.as("canbo", "POST", "/v1/attachments", start).status == 201);
    const std::string canbo = api.store->findUserByName("canbo")->id;
    REQUIRE(api.files->append(sha, canbo, 0, bytes).atOffset);  // killed here: no check, no rename, no record
    REQUIRE_FALSE(api.files->complete(sha));
    const auto where = api.as("canbo", "GET", "/v1/attachments/" + sha);
    REQUIRE(where.status == 200);
    CHECK(api.json(where).at("offset") == 100'000);
    CHECK(api.json(where).at("complete").as_bool());  // never offset == size and not complete
    CHECK(api.as("canbo", "POST", "/v1/attachments", start).status == 200);
    CHECK(api.as("canbo", "GET", "/v1/attachments/" + sha + "/content").body == bytes);

    // Bytes that are not the declared ones: refused as the last PATCH would have, and gone.
    const std::string wrong = "\xFF\xD8\xFF" + std::string(999, 'w');
    const std::string wrongSha = kc::server::sha256Hex("\xFF\xD8\xFF" + std::string(999, 'x'));
    REQUIRE(api.as("canbo", "POST", "/v1/attachments",
                   kc::json::serialize(bj::object{{"sha256", wrongSha}, {"size", wrong.size()},
                                                  {"content_type", "image/jpeg"}})).status == 201);
    REQUIRE(api.files->append(wrongSha, canbo, 0, wrong).atOffset);
    const auto refused = api.as("canbo", "GET", "/v1/attachments/" + wrongSha);
    CHECK(refused.status == 422);
    CHECK(api.errorCode(refused) == "hash_mismatch");
    CHECK(api.as("canbo", "GET", "/v1/attachments/" + wrongSha).status == 404);
}

TEST_CASE("attachments: resumable upload from the server's offset, verified at the end", "[api][attachments]") {
    ApiFixture api("attachments");
    const std::string bytes = "\xFF\xD8\xFF" + std::string(300'000, 'x');
    const std::string sha = kc::server::sha256Hex(bytes);
    const auto start = api.as("canbo", "POST", "/v1/attachments",
                              kc::json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()},
                                                             {"content_type", "image/jpeg"}}));
    REQUIRE(start.status == 201);
    CHECK(api.json(start).at("offset") == 0);
    REQUIRE(api.as("canbo", "PATCH", "/v1/attachments/" + sha, bytes.substr(0, 100'000),
                   {{"upload-offset", "0"}}).status == 200);
    // The connection drops; the device asks where to resume.
    const auto where = api.as("canbo", "GET", "/v1/attachments/" + sha);
    CHECK(api.json(where).at("offset") == 100'000);
    const auto wrong = api.as("canbo", "PATCH", "/v1/attachments/" + sha, bytes.substr(0, 100'000), {{"upload-offset", "0"}});
    CHECK(wrong.status == 409);
    CHECK(api.errorCode(wrong) == "offset_mismatch");
    const auto done = api.as("canbo", "PATCH", "/v1/attachments/" + sha, bytes.substr(100'000), {{"upload-offset", "100000"}});
    REQUIRE(done.status == 200);
    CHECK(api.json(done).at("complete").as_bool());
    CHECK(api.as("canbo", "GET", "/v1/attachments/" + sha + "/content").body == bytes);
    // Another user with the same content needs no upload at all.
    const auto again = api.as("ctv", "POST", "/v1/attachments",
                              kc::json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()},
                                                             {"content_type", "image/jpeg"}}));
    CHECK(again.status == 200);
    CHECK(api.json(again).at("complete").as_bool());

    SECTION("bytes that do not match the hash are discarded") {
        const std::string fake = kc::server::sha256Hex("something else");
        REQUIRE(api.as("canbo", "POST", "/v1/attachments",
                       kc::json::serialize(bj::object{{"sha256", fake}, {"size", 12}, {"content_type", "image/png"}}))
                    .status == 201);
        const auto bad = api.as("canbo", "PATCH", "/v1/attachments/" + fake, std::string("\x89PNG\r\n\x1A\n1234"),
                                {{"upload-offset", "0"}});
        CHECK(bad.status == 422);
        CHECK(api.errorCode(bad) == "hash_mismatch");
        CHECK_FALSE(api.store->findAttachment(fake));
    }
    SECTION("size, type and quota limits have clear errors") {
        const auto big = api.as("canbo", "POST", "/v1/attachments",
                                kc::json::serialize(bj::object{{"sha256", std::string(64, 'a')}, {"size", 26 << 20},
                                                               {"content_type", "image/jpeg"}}));
        CHECK(big.status == 413);
        CHECK(api.errorCode(big) == "attachment_too_large");
        const auto type = api.as("canbo", "POST", "/v1/attachments",
                                 kc::json::serialize(bj::object{{"sha256", std::string(64, 'a')}, {"size", 10},
                                                                {"content_type", "application/x-sh"}}));
        CHECK(type.status == 415);
        api.context->limits.userQuota = 300'100;
        const auto quota = api.as("canbo", "POST", "/v1/attachments",
                                  kc::json::serialize(bj::object{{"sha256", std::string(64, 'b')}, {"size", 200},
                                                                 {"content_type", "image/jpeg"}}));
        CHECK(quota.status == 403);
        CHECK(api.errorCode(quota) == "quota_exceeded");
    }
}
