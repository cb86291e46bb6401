// What an outside client written from docs/protocol.md found (issue 17), each as the client
// sent it: calculated money that overflowed, ids in two spellings, a replay in another
// Unicode form, attachments that are not what they claim, and the contract's loose ends.
#include "ApiFixture.hpp"

#include "api/ApiSupport.hpp"
#include "seed/ReportedForms.hpp"
#include "util/Sha256.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>

using kc::test::ApiFixture;
using kc::test::newId;
namespace bj = boost::json;
namespace answers = kc::server::answers;

namespace {

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
    return text;
}

bj::object handover(ApiFixture& api, const std::string& id, int lines, int quantity, kc::money::Dong price,
                    const std::string& photo) {
    std::vector<answers::HandoverItem> items;
    for (int i = 0; i < lines; ++i)
        items.push_back({"Máy sấy " + std::to_string(i + 1), "SN-" + std::to_string(i), quantity, price, "Công ty Hoàng Long"});
    return answers::pushItem(id, "equipment_handover",
                             answers::equipmentHandover(api.projectId("KCQG-2023-01"), api.facilityId("HTX nông nghiệp Cai Bộ"),
                                                        "2026-03-02", items, "Lương Văn Thái", photo, photo));
}

std::string review(ApiFixture& api, const std::string& id, int revision, const std::string& action = "approve") {
    const std::string comment = action == "approve" ? "" : R"(,"comment":"Sửa lại")";
    return std::to_string(api.as("duyet", "POST", "/v1/submissions/" + id + "/review",
                                 R"({"action":")" + action + R"(","revision":)" + std::to_string(revision) + comment + "}")
                              .status);
}

} // namespace

TEST_CASE("integrator: a calculated amount out of range is an invalid receipt naming the calculation",
          "[api][push][money]") {
    ApiFixture api("found-money");
    const std::string photo = api.upload("canbo", "ảnh máy sấy");
    const std::string one = newId(), fifty = newId();
    const auto receipts = api.push("canbo", {handover(api, one, 1, 1000, 1'000'000'000'000'000, photo),
                                             handover(api, fifty, 50, 1, 1'000'000'000'000'000, photo)});
    REQUIRE(receipts[0].at("status") == "invalid");
    const auto& lineError = receipts[0].at("errors").at(0);
    CHECK(lineError.at("path") == "answers.items[0].line_total");
    CHECK(lineError.at("code") == "calculation");
    CHECK_THAT(std::string(lineError.at("message").at("en").as_string()), Catch::Contains("line_total"));
    REQUIRE(receipts[1].at("status") == "invalid");
    bool namesTotal = false;
    for (const auto& error : receipts[1].at("errors").as_array())
        namesTotal = namesTotal || error.at("path") == "answers.total_value";
    CHECK(namesTotal);
    CHECK_FALSE(api.store->findSubmission(one));
    CHECK_FALSE(api.store->findSubmission(fifty));

    SECTION("a record stored before the check cannot be approved, and is returned instead") {
        // As the old server stored it: line_total 10^18 and a wrapped total.
        const std::string id = newId();
        auto item = handover(api, id, 1, 2, 1'000'000, photo);
        REQUIRE(api.push("canbo", {item})[0].at("status") == "accepted");
        auto revision = api.store->revisions(id).at(0);
        auto stored = kc::json::parse(revision.answers);
        stored.as_object()["items"].as_array()[0].as_object()["quantity"] = 1000;
        stored.as_object()["items"].as_array()[0].as_object()["unit_price"] = 1'000'000'000'000'000;
        stored.as_object()["items"].as_array()[0].as_object()["line_total"] = 1'000'000'000'000'000'000;
        revision.revision = 2;
        revision.baseRevision = 1;
        revision.answers = kc::json::serialize(stored);
        auto head = *api.store->findSubmission(id);
        api.store->atomically([&] {
            api.store->addRevision(id, revision);
            head.currentRevision = 2;
            api.store->updateSubmission(head);
        });
        const auto refused = api.as("duyet", "POST", "/v1/submissions/" + id + "/review", R"({"action":"approve","revision":2})");
        INFO(refused.body);
        CHECK(refused.status == 422);
        CHECK(api.errorCode(refused) == "fails_form");
        CHECK_THAT(refused.body, Catch::Contains("answers.items[0].line_total") && Catch::Contains("return it"));
        CHECK(api.store->findSubmission(id)->state == kc::protocol::SubmissionState::Submitted);
        CHECK(review(api, id, 2, "return") == "200");
    }
}

TEST_CASE("integrator: a handler's failure is logged with its real route and user", "[api][router]") {
    kc::server::Router router;
    router.add("GET", "/v1/things/{id}", [](const kc::server::Request&) -> kc::server::Response {
        throw std::runtime_error("integer overflow");
    });
    kc::server::Request request;
    request.method = "GET";
    request.target = "/v1/things/7";
    const auto response = router.dispatch(request);
    CHECK(response.status == 500);
    CHECK(response.route == "/v1/things/{id}");
    CHECK(response.body.find("integer overflow") == std::string::npos);  // the detail is logged, not sent

    ApiFixture api("found-route-user");
    api.router.add("GET", "/v1/fails", kc::server::signedIn(*api.auth, [](const kc::server::Request&, const kc::server::Caller&)
                                                                            -> kc::server::Response {
        throw std::runtime_error("store failed");
    }));
    const auto failed = api.as("duyet", "GET", "/v1/fails");
    CHECK(failed.status == 500);
    CHECK(failed.route == "/v1/fails");
    CHECK(failed.user == "duyet");
}

TEST_CASE("integrator: one id has one spelling, upper-case ids are refused everywhere", "[api][push][ids]") {
    ApiFixture api("found-ids");
    const std::string photo = api.upload("canbo", "ảnh");
    const std::string id = newId();
    REQUIRE(api.push("canbo", {handover(api, id, 1, 2, 5'000'000, photo)})[0].at("status") == "accepted");

    auto survey = answers::pushItem(upper(id), "site_survey",
                                    answers::siteSurvey(api.facilityId("HTX Tâm Hòa"), "2026-03-02", 22.7, 106.2,
                                                        "Lạp sườn", 20, photo));
    const auto receipt = api.push("canbo", {survey})[0];
    CHECK(receipt.at("status") == "invalid");
    CHECK(receipt.at("errors").at(0).at("path") == "id");
    CHECK_THAT(std::string(receipt.at("errors").at(0).at("message").at("en").as_string()), Catch::Contains("lower-case"));
    CHECK_FALSE(api.store->findSubmission(upper(id)));

    const auto asUpper = api.as("duyet", "GET", "/v1/submissions/" + upper(id));
    CHECK(asUpper.status == 400);
    CHECK_THAT(asUpper.body, Catch::Contains("canonical lower-case"));
    CHECK(api.as("duyet", "GET", "/v1/submissions/" + id).status == 200);
    CHECK(api.as("duyet", "GET", "/v1/facilities/" + upper(api.facilityId("HTX Tâm Hòa"))).status == 400);
    CHECK(api.as("duyet", "GET", "/v1/projects/" + upper(api.projectId("KCQG-2023-01"))).status == 400);
    CHECK(api.as("duyet", "DELETE", "/v1/assignments/" + upper(newId())).status == 400);
    const auto assign = api.as("duyet", "POST", "/v1/assignments",
                               R"({"project_id":")" + upper(api.projectId("KCĐP-2024-03")) + R"(","username":"ctv"})");
    CHECK(assign.status == 400);
    CHECK(api.json(assign).at("error").at("fields").at(0).at("path") == "project_id");
    CHECK(api.as("canbo", "GET", "/v1/attachments/" + upper(photo)).status == 400);
}

TEST_CASE("integrator: the same answers in NFD and then NFC are a duplicate, not a conflict", "[api][push][unicode]") {
    ApiFixture api("found-nfd");
    const std::string photo = api.upload("canbo", "ảnh");
    const std::string id = newId();
    const std::string nfc = "Lạp sườn Tâm Hòa";
    const std::string nfd = "La\xcc\xa3p su\xcc\x9bo\xcc\x9b\xcc\x80n Ta\xcc\x82m Ho\xcc\x80" "a";  // the same words, decomposed
    REQUIRE(nfd != nfc);
    const auto item = [&](const std::string& product) {
        return answers::pushItem(id, "site_survey",
                                 answers::siteSurvey(api.facilityId("HTX Tâm Hòa"), "2026-03-02", 22.7, 106.2, product, 20, photo));
    };
    const auto first = api.push("canbo", {item(nfd)})[0];
    REQUIRE(first.at("status") == "accepted");
    const auto again = api.push("canbo", {item(nfc)})[0];
    CHECK(again.at("status") == "duplicate");
    CHECK(again.at("original") == first);
    CHECK(api.push("canbo", {item(nfd)})[0].at("status") == "duplicate");
    CHECK(api.store->revisions(id).size() == 1);
}

TEST_CASE("integrator: a replay of the very bytes stays a duplicate after its sender lost the project",
          "[api][push][idempotency]") {
    ApiFixture api("found-replay-scope");
    const auto assigned = api.as("duyet", "POST", "/v1/assignments",
                                 kc::json::serialize(bj::object{{"project_id", api.projectId("KCĐP-2024-03")},
                                                                {"username", "ctv"}}));
    REQUIRE(assigned.status == 201);
    const std::string photo = api.upload("ctv", "ảnh tiến độ");
    auto item = answers::pushItem(newId(), "progress_report",
                                  answers::progressReport(api.projectId("KCĐP-2024-03"), "2026-01-01", "2026-03-31", 40,
                                                          10'000'000, 2, photo));
    item["answers"].as_object()["percent_done"] = 40.0;  // stored as 40: what is stored differs from what was sent
    const auto first = api.push("ctv", {item})[0];
    REQUIRE(first.at("status") == "accepted");
    REQUIRE(api.as("duyet", "DELETE", "/v1/assignments/" + std::string(api.json(assigned).at("id").as_string())).status == 204);
    const auto replay = api.push("ctv", {item})[0];  // the response was lost; the device sends it again
    CHECK(replay.at("status") == "duplicate");
    CHECK(replay.at("original") == first);
}

TEST_CASE("integrator: an attachment must be what it is declared, and is served so that no one guesses",
          "[api][attachments]") {
    ApiFixture api("found-sniff");
    const std::string jpeg = "\xFF\xD8\xFF\xE0 a JPEG's bytes";
    const std::string sha = kc::server::sha256Hex(jpeg);
    const auto start = [&](const std::string& type) {
        return api.as("canbo", "POST", "/v1/attachments",
                      kc::json::serialize(bj::object{{"sha256", sha}, {"size", jpeg.size()}, {"content_type", type}}));
    };
    REQUIRE(start("image/png").status == 201);
    const auto refused = api.as("canbo", "PATCH", "/v1/attachments/" + sha, jpeg, {{"upload-offset", "0"}});
    CHECK(refused.status == 415);
    CHECK(api.errorCode(refused) == "content_mismatch");
    CHECK_THAT(refused.body, Catch::Contains("declared image/png") && Catch::Contains("image/jpeg"));
    CHECK_FALSE(api.store->findAttachment(sha));
    CHECK_FALSE(api.store->findUpload(sha, api.store->findUserByName("canbo")->id));

    const std::string html = "<html><script>alert(1)</script></html>";
    const std::string htmlSha = kc::server::sha256Hex(html);
    REQUIRE(api.as("canbo", "POST", "/v1/attachments",
                   kc::json::serialize(bj::object{{"sha256", htmlSha}, {"size", html.size()}, {"content_type", "image/png"}}))
                .status == 201);
    const auto notImage = api.as("canbo", "PATCH", "/v1/attachments/" + htmlSha, html, {{"upload-offset", "0"}});
    CHECK(notImage.status == 415);
    CHECK_THAT(notImage.body, Catch::Contains("not a JPEG, PNG or WebP image"));

    REQUIRE(start("image/jpeg").status == 201);
    REQUIRE(api.as("canbo", "PATCH", "/v1/attachments/" + sha, jpeg, {{"upload-offset", "0"}}).status == 200);
    const auto served = api.as("canbo", "GET", "/v1/attachments/" + sha + "/content");
    REQUIRE(served.status == 200);
    CHECK(served.contentType == "image/jpeg");
    bool disposition = false;
    for (const auto& [name, value] : served.headers)
        disposition = disposition || (name == "Content-Disposition" && value == "inline; filename=\"" + sha + ".jpg\"");
    CHECK(disposition);
}

TEST_CASE("integrator: unknown top-level push keys are refused, and exports filter by state", "[api][push][exports]") {
    ApiFixture api("found-contract");
    const auto misspelt = api.as("canbo", "POST", "/v1/push", R"({"submissions":[],"submision":[]})");
    CHECK(misspelt.status == 400);
    CHECK(api.json(misspelt).at("error").at("fields").at(0).at("path") == "submision");
    const auto extra = api.as("canbo", "POST", "/v1/push", R"({"submissions":[],"device":"x"})");
    CHECK(extra.status == 400);
    CHECK(api.as("canbo", "POST", "/v1/push", R"({"submissions":[]})").status == 200);

    const std::string photo = api.upload("canbo", "ảnh");
    const std::string approved = newId(), waiting = newId();
    REQUIRE(api.push("canbo", {handover(api, approved, 1, 2, 5'000'000, photo),
                               handover(api, waiting, 1, 3, 5'000'000, photo)})
                .size() == 2);
    REQUIRE(review(api, approved, 1) == "200");
    const auto exported = [&](const std::string& query) {
        const auto response = api.as("duyet", "GET", "/v1/exports/equipment_handover.json" + query);
        REQUIRE(response.status == 200);
        return response.body;
    };
    const std::string onlyApproved = exported("?state=approved");
    CHECK(onlyApproved.find(approved) != std::string::npos);
    CHECK(onlyApproved.find(waiting) == std::string::npos);
    const std::string all = exported("");
    CHECK((all.find(approved) != std::string::npos && all.find(waiting) != std::string::npos));
    const auto bad = api.as("duyet", "GET", "/v1/exports/equipment_handover.csv?state=done");
    CHECK(bad.status == 400);
    CHECK_THAT(bad.body, Catch::Contains("submitted, approved, returned or rejected"));
}
