// The real kcfield-server on 127.0.0.1, spoken to over HTTP: sign-in, enrollment, push and
// replay, cut connections, limits, rate limits, and shutdown with requests in flight.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"
#include "ApiFixture.hpp"
#include "E2eSteps.hpp"

#include "util/Sha256.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>

using kc::test::httpRequest;
using kc::test::ServerProcess;
using kc::test::batch;
using kc::test::bearer;
using kc::test::projectId;
using kc::test::report;
using kc::test::signIn;
using kc::test::upload;
namespace bj = boost::json;

TEST_CASE("e2e: sign in, push, replay the batch, pull the review, one log line per request", "[e2e][sync]") {
    ServerProcess server(kc::test::freshTempDir("e2e-sync"));
    const std::string token = signIn(server, "canbo");
    const std::string project = projectId(server, token, "KCQG-2024-01");
    const std::string photo = upload(server, token, "a progress photo");
    const std::string id = kc::Uuid::v7().toString();
    const std::string body = batch({report(id, project, photo, 50)});
    const auto first = httpRequest(server.port(), "POST", "/v1/push", body, bearer(token));
    REQUIRE(first.status == 200);
    CHECK(kc::json::parse(first.body).at("receipts").at(0).at("status") == "accepted");
    const auto replay = httpRequest(server.port(), "POST", "/v1/push", body, bearer(token));
    CHECK(kc::json::parse(replay.body).at("receipts").at(0).at("status") == "duplicate");

    const std::string reviewer = signIn(server, "duyet");
    REQUIRE(httpRequest(server.port(), "POST", "/v1/submissions/" + id + "/review",
                        R"({"action":"return","revision":1,"comment":"Ảnh mờ"})", bearer(reviewer)).status == 200);
    const auto pulled = kc::json::parse(httpRequest(server.port(), "GET", "/v1/pull?since=0&limit=1000", "", bearer(token)).body);
    bool sawReturn = false;
    for (const auto& change : pulled.at("changes").as_array())
        if (change.at("kind") == "submission" && change.at("id").as_string() == id)
            sawReturn = change.at("data").at("state") == "returned" && change.at("data").at("review_comment") == "Ảnh mờ";
    CHECK(sawReturn);

    const std::string log = server.log();
    CHECK_THAT(log, Catch::Contains(R"("method":"POST","route":"/v1/push","status":200)"));
    CHECK_THAT(log, Catch::Contains(R"("user":"canbo")"));
    const std::string admin = signIn(server, "quantri");
    const auto metrics = httpRequest(server.port(), "GET", "/metrics", "", bearer(admin));
    REQUIRE(metrics.status == 200);
    CHECK_THAT(metrics.body, Catch::Contains("kcfield_http_requests_total{route=\"/v1/push\",status=\"200\"} 2"));
    CHECK_THAT(metrics.body, Catch::Contains("kcfield_sync_pushed_items_total{status=\"accepted\"} 1"));
    CHECK_THAT(metrics.body, Catch::Contains("kcfield_store_size_bytes "));
}

TEST_CASE("e2e: a device enrols with a code issued by the admin CLI while the server runs", "[e2e][enroll]") {
    const auto dir = kc::test::freshTempDir("e2e-enroll");
    ServerProcess server(dir);
    std::string command = std::string(KC_SERVER_BINARY) + " enroll ctv --device Redmi --data " + dir.string();
    if (kc::test::onPostgres())
        command += " --store '" + kc::test::postgresFor(dir) + "'";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, n);
    REQUIRE(::pclose(pipe) == 0);
    const auto at = output.find("code=");
    REQUIRE(at != std::string::npos);
    const std::string code = output.substr(at + 5, 14);
    const auto enrolled = httpRequest(server.port(), "POST", "/v1/auth/enroll", R"({"code":")" + code + R"("})");
    REQUIRE(enrolled.status == 200);
    const std::string token(kc::json::parse(enrolled.body).at("token").as_string());
    CHECK(httpRequest(server.port(), "GET", "/v1/me", "", bearer(token)).status == 200);
    CHECK(httpRequest(server.port(), "POST", "/v1/auth/enroll", R"({"code":")" + code + R"("})").status == 401);
}

TEST_CASE("e2e: sign-in attempts are rate limited with 429 and Retry-After", "[e2e][ratelimit]") {
    ServerProcess server(kc::test::freshTempDir("e2e-ratelimit"));
    for (int i = 0; i < 5; ++i)
        REQUIRE(httpRequest(server.port(), "POST", "/v1/auth/sign-in", R"({"username":"ctv","password":"x"})").status == 401);
    const auto limited = httpRequest(server.port(), "POST", "/v1/auth/sign-in", R"({"username":"ctv","password":"khuyencong"})");
    CHECK(limited.status == 429);
    CHECK(std::stoi(limited.headers.at("retry-after")) > 0);
    CHECK(kc::json::parse(limited.body).at("error").at("code") == "rate_limited");
}

TEST_CASE("e2e: an upload cut mid-chunk resumes from the offset the server reports", "[e2e][attachments]") {
    ServerProcess server(kc::test::freshTempDir("e2e-resume"));
    const std::string token = signIn(server, "canbo");
    const std::string bytes = "\xFF\xD8\xFF" + std::string(200'000, 'p');
    const std::string sha = kc::server::sha256Hex(bytes);
    REQUIRE(httpRequest(server.port(), "POST", "/v1/attachments",
                        kc::json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()}, {"content_type", "image/jpeg"}}),
                        bearer(token)).status == 201);
    auto headers = bearer(token);
    headers["upload-offset"] = "0";
    REQUIRE(httpRequest(server.port(), "PATCH", "/v1/attachments/" + sha, bytes.substr(0, 80'000), headers).status == 200);
    // The second chunk's connection drops after 30,000 of its 120,000 bytes.
    kc::test::sendAndClose(server.port(), "PATCH /v1/attachments/" + sha + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                             token + "\r\nUpload-Offset: 80000\r\nContent-Length: 120000\r\n\r\n" +
                                             bytes.substr(80'000, 30'000));
    const auto where = httpRequest(server.port(), "GET", "/v1/attachments/" + sha, "", bearer(token));
    REQUIRE(where.status == 200);
    CHECK(where.headers.at("upload-offset") == "80000");
    headers["upload-offset"] = "80000";
    const auto done = httpRequest(server.port(), "PATCH", "/v1/attachments/" + sha, bytes.substr(80'000), headers);
    REQUIRE(done.status == 200);
    CHECK(kc::json::parse(done.body).at("complete").as_bool());
    CHECK(httpRequest(server.port(), "GET", "/v1/attachments/" + sha + "/content", "", bearer(token)).body == bytes);
}

TEST_CASE("e2e: oversized and malformed pushes get a JSON error and change nothing", "[e2e][limits]") {
    ServerProcess server(kc::test::freshTempDir("e2e-limits"));
    const std::string token = signIn(server, "canbo");
    // A 17 MiB body is answered before it is read: 413 with the JSON error, not a dropped socket.
    const std::string big = kc::test::rawExchange(
        server.port(), "POST /v1/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                           "\r\nContent-Length: 17825792\r\n\r\n{\"submissions\":[");
    CHECK_THAT(big, Catch::StartsWith("HTTP/1.1 413"));
    CHECK_THAT(big, Catch::Contains("\"code\":\"payload_too_large\""));
    const auto bad = httpRequest(server.port(), "POST", "/v1/push", "{\"submissions\": [", bearer(token));
    CHECK(bad.status == 400);
    CHECK(kc::json::parse(bad.body).at("error").at("code") == "invalid_json");
    const auto list = httpRequest(server.port(), "GET", "/v1/submissions", "", bearer(signIn(server, "duyet")));
    CHECK(kc::json::parse(list.body).at("submissions").as_array().empty());
}

TEST_CASE("e2e: SIGTERM with pushes in flight: each was answered and kept, or never acknowledged", "[e2e][shutdown]") {
    const auto dir = kc::test::freshTempDir("e2e-drain");
    std::vector<std::string> ids(24);
    for (auto& id : ids)
        id = kc::Uuid::v7().toString();
    std::vector<int> acknowledged(ids.size(), 0);
    std::string token, project, photo;
    {
        ServerProcess server(dir, {"--threads", "4"});
        token = signIn(server, "canbo");
        project = projectId(server, token, "KCQG-2024-01");
        photo = upload(server, token, "photo");
        std::atomic<int> started{0};
        std::vector<std::thread> devices;
        for (std::size_t i = 0; i < ids.size(); ++i)
            devices.emplace_back([&, i] {
                ++started;
                try {
                    const auto reply = httpRequest(server.port(), "POST", "/v1/push",
                                                   batch({report(ids[i], project, photo, 10)}), bearer(token));
                    if (reply.status == 200 && kc::json::parse(reply.body).at("receipts").at(0).at("status") == "accepted")
                        acknowledged[i] = 1;
                } catch (const std::exception&) {
                    // refused or cut by the shutdown: not acknowledged, the device will retry
                }
            });
        while (started < static_cast<int>(ids.size()) / 2)
            std::this_thread::yield();
        CHECK(server.stop(SIGTERM) == 0);
        for (auto& device : devices)
            device.join();
    }
    ServerProcess again(dir);
    const std::string reviewer = signIn(again, "duyet");
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto held = httpRequest(again.port(), "GET", "/v1/submissions/" + ids[i], "", bearer(reviewer));
        if (acknowledged[i])
            CHECK(held.status == 200);  // acknowledged means kept
        // Retrying is always safe: accepted if it never landed, duplicate if it did.
        const auto retry = httpRequest(again.port(), "POST", "/v1/push", batch({report(ids[i], project, photo, 10)}),
                                       bearer(signIn(again, "canbo")));
        const auto status = kc::json::parse(retry.body).at("receipts").at(0).at("status");
        CHECK((status == "accepted" || status == "duplicate"));
        CHECK((held.status == 200) == (status == "duplicate"));
    }
}
