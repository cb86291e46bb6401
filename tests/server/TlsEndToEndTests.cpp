// The real kcfield-server with --tls-cert/--tls-key, and streamed exports over the wire.
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <cstdlib>
#include <fstream>

using kc::test::ServerProcess;

namespace {
//! A self-signed certificate for 127.0.0.1 made with the openssl tool, as an admin would.
void makeCertificate(const std::filesystem::path& dir) {
    const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
                                "-addext subjectAltName=IP:127.0.0.1 -keyout " + (dir / "key.pem").string() +
                                " -out " + (dir / "cert.pem").string() + " >/dev/null 2>&1";
    REQUIRE(std::system(command.c_str()) == 0);
}
} // namespace

TEST_CASE("e2e: with --tls-cert and --tls-key the API is served over verified HTTPS only", "[e2e][tls]") {
    const auto dir = kc::test::freshTempDir("e2e-tls");
    makeCertificate(dir);
    const std::string cert = (dir / "cert.pem").string();
    ServerProcess server(dir / "data",
                         {"--tls-cert", cert, "--tls-key", (dir / "key.pem").string(), "--signin-limit", "1000"});
    CHECK(server.output().find("listening on https://127.0.0.1:") != std::string::npos);

    const auto health = kc::test::httpsRequest(server.port(), cert, "GET", "/healthz");
    CHECK(health.status == 200);
    CHECK(kc::json::parse(health.body).at("status") == "ok");
    CHECK(health.headers.at("strict-transport-security") == "max-age=31536000");
    const auto signIn = kc::test::httpsRequest(server.port(), cert, "POST", "/v1/auth/sign-in",
                                               R"({"username":"canbo","password":"khuyencong"})");
    CHECK(signIn.status == 200);

    // Plain HTTP to the TLS port gets no HTTP answer (a failed handshake), never the API.
    const std::string answer = kc::test::rawExchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(answer.find("HTTP/1.1 200") == std::string::npos);
    // A client that does not trust this certificate refuses it.
    CHECK_THROWS(kc::test::httpsRequest(server.port(), "/etc/ssl/certs/ca-certificates.crt", "GET", "/healthz"));
    // And the server is still serving after those.
    CHECK(kc::test::httpsRequest(server.port(), cert, "GET", "/healthz").status == 200);
    CHECK(server.stop(SIGTERM) == 0);
}

TEST_CASE("e2e: a missing or mismatched TLS file, or half the pair, is refused at start", "[e2e][tls]") {
    const auto dir = kc::test::freshTempDir("e2e-tls-bad");
    makeCertificate(dir);
    const std::string binary = KC_SERVER_BINARY;
    const auto run = [&](const std::string& args) {
        const std::string out = (dir / "err.txt").string();
        const int status = std::system((binary + " serve --listen 127.0.0.1:0 --no-demo --data " +
                                        (dir / "data").string() + " " + args + " >/dev/null 2>" + out).c_str());
        std::ifstream in(out);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, text);
    };
    const auto half = run("--tls-cert " + (dir / "cert.pem").string());
    CHECK(half.first == 2);
    CHECK_THAT(half.second, Catch::Contains("both --tls-cert and --tls-key"));
    const auto missing = run("--tls-cert " + (dir / "nope.pem").string() + " --tls-key " + (dir / "key.pem").string());
    CHECK(missing.first == 1);
    CHECK_THAT(missing.second, Catch::Contains("nope.pem"));
    REQUIRE(std::system(("openssl genrsa -out " + (dir / "other-key.pem").string() + " 2048 >/dev/null 2>&1").c_str()) == 0);
    const auto mismatched = run("--tls-cert " + (dir / "cert.pem").string() + " --tls-key " + (dir / "other-key.pem").string());
    CHECK(mismatched.first == 1);
    CHECK_THAT(mismatched.second, Catch::Contains("other-key.pem"));
}

TEST_CASE("e2e: an export arrives chunked over HTTP and keep-alive goes on after it", "[e2e][export]") {
    ServerProcess server(kc::test::freshTempDir("e2e-export-stream"));
    kc::test::HttpConnection connection(server.port());
    const auto signIn = connection.request("POST", "/v1/auth/sign-in", R"({"username":"duyet","password":"khuyencong"})");
    REQUIRE(signIn.status == 200);
    const std::map<std::string, std::string> auth{
        {"authorization", "Bearer " + std::string(kc::json::parse(signIn.body).at("token").as_string())}};
    const auto csv = connection.request("GET", "/v1/exports/site_survey.csv", "", auth);
    CHECK(csv.status == 200);
    CHECK(csv.headers.at("transfer-encoding") == "chunked");
    CHECK(csv.body.rfind("\xEF\xBB\xBFsubmission_id,", 0) == 0);
    const auto json = connection.request("GET", "/v1/exports/site_survey.json", "", auth);
    CHECK(json.status == 200);
    CHECK(json.body == "[]");
    CHECK(connection.request("GET", "/healthz").status == 200);  // the same connection, still usable
}
