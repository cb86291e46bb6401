#include "http/Router.hpp"

#include "kc/json/Json.hpp"

#include <catch2/catch.hpp>

using namespace kc::server;

namespace {
Request get(const std::string& target, const std::string& method = "GET") {
    Request request;
    request.method = method;
    request.target = target;
    return request;
}

std::string errorCode(const Response& response) {
    return kc::json::ObjectReader(kc::json::parse(response.body), "")
        .object("error")
        .string("code");
}
} // namespace

TEST_CASE("routes dispatch by method and path, with path parameters and the query", "[router]") {
    Router router;
    router.add("GET", "/healthz", [](const Request&) { return Response::json(200, "{}"); });
    router.add("GET", "/v1/facilities/{id}", [](const Request& request) {
        return Response::json(200, request.pathParams.at("id") + "|" + request.query.at("q"));
    });
    router.add("POST", "/v1/facilities/{id}", [](const Request&) { return Response::json(201, "{}"); });

    CHECK(router.dispatch(get("/healthz")).status == 200);
    const Response found = router.dispatch(get("/v1/facilities/abc?q=t%C3%A2m+h%C3%B2a"));
    CHECK(found.status == 200);
    CHECK(found.body == "abc|tâm hòa");
    CHECK(router.dispatch(get("/v1/facilities/abc", "POST")).status == 201);
}

TEST_CASE("unknown paths, wrong methods and bad targets get JSON errors", "[router]") {
    Router router;
    router.add("GET", "/healthz", [](const Request&) { return Response::json(200, "{}"); });

    const Response missing = router.dispatch(get("/nowhere"));
    CHECK(missing.status == 404);
    CHECK(errorCode(missing) == "not_found");

    const Response wrongMethod = router.dispatch(get("/healthz", "DELETE"));
    CHECK(wrongMethod.status == 405);
    CHECK(errorCode(wrongMethod) == "method_not_allowed");
    REQUIRE(wrongMethod.headers.size() == 1);
    CHECK(wrongMethod.headers[0] == std::pair<std::string, std::string>{"Allow", "GET"});

    CHECK(router.dispatch(get("/bad%zzpath")).status == 400);
    CHECK(router.dispatch(get("no-slash")).status == 400);
    CHECK(router.dispatch(get("/healthz?x=%")).status == 400);
}

TEST_CASE("a handler that throws becomes a 500 with the JSON error body", "[router]") {
    Router router;
    router.add("GET", "/boom", [](const Request&) -> Response {
        throw std::runtime_error("disk on fire");
    });
    const Response response = router.dispatch(get("/boom"));
    CHECK(response.status == 500);
    CHECK(errorCode(response) == "internal");
    CHECK(response.body.find("disk on fire") == std::string::npos);  // internals stay in the log
}

TEST_CASE("targets split into a decoded path and query parameters", "[router]") {
    std::string path;
    std::map<std::string, std::string> query;
    REQUIRE(parseTarget("/v1/pull?since=42&limit=100&flag&name=a%2Bb+c", path, query));
    CHECK(path == "/v1/pull");
    CHECK(query.at("since") == "42");
    CHECK(query.at("limit") == "100");
    CHECK(query.at("flag").empty());
    CHECK(query.at("name") == "a+b c");
    REQUIRE(parseTarget("/a%20b", path, query));
    CHECK(path == "/a b");
    CHECK(query.empty());
}
