#include "ApiFixture.hpp"

#include "../support/ServerProcess.hpp"

#include "seed/DemoProvince.hpp"
#include "store/SqliteCentralStore.hpp"
#include "store/pg/PgCentralStore.hpp"
#include "seed/FormLibrarySeed.hpp"
#include "util/Sha256.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/protocol/PushItem.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace kc::test {

namespace bj = boost::json;

std::string newId() { return Uuid::v7().toString(); }

std::unique_ptr<server::CentralStore> openStore(const std::filesystem::path& dir) {
    if (onPostgres())
        return std::make_unique<server::PgCentralStore>(postgresFor(dir), server::PgCentralStore::Options{
                                                                              std::chrono::seconds(0), nullptr});
    return std::make_unique<server::SqliteCentralStore>(dir);
}

ApiFixture::ApiFixture(const std::string& name, server::AuthSettings authSettings) : dir(freshTempDir(name)) {
    store = openStore(dir);
    std::ostringstream quiet;
    server::installFormLibrary(*store, quiet);
    server::seedDemoProvince(*store, quiet);
    auth = std::make_unique<server::Authenticator>(*store, authSettings);
    forms = std::make_unique<server::FormCache>(*store);
    files = std::make_unique<server::AttachmentFiles>(dir);
    context = std::make_unique<server::ServerContext>(
        server::ServerContext{*store, *auth, *forms, *files, metrics, {}});
    server::addApiRoutes(router, *context);
}

server::Response ApiFixture::call(const std::string& method, const std::string& target,
                                  const std::string& body, const std::string& bearer,
                                  std::map<std::string, std::string> headers) {
    server::Request request;
    request.method = method;
    request.target = target;
    request.body = body;
    request.remoteAddress = remoteAddress;
    request.headers = std::move(headers);
    if (!bearer.empty())
        request.headers["authorization"] = "Bearer " + bearer;
    auto response = router.dispatch(request);
    if (response.stream) {  // drained as the transport would send it, piece by piece
        ++streamedResponses;
        for (bool more = true; more;) {
            std::string piece;
            more = response.stream(piece);
            response.body += piece;
        }
        response.stream = nullptr;
    }
    return response;
}

std::string ApiFixture::token(const std::string& user) {
    if (auto found = tokens.find(user); found != tokens.end())
        return found->second;
    const auto response = call("POST", "/v1/auth/sign-in",
                               R"({"username":")" + user + R"(","password":"khuyencong","device":"test"})");
    REQUIRE(response.status == 200);
    const std::string value(json(response).at("token").as_string());
    tokens[user] = value;
    return value;
}

server::Response ApiFixture::as(const std::string& user, const std::string& method,
                                const std::string& target, const std::string& body,
                                std::map<std::string, std::string> headers) {
    return call(method, target, body, token(user), std::move(headers));
}

bj::value ApiFixture::json(const server::Response& response) const {
    INFO(response.body);
    return kc::json::parse(response.body);
}

std::string ApiFixture::errorCode(const server::Response& response) const {
    const auto body = json(response);
    return std::string(body.at("error").at("code").as_string());
}

std::string ApiFixture::upload(const std::string& user, const std::string& text) {
    const std::string bytes = "\xFF\xD8\xFF" + text;  // a JPEG's signature, then the text
    const std::string sha = server::sha256Hex(bytes);
    const auto started = as(user, "POST", "/v1/attachments",
                            kc::json::serialize(bj::object{{"sha256", sha},
                                                           {"size", bytes.size()},
                                                           {"content_type", "image/jpeg"}}));
    REQUIRE((started.status == 201 || started.status == 200));
    if (json(started).at("complete").as_bool())
        return sha;
    const auto done = as(user, "PATCH", "/v1/attachments/" + sha, bytes, {{"upload-offset", "0"}});
    INFO(done.body);
    REQUIRE(done.status == 200);
    REQUIRE(json(done).at("complete").as_bool());
    return sha;
}

std::string ApiFixture::projectId(const std::string& code) {
    for (const auto& project : store->listProjects({{"04", "96"}, std::nullopt, "", "", 1000}))
        if (project.code == code)
            return project.id;
    FAIL("no project " << code);
    return {};
}

std::string ApiFixture::facilityId(const std::string& name) {
    for (const auto& facility : store->listFacilities({{"04", "96"}, std::nullopt, "", "", 1000}))
        if (facility.name == name)
            return facility.id;
    FAIL("no facility " << name);
    return {};
}

bj::object ApiFixture::progressReport(const std::string& id, const std::string& projectCode,
                                      const std::string& photo, int percent) {
    bj::object answers{{"project", projectId(projectCode)},
                       {"period_start", "2026-07-01"},
                       {"period_end", "2026-09-30"},
                       {"percent_done", percent},
                       {"amount_disbursed", 85000000},
                       {"jobs_created", 6},
                       {"has_difficulties", "no"}};
    if (!photo.empty())
        answers["photos"] = bj::array{bj::value(photo)};
    return kc::protocol::toJson(kc::protocol::PushItem{id, "progress_report", 1, std::nullopt, std::nullopt,
                                                       std::move(answers)});
}

bj::array ApiFixture::push(const std::string& user, const bj::array& items) {
    const auto response = as(user, "POST", "/v1/push", kc::json::serialize(bj::object{{"submissions", items}}));
    INFO(response.body);
    REQUIRE(response.status == 200);
    return json(response).at("receipts").as_array();
}

std::string responseHeader(const server::Response& response, const std::string& name) {
    for (const auto& [key, value] : response.headers)
        if (key == name)
            return value;
    return {};
}

} // namespace kc::test
