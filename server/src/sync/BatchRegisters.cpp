#include "sync/BatchRegisters.hpp"

#include "kc/domain/RegisterJson.hpp"
#include "kc/json/Json.hpp"

namespace kc::server {

namespace bj = boost::json;

namespace {

//! The record `id` from `cache`, read once with `find` and kept only if `caller` may see it.
template <class Record, class Find>
const std::optional<Record>& cached(std::map<std::string, std::optional<Record>>& cache, const std::string& id,
                                    const Caller& caller, Find find) {
    auto found = cache.find(id);
    if (found == cache.end()) {
        auto record = find(id);
        if (record && !caller.maySee(*record))
            record.reset();
        found = cache.emplace(id, std::move(record)).first;
    }
    return found->second;
}

} // namespace

const std::optional<domain::Facility>& BatchRegisters::facility(const std::string& id) {
    return cached(m_facilities, id, m_caller, [this](const std::string& key) { return m_store.findCommittedFacility(key); });
}

const std::optional<domain::Project>& BatchRegisters::project(const std::string& id) {
    return cached(m_projects, id, m_caller, [this](const std::string& key) { return m_store.findCommittedProject(key); });
}

forms::RegisterAccess BatchRegisters::access() {
    forms::RegisterAccess access;
    access.exists = [this](std::string_view registerName, std::string_view id) {
        if (registerName == "facility")
            return facility(std::string(id)).has_value();
        if (registerName == "project")
            return project(std::string(id)).has_value();
        return false;
    };
    access.value = [this](std::string_view registerName, std::string_view id,
                          std::string_view column) -> std::optional<std::string> {
        const auto* value = recordJson(registerName, id).if_contains(column);
        if (!value || value->is_null())
            return std::nullopt;
        if (value->is_string())
            return std::string(value->get_string());
        return json::serialize(*value);
    };
    return access;
}

const bj::object& BatchRegisters::recordJson(std::string_view registerName, std::string_view id) {
    std::string key = std::string(registerName) + '/' + std::string(id);
    auto found = m_json.find(key);
    if (found == m_json.end()) {
        bj::object record;
        if (registerName == "facility" && facility(std::string(id)))
            record = domain::facilityToJson(*facility(std::string(id)));
        else if (registerName == "project" && project(std::string(id)))
            record = domain::projectToJson(*project(std::string(id)));
        found = m_json.emplace(std::move(key), std::move(record)).first;
    }
    return found->second;
}

} // namespace kc::server
