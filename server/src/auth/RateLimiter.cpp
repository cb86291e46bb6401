#include "auth/RateLimiter.hpp"

#include "store/CentralStore.hpp"

#include <algorithm>
#include <cstdint>

namespace kc::server {

namespace {
std::int64_t wallMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch()).count();
}
} // namespace

void RateLimiter::prune(std::deque<Clock::time_point>& events, Clock::time_point now) const {
    while (!events.empty() && now - events.front() >= m_window)
        events.pop_front();
}

int RateLimiter::retryAfter(const std::string& key, Clock::time_point now) {
    if (m_shared) {
        const std::int64_t windowMs = std::chrono::duration_cast<std::chrono::milliseconds>(m_window).count();
        const std::int64_t at = wallMs();
        const auto events = m_shared->rateEvents(key, at - windowMs);
        if (events.count < m_limit)
            return 0;
        return std::max(1, static_cast<int>((events.oldestMs + windowMs - at + 999) / 1000));
    }
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
    if (m_shared) {
        const std::int64_t at = wallMs();
        m_shared->recordRateEvent(key, at, at - std::chrono::duration_cast<std::chrono::milliseconds>(m_window).count());
        return;
    }
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
    if (m_shared) {
        m_shared->clearRateEvents(key);
        return;
    }
    std::lock_guard lock(m_mutex);
    m_events.erase(key);
}

} // namespace kc::server
