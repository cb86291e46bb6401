#pragma once

#include <string>
#include <string_view>

namespace kc::server {

//! Incremental SHA-256 (libsodium), for attachments that arrive in chunks.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    //! The digest as 64 lowercase hex digits; the object is spent afterwards.
    std::string hexDigest();

private:
    alignas(64) unsigned char m_state[256];
};

std::string sha256Hex(std::string_view bytes);
//! True for 64 lowercase hex digits.
bool isSha256Hex(std::string_view text);

} // namespace kc::server
