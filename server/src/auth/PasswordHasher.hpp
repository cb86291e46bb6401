#pragma once

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kc::server {

//! Argon2id password hashing through libsodium, at libsodium's "interactive" cost
//! (t=2, m=64 MiB, p=1), above OWASP's minimum of t=2, m=19 MiB, p=1.
std::string hashPassword(std::string_view password);
//! Thrown by verifyPassword when its turn would come later than the bound allows.
class HashingBusy : public std::runtime_error {
public:
    explicit HashingBusy(int retryAfterSeconds)
        : std::runtime_error("every password check is taken"), retryAfter(retryAfterSeconds) {}
    int retryAfter;
};

//! Constant-time check of a password against a stored hash. Argon2id takes 64 MiB and a core
//! for a while, so as many run at once as there are cores, and the others wait their turn
//! first come, first served. With `maxWait`, a check whose turn is expected later than that
//! (from the time the last checks took) is not queued: HashingBusy says when to try again.
bool verifyPassword(std::string_view password, const std::string& storedHash,
                    std::optional<std::chrono::milliseconds> maxWait = std::nullopt);

} // namespace kc::server
