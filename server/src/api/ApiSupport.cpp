#include "api/ApiSupport.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <charconv>

namespace kc::server {

boost::json::value parseJsonBody(const Request& request) {
    if (request.body.empty())
        throw ApiException(400, "invalid_json", "the request needs a JSON body");
    boost::json::value value;
    try {
        value = json::parse(request.body);
    } catch (const std::exception& error) {
        throw ApiException(400, "invalid_json", std::string("the body is not valid JSON: ") + error.what());
    }
    if (!value.is_object())
        throw ApiException(400, "invalid_json",
                           "the body must be a JSON object, got " + json::describeKind(value));
    return value;
}

Response jsonResponse(int status, const boost::json::value& body) {
    return Response::json(status, json::serialize(body));
}

Response noContent() {
    Response response;
    response.status = 204;
    return response;
}

std::int64_t queryInteger(const Request& request, const std::string& name, std::int64_t fallback,
                          std::int64_t min, std::int64_t max) {
    const auto found = request.query.find(name);
    if (found == request.query.end() || found->second.empty())
        return fallback;
    std::int64_t value = 0;
    const std::string& text = found->second;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        throwInvalid(name, "expected a whole number from " + std::to_string(min) + " to " +
                               std::to_string(max) + ", got \"" + text + "\"");
    return value;
}

std::optional<std::string> queryText(const Request& request, const std::string& name) {
    const auto found = request.query.find(name);
    if (found == request.query.end() || found->second.empty())
        return std::nullopt;
    return found->second;
}

const std::string& pathId(const Request& request, const std::string& name) {
    const std::string& id = request.pathParams.at(name);
    if (!Uuid::parse(id))
        throwInvalid(name, "expected a UUID in canonical lower-case form, such as "
                           "0190f3a2-6b1c-7d4e-8f00-1a2b3c4d5e6f, got \"" + id + "\"");
    return id;
}

Response authFailureResponse(const AuthError& error) {
    const auto answer = [&](int status, const char* code) {
        Response response = errorResponse(status, code, error.what());
        if (status == 401)
            response.headers.emplace_back("WWW-Authenticate", "Bearer");
        if (status == 429 || status == 503)
            response.headers.emplace_back("Retry-After", std::to_string(std::max(1, error.retryAfter())));
        return response;
    };
    switch (error.refusal()) {
    case AuthRefusal::MissingToken:
    case AuthRefusal::UnknownToken: return answer(401, "unauthorized");
    case AuthRefusal::TokenRevoked: return answer(401, "token_revoked");
    case AuthRefusal::TokenExpired: return answer(401, "token_expired");
    case AuthRefusal::TokenOfDisabledAccount: return answer(401, "account_disabled");
    case AuthRefusal::InvalidCredentials: return answer(401, "invalid_credentials");
    case AuthRefusal::InvalidCode: return answer(401, "invalid_code");
    case AuthRefusal::RateLimited: return answer(429, "rate_limited");
    case AuthRefusal::Busy: return answer(503, "busy");
    case AuthRefusal::AccountDisabled: break;
    }
    return answer(403, "account_disabled");
}

Handler signedIn(Authenticator& auth, CallerHandler handler) {
    return [&auth, handler = std::move(handler)](const Request& request) {
        Caller caller;
        try {
            caller = auth.authenticate(request.header("authorization"));
        } catch (const AuthError& refused) {
            return authFailureResponse(refused);
        }
        Response response;
        try {
            response = handler(request, caller);
        } catch (...) {
            response = failureResponse(request, std::current_exception(), caller.username);
        }
        response.user = caller.username;
        return response;
    };
}

void requireRole(const Caller& caller, std::initializer_list<domain::Role> roles,
                 const std::string& what) {
    for (auto role : roles)
        if (caller.role == role)
            return;
    throw ApiException(403, "forbidden", "a " + std::string(domain::roleCode(caller.role)) +
                                             " may not " + what);
}

boost::json::object callerJson(const Caller& caller) {
    boost::json::array provinces(caller.provinces.begin(), caller.provinces.end());
    boost::json::array projects(caller.projects.begin(), caller.projects.end());
    return {{"id", caller.userId},
            {"username", caller.username},
            {"display_name", caller.displayName},
            {"role", domain::roleCode(caller.role)},
            {"provinces", std::move(provinces)},
            {"projects", std::move(projects)}};
}

} // namespace kc::server
