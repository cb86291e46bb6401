#include "sync/FormCache.hpp"

#include "kc/forms/FormLoader.hpp"

#include <stdexcept>

namespace kc::server {

std::shared_ptr<const forms::Form> FormCache::get(const std::string& id, long long version) {
    const auto key = std::make_pair(id, version);
    {
        std::lock_guard lock(m_mutex);
        if (auto found = m_forms.find(key); found != m_forms.end())
            return found->second;
    }
    // Read and load without the lock: no thread waits on the store while holding it.
    const auto published = m_store.findForm(id, version);
    if (!published)
        return nullptr;
    auto loaded = forms::loadFormText(published->definition);
    if (!loaded.ok())
        throw std::runtime_error("published form " + id + " version " + std::to_string(version) +
                                 " no longer loads: " +
                                 (loaded.issues.empty() ? std::string("unknown problem")
                                                        : loaded.issues.front().message));
    std::lock_guard lock(m_mutex);
    return m_forms.emplace(key, loaded.form).first->second;  // another thread's copy if it was first
}

} // namespace kc::server
