#pragma once

// The real handlers over a real store (SQLite in a temp folder, or PostgreSQL when the tests run
// on it: TestStore.hpp), called without sockets.
#include "../support/TestStore.hpp"

#include "api/ServerContext.hpp"
#include "http/Router.hpp"
#include "store/CentralStore.hpp"

#include <boost/json/value.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

namespace kc::test {

struct ApiFixture {
    explicit ApiFixture(const std::string& name, server::AuthSettings authSettings = {});

    //! Calls the router as the transport would. `token` empty: no Authorization header.
    server::Response call(const std::string& method, const std::string& target,
                          const std::string& body = {}, const std::string& token = {},
                          std::map<std::string, std::string> headers = {});
    //! As call(), with the caller signed in as a demo user (tokens are cached per user).
    server::Response as(const std::string& user, const std::string& method,
                        const std::string& target, const std::string& body = {},
                        std::map<std::string, std::string> headers = {});
    std::string token(const std::string& user);
    boost::json::value json(const server::Response& response) const;
    //! The error code of an error response.
    std::string errorCode(const server::Response& response) const;

    //! Uploads, as `user` in one chunk, "\xFF\xD8\xFF" + text (a JPEG signature, then the text); returns its SHA-256.
    std::string upload(const std::string& user, const std::string& text);
    //! A project's id by its code, and a facility's by its name.
    std::string projectId(const std::string& code);
    std::string facilityId(const std::string& name);
    //! A valid progress report on the project `code`, pushed as one item (no photo list
    //! when `photo` is empty: then the form's required photo is missing).
    boost::json::object progressReport(const std::string& id, const std::string& projectCode,
                                       const std::string& photo, int percent = 60);
    //! Pushes items and returns the receipts.
    boost::json::array push(const std::string& user, const boost::json::array& items);

    std::filesystem::path dir;
    std::unique_ptr<server::CentralStore> store;
    std::unique_ptr<server::Authenticator> auth;
    std::unique_ptr<server::FormCache> forms;
    std::unique_ptr<server::AttachmentFiles> files;
    server::Metrics metrics;
    //! The address every call comes from (sign-in limits count per address).
    std::string remoteAddress = "192.0.2.10";
    std::unique_ptr<server::ServerContext> context;
    server::Router router;
    int streamedResponses = 0;  //!< how many answers came as a stream rather than one body
    std::map<std::string, std::string> tokens;
};

//! A response header's value ("" when absent), as a handler set it.
std::string responseHeader(const server::Response& response, const std::string& name);

//! The store of the engine under test for `dir`: SQLite in it, or its PostgreSQL database
//! (TestStore.hpp); opened again on the same folder, the same store.
std::unique_ptr<server::CentralStore> openStore(const std::filesystem::path& dir);

//! A fresh UUIDv7 as text.
std::string newId();

} // namespace kc::test
