#pragma once

#include "auth/Authenticator.hpp"
#include "http/ApiError.hpp"
#include "http/Router.hpp"

#include <boost/json/value.hpp>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>

// What every API handler needs: reading the body and the query with clear errors, answering
// JSON, and establishing who is asking.
namespace kc::server {

//! The body as a JSON object; 400 invalid_json naming the line and column otherwise.
boost::json::value parseJsonBody(const Request& request);
Response jsonResponse(int status, const boost::json::value& body);
//! 204 with no body.
Response noContent();

//! A query parameter as an integer in [min, max]; `fallback` when absent, 400 when malformed.
std::int64_t queryInteger(const Request& request, const std::string& name, std::int64_t fallback,
                          std::int64_t min, std::int64_t max);
std::optional<std::string> queryText(const Request& request, const std::string& name);
//! A record id from the path ("{id}"): a UUID in canonical lower-case form, 400 otherwise,
//! so that no second spelling of an id is ever looked up or stored.
const std::string& pathId(const Request& request, const std::string& name = "id");

//! The protocol's answer to an authentication refusal: 401 with WWW-Authenticate for a
//! missing or bad token or wrong credentials, 403 account_disabled, 429 rate_limited and
//! 503 busy with Retry-After.
Response authFailureResponse(const AuthError& error);

using CallerHandler = std::function<Response(const Request&, const Caller&)>;
//! A handler that runs only for a signed-in caller (401 otherwise); the response is logged
//! with the caller's username.
Handler signedIn(Authenticator& auth, CallerHandler handler);
//! 403 forbidden unless the caller has one of `roles`.
void requireRole(const Caller& caller, std::initializer_list<domain::Role> roles,
                 const std::string& what);

//! The user as /v1/me and sign-in describe them.
boost::json::object callerJson(const Caller& caller);

} // namespace kc::server
