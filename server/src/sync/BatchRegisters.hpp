#pragma once

#include "auth/Caller.hpp"
#include "store/CentralStore.hpp"

#include "kc/forms/Validator.hpp"

#include <boost/json/object.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kc::server {

//! The register records a batch refers to, each read from the store once per batch
//! (validation, lookup() and the province all ask for the same project). Pushing writes
//! no register, so nothing here goes stale within a batch. Records are read as committed,
//! so a thread validating for a transaction still open never waits for it. Not shared
//! between threads: each thread validating part of a batch has its own.
class BatchRegisters {
public:
    BatchRegisters(CentralStore& store, const Caller& caller) : m_store(store), m_caller(caller) {}

    //! The facility if it exists and the caller may see it.
    const std::optional<domain::Facility>& facility(const std::string& id);
    //! The project if it exists and the caller may see it.
    const std::optional<domain::Project>& project(const std::string& id);

    //! What the form engine's reference checks and lookup() read.
    forms::RegisterAccess access();

private:
    //! The record as the register's JSON (empty if unseen), built once per batch: every
    //! lookup() of every submission asks for it.
    const boost::json::object& recordJson(std::string_view registerName, std::string_view id);

    CentralStore& m_store;
    const Caller& m_caller;
    std::map<std::string, boost::json::object> m_json;
    std::map<std::string, std::optional<domain::Facility>> m_facilities;
    std::map<std::string, std::optional<domain::Project>> m_projects;
};

} // namespace kc::server
