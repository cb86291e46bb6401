#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace kc::server {

class CentralStore;

//! Counts events per key in a sliding window. Once a key has `limit` events in the window it
//! is refused until the oldest of them leaves the window. Thread-safe; memory is bounded by
//! forgetting keys whose window is empty. With a `shared` store the events are kept in it, so
//! the limit holds across every server on that store (their clocks are the hosts' wall clocks).
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(int limit, std::chrono::seconds window, CentralStore* shared = nullptr)
        : m_limit(limit), m_window(window), m_shared(shared) {}

    //! Seconds until `key` may try again; 0 when it may now.
    int retryAfter(const std::string& key, Clock::time_point now = Clock::now());
    void record(const std::string& key, Clock::time_point now = Clock::now());
    void clear(const std::string& key);

private:
    void prune(std::deque<Clock::time_point>& events, Clock::time_point now) const;

    int m_limit;
    std::chrono::seconds m_window;
    CentralStore* m_shared;
    std::mutex m_mutex;
    std::map<std::string, std::deque<Clock::time_point>> m_events;
    int m_recordsSinceSweep = 0;
};

} // namespace kc::server
