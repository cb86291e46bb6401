#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

#include "util/ThrottledLog.hpp"

namespace kc::server {

//! What the server knows about its storage being full: writes that failed for want of
//! space (answered 507), logged at most once a minute, and reported by /healthz and
//! /metrics until space is freed or a minute passes without another such failure.
class StorageFaults {
public:
    using Clock = std::chrono::steady_clock;

    explicit StorageFaults(std::filesystem::path dataDir);

    //! A write failed for want of space; `detail` says which (logged, never sent).
    void noteFull(const std::string& detail);

    struct State {
        bool full = false;
        std::int64_t fullErrors = 0;  //!< since start
        std::int64_t freeBytes = -1;  //!< on the data folder's file system; -1 when unknown
    };
    State state() const;

private:
    std::int64_t freeBytes() const;

    std::filesystem::path m_dataDir;
    mutable std::mutex m_mutex;
    std::int64_t m_errors = 0;
    Clock::time_point m_lastError;
    std::int64_t m_freeAtLastError = 0;
    ThrottledLog m_log;
};

} // namespace kc::server
