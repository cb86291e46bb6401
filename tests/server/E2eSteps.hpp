#pragma once
// What the end-to-end tests do to the real server over HTTP, written once.

#include "../support/HttpClient.hpp"
#include "../support/ServerProcess.hpp"

#include <filesystem>

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

//! Fills the file system `folder` is on with one file, `folder`/filler.
void fillDisk(const std::filesystem::path& folder);
//! The first push of 100 reports the server refused, with its items' ids and bodies.
struct RefusedPush {
    HttpReply reply;
    std::vector<std::string> ids, items;
};
//! Pushes batches of 100 reports until one is refused (a store first fills the room its files
//! already have), at most `attempts` of them; REQUIREs a refusal.
RefusedPush pushUntilRefused(const ServerProcess& server, const std::string& token, const std::string& project,
                             const std::string& photo, int attempts);

} // namespace kc::test
