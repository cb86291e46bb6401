#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kc::server {

//! One HTTP request as handlers see it: no sockets, no Beast types.
struct Request {
    std::string method;  // "GET", "POST", ...
    std::string target;  // as sent: "/v1/pull?since=42"
    std::string path;    // percent-decoded path: "/v1/pull"
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // names in lower case
    std::map<std::string, std::string> pathParams;  // from "{name}" route segments
    std::string body;
    std::string remoteAddress;

    //! A header's value, or "" when it is absent. `name` in lower case.
    std::string header(const std::string& name) const;
};

struct Response {
    int status = 200;
    std::string contentType = "application/json; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    //! When set, the body is produced piece by piece and sent chunked, so that a large
    //! export never sits whole in memory: called until it returns false, each call
    //! appending the next piece to its argument (which arrives empty). An exception
    //! thrown here cuts the connection before the last chunk, so the client sees an
    //! incomplete body rather than a short one that looks whole.
    std::function<bool(std::string& piece)> stream;
    //! For the request log and metrics: the route pattern that answered ("/v1/pull") and
    //! who asked (a username), when known.
    std::string route;
    std::string user;
    //! For the server's own log, never sent: what failed underneath a 507 (a file, an
    //! SQLite message).
    std::string fault;

    static Response json(int status, std::string body);
};

} // namespace kc::server
