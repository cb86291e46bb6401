#pragma once
// What the end-to-end tests do to the real server over HTTP, written once.

#include "../support/ServerProcess.hpp"

#include <map>
#include <string>
#include <vector>

namespace kc::test {

//! Signs in a demo user (password "khuyencong") and returns the bearer token.
std::string signIn(const ServerProcess& server, const std::string& user);
std::map<std::string, std::string> bearer(const std::string& token);
//! The id of the project with `code`, as `token` sees the project list.
std::string projectId(const ServerProcess& server, const std::string& token, const std::string& code);
//! Uploads `text` as a JPEG (the signature is put before it) and returns its SHA-256.
std::string upload(const ServerProcess& server, const std::string& token, const std::string& text);
//! A progress report push item.
std::string report(const std::string& id, const std::string& project, const std::string& photo, int percent);
//! A push body holding `items`.
std::string batch(const std::vector<std::string>& items);

} // namespace kc::test
