#pragma once

#include "store/CentralStore.hpp"

#include "kc/forms/Form.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace kc::server {

//! Published form versions, loaded and checked once, shared read-only by every validation.
class FormCache {
public:
    explicit FormCache(CentralStore& store) : m_store(store) {}

    //! The form, or nullptr when that version was never published.
    std::shared_ptr<const forms::Form> get(const std::string& id, long long version);

private:
    CentralStore& m_store;
    std::mutex m_mutex;
    std::map<std::pair<std::string, long long>, std::shared_ptr<const forms::Form>> m_forms;
};

} // namespace kc::server
