#pragma once

#include "http/HttpTypes.hpp"

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

} // namespace kc::server
