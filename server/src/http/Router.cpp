#include "http/Router.hpp"

#include "http/ApiError.hpp"

#include "kc/json/Json.hpp"
#include "kc/text/Hex.hpp"


namespace kc::server {

namespace {

std::vector<std::string> splitPath(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        if (end > start)
            segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
             std::map<std::string, std::string>& params) {
    if (pattern.size() != path.size())
        return false;
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::string& part = pattern[i];
        if (part.size() > 2 && part.front() == '{' && part.back() == '}')
            found[part.substr(1, part.size() - 2)] = path[i];
        else if (part != path[i])
            return false;
    }
    params = std::move(found);
    return true;
}

std::string patternText(const std::vector<std::string>& segments) {
    std::string text;
    for (const auto& segment : segments)
        text += "/" + segment;
    return text.empty() ? "/" : text;
}

bool percentDecode(std::string_view in, std::string& out, bool plusIsSpace) {
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        if (in[i] == '%') {
            if (i + 2 >= in.size())
                return false;
            const int high = kc::text::hexDigitValue(in[i + 1]);
            const int low = kc::text::hexDigitValue(in[i + 2]);
            if (high < 0 || low < 0)
                return false;
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else if (plusIsSpace && in[i] == '+') {
            out += ' ';
        } else {
            out += in[i];
        }
    }
    return true;
}

} // namespace

bool parseTarget(const std::string& target, std::string& path,
                 std::map<std::string, std::string>& query) {
    if (target.empty() || target.front() != '/')
        return false;
    const std::size_t mark = target.find('?');
    if (!percentDecode(std::string_view(target).substr(0, mark), path, false))
        return false;
    query.clear();
    if (mark == std::string::npos)
        return true;
    std::string_view rest = std::string_view(target).substr(mark + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        if (pair.empty())
            continue;
        const std::size_t eq = pair.find('=');
        std::string key, value;
        if (!percentDecode(pair.substr(0, eq), key, true))
            return false;
        if (eq != std::string_view::npos && !percentDecode(pair.substr(eq + 1), value, true))
            return false;
        query[key] = value;
    }
    return true;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
    m_routes.push_back({std::move(method), splitPath(pattern), std::move(handler)});
}

Response Router::dispatch(Request request) const {
    if (request.path.empty() && !parseTarget(request.target, request.path, request.query))
        return errorResponse(400, "bad_request", "the request target is malformed: " + request.target);
    const auto segments = splitPath(request.path);
    std::string allowed;
    for (const Route& route : m_routes) {
        std::map<std::string, std::string> params;
        if (!matches(route.segments, segments, params))
            continue;
        if (route.method != request.method) {
            allowed += (allowed.empty() ? "" : ", ") + route.method;
            continue;
        }
        request.pathParams = std::move(params);
        const std::string pattern = patternText(route.segments);
        Response response;
        try {
            response = route.handler(request);
        } catch (...) {
            response = failureResponse(request, std::current_exception(), "");
        }
        response.route = pattern;
        return response;
    }
    if (!allowed.empty()) {
        Response response = errorResponse(405, "method_not_allowed",
                                          request.method + " is not allowed on " + request.path +
                                              " (allowed: " + allowed + ")");
        response.headers.emplace_back("Allow", allowed);
        return response;
    }
    return errorResponse(404, "not_found", "no endpoint at " + request.path);
}

} // namespace kc::server
