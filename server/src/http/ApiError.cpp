#include "http/ApiError.hpp"

#include "kc/json/Json.hpp"

#include <boost/json/value.hpp>

#include <iostream>

namespace kc::server {

Response errorResponse(int status, const std::string& code, const std::string& message,
                       const std::vector<FieldError>& fields) {
    boost::json::array fieldList;
    for (const auto& field : fields)
        fieldList.push_back(boost::json::object{{"path", field.path}, {"message", field.message}});
    boost::json::object error{{"code", code}, {"message", message}, {"fields", std::move(fieldList)}};
    return Response::json(status, kc::json::serialize(boost::json::object{{"error", std::move(error)}}));
}

Response failureResponse(const Request& request, std::exception_ptr failure, const std::string& user) {
    try {
        std::rethrow_exception(failure);
    } catch (const ApiException& error) {
        return error.response();
    } catch (const json::JsonError& error) {
        return errorResponse(400, "invalid_input", error.what(), {{error.path(), error.problem()}});
    } catch (const std::exception& error) {
        std::cerr << "kcfield-server: " << request.method << ' ' << request.path
                  << (user.empty() ? "" : " by " + user) << " failed: " << error.what() << '\n';
    } catch (...) {
        std::cerr << "kcfield-server: " << request.method << ' ' << request.path << " failed\n";
    }
    return errorResponse(500, "internal", "the server failed to handle this request; it has been logged");
}

void throwInvalid(const std::string& path, const std::string& message) {
    throw ApiException(400, "invalid_input", path + ": " + message, {{path, message}});
}

} // namespace kc::server
