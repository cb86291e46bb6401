#pragma once

// What the loopback benchmarks share: the real server started on 127.0.0.1, a signed-in
// keep-alive connection, progress reports to push, and percentiles.
#include "../tests/support/HttpClient.hpp"
#include "../tests/support/ServerProcess.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"
#include "kc/protocol/PushItem.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace kc::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

//! The p-th percentile (0–100) of `values`, by nearest rank.
inline double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::max(0.0, p / 100.0 * static_cast<double>(values.size()) - 1e-9));
    return values[std::min(rank, values.size() - 1)];
}

inline std::map<std::string, std::string> bearer(const std::string& token) {
    return {{"authorization", "Bearer " + token}};
}

//! Signs in as a device does: a busy server (503, its password checks queued past their
//! bound) is asked again after the Retry-After it gave.
inline std::string signIn(test::HttpConnection& connection, const std::string& user) {
    auto reply = connection.request("POST", "/v1/auth/sign-in",
                                    R"({"username":")" + user + R"(","password":"khuyencong","device":"bench"})");
    for (int tries = 0; reply.status == 503 && reply.headers.count("retry-after") && tries < 20; ++tries) {
        std::this_thread::sleep_for(std::chrono::seconds(std::stoi(reply.headers.at("retry-after"))));
        reply = connection.request("POST", "/v1/auth/sign-in",
                                   R"({"username":")" + user + R"(","password":"khuyencong","device":"bench"})");
    }
    if (reply.status != 200)
        throw std::runtime_error("sign-in failed: " + reply.body);
    return std::string(json::parse(reply.body).at("token").as_string());
}

inline std::string projectId(test::HttpConnection& connection, const std::string& token, const std::string& code) {
    const auto body = json::parse(connection.request("GET", "/v1/projects?limit=1000", "", bearer(token)).body);
    for (const auto& project : body.at("projects").as_array())
        if (project.at("code").as_string() == code)
            return std::string(project.at("id").as_string());
    throw std::runtime_error("no project " + code);
}

//! Uploads a small fake photo in one chunk and returns its SHA-256.
inline std::string uploadPhoto(test::HttpConnection& connection, const std::string& token,
                               const std::string& bytes, const std::string& sha) {
    boost::json::object start{{"sha256", sha}, {"size", bytes.size()}, {"content_type", "image/jpeg"}};
    const auto started = connection.request("POST", "/v1/attachments", json::serialize(start), bearer(token));
    if (started.status != 201 && started.status != 200)
        throw std::runtime_error("upload start failed: " + started.body);
    if (!json::parse(started.body).at("complete").as_bool()) {
        auto headers = bearer(token);
        headers["upload-offset"] = "0";
        const auto done = connection.request("PATCH", "/v1/attachments/" + sha, bytes, headers);
        if (done.status != 200)
            throw std::runtime_error("upload failed: " + done.body);
    }
    return sha;
}

//! A valid progress report, as a device would send it.
inline boost::json::object progressReport(const std::string& project, const std::string& photo, int percent) {
    boost::json::object answers{{"project", project}, {"period_start", "2026-07-01"}, {"period_end", "2026-09-30"},
                                {"percent_done", percent}, {"amount_disbursed", 85000000}, {"jobs_created", 3},
                                {"has_difficulties", "yes"},
                                {"difficulties", "Đường vào xóm sạt lở, vận chuyển thiết bị chậm hai tuần"},
                                {"photos", boost::json::array{boost::json::value(photo)}}};
    return protocol::toJson(
        protocol::PushItem{Uuid::v7().toString(), "progress_report", 1, std::nullopt, std::nullopt, std::move(answers)});
}

inline std::string pushBody(const boost::json::array& items) {
    return json::serialize(boost::json::object{{"submissions", items}});
}

} // namespace kc::bench
