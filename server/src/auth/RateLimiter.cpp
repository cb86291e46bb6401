#include "auth/RateLimiter.hpp"

namespace kc::server {

void RateLimiter::prune(std::deque<Clock::time_point>& events, Clock::time_point now) const {
    while (!events.empty() && now - events.front() >= m_window)
        events.pop_front();
}

int RateLimiter::retryAfter(const std::string& key, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    auto found = m_events.find(key);
    if (found == m_events.end())
        return 0;
    prune(found->second, now);
    if (static_cast<int>(found->second.size()) < m_limit)
        return 0;
    const auto wait = found->second.front() + m_window - now;
    return std::max(1, static_cast<int>(std::chrono::ceil<std::chrono::seconds>(wait).count()));
}

void RateLimiter::record(const std::string& key, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    auto& events = m_events[key];
    prune(events, now);
    events.push_back(now);
    if (++m_recordsSinceSweep >= 1024) {
        m_recordsSinceSweep = 0;
        for (auto it = m_events.begin(); it != m_events.end();) {
            prune(it->second, now);
            it = it->second.empty() ? m_events.erase(it) : std::next(it);
        }
    }
}

void RateLimiter::clear(const std::string& key) {
    std::lock_guard lock(m_mutex);
    m_events.erase(key);
}

} // namespace kc::server
