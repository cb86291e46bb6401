// Sign-in, tokens, enrollment and rate limits through the real handlers.
#include "ApiFixture.hpp"

#include "auth/Authenticator.hpp"
#include "auth/RateLimiter.hpp"
#include "util/Sha256.hpp"

#include <catch2/catch.hpp>

using kc::test::ApiFixture;

TEST_CASE("sign-in gives a bearer token that identifies the user and their scope", "[api][auth]") {
    ApiFixture api("auth-signin");
    const auto response = api.call("POST", "/v1/auth/sign-in",
                                   R"({"username":"ctv","password":"khuyencong","device":"Redmi 9A"})");
    REQUIRE(response.status == 200);
    const auto body = api.json(response);
    const std::string token(body.at("token").as_string());
    CHECK(token.rfind("kct_", 0) == 0);
    CHECK(token.size() == 68);
    CHECK(body.at("user").at("role") == "collaborator");
    CHECK(body.at("user").at("provinces") == boost::json::array{"04"});
    CHECK(body.at("user").at("projects").as_array().size() == 1);
    const auto me = api.call("GET", "/v1/me", "", token);
    REQUIRE(me.status == 200);
    CHECK(api.json(me).at("username") == "ctv");
    CHECK(me.user == "ctv");
    SECTION("the store keeps only the token's hash") {
        CHECK_FALSE(api.store->findToken(token));
        CHECK(api.store->findToken(kc::server::sha256Hex(token)));
    }
}

TEST_CASE("bad sign-ins and bad tokens are refused with clear codes", "[api][auth]") {
    ApiFixture api("auth-refused");
    const auto wrong = api.call("POST", "/v1/auth/sign-in", R"({"username":"canbo","password":"nope"})");
    CHECK(wrong.status == 401);
    CHECK(api.errorCode(wrong) == "invalid_credentials");
    const auto nobody = api.call("POST", "/v1/auth/sign-in", R"({"username":"nobody","password":"nope"})");
    CHECK(nobody.status == 401);
    CHECK(api.json(nobody).at("error").at("message") == api.json(wrong).at("error").at("message"));
    const auto missing = api.call("POST", "/v1/auth/sign-in", R"({"username":"canbo"})");
    CHECK(missing.status == 400);
    CHECK(api.json(missing).at("error").at("fields").at(0).at("path") == "password");

    CHECK(api.call("GET", "/v1/pull").status == 401);
    CHECK(kc::test::responseHeader(api.call("GET", "/v1/pull"), "WWW-Authenticate") == "Bearer");
    CHECK(api.errorCode(api.call("GET", "/v1/pull", "", "kct_forged")) == "unauthorized");

    const std::string token = api.token("canbo");
    REQUIRE(api.call("POST", "/v1/auth/sign-out", "", token).status == 204);
    const auto revoked = api.call("GET", "/v1/me", "", token);
    CHECK(revoked.status == 401);
    CHECK(api.errorCode(revoked) == "token_revoked");

    // Disabled (which revokes its tokens as well): the answer says the account is disabled.
    const std::string officer = api.token("ctv");
    const auto ctv = api.store->findUserByName("ctv");
    api.store->setUserDisabled(ctv->id, true);
    api.store->revokeUserTokens(ctv->id, "2026-12-02T00:00:00.000Z");
    const auto disabled = api.call("GET", "/v1/me", "", officer);
    CHECK(disabled.status == 401);
    CHECK(api.errorCode(disabled) == "account_disabled");

    SECTION("an expired token is refused") {
        kc::server::TokenRecord old{kc::server::sha256Hex("kct_old"), api.store->findUserByName("canbo")->id,
                                    "old phone", "2020-01-01T00:00:00.000Z", "2020-02-01T00:00:00.000Z", {}};
        api.store->storeToken(old);
        CHECK(api.errorCode(api.call("GET", "/v1/me", "", "kct_old")) == "token_expired");
    }
    SECTION("a disabled account's token stops working") {
        const std::string other = api.token("duyet");
        api.store->setUserDisabled(api.store->findUserByName("duyet")->id, true);
        CHECK(api.call("GET", "/v1/me", "", other).status == 401);
    }
}

TEST_CASE("failed sign-ins are rate limited per account, with Retry-After", "[api][auth][ratelimit]") {
    ApiFixture api("auth-ratelimit");
    for (int i = 0; i < 5; ++i)
        REQUIRE(api.call("POST", "/v1/auth/sign-in", R"({"username":"canbo","password":"guess"})").status == 401);
    const auto limited = api.call("POST", "/v1/auth/sign-in", R"({"username":"canbo","password":"khuyencong"})");
    CHECK(limited.status == 429);
    CHECK(api.errorCode(limited) == "rate_limited");
    const int retry = std::stoi(kc::test::responseHeader(limited, "Retry-After"));
    CHECK(retry > 0);
    CHECK(retry <= 15 * 60);
    // Another account from the same address is not locked by it.
    CHECK(api.call("POST", "/v1/auth/sign-in", R"({"username":"duyet","password":"khuyencong"})").status == 200);
    // Nor is the officer, signing in from the field: failures count per account and address,
    // so whoever knows a username cannot lock its owner out from elsewhere.
    api.remoteAddress = "198.51.100.7";
    CHECK(api.call("POST", "/v1/auth/sign-in", R"({"username":"canbo","password":"khuyencong"})").status == 200);
}

TEST_CASE("a guesser spread over many addresses is stopped for the account as a whole", "[api][auth][ratelimit]") {
    kc::server::AuthSettings settings;
    settings.accountWideFailures = 12;  // the default is 100; the rule is the same
    ApiFixture api("auth-ratelimit-wide", settings);
    int failures = 0;
    for (int address = 0; failures < 12; ++address) {
        api.remoteAddress = "203.0.113." + std::to_string(address);
        for (int i = 0; i < 4; ++i, ++failures)  // each address stays under its own limit of 5
            REQUIRE(api.call("POST", "/v1/auth/sign-in", R"({"username":"canbo","password":"guess"})").status == 401);
    }
    api.remoteAddress = "198.51.100.8";
    const auto limited = api.call("POST", "/v1/auth/sign-in", R"({"username":"canbo","password":"khuyencong"})");
    CHECK(limited.status == 429);
    CHECK(api.json(limited).at("error").at("message").as_string().find("for this account") != std::string::npos);
}

TEST_CASE("the rate limiter counts a sliding window per key", "[auth][ratelimit]") {
    using namespace std::chrono;
    kc::server::RateLimiter limiter(3, seconds(60));
    const auto t0 = kc::server::RateLimiter::Clock::now();
    for (int i = 0; i < 3; ++i) {
        CHECK(limiter.retryAfter("a", t0 + seconds(i)) == 0);
        limiter.record("a", t0 + seconds(i));
    }
    CHECK(limiter.retryAfter("a", t0 + seconds(10)) == 50);
    CHECK(limiter.retryAfter("b", t0 + seconds(10)) == 0);
    CHECK(limiter.retryAfter("a", t0 + seconds(60)) == 0);
}

TEST_CASE("an admin's enrollment code works once for the device that presents it", "[api][auth][enroll]") {
    ApiFixture api("auth-enroll");
    const auto forbidden = api.as("duyet", "POST", "/v1/admin/enrollment-codes", R"({"username":"ctv"})");
    CHECK(forbidden.status == 403);
    const auto issued = api.as("quantri", "POST", "/v1/admin/enrollment-codes",
                               R"({"username":"ctv","device":"Máy của chị Lan"})");
    REQUIRE(issued.status == 201);
    const std::string code(api.json(issued).at("code").as_string());
    CHECK(code.size() == 14);
    // Typed by hand: lower case, no dashes.
    std::string typed;
    for (char c : code)
        if (c != '-')
            typed += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto enrolled = api.call("POST", "/v1/auth/enroll", R"({"code":")" + typed + R"("})");
    REQUIRE(enrolled.status == 200);
    CHECK(api.json(enrolled).at("user").at("username") == "ctv");
    const auto again = api.call("POST", "/v1/auth/enroll", R"({"code":")" + code + R"("})");
    CHECK(again.status == 401);
    CHECK(api.errorCode(again) == "invalid_code");
    SECTION("an admin cannot enrol someone outside their provinces") {
        CHECK(api.as("quantri", "POST", "/v1/admin/enrollment-codes", R"({"username":"canbo_cm"})").status == 404);
    }
    SECTION("the issue is in the audit log") {
        const auto log = api.as("quantri", "GET", "/v1/audit?record=user/" + api.store->findUserByName("ctv")->id);
        REQUIRE(log.status == 200);
        CHECK(api.json(log).at("entries").at(0).at("action") == "enrollment_code.issue");
    }
}

TEST_CASE("the authenticator works on credentials and says why it refuses, without HTTP", "[auth]") {
    ApiFixture api("auth-credentials");
    auto& auth = *api.auth;
    const auto refusal = [&](auto&& attempt) {
        try {
            attempt();
        } catch (const kc::server::AuthError& error) {
            return error.refusal();
        }
        FAIL("not refused");
        return kc::server::AuthRefusal::Busy;
    };
    using kc::server::AuthRefusal;
    CHECK(refusal([&] { auth.authenticate(""); }) == AuthRefusal::MissingToken);
    CHECK(refusal([&] { auth.authenticate("Bearer kct_nonsense"); }) == AuthRefusal::UnknownToken);
    CHECK(refusal([&] { auth.signIn("canbo", "sai", "phone", "192.0.2.1"); }) == AuthRefusal::InvalidCredentials);
    const auto grant = auth.signIn("canbo", "khuyencong", "phone", "192.0.2.1");
    CHECK(auth.authenticate("Bearer " + grant.token).username == "canbo");
    for (int i = 0; i < 5; ++i)
        refusal([&] { auth.signIn("duyet", "sai", "phone", "192.0.2.2"); });
    try {
        auth.signIn("duyet", "khuyencong", "phone", "192.0.2.2");
        FAIL("not rate limited");
    } catch (const kc::server::AuthError& error) {
        CHECK(error.refusal() == AuthRefusal::RateLimited);
        CHECK(error.retryAfter() > 0);
    }
}
