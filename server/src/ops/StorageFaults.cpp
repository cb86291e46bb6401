#include "ops/StorageFaults.hpp"

#include <sys/statvfs.h>


namespace kc::server {

namespace {
constexpr auto kRemembered = std::chrono::minutes(1);
//! Space freed since the last failure that counts as "no longer full".
constexpr std::int64_t kFreed = 1 << 20;
} // namespace

StorageFaults::StorageFaults(std::filesystem::path dataDir) : m_dataDir(std::move(dataDir)) {}

std::int64_t StorageFaults::freeBytes() const {
    struct statvfs info {};
    if (::statvfs(m_dataDir.c_str(), &info) != 0)
        return -1;
    return static_cast<std::int64_t>(info.f_bavail) * static_cast<std::int64_t>(info.f_frsize);
}

void StorageFaults::noteFull(const std::string& detail) {
    const std::int64_t free = freeBytes();
    {
        std::lock_guard lock(m_mutex);
        ++m_errors;
        m_lastError = Clock::now();
        m_freeAtLastError = free;
    }
    m_log.say("storage is full under " + m_dataDir.string() +
              ": writes are refused with 507 and nothing of them is stored (" + detail + ")");
}

StorageFaults::State StorageFaults::state() const {
    State state;
    state.freeBytes = freeBytes();
    std::lock_guard lock(m_mutex);
    state.fullErrors = m_errors;
    state.full = m_errors > 0 && Clock::now() - m_lastError < kRemembered &&
                 !(state.freeBytes >= 0 && state.freeBytes > m_freeAtLastError + kFreed);
    return state;
}

} // namespace kc::server
