#include "auth/PasswordHasher.hpp"

#include <sodium.h>

#include <algorithm>
#include <semaphore>
#include <stdexcept>
#include <thread>

namespace kc::server {

namespace {
void ensureSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}
//! Argon2id takes 64 MiB and a core for a while: as many at once as there are cores. More
//! handler threads than cores (they wait on the disk) must not multiply the memory.
class HashingSlot {
public:
    HashingSlot() { slots().acquire(); }
    ~HashingSlot() { slots().release(); }
    HashingSlot(const HashingSlot&) = delete;
    HashingSlot& operator=(const HashingSlot&) = delete;

private:
    static std::counting_semaphore<>& slots() {
        static std::counting_semaphore<> instance(
            static_cast<std::ptrdiff_t>(std::max(1u, std::thread::hardware_concurrency())));
        return instance;
    }
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

bool verifyPassword(std::string_view password, const std::string& storedHash) {
    ensureSodium();
    const HashingSlot slot;
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

} // namespace kc::server
