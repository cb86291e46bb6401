#include "E2eSteps.hpp"

#include "../support/HttpClient.hpp"

#include "util/Sha256.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/protocol/PushItem.hpp"

#include <catch2/catch.hpp>

#include <fstream>

namespace kc::test {

namespace bj = boost::json;

std::string signIn(const ServerProcess& server, const std::string& user) {
    const auto reply = httpRequest(server.port(), "POST", "/v1/auth/sign-in",
                                   R"({"username":")" + user + R"(","password":"khuyencong","device":"e2e"})");
    REQUIRE(reply.status == 200);
    return std::string(kc::json::parse(reply.body).at("token").as_string());
}

std::map<std::string, std::string> bearer(const std::string& token) { return {{"authorization", "Bearer " + token}}; }

std::string projectId(const ServerProcess& server, const std::string& token, const std::string& code) {
    const auto reply = httpRequest(server.port(), "GET", "/v1/projects?limit=1000", "", bearer(token));
    const auto body = kc::json::parse(reply.body);
    for (const auto& project : body.at("projects").as_array())
        if (project.at("code").as_string() == code)
            return std::string(project.at("id").as_string());
    FAIL("no project " << code);
    return {};
}

std::string upload(const ServerProcess& server, const std::string& token, const std::string& text) {
    const std::string bytes = "\xFF\xD8\xFF" + text;
    const std::string sha = kc::server::sha256Hex(bytes);
    const auto started = httpRequest(server.port(), "POST", "/v1/attachments",
                                     kc::json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()},
                                                                    {"content_type", "image/jpeg"}}),
                                     bearer(token));
    REQUIRE((started.status == 201 || started.status == 200));
    auto headers = bearer(token);
    headers["upload-offset"] = "0";
    headers["content-type"] = "application/offset+octet-stream";
    if (!kc::json::parse(started.body).at("complete").as_bool())
        REQUIRE(httpRequest(server.port(), "PATCH", "/v1/attachments/" + sha, bytes, headers).status == 200);
    return sha;
}

std::string report(const std::string& id, const std::string& project, const std::string& photo, int percent) {
    bj::object answers{{"project", project}, {"period_start", "2026-07-01"}, {"period_end", "2026-09-30"},
                       {"percent_done", percent}, {"amount_disbursed", 85000000}, {"jobs_created", 3},
                       {"has_difficulties", "no"}, {"photos", bj::array{bj::value(photo)}}};
    return kc::json::serialize(kc::protocol::toJson(
        kc::protocol::PushItem{id, "progress_report", 1, std::nullopt, std::nullopt, std::move(answers)}));
}

std::string batch(const std::vector<std::string>& items) {
    std::string body = "{\"submissions\":[";
    for (std::size_t i = 0; i < items.size(); ++i)
        body += (i ? "," : "") + items[i];
    return body + "]}";
}

void fillDisk(const std::filesystem::path& folder) {
    std::ofstream filler(folder / "filler", std::ios::binary);
    const std::string block(1 << 16, 'x');
    while (filler.write(block.data(), static_cast<std::streamsize>(block.size())) && filler.flush()) {
    }
}

RefusedPush pushUntilRefused(const ServerProcess& server, const std::string& token, const std::string& project,
                             const std::string& photo, int attempts) {
    for (int attempt = 0; attempt < attempts; ++attempt) {
        RefusedPush push;
        for (int i = 0; i < 100; ++i) {
            push.ids.push_back(kc::Uuid::v7().toString());
            push.items.push_back(report(push.ids.back(), project, photo, 40));
        }
        push.reply = httpRequest(server.port(), "POST", "/v1/push", batch(push.items), bearer(token));
        if (push.reply.status != 200)
            return push;
    }
    FAIL("no push of " << attempts << " batches of 100 was refused");
    return {};
}

} // namespace kc::test
