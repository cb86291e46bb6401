#pragma once

#include "store/AppStore.hpp"

#include "../support/ServerProcess.hpp"

#include <boost/json/object.hpp>

#include <QString>

#include <filesystem>
#include <memory>
#include <string>

namespace kc::test {

//! A real store file in a fresh folder, opened.
struct StoreFixture {
    std::filesystem::path dir;
    AppStore store;
    explicit StoreFixture(const std::string& name);
    app::LocalStore& local() { return *store.local(); }
};

//! Puts one form of the built-in library (shared/forms) into a device store, as a pull would.
void putLibraryForm(app::LocalStore& store, const std::string& formId, std::int64_t version = 1);

//! A facility in the wire form with a fresh UUIDv7.
boost::json::object facilityJson(const std::string& name, const std::string& province = "04",
                                 const std::string& commune = "04-001");

QString qs(const std::string& s);

} // namespace kc::test
