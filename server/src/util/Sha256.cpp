#include "util/Sha256.hpp"


#include <sodium.h>

#include <stdexcept>

namespace kc::server {

static_assert(sizeof(crypto_hash_sha256_state) <= 256);

namespace {
crypto_hash_sha256_state* state(unsigned char* bytes) {
    return reinterpret_cast<crypto_hash_sha256_state*>(bytes);
}
} // namespace

Sha256::Sha256() {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    crypto_hash_sha256_init(state(m_state));
}

void Sha256::update(std::string_view bytes) {
    crypto_hash_sha256_update(state(m_state), reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
}

std::string Sha256::hexDigest() {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(state(m_state), digest);
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string sha256Hex(std::string_view bytes) {
    Sha256 hash;
    hash.update(bytes);
    return hash.hexDigest();
}

bool isSha256Hex(std::string_view text) {
    if (text.size() != 64)
        return false;
    for (char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

} // namespace kc::server
