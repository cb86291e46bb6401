#include "http/ApiError.hpp"

#include "store/SqlEngine.hpp"

#include "kc/db/DbError.hpp"
#include "kc/json/Json.hpp"
#include "kc/text/Fold.hpp"

#include <boost/json/value.hpp>

#include <cerrno>
#include <iostream>
#include <system_error>

namespace kc::server {

namespace {
//! What a message echoes of a request (a path, a query value) may be any bytes; the body is
//! labelled UTF-8 JSON, so what is not well-formed UTF-8 becomes U+FFFD.
std::string echoable(const std::string& text) { return text::isValidUtf8(text) ? text : text::toNfc(text); }
} // namespace

bool isStorageFull(const std::exception& error) {
    if (const auto* db = dynamic_cast<const db::DbError*>(&error))
        return db->storageFull();
    if (const auto* system = dynamic_cast<const std::system_error*>(&error))
        return system->code() == std::errc::no_space_on_device ||
               (system->code().category() == std::generic_category() && system->code().value() == EDQUOT);
    return false;
}

Response storageFullResponse(const std::string& detail) {
    Response response = errorResponse(507, "storage_full",
                                       "the server's storage is full: nothing of this request was stored; "
                                       "try again later (the administrator has been told)");
    response.headers.emplace_back("Retry-After", "60");
    response.fault = detail;
    return response;
}

Response errorResponse(int status, const std::string& code, const std::string& message,
                       const std::vector<FieldError>& fields) {
    boost::json::array fieldList;
    for (const auto& field : fields)
        fieldList.push_back(boost::json::object{{"path", echoable(field.path)}, {"message", echoable(field.message)}});
    boost::json::object error{{"code", code}, {"message", echoable(message)}, {"fields", std::move(fieldList)}};
    return Response::json(status, kc::json::serialize(boost::json::object{{"error", std::move(error)}}));
}

Response failureResponse(const Request& request, std::exception_ptr failure, const std::string& user) {
    try {
        std::rethrow_exception(failure);
    } catch (const ApiException& error) {
        return error.response();
    } catch (const json::JsonError& error) {
        return errorResponse(400, "invalid_input", error.what(), {{error.path(), error.problem()}});
    } catch (const StoreTimedOut& error) {
        Response response = errorResponse(503, "store_unavailable",
                                          "the server's database stopped this request's work at its time limit "
                                          "(statement_timeout): nothing of this request was stored; try again, "
                                          "and tell the administrator if it keeps happening");
        response.headers.emplace_back("Retry-After", "5");
        response.fault = error.what();
        return response;
    } catch (const StoreUnavailable& error) {
        // The database went away (or cancelled a statement): nothing of the request was stored;
        // the client tries again, and an idempotent push gets its receipts then.
        Response response = errorResponse(503, "store_unavailable",
                                          "the server's database does not answer at the moment: nothing of this "
                                          "request was stored; try again in a few seconds");
        response.headers.emplace_back("Retry-After", "5");
        response.fault = error.what();
        return response;
    } catch (const std::exception& error) {
        if (isStorageFull(error))
            return storageFullResponse(error.what());  // logged once a minute, not per request
        std::cerr << "kcfield-server: " << request.method << ' ' << echoable(request.path)
                  << (user.empty() ? "" : " by " + user) << " failed: " << error.what() << '\n';
    } catch (...) {
        std::cerr << "kcfield-server: " << request.method << ' ' << echoable(request.path) << " failed\n";
    }
    return errorResponse(500, "internal", "the server failed to handle this request; it has been logged");
}

void notFound(const std::string& what) {
    throw ApiException(404, "not_found", what + " does not exist or is outside your scope");
}

void throwInvalid(const std::string& path, const std::string& message) {
    throw ApiException(400, "invalid_input", path + ": " + message, {{path, message}});
}

} // namespace kc::server
