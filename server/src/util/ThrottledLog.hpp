#pragma once

#include <chrono>
#include <iostream>
#include <mutex>
#include <string>

namespace kc::server {

//! Says something on stderr at most once a minute, with how many times it was not said in
//! between: a flood of connections or a full disk would otherwise fill the log.
class ThrottledLog {
public:
    void say(const std::string& text) {
        std::lock_guard lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        if (m_said && now - m_last < std::chrono::minutes(1)) {
            ++m_suppressed;
            return;
        }
        std::cerr << "kcfield-server: " << text;
        if (m_suppressed > 0)
            std::cerr << " (and " << m_suppressed << " more like it since the last message)";
        std::cerr << '\n';
        m_said = true;
        m_last = now;
        m_suppressed = 0;
    }

private:
    std::mutex m_mutex;
    bool m_said = false;
    std::chrono::steady_clock::time_point m_last;
    long m_suppressed = 0;
};

} // namespace kc::server
