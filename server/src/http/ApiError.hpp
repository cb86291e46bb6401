#pragma once

#include "http/HttpTypes.hpp"

#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kc::server {

//! An error for a field of the request: {"path": "...", "message": "..."}.
struct FieldError {
    std::string path;
    std::string message;
};

//! The error body of every endpoint (docs/protocol.md, "Errors"):
//! {"error": {"code": "not_found", "message": "...", "fields": [...]}}.
Response errorResponse(int status, const std::string& code, const std::string& message,
                       const std::vector<FieldError>& fields = {});

//! Thrown by a handler to answer with the error body; the router turns it into a response.
class ApiException : public std::runtime_error {
public:
    ApiException(int status, std::string code, const std::string& message,
                 std::vector<FieldError> fields = {})
        : std::runtime_error(message), m_status(status), m_code(std::move(code)),
          m_fields(std::move(fields)) {}
    //! Adds a header to the error response (Retry-After, WWW-Authenticate).
    ApiException& withHeader(std::string name, std::string value) {
        m_headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    Response response() const {
        Response response = errorResponse(m_status, m_code, what(), m_fields);
        response.headers = m_headers;
        return response;
    }
    int status() const { return m_status; }
    const std::string& code() const { return m_code; }

private:
    int m_status;
    std::string m_code;
    std::vector<FieldError> m_fields;
    std::vector<std::pair<std::string, std::string>> m_headers;
};

//! The answer to an exception a handler threw: its own error for an ApiException, 400 for a
//! malformed JSON field, 507 storage_full when the disk is full, and otherwise 500 internal, logged on stderr with the request and
//! `user` (who asked, when known) so that the failure can be traced.
Response failureResponse(const Request& request, std::exception_ptr failure, const std::string& user);

//! Whether a failure was for want of space (SQLITE_FULL, ENOSPC, EDQUOT).
bool isStorageFull(const std::exception& error);
//! 507 storage_full with Retry-After; `detail` goes to Response::fault for the log.
Response storageFullResponse(const std::string& detail);

//! 404 for something that does not exist *or* lies outside the caller's scope: the answer
//! does not tell the two apart, so ids outside a scope cannot be probed.
[[noreturn]] void notFound(const std::string& what);

//! 400 invalid_input naming one field.
[[noreturn]] void throwInvalid(const std::string& path, const std::string& message);

} // namespace kc::server
