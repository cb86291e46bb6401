#pragma once

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace kc::server {

//! Incremental SHA-256 (OpenSSL, which uses the CPU's SHA instructions where it has them),
//! for attachments that arrive in chunks and for content hashes on every push.
class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    //! The digest as 64 lowercase hex digits; the object is spent afterwards.
    std::string hexDigest();

private:
    struct Free {
        void operator()(evp_md_ctx_st* context) const;
    };
    std::unique_ptr<evp_md_ctx_st, Free> m_context;
};

std::string sha256Hex(std::string_view bytes);
//! True for 64 lowercase hex digits.
bool isSha256Hex(std::string_view text);

} // namespace kc::server
