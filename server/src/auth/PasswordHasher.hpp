#pragma once

#include <string>
#include <string_view>

namespace kc::server {

//! Argon2id password hashing through libsodium, at libsodium's "interactive" cost
//! (t=2, m=64 MiB, p=1), above OWASP's minimum of t=2, m=19 MiB, p=1.
std::string hashPassword(std::string_view password);
//! Constant-time check of a password against a stored hash.
bool verifyPassword(std::string_view password, const std::string& storedHash);

} // namespace kc::server
