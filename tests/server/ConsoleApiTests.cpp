// The web console as the server serves it: the page and its files from the binary, with a
// policy of their own; the form list the console shows; and what a careless or hostile
// client asks of them.
#include "ApiFixture.hpp"
#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"

#include "console/ConsoleAssets.hpp"

#include <catch2/catch.hpp>

#include <zlib.h>

namespace {

std::string gunzip(const std::string& packed) {
    z_stream stream{};
    REQUIRE(inflateInit2(&stream, 16 + MAX_WBITS) == Z_OK);
    std::string out(packed.size() * 20 + 1024, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    stream.avail_in = static_cast<uInt>(packed.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = inflate(&stream, Z_FINISH);
    inflateEnd(&stream);
    REQUIRE(result == Z_STREAM_END);
    out.resize(stream.total_out);
    return out;
}


} // namespace

TEST_CASE("the console page and its files come from the binary, cached by their hash", "[console]") {
    if (kc::server::consoleAssets().empty()) {
        WARN("built with KC_BUILD_WEB=OFF: no console to test");
        return;
    }
    kc::test::ApiFixture api("console");
    const auto page = api.call("GET", "/");
    REQUIRE(page.status == 200);
    CHECK(page.contentType == "text/html; charset=utf-8");
    CHECK(kc::test::responseHeader(page, "Cache-Control") == "no-cache");
    const std::string policy = kc::test::responseHeader(page, "Content-Security-Policy");
    CHECK_THAT(policy, Catch::Contains("script-src 'self'"));
    CHECK_THAT(policy, Catch::Contains("frame-ancestors 'none'"));
    CHECK(policy.find("unsafe") == std::string::npos);
    CHECK_THAT(page.body, Catch::Contains("<div id=\"app\"></div>"));

    // Every file the page names is served, and gzip only to a client that takes it.
    const auto at = page.body.find("/assets/");
    REQUIRE(at != std::string::npos);
    const std::string script = page.body.substr(at, page.body.find('"', at) - at);
    const auto plain = api.call("GET", script);
    REQUIRE(plain.status == 200);
    CHECK(plain.contentType == "text/javascript; charset=utf-8");
    CHECK(kc::test::responseHeader(plain, "Content-Encoding").empty());
    CHECK_THAT(kc::test::responseHeader(plain, "Cache-Control"), Catch::Contains("immutable"));
    const auto packed = api.call("GET", script, {}, {}, {{"accept-encoding", "gzip, deflate, br"}});
    CHECK(kc::test::responseHeader(packed, "Content-Encoding") == "gzip");
    CHECK(kc::test::responseHeader(packed, "Vary") == "Accept-Encoding");
    CHECK(packed.body.size() < plain.body.size() / 2);
    CHECK(gunzip(packed.body) == plain.body);
    const auto refused = api.call("GET", script, {}, {}, {{"accept-encoding", "gzip;q=0, identity"}});
    CHECK(kc::test::responseHeader(refused, "Content-Encoding").empty());

    CHECK(api.call("GET", "/assets/nothing.js").status == 404);
    CHECK(api.call("GET", "/index.html").status == 404);
    CHECK(api.call("POST", "/", "{}").status == 405);
}

TEST_CASE("console paths that climb out, and the API's own policy, over a real socket", "[console][e2e]") {
    kc::test::ServerProcess server(kc::test::freshTempDir("console-e2e"));
    for (const char* target : {"/assets/../kcfield.sqlite3", "/assets/..%2Fkcfield.sqlite3", "/assets/%2e%2e/%2e%2e/etc/passwd",
                               "/assets/", "/assets//etc/passwd", "/../../etc/passwd"}) {
        INFO(target);
        const auto reply = kc::test::httpRequest(server.port(), "GET", target);
        CHECK((reply.status == 404 || reply.status == 400));
        CHECK(reply.body.find("SQLite") == std::string::npos);
        CHECK(reply.body.find("root:") == std::string::npos);
    }
    // The API stays data: its answers keep the sandboxing policy, the page has its own.
    const auto health = kc::test::httpRequest(server.port(), "GET", "/healthz");
    CHECK_THAT(health.headers.at("content-security-policy"), Catch::Contains("sandbox"));
    if (!kc::server::consoleAssets().empty()) {
        const auto page = kc::test::httpRequest(server.port(), "GET", "/");
        CHECK(page.status == 200);
        CHECK(page.headers.at("content-security-policy").find("sandbox") == std::string::npos);
        CHECK(page.headers.at("x-frame-options") == "DENY");
    }
}

TEST_CASE("GET /v1/forms lists the newest version of every published form, to the signed in", "[console][api]") {
    kc::test::ApiFixture api("forms-list");
    CHECK(api.call("GET", "/v1/forms").status == 401);
    const auto listed = api.as("ctv", "GET", "/v1/forms");
    REQUIRE(listed.status == 200);
    const auto forms = api.json(listed).at("forms").as_array();
    CHECK(forms.size() == 6);
    bool found = false;
    for (const auto& form : forms)
        if (form.at("id") == "monitoring_visit") {
            found = true;
            CHECK(form.at("version") == 1);
            CHECK(form.at("title").at("vi") == "Biên bản kiểm tra, giám sát");
            CHECK(form.at("title").as_object().contains("en"));
        }
    CHECK(found);
}
