#include "http/ApiError.hpp"

#include "kc/json/Json.hpp"

#include <boost/json/value.hpp>

namespace kc::server {

Response errorResponse(int status, const std::string& code, const std::string& message,
                       const std::vector<FieldError>& fields) {
    boost::json::array fieldList;
    for (const auto& field : fields)
        fieldList.push_back(boost::json::object{{"path", field.path}, {"message", field.message}});
    boost::json::object error{{"code", code}, {"message", message}, {"fields", std::move(fieldList)}};
    return Response::json(status, kc::json::serialize(boost::json::object{{"error", std::move(error)}}));
}

void throwInvalid(const std::string& path, const std::string& message) {
    throw ApiException(400, "invalid_input", path + ": " + message, {{path, message}});
}

} // namespace kc::server
