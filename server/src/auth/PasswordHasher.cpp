#include "auth/PasswordHasher.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace kc::server {

namespace {
void ensureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}
//! The cores' turns at Argon2id, handed out in the order asked for (a semaphore is not fair:
//! under 200 sign-ins at once, some waited far longer than others). More handler threads
//! than cores (they wait on the disk) must not multiply the memory.
class HashingQueue {
public:
    static HashingQueue& instance() {
        static HashingQueue queue(std::max(1u, std::thread::hardware_concurrency()));
        return queue;
    }

    //! Waits for this caller's turn; with a bound, throws HashingBusy instead of waiting longer.
    void enter(std::optional<std::chrono::milliseconds> maxWait) {
        std::unique_lock lock(m_mutex);
        const std::uint64_t position = m_next >= m_admitted ? m_next - m_admitted + 1 : 0;
        if (maxWait && position > 0) {
            // Every core works through the queue ahead: rounds of one check each.
            const double rounds = std::ceil(static_cast<double>(position) / static_cast<double>(m_cores));
            const double expected = rounds * m_secondsPerCheck;
            if (expected * 1000.0 > static_cast<double>(maxWait->count()))
                throw HashingBusy(std::max(1, static_cast<int>(std::ceil(expected))));
        }
        const std::uint64_t ticket = m_next++;
        m_turn.wait(lock, [&] { return ticket < m_admitted; });
    }

    void leave(double seconds) {
        {
            std::lock_guard lock(m_mutex);
            ++m_admitted;
            m_secondsPerCheck = 0.8 * m_secondsPerCheck + 0.2 * seconds;
        }
        m_turn.notify_all();
    }

private:
    explicit HashingQueue(unsigned cores) : m_cores(cores), m_admitted(cores) {}

    const unsigned m_cores;
    std::mutex m_mutex;
    std::condition_variable m_turn;
    std::uint64_t m_next = 0;      //!< the next ticket handed out
    std::uint64_t m_admitted;      //!< tickets below this have had (or have) their turn
    double m_secondsPerCheck = 0.1;
};

class HashingSlot {
public:
    explicit HashingSlot(std::optional<std::chrono::milliseconds> maxWait = std::nullopt) {
        HashingQueue::instance().enter(maxWait);
        m_started = std::chrono::steady_clock::now();
    }
    ~HashingSlot() {
        HashingQueue::instance().leave(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count());
    }
    HashingSlot(const HashingSlot&) = delete;
    HashingSlot& operator=(const HashingSlot&) = delete;

private:
    std::chrono::steady_clock::time_point m_started;
};

} // namespace

std::string hashPassword(std::string_view password) {
    ensureSodium();
    const HashingSlot slot;
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(hash, password.data(), password.size(),
                              crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return hash;
}

bool verifyPassword(std::string_view password, const std::string& storedHash,
                    std::optional<std::chrono::milliseconds> maxWait) {
    ensureSodium();
    const HashingSlot slot(maxWait);
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

} // namespace kc::server
