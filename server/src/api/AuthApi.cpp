// POST /v1/auth/sign-in, /v1/auth/enroll, /v1/auth/sign-out; GET /v1/me;
// POST /v1/admin/enrollment-codes.
#include "api/ApiRoutes.hpp"

#include "api/ApiSupport.hpp"

#include "kc/json/Json.hpp"

namespace kc::server {

namespace {

Response grantResponse(const TokenGrant& grant) {
    Response response = jsonResponse(200, boost::json::object{{"token", grant.token},
                                                              {"token_type", "Bearer"},
                                                              {"expires_at", grant.expiresAt},
                                                              {"user", callerJson(grant.caller)}});
    response.user = grant.caller.username;
    return response;
}

std::string deviceName(const json::ObjectReader& body) {
    std::string device = body.optionalString("device").value_or("");
    if (device.size() > 200)
        throwInvalid("device", "must be at most 200 characters");
    return device.empty() ? "unnamed device" : device;
}

} // namespace

void addAuthRoutes(Router& router, ServerContext& context) {
    Authenticator& auth = context.auth;
    router.add("POST", "/v1/auth/sign-in", [&auth](const Request& request) {
        const auto value = parseJsonBody(request);
        const json::ObjectReader body(value, "");
        try {
            return grantResponse(auth.signIn(body.string("username"), body.string("password"),
                                             deviceName(body), request.remoteAddress));
        } catch (const AuthError& refused) {
            return authFailureResponse(refused);
        }
    });
    router.add("POST", "/v1/auth/enroll", [&auth](const Request& request) {
        const auto value = parseJsonBody(request);
        const json::ObjectReader body(value, "");
        try {
            return grantResponse(auth.enroll(body.string("code"), body.optionalString("device").value_or(""),
                                             request.remoteAddress));
        } catch (const AuthError& refused) {
            return authFailureResponse(refused);
        }
    });
    router.add("POST", "/v1/auth/sign-out", signedIn(auth, [&auth](const Request&, const Caller& caller) {
        auth.signOut(caller);
        return noContent();
    }));
    router.add("GET", "/v1/me", signedIn(auth, [](const Request&, const Caller& caller) {
        return jsonResponse(200, callerJson(caller));
    }));
}

} // namespace kc::server
