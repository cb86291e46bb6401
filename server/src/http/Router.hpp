#pragma once

#include "http/HttpTypes.hpp"

#include <functional>
#include <string>
#include <vector>

namespace kc::server {

using Handler = std::function<Response(const Request&)>;

//! Maps method + path to a plain handler. Patterns are literal segments or "{name}"
//! segments that land in Request::pathParams. Unknown paths get 404, known paths with
//! another method 405 (with Allow), and a handler that throws gets 500 — all with the JSON
//! error body. Routes are registered before the server runs; dispatch is thread-safe.
class Router {
public:
    void add(std::string method, std::string pattern, Handler handler);
    Response dispatch(Request request) const;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

//! Splits a request target into its percent-decoded path and query parameters.
//! Returns false when the target is malformed (bad percent-encoding, not absolute).
bool parseTarget(const std::string& target, std::string& path,
                 std::map<std::string, std::string>& query);

} // namespace kc::server
